import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { CtfDayModel } from '../io/ctf/types.js';
import type { RegisterCsvOptions, RegisterDateFormat } from '../io/long/types.js';
import type { SqlDialectName } from '../sql/types.js';

/** A stream the command-line tool writes to: `process.stdout`, `process.stderr`, or a test's recorder. */
export interface CliOutput {
  /** Writes text as it is (no newline is added). */
  write(text: string): unknown;
  /** Whether the stream is a terminal: tables and the progress bar are for people. */
  readonly isTTY?: boolean | undefined;
  /** The terminal's width in characters, where known. */
  readonly columns?: number | undefined;
}

/** A file opened for streaming: its size (for the progress bar) and its bytes. */
export interface OpenedFile {
  /** The size in bytes. */
  readonly size: number;
  /** The file's bytes, in chunks. */
  readonly chunks: AsyncIterable<Uint8Array>;
}

/**
 * Everything the command-line tool touches outside itself, so that `run` can be tested without a process: the
 * two output streams and the file system. Reading a file that does not exist rejects with the system's error.
 */
export interface CliIo {
  /** Where data goes. */
  readonly stdout: CliOutput;
  /** Where progress, warnings and error messages go. */
  readonly stderr: CliOutput;
  /** Reads a whole text file as UTF-8 (calendars and policies). */
  readFile(path: string): Promise<string>;
  /** Opens a file for streaming (registers). */
  openFile(path: string): Promise<OpenedFile>;
  /**
   * Replaces a file's content atomically (the case log and the escalation state): the text is written to a new
   * file beside it, which is then renamed over it, so that a reader (or a run stopped half-way) sees the old file
   * or the new one, never part of either.
   */
  writeFile(path: string, text: string): Promise<void>;
  /** A monotonic clock in milliseconds, for the progress bar's time left; without one no time is shown. */
  readonly now?: () => number;
}

/** The exit codes: 0 ok, 1 a `--fail-on` finding, 2 bad input or usage, 3 an internal error (a bug). */
export type ExitCode = 0 | 1 | 2 | 3;

/** The subcommands. */
export type CommandName =
  'summary' | 'persistent' | 'penalty' | 'lateness' | 'escalation' | 'report' | 'check' | 'record' | 'sql';

/** How data is written to stdout. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** The register file formats the tool reads. */
export type RegisterFormat = 'csv' | 'json' | 'ctf';

/** The options after parsing and checking, shared by every subcommand. */
export interface CliOptions {
  /** The register files (one, or several for `check`). */
  readonly files: readonly string[];
  /** The school calendar file. */
  readonly calendar?: string;
  /** A policy preset name or a policy file. */
  readonly policy?: string;
  /** A lateness policy preset name or file (`lateness`). */
  readonly latenessPolicy?: string;
  /** An escalation policy preset name or file (`escalation`). */
  readonly escalationPolicy?: string;
  /** The date the figures are as of; the register's last date when left out. */
  readonly asOf?: IsoDate;
  /** The register format, when not told by the file's extension. */
  readonly format?: RegisterFormat;
  /** A column mapping preset, or a `.json` file of column names, for CSV and JSON registers. */
  readonly mapping?: string;
  /** A JSON file mapping a system's codes or ids to statutory codes (CSV and JSON registers). */
  readonly codeList?: string;
  /** How register dates are written (CSV and JSON registers). */
  readonly dateFormat?: RegisterDateFormat;
  /** The field delimiter of a CSV register. */
  readonly delimiter?: string;
  /** How the bytes of a CSV register are decoded. */
  readonly encoding?: NonNullable<RegisterCsvOptions['encoding']>;
  /** How a CTF mark string maps to dates. */
  readonly dayModel?: CtfDayModel | 'auto';
  /** Characters per session in a CTF mark string. */
  readonly codeWidth?: 1 | 2;
  /** The longest line or field of any input file accepted, in bytes (`--max-line-bytes`). */
  readonly maxLineBytes: number;
  /** The deepest nesting of JSON (or XML) accepted in any input file (`--max-depth`). */
  readonly maxDepth: number;
  /** The output format. */
  readonly output: OutputFormat;
  /**
   * Whether `--csv` output puts a single quote before a text cell a spreadsheet would run as a formula; off
   * with `--no-formula-escape`.
   */
  readonly formulaEscape: boolean;
  /** The conditions that make the exit code 1. */
  readonly failOn: readonly FailCondition[];
  /** The most pupils (for `check`, problems) to list. */
  readonly limit?: number;
  /** Only these pupils. */
  readonly pupils: readonly string[];
  /** No warnings or progress on stderr. */
  readonly quiet: boolean;
  /** No progress bar. */
  readonly progress: boolean;
  /** Add the plain-English history (`escalation`). */
  readonly explain: boolean;
  /** The case log of recorded events (`escalation`; `record` writes to its file argument). */
  readonly events?: string;
  /** The file of each pupil's escalation state, read if it exists and written after the run (`escalation`). */
  readonly state?: string;
  /** List only actions due on or after this date (`escalation`). */
  readonly dueSince?: IsoDate;
  /** The event to record (`record`). */
  readonly record?: RecordOptions;
  /** What to compile and where to write it (`sql`). */
  readonly sql?: SqlCommandOptions;
  /** What the report shows and where it goes (`report`). */
  readonly report?: ReportCommandOptions;
}

/** The published figures a report compares the school with (`--compare`, `--compare-level`, `--compare-phase`). */
export interface ReportComparisonOptions {
  /** DfE's "Pupil attendance in schools" year-to-date CSV. */
  readonly file: string;
  /** The level of the figures: the country, a region or a local authority. */
  readonly level: 'national' | 'regional' | 'local-authority';
  /** The region or local authority (its name or code); none for national figures. */
  readonly area?: string;
  /** The phase (school type) to compare with: Primary, Secondary, Special or Total (the default). */
  readonly phase?: string;
}

/** What `report` draws and where it writes it. */
export interface ReportCommandOptions {
  /** The pupil-attributes CSV (`--pupils`): pupil_id plus columns such as year_group, fsm, sen. */
  readonly pupilsFile?: string;
  /** The attributes whose groups get a weekly trend (`--group-by`); by default each with few values. */
  readonly groupBy?: readonly string[];
  /** The published figures to compare with (`--compare`). */
  readonly comparison?: ReportComparisonOptions;
  /** No pupil ids or lists; small numbers suppressed (`--aggregate-only`). */
  readonly aggregateOnly: boolean;
  /** Counts below this are suppressed in aggregate-only mode (`--small-numbers`). */
  readonly smallNumbers?: number;
  /** The pupils to draw a one-page card for (`--pupil`, repeatable). */
  readonly cards: readonly string[];
  /** The report's title (`--title`). */
  readonly title?: string;
  /** The file to write the HTML to (`-o`); stdout when left out. */
  readonly outputFile?: string;
}

/** What `record` adds to a case log. */
export interface RecordOptions {
  /** The event's type, e.g. `letter-sent`. */
  readonly event: string;
  /** The date it happened. */
  readonly date: IsoDate;
  /** Its details, as `name=value` texts in the order given. */
  readonly details: readonly string[];
}

/** What `sql` compiles: the engine, the marks table, where the generated objects go and where the script goes. */
export interface SqlCommandOptions {
  /** The engine (`--dialect`). */
  readonly dialect: SqlDialectName;
  /** The marks table (`--marks-table`), with its schema when given as `SCHEMA.NAME`. */
  readonly marksTable?: { readonly schema?: string; readonly table: string };
  /** The type of the marks table's date column (`--date-type`). */
  readonly dateType?: 'date' | 'text';
  /** The column giving the marks' order, for ties between two marks of one session (`--order-column`). */
  readonly orderColumn?: string;
  /** The schema the generated tables and views go in (`--schema`). */
  readonly schema?: string;
  /** The start of the generated names (`--prefix`). */
  readonly prefix?: string;
  /** What a second mark for a session means (`--duplicates`). */
  readonly duplicates?: 'error' | 'precedence';
  /** The marks table's key rules out a second mark for a session: no duplicate check (`--unique-sessions`). */
  readonly uniqueSessions?: boolean;
  /** The file to write the script to (`-o`); stdout when left out. */
  readonly outputFile?: string;
}

/** A `--fail-on` condition. */
export type FailCondition =
  | { readonly kind: 'persistent' | 'severe' | 'penalty' | 'lateness' | 'persistent-lateness' | 'issues' }
  | { readonly kind: 'stage'; readonly atLeast: number };

/** The kinds of `--fail-on` condition. */
export type FailKind = FailCondition['kind'];

/** What a command found, counted for `--fail-on`: pupils matching each kind of finding. */
export type Findings = Partial<Record<Exclude<FailKind, 'stage' | 'issues'>, number>> & {
  /** Each reported pupil's escalation stage (`escalation`). */
  readonly stages?: readonly number[];
  /** Issues found in the input, errors and warnings. */
  readonly issues: number;
};

/** A value of a CSV cell. */
export type CsvCell = string | number | boolean | null | undefined;

/** A command's result in every output format, plus what it found. */
export interface CommandReport {
  /** Lines for people (a heading, an aligned table and totals). */
  readonly text: readonly string[];
  /** One JSON document. */
  readonly json: unknown;
  /** The CSV header and rows. */
  readonly csv: { readonly header: readonly string[]; readonly rows: readonly (readonly CsvCell[])[] };
  /** What was found, for `--fail-on`. */
  readonly findings: Findings;
  /** Issues that did not stop the command (warnings), for stderr. */
  readonly warnings: readonly AttendanceIssue[];
}
