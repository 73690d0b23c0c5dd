import type { ImportedMark, RegisterImportReport } from '../types.js';
import { JsonRegisterReader } from './_internal/jsonRegisterReader.js';
import { resolveRegisterOptions } from './_internal/resolveOptions.js';
import type { RegisterJsonOptions } from './types.js';

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Reads a long-format register held as JSON tolerantly: every record is read, records with problems are
 * rejected with located issues, and the good ones become marks.
 *
 * @remarks
 * The input is an array of records, one per pupil and session, or an envelope `{ data: [...] }` as Wonde and
 * Assembly return lists (other envelope keys such as `meta` are ignored). {@link REGISTER_COLUMN_PRESETS} or a
 * custom mapping name each field's key; keys match ignoring case, spaces, underscores and hyphens, and may be
 * dotted paths into nested objects (`attendance_code.data.code`). Ids and codes may be numbers. A date may be a
 * date object whose `date` is text (`{ date: '2025-09-02 00:00:00.000000', timezone: 'Europe/London' }`):
 * the date part is taken as written. `null` is the same as a missing key.
 *
 * Fields are checked as {@link readRegisterCsv} checks them, and each issue's `path` names the record and key,
 * e.g. `['data', 12, 'session_date']`. If the first record lacks a key for a required field, the input stops
 * with one `missing_column` issue naming the mapping and the keys found, and every record counts as rejected.
 * A text value holding U+FFFD, the replacement character, is an `encoding` warning naming its record and key:
 * the file was almost always decoded with the wrong encoding before `JSON.parse` (e.g. a Latin-1 file read as
 * UTF-8); the record is still used if its fields read.
 *
 * @param value - The parsed JSON: an array of records or `{ data: [...] }`.
 * @param options - The column mapping, file name, date format, extra session names and code list.
 * @returns The marks of the good records, every issue, and the counts of records read, used and rejected.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid; never for the content of the input.
 * @example
 * const report = readRegisterJson(
 *   { data: [{ student_id: 'S1', session_date: '2025-09-02', session_name: 'AM', attendance_mark: '/' }] },
 *   { mapping: 'assembly' }
 * );
 * report.marks[0] //=> { pupilId: 'S1', date: '2025-09-02', session: 'AM', code: '/' }
 * @category Import
 */
export function readRegisterJson(value: unknown, options: RegisterJsonOptions = {}): RegisterImportReport {
  const resolved = resolveRegisterOptions(options);
  const marks: ImportedMark[] = [];
  const onMark = (mark: ImportedMark): void => {
    marks.push(mark);
  };
  let records: readonly unknown[];
  let prefix: (string | number)[];
  if (Array.isArray(value)) {
    records = value;
    prefix = [];
  } else if (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { data?: unknown }).data)
  ) {
    records = (value as { data: unknown[] }).data;
    prefix = ['data'];
  } else {
    const reader = new JsonRegisterReader(resolved, [], onMark);
    const { source } = resolved;
    reader.rows.issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: `${source ?? 'The input'} is ${shown(value)}, which is neither an array of records nor an object whose data is one; expected an array of records or { data: [...] }.`,
      path: [],
      expected: 'an array of records or { data: [...] }',
      received: shown(value),
      ...(source === undefined ? {} : { source }),
    });
    return reader.rows.report(marks);
  }
  const reader = new JsonRegisterReader(resolved, prefix, onMark);
  reader.readAll(records);
  return reader.rows.report(marks);
}
