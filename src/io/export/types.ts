import type { IsoDate } from '../../calendar/types.js';
import type { RegisterCode } from '../../codes/types.js';
import type { AttendanceIssue } from '../../errors.js';
import type { AttendancePolicy } from '../../policy/types.js';
import type { InputLimits } from '../limits/inputLimits.js';
import type { SessionCounts } from '../../sessions/types.js';

/**
 * The integer counts a per-pupil summary carries: every count of a {@link "school-attendance"!SessionCounts | SessionCounts} (so a result of
 * {@link "school-attendance"!countSessions | countSessions} can be passed as it is), with the number of each code when there is one.
 *
 * @remarks
 * The identities {@link "school-attendance"!SessionCounts | SessionCounts} guarantees hold: `present + approvedEducationalActivity = attended`,
 * `authorised + unauthorised = absent`, `attended + absent = possible`. Sessions that are not possible and
 * sessions with no mark yet are outside `possible`.
 *
 * @category Export
 */
export interface PupilSummaryCounts extends Pick<
  SessionCounts,
  | 'possible'
  | 'attended'
  | 'present'
  | 'approvedEducationalActivity'
  | 'authorised'
  | 'unauthorised'
  | 'absent'
  | 'notPossible'
  | 'unmarked'
  | 'late'
  | 'lateAfterRegisterClosed'
> {
  /** The number of sessions recorded with each code (needed only to write the per-code columns). */
  readonly byCode?: Readonly<Record<RegisterCode, number>>;
}

/**
 * The value of one descriptive column of a per-pupil summary, e.g. a year group (`9`), free school meals
 * (`true`) or a form (`'9B'`); `null` (or leaving it out) writes an empty cell.
 *
 * @category Export
 */
export type PupilSummaryAttributeValue = string | number | boolean | null;

/**
 * One row of a per-pupil summary: who, what else to show about them, and their counts.
 *
 * @category Export
 */
export interface PupilSummaryInput {
  /** The pupil (or enrolment) the counts belong to. */
  readonly pupilId: string;
  /** The pupil's session counts for the period, e.g. from {@link "school-attendance"!countSessions | countSessions}. */
  readonly counts: PupilSummaryCounts;
  /** Descriptive columns written between `pupil_id` and the counts, e.g. `{ yearGroup: 9 }`. */
  readonly attributes?: Readonly<Record<string, PupilSummaryAttributeValue>>;
}

/**
 * Whether a pupil meets the absence thresholds of a policy.
 *
 * @category Export
 */
export interface PupilSummaryFlags {
  /** Absent for at least the policy's persistent-absence share of possible sessions. */
  readonly persistentAbsence: boolean;
  /** Absent for at least the policy's severe-absence share of possible sessions. */
  readonly severeAbsence: boolean;
}

/**
 * One pupil read back from a per-pupil summary file.
 *
 * @category Export
 */
export interface PupilSummaryRecord {
  /** The pupil, as written in `pupil_id`. */
  readonly pupilId: string;
  /** The descriptive columns, by header name, as text (CSV has no types); an empty cell is `''`. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The integer counts; `byCode` is there when the file has the per-code columns. */
  readonly counts: PupilSummaryCounts;
  /**
   * The absence flags worked out from the counts by the policy read with (the integers are the truth; a file's
   * own flag columns are only checked against these).
   */
  readonly flags: PupilSummaryFlags;
  /** The 1-based line of the file the row starts on. */
  readonly line: number;
}

/**
 * What reading a per-pupil summary file gives: one record per data row, in file order, and every warning.
 *
 * @category Export
 */
export interface PupilSummaryImport {
  /** The pupils, in file order. */
  readonly pupils: readonly PupilSummaryRecord[];
  /** Problems that did not stop a row being read, e.g. a percentage that disagrees with the counts. */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * How a CSV exporter ends lines.
 *
 * @category Export
 */
export type CsvLineEnding = '\r\n' | '\n';

/**
 * How {@link toPupilSummaryCsv} writes.
 *
 * @category Export
 */
export interface ToPupilSummaryCsvOptions {
  /**
   * The line ending after every row, the last included.
   *
   * @defaultValue `'\r\n'` (RFC 4180)
   */
  readonly lineEnding?: CsvLineEnding;
  /**
   * The policy whose thresholds set the `persistent_absence` and `severe_absence` columns and whose `display`
   * format sets the percentages.
   *
   * @defaultValue {@link "school-attendance"!DFE_POLICY | DFE_POLICY}
   */
  readonly policy?: AttendancePolicy;
  /**
   * Whether to add one `code_<code>` column per register code (every code of both code sets and `-` for no
   * mark yet); each row's counts must then carry `byCode`.
   *
   * @defaultValue `false`
   */
  readonly byCode?: boolean;
  /**
   * The descriptive columns to write, in this order. By default every attribute name found in the rows, in
   * the order first met.
   */
  readonly attributeColumns?: readonly string[];
  /**
   * Whether a pupil id, attribute name or text attribute value that a spreadsheet would run as a formula (one
   * starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a single quote before it, as
   * OWASP advises against CSV injection. A cell starting with a quote followed by one of those or another quote
   * gets one too, so that {@link parsePupilSummaryCsv}, which takes one such quote off, gives back every text
   * exactly. Counts, percentages and flags are never changed.
   *
   * @defaultValue `true`
   * @example
   * toPupilSummaryCsv([{ pupilId: '@SUM(A1)', counts }]).split('\r\n')[1].startsWith("'@SUM(A1),") //=> true
   * toPupilSummaryCsv(rows, { formulaSafe: false }); // cells exactly as given
   */
  readonly formulaSafe?: boolean;
}

/**
 * How a parse-back function reads a file: the file name for issues, and the limits on untrusted input
 * (`maxLineBytes` for a CSV line or an XML text run, `maxDepth` for the nesting of XML elements), each refused
 * with a located `too_long` or `too_deep` error.
 *
 * @category Export
 */
export interface ParseExportOptions extends InputLimits {
  /** The file name, copied into every issue's `source`. */
  readonly source?: string;
}

/**
 * How {@link parsePupilSummaryCsv} reads.
 *
 * @category Export
 */
export interface ParsePupilSummaryCsvOptions extends ParseExportOptions {
  /**
   * The policy the absence flags are worked out by (and the file's flag columns checked against). It is
   * checked as {@link "school-attendance"!definePolicy | definePolicy} checks one: a value that is not a whole
   * policy is an `invalid_value` error at `['policy', …]`, never a throw.
   *
   * @defaultValue {@link "school-attendance"!DFE_POLICY | DFE_POLICY}
   */
  readonly policy?: AttendancePolicy;
}

/**
 * A stretch of school dates, both ends included.
 *
 * @category Export
 */
export interface CensusPeriod {
  /** The first date. */
  readonly from: IsoDate;
  /** The last date. */
  readonly to: IsoDate;
}

/**
 * The periods the school census collects attendance for, in one school year.
 *
 * @category Export
 */
export interface CensusPeriods {
  /** The autumn term, 1 August to 31 December (collected in the spring census). */
  readonly autumn: CensusPeriod;
  /** The spring term, 1 January to Easter Sunday (collected in the summer census). */
  readonly spring: CensusPeriod;
  /**
   * The first half of the summer term, Easter Monday to the Sunday before the spring bank holiday (collected in
   * the next autumn census as the termly figures).
   */
  readonly summerFirstHalf: CensusPeriod;
  /**
   * The second half of the summer term, the spring bank holiday to 31 July (collected in the next autumn census
   * as the second-half-of-summer figures).
   */
  readonly summerSecondHalf: CensusPeriod;
  /** The whole school year, 1 August to 31 July. */
  readonly year: CensusPeriod;
}

/**
 * Sessions of one absence reason in a census attendance record.
 *
 * @category Export
 */
export interface CensusSessionDetail {
  /** The register code of the reason, e.g. `'I'` or `'C1'` (one of {@link CENSUS_ABSENCE_REASONS}). */
  readonly reason: string;
  /** The sessions of absence with that reason. */
  readonly absenceSessions: number;
}

/**
 * One pupil's attendance for one census period, shaped like the school census `Attendance` module's
 * `TermlyAttendance`, `SummerHalfTerm2Attendance` and `AnnualAttendance` elements.
 *
 * @category Export
 */
export interface CensusAttendance {
  /** Possible sessions (attendance plus absence). */
  readonly sessionsPossible: number;
  /** One entry per absence reason with any sessions, in {@link CENSUS_ABSENCE_REASONS} order. */
  readonly sessionDetails: readonly CensusSessionDetail[];
  /** Sessions of authorised absence. */
  readonly sessionsAuthorised: number;
  /** Sessions of unauthorised absence. */
  readonly sessionsUnauthorised: number;
}

/**
 * Which census period a record is for: the termly figures, the second half of the summer term (sent beside
 * the first half in the autumn census) or the whole year.
 *
 * @category Export
 */
export type CensusPeriodKind = 'termly' | 'summerHalfTerm2' | 'annual';

/**
 * One pupil's census attendance records: any of the termly, second-half-of-summer and annual figures.
 *
 * @category Export
 */
export interface CensusPupilAttendance {
  /** The pupil. */
  readonly pupilId: string;
  /** The figures for the term before the census (`TermlyAttendance`). */
  readonly termly?: CensusAttendance;
  /** The second half of the summer term (`SummerHalfTerm2Attendance`; autumn census only). */
  readonly summerHalfTerm2?: CensusAttendance;
  /** The whole year (`AnnualAttendance`). */
  readonly annual?: CensusAttendance;
}

/**
 * What reading a census attendance file gives: the pupils in file order, and every warning.
 *
 * @category Export
 */
export interface CensusAttendanceImport {
  /** The pupils, in file order. */
  readonly pupils: readonly CensusPupilAttendance[];
  /** Problems that did not stop a record being read, e.g. reasons that do not sum to their total. */
  readonly warnings: readonly AttendanceIssue[];
}
