import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assessPenaltyNotice,
  assessPenaltyNoticeThreshold,
  checkMarksAgainstCalendar,
  classifyCode,
  countByDayOfWeek,
  countLateness,
  countRollingWindow,
  countSessions,
  createCohortRegister,
  createSessionSlots,
  defineBandTable,
  defineEscalationPolicy,
  defineLatenessPolicy,
  definePolicy,
  defineSchoolCalendar,
  findContinuousAbsence,
  HCAT_ATTENDANCE_BANDS,
  HCAT_ESCALATION_POLICY,
  HCAT_LATENESS_POLICY,
  HCAT_POLICY,
  initialEscalationState,
  isAttendanceError,
  isIsoDate,
  isoDate,
  NATIONAL_PENALTY_NOTICE_RULE,
  runEscalation,
  safeCountSessions,
  safeDefineBandTable,
  safeDefineEscalationPolicy,
  safeDefineLatenessPolicy,
  safeDefinePolicy,
  safeDefineSchoolCalendar,
  toCompactRegister,
  toLateMark,
  transition,
} from '../../src/index.js';
import type { SafeResult } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { escalationEventsArb } from '../_arbitraries/escalationEvent.js';
import {
  describeThrown,
  expectLocated,
  expectSafeAgreesWithStrict,
  outcomeOf,
} from './_support/contracts.js';
import { FUZZ_SEED, FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb } from './_support/hostileValues.js';
import { SAMPLE_REGISTER_JSON_HEAD } from './_support/seeds.js';

// The root entry point's functions that take values from outside (configuration files, stored state, request
// bodies, registers): given valid values with hostile parts, or hostile values outright (BigInts, circular and
// deep values, NaN and the infinities, lone surrogates, huge strings), the safe definers never throw and agree
// with their throwing twins, `transition` and `isIsoDate` never throw at all, and every other function throws
// nothing but an AttendanceError whose issues are located.

const CALENDAR = defineSchoolCalendar(exampleCalendar);
const MARKS = (
  JSON.parse(SAMPLE_REGISTER_JSON_HEAD) as { date: string; session: string; code: string }[]
).map(({ date, session, code }) => ({ date, session, code }));
const SLOTS = createSessionSlots(
  MARKS.map(({ date, session }) => ({ date: isoDate(date), session: session as 'AM' | 'PM' }))
);
const EVENTS = fc.sample(escalationEventsArb({ maxLength: 6 }), { seed: FUZZ_SEED, numRuns: 8 }).flat();
const STATE = initialEscalationState('P1');
const HISTORY = [{ id: 'PN-1', parentId: 'P1', pupilId: 'C1', issuedOn: '2024-10-01', status: 'paid' }];
const PROPOSAL = { parentId: 'P1', pupilId: 'C1', proposedIssueDate: '2025-03-03' };

interface SafePair {
  readonly name: string;
  readonly safe: (...args: never[]) => SafeResult<unknown>;
  readonly strict: (...args: never[]) => unknown;
  readonly valids: readonly (readonly unknown[])[];
}

const SAFE_PAIRS: readonly SafePair[] = [
  {
    name: 'definePolicy',
    safe: safeDefinePolicy,
    strict: definePolicy,
    valids: [[{}], [{ persistentAbsence: { percent: 15 }, name: 'x' }], [{}, HCAT_POLICY]],
  },
  {
    name: 'defineSchoolCalendar',
    safe: safeDefineSchoolCalendar,
    strict: defineSchoolCalendar,
    valids: [[exampleCalendar]],
  },
  {
    name: 'defineEscalationPolicy',
    safe: safeDefineEscalationPolicy,
    strict: defineEscalationPolicy,
    valids: [[{}], [{ monitoringWeeks: 6 }, HCAT_ESCALATION_POLICY]],
  },
  {
    name: 'defineLatenessPolicy',
    safe: safeDefineLatenessPolicy,
    strict: defineLatenessPolicy,
    valids: [[HCAT_LATENESS_POLICY]],
  },
  {
    name: 'defineBandTable',
    safe: safeDefineBandTable,
    strict: defineBandTable,
    valids: [[HCAT_ATTENDANCE_BANDS]],
  },
  {
    name: 'countSessions',
    safe: safeCountSessions,
    strict: countSessions,
    valids: [[MARKS], [MARKS, { unmarked: 'as-N' }], [[], { codeSet: '2024' }]],
  },
];

/**
 * Functions documented to throw only AttendanceError for bad input (or, for `total` ones, never to throw), with
 * the positions of the arguments that come from outside (a register, a date, a code, stored state, a notice
 * history). The other arguments are values the library made (a calendar, a policy, a rule) and stay valid.
 */
interface Checked {
  readonly name: string;
  readonly run: (...args: never[]) => unknown;
  readonly valids: readonly (readonly unknown[])[];
  readonly untrusted: readonly number[];
  readonly total?: boolean;
}

const CHECKED: readonly Checked[] = [
  {
    name: 'transition',
    run: transition,
    valids: EVENTS.map((event): unknown[] => [STATE, event]),
    untrusted: [0, 1],
    total: true,
  },
  { name: 'isIsoDate', run: isIsoDate, valids: [['2024-09-02']], untrusted: [0], total: true },
  { name: 'isoDate', run: isoDate, valids: [['2024-09-02']], untrusted: [0] },
  {
    name: 'classifyCode',
    run: classifyCode,
    valids: [
      ['/', { date: '2024-09-02' }],
      ['H', { codeSet: 'pre-2024' }],
    ],
    untrusted: [0, 1],
  },
  {
    name: 'createCohortRegister',
    run: createCohortRegister,
    valids: [[[['P1', MARKS]]], [new Map([['P1', MARKS]]), { duplicates: 'precedence' }]],
    untrusted: [0, 1],
  },
  { name: 'toCompactRegister', run: toCompactRegister, valids: [[MARKS, SLOTS, 'P1']], untrusted: [0, 2] },
  {
    name: 'countRollingWindow',
    run: countRollingWindow,
    valids: [[MARKS, CALENDAR, NATIONAL_PENALTY_NOTICE_RULE]],
    untrusted: [0],
  },
  {
    name: 'assessPenaltyNoticeThreshold',
    run: assessPenaltyNoticeThreshold,
    valids: [[MARKS, CALENDAR, HCAT_POLICY]],
    untrusted: [0],
  },
  {
    name: 'runEscalation',
    run: runEscalation,
    valids: [[MARKS, CALENDAR, { pupilId: 'P1' }]],
    untrusted: [0, 2],
  },
  {
    name: 'findContinuousAbsence',
    run: findContinuousAbsence,
    valids: [[MARKS, CALENDAR, { codes: ['G', 'N', 'O', 'U'] }]],
    untrusted: [0],
  },
  {
    name: 'checkMarksAgainstCalendar',
    run: checkMarksAgainstCalendar,
    valids: [[MARKS, CALENDAR]],
    untrusted: [0],
  },
  {
    name: 'countLateness',
    run: countLateness,
    valids: [[MARKS, CALENDAR, HCAT_LATENESS_POLICY]],
    untrusted: [0],
  },
  { name: 'toLateMark', run: toLateMark, valids: [['09:10', 'AM', HCAT_LATENESS_POLICY]], untrusted: [0, 1] },
  { name: 'countByDayOfWeek', run: countByDayOfWeek, valids: [[MARKS]], untrusted: [0] },
  { name: 'assessPenaltyNotice', run: assessPenaltyNotice, valids: [[HISTORY, PROPOSAL]], untrusted: [0, 1] },
];

/**
 * Arguments for a function: one of its valid argument lists with each untrusted argument sometimes corrupted
 * or replaced, and (when every argument is untrusted) sometimes an argument dropped or added.
 *
 * @param valids - Valid argument lists.
 * @param untrusted - The positions that may be corrupted (default: all).
 */
function argumentsArb(
  valids: readonly (readonly unknown[])[],
  untrusted?: readonly number[]
): fc.Arbitrary<unknown[]> {
  return fc
    .constantFrom(...valids)
    .chain((valid) =>
      fc
        .tuple(
          fc.tuple(
            ...valid.map((value, index) =>
              untrusted !== undefined && !untrusted.includes(index)
                ? fc.constant(value)
                : fc.oneof(
                    { weight: 2, arbitrary: fc.constant(value) },
                    { weight: 3, arbitrary: argumentArb([value]) }
                  )
            )
          ),
          fc.constantFrom('keep', 'keep', 'keep', 'drop', 'add'),
          argumentArb([undefined, {}])
        )
        .map(([args, change, extra]) =>
          untrusted !== undefined || change === 'keep'
            ? args
            : change === 'drop'
              ? args.slice(0, -1)
              : [...args, extra]
        )
    );
}

describe.each(SAFE_PAIRS)('$name: hostile values', ({ safe, strict, valids }) => {
  it(
    'the safe form never throws; the throwing form throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(argumentsArb(valids), (args) => {
          expectSafeAgreesWithStrict(
            () => safe(...(args as never[])),
            () => strict(...(args as never[])),
            { allowRoot: true }
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

describe.each(CHECKED)('$name: hostile values', ({ run, valids, untrusted, total }) => {
  it(
    total === true ? 'never throws' : 'throws nothing but an AttendanceError, with located issues',
    () => {
      fc.assert(
        fc.property(argumentsArb(valids, untrusted), (args) => {
          const outcome = outcomeOf(() => run(...(args as never[])));
          if (!outcome.threw) return;
          if (total === true || !isAttendanceError(outcome.error))
            expect.fail(`threw ${describeThrown(outcome.error)}`);
          expectLocated(outcome.error.issues, { allowRoot: true });
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
