import type { IsoDate, SchoolCalendar } from '../../calendar/types.js';
import type { SessionMark } from '../../sessions/types.js';
import type { InputLimits } from '../limits/inputLimits.js';
import type { ImportedMark, RegisterImport, RegisterImportReport } from '../types.js';

/**
 * How the positions of a CTF `AttendanceMarks` string map to dates.
 *
 * - `calendarDays`: one pair of characters (morning, afternoon) for every calendar day from
 *   `AttendanceStartDate`, weekends and holidays carried as not in session (`##`).
 * - `schoolDays`: one pair for every school day of a given {@link "school-attendance"!SchoolCalendar | SchoolCalendar} from `AttendanceStartDate`,
 *   weekends and holidays left out.
 *
 * The CTF specification's text on this point could not be checked, and exporters differ; the importer takes
 * the model as an option.
 *
 * @category CTF
 */
export type CtfDayModel = 'calendarDays' | 'schoolDays';

/**
 * How to lay out and read the characters of a CTF `AttendanceMarks` string. Shared by the importer and the
 * writers; every choice has a default that matches the common exports.
 *
 * @category CTF
 */
export interface CtfMarkLayoutOptions {
  /**
   * Whether each pair of characters stands for a calendar day or a school day of `calendar`.
   *
   * @defaultValue `'calendarDays'`
   */
  readonly dayModel?: CtfDayModel;
  /**
   * The school calendar of the school the marks come from. Required for the `schoolDays` model; with
   * `calendarDays` it is used to check the marks against the calendar.
   */
  readonly calendar?: SchoolCalendar;
  /**
   * The character an exporter writes for a session that is not in session (a weekend, a holiday, a closure).
   * It is never a mark and never a possible session.
   *
   * @defaultValue `'#'`
   */
  readonly notInSessionCharacter?: string;
  /**
   * The character an exporter writes for a session with no mark recorded (SIMS shows `-`). It is read as the
   * library's no-mark code `'-'`, neither present nor absent.
   *
   * @defaultValue `'-'`
   */
  readonly noMarkCharacter?: string;
  /**
   * Characters per session: `1` (one character each, so the 2024 sub-codes `C1`, `C2`, `J1` and `Y1`–`Y7`
   * arrive as their letter) or `2` (each code padded to two characters with a space, e.g. `'/ '`, `'C1'`).
   *
   * @defaultValue `1`
   */
  readonly codeWidth?: 1 | 2;
}

/**
 * Options of the CTF importer ({@link readCtf}, {@link parseCtf}, {@link safeParseCtf}, {@link importCtf}).
 *
 * @remarks
 * The input limits ({@link "school-attendance/io"!InputLimits | InputLimits}): `maxLineBytes` is the longest
 * line (in bytes for byte input, characters for text) and the longest single XML item (an element's text, a
 * tag with its attributes, a comment, a DOCTYPE, in characters); `maxDepth` is the deepest nesting of elements.
 * Going over either stops the reading with a `too_long` or `too_deep` error.
 *
 * @category CTF
 */
export interface CtfOptions extends Omit<CtfMarkLayoutOptions, 'dayModel'>, InputLimits {
  /**
   * How the mark strings map to dates. `'auto'` decides per `YearData` by the pairs that would fall on a
   * Saturday or Sunday if each pair were a calendar day: calendar days when none of them holds a mark, school
   * days (which need `calendar`) when one does, and calendar days when the string reaches no weekend. It
   * reports what it chose in one `inferred_format` warning; each record's `dayModel` says which it got.
   *
   * @defaultValue `'calendarDays'`
   */
  readonly dayModel?: CtfDayModel | 'auto';
  /** The file name, copied into every issue's `source`. */
  readonly source?: string;
}

/**
 * A school as the CTF header names it (`SourceSchool`, `DestSchool`). Elements the file leaves out are absent.
 *
 * @category CTF
 */
export interface CtfSchool {
  /** The three-digit local authority number (`LEA`). */
  readonly lea?: string;
  /** The four-digit establishment number (`Estab`). */
  readonly estab?: string;
  /** The Unique Reference Number (`URN`). */
  readonly urn?: string;
  /** The school's name (`SchoolName`). */
  readonly schoolName?: string;
  /** The academic year the file was made in (`AcademicYear`, its start year). */
  readonly academicYear?: string;
}

/**
 * The CTF `Header`. Elements the file leaves out are absent.
 *
 * @category CTF
 */
export interface CtfHeader {
  /** `DocumentName`, normally `'Common Transfer File'`. */
  readonly documentName?: string;
  /** The CTF version (`CTFversion`, also spelt `CTFVersion`), e.g. `'25.0'`. */
  readonly ctfVersion?: string;
  /** When the file was made (`DateTime`), as written, e.g. `'2025-09-09T10:15:00'`. */
  readonly dateTime?: string;
  /** `DocumentQualifier`: `'full'` or `'partial'`. */
  readonly documentQualifier?: string;
  /** The supplier of the system that made the file (`SupplierID`). */
  readonly supplierId?: string;
  /** The school the file comes from. */
  readonly sourceSchool?: CtfSchool;
  /** The school the file is for. */
  readonly destSchool?: CtfSchool;
}

/**
 * The session totals of one CTF `YearData` record, as the file states them.
 *
 * @category CTF
 */
export interface CtfTotals {
  /** `SessionsPossible`. */
  readonly sessionsPossible: number;
  /** `SessionsAuthorised`: authorised absence. */
  readonly sessionsAuthorised: number;
  /** `SessionsAttended`, which not every exporter writes. */
  readonly sessionsAttended?: number;
  /** `SessionsUnauthorised`: unauthorised absence. */
  readonly sessionsUnauthorised: number;
}

/**
 * Session counts recomputed from a `YearData` record's decoded marks with the library's own code tables
 * (the same counts as {@link "school-attendance"!countSessions | countSessions}).
 *
 * @category CTF
 */
export interface CtfDecodedCounts {
  /** Possible sessions. */
  readonly possible: number;
  /** Attended sessions: present (`/`, `\`, `L`) plus approved educational activity. */
  readonly attended: number;
  /** Authorised absence. */
  readonly authorised: number;
  /** Unauthorised absence. */
  readonly unauthorised: number;
  /** Sessions with no mark recorded: counted in none of the above. */
  readonly unmarked: number;
}

/**
 * One total of a `YearData` record beside the same count recomputed from its marks.
 *
 * @category CTF
 */
export interface CtfReconciliationLine {
  /** The total the file states. */
  readonly file: number;
  /** The count recomputed from the decoded marks. */
  readonly decoded: number;
  /** `decoded - file`: positive when the marks show more than the file's total. */
  readonly difference: number;
}

/**
 * A `YearData` record's totals reconciled with its decoded marks, field by field.
 *
 * @category CTF
 */
export interface CtfReconciliation {
  /** `SessionsPossible` against the decoded possible sessions. */
  readonly sessionsPossible: CtfReconciliationLine;
  /** `SessionsAuthorised` against the decoded authorised absence. */
  readonly sessionsAuthorised: CtfReconciliationLine;
  /** `SessionsAttended` against the decoded attended sessions, when the file states it. */
  readonly sessionsAttended?: CtfReconciliationLine;
  /** `SessionsUnauthorised` against the decoded unauthorised absence. */
  readonly sessionsUnauthorised: CtfReconciliationLine;
  /** `true` when every difference is 0. */
  readonly matches: boolean;
}

/**
 * One `Attendance/YearData` record of a pupil: a school's totals for one academic year and, when the file
 * has them, the decoded session marks.
 *
 * @category CTF
 */
export interface CtfYearData {
  /** The academic year's start year (`Year`), e.g. `2024` for 2024/25. */
  readonly year: number;
  /** The local authority number of the school the figures relate to (`LEA`). */
  readonly lea?: string;
  /** The establishment number of that school (`Estab`). */
  readonly estab?: string;
  /** That school's name (`SchoolName`). */
  readonly schoolName?: string;
  /** The totals as the file states them. */
  readonly totals: CtfTotals;
  /** The date of the first pair of characters of the marks (`AttendSessions/AttendanceStartDate`). */
  readonly attendanceStartDate?: IsoDate;
  /** The mark string exactly as the file has it (`AttendSessions/AttendanceMarks`). */
  readonly attendanceMarks?: string;
  /** The day model the marks were read with (the one chosen, under `dayModel: 'auto'`). */
  readonly dayModel?: CtfDayModel;
  /** The decoded marks, in date and session order; empty when the record has no mark string. */
  readonly marks: readonly ImportedMark[];
  /** Counts recomputed from `marks`; present when the record has a mark string. */
  readonly decodedCounts?: CtfDecodedCounts;
  /** The file's totals against `decodedCounts`; present when the record has a mark string. */
  readonly reconciliation?: CtfReconciliation;
  /** The XML path of the record, e.g. `'CTfile/CTFpupilData/Pupil[2]/Attendance/YearData[1]'`. */
  readonly path: string;
  /** The 1-based line of the record's start tag. */
  readonly line: number;
}

/**
 * One pupil of a CTF file with the `YearData` records that could be used.
 *
 * @category CTF
 */
export interface CtfPupil {
  /** The Unique Pupil Number (`UPN`); every mark's `pupilId`. Empty only when the file has none (an error). */
  readonly upn: string;
  /** `Surname`. */
  readonly surname?: string;
  /** `Forename`. */
  readonly forename?: string;
  /** Date of birth (`DOB`). */
  readonly dob?: IsoDate;
  /** `Sex` (CTF 25), or `Gender` in older files. */
  readonly sex?: string;
  /** The `YearData` records that could be used, in file order. Rejected ones are reported as issues. */
  readonly years: readonly CtfYearData[];
  /** The XML path of the pupil, e.g. `'CTfile/CTFpupilData/Pupil[2]'`. */
  readonly path: string;
  /** The 1-based line of the pupil's start tag. */
  readonly line: number;
}

/**
 * What {@link parseCtf} and {@link safeParseCtf} return: a CTF file with no errors. A "row" is one
 * `YearData` record.
 *
 * @category CTF
 */
export interface CtfImport extends RegisterImport {
  /** The file's header. */
  readonly header: CtfHeader;
  /** Every pupil, in file order. */
  readonly pupils: readonly CtfPupil[];
}

/**
 * What {@link readCtf} and {@link importCtf} return: every pupil that could be read, the records that could
 * be used, and every issue, errors and warnings alike. A "row" is one `YearData` record.
 *
 * @category CTF
 */
export interface CtfImportReport extends RegisterImportReport {
  /** The file's header (empty when the file breaks off before it). */
  readonly header: CtfHeader;
  /** Every pupil completed before the end of the file (or before the point where it breaks off). */
  readonly pupils: readonly CtfPupil[];
}

/**
 * Options of {@link toCtfAttendanceMarks}: the period the string covers and how to lay it out.
 *
 * @category CTF
 */
export interface ToCtfAttendanceMarksOptions extends CtfMarkLayoutOptions {
  /** The first day of the string (`AttendanceStartDate`). */
  readonly startDate: IsoDate;
  /** The last day of the string, included. */
  readonly endDate: IsoDate;
  /**
   * With `codeWidth: 1`, whether to write the 2024 sub-codes as their letter (`C1` and `C2` as `C`, `J1` as
   * `J`, `Y1`–`Y7` as `Y`), as one-character exporters do, instead of rejecting them. Collapsed codes do not
   * read back as themselves.
   *
   * @defaultValue `false`
   */
  readonly collapseSubCodes?: boolean;
}

/**
 * One `YearData` record to write. Give the totals, the marks, or both: missing totals are counted from the
 * marks; a ready `attendanceMarks` string is written as it is, otherwise `marks` are encoded.
 *
 * @category CTF
 */
export interface CtfYearDataInput {
  /** The academic year's start year (`Year`). */
  readonly year: number;
  /** `LEA` of the school the figures relate to. */
  readonly lea?: string;
  /** `Estab` of that school. */
  readonly estab?: string;
  /** `SchoolName` of that school. */
  readonly schoolName?: string;
  /** The totals; counted from `marks` when left out. */
  readonly totals?: CtfTotals;
  /** The first day of the mark string; the first mark's date when left out. */
  readonly attendanceStartDate?: IsoDate;
  /** The last day of the mark string; the last mark's date when left out. */
  readonly attendanceEndDate?: IsoDate;
  /** A ready mark string, written as it is (it needs `attendanceStartDate`). */
  readonly attendanceMarks?: string;
  /** The year's marks, encoded with {@link toCtfAttendanceMarks} when there is no ready string. */
  readonly marks?: readonly SessionMark[];
}

/**
 * One pupil to write.
 *
 * @category CTF
 */
export interface CtfPupilInput {
  /** `UPN`. */
  readonly upn: string;
  /** `Surname`. */
  readonly surname?: string;
  /** `Forename`. */
  readonly forename?: string;
  /** `DOB`. */
  readonly dob?: IsoDate;
  /** `Sex`. */
  readonly sex?: string;
  /** The pupil's `YearData` records, written in this order. */
  readonly years: readonly CtfYearDataInput[];
}

/**
 * A CTF document to write with {@link toCtfXml}: a header and pupils. A {@link CtfImport} or
 * {@link CtfImportReport} is one, so a file read can be written back.
 *
 * @category CTF
 */
export interface CtfDocumentInput {
  /** The header; `DocumentName` defaults to `'Common Transfer File'`. */
  readonly header: CtfHeader;
  /** The pupils, written in this order. */
  readonly pupils: readonly CtfPupilInput[];
}

/**
 * Options of {@link toCtfXml}: how to encode `YearData` records that come with marks but no ready string.
 *
 * @category CTF
 */
export type ToCtfXmlOptions = Omit<ToCtfAttendanceMarksOptions, 'startDate' | 'endDate'>;
