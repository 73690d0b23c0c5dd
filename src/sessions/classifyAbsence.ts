import type { AbsenceCounts } from './types.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';
import { isPersistentlyAbsent } from './isPersistentlyAbsent.js';
import { isSeverelyAbsent } from './isSeverelyAbsent.js';

/**
 * An enrolment's absence class: `severe` (which is also persistent), `persistent`, or `none`.
 *
 * @category Sessions
 */
export type AbsenceClass = 'none' | 'persistent' | 'severe';

/**
 * Classifies an enrolment's absence as none, persistent (by default 10 % or more of possible sessions missed) or
 * severe (50 % or more), comparing whole sessions so that no rounding can move a pupil across a line.
 *
 * @remarks
 * Enrolments with fewer possible sessions than the policy's minimum (by default, none at all) are `none`.
 *
 * @param counts - The enrolment's possible and absent sessions.
 * @param policy - The policy whose thresholds apply.
 * @returns The absence class.
 * @throws {@link AttendanceError} If the counts are not whole numbers with 0 <= absent <= possible.
 * @example
 * classifyAbsence({ possible: 380, absent: 38 })  //=> 'persistent'
 * classifyAbsence({ possible: 380, absent: 190 }) //=> 'severe'
 * classifyAbsence({ possible: 381, absent: 38 })  //=> 'none'
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export function classifyAbsence(counts: AbsenceCounts, policy: AttendancePolicy = DFE_POLICY): AbsenceClass {
  if (isSeverelyAbsent(counts, policy)) return 'severe';
  return isPersistentlyAbsent(counts, policy) ? 'persistent' : 'none';
}
