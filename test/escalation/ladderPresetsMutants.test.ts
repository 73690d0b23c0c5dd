import { describe, expect, test } from 'vitest';
import { DFE_SUPPORT_FIRST_LADDER, ladderToMermaid, supportFirstLadder } from '../../src/index.js';
import type { EscalationLadder, LadderCondition } from '../../src/index.js';

// DfE's support-first ladder as data (src/escalation/ladder/supportFirstLadder.ts): every stage's actions and
// flags, and the exact conditions of its review table; and ladderToMermaid's labels for rows that stay and for
// names with line breaks (src/escalation/ladder/ladderToMermaid.ts).

describe('supportFirstLadder: stages', () => {
  test('each stage makes its own actions due on entry, and the Notice to Improve and leave warning answer the threshold', () => {
    const ladder = supportFirstLadder();
    expect(ladder.stages).toStrictEqual([
      { name: 'expect and monitor', step: 'monitor', review: null, onEntry: [] },
      {
        name: 'listen and understand',
        step: 'listen-and-understand',
        review: { weeks: 4 },
        onEntry: ['conversation-with-family', 'explore-barriers'],
      },
      {
        name: 'facilitate support',
        step: 'facilitate-support',
        review: { weeks: 6 },
        onEntry: ['explore-barriers', 'offer-voluntary-support'],
      },
      {
        name: 'formalise support',
        step: 'formalise-support',
        review: { weeks: 6 },
        onEntry: ['attendance-contract'],
      },
      {
        name: 'education supervision order',
        step: 'formalise-support',
        review: { weeks: 6 },
        onEntry: ['consider-education-supervision-order'],
      },
      {
        name: 'notice to improve',
        step: 'enforce',
        review: { weeks: 6, unit: 'school-weeks' },
        onEntry: ['notice-to-improve'],
        answersPenaltyThreshold: true,
      },
      {
        name: 'enforce',
        step: 'enforce',
        review: { weeks: 6 },
        onEntry: ['consider-penalty-notice'],
        role: 'penalty-notice',
      },
      {
        name: 'warning for term-time leave',
        step: 'enforce',
        review: { weeks: 6 },
        onEntry: ['leave-warning-letter'],
        answersPenaltyThreshold: true,
      },
      {
        name: 'severe absence: joint working with the local authority',
        step: 'formalise-support',
        review: { weeks: 6 },
        onEntry: ['joint-plan-with-local-authority', 'explore-barriers'],
      },
      {
        name: 'continued monitoring',
        step: 'monitor',
        review: { weeks: 4 },
        onEntry: ['continued-monitoring'],
        role: 'continued-monitoring',
      },
    ]);
  });
});

describe('supportFirstLadder: the review table', () => {
  const rules = DFE_SUPPORT_FIRST_LADDER.rules;
  const improved: LadderCondition = { test: 'review-due', improved: true, percent: 95 };
  const notImproved: LadderCondition = { test: 'review-due', improved: false, percent: 95 };

  test('the threshold with any cause is said without a cause, not with an empty one', () => {
    expect(rules[0]!.when).toStrictEqual({ test: 'penalty-threshold-reached' });
    expect(rules[1]!.when).toStrictEqual({ test: 'penalty-threshold-reached' });
    expect(Object.keys(rules[0]!.when)).toEqual(['test']);
    expect(rules[2]!.when).toStrictEqual({ test: 'penalty-threshold-reached', cause: 'term-time-leave' });
  });

  test('support assessed as not appropriate goes straight to enforcement', () => {
    expect(rules[3]).toStrictEqual({
      from: [0, 1, 2, 3, 4, 8, 9],
      when: {
        test: 'all',
        of: [
          { test: 'penalty-threshold-reached', cause: 'other' },
          { test: 'support-appropriate', appropriate: false },
        ],
      },
      to: 6,
      jump: 'penalty-threshold',
    });
  });

  test('a Notice to Improve needs support appropriate, and declined or no improvement', () => {
    expect(rules[4]!.when).toStrictEqual({
      test: 'all',
      of: [
        { test: 'penalty-threshold-reached', cause: 'other' },
        { test: 'support-appropriate', appropriate: true },
        { test: 'any', of: [{ test: 'support', status: 'declined' }, notImproved] },
      ],
    });
    expect(rules[5]!.when).toStrictEqual({
      test: 'all',
      of: [
        { test: 'penalty-threshold-reached', cause: 'other' },
        { test: 'support-appropriate', appropriate: true },
      ],
    });
  });

  test('improvement at review leads to continued monitoring; no improvement to the next step', () => {
    expect(rules[10]).toStrictEqual({
      from: [1, 2, 3, 4, 5, 6, 7, 8],
      when: improved,
      to: 9,
      jump: 'improvement',
    });
    expect(rules[11]).toStrictEqual({ from: [1], when: notImproved, to: 2, jump: null });
    expect(rules[12]).toStrictEqual({ from: [2], when: notImproved, to: 3, jump: null });
    expect(rules[15]).toStrictEqual({
      from: [3],
      when: { test: 'all', of: [notImproved, { test: 'support', status: 'not-engaged', tier: 'formal' }] },
      to: 4,
      jump: null,
    });
    expect(rules[16]).toStrictEqual({ from: [5], when: notImproved, to: 6, jump: null });
  });

  test('options change the numbers of the review conditions', () => {
    const ladder = supportFirstLadder({ improvementAtLeastPercent: 97 });
    expect(ladder.rules[10]!.when).toStrictEqual({ test: 'review-due', improved: true, percent: 97 });
    expect(ladder.rules[11]!.when).toStrictEqual({ test: 'review-due', improved: false, percent: 97 });
  });
});

describe('ladderToMermaid: rows that stay, and names with line breaks', () => {
  const ladder: EscalationLadder = {
    name: 'loops',
    stages: [
      { name: 'watch\r\nclosely', step: 'monitor', review: null, onEntry: [] },
      { name: 'closed', step: 'monitor', review: null, onEntry: [], terminal: true },
    ],
    actions: {
      letter: { name: 'letter A', description: 'letter A', doneBy: 'letter-sent' },
      call: { name: 'phone call', description: 'a phone call', doneBy: 'action-done' },
    },
    rules: [
      {
        from: [0],
        when: { test: 'attendance-below', percent: 95, minimumPossibleSessions: 10 },
        to: 'stay',
        jump: null,
      },
      {
        from: [0],
        when: { test: 'attendance-below', percent: 92, minimumPossibleSessions: 10 },
        to: 'stay',
        jump: null,
        actions: ['letter', 'call'],
      },
      {
        from: [0],
        when: { test: 'attendance-below', percent: 91, minimumPossibleSessions: 10 },
        to: 'stay',
        jump: null,
        actions: ['unlisted'],
      },
      {
        from: [0],
        when: { test: 'attendance-below', percent: 90, minimumPossibleSessions: 10 },
        to: 1,
        jump: null,
      },
    ],
  };

  test('the whole diagram', () => {
    expect(ladderToMermaid(ladder)).toBe(
      [
        'stateDiagram-v2',
        '    state "Stage 0 · watch closely" as S0',
        '    state "Stage 1 · closed" as S1',
        '',
        '    [*] --> S0',
        // A row that stays without actions is labelled by its condition alone.
        '    S0 --> S0 : attendance below 95 %',
        // Its actions by name, comma separated.
        '    S0 --> S0 : attendance below 92 % (letter A, phone call)',
        // An action the ladder does not define is named by its id.
        '    S0 --> S0 : attendance below 91 % (unlisted)',
        '    S0 --> S1 : attendance below 90 %',
        '    S1 --> [*]',
        '',
      ].join('\n')
    );
  });
});
