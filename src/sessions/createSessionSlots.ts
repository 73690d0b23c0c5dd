import type { IsoDate, Session, SessionSlot } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import type { SessionSlots } from './types.js';

/**
 * Builds the shared {@link SessionSlots} of a period from its dated sessions, checking that they run in
 * strictly ascending order (date, then `AM` before `PM`) so that no session appears twice.
 *
 * @param slots - The period's sessions in register order.
 * @returns The slots, ready to back compact registers.
 * @throws {@link AttendanceError} Listing every slot that is out of order or repeated.
 * @example
 * const slots = createSessionSlots([
 *   { date: isoDate('2024-09-02'), session: 'AM' },
 *   { date: isoDate('2024-09-02'), session: 'PM' },
 * ]);
 * slots.dates.length //=> 2
 * @category Sessions
 */
export function createSessionSlots(slots: readonly SessionSlot[]): SessionSlots {
  const issues: AttendanceIssue[] = [];
  const dates: IsoDate[] = new Array<IsoDate>(slots.length);
  const sessions: Session[] = new Array<Session>(slots.length);
  let first2024Index = slots.length;
  for (let index = 0; index < slots.length; index += 1) {
    const slot = slots[index];
    if (slot === undefined) continue;
    dates[index] = slot.date;
    sessions[index] = slot.session;
    if (first2024Index === slots.length && slot.date >= CODE_SET_2024_START) first2024Index = index;
    const previous = slots[index - 1];
    if (previous === undefined) continue;
    const ascending =
      slot.date > previous.date ||
      (slot.date === previous.date && previous.session === 'AM' && slot.session === 'PM');
    if (!ascending) {
      issues.push({
        code: 'unsorted_slots',
        severity: 'error',
        message: `Session slot ${index} (${slot.date} ${slot.session}) does not come after slot ${index - 1} (${previous.date} ${previous.session}).`,
        path: [index],
        date: slot.date,
        session: slot.session,
        expected: `a session after ${previous.date} ${previous.session}`,
        received: `${slot.date} ${slot.session}`,
      });
    }
  }
  throwIfErrors(issues);
  return { dates, sessions, first2024Index };
}
