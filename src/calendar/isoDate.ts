import { invalidArgument } from '../_internal/issues.js';
import { describeValue } from '../sessions/checkMarks.js';
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
    // The value may be anything a caller was handed (a BigInt, a symbol, a whole file): the issue names it as
    // text, briefly, so the error stays plain JSON-safe data.
    const received = describeValue(value);
    return invalidArgument({
      code: 'invalid_value',
      message: `${typeof value === 'string' ? `"${received}"` : received} is not a date in YYYY-MM-DD form naming a real day.`,
      path: [],
      expected: 'a date as YYYY-MM-DD',
      received,
    });
  }
  return value;
}
