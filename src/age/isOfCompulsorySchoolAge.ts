import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import {
  dateIssue,
  endOfCompulsorySchoolAge,
  requireFourDigitYear,
  startOfCompulsorySchoolAge,
} from '../_internal/compulsorySchoolAge.js';
import { throwIfErrors } from '../_internal/issues.js';
import type { CompulsorySchoolAgeOptions } from './types.js';

/**
 * Tells whether a child is of compulsory school age on a date: from {@link compulsorySchoolAgeStart} to
 * {@link compulsorySchoolAgeEnd}, both days included.
 *
 * @remarks
 * A child begins to be of compulsory school age at the beginning of the prescribed day and ceases to be at the end
 * of the school leaving date, so both days count as of compulsory school age; the day before the start and the
 * day after the school leaving date do not. The options choose where a school year begins, as for
 * {@link compulsorySchoolAgeEnd}.
 *
 * @param dateOfBirth - The child's date of birth.
 * @param date - The date to test.
 * @param options - The options; `schoolYearBoundary` says where a school year begins (default `'1-september'`).
 * @returns `true` when the child is of compulsory school age on `date`.
 * @throws {@link AttendanceError} If either date is not a real `YYYY-MM-DD` day, `dateOfBirth` is after
 * 9982-12-31, or the autumn term start needed is missing or not a day from 1 August to 31 December of its year.
 * @example
 * isOfCompulsorySchoolAge(isoDate('2019-02-10'), isoDate('2024-03-30')) //=> false
 * isOfCompulsorySchoolAge(isoDate('2019-02-10'), isoDate('2024-03-31')) //=> true
 * isOfCompulsorySchoolAge(isoDate('2007-09-23'), isoDate('2024-06-28')) //=> true
 * isOfCompulsorySchoolAge(isoDate('2007-09-23'), isoDate('2024-06-29')) //=> false
 * @see {@link https://www.legislation.gov.uk/ukpga/1996/56/section/8} (Education Act 1996 s8: beginning and ceasing to be of compulsory school age)
 * @category Age
 */
export function isOfCompulsorySchoolAge(
  dateOfBirth: IsoDate,
  date: IsoDate,
  options: CompulsorySchoolAgeOptions = {}
): boolean {
  const issues = [
    dateIssue(dateOfBirth, 'dateOfBirth', 'date of birth'),
    dateIssue(date, 'date', 'date'),
  ].filter((issue): issue is AttendanceIssue => issue !== undefined);
  throwIfErrors(issues);
  requireFourDigitYear(dateOfBirth, 17, 'the end of compulsory school age');
  if (date < startOfCompulsorySchoolAge(dateOfBirth)) return false;
  return date <= endOfCompulsorySchoolAge(dateOfBirth, options.schoolYearBoundary ?? '1-september');
}
