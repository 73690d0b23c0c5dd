import type { ServiceDirectory } from '../../escalation/support/types.js';
import { unwrap } from '../export/_internal/results.js';
import { safeParseServiceDirectoryCsv } from './safeParseServiceDirectoryCsv.js';
import type { ParseServiceDirectoryCsvOptions } from './safeParseServiceDirectoryCsv.js';

/**
 * Reads a directory of partner services from CSV, or throws one error listing every problem. See
 * {@link safeParseServiceDirectoryCsv} for the columns.
 *
 * @param text - The CSV text.
 * @param options - The directory's name, and the file's name for issues.
 * @returns The directory, for `suggestSupport`.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every problem with its line and column.
 * @example
 * parseServiceDirectoryCsv(csv, { name: 'Example LA' }).services[0].id //=> 'early-help-hub'
 * @category Support
 */
export function parseServiceDirectoryCsv(
  text: string,
  options: ParseServiceDirectoryCsvOptions
): ServiceDirectory {
  return unwrap(safeParseServiceDirectoryCsv(text, options));
}
