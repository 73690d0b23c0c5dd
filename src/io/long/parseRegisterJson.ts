import { throwIfErrors } from '../../_internal/issues.js';
import type { RegisterImport } from '../types.js';
import { readRegisterJson } from './readRegisterJson.js';
import type { RegisterJsonOptions } from './types.js';

/**
 * Reads a long-format register held as JSON strictly: the marks when every record is good, otherwise one
 * error carrying every problem. See {@link readRegisterJson} for what is accepted.
 *
 * @param value - The parsed JSON: an array of records or `{ data: [...] }`.
 * @param options - The column mapping, file name, date format, extra session names, code list and input limits
 * (`maxLineBytes`, `maxDepth`).
 * @returns The marks, the record counts and any warnings.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Carrying every error issue, each with its path, pupil, date, session and key.
 * @example
 * const { marks } = parseRegisterJson([{ pupil_id: 'P1', date: '2025-09-02', session: 'PM', code: 'L', minutes_late: 4 }]);
 * marks[0].minutesLate //=> 4
 * @category Import
 */
export function parseRegisterJson(value: unknown, options?: RegisterJsonOptions): RegisterImport {
  const { issues, ...report } = readRegisterJson(value, options);
  throwIfErrors(issues);
  return { ...report, warnings: issues };
}
