import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { HalfTermInfo, IsoDate, SchoolCalendar } from './types.js';

/**
 * Finds the half-term a date falls in (weekends and closures inside a half-term included).
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param date - The date.
 * @returns The half-term, or `undefined` for a date in a holiday or outside the calendar.
 * @example
 * findHalfTerm(calendar, isoDate('2024-11-04'))?.name //=> 'Autumn 2'
 * findHalfTerm(calendar, isoDate('2024-10-30')) //=> undefined (half-term holiday)
 * @category Calendar
 */
export function findHalfTerm(calendar: SchoolCalendar, date: IsoDate): HalfTermInfo | undefined {
  const compiled = compileCalendar(calendar);
  const day = compiled.dayIndexByDate.get(date);
  // Stryker disable next-line ConditionalExpression: without it the lookup below gives undefined all the same
  if (day === undefined) return undefined;
  // Stryker disable next-line UnaryOperator: halfTermOfDay has an entry (-1 outside half terms) for every day index
  return compiled.halfTerms[compiled.halfTermOfDay[day] ?? -1];
}
