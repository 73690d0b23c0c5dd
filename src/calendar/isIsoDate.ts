import { daysInMonth } from '../_internal/dates.js';
import type { IsoDate } from './types.js';

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Tells whether a value is an ISO `YYYY-MM-DD` string naming a real day (so `2023-02-29` is not one).
 *
 * @param value - The value to check.
 * @returns `true` when the value is a valid {@link IsoDate}.
 * @example
 * isIsoDate('2024-02-29') //=> true
 * isIsoDate('2023-02-29') //=> false
 * isIsoDate('02/09/2024') //=> false
 * @category Calendar
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // The month's length from the Gregorian leap-year rule: no Date, so no time zone, is involved.
  return day <= daysInMonth(year, month);
}
