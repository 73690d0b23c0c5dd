import type { IsoDate, Session } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { SessionMark } from '../sessions/types.js';

/**
 * One register mark read from a file: a {@link SessionMark} that always says whose it is and where in the
 * file it came from.
 *
 * @remarks
 * `code` is the statutory code after any code-list mapping (e.g. a school's display code `9` mapped to
 * `Y`); `rawCode` keeps what the file said when the two differ. Dates are school dates as written in the
 * file, never moved through a time zone.
 *
 * @category Import
 */
export interface ImportedMark extends SessionMark {
  /** The pupil (the system's pupil id, or the UPN when no other id is given). */
  readonly pupilId: string;
  /** The school date of the session. */
  readonly date: IsoDate;
  /** The morning or afternoon session. */
  readonly session: Session;
  /** The statutory register code, or `'-'` when no mark has been entered yet. */
  readonly code: string;
  /** The Unique Pupil Number, when the file carries one beside another id. */
  readonly upn?: string;
  /** The code exactly as the file had it, when it differs from `code`. */
  readonly rawCode?: string;
  /** A free-text comment on the mark, when the file carries one. */
  readonly comment?: string;
  /** The 1-based line of the file the mark was read from (for CTF, the line of its `AttendanceMarks`). */
  readonly line?: number;
}

/**
 * How much of a file an importer read, used and rejected. Every row read is either used or rejected:
 * `rowsRead === rowsUsed + rowsRejected`, so nothing is dropped silently.
 *
 * @category Import
 */
export interface ImportSummary {
  /** Data rows (or XML records) read, not counting a header row or blank lines. */
  readonly rowsRead: number;
  /** Rows that became marks. */
  readonly rowsUsed: number;
  /** Rows rejected with at least one error issue. */
  readonly rowsRejected: number;
}

/**
 * The marks an importer read, with its summary and every warning (issues that did not stop a row).
 *
 * @category Import
 */
export interface RegisterImport extends ImportSummary {
  /** The marks, in file order. */
  readonly marks: readonly ImportedMark[];
  /** Problems that did not stop a row being used (e.g. a comment with unreadable characters). */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * What a tolerant import returns: the rows that could be used and every issue, errors and warnings alike,
 * so that a caller can report a file's problems and still work with its good rows.
 *
 * @category Import
 */
export interface RegisterImportReport extends ImportSummary {
  /** The marks from the rows that could be used, in file order. */
  readonly marks: readonly ImportedMark[];
  /** Every issue, in file order: errors for rejected rows, warnings for used ones. */
  readonly issues: readonly AttendanceIssue[];
}
