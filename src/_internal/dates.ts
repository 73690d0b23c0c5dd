import type { IsoDate } from '../calendar/types.js';

// The only place where IsoDate strings meet date arithmetic. Dates are counted as whole days from 1970-01-01 in
// UTC, a count no time zone or daylight-saving change can move. These few helpers are written here over
// Date.UTC rather than taken from date-fns: date-fns works on local-time Date objects (safe only because every
// result was turned straight back into text), and its five functions with their internals were two thirds of the
// root entry's own import time, for arithmetic that is a line each on day numbers.

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a year (proleptic Gregorian) has 29 February. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days from 1970-01-01 to a YYYY-MM-DD date, or NaN when the text names no real day. */
function dayNumberOf(date: IsoDate): number {
  const parts = PLAIN_DATE.exec(date);
  if (parts === null) return Number.NaN;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  const utc = new Date(0);
  // setUTCFullYear, not Date.UTC, so that years 0–99 are not taken as 1900–1999.
  utc.setUTCFullYear(year, month - 1, day);
  return Math.round(utc.getTime() / DAY_MS);
}

/** The YYYY-MM-DD date of a day number; RangeError for NaN or a year outside 0–9999. */
function isoDateOf(dayNumber: number): IsoDate {
  const utc = new Date(dayNumber * DAY_MS);
  const year = utc.getUTCFullYear();
  if (!Number.isFinite(dayNumber) || year < 0 || year > 9999) throw new RangeError('Invalid time value');
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}` as IsoDate;
}

export function addIsoDays(date: IsoDate, days: number): IsoDate {
  return isoDateOf(dayNumberOf(date) + days);
}

export function differenceInIsoDays(later: IsoDate, earlier: IsoDate): number {
  return dayNumberOf(later) - dayNumberOf(earlier);
}

/** ISO weekday: 1 for Monday to 7 for Sunday (1970-01-01, day 0, was a Thursday). */
export function isoWeekdayOf(date: IsoDate): number {
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}

/** The same calendar date `years` years earlier; 29 February becomes 28 February in a year without it. */
export function subtractIsoYears(date: IsoDate, years: number): IsoDate {
  if (Number.isNaN(dayNumberOf(date))) throw new RangeError('Invalid time value');
  const year = Number(date.slice(0, 4)) - years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return isoDateOf(
    dayNumberOf(
      `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(day).padStart(2, '0')}` as IsoDate
    )
  );
}

/** The last Friday in June of `year` (a four-digit year): 30 June stepped back to the Friday on or before it. */
export function lastFridayInJune(year: number): IsoDate {
  const thirtiethOfJune = `${String(year).padStart(4, '0')}-06-30` as IsoDate;
  const daysAfterFriday = (isoWeekdayOf(thirtiethOfJune) - 5 + 7) % 7;
  return addIsoDays(thirtiethOfJune, -daysAfterFriday);
}
