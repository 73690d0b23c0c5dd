import { addToTally, classifyEnrolment, createTally, toCohortFigures } from './cohortTally.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AggregateCohortOptions, CohortEnrolment, CohortFigures } from './types.js';

/**
 * Builds a cohort's attendance figures the DfE way: sessions summed over enrolments, rates as sums over sums,
 * persistent and severe absentees counted enrolment by enrolment, and the enrolments in each band.
 *
 * @remarks
 * The unit is the enrolment. Rates are summed sessions over summed possible sessions, never the average of
 * pupils' rates: a pupil absent 1 of 10 sessions and one absent 9 of 90 make 10 of 100, 10 %, whatever their
 * own rates average. Each enrolment is tested against the policy's thresholds and band table on its own exact
 * rate, in whole numbers.
 *
 * As in DfE statistics, enrolments with no possible sessions are left out, and counted in
 * `excludedNoPossibleSessions`. Enrolments whose counts are inconsistent (more absence than possible sessions,
 * attended and absent not adding up to possible, authorised and unauthorised not adding up to absent, or a count
 * that is not a whole number) are left out too, counted in `excludedInconsistent` and each reported in `issues`
 * as a warning naming the enrolment; nothing is dropped silently.
 *
 * For DfE's headline cohort, include pupils aged 5 to 15 at the start of the school year
 * ({@link isInDfeStatisticalCohort}). DfE also removes the possible sessions and absence of the second half of
 * the summer term for pupils aged 15 at the start of the year (Year 11, who are leaving): that rule concerns
 * marks, so apply it when counting, by leaving those marks out before {@link countSessions}.
 *
 * @param enrolments - The enrolments, each with its id, session counts and optional attributes.
 * @param options - The policy (default {@link DFE_POLICY}) and which enrolments belong to the cohort.
 * @returns The cohort's figures.
 * @throws {@link AttendanceError} If the summed possible sessions exceed `Number.MAX_SAFE_INTEGER`, or the
 * policy's band table has a gap (tables from {@link defineBandTable} have none).
 * @example
 * const cohort = aggregateCohort([
 *   { id: 'A', counts: { possible: 10, attended: 9, absent: 1, authorised: 1, unauthorised: 0 } },
 *   { id: 'B', counts: { possible: 90, attended: 81, absent: 9, authorised: 4, unauthorised: 5 } },
 *   { id: 'C', counts: { possible: 0, attended: 0, absent: 0, authorised: 0, unauthorised: 0 } },
 * ]);
 * cohort.overallAbsenceRate //=> { kind: 'rate', numerator: 10, denominator: 100 }
 * cohort.persistentAbsentees //=> 2
 * cohort.excludedNoPossibleSessions //=> 1
 * toPercentage(cohort.unauthorisedRate) //=> { kind: 'percentage', text: '5.0', value: 5 }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: enrolments, summed sessions, data removed)
 * @category Cohorts
 */
export function aggregateCohort(
  enrolments: readonly CohortEnrolment[],
  options: AggregateCohortOptions = {}
): CohortFigures {
  const policy = options.policy ?? DFE_POLICY;
  const include = options.include;
  const tally = createTally(policy);
  for (let index = 0; index < enrolments.length; index += 1) {
    const enrolment = enrolments[index]!;
    if (include !== undefined && !include(enrolment)) continue;
    addToTally(tally, enrolment, classifyEnrolment(enrolment, index, policy));
  }
  return toCohortFigures(tally, policy);
}
