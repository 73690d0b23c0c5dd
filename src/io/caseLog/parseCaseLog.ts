import { unwrap } from '../export/_internal/results.js';
import { safeParseCaseLog } from './safeParseCaseLog.js';
import type { CaseLogEntry, ParseCaseLogOptions } from './types.js';

/**
 * Reads a case log, or throws one error listing every problem. See {@link safeParseCaseLog} for the format.
 *
 * @param text - The file's text.
 * @param options - The format, the file's name and the ladder.
 * @returns The entries in file order.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every malformed row with its line and field.
 * @example
 * const entries = parseCaseLog('pupil_id,date,event,details\nP1,2024-10-08,meeting-held,\n', { format: 'csv' });
 * entries[0].event //=> { type: 'meeting-held', on: '2024-10-08' }
 * @category Case log
 */
export function parseCaseLog(text: string, options: ParseCaseLogOptions): CaseLogEntry[] {
  return unwrap(safeParseCaseLog(text, options));
}
