import { invalidArgument } from '../_internal/issues.js';
import { isIsoDate } from './isIsoDate.js';
import type { IsoDate } from './types.js';

/**
 * Checks a string and returns it as an {@link IsoDate}.
 *
 * @param value - The date as `YYYY-MM-DD`.
 * @returns The same string, typed as an `IsoDate`.
 * @throws {@link AttendanceError} If the string is not a real day in `YYYY-MM-DD` form.
 * @example
 * isoDate('2024-09-02') //=> '2024-09-02'
 * isoDate('2024-09-31') // throws AttendanceError (September has 30 days)
 * @category Calendar
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) {
    return invalidArgument({
      code: 'invalid_value',
      message: `"${value}" is not a date in YYYY-MM-DD form naming a real day.`,
      path: [],
      expected: 'a date as YYYY-MM-DD',
      received: value,
    });
  }
  return value;
}
