import { compileCalendar, isSessionOpen } from '../_internal/compiledCalendar.js';
import type { DateRange, SchoolCalendar, SessionSlot } from './types.js';

/**
 * Lists the session slots of a calendar (each open session of each school day), optionally within a range.
 * Closed sessions of partly closed days are left out.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param range - The dates to list, both ends included.
 * @returns The slots in register order: by date, `AM` before `PM`.
 * @example
 * eachSessionSlot(calendar, { from: isoDate('2024-09-03'), to: isoDate('2024-09-03') })
 * //=> [{ date: '2024-09-03', session: 'AM' }, { date: '2024-09-03', session: 'PM' }]
 * @category Calendar
 */
export function eachSessionSlot(calendar: SchoolCalendar, range: DateRange = {}): SessionSlot[] {
  const compiled = compileCalendar(calendar);
  const slots: SessionSlot[] = [];
  compiled.dates.forEach((date, day) => {
    if ((range.from !== undefined && date < range.from) || (range.to !== undefined && date > range.to))
      return;
    if (isSessionOpen(compiled, day, 'AM')) slots.push({ date, session: 'AM' });
    if (isSessionOpen(compiled, day, 'PM')) slots.push({ date, session: 'PM' });
  });
  return slots;
}
