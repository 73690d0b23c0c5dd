import type { AttendancePolicy } from '../../policy/types.js';
import { toPercentage } from '../../sessions/toPercentage.js';
import type { SessionRate } from '../../sessions/types.js';

/** A rate in a JSON report: the policy's display text and the exact fraction behind it. */
export interface RateJson {
  /** The percentage as the policy displays it, without a `%` sign, e.g. `'90.0'`. */
  readonly percent: string;
  /** The sessions counted. */
  readonly numerator: number;
  /** The possible sessions. */
  readonly denominator: number;
}

/**
 * A rate as text for a table: the policy's display format, or `n/a` when there were no possible sessions.
 *
 * @param rate - The exact rate.
 * @param policy - The policy whose display format applies.
 * @returns The text, e.g. `'92.4'`.
 * @example
 * percentText({ kind: 'rate', numerator: 38, denominator: 381 }, DFE_POLICY) //=> '10.0'
 */
export function percentText(rate: SessionRate, policy: AttendancePolicy): string {
  const percentage = toPercentage(rate, policy.display);
  return percentage.kind === 'percentage' ? percentage.text : 'n/a';
}

/**
 * A rate for JSON: the display text with the exact numerator and denominator, or `null` when there were no
 * possible sessions.
 *
 * @param rate - The exact rate.
 * @param policy - The policy whose display format applies.
 * @returns The rate, or `null`.
 * @example
 * rateJson({ kind: 'rate', numerator: 38, denominator: 381 }, DFE_POLICY)
 * //=> { percent: '10.0', numerator: 38, denominator: 381 }
 */
export function rateJson(rate: SessionRate, policy: AttendancePolicy): RateJson | null {
  const percentage = toPercentage(rate, policy.display);
  if (rate.kind !== 'rate' || percentage.kind !== 'percentage') return null;
  return { percent: percentage.text, numerator: rate.numerator, denominator: rate.denominator };
}
