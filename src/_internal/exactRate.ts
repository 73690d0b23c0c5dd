import type { SessionRate } from '../sessions/types.js';

/** Hundredths of a percent in a whole: percentages carry at most two decimal places, so these are integers. */
export const BASIS_POINTS_IN_WHOLE = 10_000;

/** A percentage with at most two decimals as an integer number of hundredths of a percent. */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** The largest denominator for which both products below stay exact in a double (2^53 / 10 000). */
export const LARGEST_EXACT_DENOMINATOR = Math.floor(Number.MAX_SAFE_INTEGER / BASIS_POINTS_IN_WHOLE);

/**
 * Compares `numerator / denominator` (with `numerator <= denominator`) with a percentage, in integers:
 * negative, zero or positive as the rate is below, at or above it. Real counts (a whole country's possible
 * sessions are about 1.3 billion) take the plain-number path; larger ones fall back to BigInt so that the
 * answer stays exact for every safe integer.
 */
export function compareRateToPercent(numerator: number, denominator: number, percent: number): number {
  const basisPoints = toBasisPoints(percent);
  // Both paths are exact up to the limit, so callers (who read only the sign) cannot tell which one ran there:
  // moving the limit down or always taking BigInt changes speed, not answers.
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent, see above
  if (denominator <= LARGEST_EXACT_DENOMINATOR)
    return numerator * BASIS_POINTS_IN_WHOLE - basisPoints * denominator;
  const difference =
    BigInt(numerator) * BigInt(BASIS_POINTS_IN_WHOLE) - BigInt(basisPoints) * BigInt(denominator);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export function rateOf(numerator: number, possible: number): SessionRate {
  return possible === 0
    ? { kind: 'no-possible-sessions' }
    : { kind: 'rate', numerator, denominator: possible };
}
