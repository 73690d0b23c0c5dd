import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { dateIssue, wholeYearsBetween } from '../_internal/compulsorySchoolAge.js';
import { throwIfErrors } from '../_internal/issues.js';

/**
 * Gives a person's age in whole years on a date.
 *
 * @remarks
 * A year is added on the birthday itself. A person born on 29 February gains a year on 29 February in a leap year
 * and on 1 March in other years (they are still the younger age on 28 February), which is how date-fns
 * `differenceInYears` counts.
 *
 * @param dateOfBirth - The person's date of birth.
 * @param date - The date on which to give the age; not before the date of birth.
 * @returns The age in whole years, 0 or more.
 * @throws {@link AttendanceError} If either date is not a real `YYYY-MM-DD` day, or `date` is before `dateOfBirth`.
 * @example
 * ageOn(isoDate('2008-09-23'), isoDate('2024-09-22')) //=> 15
 * ageOn(isoDate('2008-09-23'), isoDate('2024-09-23')) //=> 16
 * ageOn(isoDate('2008-02-29'), isoDate('2025-02-28')) //=> 16
 * ageOn(isoDate('2008-02-29'), isoDate('2025-03-01')) //=> 17
 * @see {@link https://date-fns.org/docs/differenceInYears} (date-fns `differenceInYears`, which counts 29 February birthdays the same way)
 * @category Age
 */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const issues = [
    dateIssue(dateOfBirth, 'dateOfBirth', 'date of birth'),
    dateIssue(date, 'date', 'date'),
  ].filter((issue): issue is AttendanceIssue => issue !== undefined);
  if (issues.length === 0 && date < dateOfBirth) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The date "${date}" is before the date of birth "${dateOfBirth}", so there is no age on it.`,
      path: ['date'],
      field: 'date',
      expected: `a date on or after ${dateOfBirth}`,
      received: date,
    });
  }
  throwIfErrors(issues);
  return wholeYearsBetween(dateOfBirth, date);
}
