import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  classifyAbsence,
  definePolicy,
  DFE_POLICY,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  POLICY_PRESETS,
} from '../../src/index.js';
import type { AbsenceClass } from '../../src/index.js';
import {
  countsArb,
  persistentBoundaryCountsArb,
  severeBoundaryCountsArb,
  thresholdSessions,
} from '../_arbitraries/counts.js';

const MORE_THAN_POLICY = definePolicy({
  persistentAbsence: { comparison: 'more-than' },
  severeAbsence: { comparison: 'more-than' },
});

/** A percentage with two decimals from 0.01 to 100, with its exact value in hundredths of a percent. */
const hundredthsArb = fc.integer({ min: 1, max: 10_000 });

/** Whether m / P meets t / 100 (t in hundredths of a percent), exactly in BigInt. */
function meets(
  absent: number,
  possible: number,
  hundredths: number,
  comparison: 'at-least' | 'more-than'
): boolean {
  const left = BigInt(absent) * 10_000n;
  const right = BigInt(hundredths) * BigInt(possible);
  return comparison === 'at-least' ? left >= right : left > right;
}

test.prop([countsArb()])('persistent absence (DfE) holds exactly when 10·m >= P', ({ possible, absent }) => {
  expect(isPersistentlyAbsent({ possible, absent })).toBe(10 * absent >= possible);
  expect(isPersistentlyAbsent({ possible, absent }, DFE_POLICY)).toBe(10 * absent >= possible);
});

test.prop([countsArb()])('severe absence (DfE) holds exactly when 2·m >= P', ({ possible, absent }) => {
  expect(isSeverelyAbsent({ possible, absent })).toBe(2 * absent >= possible);
});

test.prop([countsArb()])(
  "with comparison 'more-than', persistent absence holds exactly when 10·m > P and severe when 2·m > P",
  ({ possible, absent }) => {
    expect(isPersistentlyAbsent({ possible, absent }, MORE_THAN_POLICY)).toBe(10 * absent > possible);
    expect(isSeverelyAbsent({ possible, absent }, MORE_THAN_POLICY)).toBe(2 * absent > possible);
  }
);

test.prop([persistentBoundaryCountsArb()])(
  'persistent absence: ceil(P/10) − 1 sessions is not persistent, ceil(P/10) and one more are',
  ({ possible, absent, side }) => {
    expect(absent).toBe(Math.ceil(possible / 10) + side);
    expect(isPersistentlyAbsent({ possible, absent })).toBe(side >= 0);
  }
);

test.prop([severeBoundaryCountsArb()])(
  'severe absence: ceil(P/2) − 1 sessions is not severe, ceil(P/2) and one more are',
  ({ possible, absent, side }) => {
    expect(absent).toBe(Math.ceil(possible / 2) + side);
    expect(isSeverelyAbsent({ possible, absent })).toBe(side >= 0);
  }
);

test.prop([fc.integer({ min: 1, max: 5000 }), fc.constantFrom(0, 1)])(
  "with 'more-than', floor(P/10) sessions is not persistent and floor(P/10) + 1 is",
  (possible, extra) => {
    const absent = Math.floor(possible / 10) + extra;
    fc.pre(absent <= possible);
    expect(isPersistentlyAbsent({ possible, absent }, MORE_THAN_POLICY)).toBe(extra === 1);
  }
);

test.prop([countsArb(), fc.constantFrom(...Object.values(POLICY_PRESETS))])(
  'classifyAbsence is severe, persistent or none exactly as the two predicates say',
  (counts, policy) => {
    const severe = isSeverelyAbsent(counts, policy);
    const persistent = isPersistentlyAbsent(counts, policy);
    const expected: AbsenceClass = severe ? 'severe' : persistent ? 'persistent' : 'none';
    expect(classifyAbsence(counts, policy)).toBe(expected);
  }
);

test.prop([countsArb()])(
  'classifyAbsence (DfE) matches the whole-session comparisons',
  ({ possible, absent }) => {
    const expected: AbsenceClass =
      2 * absent >= possible ? 'severe' : 10 * absent >= possible ? 'persistent' : 'none';
    expect(classifyAbsence({ possible, absent })).toBe(expected);
  }
);

test.prop([countsArb()])('under the DfE policy, severe absence implies persistent absence', (counts) => {
  if (isSeverelyAbsent(counts, DFE_POLICY)) expect(isPersistentlyAbsent(counts, DFE_POLICY)).toBe(true);
});

test.prop([
  countsArb(),
  hundredthsArb,
  hundredthsArb,
  fc.constantFrom('at-least' as const, 'more-than' as const),
])(
  'for any two-decimal threshold t, the result is the exact comparison m/P against t/100',
  ({ possible, absent }, first, second, comparison) => {
    const [persistentHundredths, severeHundredths] = first <= second ? [first, second] : [second, first];
    const policy = definePolicy({
      persistentAbsence: { percent: persistentHundredths / 100, comparison },
      severeAbsence: { percent: severeHundredths / 100, comparison },
    });
    expect(isPersistentlyAbsent({ possible, absent }, policy)).toBe(
      meets(absent, possible, persistentHundredths, comparison)
    );
    expect(isSeverelyAbsent({ possible, absent }, policy)).toBe(
      meets(absent, possible, severeHundredths, comparison)
    );
  }
);

test.prop([hundredthsArb, fc.integer({ min: 1, max: 5000 }), fc.constantFrom(-1, 0, 1)])(
  'for any two-decimal threshold t, one session below ceil(t·P) is not flagged and ceil(t·P) is',
  (hundredths, possible, side) => {
    const absent = thresholdSessions(possible, hundredths) + side;
    fc.pre(absent >= 0 && absent <= possible);
    const policy = definePolicy({
      persistentAbsence: { percent: hundredths / 100 },
      severeAbsence: { percent: 100 },
    });
    expect(isPersistentlyAbsent({ possible, absent }, policy)).toBe(side >= 0);
    expect(meets(absent, possible, hundredths, 'at-least')).toBe(side >= 0);
  }
);

test.prop([countsArb({ maxPossible: 40 }), fc.integer({ min: 0, max: 40 })])(
  'enrolments with fewer possible sessions than the minimum are never flagged',
  ({ possible, absent }, minimumPossibleSessions) => {
    const policy = definePolicy({
      persistentAbsence: { minimumPossibleSessions },
      severeAbsence: { minimumPossibleSessions },
    });
    const counted = possible >= Math.max(1, minimumPossibleSessions);
    expect(isPersistentlyAbsent({ possible, absent }, policy)).toBe(counted && 10 * absent >= possible);
    expect(isSeverelyAbsent({ possible, absent }, policy)).toBe(counted && 2 * absent >= possible);
  }
);

/**
 * Counts of any size the library accepts (safe integers), one session either side of, or on, the persistent
 * (P = 10·m) or severe (P = 2·m) line.
 */
const largeLineCountsArb = fc
  .tuple(
    fc.constantFrom(10, 2),
    fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / 10) - 1 }),
    fc.constantFrom(-1, 0, 1)
  )
  .map(([ratio, absent, side]) => ({ possible: Math.max(1, ratio * absent + side), absent }))
  .filter(({ possible, absent }) => Number.isSafeInteger(possible) && absent <= possible);

test.prop([largeLineCountsArb], { numRuns: 2000 })(
  'for counts of any size the library accepts, persistent and severe absence are the exact comparisons 10·m >= P and 2·m >= P',
  ({ possible, absent }) => {
    expect(isPersistentlyAbsent({ possible, absent })).toBe(10n * BigInt(absent) >= BigInt(possible));
    expect(isSeverelyAbsent({ possible, absent })).toBe(2n * BigInt(absent) >= BigInt(possible));
  }
);
