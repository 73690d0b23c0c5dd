import { getDaysInMonth } from 'date-fns';
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
  // Built from calendar fields in local time and read back as a month length only: no time zone can shift it.
  // setFullYear, unlike the Date constructor, does not map years 0–99 to 1900–1999.
  const firstOfMonth = new Date(2000, 0, 1);
  firstOfMonth.setFullYear(year, month - 1, 1);
  return day <= getDaysInMonth(firstOfMonth);
}
