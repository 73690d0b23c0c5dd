import { rateOf } from '../_internal/exactRate.js';
import type { SessionCounts, SessionRate } from './types.js';

/**
 * The overall absence rate: authorised plus unauthorised absence, as an exact fraction of possible sessions.
 *
 * @remarks
 * DfE definition: overall absence ÷ possible × 100. The result is a fraction of whole sessions, never a rounded float; use
 * {@link toPercentage} to display it. With no possible sessions the result says so instead of dividing by zero.
 *
 * @param counts - The enrolment's session counts.
 * @returns `{ kind: 'rate', numerator, denominator }`, or `{ kind: 'no-possible-sessions' }`.
 * @example
 * toAbsenceRate({ absent: 38, possible: 380 }) //=> { kind: 'rate', numerator: 38, denominator: 380 }
 * toAbsenceRate({ absent: 0, possible: 0 }) //=> { kind: 'no-possible-sessions' }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export function toAbsenceRate(counts: Pick<SessionCounts, 'absent' | 'possible'>): SessionRate {
  return rateOf(counts.absent, counts.possible);
}
