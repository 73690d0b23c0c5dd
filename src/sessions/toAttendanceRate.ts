import { rateOf } from '../_internal/exactRate.js';
import type { SessionCounts, SessionRate } from './types.js';

/**
 * The attendance rate: sessions attended (present plus approved educational activity), as an exact fraction of possible sessions.
 *
 * @remarks
 * DfE definition: (present + AEA) ÷ possible × 100. The result is a fraction of whole sessions, never a rounded float; use
 * {@link toPercentage} to display it. With no possible sessions the result says so instead of dividing by zero.
 *
 * @param counts - The enrolment's session counts.
 * @returns `{ kind: 'rate', numerator, denominator }`, or `{ kind: 'no-possible-sessions' }`.
 * @example
 * toAttendanceRate({ attended: 342, possible: 380 }) //=> { kind: 'rate', numerator: 342, denominator: 380 }
 * toAttendanceRate({ attended: 0, possible: 0 }) //=> { kind: 'no-possible-sessions' }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export function toAttendanceRate(counts: Pick<SessionCounts, 'attended' | 'possible'>): SessionRate {
  return rateOf(counts.attended, counts.possible);
}
