import type { Session } from '../../calendar/types.js';
import type { InputLimits } from '../limits/inputLimits.js';
import type { ImportedMark } from '../types.js';

/**
 * The names of the built-in column mappings in {@link REGISTER_COLUMN_PRESETS}.
 *
 * @category Import
 */
export type RegisterColumnPresetName = 'generic' | 'arbor' | 'sims' | 'assembly' | 'wonde' | 'go4schools';

/**
 * The column (CSV) or key (JSON) names accepted for one field: one name, or several in order of preference.
 *
 * @remarks
 * Names match ignoring case, spaces, underscores and hyphens, so `pupil_id` also matches `Pupil ID` and
 * `PupilId`. In JSON a name may be a dotted path into nested objects, e.g. `attendance_code.data.code`.
 *
 * @category Import
 */
export type RegisterColumnNames = string | readonly string[];

/**
 * Which columns (CSV) or keys (JSON) of a long-format register hold each field of a mark.
 *
 * @remarks
 * For each field the first listed name that the file has is used; columns that no field names are ignored.
 * A column used for `pupilId` is not read again as `upn`.
 *
 * @example
 * const mapping: RegisterColumnMapping = {
 *   pupilId: ['Adno', 'UPN'],
 *   upn: 'UPN',
 *   date: 'Date',
 *   session: 'Session',
 *   code: 'Mark',
 * };
 * @category Import
 */
export interface RegisterColumnMapping {
  /** The pupil's identifier (required). */
  readonly pupilId: RegisterColumnNames;
  /** The pupil's Unique Pupil Number, when carried beside another id. */
  readonly upn?: RegisterColumnNames;
  /** The session's date (required). */
  readonly date: RegisterColumnNames;
  /** The session: morning or afternoon (required). */
  readonly session: RegisterColumnNames;
  /** The register code (required). */
  readonly code: RegisterColumnNames;
  /** Minutes late, for late marks. */
  readonly minutesLate?: RegisterColumnNames;
  /** A free-text comment on the mark. */
  readonly comment?: RegisterColumnNames;
}

/**
 * How register dates are written: `'iso'` for `YYYY-MM-DD`, `'dmy'` for `DD/MM/YYYY`, or `'auto'` for either.
 *
 * @remarks
 * Either form may carry a time after a space or `T` (`2025-09-04T08:50:00`, `04/09/2025 08:50`); the date is
 * taken as written and never moved through a time zone.
 *
 * @category Import
 */
export type RegisterDateFormat = 'auto' | 'iso' | 'dmy';

/**
 * Extra spellings of the two sessions, e.g. `{ 'Reg 1': 'AM', 'Reg 2': 'PM' }`, added to
 * {@link REGISTER_SESSION_NAMES}. Keys match ignoring case, surrounding spaces and repeated inner spaces.
 *
 * @category Import
 */
export type RegisterSessionNames = Readonly<Record<string, Session>>;

/**
 * A school's or system's list of codes as written in the file, each mapped to its statutory register code:
 * for example SIMS display codes (`{ '9': 'Y' }`) or GO4Schools `session_mark_id` values (`{ '12': 'I' }`).
 *
 * @remarks
 * A code found in the list becomes the statutory code, and the mark keeps the file's code as `rawCode`. A code
 * not in the list is read as a statutory code itself, so the list need only hold the codes that differ.
 *
 * @category Import
 */
export type RegisterCodeList = Readonly<Record<string, string>>;

/**
 * Options shared by the long-format CSV and JSON importers.
 *
 * @category Import
 */
export interface RegisterReadOptions extends InputLimits {
  /**
   * The longest line (CSV) or text value (JSON) read, in bytes of UTF-8: a guard against broken and hostile
   * files. A CSV line longer than this (the whole row, quoted fields and their line breaks included) is one
   * `too_long` error naming its line, with a short excerpt, and is skipped without ever being held in memory,
   * however long it is; reading goes on with the next line. When it is the header line the file cannot be read:
   * that one error, and every later row counted as rejected. In JSON, a record with a text value (a pupil id, a
   * comment, an object key) longer than this is rejected with a `too_long` error naming the record and key.
   *
   * @defaultValue {@link "school-attendance/io"!DEFAULT_MAX_LINE_BYTES | DEFAULT_MAX_LINE_BYTES} (1 MiB)
   */
  readonly maxLineBytes?: number;
  /**
   * JSON only: the deepest nesting of arrays and objects read, counted from the top of the input (the array of
   * records is level 1, each record level 2, or 2 and 3 inside `{ data: [...] }`). A record holding anything
   * nested deeper is rejected with one `too_deep` error whose path says where the limit was passed, instead of
   * the stack overflowing; a record that contains itself (a circular value) is rejected the same way.
   *
   * @defaultValue {@link "school-attendance/io"!DEFAULT_MAX_DEPTH | DEFAULT_MAX_DEPTH} (64)
   */
  readonly maxDepth?: number;
  /** A preset name or a custom mapping. @defaultValue `'generic'` */
  readonly mapping?: RegisterColumnPresetName | RegisterColumnMapping;
  /** The file name, put on every issue. */
  readonly source?: string;
  /** How dates are written. @defaultValue `'auto'` */
  readonly dateFormat?: RegisterDateFormat;
  /** Extra spellings of AM and PM. */
  readonly sessionNames?: RegisterSessionNames;
  /** Codes as written in the file mapped to statutory codes. */
  readonly codeList?: RegisterCodeList;
}

/**
 * Options for reading a long-format register CSV.
 *
 * @category Import
 */
export interface RegisterCsvOptions extends RegisterReadOptions {
  /** The field delimiter, e.g. `'\t'` for tab-separated files. @defaultValue `','` */
  readonly delimiter?: string;
  /**
   * How bytes are decoded (streamed input only; text is already decoded). `'auto'` follows a UTF-8, UTF-16LE
   * or UTF-16BE byte order mark and otherwise reads UTF-8, reporting bytes that are not UTF-8 as `encoding`
   * warnings; `'latin1'` reads Windows-1252 (a superset of Latin-1), as older exports were often saved. Text
   * needs no encoding, but a U+FFFD in it (the trace of a wrong decoding) is an `encoding` warning too.
   *
   * @defaultValue `'auto'`
   */
  readonly encoding?: 'auto' | 'utf-8' | 'utf-16le' | 'latin1';
}

/**
 * Progress of a streamed import: source bytes consumed and data rows read so far.
 *
 * @category Import
 */
export interface RegisterImportProgress {
  /** Bytes of the source consumed so far. */
  readonly bytesRead: number;
  /** Data rows read so far (used or rejected). */
  readonly rowsRead: number;
}

/**
 * Options for streaming a long-format register CSV with {@link importRegisterCsv}.
 *
 * @category Import
 */
export interface RegisterCsvStreamOptions extends RegisterCsvOptions {
  /**
   * Receives the marks in batches, in file order. When given, the marks are not kept: the result's `marks` is
   * empty, so a file of any size imports in bounded memory.
   */
  readonly onMarks?: (batch: readonly ImportedMark[]) => void;
  /** The number of marks in each batch handed to `onMarks` (the last may be smaller). @defaultValue `10000` */
  readonly batchSize?: number;
  /** Called after each chunk of the source has been read. */
  readonly onProgress?: (progress: RegisterImportProgress) => void;
}

/**
 * Options for reading a long-format register from parsed JSON, with the limits `maxLineBytes` (the longest text
 * value, in UTF-8 bytes) and `maxDepth` (the deepest nesting of arrays and objects).
 *
 * @category Import
 */
export type RegisterJsonOptions = RegisterReadOptions;

/**
 * Options for writing the generic long-format CSV.
 *
 * @category Export
 */
export interface RegisterCsvWriteOptions {
  /** The line ending; RFC 4180 uses CRLF. @defaultValue `'\r\n'` */
  readonly lineEnding?: '\r\n' | '\n';
  /**
   * Whether a pupil id, UPN or comment that a spreadsheet would run as a formula (one starting with `=`, `+`,
   * `-`, `@`, a tab or a carriage return) is written with a single quote before it, as OWASP advises against CSV
   * injection. A cell starting with a quote followed by one of those or another quote gets one too, so that the
   * readers of this format, which take one such quote off, give back every text exactly. Codes, dates, sessions
   * and minutes are never changed. Turn it off only for a program that reads the cells literally.
   *
   * @defaultValue `true`
   * @example
   * toRegisterCsv([{ pupilId: '=1+2', date: isoDate('2025-09-02'), session: 'AM', code: '/' }], { lineEnding: '\n' });
   * //=> "pupil_id,date,session,code,minutes_late,comment\n'=1+2,2025-09-02,AM,/,,\n"
   * toRegisterCsv(marks, { formulaSafe: false }); // cells exactly as given
   */
  readonly formulaSafe?: boolean;
}
