import { throwIfErrors } from '../../_internal/issues.js';
import type { RegisterImport } from '../types.js';
import { readRegisterCsv } from './readRegisterCsv.js';
import type { RegisterCsvOptions } from './types.js';

/**
 * Reads a long-format register CSV strictly: the marks when every row is good, otherwise one error carrying
 * every problem in the file. See {@link readRegisterCsv} for what is accepted.
 *
 * @param text - The CSV text.
 * @param options - The column mapping, file name, date format, extra session names, code list, delimiter and
 * longest line (`maxLineBytes`).
 * @returns The marks, the row counts and any warnings (e.g. bytes that were not UTF-8).
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Carrying every error issue, each with its line, pupil, date, session and
 * column.
 * @example
 * const { marks } = parseRegisterCsv('pupil_id,date,session,code\nP1,2025-09-02,AM,/\n');
 * marks[0] //=> { pupilId: 'P1', date: '2025-09-02', session: 'AM', code: '/', line: 2 }
 * @category Import
 */
export function parseRegisterCsv(text: string, options?: RegisterCsvOptions): RegisterImport {
  const { issues, ...report } = readRegisterCsv(text, options);
  throwIfErrors(issues);
  return { ...report, warnings: issues };
}
