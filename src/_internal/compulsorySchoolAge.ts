import { isIsoDate } from '../calendar/isIsoDate.js';
import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { SchoolYearBoundary } from '../age/types.js';
import { invalidArgument } from './issues.js';
import { lastFridayInJune } from './dates.js';

// Compulsory school age works on calendar fields only: a prescribed day or a school-year boundary is chosen from
// the month and day of birth, so no Date is built here except for the weekday of 30 June (in dates.ts).

/** The last year whose dates are four-digit `YYYY` strings. */
const LAST_YEAR = 9999;

/** An error issue when `value` is not a real `YYYY-MM-DD` day, naming the argument and the value. */
export function dateIssue(value: unknown, field: string, label: string): AttendanceIssue | undefined {
  if (isIsoDate(value)) return undefined;
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `The ${label}, "${String(value)}", is not a date in YYYY-MM-DD form naming a real day.`,
    path: [field],
    field,
    expected: 'a date as YYYY-MM-DD',
    received: String(value),
  };
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** `MM-DD`: compared as strings, these order days within a year. */
export function monthDayOf(date: IsoDate): string {
  return date.slice(5);
}

function isoDateOf(year: number, monthDay: string): IsoDate {
  return `${String(year).padStart(4, '0')}-${monthDay}` as IsoDate;
}

/** Throws when a result `yearsAfterBirth` years after the birth year would need a year past 9999. */
export function requireFourDigitYear(dateOfBirth: IsoDate, yearsAfterBirth: number, what: string): void {
  if (yearOf(dateOfBirth) + yearsAfterBirth <= LAST_YEAR) return;
  invalidArgument({
    code: 'invalid_value',
    message: `The date of birth "${dateOfBirth}" is too late: ${what} would fall after the year ${LAST_YEAR}.`,
    path: ['dateOfBirth'],
    field: 'dateOfBirth',
    expected: `a date of birth no later than ${String(LAST_YEAR - yearsAfterBirth)}-12-31`,
    received: dateOfBirth,
  });
}

/**
 * The prescribed day (31 March, 31 August or 31 December) on or after the fifth birthday. Births in January to
 * March reach it on 31 March, April to August on 31 August, September to December on 31 December; a 29 February
 * birth is 5 on 28 February or 1 March, both before 31 March.
 */
export function startOfCompulsorySchoolAge(dateOfBirth: IsoDate): IsoDate {
  const fifthBirthdayYear = yearOf(dateOfBirth) + 5;
  const monthDay = monthDayOf(dateOfBirth);
  if (monthDay <= '03-31') return isoDateOf(fifthBirthdayYear, '03-31');
  if (monthDay <= '08-31') return isoDateOf(fifthBirthdayYear, '08-31');
  return isoDateOf(fifthBirthdayYear, '12-31');
}

/** The first day of the school year beginning in `year`, checked to fall from 1 August to 31 December. */
function schoolYearStartIn(year: number, boundary: SchoolYearBoundary): IsoDate {
  if (boundary === '1-september') return isoDateOf(year, '09-01');
  const { autumnTermStarts } = boundary;
  const start: unknown =
    typeof autumnTermStarts === 'function' ? autumnTermStarts(year) : autumnTermStarts[year];
  if (isIsoDate(start) && yearOf(start) === year && monthDayOf(start) >= '08-01') return start;
  return invalidArgument({
    code: 'invalid_value',
    message: `The autumn term start given for ${String(year)}, "${String(start)}", is not a day from 1 August to 31 December ${String(year)}.`,
    path: ['options', 'schoolYearBoundary', 'autumnTermStarts', year],
    field: 'autumnTermStarts',
    expected: `a date as YYYY-MM-DD from ${isoDateOf(year, '08-01')} to ${isoDateOf(year, '12-31')}`,
    received: String(start),
  });
}

/**
 * The school leaving date (last Friday in June) ending the school year in which the child turns 16: that of the
 * sixteenth-birthday year when the birthday comes before the school year beginning in that year, else the next.
 */
export function endOfCompulsorySchoolAge(dateOfBirth: IsoDate, boundary: SchoolYearBoundary): IsoDate {
  const sixteenthBirthdayYear = yearOf(dateOfBirth) + 16;
  const schoolYearStart = schoolYearStartIn(sixteenthBirthdayYear, boundary);
  // The boundary is in August to December, so a 29 February birth (16 on 28 February or 1 March) is never near it.
  const turnsSixteenBeforeSchoolYear = monthDayOf(dateOfBirth) < monthDayOf(schoolYearStart);
  return lastFridayInJune(sixteenthBirthdayYear + (turnsSixteenBeforeSchoolYear ? 0 : 1));
}

/**
 * Whole years from `dateOfBirth` to `date` (not before it): a birthday is reached when the month and day are
 * reached, so a 29 February birth gains a year on 1 March in a year without 29 February (as date-fns
 * `differenceInYears` counts).
 */
export function wholeYearsBetween(dateOfBirth: IsoDate, date: IsoDate): number {
  const birthdayReached = monthDayOf(date) >= monthDayOf(dateOfBirth);
  return yearOf(date) - yearOf(dateOfBirth) - (birthdayReached ? 0 : 1);
}
