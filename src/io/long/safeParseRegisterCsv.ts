import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import type { RegisterImport } from '../types.js';
import { parseRegisterCsv } from './parseRegisterCsv.js';
import type { RegisterCsvOptions } from './types.js';

/**
 * Reads a long-format register CSV strictly without throwing: the marks when every row is good, otherwise the
 * error listing every problem. See {@link readRegisterCsv} for what is accepted.
 *
 * @remarks
 * Never throws, whatever it is given (text or not, a file of NUL bytes, a line of many megabytes): an
 * invalid option comes back as the error too.
 *
 * @param text - The CSV text.
 * @param options - The column mapping, file name, date format, extra session names, code list, delimiter and
 * longest line (`maxLineBytes`).
 * @returns `{ success: true, data }` with the marks and warnings, or `{ success: false, error }`.
 * @example
 * const result = safeParseRegisterCsv('pupil_id,date,session,code\nP1,31/02/2025,AM,/\n');
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'invalid_date'
 * @category Import
 */
export function safeParseRegisterCsv(text: string, options?: RegisterCsvOptions): SafeResult<RegisterImport> {
  try {
    return { success: true, data: parseRegisterCsv(text, options) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
