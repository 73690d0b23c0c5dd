import { daysInMonth } from '../_internal/dates.js';
import type { IsoDate } from './types.js';

const DASH = 45;
const ZERO = 48;

/** The number written by `count` ASCII digits of `text` from `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Whether text is a `YYYY-MM-DD` date naming a real day (proleptic Gregorian: 29 February only in leap years),
 * read from the character codes so that checking a date allocates nothing: {@link isIsoDate} and the check of
 * every register's marks share it (it runs once per distinct date of every register counted).
 *
 * @param text - The date as given.
 * @returns True for a real day.
 * @example
 * isIsoDateText('2024-02-29') //=> true
 * isIsoDateText('2024-02-30') //=> false
 */
export function isIsoDateText(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

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
  return typeof value === 'string' && isIsoDateText(value);
}
