import { invalidArgument } from '../_internal/issues.js';

/** The youngest and oldest ages, on 31 August before the school year, of DfE's headline absence cohort. */
const YOUNGEST = 5;
const OLDEST = 15;

/**
 * Tells whether a pupil belongs to the cohort of DfE's headline absence statistics: of compulsory school age,
 * that is aged 5 to 15 inclusive on 31 August before the school year.
 *
 * @remarks
 * Four-year-olds in reception and pupils aged 16 or over are reported separately by DfE, not in the headline
 * figures. Pass it as the `include` option of {@link aggregateCohort}, reading the age from an enrolment
 * attribute. For pupils aged 15 DfE also removes the second half of the summer term; that is applied to the marks
 * before counting (see {@link aggregateCohort}).
 *
 * @param ageAtStartOfYear - The pupil's age in whole years on 31 August before the school year.
 * @returns `true` for ages 5 to 15.
 * @throws {@link AttendanceError} If the age is not a whole number, 0 or more.
 * @example
 * isInDfeStatisticalCohort(4) //=> false
 * isInDfeStatisticalCohort(5) //=> true
 * isInDfeStatisticalCohort(15) //=> true
 * isInDfeStatisticalCohort(16) //=> false
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: pupils aged 5 to 15 at the start of the year)
 * @category Cohorts
 */
export function isInDfeStatisticalCohort(ageAtStartOfYear: number): boolean {
  if (!Number.isSafeInteger(ageAtStartOfYear) || ageAtStartOfYear < 0) {
    invalidArgument({
      code: 'invalid_value',
      message: `An age must be a whole number of years, 0 or more; received ${String(ageAtStartOfYear)}.`,
      path: ['ageAtStartOfYear'],
      field: 'ageAtStartOfYear',
      expected: 'a whole number of years, 0 or more',
      received: String(ageAtStartOfYear),
    });
  }
  return ageAtStartOfYear >= YOUNGEST && ageAtStartOfYear <= OLDEST;
}
