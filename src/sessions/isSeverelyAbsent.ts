import { meetsAbsenceThreshold } from '../_internal/absenceThreshold.js';
import type { AbsenceCounts } from './types.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';

/**
 * Tells whether an enrolment is severely absent: by default, absent for 50 % or more of its possible sessions,
 * compared in whole sessions on the unrounded rate.
 *
 * @param counts - The enrolment's possible and absent sessions.
 * @param policy - The policy whose `severeAbsence` threshold applies.
 * @returns `true` when the threshold is met.
 * @throws {@link AttendanceError} If the counts are not whole numbers with 0 <= absent <= possible.
 * @example
 * isSeverelyAbsent({ possible: 380, absent: 190 }) //=> true
 * isSeverelyAbsent({ possible: 381, absent: 190 }) //=> false
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE: severe absence is missing 50 % or more)
 * @category Sessions
 */
export function isSeverelyAbsent(counts: AbsenceCounts, policy: AttendancePolicy = DFE_POLICY): boolean {
  return meetsAbsenceThreshold(counts, policy.severeAbsence);
}
