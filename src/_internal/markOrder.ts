import type { SessionMark } from '../sessions/types.js';

/** Whether marks already run in register order: by date, `AM` before `PM` within a date. */
export function isAscending(marks: readonly SessionMark[]): boolean {
  for (let index = 1; index < marks.length; index += 1) {
    const previous = marks[index - 1]!;
    const mark = marks[index]!;
    if (
      mark.date < previous.date ||
      (mark.date === previous.date && previous.session === 'PM' && mark.session === 'AM')
    ) {
      return false;
    }
  }
  return true;
}

/**
 * The indexes of marks in register order; marks for the same session keep their input order (a stable order),
 * so a repeated session is always reported against its first mark.
 */
export function ascendingOrder(marks: readonly SessionMark[]): Uint32Array {
  const order = new Uint32Array(marks.length);
  for (let index = 0; index < order.length; index += 1) order[index] = index;
  return order.sort((left, right) => {
    const a = marks[left]!;
    const b = marks[right]!;
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    if (a.session !== b.session) return a.session === 'AM' ? -1 : 1;
    return left - right;
  });
}
