import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { dateIssue, wholeYearsBetween } from '../_internal/compulsorySchoolAge.js';
import { throwIfErrors } from '../_internal/issues.js';

/**
 * Gives a child's age in whole years on 31 August before a school year, the age by which the DfE places pupils
 * in the compulsory-school-age cohort of its absence statistics (aged 5 to 15).
 *
 * @remarks
 * For the school year 2024/25, pass `2024`: the age is taken on 31 August 2024. Birthdays are counted as by
 * {@link ageOn}.
 *
 * @param dateOfBirth - The child's date of birth, no later than 31 August of `schoolYearStartYear`.
 * @param schoolYearStartYear - The calendar year in which the school year begins, e.g. `2024` for 2024/25.
 * @returns The age in whole years on 31 August of `schoolYearStartYear`.
 * @throws {@link AttendanceError} If `dateOfBirth` is not a real `YYYY-MM-DD` day or is after 31 August of
 * `schoolYearStartYear`, or `schoolYearStartYear` is not a whole number from 0 to 9999.
 * @example
 * ageAtStartOfSchoolYear(isoDate('2019-08-31'), 2024) //=> 5
 * ageAtStartOfSchoolYear(isoDate('2019-09-01'), 2024) //=> 4
 * ageAtStartOfSchoolYear(isoDate('2008-09-01'), 2024) //=> 15
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE: pupils of compulsory school age, aged 5 to 15 at the start of the school year)
 * @category Age
 */
export function ageAtStartOfSchoolYear(dateOfBirth: IsoDate, schoolYearStartYear: number): number {
  const issues: AttendanceIssue[] = [];
  const birthIssue = dateIssue(dateOfBirth, 'dateOfBirth', 'date of birth');
  if (birthIssue !== undefined) issues.push(birthIssue);
  const validYear =
    Number.isSafeInteger(schoolYearStartYear) && schoolYearStartYear >= 0 && schoolYearStartYear <= 9999;
  if (!validYear) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The school year's start year, ${String(schoolYearStartYear)}, is not a whole number from 0 to 9999.`,
      path: ['schoolYearStartYear'],
      field: 'schoolYearStartYear',
      expected: 'a whole number from 0 to 9999',
      received: String(schoolYearStartYear),
    });
  }
  const thirtyFirstOfAugust = `${String(schoolYearStartYear).padStart(4, '0')}-08-31` as IsoDate;
  if (issues.length === 0 && dateOfBirth > thirtyFirstOfAugust) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The date of birth "${dateOfBirth}" is after 31 August ${String(schoolYearStartYear)}, so there is no age on it.`,
      path: ['dateOfBirth'],
      field: 'dateOfBirth',
      expected: `a date of birth on or before ${thirtyFirstOfAugust}`,
      received: dateOfBirth,
    });
  }
  throwIfErrors(issues);
  return wholeYearsBetween(dateOfBirth, thirtyFirstOfAugust);
}
