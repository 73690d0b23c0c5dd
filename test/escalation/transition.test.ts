import { describe, expect, test } from 'vitest';
import {
  defineEscalationPolicy,
  HCAT_ESCALATION_POLICY,
  initialEscalationState,
  isoDate,
  transition,
} from '../../src/index.js';
import type {
  EscalationActionKind,
  EscalationEvent,
  EscalationFigures,
  EscalationPolicy,
  EscalationRefusal,
  EscalationStage,
  EscalationState,
  TransitionResult,
} from '../../src/index.js';

// Written from the trust policy's "Managing Absence Procedures", quoted above each test, with the choices its text
// leaves open taken from the library's documented preset (HCAT_ESCALATION_POLICY): a "day" of further absence is
// 2 absent sessions, the stage 1 extension has no limit (as the text), improvement means at least 95 % attendance over
// the period under review, a decline in continued monitoring is below 90 % since it began, no letters before 20
// possible sessions, and the penalty-notice threshold at stages 0–2 goes straight to stage 4.
//
// The machine never reads a calendar: each review carries the cumulative register figures as of its date, so the
// figures below are written by hand (possible = attended + absent, all growing) and dates are plain strings.

type Accepted = Extract<TransitionResult, { ok: true }>;

/** A review with cumulative figures; `absent` is what is left of `possible` after `attended`. */
function review(
  on: string,
  possible: number,
  attended: number,
  extra: { penaltyThresholdReachedOn?: string } = {}
): EscalationEvent {
  const figures: EscalationFigures = {
    possible,
    attended,
    absent: possible - attended,
    ...(extra.penaltyThresholdReachedOn === undefined
      ? {}
      : { penaltyThresholdReachedOn: isoDate(extra.penaltyThresholdReachedOn) }),
  };
  return { type: 'review', on: isoDate(on), figures };
}

function letterSent(on: string, letter: EscalationActionKind): EscalationEvent {
  return { type: 'letter-sent', on: isoDate(on), letter };
}

function noticeIssued(on: string, noticeId: string, parentId: string): EscalationEvent {
  return { type: 'penalty-notice-issued', on: isoDate(on), noticeId, parentId };
}

function override(on: string, toStage: EscalationStage): EscalationEvent {
  return {
    type: 'override',
    on: isoDate(on),
    toStage,
    reason: 'agreed at the attendance meeting',
    by: 'PSA',
  };
}

/** Applies one event and fails the test if it is refused. */
function accept(
  state: EscalationState,
  event: EscalationEvent,
  policy: EscalationPolicy = HCAT_ESCALATION_POLICY
): Accepted {
  const result = transition(state, event, policy);
  if (!result.ok) throw new Error(`Refused ${event.type} on ${event.on}: ${result.refusal.message}`);
  return result;
}

/** Applies events in order, each of which must be accepted, and returns the final state. */
function applyAll(
  state: EscalationState,
  events: readonly EscalationEvent[],
  policy: EscalationPolicy = HCAT_ESCALATION_POLICY
): EscalationState {
  return events.reduce((current, event) => accept(current, event, policy).state, state);
}

/** Applies an event that must be refused with `code`, and checks the state comes back untouched. */
function refuse(
  state: EscalationState,
  event: EscalationEvent,
  code: EscalationRefusal['code'],
  policy: EscalationPolicy = HCAT_ESCALATION_POLICY
): EscalationRefusal {
  const before: unknown = structuredClone(state);
  const result = transition(state, event, policy);
  if (result.ok) throw new Error(`Expected ${event.type} on ${event.on} to be refused with ${code}`);
  expect(result.refusal.code).toBe(code);
  expect(result.state).toBe(state);
  expect(state).toEqual(before);
  return result.refusal;
}

const kinds = (result: Accepted): string[] => result.actions.map((action) => action.kind);
const lastEntry = (state: EscalationState) => state.history[state.history.length - 1];

// Pupils used throughout: each is a few reviews from a new state, with the stage entry dates fixed.

/** Stage 1 entered on Friday 11 October 2024 at 52 of 58 sessions (89.7 %), 6 sessions absent. */
const STAGE_ONE = applyAll(initialEscalationState('P1'), [review('2024-10-11', 58, 52)]);

/** Stage 2 entered on 22 November 2024 at 96 of 106 sessions, after 4 further sessions absent in stage 1. */
const STAGE_TWO = applyAll(STAGE_ONE, [review('2024-10-25', 78, 68), review('2024-11-22', 106, 96)]);

/** Stage 3 entered on 10 January 2025, after the plan of 28 November 2024 brought no improvement. */
const STAGE_THREE = applyAll(STAGE_TWO, [
  { type: 'plan-agreed', on: isoDate('2024-11-28') },
  review('2025-01-10', 154, 136),
]);

/** Stage 4 entered on 17 January 2025, the penalty-notice threshold having been reached on 16 January. */
const STAGE_FOUR = applyAll(STAGE_THREE, [
  review('2025-01-17', 164, 142, { penaltyThresholdReachedOn: '2025-01-16' }),
]);

/** Stage 5 entered on 7 February 2025, improved from stage 3 (39 of 40 sessions since stage 3 began). */
const STAGE_FIVE = applyAll(STAGE_THREE, [review('2025-02-07', 194, 175)]);

describe('the fixtures reach the stages they claim', () => {
  test.each([
    [STAGE_ONE, 1, '2024-10-11'],
    [STAGE_TWO, 2, '2024-11-22'],
    [STAGE_THREE, 3, '2025-01-10'],
    [STAGE_FOUR, 4, '2025-01-17'],
    [STAGE_FIVE, 5, '2025-02-07'],
  ] as const)('stage %#', (state, stage, enteredOn) => {
    expect(state.stage).toBe(stage);
    expect(state.enteredOn).toBe(enteredOn);
  });
});

describe('a pupil walked through every stage and back', () => {
  test('warning, stages 1 to 5, and re-entry after a decline', () => {
    let state = initialEscalationState('P1');
    const step = (event: EscalationEvent): Accepted => {
      const result = accept(state, event);
      state = result.state;
      return result;
    };

    // Fewer than 20 possible sessions: early-year figures swing, so nothing yet, even at 87.5 %.
    expect(step(review('2024-09-06', 8, 7)).actions).toEqual([]);
    expect(step(review('2024-09-13', 18, 17)).actions).toEqual([]);
    expect(step(review('2024-09-20', 28, 27)).actions).toEqual([]);

    // "If a student's attendance falls below 95% ... the school will issue a warning letter"
    let result = step(review('2024-09-27', 38, 36));
    expect(state.stage).toBe(0);
    expect(kinds(result)).toEqual(['initial-warning-letter']);
    expect(step(review('2024-10-04', 48, 45)).actions).toEqual([]);
    step(letterSent('2024-10-04', 'initial-warning-letter'));

    // "If further absence occurs and a student's attendance falls below 90%, a written letter will be sent
    // (Letter 1) ... the Attendance Leader will contact parents/carers ... This will be monitored for 4 weeks"
    result = step(review('2024-10-11', 58, 52));
    expect(state.stage).toBe(1);
    expect(kinds(result)).toEqual(['letter-1', 'attendance-leader-contact']);
    expect(state.reviewDueOn).toBe('2024-11-08');
    step(letterSent('2024-10-11', 'letter-1'));

    // "... one more week per day of additional absence": 4 more sessions absent, 2 days, 6 weeks in all.
    step(review('2024-10-18', 68, 62));
    step(review('2024-10-25', 78, 68));
    expect(state.reviewDueOn).toBe('2024-11-22');
    expect(step(review('2024-11-08', 86, 76)).state.stage).toBe(1);
    step(review('2024-11-15', 96, 86));

    // "At the end of the four-week period, if there is no evidence of improvement, an 'Internal School Attendance
    // Panel (ISAP) meeting' will be arranged ... (Letter 2). A further review of absence and a formalised
    // Attendance Plan will be agreed."
    result = step(review('2024-11-22', 106, 96));
    expect(state.stage).toBe(2);
    expect(kinds(result)).toEqual(['letter-2', 'attendance-panel-meeting', 'attendance-plan']);
    step(letterSent('2024-11-22', 'letter-2'));
    step({ type: 'meeting-held', on: isoDate('2024-11-28') });
    step({ type: 'plan-agreed', on: isoDate('2024-11-28') });
    expect(state.reviewDueOn).toBe('2024-12-26');
    expect(step(review('2024-12-20', 146, 130)).state.stage).toBe(2);

    // "Where there is no improvements within four weeks following the Attendance Plan, parents will be notified
    // that the matter has been referred to the Education Welfare Service (Letter 3)."
    result = step(review('2025-01-10', 154, 136));
    expect(state.stage).toBe(3);
    expect(kinds(result)).toEqual(['letter-3', 'education-welfare-referral']);
    step(letterSent('2025-01-13', 'letter-3'));
    step({ type: 'referral-made', on: isoDate('2025-01-13') });

    // "Stage 4: A Penalty Notice will be issued by the Local Authority at the point which 10 sessions (5 days) are
    // recorded as unauthorised absence"
    result = step(review('2025-01-17', 164, 142, { penaltyThresholdReachedOn: '2025-01-16' }));
    expect(state.stage).toBe(4);
    expect(kinds(result)).toEqual(['consider-penalty-notice']);
    expect(lastEntry(state)).toMatchObject({ from: 3, to: 4, jump: null });
    step(noticeIssued('2025-01-20', 'PN-1', 'M'));

    // "Stage 5: Attendance will continue to be monitored for improvement."
    result = step(review('2025-02-14', 204, 181, { penaltyThresholdReachedOn: '2025-01-16' }));
    expect(state.stage).toBe(5);
    expect(kinds(result)).toEqual(['continued-monitoring']);
    expect(lastEntry(state)).toMatchObject({ from: 4, to: 5, jump: 'improvement' });

    // "If after improvements beyond the four-week review window, there is a decline in attendance, the school has
    // the discretion to review attendance proceedings from the relevant stage based on prior intervention."
    expect(
      step(review('2025-03-07', 234, 206, { penaltyThresholdReachedOn: '2025-01-16' })).state.stage
    ).toBe(5);
    result = step(review('2025-03-14', 244, 216, { penaltyThresholdReachedOn: '2025-01-16' }));
    expect(state.stage).toBe(4);
    expect(lastEntry(state)).toMatchObject({ from: 5, to: 4, jump: 're-entry' });
    expect(kinds(result)).toEqual(['consider-penalty-notice']);

    expect(state.history.map((entry) => [entry.from, entry.to])).toEqual([
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 2],
      [2, 2],
      [2, 2],
      [2, 3],
      [3, 3],
      [3, 3],
      [3, 4],
      [4, 4],
      [4, 5],
      [5, 4],
    ]);
    expect(state.notices).toEqual([
      { id: 'PN-1', parentId: 'M', pupilId: 'P1', issuedOn: '2025-01-20', status: 'issued' },
    ]);
  });
});

describe('initial warning: "If a student\'s attendance falls below 95% ... the school will issue a warning letter"', () => {
  test('the letter is due once, with the figures, and the pupil stays at stage 0', () => {
    const result = accept(initialEscalationState('P1'), review('2024-09-27', 38, 36));
    expect(result.state.stage).toBe(0);
    expect(result.actions).toEqual([
      {
        id: '0:initial-warning-letter',
        kind: 'initial-warning-letter',
        stage: 0,
        dueOn: '2024-09-27',
        reason: expect.stringContaining('below 95 %') as unknown,
        figures: { possible: 38, attended: 36, absent: 2 },
      },
    ]);
    expect(result.state.dueActions).toEqual(['0:initial-warning-letter']);
  });

  test('repeated reviews below 95 % never repeat it, even after recovering and falling again', () => {
    let state = initialEscalationState('P1');
    const emitted: string[] = [];
    for (const event of [
      review('2024-09-27', 38, 36),
      review('2024-10-04', 48, 46),
      review('2024-10-11', 58, 56),
      review('2024-10-18', 68, 66), // 97.1 %: back above the line
      review('2024-10-25', 78, 74), // 94.9 %: below again
      review('2024-11-08', 88, 83),
    ]) {
      const result = accept(state, event);
      emitted.push(...result.actions.map((action) => action.id));
      state = result.state;
    }
    expect(emitted).toEqual(['0:initial-warning-letter']);
    expect(state.history).toHaveLength(1);
    expect(state.stage).toBe(0);
  });

  test('exactly 95.0 % is not below 95 %: no letter', () => {
    expect(accept(initialEscalationState('P1'), review('2024-10-04', 40, 38)).actions).toEqual([]);
    expect(accept(initialEscalationState('P1'), review('2025-07-18', 2000, 1900)).actions).toEqual([]);
  });

  test('94.95 % is below 95 %: the letter is due (compared unrounded, although it shows as 95.0 %)', () => {
    expect(kinds(accept(initialEscalationState('P1'), review('2025-07-18', 2000, 1899)))).toEqual([
      'initial-warning-letter',
    ]);
  });

  test('no letter before 20 possible sessions; from 20 sessions it counts', () => {
    expect(accept(initialEscalationState('P1'), review('2024-09-13', 19, 17)).actions).toEqual([]);
    expect(accept(initialEscalationState('P1'), review('2024-09-13', 19, 10)).state.stage).toBe(0);
    expect(kinds(accept(initialEscalationState('P1'), review('2024-09-13', 20, 18)))).toEqual([
      'initial-warning-letter',
    ]);
  });
});

describe('stage 1: "If further absence occurs and a student\'s attendance falls below 90%, a written letter will be sent (Letter 1)"', () => {
  test('Letter 1 and contact from the attendance leader, and a review 4 weeks later', () => {
    const result = accept(initialEscalationState('P1'), review('2024-10-11', 58, 52));
    expect(result.state).toMatchObject({
      stage: 1,
      enteredOn: '2024-10-11',
      reviewDueOn: '2024-11-08',
      extensionWeeks: 0,
      baseline: { possible: 58, attended: 52, absent: 6 },
    });
    expect(result.actions.map(({ id, kind, stage, dueOn }) => ({ id, kind, stage, dueOn }))).toEqual([
      { id: '1:letter-1', kind: 'letter-1', stage: 1, dueOn: '2024-10-11' },
      {
        id: '1:attendance-leader-contact',
        kind: 'attendance-leader-contact',
        stage: 1,
        dueOn: '2024-10-11',
      },
    ]);
    expect(lastEntry(result.state)).toMatchObject({ from: 0, to: 1, jump: null, event: 'review' });
  });

  test('exactly 90.0 % is not below 90 %: the warning letter, not stage 1', () => {
    const result = accept(initialEscalationState('P1'), review('2024-10-11', 60, 54));
    expect(result.state.stage).toBe(0);
    expect(kinds(result)).toEqual(['initial-warning-letter']);
    expect(accept(initialEscalationState('P1'), review('2025-07-18', 2000, 1800)).state.stage).toBe(0);
  });

  test('89.95 % is below 90 %: stage 1', () => {
    expect(accept(initialEscalationState('P1'), review('2025-07-18', 2000, 1799)).state.stage).toBe(1);
  });

  test('no stage 1 before 20 possible sessions, however low; at 20 sessions it starts', () => {
    expect(accept(initialEscalationState('P1'), review('2024-09-13', 19, 9)).state.stage).toBe(0);
    expect(accept(initialEscalationState('P1'), review('2024-09-13', 20, 17)).state.stage).toBe(1);
  });

  test('the letters are due once however many reviews follow', () => {
    const result = accept(STAGE_ONE, review('2024-10-18', 68, 60));
    expect(result.actions).toEqual([]);
    expect(result.state.stage).toBe(1);
    expect(result.state.dueActions).toEqual(['1:letter-1', '1:attendance-leader-contact']);
  });

  test('no move before the end of monitoring, however low attendance is', () => {
    const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 58), review('2024-11-01', 88, 70)]);
    expect(state.stage).toBe(1);
  });

  describe('"the student will continue to be monitored for one more week per day of additional absence"', () => {
    test('two further whole days absent (4 sessions) during monitoring: 4 + 2 = 6 weeks after entry', () => {
      const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 58)]);
      expect(state.extensionWeeks).toBe(2);
      expect(state.reviewDueOn).toBe('2024-11-22');
      // At 4 and 5 weeks the monitoring is still running.
      expect(accept(state, review('2024-11-08', 86, 76)).state.stage).toBe(1);
      expect(applyAll(state, [review('2024-11-15', 96, 86)]).stage).toBe(1);
      // At 6 weeks, 44 of 48 sessions since stage 1 began (91.7 %) is no improvement.
      expect(applyAll(state, [review('2024-11-15', 96, 86), review('2024-11-22', 106, 96)]).stage).toBe(2);
    });

    test('a single absent session adds nothing: the review stays 4 weeks after entry', () => {
      const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 61)]);
      expect(state.extensionWeeks).toBe(0);
      expect(state.reviewDueOn).toBe('2024-11-08');
    });

    test('a day is 2 sessions: 3 further sessions add one week', () => {
      const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 59)]);
      expect(state.extensionWeeks).toBe(1);
      expect(state.reviewDueOn).toBe('2024-11-15');
    });

    test('the preset follows the policy text: no limit, every further day adds its week', () => {
      // Seed 004: "4 weeks plus one more week per day of additional absence", with no limit written.
      expect(HCAT_ESCALATION_POLICY.maximumExtensionWeeks).toBeNull();
      const state = applyAll(STAGE_ONE, [review('2024-10-25', 78, 56)]);
      expect(state.extensionWeeks).toBe(8);
      expect(state.reviewDueOn).toBe('2025-01-03');
    });

    test('a cap, as an option, limits the extension (4 weeks: 8 weeks in all)', () => {
      const capped = defineEscalationPolicy({ maximumExtensionWeeks: 4 });
      const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 52), review('2024-10-25', 78, 56)], capped);
      expect(state.extensionWeeks).toBe(4);
      expect(state.reviewDueOn).toBe('2024-12-06');
    });
  });

  test('improvement by the end of monitoring (at least 95 % since stage 1 began) leads to stage 5', () => {
    // 19 of 20 sessions since 11 October: exactly 95 %, which is improvement.
    const result = accept(STAGE_ONE, review('2024-11-08', 78, 71));
    expect(result.state.stage).toBe(5);
    expect(lastEntry(result.state)).toMatchObject({ from: 1, to: 5, jump: 'improvement' });
    expect(kinds(result)).toEqual(['continued-monitoring']);
  });

  test('a review period without a possible session shows no lack of improvement: the review waits for one that has', () => {
    // Due on 8 November, but no session was possible since 11 October (e.g. the register ended): nothing to judge.
    const waiting = accept(STAGE_ONE, review('2024-11-08', 58, 52));
    expect(waiting.state.stage).toBe(1);
    expect(waiting.actions).toEqual([]);
    // The next review with sessions decides: 9 of 10 since stage 1 began (one session absent, less than a day, so no
    // extension) is below 95 %, no improvement, so stage 2.
    expect(accept(waiting.state, review('2024-11-15', 68, 61)).state.stage).toBe(2);
  });
});

describe('stage 2: "At the end of the four-week period, if there is no evidence of improvement, an ... (ISAP) meeting will be arranged ... (Letter 2). ... a formalised Attendance Plan will be agreed."', () => {
  test('Letter 2, the panel meeting and the plan are due on entry, with a review 4 weeks later', () => {
    const result = accept(applyAll(STAGE_ONE, [review('2024-10-25', 78, 68)]), review('2024-11-22', 106, 96));
    expect(result.actions.map((action) => action.id)).toEqual([
      '2:letter-2',
      '2:attendance-panel-meeting',
      '2:attendance-plan',
    ]);
    expect(result.state).toMatchObject({ stage: 2, enteredOn: '2024-11-22', reviewDueOn: '2024-12-20' });
    expect(lastEntry(result.state)).toMatchObject({ from: 1, to: 2, jump: null });
  });

  test('the plan, once agreed, sets the review 4 weeks after it and measures improvement from it', () => {
    // Two weeks after stage 2 began attendance is still poor; the plan is agreed after that review.
    const beforePlan = applyAll(STAGE_TWO, [review('2024-12-06', 126, 106)]);
    const planned = accept(beforePlan, { type: 'plan-agreed', on: isoDate('2024-12-06') }).state;
    expect(planned.reviewDueOn).toBe('2025-01-03');
    expect(planned.baseline).toEqual({ possible: 126, attended: 106, absent: 20 });
    expect(planned.completedActions).toContain('2:attendance-plan');
    // Four weeks after stage 2 began is not the plan's review.
    expect(accept(planned, review('2024-12-20', 146, 124)).state.stage).toBe(2);
    // At the plan's review: 38 of 40 sessions since the plan (95 %) is improvement, although since stage 2
    // began it is 48 of 60 (80 %).
    const result = accept(planned, review('2025-01-03', 166, 144));
    expect(result.state.stage).toBe(5);
    expect(lastEntry(result.state)).toMatchObject({ from: 2, to: 5, jump: 'improvement' });
  });

  test('a plan may set its own review date', () => {
    const planned = accept(STAGE_TWO, {
      type: 'plan-agreed',
      on: isoDate('2024-11-28'),
      reviewOn: isoDate('2025-01-17'),
    }).state;
    expect(planned.reviewDueOn).toBe('2025-01-17');
    expect(accept(planned, review('2025-01-10', 154, 136)).state.stage).toBe(2);
  });
});

describe('stage 3: "Where there is no improvements within four weeks following the Attendance Plan, parents will be notified that the matter has been referred to the Education Welfare Service (Letter 3)."', () => {
  test('Letter 3 and the referral are due on entry, with a review 4 weeks later', () => {
    const planned = accept(STAGE_TWO, { type: 'plan-agreed', on: isoDate('2024-11-28') }).state;
    const result = accept(planned, review('2025-01-10', 154, 136));
    expect(result.actions.map((action) => action.id)).toEqual(['3:letter-3', '3:education-welfare-referral']);
    expect(result.state).toMatchObject({ stage: 3, enteredOn: '2025-01-10', reviewDueOn: '2025-02-07' });
    expect(lastEntry(result.state)).toMatchObject({ from: 2, to: 3, jump: null });
  });

  test('at the review, exactly 95 % since stage 3 began is improvement: stage 5', () => {
    expect(accept(STAGE_THREE, review('2025-02-07', 2154, 2036)).state.stage).toBe(5);
  });

  test('at the review, 94.95 % since stage 3 began is not improvement: the pupil stays at stage 3', () => {
    const result = accept(STAGE_THREE, review('2025-02-07', 2154, 2035));
    expect(result.state.stage).toBe(3);
    expect(result.actions).toEqual([]);
  });
});

describe('stage 4: "A Penalty Notice will be issued by the Local Authority at the point which 10 sessions (5 days) are recorded as unauthorised absence"', () => {
  test('from stage 3, reaching the threshold is the next step: consider a penalty notice', () => {
    const result = accept(
      STAGE_THREE,
      review('2025-01-17', 164, 142, { penaltyThresholdReachedOn: '2025-01-16' })
    );
    expect(result.state).toMatchObject({
      stage: 4,
      reviewDueOn: '2025-02-14',
      penaltyConsideredThrough: '2025-01-16',
    });
    expect(result.actions.map((action) => action.id)).toEqual(['4:consider-penalty-notice']);
    expect(result.actions[0]?.figures?.penaltyThresholdReachedOn).toBe('2025-01-16');
    expect(lastEntry(result.state)).toMatchObject({ from: 3, to: 4, jump: null });
  });

  test.each([
    ['stage 0', initialEscalationState('P1')],
    ['stage 1', STAGE_ONE],
    ['stage 2', STAGE_TWO],
  ] as const)('from %s the threshold goes straight to stage 4 (a documented jump)', (_, state) => {
    const result = accept(state, review('2025-01-17', 164, 146, { penaltyThresholdReachedOn: '2025-01-16' }));
    expect(result.state.stage).toBe(4);
    expect(lastEntry(result.state)).toMatchObject({ from: state.stage, to: 4, jump: 'penalty-threshold' });
    expect(kinds(result)).toEqual(['consider-penalty-notice']);
  });

  test('a term-time holiday of 10 sessions in the first fortnight reaches the threshold before 20 sessions', () => {
    const result = accept(
      initialEscalationState('P1'),
      review('2024-09-13', 18, 8, { penaltyThresholdReachedOn: '2024-09-13' })
    );
    expect(result.state.stage).toBe(4);
  });

  test.each([
    ['stage 0', initialEscalationState('P1')],
    ['stage 1', STAGE_ONE],
    ['stage 2', STAGE_TWO],
  ] as const)('with skipToPenaltyNotice: false, %s does not jump', (_, state) => {
    const noSkip = defineEscalationPolicy({ skipToPenaltyNotice: false });
    const result = accept(
      state,
      review('2024-12-06', 126, 114, { penaltyThresholdReachedOn: '2024-12-05' }),
      noSkip
    );
    expect(result.state.stage).not.toBe(4);
    expect(result.state.history.every((entry) => entry.jump !== 'penalty-threshold')).toBe(true);
  });

  test('with skipToPenaltyNotice: false, stage 3 still moves to stage 4', () => {
    const noSkip = defineEscalationPolicy({ skipToPenaltyNotice: false });
    const result = accept(
      STAGE_THREE,
      review('2025-01-17', 164, 142, { penaltyThresholdReachedOn: '2025-01-16' }),
      noSkip
    );
    expect(result.state.stage).toBe(4);
  });

  test('a threshold date already acted on does not start stage 4 again; a later one does', () => {
    const same = accept(
      STAGE_FOUR,
      review('2025-01-24', 174, 152, { penaltyThresholdReachedOn: '2025-01-16' })
    );
    expect(same.actions).toEqual([]);
    expect(same.state.entry).toBe(STAGE_FOUR.entry);
    const later = accept(
      STAGE_FOUR,
      review('2025-01-31', 184, 152, { penaltyThresholdReachedOn: '2025-01-30' })
    );
    expect(later.state.stage).toBe(4);
    expect(later.state.entry).toBe(STAGE_FOUR.entry + 1);
    expect(later.actions.map((action) => action.id)).toEqual([
      `${later.state.entry}:consider-penalty-notice`,
    ]);
    expect(later.state.penaltyConsideredThrough).toBe('2025-01-30');
  });

  test('at the review, improvement since stage 4 began leads to stage 5', () => {
    const result = accept(
      STAGE_FOUR,
      review('2025-02-14', 204, 181, { penaltyThresholdReachedOn: '2025-01-16' })
    );
    expect(result.state.stage).toBe(5);
    expect(result.state.stageBeforeImprovement).toBe(4);
  });
});

describe('stage 5: "If after improvements beyond the four-week review window, there is a decline in attendance, the school has the discretion to review attendance proceedings from the relevant stage based on prior intervention."', () => {
  test('continued monitoring is due on entry, with the stage improved from remembered', () => {
    expect(STAGE_FIVE).toMatchObject({
      stage: 5,
      stageBeforeImprovement: 3,
      reviewDueOn: '2025-03-07',
      baseline: { possible: 194, attended: 175, absent: 19 },
    });
    expect(STAGE_FIVE.dueActions).toEqual([`${STAGE_FIVE.entry}:continued-monitoring`]);
    expect(lastEntry(STAGE_FIVE)).toMatchObject({ from: 3, to: 5, jump: 'improvement' });
  });

  test('a decline within the first 4 weeks does not move the pupil', () => {
    expect(accept(STAGE_FIVE, review('2025-02-28', 224, 195)).state.stage).toBe(5);
  });

  test('after 4 weeks, below 90 % since continued monitoring began: re-entry at the stage improved from', () => {
    // 35 of 40 sessions since 7 February: 87.5 %.
    const result = accept(STAGE_FIVE, review('2025-03-07', 234, 210));
    expect(result.state.stage).toBe(3);
    expect(lastEntry(result.state)).toMatchObject({ from: 5, to: 3, jump: 're-entry' });
    expect(kinds(result)).toEqual(['letter-3', 'education-welfare-referral']);
  });

  test('exactly 90 % since continued monitoring began is not a decline', () => {
    expect(accept(STAGE_FIVE, review('2025-03-07', 234, 211)).state.stage).toBe(5);
  });

  test("with reentry: 'stage-1', proceedings resume at stage 1", () => {
    const policy = defineEscalationPolicy({ reentry: 'stage-1' });
    const result = accept(STAGE_FIVE, review('2025-03-07', 234, 210), policy);
    expect(result.state.stage).toBe(1);
    expect(lastEntry(result.state)).toMatchObject({ from: 5, to: 1, jump: 're-entry' });
    expect(kinds(result)).toEqual(['letter-1', 'attendance-leader-contact']);
  });

  test('a pupil put into continued monitoring by hand from stage 0 resumes at stage 1, not stage 0', () => {
    const monitored = applyAll(initialEscalationState('P1'), [
      review('2024-09-27', 38, 37),
      override('2024-09-30', 5),
    ]);
    expect(monitored.stageBeforeImprovement).toBe(0);
    const result = accept(monitored, review('2024-10-28', 78, 67));
    expect(result.state.stage).toBe(1);
    expect(lastEntry(result.state)).toMatchObject({ from: 5, to: 1, jump: 're-entry' });
  });

  test('the penalty-notice threshold in continued monitoring resumes proceedings at stage 4', () => {
    const result = accept(
      STAGE_FIVE,
      review('2025-02-14', 204, 184, { penaltyThresholdReachedOn: '2025-02-13' })
    );
    expect(result.state.stage).toBe(4);
    expect(lastEntry(result.state)).toMatchObject({ from: 5, to: 4, jump: 're-entry' });
  });
});

describe('recorded events complete the actions that are due', () => {
  test.each([
    ['initial-warning-letter', applyAll(initialEscalationState('P1'), [review('2024-09-27', 38, 36)])],
    ['letter-1', STAGE_ONE],
    ['letter-2', STAGE_TWO],
    ['letter-3', STAGE_THREE],
  ] as const)('%s, when due, is recorded as sent', (letter, state) => {
    const result = accept(state, letterSent('2025-03-31', letter));
    const id = `${state.entry}:${letter}`;
    expect(result.state.completedActions).toContain(id);
    expect(result.state.stage).toBe(state.stage);
    expect(lastEntry(result.state)).toMatchObject({
      on: '2025-03-31',
      event: 'letter-sent',
      from: state.stage,
      to: state.stage,
      jump: null,
      actions: [],
    });
    expect(result.state.latestEventOn).toBe('2025-03-31');
  });

  test.each([
    ['letter-1 at stage 0', initialEscalationState('P1'), 'letter-1'],
    ['the initial warning letter before it is due', initialEscalationState('P1'), 'initial-warning-letter'],
    ['letter-2 at stage 1', STAGE_ONE, 'letter-2'],
    ['letter-3 at stage 2', STAGE_TWO, 'letter-3'],
    ['letter-1 at stage 2', STAGE_TWO, 'letter-1'],
    ['letter-2 at stage 5', STAGE_FIVE, 'letter-2'],
  ] as const)('%s is refused as not due', (_, state, letter) => {
    refuse(state, letterSent('2025-03-31', letter), 'not-due');
  });

  test('a letter made due in an earlier stage entry is not due after the pupil has moved on', () => {
    const warned = applyAll(initialEscalationState('P1'), [review('2024-09-27', 38, 36)]);
    const moved = applyAll(warned, [review('2024-10-11', 58, 52)]);
    refuse(moved, letterSent('2024-10-11', 'initial-warning-letter'), 'not-due');
  });

  test('the panel meeting and the plan are due at stage 2 only', () => {
    refuse(STAGE_ONE, { type: 'meeting-held', on: isoDate('2024-10-15') }, 'not-due');
    refuse(STAGE_ONE, { type: 'plan-agreed', on: isoDate('2024-10-15') }, 'not-due');
    refuse(STAGE_THREE, { type: 'meeting-held', on: isoDate('2025-01-15') }, 'not-due');
    const met = accept(STAGE_TWO, { type: 'meeting-held', on: isoDate('2024-11-26') }).state;
    expect(met.completedActions).toContain('2:attendance-panel-meeting');
  });

  test('the referral is due at stage 3 only', () => {
    refuse(STAGE_TWO, { type: 'referral-made', on: isoDate('2024-11-26') }, 'not-due');
    refuse(STAGE_FOUR, { type: 'referral-made', on: isoDate('2025-01-20') }, 'not-due');
    const referred = accept(STAGE_THREE, { type: 'referral-made', on: isoDate('2025-01-13') }).state;
    expect(referred.completedActions).toContain('3:education-welfare-referral');
  });

  test('an action already recorded as done is no longer due', () => {
    const sent = applyAll(STAGE_ONE, [letterSent('2024-10-14', 'letter-1')]);
    refuse(sent, letterSent('2024-10-15', 'letter-1'), 'not-due');
    const planned = applyAll(STAGE_TWO, [
      { type: 'meeting-held', on: isoDate('2024-11-26') },
      { type: 'plan-agreed', on: isoDate('2024-11-26') },
    ]);
    refuse(planned, { type: 'meeting-held', on: isoDate('2024-11-27') }, 'not-due');
    refuse(planned, { type: 'plan-agreed', on: isoDate('2024-11-27') }, 'not-due');
    const referred = applyAll(STAGE_THREE, [{ type: 'referral-made', on: isoDate('2025-01-13') }]);
    refuse(referred, { type: 'referral-made', on: isoDate('2025-01-14') }, 'not-due');
  });
});

describe('penalty notices: "A separate penalty notice will be issued to each parent for each child"', () => {
  test.each([
    ['stage 0', initialEscalationState('P1')],
    ['stage 1', STAGE_ONE],
    ['stage 2', STAGE_TWO],
    ['stage 3', STAGE_THREE],
    ['stage 5', STAGE_FIVE],
  ] as const)('a notice issued at %s is refused: notices belong to stage 4', (_, state) => {
    refuse(state, noticeIssued('2025-03-31', 'PN-1', 'M'), 'wrong-stage');
  });

  test('at stage 4 each parent may be issued a notice, and the consideration is recorded as done', () => {
    const state = applyAll(STAGE_FOUR, [
      noticeIssued('2025-01-20', 'PN-1', 'M'),
      noticeIssued('2025-01-20', 'PN-2', 'F'),
    ]);
    expect(state.notices).toEqual([
      { id: 'PN-1', parentId: 'M', pupilId: 'P1', issuedOn: '2025-01-20', status: 'issued' },
      { id: 'PN-2', parentId: 'F', pupilId: 'P1', issuedOn: '2025-01-20', status: 'issued' },
    ]);
    expect(state.completedActions).toContain(`${STAGE_FOUR.entry}:consider-penalty-notice`);
  });

  test('the same notice cannot be recorded twice', () => {
    const state = applyAll(STAGE_FOUR, [noticeIssued('2025-01-20', 'PN-1', 'M')]);
    refuse(state, noticeIssued('2025-01-21', 'PN-1', 'F'), 'invalid-event');
  });

  describe('the national limit: no third notice to the same parent for the same child within 3 years', () => {
    // Stage 4 three times in one year, each for a further set of sessions, with a notice to the mother each time.
    const first = applyAll(initialEscalationState('P1'), [
      review('2024-10-04', 48, 38, { penaltyThresholdReachedOn: '2024-10-03' }),
      noticeIssued('2024-10-07', 'PN-1', 'M'),
    ]);
    const second = applyAll(first, [
      review('2024-12-06', 126, 100, { penaltyThresholdReachedOn: '2024-12-05' }),
      noticeIssued('2024-12-09', 'PN-2', 'M'),
    ]);
    const third = accept(second, review('2025-03-07', 234, 190, { penaltyThresholdReachedOn: '2025-03-06' }));

    test('entering stage 4 with two notices already, other action is needed', () => {
      expect(first.stage).toBe(4);
      expect(second.stage).toBe(4);
      expect(third.state.stage).toBe(4);
      expect(kinds(third)).toEqual(['consider-penalty-notice', 'other-action-needed']);
    });

    test('with one notice, other action is not yet needed', () => {
      const result = accept(
        first,
        review('2024-12-06', 126, 100, { penaltyThresholdReachedOn: '2024-12-05' })
      );
      expect(kinds(result)).toEqual(['consider-penalty-notice']);
    });

    test('a third notice to the same parent is refused; the other parent may still be issued one', () => {
      const refusal = refuse(third.state, noticeIssued('2025-03-10', 'PN-3', 'M'), 'notice-limit-reached');
      expect(refusal.message).toContain('M');
      const issued = accept(third.state, noticeIssued('2025-03-10', 'PN-3', 'F')).state;
      expect(issued.notices.map((notice) => notice.id)).toEqual(['PN-1', 'PN-2', 'PN-3']);
    });

    test('a paid notice still counts toward the limit', () => {
      const paid = accept(third.state, {
        type: 'penalty-notice-paid',
        on: isoDate('2025-03-10'),
        noticeId: 'PN-1',
      });
      expect(paid.state.notices[0]).toEqual({
        id: 'PN-1',
        parentId: 'M',
        pupilId: 'P1',
        issuedOn: '2024-10-07',
        status: 'paid',
        paidOn: '2025-03-10',
      });
      refuse(paid.state, noticeIssued('2025-03-11', 'PN-3', 'M'), 'notice-limit-reached');
    });

    test('a withdrawn notice no longer counts toward the limit', () => {
      const withdrawn = accept(third.state, {
        type: 'penalty-notice-withdrawn',
        on: isoDate('2025-03-10'),
        noticeId: 'PN-1',
      }).state;
      expect(withdrawn.notices[0]?.status).toBe('withdrawn');
      expect(lastEntry(withdrawn)).toMatchObject({ event: 'penalty-notice-withdrawn', from: 4, to: 4 });
      const issued = accept(withdrawn, noticeIssued('2025-03-11', 'PN-3', 'M')).state;
      expect(issued.notices.map((notice) => [notice.id, notice.status])).toEqual([
        ['PN-1', 'withdrawn'],
        ['PN-2', 'issued'],
        ['PN-3', 'issued'],
      ]);
    });

    test('with a notice withdrawn before stage 4 begins again, other action is not needed', () => {
      const withdrawn = accept(second, {
        type: 'penalty-notice-withdrawn',
        on: isoDate('2025-01-06'),
        noticeId: 'PN-2',
      }).state;
      const result = accept(
        withdrawn,
        review('2025-03-07', 234, 190, { penaltyThresholdReachedOn: '2025-03-06' })
      );
      expect(kinds(result)).toEqual(['consider-penalty-notice']);
    });

    test('paying or withdrawing an unknown notice is refused', () => {
      refuse(
        third.state,
        { type: 'penalty-notice-paid', on: isoDate('2025-03-10'), noticeId: 'PN-9' },
        'unknown-notice'
      );
      refuse(
        third.state,
        { type: 'penalty-notice-withdrawn', on: isoDate('2025-03-10'), noticeId: 'PN-9' },
        'unknown-notice'
      );
    });
  });
});

describe('override: a person moves the pupil to a stage by hand', () => {
  test.each([0, 1, 2, 3, 4, 5] as const)('to stage %i, from stage 2', (toStage) => {
    const result = accept(STAGE_TWO, override('2024-12-02', toStage));
    expect(result.state.stage).toBe(toStage);
    expect(result.state.enteredOn).toBe('2024-12-02');
    expect(result.state.entry).toBe(STAGE_TWO.entry + 1);
    const entry = lastEntry(result.state);
    expect(entry).toMatchObject({
      on: '2024-12-02',
      event: 'override',
      from: 2,
      to: toStage,
      jump: 'override',
    });
    expect(entry?.reason).toContain('agreed at the attendance meeting');
    expect(entry?.reason).toContain('PSA');
    expect(entry?.actions).toEqual(result.actions.map((action) => action.id));
  });

  test("the stage's actions are due again, once", () => {
    const result = accept(STAGE_TWO, override('2024-12-02', 1));
    expect(kinds(result)).toEqual(['letter-1', 'attendance-leader-contact']);
    expect(accept(result.state, review('2024-12-06', 126, 110)).actions).toEqual([]);
  });
});

describe('review figures are cumulative: possible = attended + absent, and none of them falls', () => {
  test('figures that do not add up are refused', () => {
    refuse(
      STAGE_ONE,
      { type: 'review', on: isoDate('2024-10-18'), figures: { possible: 68, attended: 60, absent: 7 } },
      'invalid-event'
    );
    refuse(
      initialEscalationState('P1'),
      { type: 'review', on: isoDate('2024-10-18'), figures: { possible: 0, attended: 2, absent: -2 } },
      'invalid-event'
    );
  });

  test('figures below the previous review are refused (counted from another start date)', () => {
    refuse(STAGE_ONE, review('2024-10-18', 60, 50), 'invalid-event');
    refuse(STAGE_ONE, review('2024-10-18', 68, 64), 'invalid-event');
  });

  test('figures unchanged since the previous review are accepted (a week without sessions)', () => {
    expect(accept(STAGE_ONE, review('2024-10-18', 58, 52)).state.stage).toBe(1);
  });
});

describe('events come in date order', () => {
  test('an event dated before the latest is refused, and the very same state comes back', () => {
    const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 62)]);
    const before = structuredClone(state);
    const result = transition(state, letterSent('2024-10-17', 'letter-1'));
    expect(result.ok).toBe(false);
    expect(result.state).toBe(state);
    expect(state).toEqual(before);
    if (!result.ok) expect(result.refusal.code).toBe('out-of-order');
    refuse(state, review('2024-10-11', 58, 52), 'out-of-order');
    refuse(state, override('2024-10-01', 3), 'out-of-order');
  });

  test('an event on the same day as the latest is accepted', () => {
    const state = applyAll(STAGE_ONE, [review('2024-10-18', 68, 62)]);
    expect(accept(state, letterSent('2024-10-18', 'letter-1')).state.latestEventOn).toBe('2024-10-18');
  });

  test('a refused event does not move the latest date on', () => {
    const refused = transition(STAGE_ONE, letterSent('2024-12-01', 'letter-3'));
    expect(refused.state.latestEventOn).toBe('2024-10-11');
    expect(accept(refused.state, review('2024-10-18', 68, 62)).state.stage).toBe(1);
  });
});

describe('the state is plain data', () => {
  test.each([
    ['a new state', initialEscalationState('P1')],
    ['stage 1', STAGE_ONE],
    ['stage 4 with a notice', applyAll(STAGE_FOUR, [noticeIssued('2025-01-20', 'PN-1', 'M')])],
    ['stage 5', STAGE_FIVE],
  ] as const)('%s survives a JSON round trip', (_, state) => {
    expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
  });

  test('the input state is never changed', () => {
    const before = structuredClone(STAGE_TWO);
    accept(STAGE_TWO, review('2024-12-20', 146, 120));
    accept(STAGE_TWO, { type: 'plan-agreed', on: isoDate('2024-11-28') });
    accept(STAGE_TWO, override('2024-12-02', 0));
    expect(STAGE_TWO).toEqual(before);
  });
});
