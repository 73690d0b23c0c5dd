import { describe, expect, test } from 'vitest';
import { definePolicy, isPersistentlyAbsent, isSeverelyAbsent } from '../../src/index.js';
import { compareRateToPercent, LARGEST_EXACT_DENOMINATOR } from '../../src/_internal/exactRate.js';

// DfE compares thresholds on the unrounded rate (REFERENCE §3.3: "underlying files unrounded → compare thresholds on
// unrounded values"), so a rate a hair above or below a threshold must never be read as equal to it. Below about
// 9 × 10^11 possible sessions the comparison is exact in plain numbers; above it the library switches to BigInt.
// These counts are past that limit, chosen so that plain doubles round the two sides to the same value: only an
// exact comparison gets them right.

// 333 300 000 000 001 of 1 000 000 000 000 003 is 33.33 % plus 1 / 10^19: just above 33.33 %.
const JUST_ABOVE = { absent: 333_300_000_000_001, possible: 1_000_000_000_000_003 };
// 333 300 000 003 332 of 1 000 000 000 009 997 is 33.33 % minus 1 / 10^19: just below 33.33 %.
const JUST_BELOW = { absent: 333_300_000_003_332, possible: 1_000_000_000_009_997 };
// Exactly 10 % of 10^15 sessions.
const EXACTLY_TEN = { absent: 100_000_000_000_000, possible: 1_000_000_000_000_000 };

describe('threshold comparisons stay exact above the plain-number limit', () => {
  test('the cases really are past the limit and really defeat a comparison in doubles', () => {
    for (const counts of [JUST_ABOVE, JUST_BELOW, EXACTLY_TEN]) {
      expect(counts.possible).toBeGreaterThan(LARGEST_EXACT_DENOMINATOR);
      expect(Number.isSafeInteger(counts.possible)).toBe(true);
    }
    // In doubles both products round to the same value: the naive difference is 0 for both near-ties.
    expect(JUST_ABOVE.absent * 10_000 - 3333 * JUST_ABOVE.possible).toBe(0);
    expect(JUST_BELOW.absent * 10_000 - 3333 * JUST_BELOW.possible).toBe(0);
  });

  test('compareRateToPercent gives the sign of the exact difference: above, below, equal', () => {
    expect(compareRateToPercent(JUST_ABOVE.absent, JUST_ABOVE.possible, 33.33)).toBe(1);
    expect(compareRateToPercent(JUST_BELOW.absent, JUST_BELOW.possible, 33.33)).toBe(-1);
    expect(compareRateToPercent(EXACTLY_TEN.absent, EXACTLY_TEN.possible, 10)).toBe(0);
    expect(compareRateToPercent(EXACTLY_TEN.absent - 1, EXACTLY_TEN.possible, 10)).toBe(-1);
    expect(compareRateToPercent(EXACTLY_TEN.absent + 1, EXACTLY_TEN.possible, 10)).toBe(1);
  });

  test('the plain-number path answers in the same signs just under the limit', () => {
    const possible = LARGEST_EXACT_DENOMINATOR;
    // 10 % of a multiple of 10 is whole: exactly the threshold, then one session either side.
    const tenth = Math.floor(possible / 10);
    const exact = tenth * 10;
    expect(Math.sign(compareRateToPercent(tenth, exact, 10))).toBe(0);
    expect(Math.sign(compareRateToPercent(tenth - 1, exact, 10))).toBe(-1);
    expect(Math.sign(compareRateToPercent(tenth + 1, exact, 10))).toBe(1);
  });

  test('"at least" flags a rate a hair above the threshold and not one a hair below', () => {
    const policy = definePolicy({ persistentAbsence: { percent: 33.33, comparison: 'at-least' } });
    expect(isPersistentlyAbsent(JUST_ABOVE, policy)).toBe(true);
    expect(isPersistentlyAbsent(JUST_BELOW, policy)).toBe(false);
  });

  test('"more than" flags a rate a hair above the threshold', () => {
    const policy = definePolicy({ persistentAbsence: { percent: 33.33, comparison: 'more-than' } });
    expect(isPersistentlyAbsent(JUST_ABOVE, policy)).toBe(true);
    expect(isPersistentlyAbsent(JUST_BELOW, policy)).toBe(false);
  });

  test('exactly 10 % of 10^15 sessions is persistent absence under DfE ("10 % or more") and not "more than" 10 %', () => {
    expect(isPersistentlyAbsent(EXACTLY_TEN)).toBe(true);
    expect(isPersistentlyAbsent({ ...EXACTLY_TEN, absent: EXACTLY_TEN.absent - 1 })).toBe(false);
    const moreThan = definePolicy({ persistentAbsence: { comparison: 'more-than' } });
    expect(isPersistentlyAbsent(EXACTLY_TEN, moreThan)).toBe(false);
    expect(isPersistentlyAbsent({ ...EXACTLY_TEN, absent: EXACTLY_TEN.absent + 1 }, moreThan)).toBe(true);
  });

  test('severe absence: exactly half of 10^15 sessions is severe (50 % or more), one session fewer is not', () => {
    const half = { possible: 1_000_000_000_000_000, absent: 500_000_000_000_000 };
    expect(isSeverelyAbsent(half)).toBe(true);
    expect(isSeverelyAbsent({ ...half, absent: half.absent - 1 })).toBe(false);
  });
});
