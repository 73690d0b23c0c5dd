import type { IsoDate } from '../calendar/types.js';
import {
  dateIssue,
  requireFourDigitYear,
  startOfCompulsorySchoolAge,
} from '../_internal/compulsorySchoolAge.js';
import { throwIfErrors } from '../_internal/issues.js';

/**
 * Gives the day a child becomes of compulsory school age: the first of 31 December, 31 March and 31 August on or
 * after the fifth birthday, or the fifth birthday itself when it is one of those days.
 *
 * @remarks
 * By the fifth birthday: 1 September to 31 December gives 31 December, 1 January to 31 March gives 31 March, and
 * 1 April to 31 August gives 31 August, each of the year the child turns 5. A child born on 29 February turns 5 on
 * 28 February or 1 March, both of which give 31 March, so leap days never change the result. The child is of
 * compulsory school age from the beginning of the returned day.
 *
 * @param dateOfBirth - The child's date of birth.
 * @returns The first day of compulsory school age.
 * @throws {@link AttendanceError} If `dateOfBirth` is not a real `YYYY-MM-DD` day, or is after 9994-12-31.
 * @example
 * compulsorySchoolAgeStart(isoDate('2019-02-10')) //=> '2024-03-31'
 * compulsorySchoolAgeStart(isoDate('2019-08-31')) //=> '2024-08-31'
 * compulsorySchoolAgeStart(isoDate('2019-09-01')) //=> '2024-12-31'
 * @see {@link https://www.legislation.gov.uk/ukpga/1996/56/section/8} (Education Act 1996 s8(2): from the fifth birthday if it is a prescribed day, otherwise from the next prescribed day)
 * @see {@link https://www.wandsworth.gov.uk/schools-and-admissions/admissions/primary-school-admissions/compulsory-school-age/} (Wandsworth: the prescribed day for each range of fifth birthdays)
 * @see {@link https://www.ipsea.org.uk/faqs/compulsory-school-age} (IPSEA: a child who turns 5 on 10 February 2024 reaches compulsory school age on 31 March 2024)
 * @category Age
 */
export function compulsorySchoolAgeStart(dateOfBirth: IsoDate): IsoDate {
  const issue = dateIssue(dateOfBirth, 'dateOfBirth', 'date of birth');
  throwIfErrors(issue === undefined ? [] : [issue]);
  requireFourDigitYear(dateOfBirth, 5, 'the start of compulsory school age');
  return startOfCompulsorySchoolAge(dateOfBirth);
}
