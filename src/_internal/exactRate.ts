import type { SessionRate } from '../sessions/types.js';

/** Hundredths of a percent in a whole: percentages carry at most two decimal places, so these are integers. */
export const BASIS_POINTS_IN_WHOLE = 10_000;

/** A percentage with at most two decimals as an integer number of hundredths of a percent. */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Compares `numerator / denominator` with a percentage, in integers: negative, zero or positive as the rate is
 * below, at or above it. Safe while `numerator * 10 000` and `basisPoints * denominator` stay below 2^53.
 */
export function compareRateToPercent(numerator: number, denominator: number, percent: number): number {
  return numerator * BASIS_POINTS_IN_WHOLE - toBasisPoints(percent) * denominator;
}

export function rateOf(numerator: number, possible: number): SessionRate {
  return possible === 0
    ? { kind: 'no-possible-sessions' }
    : { kind: 'rate', numerator, denominator: possible };
}
