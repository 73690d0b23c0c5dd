import { AttendanceError } from '../../errors.js';
import type { ImportedMark, RegisterImportReport } from '../types.js';
import { CsvRegisterReader } from './_internal/csvRegisterReader.js';
import { resolveRegisterOptions } from './_internal/resolveOptions.js';
import type { RegisterCsvOptions } from './types.js';

/**
 * Reads a long-format register CSV (one row per pupil and session) tolerantly: every row is read, rows with
 * problems are rejected with located issues, and the good rows become marks.
 *
 * @remarks
 * The first non-blank line is the header; {@link REGISTER_COLUMN_PRESETS} or a custom mapping say which
 * columns hold the pupil id, date, session, code, minutes late and comment (other columns are ignored).
 *
 * - Dates: `YYYY-MM-DD` or `DD/MM/YYYY` (`D/M/YYYY` too), optionally followed by a time, which is ignored:
 *   the date is taken as written, never through a time zone. Impossible days (`31/02/2025`) and month/day
 *   dates that cannot be day/month (`09/13/2025`) are rejected.
 * - Sessions: `AM`/`PM` and the spellings in {@link REGISTER_SESSION_NAMES}, plus `sessionNames`.
 * - Codes: either DfE code set (2024 or pre-2024), after any `codeList` mapping; an empty cell or `-` is
 *   "no mark yet" and reads as `-`.
 * - Minutes late: empty, or a whole number of 0 or more.
 *
 * Every issue names the file (`source`), the 1-based line where the row starts, the pupil, date and session
 * where known, the column, what was expected and what was found. A row with any error is rejected, as is a
 * second row for a pupil's date and session (`duplicate_mark`, naming the line of the first). Blank lines are
 * skipped and not counted. A row with a different number of fields from the header is `malformed_input`.
 *
 * Text arrives already decoded, so a cell holding U+FFFD, the replacement character, almost always means the
 * file was decoded with the wrong encoding before it got here (e.g. a Latin-1 file read with
 * `readFileSync(file, 'utf8')`). Each such cell is an `encoding` warning with its line and column, as
 * {@link importRegisterCsv} gives for bad bytes; the row is still used if its fields read. Decode such a
 * file's bytes as `windows-1252`, or stream them to {@link importRegisterCsv} with `encoding: 'latin1'`.
 *
 * When the header lacks a required column, the file stops with one `missing_column` issue that says which
 * mapping was used and which columns were found; its data rows are still counted, all as rejected, so
 * `rowsRead === rowsUsed + rowsRejected` holds for every input. An empty file gives one `missing_column`
 * issue and no rows.
 *
 * A line longer than `maxLineBytes` (1 MiB of UTF-8 by default; a row with quoted line breaks counts as one
 * line) is one `too_long` error naming its line, with a short excerpt and its length, and is skipped: whatever
 * the file holds (a binary file, a quote never closed), no issue quotes more than about 80 characters of it.
 * A header line over the limit stops the file with that one error, its data rows counted as rejected. Text that
 * holds a lone UTF-16 surrogate cannot be read as it is (it becomes U+FFFD): each cell it spoils is an
 * `encoding` warning, as for U+FFFD.
 *
 * For large files, stream them with {@link importRegisterCsv}.
 *
 * @param text - The CSV text (a leading byte order mark is ignored).
 * @param options - The column mapping, file name, date format, extra session names, code list, delimiter and
 * longest line (`maxLineBytes`).
 * @returns The marks of the good rows, every issue, and the counts of rows read, used and rejected.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid (e.g. an unknown preset name); never for the
 * content of the file.
 * @example
 * const report = readRegisterCsv(
 *   'pupil_id,date,session,code\nP1,02/09/2025,AM,/\nP1,02/09/2025,PM,Q9\n',
 *   { source: 'register.csv' }
 * );
 * report.rowsUsed //=> 1
 * report.issues[0].message //=> 'Line 3 of register.csv (pupil P1, 2025-09-02, PM): code "Q9" is not a register code ...'
 * @category Import
 */
export function readRegisterCsv(text: string, options: RegisterCsvOptions = {}): RegisterImportReport {
  if (typeof text !== 'string') {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `The register CSV must be text; received ${typeof text}.`,
        path: [],
        expected: 'text',
        received: typeof text,
      },
    ]);
  }
  const resolved = resolveRegisterOptions(options);
  const settings = CsvRegisterReader.settings(options);
  const marks: ImportedMark[] = [];
  const reader = new CsvRegisterReader(resolved, (mark) => {
    marks.push(mark);
  });
  reader.readText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, settings);
  return reader.rows.report(marks);
}
