import type { IsoDate } from '../calendar/types.js';
import {
  dateIssue,
  endOfCompulsorySchoolAge,
  requireFourDigitYear,
} from '../_internal/compulsorySchoolAge.js';
import { throwIfErrors } from '../_internal/issues.js';
import type { CompulsorySchoolAgeOptions } from './types.js';

/**
 * Gives the school leaving date on which a child ceases to be of compulsory school age: the last Friday in June of
 * the school year in which the child turns 16.
 *
 * @remarks
 * The child is still of compulsory school age on the returned day and ceases to be at its end. A child who is 16
 * by that Friday, or who turns 16 after it but before the next school year begins (over the summer holidays),
 * leaves on it: born 23 September 2007, a child turns 16 on 23 September 2023, in the school year 2023/24, and
 * leaves on 28 June 2024.
 *
 * Where the school year begins is an option. The Education Act 1996 defines a school year as beginning with the
 * first term to start after July, so strictly a child whose sixteenth birthday falls between 1 September and the
 * first day of the autumn term turns 16 before that school year begins and leaves on the last Friday of the
 * previous June. The default, `'1-september'`, is the common simplification that every school year begins on
 * 1 September; pass `{ autumnTermStarts }` for the strict reading. Leap days never change the result: a child
 * born on 29 February turns 16 on 28 February or 1 March, far from any school-year boundary.
 *
 * @param dateOfBirth - The child's date of birth.
 * @param options - The options; `schoolYearBoundary` says where a school year begins (default `'1-september'`).
 * @returns The last day of compulsory school age, always a Friday from 24 to 30 June.
 * @throws {@link AttendanceError} If `dateOfBirth` is not a real `YYYY-MM-DD` day or is after 9982-12-31, or the
 * autumn term start for the year of the sixteenth birthday is missing or not a day from 1 August to 31 December of
 * that year.
 * @example
 * compulsorySchoolAgeEnd(isoDate('2007-09-23')) //=> '2024-06-28'
 * compulsorySchoolAgeEnd(isoDate('2007-08-31')) //=> '2023-06-30'
 * // Strict reading: the autumn term of 2023 starts on 5 September, after a sixteenth birthday on 2 September.
 * compulsorySchoolAgeEnd(isoDate('2007-09-02'), {
 *   schoolYearBoundary: { autumnTermStarts: { 2023: isoDate('2023-09-05') } },
 * }) //=> '2023-06-30'
 * @see {@link https://www.legislation.gov.uk/ukpga/1996/56/section/8} (Education Act 1996 s8(3): ceasing to be of compulsory school age on the school leaving date)
 * @see {@link https://www.ipsea.org.uk/faqs/compulsory-school-age} (IPSEA: the last Friday in June of the school year in which the child turns 16; born 23 September 2007, ends 28 June 2024)
 * @see {@link https://www.legislation.gov.uk/ukpga/1996/56/section/579} (Education Act 1996 s579: a school year begins with the first term to start after July)
 * @category Age
 */
export function compulsorySchoolAgeEnd(
  dateOfBirth: IsoDate,
  options: CompulsorySchoolAgeOptions = {}
): IsoDate {
  const issue = dateIssue(dateOfBirth, 'dateOfBirth', 'date of birth');
  throwIfErrors(issue === undefined ? [] : [issue]);
  requireFourDigitYear(dateOfBirth, 17, 'the end of compulsory school age');
  return endOfCompulsorySchoolAge(dateOfBirth, options.schoolYearBoundary ?? '1-september');
}
