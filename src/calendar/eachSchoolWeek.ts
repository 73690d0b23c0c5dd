import { compileCalendar } from '../_internal/compiledCalendar.js';
import { findSchoolWeek } from './findSchoolWeek.js';
import type { SchoolCalendar, SchoolWeek } from './types.js';

/**
 * Lists every school week of a calendar in order: the Monday-to-Friday weeks with at least one session.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @returns The school weeks, numbered from 0.
 * @example
 * eachSchoolWeek(calendar).length //=> 39 (a typical year)
 * @category Calendar
 */
export function eachSchoolWeek(calendar: SchoolCalendar): SchoolWeek[] {
  return compileCalendar(calendar).schoolWeekMondays.map((monday) => findSchoolWeek(calendar, monday)!);
}
