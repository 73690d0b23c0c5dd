import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { IsoDate, SchoolCalendar, SchoolWeek } from './types.js';

/**
 * Finds the school week a date falls in: the Monday-to-Sunday week around it, if that week has at least one
 * session. School weeks are numbered from 0 across the whole calendar, holiday weeks skipped, so the numbers
 * run on across terms and school years.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param date - The date.
 * @returns The school week, or `undefined` in a week without sessions or outside the calendar.
 * @example
 * findSchoolWeek(calendar, isoDate('2024-09-04'))?.index //=> 0
 * findSchoolWeek(calendar, isoDate('2024-11-04'))?.index //=> 8 (the half-term week is skipped)
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/contents/made} (national framework: a school week is any week with at least one session)
 * @category Calendar
 */
export function findSchoolWeek(calendar: SchoolCalendar, date: IsoDate): SchoolWeek | undefined {
  const compiled = compileCalendar(calendar);
  const day = compiled.dayIndexByDate.get(date);
  if (day === undefined) return undefined;
  const index = compiled.schoolWeekOfDay[day] ?? -1;
  if (index < 0) return undefined;
  const mondayIndex = day - (day % 7);
  const schoolDays = compiled.dates
    .slice(mondayIndex, mondayIndex + 5)
    .filter((_, offset) => compiled.openSessions[mondayIndex + offset] !== 0);
  return { index, monday: compiled.dates[mondayIndex]!, schoolDays };
}
