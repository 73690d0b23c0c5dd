import type { SessionCounts } from '../sessions/types.js';
import { BASIS_POINTS_IN_WHOLE, toBasisPoints } from '../_internal/exactRate.js';
import { checkAttendedCounts, checkPercent, checkWholeNumber } from '../_internal/argumentChecks.js';

/**
 * The attendance threshold of a projection.
 *
 * @category Patterns
 */
export interface SessionsThatCanBeMissedOptions {
  /**
   * The attendance rate to stay at or above at the end of the year, as a percentage from 0 to 100 with at most
   * two decimals.
   *
   * @defaultValue `90`
   */
  readonly thresholdPercent?: number;
  /**
   * Whether the year must end strictly above the threshold rather than at or above it. At exactly 90 %
   * attendance a pupil has missed 10 % of sessions, which DfE counts as persistent absence, so use `true` for a
   * letter that promises to keep a pupil out of persistent absence.
   *
   * @defaultValue `false`
   */
  readonly strictlyAbove?: boolean;
}

/**
 * How many more sessions a pupil can miss and still finish the year at or above a threshold.
 *
 * @category Patterns
 */
export interface SessionsThatCanBeMissed {
  /** The largest number of the remaining sessions the pupil can miss; 0 when even full attendance falls short. */
  readonly sessions: number;
  /** Whether the pupil will end the year below the threshold even attending every remaining session. */
  readonly alreadyBelowAtYearEnd: boolean;
}

function checkArguments(
  counts: Pick<SessionCounts, 'attended' | 'possible'>,
  remainingPossibleSessions: number,
  thresholdPercent: number
): void {
  checkAttendedCounts(counts);
  checkWholeNumber(remainingPossibleSessions, 'remainingPossibleSessions');
  checkPercent(thresholdPercent, 'thresholdPercent');
}

/**
 * The largest number of the year's remaining sessions a pupil can miss and still end the year at or above an
 * attendance threshold (by default 90 %): the figure for a letter or meeting ("you can miss no more than …").
 *
 * @remarks
 * With `A` sessions attended of `P` possible so far, `R` possible sessions left in the year and the threshold
 * `t = b / 10 000` (`b` in hundredths of a percent), missing `m` of the remaining sessions ends the year at
 * `(A + R − m) / (P + R)`. That is at or above `t` exactly when `10 000 · (A + R − m) ≥ b · (P + R)`, so the
 * answer is `m = min(R, A + R − ⌈b · (P + R) / 10 000⌉)`, computed in integers (BigInt), never in floating
 * point. When that is negative the pupil cannot reach the threshold even by attending every remaining
 * session: the answer is 0 with `alreadyBelowAtYearEnd: true`. Missing exactly `m` sessions keeps the pupil at
 * or above the threshold; when `m` is less than `R`, missing `m + 1` takes them below it. Every remaining
 * session is assumed possible. With `strictlyAbove`, the year must end above the threshold: the fewest sessions
 * attended become `⌊b · (P + R) / 10 000⌋ + 1`, and ending exactly on the threshold counts as below it.
 *
 * @param counts - The pupil's attended and possible sessions so far (e.g. from {@link countSessions}).
 * @param remainingPossibleSessions - The possible sessions left in the year (e.g. from
 * {@link countRemainingSessions}).
 * @param options - The threshold to stay at or above.
 * @returns The number of sessions that can be missed, and whether the threshold is already out of reach.
 * @throws {@link AttendanceError} If a count is not a whole number, attended exceeds possible, or the threshold
 * is not a percentage with at most two decimals.
 * @example
 * sessionsThatCanBeMissed({ attended: 342, possible: 380 }, 0) //=> { sessions: 0, alreadyBelowAtYearEnd: false }
 * sessionsThatCanBeMissed({ attended: 330, possible: 340 }, 40) //=> { sessions: 28, alreadyBelowAtYearEnd: false }
 * sessionsThatCanBeMissed({ attended: 300, possible: 340 }, 40) //=> { sessions: 0, alreadyBelowAtYearEnd: true }
 * // Missing 20 of the last 180 ends on 342 of 380, exactly 90 %: persistent absence. Strictly above allows 19.
 * sessionsThatCanBeMissed({ attended: 182, possible: 200 }, 180) //=> { sessions: 20, alreadyBelowAtYearEnd: false }
 * sessionsThatCanBeMissed({ attended: 182, possible: 200 }, 180, { strictlyAbove: true }) //=> { sessions: 19, alreadyBelowAtYearEnd: false }
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE: Working together to improve school attendance)
 * @category Patterns
 */
export function sessionsThatCanBeMissed(
  counts: Pick<SessionCounts, 'attended' | 'possible'>,
  remainingPossibleSessions: number,
  options: SessionsThatCanBeMissedOptions = {}
): SessionsThatCanBeMissed {
  const thresholdPercent = options.thresholdPercent ?? 90;
  checkArguments(counts, remainingPossibleSessions, thresholdPercent);
  const whole = BigInt(BASIS_POINTS_IN_WHOLE);
  const remaining = BigInt(remainingPossibleSessions);
  const yearPossible = BigInt(counts.possible) + remaining;
  // The fewest sessions attended over the whole year that keep the rate at or above the threshold.
  const required = BigInt(toBasisPoints(thresholdPercent)) * yearPossible;
  const attendedNeeded =
    options.strictlyAbove === true ? required / whole + 1n : (required + whole - 1n) / whole;
  const spare = BigInt(counts.attended) + remaining - attendedNeeded;
  if (spare < 0n) return { sessions: 0, alreadyBelowAtYearEnd: true };
  return { sessions: Number(spare < remaining ? spare : remaining), alreadyBelowAtYearEnd: false };
}
