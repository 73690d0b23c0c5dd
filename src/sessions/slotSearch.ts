import type { SessionSlots } from './types.js';

/**
 * The first slot whose date is on or after `date` (with `after`, strictly after it), by binary search over the
 * ascending slot dates; the number of slots when there is none. Used to start a window rule at its `countFrom`
 * and to end a register at an as-of date.
 *
 * @param slots - The session slots, in date order.
 * @param date - The date, `YYYY-MM-DD`.
 * @param after - Whether slots on `date` itself come before the answer.
 * @returns The slot index.
 * @example
 * firstSlotFrom(slots, isoDate('2024-09-16'), false) //=> the first slot on or after 16 September
 * firstSlotFrom(slots, asOf, true) //=> one past the last slot on or before the as-of date
 */
export function firstSlotFrom(slots: SessionSlots, date: string, after: boolean): number {
  const { dates } = slots;
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const slotDate = dates[middle]!;
    if (slotDate < date || (after && slotDate === date)) low = middle + 1;
    else high = middle;
  }
  return low;
}
