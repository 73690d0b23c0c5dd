import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import type { RegisterImport } from '../types.js';
import { parseRegisterJson } from './parseRegisterJson.js';
import type { RegisterJsonOptions } from './types.js';

/**
 * Reads a long-format register held as JSON strictly without throwing: the marks when every record is good,
 * otherwise the error listing every problem. See {@link readRegisterJson} for what is accepted.
 *
 * @remarks
 * Never throws, whatever it is given (a BigInt, a circular value, a value nested thousands deep): an invalid
 * option comes back as the error too.
 *
 * @param value - The parsed JSON: an array of records or `{ data: [...] }`.
 * @param options - The column mapping, file name, date format, extra session names, code list and input limits
 * (`maxLineBytes`, `maxDepth`).
 * @returns `{ success: true, data }` with the marks and warnings, or `{ success: false, error }`.
 * @example
 * const result = safeParseRegisterJson({ data: [{ pupil_id: 'P1', date: '2025-09-02', session: 'Evening', code: '/' }] });
 * result.success || result.error.issues[0].path //=> ['data', 0, 'session']
 * @category Import
 */
export function safeParseRegisterJson(
  value: unknown,
  options?: RegisterJsonOptions
): SafeResult<RegisterImport> {
  try {
    return { success: true, data: parseRegisterJson(value, options) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
