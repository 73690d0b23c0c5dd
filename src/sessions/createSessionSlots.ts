import type { IsoDate, Session, SessionSlot } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { invalidArgument, throwIfErrors } from '../_internal/issues.js';
import { checkSlotArrays, describeValue, trustSlots } from './checkMarks.js';
import type { SessionSlots } from './types.js';

/**
 * Builds the shared {@link SessionSlots} of a period from its dated sessions, checking that each is a real day and
 * an `AM` or `PM` session, and that they run in strictly ascending order (date, then `AM` before `PM`) so that no
 * session appears twice.
 *
 * @param slots - The period's sessions in register order.
 * @returns The slots, ready to back compact registers.
 * @throws {@link AttendanceError} Listing every slot that is not a slot, every date that names no real day, every
 * session other than AM or PM, and every slot that is out of order or repeated.
 * @example
 * const slots = createSessionSlots([
 *   { date: isoDate('2024-09-02'), session: 'AM' },
 *   { date: isoDate('2024-09-02'), session: 'PM' },
 * ]);
 * slots.dates.length //=> 2
 * @category Sessions
 */
export function createSessionSlots(slots: readonly SessionSlot[]): SessionSlots {
  if (!Array.isArray(slots)) {
    invalidArgument({
      code: 'invalid_value',
      message: `Session slots are a list of { date, session }; received ${describeValue(slots)}.`,
      path: [],
      expected: 'an array of session slots',
      received: describeValue(slots),
    });
  }
  const issues: AttendanceIssue[] = [];
  const dates: IsoDate[] = new Array<IsoDate>(slots.length);
  const sessions: Session[] = new Array<Session>(slots.length);
  const isSlot = new Uint8Array(slots.length);
  for (let index = 0; index < slots.length; index += 1) {
    const slot: unknown = slots[index];
    if (typeof slot !== 'object' || slot === null) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Session slot ${index} is ${describeValue(slot)}, not a slot: an object with a date and a session.`,
        path: [index],
        expected: 'a session slot: an object with date and session',
        received: describeValue(slot),
      });
      continue;
    }
    isSlot[index] = 1;
    dates[index] = (slot as SessionSlot).date;
    sessions[index] = (slot as SessionSlot).session;
  }
  const checked: AttendanceIssue[] = [];
  const first2024Index = checkSlotArrays(
    dates,
    sessions,
    checked,
    (index, field) => (field === undefined ? [index] : [index, field]),
    true
  );
  // A slot that is not an object has been reported already: its empty place adds nothing more.
  for (const issue of checked) if (isSlot[issue.path[0] as number] === 1) issues.push(issue);
  issues.sort((left, right) => (left.path[0] as number) - (right.path[0] as number));
  throwIfErrors(issues);
  const result = { dates, sessions, first2024Index };
  trustSlots(result);
  return result;
}
