import { addDays, differenceInCalendarDays, formatISO, getISODay, parseISO, subYears } from 'date-fns';
import type { IsoDate } from '../calendar/types.js';

// The only place where IsoDate strings become Date objects: calendar-field arithmetic in local time, turned back
// into strings at once, so no time zone can move a day. Per-mark code never calls these; it uses day indexes.

export function addIsoDays(date: IsoDate, days: number): IsoDate {
  return formatISO(addDays(parseISO(date), days), { representation: 'date' }) as IsoDate;
}

export function differenceInIsoDays(later: IsoDate, earlier: IsoDate): number {
  return differenceInCalendarDays(parseISO(later), parseISO(earlier));
}

/** ISO weekday: 1 for Monday to 7 for Sunday. */
export function isoWeekdayOf(date: IsoDate): number {
  return getISODay(parseISO(date));
}

/** The same calendar date `years` years earlier; 29 February becomes 28 February in a year without it. */
export function subtractIsoYears(date: IsoDate, years: number): IsoDate {
  return formatISO(subYears(parseISO(date), years), { representation: 'date' }) as IsoDate;
}

/** The last Friday in June of `year` (a four-digit year): 30 June stepped back to the Friday on or before it. */
export function lastFridayInJune(year: number): IsoDate {
  const thirtiethOfJune = `${String(year).padStart(4, '0')}-06-30` as IsoDate;
  const daysAfterFriday = (isoWeekdayOf(thirtiethOfJune) - 5 + 7) % 7;
  return addIsoDays(thirtiethOfJune, -daysAfterFriday);
}
