import { meetsAbsenceThreshold } from '../_internal/absenceThreshold.js';
import type { AbsenceCounts } from './types.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';

/**
 * Tells whether an enrolment is a persistent absentee: by default, absent for 10 % or more of its own possible
 * sessions, compared in whole sessions on the unrounded rate.
 *
 * @remarks
 * 38 absences in 380 possible sessions is exactly 10 % and is persistent absence; 38 in 381 is 9.97 %, which
 * displays as 10.0 % but is not. The comparison is `absent × 10 000 >= threshold-in-hundredths × possible`, so no
 * rounding can move a pupil across the line.
 *
 * @param counts - The enrolment's possible and absent sessions.
 * @param policy - The policy whose `persistentAbsence` threshold applies.
 * @returns `true` when the threshold is met.
 * @throws {@link AttendanceError} If the counts are not whole numbers with 0 <= absent <= possible.
 * @example
 * isPersistentlyAbsent({ possible: 380, absent: 38 }) //=> true
 * isPersistentlyAbsent({ possible: 381, absent: 38 }) //=> false
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE: 10 % or more of possible sessions)
 * @category Sessions
 */
export function isPersistentlyAbsent(counts: AbsenceCounts, policy: AttendancePolicy = DFE_POLICY): boolean {
  return meetsAbsenceThreshold(counts, policy.persistentAbsence);
}
