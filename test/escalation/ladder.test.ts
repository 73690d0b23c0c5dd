import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  defineEscalationLadder,
  explainEscalation,
  initialEscalationState,
  isoDate,
  safeDefineEscalationLadder,
  transition,
  trustLadder,
} from '../../src/index.js';
import type { EscalationLadder, EscalationState, LadderStage } from '../../src/index.js';

// Ladders as data: a trust or LA writes its own stages, actions and review table as JSON; the library checks it
// and the machine runs it. A ladder that cannot work (a stage nobody can reach, a stage with no way out, an unknown
// condition or action) is refused with the place named.

/** A three-stage ladder of a fictional LA: a letter below 92 %, a meeting below 85 %, a closed case on improvement. */
const SMALL_LADDER: EscalationLadder = {
  name: 'fictional LA',
  stages: [
    { name: 'monitoring', step: 'monitor', review: null, onEntry: [] },
    { name: 'letter', step: 'listen-and-understand', review: { weeks: 3 }, onEntry: ['letter-a'] },
    { name: 'meeting', step: 'facilitate-support', review: { weeks: 6 }, onEntry: ['meeting'] },
    { name: 'closed', step: 'monitor', review: null, onEntry: [], terminal: true },
  ],
  actions: {
    'letter-a': { name: 'letter A', description: 'letter A to the family', doneBy: 'letter-sent' },
    meeting: { name: 'family meeting', description: 'a meeting with the family', doneBy: 'meeting-held' },
  },
  rules: [
    {
      from: [0],
      when: { test: 'attendance-below', percent: 92, minimumPossibleSessions: 20 },
      to: 1,
      jump: null,
    },
    { from: [1, 2], when: { test: 'review-due', improved: true, percent: 95 }, to: 3, jump: 'improvement' },
    { from: [1], when: { test: 'review-due', improved: false, percent: 95 }, to: 2, jump: null },
  ],
};

function rejected(value: unknown): AttendanceError {
  try {
    defineEscalationLadder(value);
  } catch (error) {
    if (error instanceof AttendanceError) return error;
    throw error;
  }
  throw new Error('expected the ladder to be rejected');
}

function withStages(stages: readonly LadderStage[]): EscalationLadder {
  return { ...SMALL_LADDER, stages };
}

describe('defineEscalationLadder', () => {
  test('accepts the trust ladder and a ladder of its own, unchanged, from JSON', () => {
    expect(defineEscalationLadder(JSON.parse(JSON.stringify(trustLadder())))).toEqual(trustLadder());
    expect(defineEscalationLadder(JSON.parse(JSON.stringify(SMALL_LADDER)))).toEqual(SMALL_LADDER);
  });

  test('refuses a stage that no rule can reach from stage 0', () => {
    const error = rejected({ ...SMALL_LADDER, rules: SMALL_LADDER.rules.slice(0, 2) });
    const unreachable = error.issues.find((issue) => issue.message.includes('cannot be reached'));
    expect(unreachable?.path).toEqual(['stages', 2]);
    expect(unreachable?.message).toContain('stage 2 (meeting)');
  });

  test('refuses a stage with no way out unless it is marked terminal', () => {
    const error = rejected(withStages(SMALL_LADDER.stages.map((stage) => ({ ...stage, terminal: false }))));
    expect(error.issues.map((issue) => issue.path)).toEqual([['stages', 3]]);
    expect(error.issues[0].message).toContain('has no way out');
    // Marked terminal, the closed case is accepted (SMALL_LADDER itself).
    expect(defineEscalationLadder(SMALL_LADDER).stages[3]?.terminal).toBe(true);
  });

  test('refuses an unknown condition, naming the closed set', () => {
    const error = rejected({
      ...SMALL_LADDER,
      rules: [
        { ...SMALL_LADDER.rules[0], when: { test: 'headteacher-says-so' } },
        ...SMALL_LADDER.rules.slice(1),
      ],
    });
    expect(error.issues[0].path).toEqual(['rules', 0, 'when', 'test']);
    expect(error.issues[0].message).toContain('unknown condition "headteacher-says-so"');
    expect(error.issues[0].expected).toContain('attendance-below');
  });

  test('refuses an action that is not defined, and a stage number beyond the ladder', () => {
    const error = rejected({
      ...SMALL_LADDER,
      stages: [
        SMALL_LADDER.stages[0],
        { ...SMALL_LADDER.stages[1], onEntry: ['letter-b'] },
        ...SMALL_LADDER.stages.slice(2),
      ],
      rules: [
        ...SMALL_LADDER.rules,
        { from: [2], when: { test: 'penalty-threshold-reached' }, to: 7, jump: null },
      ],
    });
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        ['stages', 1, 'onEntry', 0],
        ['rules', 3, 'to'],
      ])
    );
  });

  test('refuses a review condition in a stage that has no review period', () => {
    const error = rejected({
      ...SMALL_LADDER,
      rules: [
        ...SMALL_LADDER.rules,
        { from: [0], when: { test: 'declined', percent: 90 }, to: 1, jump: null },
      ],
    });
    expect(error.issues[0].path).toEqual(['rules', 3, 'when']);
    expect(error.issues[0].message).toContain('no review period');
  });

  test('refuses a rule leaving a terminal stage, and a penalty-notice stage without its actions', () => {
    const leaving = rejected({
      ...SMALL_LADDER,
      rules: [
        ...SMALL_LADDER.rules,
        { from: [3], when: { test: 'penalty-threshold-reached' }, to: 1, jump: null },
      ],
    });
    expect(leaving.issues[0].message).toContain('marked terminal');
    const notice = rejected(
      withStages([...SMALL_LADDER.stages.slice(0, 3), { ...SMALL_LADDER.stages[3]!, role: 'penalty-notice' }])
    );
    expect(notice.issues[0].path).toEqual(['stages', 3, 'role']);
  });

  test('the safe twin never throws, whatever it is given', () => {
    const circular: Record<string, unknown> = { name: 'loop' };
    circular['stages'] = [circular];
    for (const value of [null, 'trust', 42n, circular, { ...SMALL_LADDER, stages: [] }]) {
      const result = safeDefineEscalationLadder(value);
      expect(result.success).toBe(false);
    }
  });
});

describe('transition on a ladder of its own', () => {
  const on = (date: string) => isoDate(date);
  const step = (state: EscalationState, event: Parameters<typeof transition>[1]) => {
    const result = transition(state, event, SMALL_LADDER);
    if (!result.ok) throw new Error(result.refusal.message);
    return result;
  };

  test('runs its stages, actions and review periods: 91 % gives the letter, no improvement after 3 weeks the meeting', () => {
    const start = initialEscalationState('P1');
    // 91 of 100 sessions: below this ladder's 92 % (the trust's ladder would only warn).
    const letter = step(start, {
      type: 'review',
      on: on('2024-10-04'),
      figures: { possible: 100, attended: 91, absent: 9 },
    });
    expect(letter.state.stage).toBe(1);
    expect(letter.actions.map((action) => action.kind)).toEqual(['letter-a']);
    expect(letter.state.reviewDueOn).toBe('2024-10-25');
    const sent = step(letter.state, { type: 'letter-sent', on: on('2024-10-07'), letter: 'letter-a' });
    // Three weeks later, 27 of 30 sessions since the letter (90 %) is below 95 %: the meeting is due.
    const meeting = step(sent.state, {
      type: 'review',
      on: on('2024-10-25'),
      figures: { possible: 130, attended: 118, absent: 12 },
    });
    expect(meeting.state.stage).toBe(2);
    expect(meeting.actions.map((action) => action.kind)).toEqual(['meeting']);
    const held = step(meeting.state, { type: 'meeting-held', on: on('2024-10-28') });
    expect(held.state.completedActions).toEqual([
      `${letter.state.entry}:letter-a`,
      `${meeting.state.entry}:meeting`,
    ]);
    expect(explainEscalation(held.state, SMALL_LADDER)).toContain('Stage 1 (letter) to stage 2 (meeting)');
  });

  test('refuses what the ladder does not have: an unknown letter, a penalty notice without a notice stage', () => {
    const start = initialEscalationState('P1');
    const letter = transition(
      start,
      { type: 'letter-sent', on: on('2024-10-07'), letter: 'letter-1' },
      SMALL_LADDER
    );
    expect(letter.ok || letter.refusal).toMatchObject({ code: 'invalid-event', field: 'letter' });
    const notice = transition(
      start,
      { type: 'penalty-notice-issued', on: on('2024-10-07'), noticeId: 'PN-1', parentId: 'M' },
      SMALL_LADDER
    );
    expect(notice.ok || notice.refusal.code).toBe('wrong-stage');
    const beyond = transition(
      { ...start, stage: 4 },
      { type: 'review', on: on('2024-10-07'), figures: { possible: 1, attended: 1, absent: 0 } },
      SMALL_LADDER
    );
    expect(beyond.ok || beyond.refusal.code).toBe('invalid-event');
  });
});
