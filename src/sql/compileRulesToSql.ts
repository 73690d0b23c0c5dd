import type { IsoDate } from '../calendar/types.js';
import {
  CODE_SET_2024_START,
  CODE_SET_PRE_2024_START,
  CODE_SET_PRE_2024_END,
} from '../codes/codeSetDates.js';
import { COMPACT_CODES } from '../codes/compactCodes.js';
import { REGISTER_CODES_2024 } from '../codes/registerCodes2024.js';
import { REGISTER_CODES_PRE_2024 } from '../codes/registerCodesPre2024.js';
import type { CodeSetId, RegisterCodeDefinition, StatisticalCategory } from '../codes/types.js';
import { AttendanceError } from '../errors.js';
import { DFE_POLICY } from '../policy/presets.js';
import { PRECEDENCE_BY_CATEGORY } from '../sessions/tally.js';
import type { AbsenceThreshold, AttendancePolicy, BandTable } from '../policy/types.js';
import { CATEGORY_NUMBER, UNMARKED } from '../_internal/codeTables.js';
import { compileCalendar, isSessionOpen } from '../_internal/compiledCalendar.js';
import { toBasisPoints } from '../_internal/exactRate.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import type { SqlDialect } from './dialects/dialect.js';
import { duckdb } from './dialects/duckdb.js';
import { postgres } from './dialects/postgres.js';
import { rulesSqlOptionsSchema } from './schema.js';
import {
  sqlBoolean,
  sqlCommentText,
  sqlDate,
  sqlIdentifier,
  sqlInteger,
  sqlQualifiedName,
  sqlString,
} from './sqlText.js';
import type { NamedWindowRule, RulesSql, RulesSqlObjects, RulesSqlOptions } from './types.js';

const DIALECTS: Readonly<Record<RulesSqlOptions['dialect'], SqlDialect>> = { duckdb, postgres };

const SOURCES = {
  methodology:
    'DfE, Pupil absence in schools in England, methodology: https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england',
  regulations:
    'The School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208): https://www.legislation.gov.uk/uksi/2024/208/contents/made',
  guidance: 'DfE, Working together to improve school attendance (2024), and its register-code tables',
  penalties:
    'The Education (Penalty Notices) (England) (Amendment) Regulations 2024 (SI 2024/210) and the national framework: https://www.legislation.gov.uk/uksi/2024/210/contents/made',
} as const;

/**
 * The precedence of a category for two marks of one session: the tally's own ranks (`beatsByPrecedence`), so
 * SQL and library cannot disagree. Higher wins; the earlier mark wins a tie.
 */
function precedenceOf(category: StatisticalCategory | 'unmarked'): number {
  return PRECEDENCE_BY_CATEGORY[category === 'unmarked' ? UNMARKED : CATEGORY_NUMBER[category]]!;
}

/** Rows per INSERT statement, so that no statement grows without bound with a long calendar. */
const ROWS_PER_INSERT = 400;

/**
 * Compiles a policy, a band table, window rules and a school calendar into SQL that computes, inside DuckDB or
 * PostgreSQL, what the library computes: per pupil the session counts by statistical category, exact attendance
 * and absence rates, persistent and severe absence, the band and every window rule's largest count and the
 * first session it reached its threshold; the cohort's figures by the DfE method; and every problem with a mark
 * as a row of an issues view, never dropped.
 *
 * @remarks
 * The script creates small tables (the as-of date, the code tables of both code sets, the calendar day by day,
 * the bands and the window rules) and views over the user's marks table, which it only reads. Run it once; then
 * query the views, and change the as-of date with `UPDATE <parameters> SET as_of = $1`. Running it again
 * replaces what it created.
 *
 * The figures are those of `createCohortRegister` then `analyseCohortRegister` and
 * `aggregateCohort` on the same marks: a pupil with a mark the library would reject (a date that is no real
 * day, a session other than AM or PM, no code, an unknown code, or with `duplicates: 'error'` a second mark for a
 * session) gets no figures and is left out of the cohort, and the issues view says why. Marks after the as-of
 * date are not counted. Marks the calendar contradicts are counted, as `countSessions` counts them, and
 * listed as issues, as `checkMarksAgainstCalendar` lists them; a window leaves out a counted session its
 * unit cannot place.
 *
 * Every option is checked before a line is written; names are quoted as identifiers and every value is written
 * as a checked, typed literal, so no option can change what a statement does.
 *
 * @param options - The dialect, calendar, policy, band table, window rules, the marks table and where to put
 * the generated objects.
 * @returns The script and the names of the objects it creates.
 * @throws `AttendanceError` Listing every invalid option, each with its path.
 * @example
 * const { sql, objects } = compileRulesToSql({ dialect: 'duckdb', calendar, policy: TRUST_POLICY });
 * // run `sql` once, then:
 * // SELECT * FROM sa_pupil_figures WHERE persistent_absence;
 * objects.pupilFigures //=> '"sa_pupil_figures"'
 * @category SQL
 */
export function compileRulesToSql(options: RulesSqlOptions): RulesSql {
  const parsed = rulesSqlOptionsSchema().safeParse(options, ZOD_PARSE_CONTEXT);
  if (!parsed.success) {
    const [first, ...rest] = fromZodIssues(parsed.error.issues);
    throw new AttendanceError([first!, ...rest]);
  }
  return new ScriptWriter(options).write();
}

/** The objects' names, quoted: `prefix + word`, in the output schema. */
function objectNames(options: RulesSqlOptions): AllObjects {
  const schema = options.output?.schema;
  const prefix = options.output?.prefix ?? 'sa_';
  const name = (word: string): string => sqlQualifiedName(schema, `${prefix}${word}`);
  return {
    parameters: name('parameters'),
    codes: name('codes'),
    calendar: name('calendar'),
    bands: name('bands'),
    windowRules: name('window_rules'),
    issues: name('issues'),
    pupilFigures: name('pupil_figures'),
    pupilWindows: name('pupil_windows'),
    cohort: name('cohort'),
    cohortBands: name('cohort_bands'),
    markRows: name('mark_rows'),
    marks: name('marks'),
    pupilCodes: name('pupil_codes'),
    pupilDuplicates: name('pupil_duplicates'),
    duplicateMarks: name('duplicate_marks'),
    withheldPupils: name('withheld_pupils'),
  };
}

/** The public objects and the views between them. */
interface AllObjects extends RulesSqlObjects {
  readonly markRows: string;
  readonly marks: string;
  readonly pupilCodes: string;
  readonly pupilDuplicates: string;
  readonly duplicateMarks: string;
  readonly withheldPupils: string;
}

/** The views in the order they are created (each reads only earlier ones). */
const VIEW_ORDER = [
  'markRows',
  'marks',
  'pupilCodes',
  'pupilDuplicates',
  'duplicateMarks',
  'withheldPupils',
  'pupilFigures',
  'pupilWindows',
  'issues',
  'cohort',
  'cohortBands',
] as const;
const TABLE_ORDER = ['parameters', 'codes', 'calendar', 'bands', 'windowRules'] as const;

/** The calendar table's column for each window unit. */
const UNIT_COLUMN = {
  'school-weeks': 'school_week',
  'calendar-weeks': 'calendar_week',
  'calendar-days': 'day_number',
} as const;

/** Writes one script; holds the checked options and what is derived from them once. */
class ScriptWriter {
  private readonly dialect: SqlDialect;
  private readonly policy: AttendancePolicy;
  private readonly bands: BandTable;
  private readonly windows: readonly NamedWindowRule[];
  private readonly names: AllObjects;
  private readonly calendar: ReturnType<typeof compileCalendar>;
  /** The first day of the calendar table: slot numbers count sessions from its morning. */
  private readonly dayZero: IsoDate;
  /** Session slots in the calendar table (two a day). */
  private readonly slots: number;
  private readonly precedenceMode: boolean;
  /** The table's key rules out a second mark for a session: no duplicate check is written. */
  private readonly uniqueSessions: boolean;
  /** The calendar's first and last day as literals, and its session slots: the sessions a bitstring can hold. */
  private readonly range: { readonly first: string; readonly last: string; readonly slots: number };

  constructor(private readonly options: RulesSqlOptions) {
    this.dialect = DIALECTS[options.dialect];
    this.policy = options.policy ?? DFE_POLICY;
    this.bands = options.bands ?? this.policy.bands;
    this.windows = options.windows ?? [{ name: 'penalty_notice', rule: this.policy.penaltyNotice }];
    this.names = objectNames(options);
    this.calendar = compileCalendar(options.calendar);
    this.dayZero = this.calendar.dates[0] ?? CODE_SET_2024_START;
    this.slots = Math.max(2, this.calendar.dates.length * 2);
    this.precedenceMode = options.duplicates === 'precedence';
    this.uniqueSessions = options.marks?.uniqueSessions === true;
    const lastDay = this.calendar.dates[this.calendar.dates.length - 1] ?? this.dayZero;
    this.range = { first: sqlDate(this.dayZero), last: sqlDate(lastDay), slots: this.slots };
  }

  write(): RulesSql {
    const statements = [
      this.header(),
      ...this.dialect.preamble,
      this.dropStatements(),
      this.parametersTable(),
      this.codesTable(),
      this.calendarTable(),
      this.bandsTable(),
      this.windowRulesTable(),
      this.markRowsView(),
      this.marksView(),
      this.pupilCodesView(),
      this.pupilDuplicatesView(),
      this.duplicateMarksView(),
      this.withheldPupilsView(),
      this.pupilFiguresView(),
      this.pupilWindowsView(),
      this.issuesView(),
      this.cohortView(),
      this.cohortBandsView(),
    ];
    const names = this.names;
    const objects: RulesSqlObjects = {
      parameters: names.parameters,
      codes: names.codes,
      calendar: names.calendar,
      bands: names.bands,
      windowRules: names.windowRules,
      issues: names.issues,
      pupilFigures: names.pupilFigures,
      pupilWindows: names.pupilWindows,
      cohort: names.cohort,
      cohortBands: names.cohortBands,
    };
    return { sql: `${statements.join('\n\n')}\n`, dialect: this.dialect.name, objects };
  }

  private get text(): string {
    return this.dialect.text;
  }

  /** The marks table's name and a column of it, quoted. */
  private markColumn(column: 'pupilId' | 'date' | 'session' | 'code' | 'order'): string | undefined {
    const defaults = {
      pupilId: 'pupil_id',
      date: 'date',
      session: 'session',
      code: 'code',
      order: undefined,
    };
    const name = this.options.marks?.columns?.[column] ?? defaults[column];
    return name === undefined ? undefined : `m.${sqlIdentifier(name)}`;
  }

  private header(): string {
    const policy = sqlCommentText(this.policy.name);
    const calendar = sqlCommentText(this.options.calendar.name);
    return [
      `-- The attendance rules of schools in England, compiled to ${this.dialect.title} SQL by school-attendance.`,
      `-- Policy "${policy}", band table "${sqlCommentText(this.bands.id)}", calendar "${calendar}".`,
      `-- Window rules: ${this.windows.map((window) => sqlCommentText(window.name)).join(', ')}.`,
      '-- Run once; then query the views. Change the as-of date with an UPDATE of the parameters table.',
      `-- Sources: ${SOURCES.methodology}`,
      `--          ${SOURCES.regulations}`,
    ].join('\n');
  }

  private dropStatements(): string {
    const views = [...VIEW_ORDER].reverse().map((key) => `DROP VIEW IF EXISTS ${this.names[key]};`);
    const tables = [...TABLE_ORDER].reverse().map((key) => `DROP TABLE IF EXISTS ${this.names[key]};`);
    return ['-- Replace what an earlier run of this script created.', ...views, ...tables].join('\n');
  }

  private insertRows(table: string, rows: readonly string[]): string {
    const statements: string[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT);
      statements.push(`INSERT INTO ${table} VALUES\n  ${chunk.join(',\n  ')};`);
    }
    return statements.join('\n');
  }

  private parametersTable(): string {
    // No as-of date reads every mark, as the library does without one.
    const asOf = this.options.asOf ?? '9999-12-31';
    return `-- The as-of date: marks after it are not counted, as if the register ended there (9999-12-31: all of them).
CREATE TABLE ${this.names.parameters} (as_of DATE NOT NULL);
INSERT INTO ${this.names.parameters} VALUES (${sqlDate(asOf)});`;
  }

  private codesTable(): string {
    const sets: readonly [CodeSetId, readonly RegisterCodeDefinition[], IsoDate, IsoDate | null][] = [
      ['2024', REGISTER_CODES_2024, CODE_SET_2024_START, null],
      ['pre-2024', REGISTER_CODES_PRE_2024, CODE_SET_PRE_2024_START, CODE_SET_PRE_2024_END],
    ];
    const penaltyCodes = new Set<string>(this.policy.penaltyNotice.codes);
    const rows: string[] = [];
    for (const [set, definitions, setFrom, setTo] of sets) {
      const other = set === '2024' ? REGISTER_CODES_PRE_2024 : REGISTER_CODES_2024;
      for (const code of [...COMPACT_CODES, '']) {
        const own = definitions.find((definition) => definition.code === code);
        const fallback = other.find((definition) => definition.code === code);
        const unmarked = code === '-' || code === '';
        const category = unmarked ? 'unmarked' : (own ?? fallback)!.category;
        const countsAs = unmarked && this.options.unmarked === 'as-N' ? 'unauthorised' : category;
        const validFrom = own?.validFrom ?? setFrom;
        const validTo = own === undefined ? setTo : own.validTo;
        rows.push(
          [
            sqlString(set),
            sqlString(code),
            sqlString(category),
            sqlString(countsAs),
            sqlBoolean(unmarked || own !== undefined),
            sqlInteger(precedenceOf(category)),
            sqlBoolean(penaltyCodes.has(code)),
            sqlDate(validFrom),
            validTo === null ? 'NULL' : sqlDate(validTo),
          ].join(', ')
        );
      }
    }
    const t = this.text;
    return `-- Every register code of both code sets and how DfE statistics count it (${SOURCES.methodology}).
-- A code of the other set (a legacy code after 19 August 2024) counts as that set counts it, with a warning;
-- "-" and "" are no mark yet. Precedence decides between two marks for one session (present, approved
-- educational activity, authorised, unauthorised, not possible, no mark). penalty_notice: the policy's
-- penalty-notice codes (${SOURCES.penalties}).
CREATE TABLE ${this.names.codes} (
  code_set ${t} NOT NULL,
  code ${t} NOT NULL,
  category ${t} NOT NULL,
  counts_as ${t} NOT NULL,
  in_code_set BOOLEAN NOT NULL,
  precedence INTEGER NOT NULL,
  penalty_notice BOOLEAN NOT NULL,
  valid_from DATE NOT NULL,
  valid_to DATE,
  PRIMARY KEY (code_set, code)
);
${this.insertRows(
  this.names.codes,
  rows.map((row) => `(${row})`)
)}`;
  }

  private calendarTable(): string {
    const calendar = this.calendar;
    const rows = calendar.dates.map((date, day) => {
      const schoolWeek = calendar.schoolWeekOfDay[day]!;
      const closure = calendar.closureOfDay[day];
      const kind =
        closure !== undefined
          ? 'closure'
          : day % 7 >= 5
            ? 'weekend'
            : calendar.halfTermOfDay[day]! < 0
              ? 'holiday'
              : 'school day';
      return `(${[
        sqlDate(date),
        sqlInteger(day),
        sqlInteger(Math.floor(day / 7)),
        schoolWeek < 0 ? 'NULL' : sqlInteger(schoolWeek),
        sqlBoolean(isSessionOpen(calendar, day, 'AM')),
        sqlBoolean(isSessionOpen(calendar, day, 'PM')),
        sqlString(kind),
      ].join(', ')})`;
    });
    return `-- Every day from the Monday before the calendar's first half-term to the Sunday after its last. A school
-- week is a Monday-to-Sunday week with at least one open session; holiday weeks have none, so windows in school
-- weeks run on across holidays (${SOURCES.penalties}).
CREATE TABLE ${this.names.calendar} (
  day DATE PRIMARY KEY,
  day_number INTEGER NOT NULL,
  calendar_week INTEGER NOT NULL,
  school_week INTEGER,
  am_open BOOLEAN NOT NULL,
  pm_open BOOLEAN NOT NULL,
  day_kind ${this.text} NOT NULL
);
${rows.length === 0 ? '' : this.insertRows(this.names.calendar, rows)}`;
  }

  private bandsTable(): string {
    const rows = this.bands.bands.map(
      (band, index) =>
        `(${[
          sqlInteger(index),
          sqlString(band.id),
          sqlString(band.label),
          sqlInteger(toBasisPoints(band.from)),
          sqlBoolean(band.fromInclusive),
          sqlInteger(toBasisPoints(band.to)),
          sqlBoolean(band.toInclusive),
        ].join(', ')})`
    );
    return `-- The band table "${sqlCommentText(this.bands.id)}" over ${this.bands.measure} rates; bounds in hundredths of a percent.
CREATE TABLE ${this.names.bands} (
  band_index INTEGER PRIMARY KEY,
  band_id ${this.text} NOT NULL,
  label ${this.text} NOT NULL,
  from_basis_points INTEGER NOT NULL,
  from_inclusive BOOLEAN NOT NULL,
  to_basis_points INTEGER NOT NULL,
  to_inclusive BOOLEAN NOT NULL
);
${this.insertRows(this.names.bands, rows)}`;
  }

  private windowRulesTable(): string {
    const rows = this.windows.map(
      ({ name, rule }) =>
        `(${[
          sqlString(name),
          sqlInteger(rule.length),
          sqlString(rule.unit),
          sqlInteger(rule.threshold),
          sqlString(rule.codes.join(' ')),
          rule.countFrom === undefined ? 'NULL' : sqlDate(rule.countFrom),
        ].join(', ')})`
    );
    return `-- The rolling-window rules applied to every pupil.
CREATE TABLE ${this.names.windowRules} (
  rule_name ${this.text} PRIMARY KEY,
  length INTEGER NOT NULL,
  unit ${this.text} NOT NULL,
  threshold INTEGER NOT NULL,
  codes ${this.text} NOT NULL,
  count_from DATE
);
${this.insertRows(this.names.windowRules, rows)}`;
  }

  /** A real day as YYYY-MM-DD text, checked in SQL as the library checks it (years 0001 to 9999). */
  private realDayText(text: string): string {
    const year = `CAST(substr(${text}, 1, 4) AS INTEGER)`;
    const month = `CAST(substr(${text}, 6, 2) AS INTEGER)`;
    const day = `CAST(substr(${text}, 9, 2) AS INTEGER)`;
    const leap = `(${year} % 4 = 0 AND (${year} % 100 <> 0 OR ${year} % 400 = 0))`;
    // Shape first, without a regular expression (PGlite's are slow, and the test runs once per mark): ten
    // characters, dashes at 5 and 8, digits elsewhere; only then are the parts read as numbers.
    const digits = `substr(${text}, 1, 4) || substr(${text}, 6, 2) || substr(${text}, 9, 2)`;
    return `CASE WHEN length(${text}) = 10 AND substr(${text}, 5, 1) = '-' AND substr(${text}, 8, 1) = '-'
        AND ltrim(${digits}, '0123456789') = ''
      THEN ${year} >= 1 AND ${month} BETWEEN 1 AND 12 AND ${day} BETWEEN 1 AND
        CASE ${month} WHEN 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END
          WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31 END
      ELSE FALSE END`;
  }

  private markRowsView(): string {
    const marks = this.options.marks;
    const table = sqlQualifiedName(marks?.schema, marks?.table ?? 'marks');
    const date = this.markColumn('date')!;
    const text = marks?.dateType === 'text';
    const order = this.markColumn('order');
    return `-- The marks as the register holds them, with the date read as a date (NULL when it is no real day).
CREATE VIEW ${this.names.markRows} AS
SELECT
  ${this.markColumn('pupilId')!} AS pupil_id,
  ${text ? date : `CAST(${date} AS ${this.text})`} AS date_text,
  ${text ? `CASE WHEN ${this.realDayText(date)} THEN CAST(${date} AS DATE) END` : date} AS date,
  ${this.markColumn('session')!} AS session,
  ${this.markColumn('code')!} AS code,
  ${order ?? 'CAST(NULL AS BIGINT)'} AS mark_order
FROM ${table} AS m;`;
  }

  private codeSetOf(date: string): string {
    const codeSet = this.options.codeSet ?? 'by-date';
    if (codeSet !== 'by-date') return sqlString(codeSet);
    return `CASE WHEN ${date} >= ${sqlDate(CODE_SET_2024_START)} THEN '2024' ELSE 'pre-2024' END`;
  }

  /**
   * The code set as the one pass groups by it: a true/false flag of the date (grouping by a flag costs a third
   * less than by the set's name on DuckDB; the name is put back on the few grouped rows), or nothing when one
   * set is read throughout.
   */
  private codeSetKey(): { readonly inner: string; readonly outer: string; readonly key: string } {
    const codeSet = this.options.codeSet ?? 'by-date';
    if (codeSet !== 'by-date') return { inner: '', outer: `${sqlString(codeSet)} AS code_set`, key: '' };
    return {
      inner: `\n      date >= ${sqlDate(CODE_SET_2024_START)} AS in_2024_set,`,
      outer: "CASE WHEN in_2024_set THEN '2024' ELSE 'pre-2024' END AS code_set",
      key: ' in_2024_set,',
    };
  }

  private marksView(): string {
    return `-- The well-formed marks, each with the code set it is read against (the 2024 Regulations' codes from
-- 19 August 2024, ${SOURCES.regulations}) and its session slot (two a day from the calendar's first Monday).
CREATE VIEW ${this.names.marks} AS
SELECT
  pupil_id,
  date,
  session,
  code,
  mark_order,
  ${this.codeSetOf('date')} AS code_set,
  (date - ${sqlDate(this.dayZero)}) * 2 + CASE WHEN session = 'PM' THEN 1 ELSE 0 END AS slot
FROM ${this.names.markRows}
WHERE pupil_id IS NOT NULL AND date IS NOT NULL AND session IN ('AM', 'PM') AND code IS NOT NULL;`;
  }

  private pupilCodesView(): string {
    const extraColumns = this.uniqueSessions ? [] : this.dialect.pupilCodesExtra(this.range);
    const extra = extraColumns.map((column) => `,\n    ${column}`).join('');
    const extraNames = extraColumns.map((column) => column.slice(column.lastIndexOf(' AS ') + 4));
    const codeSet = this.codeSetKey();
    const asOf = `(SELECT as_of FROM ${this.names.parameters})`;
    const inPeriod = this.dialect.countsAfterAsOfApart
      ? ''
      : `\n      coalesce(date <= ${asOf}, FALSE) AS in_period,`;
    const pass = `SELECT
    pupil_id,${codeSet.key.replace(' ', '\n    ')}
    code,${this.dialect.countsAfterAsOfApart ? '' : '\n    in_period,'}
    well_formed,
    count(*) AS sessions${extra}
  FROM (
    SELECT
      pupil_id,
      date,
      code,${codeSet.inner}${inPeriod}
      coalesce(date IS NOT NULL AND session IN ('AM', 'PM') AND code IS NOT NULL, FALSE) AS well_formed,
      (date - ${sqlDate(this.dayZero)}) * 2 + CASE WHEN session = 'PM' THEN 1 ELSE 0 END AS slot
    FROM ${this.names.markRows}
    WHERE pupil_id IS NOT NULL
  ) AS m
  GROUP BY pupil_id,${codeSet.key} code,${this.dialect.countsAfterAsOfApart ? '' : ' in_period,'} well_formed`;
    const intro = `-- The one pass over every mark: per pupil, code set, code, whether it is up to the as-of date and whether
-- the mark is well formed (a real date, AM or PM, a code), the number of marks${this.uniqueSessions ? '' : ' (and what the dialect needs to\n-- find two marks for one session)'}. Every per-pupil figure is read from these few rows per pupil.`;
    if (!this.dialect.countsAfterAsOfApart) {
      return `${intro}
CREATE VIEW ${this.names.pupilCodes} AS
SELECT pupil_id, ${codeSet.outer}, code, in_period, well_formed, sessions${extraNames.map((name) => `, ${name}`).join('')}
FROM (
  ${pass}
) AS grouped;`;
    }
    return this.pupilCodesApart(intro, codeSet, extraColumns);
  }

  /**
   * The one pass for a dialect that counts apart (DuckDB): every mark is counted by pupil, code set and code
   * alone, as the fastest hand-written query counts, with the malformed marks among them as a filtered count; the
   * well-formed marks after the as-of date are counted apart and taken off. Grouping by the as-of comparison and
   * by the mark's shape as well cost about as much as the count itself; the after-as-of filter is pruned by the
   * date column's zone maps and costs next to nothing.
   */
  private pupilCodesApart(
    intro: string,
    codeSet: ReturnType<ScriptWriter['codeSetKey']>,
    extraColumns: readonly string[]
  ): string {
    const asOf = `(SELECT as_of FROM ${this.names.parameters})`;
    const wellFormed = `date IS NOT NULL AND session IN ('AM', 'PM') AND code IS NOT NULL`;
    const keys = ['pupil_id', ...(codeSet.key === '' ? [] : ['in_2024_set']), 'code'];
    const extraNames = extraColumns.map((column) => column.slice(column.lastIndexOf(' AS ') + 4));
    const count = (
      where: string,
      extra: string,
      slotColumns: string
    ): string => `SELECT ${keys.join(', ')}, count(*) AS sessions${extra}
    FROM (
      SELECT pupil_id,${codeSet.inner.replace('\n      ', ' ')} code${slotColumns}
      FROM ${this.names.markRows}
      WHERE pupil_id IS NOT NULL${where}
    ) AS m
    GROUP BY ${keys.join(', ')}`;
    const on = (alias: string): string =>
      keys.map((key) => `${alias}.${key} IS NOT DISTINCT FROM g.${key}`).join(' AND ');
    const outer = (alias: string): string => codeSet.outer.replaceAll('in_2024_set', `${alias}.in_2024_set`);
    const nulls = extraNames.map((name) => `, NULL AS ${name}`).join('');
    return `${intro}
-- Every mark is counted by pupil, code set and code, the malformed ones among them as well; the marks after the
-- as-of date are counted apart and taken off (the date filter skips every block of marks the engine knows to be
-- older).
CREATE VIEW ${this.names.pupilCodes} AS
WITH
  grouped AS (
    ${count(
      '',
      `,\n      count(*) FILTER (WHERE NOT well_formed) AS malformed${extraColumns.map((column) => `,\n      ${column}`).join('')}`,
      `, date, coalesce(${wellFormed}, FALSE) AS well_formed,
        (date - ${sqlDate(this.dayZero)}) * 2 + CASE WHEN session = 'PM' THEN 1 ELSE 0 END AS slot`
    )}
  ),
  after_as_of AS (
    ${count(`\n        AND date > ${asOf} AND ${wellFormed}`, '', '')}
  )
SELECT g.pupil_id, ${outer('g')}, g.code, TRUE AS in_period, TRUE AS well_formed,
  g.sessions - g.malformed - coalesce(a.sessions, 0) AS sessions${extraNames.map((name) => `, g.${name}`).join('')}
FROM grouped AS g
LEFT JOIN after_as_of AS a ON ${on('a')}
WHERE g.sessions > g.malformed
UNION ALL
SELECT a.pupil_id, ${outer('a')}, a.code, FALSE AS in_period, TRUE AS well_formed, a.sessions${nulls}
FROM after_as_of AS a
UNION ALL
SELECT g.pupil_id, ${outer('g')}, g.code, FALSE AS in_period, FALSE AS well_formed, g.malformed${nulls}
FROM grouped AS g
WHERE g.malformed > 0;`;
  }

  /**
   * The common steps of the per-pupil views, as named queries: the code counts once (`codes_agg`), with their
   * codes (`known`), the duplicates per pupil and the pupils withheld.
   */
  private pupilSteps(): readonly string[] {
    const duplicatesCondition = this.precedenceMode
      ? ''
      : `\n    UNION ALL\n    SELECT pupil_id FROM duplicates WHERE duplicates > 0`;
    return [
      `codes_agg AS ${this.dialect.materialized}(SELECT * FROM ${this.names.pupilCodes})`,
      `known AS (
    SELECT a.*, c.code AS known_code, c.counts_as
    FROM codes_agg AS a
    LEFT JOIN ${this.names.codes} AS c ON c.code_set = a.code_set AND c.code = a.code
  )`,
      this.uniqueSessions
        ? `duplicates AS (
    -- The table's key on pupil, date and session rules out a second mark for a session.
    SELECT pupil_id, 0 AS duplicates FROM known WHERE FALSE
  )`
        : `duplicates AS (
    ${this.dialect.duplicatesQuery({ known: 'known', marks: this.names.marks, codes: this.names.codes }, this.range)}
  )`,
      `withheld AS (
    -- A mark with no real date, a session other than AM or PM, no code, or an unknown code${this.precedenceMode ? '' : ', or two marks for one session'}.
    SELECT DISTINCT pupil_id FROM (
    SELECT pupil_id FROM known WHERE NOT well_formed OR known_code IS NULL${duplicatesCondition}
    ) AS reasons
  )`,
    ];
  }

  private pupilDuplicatesView(): string {
    const [codesAgg, known, duplicates] = this.pupilSteps();
    return `-- Per pupil, the marks with a known code beyond one per session.
CREATE VIEW ${this.names.pupilDuplicates} AS
WITH
  ${codesAgg},
  ${known},
  ${duplicates}
SELECT pupil_id, duplicates FROM duplicates;`;
  }

  /** Marks of the sessions of `pupils` (a query of pupil ids) that have more than one, ranked by precedence. */
  private rankedDuplicates(pupils: string): string {
    return `SELECT pupil_id, date, session, code, code_set, slot, rank_in_session, position_in_session, resolved_to
  FROM (
    SELECT
      m.pupil_id,
      m.date,
      m.session,
      m.code,
      m.code_set,
      m.slot,
      row_number() OVER by_precedence AS rank_in_session,
      row_number() OVER (PARTITION BY m.pupil_id, m.slot ORDER BY m.mark_order, m.code) AS position_in_session,
      first_value(m.code) OVER by_precedence AS resolved_to,
      count(*) OVER (PARTITION BY m.pupil_id, m.slot) AS marks_in_session
    FROM ${this.names.marks} AS m
    JOIN ${this.names.codes} AS c ON c.code_set = m.code_set AND c.code = m.code
    WHERE m.pupil_id IN (${pupils})
    WINDOW by_precedence AS (
      PARTITION BY m.pupil_id, m.slot
      ORDER BY c.precedence DESC, m.mark_order, m.code
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    )
  ) AS ranked
  WHERE marks_in_session > 1`;
  }

  private duplicateMarksView(): string {
    return `-- Every mark of a session marked more than once. rank_in_session 1 is the mark that counts: the highest
-- precedence, the earlier mark (then the code) on a tie. position_in_session orders the marks as the register
-- holds them. Marks with an unknown code are their own error and take no part. Only pupils with duplicates are
-- read again.
CREATE VIEW ${this.names.duplicateMarks} AS
${this.rankedDuplicates(`SELECT pupil_id FROM ${this.names.pupilDuplicates} WHERE duplicates > 0`)};`;
  }
  private withheldPupilsView(): string {
    return `-- Pupils whose register the library would reject. They get no figures; the issues view says why.
CREATE VIEW ${this.names.withheldPupils} AS
WITH
  ${this.pupilSteps().join(',\n  ')}
SELECT pupil_id FROM withheld;`;
  }
  /** `absent / possible` meets a threshold, compared in whole numbers on the unrounded rate. */
  private thresholdMet(threshold: AbsenceThreshold): string {
    const basisPoints = toBasisPoints(threshold.percent);
    const operator = threshold.comparison === 'at-least' ? '>=' : '>';
    return `(possible >= ${sqlInteger(Math.max(1, threshold.minimumPossibleSessions))}
      AND absent * 10000 - ${sqlInteger(basisPoints)} * possible ${operator} 0)`;
  }

  private bandCase(): string {
    const numerator = this.bands.measure === 'attendance' ? 'attended' : 'absent';
    const branches = this.bands.bands.map((band, index) => {
      const from = `${numerator} * 10000 - ${sqlInteger(toBasisPoints(band.from))} * possible`;
      const to = `${numerator} * 10000 - ${sqlInteger(toBasisPoints(band.to))} * possible`;
      return `      WHEN ${from} ${band.fromInclusive ? '>=' : '>'} 0 AND ${to} ${band.toInclusive ? '<=' : '<'} 0 THEN ${sqlInteger(index)}`;
    });
    return `CASE WHEN possible = 0 THEN NULL\n${branches.join('\n')}\n    END`;
  }

  private pupilFiguresView(): string {
    const { persistentAbsence, severeAbsence } = this.policy;
    const sum = (condition: string): string =>
      `CAST(coalesce(sum(k.sessions) FILTER (WHERE k.in_period AND ${condition}), 0) AS BIGINT)`;
    const corrections = this.precedenceMode
      ? `
      UNION ALL
      -- The marks that lost to a mark of higher precedence are taken off again.
      SELECT d.pupil_id, d.code, d.date <= (SELECT as_of FROM ${this.names.parameters}), -1, c.counts_as
      FROM ranked AS d
      JOIN ${this.names.codes} AS c ON c.code_set = d.code_set AND c.code = d.code
      WHERE d.rank_in_session > 1`
      : '';
    const ranked = this.precedenceMode
      ? [
          `ranked AS (\n  ${this.rankedDuplicates('SELECT pupil_id FROM duplicates WHERE duplicates > 0')}\n  )`,
        ]
      : [];
    const windows = this.windows.flatMap((window, index) => this.windowParts(index, window));
    const windowColumns = this.windows.flatMap(({ name }, index) => [
      `CAST(coalesce(r${index}.counted, 0) AS BIGINT) AS ${name}_counted`,
      `CAST(coalesce(r${index}.maximum, 0) AS BIGINT) AS ${name}_maximum`,
      `r${index}.first_reached_slot IS NOT NULL AS ${name}_reached`,
      `${sqlDate(this.dayZero)} + CAST(${this.dialect.integerDivision(`r${index}.first_reached_slot`, '2')} AS INTEGER) AS ${name}_first_reached_date`,
      `CASE WHEN r${index}.first_reached_slot IS NULL THEN NULL WHEN r${index}.first_reached_slot % 2 = 1 THEN 'PM' ELSE 'AM' END AS ${name}_first_reached_session`,
    ]);
    const windowJoins = this.windows.map(
      (_, index) => `LEFT JOIN result_${index} AS r${index} ON r${index}.pupil_id = f.pupil_id`
    );
    return `-- Per pupil: session counts by DfE statistical category, exact rates (numerator over rate_denominator, NULL with
-- no possible sessions), persistent and severe absence compared in whole numbers on the unrounded rate
-- (${sqlCommentText(this.policy.name)}: ${persistentAbsence.comparison} ${persistentAbsence.percent} % and ${severeAbsence.comparison} ${severeAbsence.percent} % of possible sessions missed), the band, and for
-- each window rule the sessions counted, the most within any window and the session at which the count first
-- reached the threshold (a counted session its unit cannot place is left out and listed in the issues view).
-- Sources: ${SOURCES.methodology}; ${SOURCES.guidance}; ${SOURCES.penalties}.
CREATE VIEW ${this.names.pupilFigures} AS
WITH
  ${[...this.pupilSteps(), ...ranked].join(',\n  ')},
  counted AS (
    SELECT u.pupil_id, u.code, u.in_period, u.sessions, u.counts_as
    FROM (
      SELECT pupil_id, code, in_period, sessions, counts_as FROM known${corrections}
    ) AS u
    LEFT JOIN withheld AS w ON w.pupil_id = u.pupil_id
    WHERE w.pupil_id IS NULL
  ),
  counts AS (
    SELECT
      k.pupil_id,
      ${sum("k.counts_as = 'present'")} AS present,
      ${sum("k.counts_as = 'approved-educational-activity'")} AS approved_educational_activity,
      ${sum("k.counts_as = 'authorised'")} AS authorised,
      ${sum("k.counts_as = 'unauthorised'")} AS unauthorised,
      ${sum("k.counts_as = 'not-possible'")} AS not_possible,
      ${sum("k.counts_as = 'unmarked'")} AS unmarked,
      ${sum("k.code = 'L'")} AS late,
      ${sum("k.code = 'U'")} AS late_after_register_closed
    FROM counted AS k
    GROUP BY k.pupil_id
  ),
  totals AS (
    SELECT
      c.*,
      c.present + c.approved_educational_activity AS attended,
      c.authorised + c.unauthorised AS absent,
      c.present + c.approved_educational_activity + c.authorised + c.unauthorised AS possible
    FROM counts AS c
  ),
  classified AS (
    SELECT
      totals.*,
      ${this.thresholdMet(persistentAbsence)} AS persistent_absence,
      ${this.thresholdMet(severeAbsence)} AS severe_absence,
      ${this.bandCase()} AS band_index
    FROM totals
  ),
  ${windows.join(',\n  ')}
SELECT
  f.pupil_id,
  f.possible,
  f.attended,
  f.present,
  f.approved_educational_activity,
  f.authorised,
  f.unauthorised,
  f.absent,
  f.not_possible,
  f.unmarked,
  f.late,
  f.late_after_register_closed,
  f.attended AS attendance_numerator,
  f.absent AS absence_numerator,
  CASE WHEN f.possible > 0 THEN f.possible END AS rate_denominator,
  f.persistent_absence,
  f.severe_absence,
  CASE WHEN f.severe_absence THEN 'severe' WHEN f.persistent_absence THEN 'persistent' ELSE 'none' END
    AS absence_class,
  f.band_index,
  b.band_id,
  b.label AS band_label,
  ${windowColumns.join(',\n  ')}
FROM classified AS f
LEFT JOIN ${this.names.bands} AS b ON b.band_index = f.band_index
${windowJoins.join('\n')};`;
  }
  /**
   * The sessions a window rule counts, as `pupil_id, date, session, code, slot, position`: marks with its codes up
   * to the as-of date and from its first counted date, the winners only where a session has two marks (with
   * precedence), and with `placed`, only those its unit can place; without, only those it cannot.
   */
  private countedSessions(
    { rule }: NamedWindowRule,
    placed: boolean,
    duplicateMarks = this.names.duplicateMarks
  ): string {
    const unitColumn = UNIT_COLUMN[rule.unit];
    const codes = rule.codes.map((code) => sqlString(code)).join(', ');
    const asOf = `(SELECT as_of FROM ${this.names.parameters})`;
    const from = rule.countFrom === undefined ? '' : `\n      AND m.date >= ${sqlDate(rule.countFrom)}`;
    const select = (
      source: string,
      join: string,
      extra: string,
      codeTest = `m.code IN (${codes}) AND `
    ): string => `SELECT m.pupil_id, m.date, m.session, m.code, m.slot, k.${unitColumn} AS position
    FROM ${source} AS m
    ${placed ? 'JOIN' : 'LEFT JOIN'} ${this.names.calendar} AS k ON k.day = m.date${join}
    WHERE ${codeTest}m.date <= ${asOf}${from}
      AND k.${unitColumn} IS ${placed ? 'NOT NULL' : 'NULL'}${extra}`;
    if (!this.precedenceMode && placed) {
      // The windows read the marks as the register holds them, without the well-formed filter of the marks view:
      // a pupil with a malformed mark is withheld and their window results are never joined. The codes are a
      // join rather than a test of every mark: the engine then skips blocks of marks whose codes cannot match.
      const slot = `(r.date - ${sqlDate(this.dayZero)}) * 2 + CASE WHEN r.session = 'PM' THEN 1 ELSE 0 END`;
      const values = rule.codes.map((code) => `(${sqlString(code)})`).join(', ');
      return select(
        `(SELECT r.pupil_id, r.date, r.session, r.code, ${slot} AS slot
      FROM ${this.names.markRows} AS r
      JOIN (VALUES ${values}) AS counted_code (code) ON counted_code.code = r.code)`,
        '',
        '',
        ''
      );
    }
    if (!this.precedenceMode) return select(this.names.marks, '', '');
    // Sessions marked once, then the winners of sessions marked twice. An anti-join rather than NOT EXISTS:
    // PostgreSQL runs a correlated NOT EXISTS over a view with window functions once per mark.
    return `${select(
      this.names.marks,
      `\n    LEFT JOIN (SELECT DISTINCT pupil_id, slot FROM ${duplicateMarks}) AS d
      ON d.pupil_id = m.pupil_id AND d.slot = m.slot`,
      '\n      AND d.slot IS NULL'
    )}
    UNION ALL
    ${select(duplicateMarks, '', '\n      AND m.rank_in_session = 1')}`;
  }

  /** One window rule: the counted sessions, the count in the window ending at each, and the results per pupil. */
  private windowParts(index: number, window: NamedWindowRule): readonly string[] {
    const { name, rule } = window;
    const sessions = this.countedSessions(window, true, 'ranked');
    // The window ending at a session holds the counted sessions of the units before its own within the length,
    // and those of its own unit up to and including it.
    const before =
      rule.length === 1
        ? ''
        : `count(*) OVER (PARTITION BY pupil_id ORDER BY position RANGE BETWEEN ${sqlInteger(rule.length - 1)} PRECEDING AND 1 PRECEDING)\n      + `;
    return [
      `counted_${index} AS (
    -- ${sqlCommentText(name)}: ${rule.codes.join(', ')} within ${rule.length} ${rule.unit}${rule.countFrom === undefined ? '' : ` from ${rule.countFrom}`}
    ${sessions}
  )`,
      `scored_${index} AS (
    SELECT pupil_id, slot,
      ${before}row_number() OVER (PARTITION BY pupil_id, position ORDER BY slot) AS in_window
    FROM counted_${index}
  )`,
      `result_${index} AS (
    SELECT pupil_id, count(*) AS counted, max(in_window) AS maximum,
      min(slot) FILTER (WHERE in_window >= ${sqlInteger(rule.threshold)}) AS first_reached_slot
    FROM scored_${index}
    GROUP BY pupil_id
  )`,
    ];
  }

  private pupilWindowsView(): string {
    const pick = (column: string): string =>
      `CASE r.rule_name ${this.windows.map(({ name }) => `WHEN ${sqlString(name)} THEN f.${name}_${column}`).join(' ')} END`;
    return `-- The window columns of the pupil figures, one row per pupil and rule (the figures are worked out once).
CREATE VIEW ${this.names.pupilWindows} AS
SELECT
  f.pupil_id,
  r.rule_name,
  ${pick('counted')} AS counted,
  ${pick('maximum')} AS maximum,
  r.threshold,
  ${pick('reached')} AS reached,
  ${pick('first_reached_date')} AS first_reached_date,
  ${pick('first_reached_session')} AS first_reached_session
FROM ${this.names.pupilFigures} AS f
CROSS JOIN ${this.names.windowRules} AS r;`;
  }
  private issuesView(): string {
    const t = this.text;
    const row = (
      source: string,
      issue: string,
      severity: 'error' | 'warning',
      field: string,
      withholds: string,
      detail: string,
      where: string
    ): string => `SELECT pupil_id, CAST(date_text AS ${t}) AS date, session, code, ${sqlString(issue)} AS issue,
  ${sqlString(severity)} AS severity, ${sqlString(field)} AS field, ${withholds} AS withholds_figures,
  CAST(${detail} AS ${t}) AS detail
FROM ${source}
WHERE ${where}`;
    const duplicate = this.precedenceMode
      ? row(
          `(SELECT d.*, CAST(d.date AS ${t}) AS date_text FROM ${this.names.duplicateMarks} AS d) AS d`,
          'duplicate_mark_resolved',
          'warning',
          'code',
          'FALSE',
          `'a second mark for the session; the mark of higher precedence counts: ' || resolved_to`,
          'position_in_session > 1'
        )
      : row(
          `(SELECT d.*, CAST(d.date AS ${t}) AS date_text FROM ${this.names.duplicateMarks} AS d) AS d`,
          'duplicate_mark',
          'error',
          'code',
          'TRUE',
          `'a second mark for the session'`,
          'position_in_session > 1'
        );
    const classified = `(SELECT m.*, CAST(m.date AS ${t}) AS date_text, c.in_code_set, c.code AS known_code
  FROM ${this.names.marks} AS m
  LEFT JOIN ${this.names.codes} AS c ON c.code_set = m.code_set AND c.code = m.code) AS m`;
    const placed = `(SELECT m.*, CAST(m.date AS ${t}) AS date_text, k.day AS calendar_day, k.day_kind,
    CASE WHEN m.session = 'AM' THEN k.am_open ELSE k.pm_open END AS open
  FROM ${this.names.marks} AS m
  LEFT JOIN ${this.names.calendar} AS k ON k.day = m.date) AS m`;
    return `-- Every problem with a mark, one row each, never dropped: malformed marks and unknown codes withhold the
-- pupil's figures; a legacy code after the 2024 cut-over is counted with a warning (up to the as-of date, as
-- it is read); a mark the calendar
-- contradicts (outside it, or on a weekend, holiday or closure without "#") is counted and listed, as the
-- library's checkMarksAgainstCalendar lists it.
CREATE VIEW ${this.names.issues} AS
${[
  row(
    this.names.markRows,
    'invalid_value',
    'error',
    'pupilId',
    'FALSE',
    `'a mark without a pupil'`,
    'pupil_id IS NULL'
  ),
  row(
    this.names.markRows,
    'invalid_date',
    'error',
    'date',
    'TRUE',
    `'not a real day in YYYY-MM-DD form'`,
    'pupil_id IS NOT NULL AND date IS NULL'
  ),
  row(
    this.names.markRows,
    'invalid_session',
    'error',
    'session',
    'TRUE',
    `'expected AM or PM'`,
    "pupil_id IS NOT NULL AND (session IS NULL OR session NOT IN ('AM', 'PM'))"
  ),
  row(
    this.names.markRows,
    'invalid_value',
    'error',
    'code',
    'TRUE',
    `'a mark without a code'`,
    'pupil_id IS NOT NULL AND code IS NULL'
  ),
  row(
    classified,
    'unknown_code',
    'error',
    'code',
    'TRUE',
    `'not a register code of either code set'`,
    'known_code IS NULL'
  ),
  row(
    classified,
    'code_outside_code_set',
    'warning',
    'code',
    'FALSE',
    `'not a code of the ' || code_set || ' code set; counted as the other set counts it'`,
    `known_code IS NOT NULL AND NOT in_code_set AND date <= (SELECT as_of FROM ${this.names.parameters})`
  ),
  duplicate,
  row(placed, 'outside_calendar', 'error', 'date', 'FALSE', `'outside the calendar'`, 'calendar_day IS NULL'),
  row(
    placed,
    'mark_on_closed_session',
    'error',
    'date',
    'FALSE',
    `'falls on a closed session (' || day_kind || ')'`,
    `calendar_day IS NOT NULL AND NOT open AND code <> '#'`
  ),
  ...this.windows.map((window) =>
    row(
      `(SELECT c.*, CAST(c.date AS ${t}) AS date_text FROM (${this.countedSessions(window, false)}) AS c) AS c`,
      'mark_on_closed_session',
      'error',
      'date',
      'FALSE',
      sqlString(`cannot be placed in the ${window.rule.unit} of rule ${window.name}; left out of its window`),
      'TRUE'
    )
  ),
].join('\nUNION ALL\n')};`;
  }

  private cohortView(): string {
    const sum = (column: string): string => `CAST(coalesce(sum(${column}), 0) AS BIGINT) AS ${column}`;
    return `-- The cohort by the DfE method: sessions summed over enrolments with possible sessions, rates as sums over
-- sums (never averages of pupils' rates), persistent and severe absentees over enrolments (${SOURCES.methodology}).
CREATE VIEW ${this.names.cohort} AS
SELECT
  count(*) FILTER (WHERE possible > 0) AS enrolments,
  count(*) FILTER (WHERE possible = 0) AS excluded_no_possible_sessions,
  (SELECT count(*) FROM ${this.names.withheldPupils}) AS withheld_pupils,
  ${sum('possible')},
  ${sum('attended')},
  ${sum('absent')},
  ${sum('authorised')},
  ${sum('unauthorised')},
  count(*) FILTER (WHERE persistent_absence) AS persistent_absentees,
  count(*) FILTER (WHERE severe_absence) AS severe_absentees
FROM ${this.names.pupilFigures};`;
  }

  private cohortBandsView(): string {
    return `-- The number of pupils in each band.
CREATE VIEW ${this.names.cohortBands} AS
SELECT b.band_index, b.band_id, b.label, count(f.pupil_id) AS enrolments
FROM ${this.names.bands} AS b
LEFT JOIN ${this.names.pupilFigures} AS f ON f.band_index = b.band_index
GROUP BY b.band_index, b.band_id, b.label;`;
  }
}
