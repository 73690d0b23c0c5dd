import { describe, expect, test } from 'vitest';
import { AttendanceError, defineEscalationLadder, safeDefineEscalationLadder } from '../../src/index.js';
import type {
  AttendanceIssue,
  EscalationLadder,
  LadderCondition,
  LadderRule,
  LadderStage,
} from '../../src/index.js';
import { checkLadder } from '../../src/escalation/ladder/checkLadder.js';

// What makes a ladder one the machine can run (src/escalation/ladder/checkLadder.ts), its shape
// (src/escalation/ladder/schema.ts) and how both are reported by defineEscalationLadder and
// safeDefineEscalationLadder: the exact issues (code, path, field, message, expected, received) for each problem.

const CONDITIONS =
  'attendance-below, absence-at-least, penalty-threshold-reached, review-due, declined, support, support-appropriate, barrier-recorded, all, any';

const BELOW: LadderCondition = { test: 'attendance-below', percent: 90, minimumPossibleSessions: 10 };
const IMPROVED: LadderCondition = { test: 'review-due', improved: true, percent: 95 };

/** Three stages: watch, a letter with a review, and a closed case. */
const BASE: EscalationLadder = {
  name: 'small',
  stages: [
    { name: 'watch', step: 'monitor', review: null, onEntry: [] },
    { name: 'letter', step: 'listen-and-understand', review: { weeks: 3 }, onEntry: ['letter'] },
    { name: 'closed', step: 'monitor', review: null, onEntry: [], terminal: true },
  ],
  actions: { letter: { name: 'Letter', description: 'a letter', doneBy: 'letter-sent' } },
  rules: [
    { from: [0], when: BELOW, to: 1, jump: null },
    { from: [1], when: IMPROVED, to: 2, jump: 'improvement' },
  ],
};

function withRules(...rules: LadderRule[]): EscalationLadder {
  return { ...BASE, rules: [...BASE.rules, ...rules] };
}

function withStage(index: number, change: Partial<LadderStage>): EscalationLadder {
  return {
    ...BASE,
    stages: BASE.stages.map((stage, at) => (at === index ? { ...stage, ...change } : stage)),
  };
}

function issue(path: (string | number)[], message: string, expected: string): AttendanceIssue {
  return { code: 'invalid_value', severity: 'error', message, path, field: String(path.at(-1)), expected };
}

function rejected(value: unknown): readonly AttendanceIssue[] {
  try {
    defineEscalationLadder(value);
  } catch (error) {
    if (error instanceof AttendanceError) return error.issues;
    throw error;
  }
  throw new Error('expected the ladder to be rejected');
}

/** A condition nested `depth` levels inside `all`. */
function nested(depth: number, leaf: unknown): unknown {
  return depth === 0 ? leaf : { test: 'all', of: [nested(depth - 1, leaf)] };
}

function withWhen(when: unknown): unknown {
  return { ...BASE, rules: [{ ...BASE.rules[0], when }, BASE.rules[1]] };
}

describe('checkLadder: a well-formed ladder', () => {
  test('the base ladder has no problems, and neither does a single watching stage with no rules', () => {
    expect(checkLadder(BASE)).toEqual([]);
    expect(defineEscalationLadder(BASE)).toEqual(BASE);
    expect(checkLadder({ ...BASE, stages: [BASE.stages[0]!], actions: {}, rules: [] })).toEqual([]);
  });
});

describe('checkLadder: actions', () => {
  test('an entry action that is not defined is one issue, located at its place in onEntry', () => {
    expect(checkLadder(withStage(1, { onEntry: ['letter', 'phone-call'] }))).toEqual([
      issue(
        ['stages', 1, 'onEntry', 1],
        'Action "phone-call" is not defined in the ladder\'s actions.',
        'an action defined under actions'
      ),
    ]);
  });

  test("a rule's actions must be defined too", () => {
    const stay: LadderRule = { from: [0], when: BELOW, to: 'stay', jump: null, actions: ['letter', 'call'] };
    expect(checkLadder(withRules(stay))).toEqual([
      issue(
        ['rules', 2, 'actions', 1],
        'Action "call" is not defined in the ladder\'s actions.',
        'an action defined under actions'
      ),
    ]);
  });
});

describe('checkLadder: reviews', () => {
  test('an extension cannot be counted in a stage reviewed in school weeks', () => {
    const extension = { weeksPerAbsentDay: 1, sessionsPerAbsentDay: 2, maximumWeeks: null };
    expect(checkLadder(withStage(1, { review: { weeks: 3, unit: 'school-weeks', extension } }))).toEqual([
      issue(
        ['stages', 1, 'review', 'extension'],
        'stage 1 (letter) is reviewed in school weeks, but an extension for further absence is counted in calendar weeks.',
        'no extension, or a review in calendar weeks'
      ),
    ]);
    expect(checkLadder(withStage(1, { review: { weeks: 3, unit: 'weeks', extension } }))).toEqual([]);
    expect(checkLadder(withStage(1, { review: { weeks: 3, extension } }))).toEqual([]);
    expect(checkLadder(withStage(1, { review: { weeks: 3, unit: 'school-weeks' } }))).toEqual([]);
  });

  const noReview = (index: number, stage: number): AttendanceIssue =>
    issue(
      ['rules', index, 'when'],
      `Rule ${index + 1} waits for a review in stage ${stage} (watch), which has no review period, so it could never apply.`,
      'a review period for the stage, or a condition that needs none'
    );

  test('a review condition in a stage without a review period could never apply', () => {
    expect(checkLadder(withRules({ from: [0], when: IMPROVED, to: 2, jump: 'improvement' }))).toEqual([
      noReview(2, 0),
    ]);
    expect(
      checkLadder(withRules({ from: [0], when: { test: 'declined', percent: 90 }, to: 1, jump: null }))
    ).toEqual([noReview(2, 0)]);
  });

  test('a review condition is found inside all and any, even beside conditions that need no review', () => {
    const inAll: LadderCondition = { test: 'all', of: [BELOW, IMPROVED] };
    const inAny: LadderCondition = {
      test: 'any',
      of: [BELOW, { test: 'any', of: [{ test: 'declined', percent: 90 }] }],
    };
    expect(checkLadder(withRules({ from: [0], when: inAll, to: 2, jump: 'improvement' }))).toEqual([
      noReview(2, 0),
    ]);
    expect(checkLadder(withRules({ from: [0], when: inAny, to: 1, jump: null }))).toEqual([noReview(2, 0)]);
    // Without a review condition, all and any are fine in a stage without a review period.
    expect(
      checkLadder(withRules({ from: [0], when: { test: 'all', of: [BELOW, BELOW] }, to: 1, jump: null }))
    ).toEqual([]);
  });
});

describe('checkLadder: stage numbers', () => {
  test('a rule from a stage the ladder does not have names the count of stages', () => {
    expect(checkLadder(withRules({ from: [1, 3], when: BELOW, to: 2, jump: null }))).toEqual([
      issue(
        ['rules', 2, 'from', 1],
        'Rule 3 names stage 3, but the ladder has 3 stages.',
        'a stage from 0 to 2'
      ),
    ]);
    expect(checkLadder(withRules({ from: [1, 2], when: BELOW, to: 2, jump: null }))).toEqual([]);
  });

  test('a rule from a stage far beyond the ladder is one issue, not a crash', () => {
    expect(checkLadder(withRules({ from: [7], when: IMPROVED, to: 2, jump: null }))).toEqual([
      issue(
        ['rules', 2, 'from', 0],
        'Rule 3 names stage 7, but the ladder has 3 stages.',
        'a stage from 0 to 2'
      ),
    ]);
  });

  test('a rule to a stage the ladder does not have, from exactly the count', () => {
    expect(checkLadder(withRules({ from: [1], when: BELOW, to: 3, jump: null }))).toEqual([
      issue(
        ['rules', 2, 'to'],
        'Rule 3 goes to stage 3, but the ladder has 3 stages.',
        'a stage from 0 to 2'
      ),
    ]);
  });

  test('resuming at the stage before improvement needs a continued-monitoring stage', () => {
    const resume: LadderRule = {
      from: [1],
      when: { test: 'declined', percent: 90 },
      to: 'stage-before-improvement',
      jump: 're-entry',
    };
    expect(checkLadder(withRules(resume))).toEqual([
      issue(
        ['rules', 2, 'to'],
        'Rule 3 resumes at the stage before improvement, but no stage has the role "continued-monitoring".',
        'a stage number, or a stage with the role "continued-monitoring"'
      ),
    ]);
    // With the letter stage as continued monitoring (index 1), the same rule is fine.
    expect(
      checkLadder({ ...withStage(1, { role: 'continued-monitoring' }), rules: [...BASE.rules, resume] })
    ).toEqual([]);
  });

  test('continued monitoring is found wherever it is, not only as the first stage', () => {
    const ladder: EscalationLadder = {
      ...BASE,
      stages: [
        BASE.stages[0]!,
        BASE.stages[1]!,
        { ...BASE.stages[1]!, name: 'monitoring', onEntry: [], role: 'continued-monitoring' },
      ],
      rules: [
        { from: [0], when: BELOW, to: 1, jump: null },
        { from: [1], when: IMPROVED, to: 2, jump: 'improvement' },
        {
          from: [2],
          when: { test: 'declined', percent: 90 },
          to: 'stage-before-improvement',
          jump: 're-entry',
        },
      ],
    };
    expect(checkLadder(ladder)).toEqual([]);
  });
});

describe('checkLadder: terminal stages', () => {
  const leavesTerminal = issue(
    ['rules', 2, 'from'],
    'Rule 3 leaves stage 2 (closed), which is marked terminal.',
    'no rule leaving a terminal stage'
  );

  test('a rule that leaves a terminal stage is an issue', () => {
    expect(checkLadder(withRules({ from: [2], when: BELOW, to: 1, jump: null }))).toEqual([leavesTerminal]);
  });

  test('a rule that stays in a terminal stage, or goes to it again, does not leave it', () => {
    expect(
      checkLadder(withRules({ from: [2], when: BELOW, to: 'stay', jump: null, actions: ['letter'] }))
    ).toEqual([]);
    expect(checkLadder(withRules({ from: [2], when: BELOW, to: 2, jump: null }))).toEqual([]);
  });
});

describe('checkLadder: reachability and ways out', () => {
  test('a stage no rule leads to from stage 0 cannot be reached', () => {
    const ladder: EscalationLadder = {
      ...BASE,
      rules: [BASE.rules[0]!, { from: [1], when: IMPROVED, to: 0, jump: null }],
    };
    expect(checkLadder(ladder)).toEqual([
      issue(
        ['stages', 2],
        'stage 2 (closed) cannot be reached: no rule leads to it from stage 0.',
        'a rule that leads to the stage'
      ),
    ]);
  });

  test('a stage whose only rules stay or come back to it has no way out', () => {
    const selfOnly: EscalationLadder = {
      ...BASE,
      rules: [
        BASE.rules[0]!,
        { from: [1], when: IMPROVED, to: 1, jump: null },
        { from: [1], when: BELOW, to: 'stay', jump: null, actions: ['letter'] },
        { from: [0], when: BELOW, to: 2, jump: null },
      ],
    };
    expect(checkLadder(selfOnly)).toEqual([
      issue(
        ['stages', 1],
        'stage 1 (letter) has no way out: no rule leaves it, and it is not marked terminal.',
        'a rule that leaves the stage, or "terminal": true'
      ),
    ]);
  });

  test('a single stage that is not terminal needs no way out', () => {
    expect(checkLadder({ ...BASE, stages: [BASE.stages[0]!], rules: [] })).toEqual([]);
  });
});

describe('checkLadder: the penalty-notice stage', () => {
  const notice = {
    name: 'Penalty notice',
    description: 'a penalty notice',
    doneBy: 'penalty-notice-issued',
  } as const;
  const other = { name: 'Other action', description: 'other action', doneBy: 'action-done' } as const;
  const needs = (index: number, name: string): AttendanceIssue =>
    issue(
      ['stages', index, 'role'],
      `stage ${index} (${name}) is the penalty-notice stage, so it needs an entry action done by "penalty-notice-issued" and the ladder an action "other-action-needed" (for when no further notice may be issued).`,
      'an entry action done by "penalty-notice-issued", and an action "other-action-needed"'
    );
  const penaltyLadder = (onEntry: string[], withOther: boolean): EscalationLadder => ({
    ...withStage(2, { name: 'enforce', role: 'penalty-notice', onEntry }),
    actions: withOther
      ? { ...BASE.actions, notice, 'other-action-needed': other }
      : { ...BASE.actions, notice },
  });

  test('one entry action done by a penalty notice is enough, beside others', () => {
    expect(checkLadder(penaltyLadder(['letter', 'notice'], true))).toEqual([]);
  });

  test('without an entry action done by a penalty notice, or without other-action-needed, it is an issue', () => {
    expect(checkLadder(penaltyLadder(['letter'], true))).toEqual([needs(2, 'enforce')]);
    expect(checkLadder(penaltyLadder(['notice'], false))).toEqual([needs(2, 'enforce')]);
  });

  test('an undefined entry action on the penalty-notice stage is reported, not a crash', () => {
    expect(checkLadder(penaltyLadder(['missing', 'notice'], true))).toEqual([
      issue(
        ['stages', 2, 'onEntry', 0],
        'Action "missing" is not defined in the ladder\'s actions.',
        'an action defined under actions'
      ),
    ]);
  });

  test('at most one stage may be the penalty-notice stage', () => {
    const ladder = penaltyLadder(['notice'], true);
    const two: EscalationLadder = {
      ...ladder,
      stages: ladder.stages.map((stage, index) =>
        index === 1 ? { ...stage, role: 'penalty-notice', onEntry: ['notice'] } : stage
      ),
    };
    expect(checkLadder(two)).toEqual([
      issue(['stages'], 'At most one stage may have the role "penalty-notice".', 'one penalty-notice stage'),
    ]);
  });
});

describe('defineEscalationLadder: unknown conditions', () => {
  const unknown = (path: (string | number)[], named: string, received: string): AttendanceIssue => ({
    code: 'invalid_value',
    severity: 'error',
    message: `${path.join('.')}: unknown condition ${named}; a ladder's conditions are ${CONDITIONS}.`,
    path: [...path, 'test'],
    field: 'test',
    expected: `one of ${CONDITIONS}`,
    received,
  });

  test('an unknown condition is one issue naming the closed set, with no schema issue beside it', () => {
    expect(rejected(withWhen({ test: 'wobble', x: 1 }))).toEqual([
      unknown(['rules', 0, 'when'], '"wobble"', '"wobble"'),
    ]);
  });

  test('an unknown test that is not a string is described, and a long one cut to 80 characters', () => {
    expect(rejected(withWhen({ test: 7 }))).toEqual([unknown(['rules', 0, 'when'], '7', '7')]);
    const long = 'w'.repeat(100);
    const cut = `"${'w'.repeat(80)}"`;
    expect(rejected(withWhen({ test: long }))).toEqual([unknown(['rules', 0, 'when'], cut, cut)]);
  });

  test('an unknown condition inside any is found at its place', () => {
    expect(rejected(withWhen({ test: 'any', of: [BELOW, { test: 'wobble' }] }))).toEqual([
      unknown(['rules', 0, 'when', 'of', 1], '"wobble"', '"wobble"'),
    ]);
  });

  test('an unknown condition at the deepest nesting allowed is named; one deeper is a schema issue only', () => {
    expect(rejected(withWhen(nested(4, { test: 'wobble' })))).toEqual([
      unknown(['rules', 0, 'when', 'of', 0, 'of', 0, 'of', 0, 'of', 0], '"wobble"', '"wobble"'),
    ]);
    const deeper = rejected(withWhen(nested(5, { test: 'wobble' })));
    expect(deeper.map((found) => found.path)).toEqual([
      ['rules', 0, 'when', 'of', 0, 'of', 0, 'of', 0, 'of', 0, 'test'],
    ]);
    expect(deeper[0]?.message).not.toContain('unknown condition');
  });

  test('other problems are reported beside an unknown condition, in their own places', () => {
    const value = {
      ...BASE,
      name: '',
      rules: [
        { ...BASE.rules[0], when: { test: 'wobble' } },
        { ...BASE.rules[1], to: -1 },
      ],
    };
    expect(rejected(value).map((found) => found.path)).toEqual([
      ['rules', 0, 'when', 'test'],
      ['name'],
      ['rules', 1, 'to'],
    ]);
  });

  test('a shape problem without an unknown condition reports no unknown condition', () => {
    const issues = rejected({
      ...BASE,
      name: '',
      rules: [{ ...BASE.rules[0], when: { test: 'any', of: [BELOW] } }],
    });
    expect(issues.map((found) => found.path)).toEqual([['name']]);
  });
});

describe('defineEscalationLadder: values that are not ladders', () => {
  test('a condition that is not an object is a schema issue, not an unknown condition', () => {
    expect(rejected(withWhen('nope')).map((found) => [found.path, found.expected])).toEqual([
      [['rules', 0, 'when'], 'object'],
    ]);
    expect(rejected(withWhen(null)).map((found) => [found.path, found.expected])).toEqual([
      [['rules', 0, 'when'], 'object'],
    ]);
    expect(rejected(withWhen(undefined)).map((found) => found.path)).toEqual([['rules', 0, 'when']]);
  });

  test('null, a ladder whose rules are not a list, or a rule that is null, are refused with issues', () => {
    expect(rejected(null).map((found) => [found.path, found.expected])).toEqual([[[], 'object']]);
    expect(rejected(undefined).map((found) => [found.path, found.expected])).toEqual([[[], 'object']]);
    expect(rejected({ ...BASE, rules: 'none' }).map((found) => [found.path, found.expected])).toEqual([
      [['rules'], 'array'],
    ]);
    expect(rejected({ ...BASE, rules: undefined }).map((found) => found.path)).toEqual([['rules']]);
    expect(rejected({ ...BASE, rules: [null] }).map((found) => [found.path, found.expected])).toEqual([
      [['rules', 0], 'object'],
    ]);
  });
});

describe('safeDefineEscalationLadder', () => {
  test("a ladder's own problems are returned as they are", () => {
    const result = safeDefineEscalationLadder({ ...BASE, name: '' });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((found) => found.path)).toEqual([['name']]);
    expect(safeDefineEscalationLadder(BASE)).toEqual({ success: true, data: BASE });
  });

  test('a value that cannot even be read is refused as such', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const result = safeDefineEscalationLadder(proxy);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error).toBeInstanceOf(AttendanceError);
      expect(result.error.issues).toEqual([
        { code: 'invalid_value', severity: 'error', message: 'The ladder could not be read.', path: [] },
      ]);
    }
  });
});

describe('the schema of a ladder', () => {
  test('accepts every step, review unit, doneBy and jump it documents, and all and any nested to the limit', () => {
    const ladder: EscalationLadder = {
      name: 'every option',
      stages: [
        { name: 'expect', step: 'expect', review: null, onEntry: [] },
        {
          name: 'support',
          step: 'facilitate-support',
          review: { weeks: 2, unit: 'weeks' },
          onEntry: ['barrier'],
        },
        { name: 'notice', step: 'enforce', review: { weeks: 3, unit: 'school-weeks' }, onEntry: ['offer'] },
        { name: 'closed', step: 'monitor', review: null, onEntry: [], terminal: true },
      ],
      actions: {
        barrier: { name: 'barrier', description: 'a barrier recorded', doneBy: 'barrier-recorded' },
        offer: { name: 'offer', description: 'support offered', doneBy: 'support-offered' },
      },
      rules: [
        {
          from: [0],
          when: { test: 'all', of: [BELOW, { test: 'any', of: [BELOW] }] },
          to: 1,
          jump: 'absence-level',
        },
        { from: [1], when: nested(4, IMPROVED) as LadderCondition, to: 2, jump: 'override' },
        { from: [2], when: { test: 'any', of: [IMPROVED] }, to: 3, jump: null },
      ],
    };
    expect(defineEscalationLadder(JSON.parse(JSON.stringify(ladder)))).toEqual(ladder);
  });

  test('refuses all or any below the deepest nesting, where only a plain condition may stand', () => {
    const issues = rejected(withWhen(nested(5, BELOW)));
    expect(issues.map((found) => found.path)).toEqual([
      ['rules', 0, 'when', 'of', 0, 'of', 0, 'of', 0, 'of', 0, 'test'],
    ]);
  });
});
