import fc from 'fast-check';
import { isoDate } from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';

/** The first day the date arbitraries produce: the start of the 2022/23 school year. */
export const FIRST_DAY = isoDate('2022-09-01');
/** The last day the date arbitraries produce: the end of the 2025/26 school year. */
export const LAST_DAY = isoDate('2026-07-31');

const MS_PER_DAY = 86_400_000;
const FIRST_DAY_MS = Date.UTC(2022, 8, 1);

/** The number of days from {@link FIRST_DAY} to {@link LAST_DAY}. */
export const DAY_SPAN = Math.round((Date.UTC(2026, 6, 31) - FIRST_DAY_MS) / MS_PER_DAY);

/**
 * The date `offset` days after {@link FIRST_DAY}, checked by the library's `isoDate`.
 * @param offset - Whole days after the first day.
 */
export function dateFromOffset(offset: number): IsoDate {
  return isoDate(new Date(FIRST_DAY_MS + offset * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * Whether the date `offset` days after {@link FIRST_DAY} is a Monday to Friday.
 * @param offset - Whole days after the first day.
 */
export function isWeekdayOffset(offset: number): boolean {
  const day = new Date(FIRST_DAY_MS + offset * MS_PER_DAY).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * Real calendar days between {@link FIRST_DAY} and {@link LAST_DAY} (both included), as checked `IsoDate`s.
 * @param range - Optional narrower range of day offsets.
 * @param range.minOffset - Smallest day offset (default 0).
 * @param range.maxOffset - Largest day offset (default {@link DAY_SPAN}).
 */
export function isoDateArb(range: { minOffset?: number; maxOffset?: number } = {}): fc.Arbitrary<IsoDate> {
  const { minOffset = 0, maxOffset = DAY_SPAN } = range;
  return fc.integer({ min: minOffset, max: maxOffset }).map(dateFromOffset);
}
