import { toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import { duplicateMarkIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import { invalidArgument, throwIfErrors } from '../_internal/issues.js';
import { checkMarks, checkSlots, describeValue } from './checkMarks.js';
import type { CompactRegister, SessionMark, SessionSlots } from './types.js';

/**
 * Finds the slot of a date and session by binary search over the ascending slot dates; -1 when absent.
 * @param slots
 * @param mark
 */
function findSlot(slots: SessionSlots, mark: SessionMark): number {
  const { dates, sessions } = slots;
  let low = 0;
  let high = dates.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const date = dates[middle] as string;
    if (date < mark.date) low = middle + 1;
    else if (date > mark.date) high = middle - 1;
    else {
      // Up to two slots share a date; look at this one and its neighbours.
      for (let index = Math.max(0, middle - 1); index <= Math.min(dates.length - 1, middle + 1); index += 1) {
        if (dates[index] === mark.date && sessions[index] === mark.session) return index;
      }
      return -1;
    }
  }
  return -1;
}

/**
 * Converts one enrolment's marks to the compact form over shared session slots. Slots with no mark become
 * "no mark yet" (byte 0), so they are counted as `unmarked`, never as present or absent.
 *
 * @param marks - The enrolment's marks, in any order.
 * @param slots - The period's session slots, from {@link createSessionSlots}.
 * @param pupilId - The pupil, carried into the register and its issues.
 * @returns The compact register.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions}
 * does) and malformed slots; once they are well formed, every unknown code, every mark outside the slots and
 * every repeated session.
 * @example
 * const slots = createSessionSlots([
 *   { date: isoDate('2024-09-02'), session: 'AM' },
 *   { date: isoDate('2024-09-02'), session: 'PM' },
 * ]);
 * const register = toCompactRegister([{ date: isoDate('2024-09-02'), session: 'AM', code: '/' }], slots);
 * Array.from(register.codes) //=> [1, 0]
 * @category Sessions
 */
export function toCompactRegister(
  marks: readonly SessionMark[],
  slots: SessionSlots,
  pupilId?: string
): CompactRegister {
  const issues: AttendanceIssue[] = [];
  // The pupil is carried into every issue, which must stay plain text: anything else is refused first.
  const givenPupil: unknown = pupilId;
  if (givenPupil !== undefined && typeof givenPupil !== 'string') {
    invalidArgument({
      code: 'invalid_value',
      message: `The pupil id must be text; received ${describeValue(givenPupil)}.`,
      path: ['pupilId'],
      field: 'pupilId',
      expected: 'text',
      received: describeValue(givenPupil),
    });
  }
  checkMarks(marks, issues, pupilId === undefined ? {} : { pupilId });
  checkSlots(slots, issues, ['slots']);
  throwIfErrors(issues);
  const codes = new Uint8Array(slots.dates.length);
  const markIndexBySlot = new Int32Array(slots.dates.length).fill(-1);
  marks.forEach((mark, index) => {
    const location = {
      path: [index],
      pupilId: mark.pupilId ?? pupilId,
      date: mark.date,
      session: mark.session,
    };
    const byte = toCompactCode(mark.code);
    const slot = findSlot(slots, mark);
    if (byte === undefined) issues.push(unknownCodeIssue(mark.code, { ...location, path: [index, 'code'] }));
    if (slot < 0) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Mark ${index} (${mark.date} ${mark.session}) falls outside the session slots of the period.`,
        path: [index, 'date'],
        ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
        date: mark.date,
        session: mark.session,
        field: 'date',
        expected: 'a date and session among the period’s session slots',
        received: `${mark.date} ${mark.session}`,
      });
      return;
    }
    const earlier = markIndexBySlot[slot] ?? -1;
    if (earlier >= 0) {
      const earlierCode = marks[earlier]?.code ?? '';
      issues.push(duplicateMarkIssue(earlier, index, earlierCode, mark.code, location, undefined));
      return;
    }
    markIndexBySlot[slot] = index;
    if (byte !== undefined) codes[slot] = byte;
  });
  throwIfErrors(issues);
  return pupilId === undefined ? { slots, codes } : { pupilId, slots, codes };
}
