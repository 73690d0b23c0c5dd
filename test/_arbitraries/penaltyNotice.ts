import fc from 'fast-check';
import { isoDate } from '../../src/index.js';
import type { IsoDate, PenaltyNoticeRecord, PenaltyNoticeStatus } from '../../src/index.js';

const MS_PER_DAY = 86_400_000;

/**
 * The date `offset` days after `start` (before it when negative), computed in UTC so no time zone is involved.
 * @param start - The date to count from.
 * @param offset - Whole days.
 */
export function dateAfter(start: string, offset: number): IsoDate {
  return isoDate(new Date(Date.parse(`${start}T00:00:00Z`) + offset * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * The number of days from `from` to `to`, in UTC.
 * @param from - The earlier date.
 * @param to - The later date.
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * Real days from `from` to `to`, both included.
 * @param from - The first day.
 * @param to - The last day.
 */
export function dateBetweenArb(from: string, to: string): fc.Arbitrary<IsoDate> {
  return fc.integer({ min: 0, max: daysBetween(from, to) }).map((offset) => dateAfter(from, offset));
}

/** The parents the history arbitraries use: few, so that notices often share a parent. */
export const PARENTS = ['P1', 'P2'] as const;
/** The children the history arbitraries use. */
export const PUPILS = ['C1', 'C2'] as const;
/** Every penalty-notice status. */
export const STATUSES: readonly PenaltyNoticeStatus[] = ['issued', 'paid', 'unpaid', 'withdrawn'];

/**
 * A penalty notice without its id: any parent, child and status, issued between two dates.
 * @param from - The first issue date (default 1 January 2023, before the national framework).
 * @param to - The last issue date (default 30 June 2029).
 */
export function noticeWithoutIdArb(
  from = '2023-01-01',
  to = '2029-06-30'
): fc.Arbitrary<Omit<PenaltyNoticeRecord, 'id'>> {
  return fc.record({
    parentId: fc.constantFrom(...PARENTS),
    pupilId: fc.constantFrom(...PUPILS),
    issuedOn: dateBetweenArb(from, to),
    status: fc.constantFrom(...STATUSES),
  });
}

/**
 * A penalty-notice history with unique ids (`PN-0`, `PN-1`, …), in the order generated.
 * @param options - The size and date range.
 * @param options.maxLength - The most notices (default 16).
 * @param options.from - The first issue date (default 1 January 2023).
 * @param options.to - The last issue date (default 30 June 2029).
 */
export function historyArb(
  options: { maxLength?: number; from?: string; to?: string } = {}
): fc.Arbitrary<PenaltyNoticeRecord[]> {
  const { maxLength = 16, from, to } = options;
  return fc
    .array(noticeWithoutIdArb(from, to), { maxLength, size: 'max' })
    .map((notices) => notices.map((notice, index) => ({ id: `PN-${index}`, ...notice })));
}

/** A proposed issue date under the national framework: 19 August 2024 to the end of 2029. */
export const nationalFrameworkDateArb: fc.Arbitrary<IsoDate> = dateBetweenArb('2024-08-19', '2029-12-31');
