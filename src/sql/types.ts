import type { IsoDate, SchoolCalendar } from '../calendar/types.js';
import type { CodeSetId } from '../codes/types.js';
import type { AttendancePolicy, BandTable } from '../policy/types.js';
import type { WindowRule } from '../windows/types.js';
import type { SqlDialectName } from './dialects/dialect.js';

export type { SqlDialectName } from './dialects/dialect.js';

/**
 * Where the register is and what its columns are called. The table holds one row per mark, as the long register
 * CSV does: pupil, date, session, code.
 *
 * @category SQL
 */
export interface MarksTableOptions {
  /** The schema holding the table; left out, the table is found on the search path. */
  readonly schema?: string;
  /**
   * The table (or view) of marks.
   *
   * @defaultValue `'marks'`
   */
  readonly table?: string;
  /** Column names, where they differ from `pupil_id`, `date`, `session` and `code`. */
  readonly columns?: {
    /** The pupil (`pupil_id`). */
    readonly pupilId?: string;
    /** The school date (`date`). */
    readonly date?: string;
    /** `AM` or `PM` (`session`). */
    readonly session?: string;
    /** The register code (`code`). */
    readonly code?: string;
    /**
     * A column giving the marks' order in the source (e.g. a line number). Two marks of equal precedence for one
     * session go to the earlier one, as in the library; without it, to the code that sorts first.
     */
    readonly order?: string;
  };
  /**
   * The date column's type: `'date'` (a SQL `DATE`), or `'text'` (`YYYY-MM-DD` strings, each checked to be a real
   * day; anything else is an `invalid_date` issue).
   *
   * @defaultValue `'date'`
   */
  readonly dateType?: 'date' | 'text';
  /**
   * Whether the database already guarantees one mark per session: `true` when the table has a primary key or a
   * unique constraint on pupil, date and session (as a warehouse table fed by an MIS usually has). The generated
   * SQL then trusts the key and does not look for a second mark for a session, the costliest check of the script
   * (on DuckDB it takes about as long as the rest of the per-pupil figures together). Left `false`, every pupil is
   * checked and one with two marks for a session is handled as `duplicates` says. Set it only where the
   * database enforces the key: with it, a duplicate the key let through would be counted twice.
   *
   * @defaultValue `false`
   */
  readonly uniqueSessions?: boolean;
}

/**
 * Where the generated tables and views go, and what their names start with.
 *
 * @category SQL
 */
export interface SqlOutputOptions {
  /** The schema to create them in (it must exist); left out, the current one. */
  readonly schema?: string;
  /**
   * The start of every name, so that the objects sit together and apart from the user's own.
   *
   * @defaultValue `'sa_'`
   */
  readonly prefix?: string;
}

/**
 * A rolling-window rule with the name its results carry in the `pupil_windows` view.
 *
 * @category SQL
 */
export interface NamedWindowRule {
  /** Lower-case letters, digits and underscores, starting with a letter, e.g. `'penalty_notice'`. */
  readonly name: string;
  /** The rule. */
  readonly rule: WindowRule;
}

/**
 * What {@link compileRulesToSql} compiles, and for which engine.
 *
 * @category SQL
 */
export interface RulesSqlOptions {
  /** The engine: `'duckdb'` or `'postgres'`. */
  readonly dialect: SqlDialectName;
  /** The school calendar: school weeks for the windows, and the sessions marks may fall on. */
  readonly calendar: SchoolCalendar;
  /**
   * The policy: persistent and severe absence thresholds, band table and penalty-notice rule.
   *
   * @defaultValue `DFE_POLICY`
   */
  readonly policy?: AttendancePolicy;
  /**
   * The band table each pupil is placed in.
   *
   * @defaultValue the policy's `bands`
   */
  readonly bands?: BandTable;
  /**
   * The rolling windows to apply to every pupil (at most 32).
   *
   * @defaultValue the policy's penalty-notice rule, named `penalty_notice`
   */
  readonly windows?: readonly NamedWindowRule[];
  /** The marks table. */
  readonly marks?: MarksTableOptions;
  /** Where the generated objects go. */
  readonly output?: SqlOutputOptions;
  /**
   * The first value of the as-of date, kept in the `parameters` table: marks after it are not counted. Change it
   * with an `UPDATE` (a bound parameter), not by generating again.
   *
   * @defaultValue `'9999-12-31'`: every mark is counted
   */
  readonly asOf?: IsoDate;
  /** As `CountSessionsOptions.codeSet`: read each mark against the code set of its date (the default) or one set. */
  readonly codeSet?: CodeSetId | 'by-date';
  /** As `CountSessionsOptions.unmarked`. */
  readonly unmarked?: 'unmarked' | 'as-N';
  /** As `CountSessionsOptions.duplicates`: a second mark for a session withholds the pupil's figures (`'error'`), or the mark of higher precedence counts. */
  readonly duplicates?: 'error' | 'precedence';
}

/**
 * The generated script and the names of what it creates, quoted and qualified, ready to query.
 *
 * @category SQL
 */
export interface RulesSql {
  /** The script: statements separated by semicolons, with comments citing each rule's source. */
  readonly sql: string;
  /** The dialect it is written in. */
  readonly dialect: SqlDialectName;
  /** The objects it creates. */
  readonly objects: RulesSqlObjects;
}

/**
 * The tables and views the script creates (each name quoted, with its schema where one was given).
 *
 * @category SQL
 */
export interface RulesSqlObjects {
  /** Table: the as-of date, one row (`as_of`). */
  readonly parameters: string;
  /** Table: every register code of both code sets, its category, precedence and penalty-notice flag. */
  readonly codes: string;
  /** Table: every day of the calendar with its school week, calendar week, day number and open sessions. */
  readonly calendar: string;
  /** Table: the band table's bands, with bounds in hundredths of a percent. */
  readonly bands: string;
  /** Table: the window rules. */
  readonly windowRules: string;
  /** View: every mark with its problems; one row per problem. */
  readonly issues: string;
  /** View: per pupil, session counts by category, exact rates, absence class and band. */
  readonly pupilFigures: string;
  /** View: per pupil and window rule, sessions counted, the most in any window and when the threshold was first reached. */
  readonly pupilWindows: string;
  /** View: the cohort's figures by the DfE method (one row). */
  readonly cohort: string;
  /** View: the number of pupils in each band (one row per band). */
  readonly cohortBands: string;
}
