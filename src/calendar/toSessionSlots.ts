import { createSessionSlots } from '../sessions/createSessionSlots.js';
import type { SessionSlots } from '../sessions/types.js';
import { eachSessionSlot } from './eachSessionSlot.js';
import type { DateRange, SchoolCalendar } from './types.js';

/**
 * Builds the shared {@link SessionSlots} of a calendar's open sessions, ready to back the compact registers of
 * every pupil on that calendar.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param range - The dates to include, both ends included.
 * @returns The session slots.
 * @example
 * const slots = toSessionSlots(calendar, { from: isoDate('2024-09-02'), to: isoDate('2025-07-22') });
 * slots.dates.length //=> the number of open sessions in the year, e.g. 380
 * @category Calendar
 */
export function toSessionSlots(calendar: SchoolCalendar, range: DateRange = {}): SessionSlots {
  return createSessionSlots(eachSessionSlot(calendar, range));
}
