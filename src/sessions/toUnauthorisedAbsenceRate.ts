import { rateOf } from '../_internal/exactRate.js';
import type { SessionCounts, SessionRate } from './types.js';

/**
 * The unauthorised absence rate, as an exact fraction of possible sessions.
 *
 * @remarks
 * DfE definition: unauthorised ÷ possible × 100. The result is a fraction of whole sessions, never a rounded float; use
 * {@link toPercentage} to display it. With no possible sessions the result says so instead of dividing by zero.
 *
 * @param counts - The enrolment's session counts.
 * @returns `{ kind: 'rate', numerator, denominator }`, or `{ kind: 'no-possible-sessions' }`.
 * @example
 * toUnauthorisedAbsenceRate({ unauthorised: 18, possible: 380 }) //=> { kind: 'rate', numerator: 18, denominator: 380 }
 * toUnauthorisedAbsenceRate({ unauthorised: 0, possible: 0 }) //=> { kind: 'no-possible-sessions' }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export function toUnauthorisedAbsenceRate(
  counts: Pick<SessionCounts, 'unauthorised' | 'possible'>
): SessionRate {
  return rateOf(counts.unauthorised, counts.possible);
}
