import { invalidArgument } from '../_internal/issues.js';
import type { SessionRate } from './types.js';

/**
 * How a percentage is rounded for display.
 *
 * - `half-up`: halves round away from zero (9.95 → 10.0 at one decimal).
 * - `half-even`: halves round to the even digit (banker's rounding).
 * - `down`: truncates.
 * - `up`: any remainder rounds up.
 *
 * @category Sessions
 */
export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

/**
 * How {@link toPercentage} formats.
 *
 * @category Sessions
 */
export interface PercentageFormat {
  /**
   * Decimal places, 0 to 20: DfE's published files carry rates to 13 or 14 places, and an exact comparison with
   * them needs as many. The text is exact to the last place; `value`, a JavaScript number, holds about 15
   * significant digits of it.
   *
   * @defaultValue `1` (DfE publishes rates to one decimal place)
   * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE methodology: rates shown to 1 dp, unrounded in underlying data)
   */
  readonly decimals?: number;
  /**
   * The rounding rule.
   *
   * @defaultValue `'half-up'` (DfE does not state its mode; half-up is what people expect on a report)
   */
  readonly rounding?: RoundingMode;
}

/**
 * A percentage for display: its text (exactly `decimals` places) and the same number as a `number`, or the
 * statement that there were no possible sessions.
 *
 * @category Sessions
 */
export type Percentage =
  | {
      /** A percentage was computed. */
      readonly kind: 'percentage';
      /** The percentage with exactly the requested number of decimals, without a `%` sign, e.g. `'90.0'`. */
      readonly text: string;
      /** The same rounded number, e.g. `90`. */
      readonly value: number;
    }
  | {
      /** There were no possible sessions. */
      readonly kind: 'no-possible-sessions';
    };

const MAX_DECIMALS = 20;

/**
 * Turns an exact rate into a percentage for display, rounded once by one documented rule.
 *
 * @remarks
 * This is the only place the library rounds. Thresholds are never compared on its output: 38 of 381 sessions
 * displays as 10.0 % yet is below the 10 % persistent-absence threshold. The arithmetic is exact (integers),
 * so ties such as 9.95 round as the rule says, not as binary floating point happens to fall.
 *
 * @param rate - The exact rate, e.g. from {@link toAbsenceRate}.
 * @param format - Decimal places and rounding rule.
 * @returns The percentage, or `{ kind: 'no-possible-sessions' }`.
 * @throws {@link AttendanceError} If `decimals` is not a whole number from 0 to 20.
 * @example
 * toPercentage({ kind: 'rate', numerator: 38, denominator: 381 }) //=> { kind: 'percentage', text: '10.0', value: 10 }
 * toPercentage({ kind: 'rate', numerator: 1, denominator: 3 }, { decimals: 2 }) //=> { kind: 'percentage', text: '33.33', value: 33.33 }
 * toPercentage({ kind: 'no-possible-sessions' }) //=> { kind: 'no-possible-sessions' }
 * @category Sessions
 */
export function toPercentage(rate: SessionRate, format: PercentageFormat = {}): Percentage {
  const decimals = format.decimals ?? 1;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    return invalidArgument({
      code: 'invalid_value',
      message: `Decimal places must be a whole number from 0 to ${MAX_DECIMALS}; received ${decimals}.`,
      path: ['decimals'],
      field: 'decimals',
      expected: `a whole number from 0 to ${MAX_DECIMALS}`,
      received: String(decimals),
    });
  }
  if (rate.kind === 'no-possible-sessions') return rate;
  const denominator = BigInt(rate.denominator);
  // BigInt keeps the scaled numerator exact however many decimals are asked for.
  const scaled = BigInt(rate.numerator) * 100n * 10n ** BigInt(decimals);
  let quotient = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  switch (format.rounding ?? 'half-up') {
    case 'half-up':
      if (twiceRemainder >= denominator) quotient += 1n;
      break;
    case 'half-even':
      if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n))
        quotient += 1n;
      break;
    case 'up':
      if (twiceRemainder > 0n) quotient += 1n;
      break;
    case 'down':
      break;
  }
  const digits = quotient.toString().padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return { kind: 'percentage', text, value: Number(text) };
}
