import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { IsoDate, SchoolCalendar } from './types.js';

/**
 * Tells whether a date is a school day: a weekday inside a half-term with at least one open session.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param date - The date.
 * @returns `true` for a school day.
 * @example
 * isSchoolDay(calendar, isoDate('2024-09-03')) //=> true
 * isSchoolDay(calendar, isoDate('2024-09-07')) //=> false (a Saturday)
 * @category Calendar
 */
export function isSchoolDay(calendar: SchoolCalendar, date: IsoDate): boolean {
  const compiled = compileCalendar(calendar);
  const day = compiled.dayIndexByDate.get(date);
  return day !== undefined && compiled.openSessions[day] !== 0;
}
