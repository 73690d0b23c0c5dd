import type { ImportedMark, RegisterImportReport } from '../types.js';
import { describeValue } from './_internal/describeValue.js';
import { JsonRegisterReader } from './_internal/jsonRegisterReader.js';
import { resolveRegisterOptions } from './_internal/resolveOptions.js';
import type { RegisterJsonOptions } from './types.js';

/** The input in a message: a short quotation, whatever it is (see {@link describeValue}). */
function shown(value: unknown): string {
  return value === undefined ? 'nothing' : describeValue(value);
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
 * UTF-8); the record is still used if its fields read. A text value holding a lone UTF-16 surrogate (half of a
 * pair, which no file encoding can carry) is an `invalid_value` error naming its record and key, so that every
 * register this function accepts can be written with {@link toRegisterCsv} and read back the same.
 *
 * Any value is taken, whatever it holds, and no issue quotes more than about 80 characters of it. Each record is
 * first held to two limits, so that nothing is recursed into or quoted beyond them: a record holding arrays or
 * objects nested deeper than `maxDepth` (64 levels from the top of the input by default), or one that contains
 * itself, is rejected with one `too_deep` error whose path says where the limit was passed; a record with a
 * text value or key longer than `maxLineBytes` (1 MiB of UTF-8 by default) is rejected with one `too_long`
 * error. The rest of the records are read as usual.
 *
 * @param value - The parsed JSON: an array of records or `{ data: [...] }`.
 * @param options - The column mapping, file name, date format, extra session names, code list and input limits
 * (`maxLineBytes`, `maxDepth`).
 * @returns The marks of the good records, every issue, and the counts of records read, used and rejected.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid; never for the content of the input.
 * @example
 * const report = readRegisterJson(
 *   { data: [{ student_id: 'S1', session_date: '2025-09-02', session_name: 'AM', attendance_mark: '/' }] },
 *   { mapping: 'assembly' }
 * );
 * report.marks[0] //=> { pupilId: 'S1', date: '2025-09-02', session: 'AM', code: '/' }
 *
 * let deep: unknown = [];
 * for (let level = 0; level < 5000; level += 1) deep = [deep];
 * readRegisterJson(deep).issues[0].code //=> 'too_deep'
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
      message: `${source ?? 'The input'} is ${shown(value)}, which is neither an array of records nor an object whose data is one${typeof value === 'string' ? ' (JSON text must be parsed first, e.g. with JSON.parse)' : ''}; expected an array of records or { data: [...] }.`,
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
