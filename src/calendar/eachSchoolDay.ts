import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { DateRange, IsoDate, SchoolCalendar } from './types.js';

/**
 * Lists the school days of a calendar, optionally within a range: weekdays inside a half-term with at least
 * one session (a day closed only in the afternoon is still a school day).
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param range - The dates to list, both ends included.
 * @returns The school days in date order.
 * @example
 * eachSchoolDay(calendar, { from: isoDate('2024-09-02'), to: isoDate('2024-09-08') })
 * //=> ['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'] (2 September is an INSET day)
 * @category Calendar
 */
export function eachSchoolDay(calendar: SchoolCalendar, range: DateRange = {}): IsoDate[] {
  const compiled = compileCalendar(calendar);
  return compiled.dates.filter(
    (date, day) =>
      compiled.openSessions[day] !== 0 &&
      (range.from === undefined || date >= range.from) &&
      (range.to === undefined || date <= range.to)
  );
}
