import { describe, expect, test } from 'vitest';
import { initialEscalationState, isoDate, transition } from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationFigures,
  EscalationLadder,
  EscalationPolicy,
  EscalationState,
  TransitionResult,
} from '../../src/index.js';

// The escalation state machine (src/escalation/transition.ts), pinned where the broad tests leave it loose: the
// exact refusal (code, message and field) of each event it cannot apply, the per-parent penalty-notice limit when a
// penalty-notice stage is entered again, review periods that would end after 9999-12-31 (and one that ends on it),
// ladders with review periods in school weeks or with none, and each kind of support event's record.

type Accepted = Extract<TransitionResult, { ok: true }>;
type Refused = Extract<TransitionResult, { ok: false }>;

function figures(
  possible: number,
  attended: number,
  extra: Partial<Omit<EscalationFigures, 'possible' | 'attended' | 'absent'>> = {}
): EscalationFigures {
  return { possible, attended, absent: possible - attended, ...extra };
}

function review(on: string, possible: number, attended: number, extra: Partial<EscalationFigures> = {}) {
  return { type: 'review', on: isoDate(on), figures: figures(possible, attended, extra) } as const;
}

function accepted(result: TransitionResult): Accepted {
  if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
  return result;
}

function refused(result: TransitionResult): Refused {
  if (result.ok) throw new Error('accepted');
  return result;
}

/** Applies events in turn, each of which must be accepted; the last result. */
function run(
  events: readonly EscalationEvent[],
  policy?: EscalationPolicy | EscalationLadder,
  start: EscalationState = initialEscalationState('P1')
): Accepted {
  let result: Accepted = { ok: true, state: start, actions: [] };
  for (const event of events) result = accepted(transition(result.state, event, policy));
  return result;
}

const override = (on: string, toStage: number): EscalationEvent => ({
  type: 'override',
  on: isoDate(on),
  toStage,
  by: 'head',
  reason: 'test',
});

/**
 * A ladder with no penalty-notice stage: stage 1 is reviewed after 2 school weeks, stage 2 has no review and a
 * plan that restarts one, stage 3 a plan that does not, stage 4 an action a recorded barrier does. Its first
 * plan-agreed action is on no stage.
 */
const MINI: EscalationLadder = {
  name: 'mini',
  stages: [
    { name: 'watch', step: 'monitor', review: null, onEntry: [] },
    { name: 'school weeks', step: 'monitor', review: { weeks: 2, unit: 'school-weeks' }, onEntry: ['plan'] },
    { name: 'no review', step: 'formalise-support', review: null, onEntry: ['plan-two'] },
    { name: 'fixed plan', step: 'formalise-support', review: { weeks: 3 }, onEntry: ['plan-three'] },
    { name: 'listen', step: 'listen-and-understand', review: null, onEntry: ['explore'] },
  ],
  actions: {
    orphan: { name: 'orphan plan', description: 'on no stage', doneBy: 'plan-agreed', restartsReview: true },
    plan: { name: 'plan', description: 'plan', doneBy: 'plan-agreed', restartsReview: true },
    'plan-two': { name: 'plan two', description: 'plan two', doneBy: 'plan-agreed', restartsReview: true },
    'plan-three': { name: 'plan three', description: 'plan three', doneBy: 'plan-agreed' },
    explore: { name: 'explore barriers', description: 'explore', doneBy: 'barrier-recorded' },
  },
  rules: [
    {
      from: [0],
      when: { test: 'attendance-below', percent: 90, minimumPossibleSessions: 0 },
      to: 1,
      jump: null,
    },
    {
      from: [0],
      when: { test: 'attendance-below', percent: 95, minimumPossibleSessions: 0 },
      to: 'stay',
      jump: null,
    },
    { from: [1], when: { test: 'review-due', improved: false, percent: 95 }, to: 2, jump: null },
  ],
};

/** A ladder whose penalty-notice stage is stage 1 and has no action a notice records. */
const BARE: EscalationLadder = {
  name: 'bare',
  stages: [
    { name: 'watch', step: 'monitor', review: null, onEntry: [] },
    { name: 'penalty', step: 'enforce', review: null, onEntry: ['consider'], role: 'penalty-notice' },
  ],
  actions: { consider: { name: 'consider', description: 'consider', doneBy: 'action-done' } },
  rules: [],
};

describe('a refusal names its field only when there is one', () => {
  test('an event that is not an object is refused with no field at all', () => {
    const result = refused(transition(initialEscalationState('P1'), null as unknown as EscalationEvent));
    expect(result.refusal.code).toBe('invalid-event');
    expect(result.refusal).not.toHaveProperty('field');
  });
});

describe('a state whose stage is not one of the ladder is refused, named by its stage', () => {
  test('an object state with stage 9 is named by the stage', () => {
    const state = { ...initialEscalationState('P1'), stage: 9 } as unknown as EscalationState;
    const result = refused(transition(state, review('2024-10-04', 20, 20)));
    expect(result.refusal).toEqual({ code: 'invalid-event', message: 'Unknown stage 9.' });
    expect(result.state).toBe(state);
  });

  test('a state that is not an object is named as it is', () => {
    const result = refused(transition('junk' as unknown as EscalationState, review('2024-10-04', 20, 20)));
    expect(result.refusal).toEqual({ code: 'invalid-event', message: 'Unknown stage junk.' });
  });

  test('a fractional stage in the state is unknown', () => {
    const state = { ...initialEscalationState('P1'), stage: 1.5 } as unknown as EscalationState;
    expect(refused(transition(state, review('2024-10-04', 20, 20))).refusal.message).toBe(
      'Unknown stage 1.5.'
    );
  });
});

describe('an override names a stage of the ladder: a whole number from 0 to the last', () => {
  test.each([
    [1.5, 'Unknown stage 1.5.'],
    [-1, 'Unknown stage -1.'],
    [6, 'Unknown stage 6.'],
    ['2', 'Unknown stage 2.'],
  ])('toStage %s is refused', (toStage, message) => {
    const result = refused(
      transition(initialEscalationState('P1'), override('2024-10-01', toStage as unknown as number))
    );
    expect(result.refusal).toEqual({ code: 'invalid-event', message, field: 'toStage' });
  });

  test('stage 0 and the last stage are accepted', () => {
    expect(run([override('2024-10-01', 0)]).state.stage).toBe(0);
    expect(run([override('2024-10-01', 5)]).state.stage).toBe(5);
  });
});

describe('review figures', () => {
  test('attended + absent must equal possible, refused on figures.possible', () => {
    const event = {
      type: 'review',
      on: isoDate('2024-10-04'),
      figures: { possible: 20, attended: 15, absent: 4 },
    } as const;
    expect(refused(transition(initialEscalationState('P1'), event)).refusal).toEqual({
      code: 'invalid-event',
      message:
        'Review figures must be whole sessions with attended + absent = possible; received 15 + 4 for 20.',
      field: 'figures.possible',
    });
  });

  test('attended falling is refused on figures.attended', () => {
    const start = run([review('2024-10-04', 20, 18)]).state;
    const result = refused(transition(start, review('2024-10-11', 30, 17)));
    expect(result.refusal).toEqual({
      code: 'invalid-event',
      message:
        'Review figures are cumulative and cannot fall: attended 17 after 18, absent 13 after 2. Count from the same start date as earlier reviews.',
      field: 'figures.attended',
    });
    expect(result.state).toBe(start);
  });

  test('absent falling with attended the same is refused on figures.absent', () => {
    const start = run([review('2024-10-04', 20, 18)]).state;
    const result = refused(transition(start, review('2024-10-11', 19, 18)));
    expect(result.refusal.field).toBe('figures.absent');
  });

  test('absent falling with attended growing is refused on figures.absent', () => {
    const start = run([review('2024-10-04', 20, 18)]).state;
    const result = refused(transition(start, review('2024-10-11', 20, 19)));
    expect(result.refusal.field).toBe('figures.absent');
  });
});

describe('review periods near 9999-12-31', () => {
  test('a stage entered 4 weeks before 9999-12-31 is reviewed on it', () => {
    const result = run([review('9999-12-03', 20, 17)]);
    expect(result.state.stage).toBe(1);
    expect(result.state.reviewDueOn).toBe('9999-12-31');
  });

  test('a stage entered a day later would be reviewed after it and is refused on on', () => {
    const result = refused(transition(initialEscalationState('P1'), review('9999-12-04', 20, 17)));
    expect(result.refusal).toEqual({
      code: 'invalid-event',
      message: 'Stage 1, entered on 9999-12-04, would be reviewed 4 weeks later, after 9999-12-31.',
      field: 'on',
    });
  });

  test('an extension for further absence past 9999-12-31 is refused on figures.absent', () => {
    const start = run([review('9999-11-01', 20, 17)]).state;
    expect(start.reviewDueOn).toBe('9999-11-29');
    const result = refused(transition(start, review('9999-11-08', 40, 17)));
    expect(result.refusal).toEqual({
      code: 'invalid-event',
      message:
        'Stage 1 monitoring from 9999-11-01, extended by 10 weeks for 23 absent sessions, would end after 9999-12-31.',
      field: 'figures.absent',
    });
  });

  test('a stored stage whose own period already ends after 9999-12-31 is refused on on', () => {
    const entered = run([review('9999-11-01', 20, 17)]).state;
    const stored: EscalationState = { ...entered, enteredOn: isoDate('9999-12-10'), reviewDueOn: null };
    const result = refused(transition(stored, review('9999-12-11', 30, 27)));
    expect(result.refusal).toEqual({
      code: 'invalid-event',
      message:
        'Stage 1 monitoring from 9999-12-10, extended by 0 weeks for 3 absent sessions, would end after 9999-12-31.',
      field: 'on',
    });
  });
});

describe('the stage 1 extension and stages without a date', () => {
  test('a stage with an extension but no entry date keeps the review date it has', () => {
    const stored: EscalationState = {
      ...initialEscalationState('P1'),
      stage: 1,
      reviewDueOn: isoDate('2024-11-01'),
    };
    const early = run([review('2024-10-25', 40, 36)], undefined, stored);
    expect(early.state.stage).toBe(1);
    expect(early.state.reviewDueOn).toBe('2024-11-01');
  });

  test('stage 0 entered by override has no review date and its reviews are accepted', () => {
    const result = run([override('2024-10-01', 0), review('2024-10-04', 20, 20)]);
    expect(result.state.stage).toBe(0);
    expect(result.state.reviewDueOn).toBeNull();
    expect(result.state.enteredOn).toBe('2024-10-01');
  });

  test('the review falls due on its date, not the day before, after 4 weeks with a policy of 6', () => {
    const policy: EscalationPolicy = {
      warningBelowPercent: 95,
      stageOneBelowPercent: 90,
      minimumPossibleSessions: 20,
      monitoringWeeks: 6,
      extensionWeeksPerAbsentDay: 1,
      sessionsPerAbsentDay: 2,
      maximumExtensionWeeks: null,
      planReviewWeeks: 4,
      referralReviewWeeks: 4,
      improvementAtLeastPercent: 95,
      declineBelowPercent: 90,
      reentry: 'stage-before-improvement',
      skipToPenaltyNotice: true,
    };
    const entered = run([review('2024-10-04', 20, 17)], policy);
    expect(entered.state.reviewDueOn).toBe('2024-11-15');
    const before = run([review('2024-11-14', 80, 77)], policy, entered.state);
    expect(before.state.stage).toBe(1);
    const on = run([review('2024-11-15', 80, 77)], policy, entered.state);
    expect(on.state.stage).toBe(5);
  });
});

describe('the per-parent penalty-notice limit when stage 4 is entered', () => {
  const reached = run([
    review('2024-10-04', 20, 20, { penaltyThresholdReachedOn: isoDate('2024-10-03') }),
    { type: 'penalty-notice-issued', on: isoDate('2024-10-05'), noticeId: 'N1', parentId: 'A' },
    { type: 'penalty-notice-issued', on: isoDate('2024-10-06'), noticeId: 'N2', parentId: 'A' },
  ]);

  test('re-entering stage 4 with a parent at 2 notices in 3 years adds other action needed', () => {
    expect(reached.state.stage).toBe(4);
    const again = run(
      [review('2024-10-11', 30, 30, { penaltyThresholdReachedOn: isoDate('2024-10-10') })],
      undefined,
      reached.state
    );
    expect(again.state.stage).toBe(4);
    expect(again.actions.map((action) => action.id)).toEqual([
      '2:consider-penalty-notice',
      '2:other-action-needed',
    ]);
    expect(again.state.dueActions).toEqual(['2:consider-penalty-notice', '2:other-action-needed']);
  });

  test('a third notice to the same parent is refused', () => {
    const result = refused(
      transition(reached.state, {
        type: 'penalty-notice-issued',
        on: isoDate('2024-10-07'),
        noticeId: 'N3',
        parentId: 'A',
      })
    );
    expect(result.refusal).toEqual({
      code: 'notice-limit-reached',
      message:
        'Parent A already has 2 penalty notices for this pupil within three years; other action is needed.',
    });
  });

  test('entering a stage that is not the penalty-notice stage adds no other action, at the limit', () => {
    const improved = run([review('2024-11-01', 60, 60)], undefined, reached.state);
    expect(improved.state.stage).toBe(5);
    expect(improved.actions.map((action) => action.kind)).toEqual(['continued-monitoring']);
  });

  test('withdrawn notices do not count: stage 4 entered again needs no other action', () => {
    const withdrawn = run(
      [
        { type: 'penalty-notice-withdrawn', on: isoDate('2024-10-07'), noticeId: 'N2' },
        review('2024-10-11', 30, 30, { penaltyThresholdReachedOn: isoDate('2024-10-10') }),
      ],
      undefined,
      reached.state
    );
    expect(withdrawn.actions.map((action) => action.kind)).toEqual(['consider-penalty-notice']);
  });
});

describe('penalty notices paid and withdrawn', () => {
  const issued = run([
    review('2024-10-04', 20, 20, { penaltyThresholdReachedOn: isoDate('2024-10-03') }),
    { type: 'penalty-notice-issued', on: isoDate('2024-10-05'), noticeId: 'N1', parentId: 'A' },
  ]).state;

  test('a withdrawn notice has no paid date, and the history says it was withdrawn', () => {
    const result = run(
      [{ type: 'penalty-notice-withdrawn', on: isoDate('2024-10-09'), noticeId: 'N1' }],
      undefined,
      issued
    );
    expect(result.state.notices).toStrictEqual([
      { id: 'N1', parentId: 'A', pupilId: 'P1', issuedOn: '2024-10-05', status: 'withdrawn' },
    ]);
    expect(result.state.history.at(-1)).toEqual({
      on: '2024-10-09',
      event: 'penalty-notice-withdrawn',
      from: 4,
      to: 4,
      jump: null,
      reason: 'penalty notice N1 withdrawn',
      actions: [],
    });
  });

  test('a paid notice has its paid date', () => {
    const result = run(
      [{ type: 'penalty-notice-paid', on: isoDate('2024-10-09'), noticeId: 'N1' }],
      undefined,
      issued
    );
    expect(result.state.notices).toStrictEqual([
      {
        id: 'N1',
        parentId: 'A',
        pupilId: 'P1',
        issuedOn: '2024-10-05',
        status: 'paid',
        paidOn: '2024-10-09',
      },
    ]);
    expect(result.state.history.at(-1)?.reason).toBe('penalty notice N1 paid');
  });
});

describe('a penalty notice is issued only at the penalty-notice stage', () => {
  const notice = {
    type: 'penalty-notice-issued',
    on: isoDate('2024-10-05'),
    noticeId: 'N1',
    parentId: 'A',
  } as const;

  test('the trust ladder names its stage 4', () => {
    const atOne = run([review('2024-10-04', 20, 17)]).state;
    expect(refused(transition(atOne, notice)).refusal).toEqual({
      code: 'wrong-stage',
      message: 'A penalty notice is issued at stage 4; the pupil is at stage 1.',
    });
  });

  test('a ladder whose penalty-notice stage is stage 1 names stage 1', () => {
    expect(refused(transition(initialEscalationState('P1'), notice, BARE)).refusal).toEqual({
      code: 'wrong-stage',
      message: 'A penalty notice is issued at stage 1; the pupil is at stage 0.',
    });
  });

  test('a ladder with no penalty-notice stage says so', () => {
    expect(refused(transition(initialEscalationState('P1'), notice, MINI)).refusal).toEqual({
      code: 'wrong-stage',
      message: 'The mini ladder has no penalty-notice stage.',
    });
  });

  test('at the stage, a ladder with no action a notice records refuses it as not due', () => {
    const atOne = run([override('2024-10-01', 1)], BARE).state;
    expect(refused(transition(atOne, notice, BARE)).refusal).toEqual({
      code: 'not-due',
      message: 'The bare ladder has no action recorded by a penalty-notice-issued event.',
    });
  });
});

describe('an override carries the latest figures into the actions it makes due', () => {
  test('the actions of an override have the latest review figures', () => {
    const result = run([review('2024-10-04', 20, 20), override('2024-10-07', 1)]);
    expect(result.actions.map((action) => [action.id, action.figures])).toEqual([
      ['1:letter-1', figures(20, 20)],
      ['1:attendance-leader-contact', figures(20, 20)],
    ]);
    expect(result.state.baseline).toEqual(figures(20, 20));
  });
});

describe('actions done by their events', () => {
  const atOne = run([review('2024-10-04', 20, 17)]).state;
  const atTwo = run([override('2024-10-01', 2)]).state;
  const atThree = run([override('2024-10-01', 3)]).state;

  test('action-done records the named action, even one a letter does', () => {
    const result = run(
      [{ type: 'action-done', on: isoDate('2024-10-07'), action: 'letter-1' }],
      undefined,
      atOne
    );
    expect(result.state.completedActions).toEqual(['1:letter-1']);
    expect(result.state.history.at(-1)).toEqual({
      on: '2024-10-07',
      event: 'action-done',
      from: 1,
      to: 1,
      jump: null,
      reason: 'Letter 1 done',
      actions: [],
    });
  });

  test('meeting-held records the attendance panel meeting and leaves the support record alone', () => {
    const result = run([{ type: 'meeting-held', on: isoDate('2024-10-07') }], undefined, atTwo);
    expect(result.state.completedActions).toEqual(['1:attendance-panel-meeting']);
    expect(result.state.history.at(-1)?.reason).toBe('attendance panel meeting done');
    expect(result.state.support.referrals).toEqual([]);
  });

  test('meeting-held on a ladder with no meeting is refused as not due', () => {
    expect(
      refused(
        transition(initialEscalationState('P1'), { type: 'meeting-held', on: isoDate('2024-10-07') }, MINI)
      ).refusal
    ).toEqual({
      code: 'not-due',
      message: 'The mini ladder has no action recorded by a meeting-held event.',
    });
  });

  test('a due referral with a service completes the referral action and records the referral', () => {
    const result = run(
      [{ type: 'referral-made', on: isoDate('2024-10-07'), service: 'early-help' }],
      undefined,
      atThree
    );
    expect(result.state.completedActions).toEqual(['1:education-welfare-referral']);
    expect(result.state.support.referrals).toEqual([
      { service: 'early-help', madeOn: '2024-10-07', outcome: null, outcomeOn: null },
    ]);
    expect(result.state.history.at(-1)?.reason).toBe('referral to the education welfare service done');
  });

  test('a referral to a partner service at stage 0 is recorded on its own', () => {
    const result = run([{ type: 'referral-made', on: isoDate('2024-10-07'), service: 'early-help' }]);
    expect(result.state.completedActions).toEqual([]);
    expect(result.state.support.referrals).toHaveLength(1);
    expect(result.state.history.at(-1)).toEqual({
      on: '2024-10-07',
      event: 'referral-made',
      from: 0,
      to: 0,
      jump: null,
      reason: 'a referral to a partner service was made',
      actions: [],
    });
  });

  test('the ladder’s own referral at stage 0, with no service, is not due', () => {
    expect(
      refused(transition(initialEscalationState('P1'), { type: 'referral-made', on: isoDate('2024-10-07') }))
        .refusal
    ).toEqual({
      code: 'not-due',
      message: 'No referral to the education welfare service is due at stage 0.',
    });
  });

  test('a referral with no service on a ladder with no referral action is refused as not due', () => {
    expect(
      refused(
        transition(initialEscalationState('P1'), { type: 'referral-made', on: isoDate('2024-10-07') }, BARE)
      ).refusal
    ).toEqual({
      code: 'not-due',
      message: 'The bare ladder has no action recorded by a referral-made event.',
    });
  });
});

describe('referral outcomes and support', () => {
  const referred = run([{ type: 'referral-made', on: isoDate('2024-10-07'), service: 'early-help' }]).state;

  test('the outcome of a recorded referral is recorded', () => {
    const result = run(
      [{ type: 'referral-outcome', on: isoDate('2024-10-14'), service: 'early-help', outcome: 'accepted' }],
      undefined,
      referred
    );
    expect(result.state.support.referrals).toEqual([
      { service: 'early-help', madeOn: '2024-10-07', outcome: 'accepted', outcomeOn: '2024-10-14' },
    ]);
    expect(result.state.history.at(-1)?.reason).toBe('the outcome of a referral was recorded: accepted');
  });

  test('the outcome of an unrecorded referral is refused on service', () => {
    const result = refused(
      transition(referred, {
        type: 'referral-outcome',
        on: isoDate('2024-10-14'),
        service: 'school-nursing',
        outcome: 'accepted',
      })
    );
    expect(result.refusal).toEqual({
      code: 'unknown-support',
      message: 'No referral to that service is recorded for this pupil.',
      field: 'service',
    });
  });

  test('a barrier without details is recorded with no details field', () => {
    const result = run([{ type: 'barrier-recorded', on: isoDate('2024-10-07'), barrier: 'transport' }]);
    expect(result.state.support.barriers).toStrictEqual([{ on: '2024-10-07', barrier: 'transport' }]);
    expect(result.state.history.at(-1)?.reason).toBe('a barrier to attendance was recorded');
  });

  test('a barrier with details keeps them', () => {
    const result = run([
      { type: 'barrier-recorded', on: isoDate('2024-10-07'), barrier: 'transport', details: 'bus withdrawn' },
    ]);
    expect(result.state.support.barriers).toStrictEqual([
      { on: '2024-10-07', barrier: 'transport', details: 'bus withdrawn' },
    ]);
  });

  test('support assessed as appropriate and as not appropriate say so', () => {
    const yes = run([{ type: 'support-assessed', on: isoDate('2024-10-07'), appropriate: true }]);
    expect(yes.state.history.at(-1)?.reason).toBe('support was assessed as appropriate');
    expect(yes.state.support.assessment).toEqual({ on: '2024-10-07', appropriate: true });
    const no = run([{ type: 'support-assessed', on: isoDate('2024-10-07'), appropriate: false }]);
    expect(no.state.history.at(-1)?.reason).toBe('support was assessed as not appropriate');
  });

  const offered = run([
    { type: 'support-offered', on: isoDate('2024-10-07'), support: 'mentoring', tier: 'voluntary' },
  ]);

  test('support offered is recorded, named by its tier', () => {
    expect(offered.state.support.offers).toHaveLength(1);
    expect(offered.state.history.at(-1)?.reason).toBe('voluntary support was offered');
  });

  test('support accepted and declined say which', () => {
    const accept = run(
      [{ type: 'support-accepted', on: isoDate('2024-10-08'), support: 'mentoring' }],
      undefined,
      offered.state
    );
    expect(accept.state.history.at(-1)?.reason).toBe('support offered was accepted');
    expect(accept.state.support.offers[0]?.response).toBe('accepted');
    const decline = run(
      [{ type: 'support-declined', on: isoDate('2024-10-08'), support: 'mentoring' }],
      undefined,
      offered.state
    );
    expect(decline.state.history.at(-1)?.reason).toBe('support offered was declined');
  });

  test('an answer to support never offered is refused on support', () => {
    const result = refused(
      transition(offered.state, { type: 'support-accepted', on: isoDate('2024-10-08'), support: 'tutoring' })
    );
    expect(result.refusal).toEqual({
      code: 'unknown-support',
      message: 'No offer of that support is recorded for this pupil.',
      field: 'support',
    });
  });

  test('a state stored before the support record existed continues with an empty one', () => {
    const old = Object.fromEntries(
      Object.entries(initialEscalationState('P1')).filter(([key]) => key !== 'support')
    ) as unknown as EscalationState;
    expect(old).not.toHaveProperty('support');
    const result = run([review('2024-10-04', 20, 20)], undefined, old);
    expect(result.state.support).toEqual({ barriers: [], assessment: null, offers: [], referrals: [] });
    expect(result.state.pupilId).toBe('P1');
  });

  test('a state with a support record keeps it through other events', () => {
    const result = run([review('2024-10-11', 20, 20)], undefined, offered.state);
    expect(result.state.support.offers).toHaveLength(1);
  });
});

describe('plans agreed on the trust ladder', () => {
  test('a plan restarts the stage 2 review 4 weeks after it is agreed, from the latest figures', () => {
    const atTwo = run([review('2024-09-27', 20, 20), override('2024-10-01', 2)]).state;
    const result = run([{ type: 'plan-agreed', on: isoDate('2024-10-10') }], undefined, atTwo);
    expect(result.state.reviewDueOn).toBe('2024-11-07');
    expect(result.state.completedActions).toEqual(['1:attendance-plan']);
    expect(result.state.baseline).toEqual(figures(20, 20));
  });

  test('a plan whose review would end after 9999-12-31 is refused on on', () => {
    const atTwo = run([override('9999-12-01', 2)]).state;
    expect(atTwo.reviewDueOn).toBe('9999-12-29');
    const result = refused(transition(atTwo, { type: 'plan-agreed', on: isoDate('9999-12-10') }));
    expect(result.refusal).toEqual({
      code: 'invalid-event',
      message: 'A plan agreed on 9999-12-10 would be reviewed 4 weeks later, after 9999-12-31.',
      field: 'on',
    });
  });

  test('a plan on a ladder with no plan action is refused as not due', () => {
    expect(
      refused(
        transition(initialEscalationState('P1'), { type: 'plan-agreed', on: isoDate('2024-10-10') }, BARE)
      ).refusal
    ).toEqual({ code: 'not-due', message: 'The bare ladder has no action recorded by a plan-agreed event.' });
  });
});

describe('plans on a ladder with other review periods', () => {
  test('a plan action on no stage, when none is due, is refused as not due', () => {
    expect(
      refused(
        transition(initialEscalationState('P1'), { type: 'plan-agreed', on: isoDate('2024-10-10') }, MINI)
      ).refusal
    ).toEqual({ code: 'not-due', message: 'No orphan plan is due at stage 0.' });
  });

  test('a stage in school weeks needs the school weeks in each review', () => {
    const atOne = run([review('2024-09-13', 10, 8, { schoolWeeks: 1 })], MINI).state;
    expect(atOne.stage).toBe(1);
    expect(refused(transition(atOne, review('2024-09-20', 20, 18), MINI)).refusal).toEqual({
      code: 'invalid-event',
      message:
        'Stage 1 is reviewed after 2 school weeks, so its reviews need figures.schoolWeeks (the school weeks to date, as runEscalation gives them).',
      field: 'figures.schoolWeeks',
    });
  });

  test('a plan in a stage reviewed in school weeks moves the baseline to the latest figures, with no date', () => {
    const atOne = run(
      [review('2024-09-13', 10, 8, { schoolWeeks: 1 }), review('2024-09-20', 20, 18, { schoolWeeks: 2 })],
      MINI
    ).state;
    expect(atOne.stage).toBe(1);
    expect(atOne.baseline).toEqual(figures(10, 8, { schoolWeeks: 1 }));
    const result = run([{ type: 'plan-agreed', on: isoDate('2024-09-23') }], MINI, atOne);
    expect(result.state.completedActions).toEqual(['1:plan']);
    expect(result.state.baseline).toEqual(figures(20, 18, { schoolWeeks: 2 }));
    expect(result.state.reviewDueOn).toBeNull();
    // Two school weeks after the plan, not after the stage began.
    const third = run([review('2024-09-27', 30, 28, { schoolWeeks: 3 })], MINI, result.state);
    expect(third.state.stage).toBe(1);
    const fourth = run([review('2024-10-04', 40, 36, { schoolWeeks: 4 })], MINI, result.state);
    expect(fourth.state.stage).toBe(2);
  });

  test('a restarting plan in a stage with no review keeps no review date', () => {
    const atTwo = run([override('2024-10-01', 2)], MINI).state;
    expect(atTwo.reviewDueOn).toBeNull();
    const result = run([{ type: 'plan-agreed', on: isoDate('2024-10-10') }], MINI, atTwo);
    expect(result.state.completedActions).toEqual(['1:plan-two']);
    expect(result.state.reviewDueOn).toBeNull();
    expect(result.state.baseline).toBeNull();
  });

  test('a plan that does not restart the review leaves its date and baseline', () => {
    const atThree = run([review('2024-09-27', 20, 20), override('2024-10-01', 3)], MINI).state;
    expect(atThree.reviewDueOn).toBe('2024-10-22');
    const later = run(
      [review('2024-10-04', 30, 30), { type: 'plan-agreed', on: isoDate('2024-10-08') }],
      MINI,
      atThree
    );
    expect(later.state.completedActions).toEqual(['1:plan-three']);
    expect(later.state.reviewDueOn).toBe('2024-10-22');
    expect(later.state.baseline).toEqual(figures(20, 20));
  });

  test('a rule that stays with no actions makes none due and writes no history', () => {
    const result = run([review('2024-09-13', 100, 93)], MINI);
    expect(result.state.stage).toBe(0);
    expect(result.actions).toEqual([]);
    expect(result.state.dueActions).toEqual([]);
    expect(result.state.history).toEqual([]);
  });

  test('a barrier recorded when exploring barriers is due does that action, once', () => {
    const atFour = run([override('2024-10-01', 4)], MINI).state;
    const barrier: EscalationEvent = {
      type: 'barrier-recorded',
      on: isoDate('2024-10-02'),
      barrier: 'transport',
    };
    const first = run([barrier], MINI, atFour);
    expect(first.state.completedActions).toEqual(['1:explore']);
    expect(first.state.support.barriers).toHaveLength(1);
    expect(first.state.history.at(-1)).toEqual({
      on: '2024-10-02',
      event: 'barrier-recorded',
      from: 4,
      to: 4,
      jump: null,
      reason: 'explore barriers done: a barrier to attendance was recorded',
      actions: [],
    });
    const second = run([barrier], MINI, first.state);
    expect(second.state.completedActions).toEqual(['1:explore']);
    expect(second.state.support.barriers).toHaveLength(2);
    expect(second.state.history.at(-1)?.reason).toBe('a barrier to attendance was recorded');
  });
});
