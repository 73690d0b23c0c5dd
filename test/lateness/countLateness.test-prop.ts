import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  countLateness,
  countRollingWindow,
  countSessions,
  defineLatenessPolicy,
  defineSchoolCalendar,
  eachSessionSlot,
  HCAT_LATENESS_POLICY,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type { LatenessAction, LatenessCounts, LatenessPolicy, SessionMark } from '../../src/index.js';

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);
const OPEN_SLOTS = eachSessionSlot(calendar);
const SLOTS = toSessionSlots(calendar);

const codeArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant('L') },
  { weight: 3, arbitrary: fc.constant('U') },
  { weight: 4, arbitrary: fc.constantFrom('/', '\\', 'N', 'I', 'O', 'G', 'M') }
);

/** A register on open sessions of the calendar, in date order; often crowded into a few weeks to reach thresholds. */
const registerArb: fc.Arbitrary<SessionMark[]> = fc
  .oneof(fc.constant(OPEN_SLOTS.length), fc.integer({ min: 20, max: 200 }))
  .chain((span) =>
    fc.tuple(
      fc.integer({ min: 0, max: OPEN_SLOTS.length - span }),
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: span - 1 }), codeArb), {
        selector: ([slot]) => slot,
        maxLength: 120,
      })
    )
  )
  .map(([start, marked]) =>
    [...marked]
      .sort(([left], [right]) => left - right)
      .map(([slot, code]) => ({ ...OPEN_SLOTS[start + slot]!, code }))
  );

const actionArb: fc.Arbitrary<LatenessAction> = fc
  .record({
    codes: fc.constantFrom<LatenessAction['codes']>(['L'], ['U'], ['L', 'U'], ['U', 'L']),
    atLeast: fc.integer({ min: 1, max: 8 }),
    extra: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    action: fc.string({ minLength: 1, maxLength: 5 }),
  })
  .map(({ codes, atLeast, extra, action }) => ({
    codes,
    atLeast,
    ...(extra === undefined ? {} : { atMost: atLeast + extra }),
    action,
    label: `Label ${action}`,
  }));

const policyArb: fc.Arbitrary<LatenessPolicy> = fc
  .record({
    actions: fc.array(actionArb, { maxLength: 4 }),
    length: fc.integer({ min: 1, max: 14 }),
    unit: fc.constantFrom('school-weeks' as const, 'calendar-weeks' as const, 'calendar-days' as const),
    threshold: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ actions, length, unit, threshold }) =>
    defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      halfTermActions: actions,
      persistentLateness: { length, unit, threshold, codes: ['U'] },
    })
  );

const anyPolicyArb = fc.oneof(fc.constant(HCAT_LATENESS_POLICY), policyArb);

/** Everything but the minutes, which only marks as objects record. */
function withoutMinutes(counts: LatenessCounts): unknown {
  return {
    ...counts,
    minutesLate: 0,
    lateMarksWithMinutes: 0,
    halfTerms: counts.halfTerms.map((row) => ({ ...row, minutesLate: 0, lateMarksWithMinutes: 0 })),
  };
}

test.prop([registerArb, anyPolicyArb])(
  'preserves the totals: the half-term counts sum to the register’s L and U counts from countSessions',
  (register, policy) => {
    const result = countLateness(register, calendar, policy);
    const counts = countSessions(register);
    expect(result.halfTerms.reduce((sum, row) => sum + row.late, 0)).toBe(counts.late);
    expect(result.halfTerms.reduce((sum, row) => sum + row.lateAfterRegisterClosed, 0)).toBe(
      counts.lateAfterRegisterClosed
    );
    expect(result.late).toBe(counts.late);
    expect(result.lateAfterRegisterClosed).toBe(counts.lateAfterRegisterClosed);
  }
);

test.prop([registerArb])(
  'rows are in date order, one per half-term with a late mark, each listing its own dates',
  (register) => {
    const { halfTerms } = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    halfTerms.forEach((row, index) => {
      expect(row.late + row.lateAfterRegisterClosed).toBeGreaterThan(0);
      expect(row.lateDates).toHaveLength(row.late);
      expect(row.lateAfterRegisterClosedDates).toHaveLength(row.lateAfterRegisterClosed);
      for (const date of [...row.lateDates, ...row.lateAfterRegisterClosedDates]) {
        expect(date >= row.halfTerm.start && date <= row.halfTerm.end).toBe(true);
      }
      expect([...row.lateDates].sort()).toEqual(row.lateDates);
      const previous = halfTerms[index - 1];
      if (previous !== undefined) expect(previous.halfTerm.end < row.halfTerm.start).toBe(true);
    });
  }
);

test.prop([registerArb, policyArb])(
  'two routes agree: each action is reached once a half-term’s count of its codes reaches atLeast, on that mark',
  (register, policy) => {
    const { halfTerms } = countLateness(register, calendar, policy);
    for (const row of halfTerms) {
      const inHalfTerm = register.filter(
        (mark) => mark.date >= row.halfTerm.start && mark.date <= row.halfTerm.end
      );
      const expected = policy.halfTermActions.flatMap((action) => {
        const counted = inHalfTerm.filter((mark) => (action.codes as readonly string[]).includes(mark.code));
        const reaching = counted[action.atLeast - 1];
        return reaching === undefined
          ? []
          : [{ action, reachedOn: reaching.date, at: inHalfTerm.indexOf(reaching) }];
      });
      expected.sort((left, right) => left.at - right.at);
      expect(row.actions).toEqual(
        expected.map(({ action, reachedOn }) => ({ action: action.action, label: action.label, reachedOn }))
      );
    }
  }
);

test.prop([registerArb, anyPolicyArb])(
  'persistent lateness is the policy’s rolling window over the register',
  (register, policy) => {
    expect(countLateness(register, calendar, policy).persistentLateness).toEqual(
      countRollingWindow(register, calendar, policy.persistentLateness)
    );
  }
);

test.prop([
  registerArb.chain((register) =>
    fc.tuple(
      fc.constant(register),
      fc.shuffledSubarray(register, { minLength: register.length, maxLength: register.length })
    )
  ),
  anyPolicyArb,
])(
  'two routes agree: marks in any order give the same result as in date order',
  ([register, shuffled], policy) => {
    expect(countLateness(shuffled, calendar, policy)).toEqual(countLateness(register, calendar, policy));
  }
);

test.prop([registerArb, anyPolicyArb])(
  'two routes agree: a compact register gives the same result, without minutes late',
  (register, policy) => {
    const compact = countLateness(toCompactRegister(register, SLOTS), calendar, policy);
    expect(compact.minutesLate).toBe(0);
    expect(compact).toEqual(withoutMinutes(countLateness(register, calendar, policy)));
  }
);

test.prop([
  registerArb.chain((register) =>
    fc.tuple(
      fc.constant(register),
      fc.array(fc.integer({ min: 0, max: 120 }), { minLength: register.length, maxLength: register.length })
    )
  ),
])(
  'preserves the minutes: the rows’ minutes late sum to the minutes recorded on L and U marks',
  ([register, minutes]) => {
    const timed = register.map((mark, index) => ({ ...mark, minutesLate: minutes[index]! }));
    const result = countLateness(timed, calendar, HCAT_LATENESS_POLICY);
    const late = timed.filter((mark) => mark.code === 'L' || mark.code === 'U');
    expect(result.minutesLate).toBe(late.reduce((sum, mark) => sum + mark.minutesLate, 0));
    expect(result.lateMarksWithMinutes).toBe(late.length);
    expect(result.halfTerms.reduce((sum, row) => sum + row.minutesLate, 0)).toBe(result.minutesLate);
  }
);
