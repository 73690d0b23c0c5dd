import type { SessionCounts } from '../sessions/types.js';
import { BASIS_POINTS_IN_WHOLE, toBasisPoints } from '../_internal/exactRate.js';
import { checkAttendedCounts, checkPercent, checkWholeNumber } from '../_internal/argumentChecks.js';

/**
 * The threshold and the sessions left for {@link fullAttendanceSessionsNeeded}.
 *
 * @category Patterns
 */
export interface FullAttendanceSessionsNeededOptions {
  /**
   * The attendance rate to reach, as a percentage from 0 to 100 with at most two decimals.
   *
   * @defaultValue `90`
   */
  readonly thresholdPercent?: number;
  /**
   * The possible sessions left in the year (e.g. from {@link countRemainingSessions}); when given, a number of
   * sessions above it is unreachable. Unlimited when left out.
   */
  readonly remainingPossibleSessions?: number;
  /**
   * Whether the rate must end strictly above the threshold rather than at or above it. At exactly 90 %
   * attendance a pupil has missed 10 % of sessions, which DfE counts as persistent absence, so use `true` for
   * the sessions that take a pupil out of persistent absence.
   *
   * @defaultValue `false`
   */
  readonly strictlyAbove?: boolean;
}

/**
 * How many consecutive sessions of full attendance bring a pupil up to a threshold, or why none can.
 *
 * @category Patterns
 */
export type FullAttendanceSessionsNeeded =
  | {
      /** The threshold can be reached. */
      readonly reachable: true;
      /** The fewest consecutive sessions attended that bring the rate to the threshold or above; 0 when it already is. */
      readonly sessions: number;
    }
  | {
      /** The threshold cannot be reached this year. */
      readonly reachable: false;
      /** More sessions are needed than the year has left. */
      readonly reason: 'exceeds-remaining-sessions';
      /** The sessions that would be needed. */
      readonly sessions: number;
    }
  | {
      /** The threshold can never be reached. */
      readonly reachable: false;
      /** The threshold is 100 % and the pupil has already missed a session (or, strictly above, any threshold of 100 %). */
      readonly reason: 'full-attendance-threshold';
    };

function checkArguments(
  counts: Pick<SessionCounts, 'attended' | 'possible'>,
  thresholdPercent: number
): void {
  checkAttendedCounts(counts);
  checkPercent(thresholdPercent, 'thresholdPercent');
}

/**
 * The number of consecutive sessions of full attendance a pupil needs from now for their attendance rate to
 * reach a threshold (by default 90 %): the figure for a letter or meeting ("with full attendance for the next …
 * sessions").
 *
 * @remarks
 * With `A` sessions attended of `P` possible and the threshold `t = b / 10 000` (`b` in hundredths of a
 * percent), attending the next `k` sessions gives `(A + k) / (P + k)`, which is at or above `t` ("reaching" the
 * threshold includes landing exactly on it) exactly when `k · (10 000 − b) ≥ b · P − 10 000 · A`. So for a
 * threshold below 100 %, `k = max(0, ⌈(b · P − 10 000 · A) / (10 000 − b)⌉)`, computed in integers (BigInt),
 * never in floating point: `k` sessions are enough and `k − 1` are not. At 100 % no number of sessions helps
 * once a session has been missed (`reason: 'full-attendance-threshold'`). With no possible sessions yet there
 * is no rate, and one attended session gives 100 %, so `k = 1`. When `remainingPossibleSessions` is given and
 * `k` exceeds it, the threshold cannot be reached this year (`reason: 'exceeds-remaining-sessions'`, with `k`).
 * With `strictlyAbove`, the rate must end above the threshold: `k · (10 000 − b) > b · P − 10 000 · A`, so
 * `k = ⌊(b · P − 10 000 · A) / (10 000 − b)⌋ + 1` when the right-hand side is not negative, and 0 otherwise.
 *
 * @param counts - The pupil's attended and possible sessions so far (e.g. from {@link countSessions}).
 * @param options - The threshold, and the possible sessions left in the year.
 * @returns The sessions needed, or why the threshold is out of reach.
 * @throws {@link AttendanceError} If a count is not a whole number, attended exceeds possible, or the threshold
 * is not a percentage with at most two decimals.
 * @example
 * fullAttendanceSessionsNeeded({ attended: 170, possible: 200 }) //=> { reachable: true, sessions: 100 }
 * fullAttendanceSessionsNeeded({ attended: 170, possible: 200 }, { remainingPossibleSessions: 60 })
 * //=> { reachable: false, reason: 'exceeds-remaining-sessions', sessions: 100 }
 * fullAttendanceSessionsNeeded({ attended: 199, possible: 200 }, { thresholdPercent: 100 })
 * //=> { reachable: false, reason: 'full-attendance-threshold' }
 * // 171 of 190 is exactly 90 %: reached, but still persistent absence; one more session takes it above.
 * fullAttendanceSessionsNeeded({ attended: 171, possible: 190 }) //=> { reachable: true, sessions: 0 }
 * fullAttendanceSessionsNeeded({ attended: 171, possible: 190 }, { strictlyAbove: true }) //=> { reachable: true, sessions: 1 }
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE: Working together to improve school attendance)
 * @category Patterns
 */
export function fullAttendanceSessionsNeeded(
  counts: Pick<SessionCounts, 'attended' | 'possible'>,
  options: FullAttendanceSessionsNeededOptions = {}
): FullAttendanceSessionsNeeded {
  const thresholdPercent = options.thresholdPercent ?? 90;
  checkArguments(counts, thresholdPercent);
  const remaining = options.remainingPossibleSessions;
  if (remaining !== undefined) checkWholeNumber(remaining, 'remainingPossibleSessions');
  const basisPoints = BigInt(toBasisPoints(thresholdPercent));
  const whole = BigInt(BASIS_POINTS_IN_WHOLE);
  const strictlyAbove = options.strictlyAbove ?? false;
  let sessions: number;
  if (basisPoints === whole && strictlyAbove)
    return { reachable: false, reason: 'full-attendance-threshold' };
  if (counts.possible === 0) sessions = 1;
  else if (basisPoints === whole) {
    if (counts.attended < counts.possible) return { reachable: false, reason: 'full-attendance-threshold' };
    sessions = 0;
  } else {
    const shortfall = basisPoints * BigInt(counts.possible) - whole * BigInt(counts.attended);
    const gainPerSession = whole - basisPoints;
    if (strictlyAbove) sessions = shortfall < 0n ? 0 : Number(shortfall / gainPerSession + 1n);
    else sessions = shortfall <= 0n ? 0 : Number((shortfall + gainPerSession - 1n) / gainPerSession);
  }
  if (remaining !== undefined && sessions > remaining) {
    return { reachable: false, reason: 'exceeds-remaining-sessions', sessions };
  }
  return { reachable: true, sessions };
}
