import { describe, expect, test } from 'vitest';
import { HCAT_ESCALATION_POLICY, initialEscalationState, isoDate, trustLadder } from '../../src/index.js';
import type {
  EscalationFigures,
  EscalationLadder,
  EscalationState,
  LadderCondition,
  LadderRule,
  WindowMark,
} from '../../src/index.js';
import type { CaseSupport, SupportOffer } from '../../src/escalation/support/types.js';
import {
  conditionLabel,
  describeCondition,
  holds,
  percentOf,
  periodSince,
} from '../../src/escalation/ladder/conditions.js';
import type { ReviewContext } from '../../src/escalation/ladder/conditions.js';
import { ladderOf } from '../../src/escalation/ladder/ladderOf.js';
import { ruleTargets } from '../../src/escalation/ladder/ruleTargets.js';

// The closed set of ladder conditions (src/escalation/ladder/conditions.ts): how each is tested against a review
// (boundaries, support offers and their latest answer, barriers), how each is said in a case history and labelled
// in a diagram; and the two helpers the machine reads a ladder through (ruleTargets, ladderOf).

const FIGURES: EscalationFigures = { possible: 100, attended: 88, absent: 12 };

/** A review context with the given figures, support record and state changes. */
function context(
  figures: EscalationFigures = FIGURES,
  options: { support?: Partial<CaseSupport>; state?: Partial<EscalationState>; reviewDue?: boolean } = {}
): ReviewContext {
  const base = initialEscalationState('P1');
  const state: EscalationState = {
    ...base,
    ...options.state,
    support: { ...base.support, ...options.support },
  };
  return { state, on: isoDate('2024-11-01'), figures, reviewDue: options.reviewDue ?? true };
}

/** A support offer with an answer (or none). */
function offer(
  tier: SupportOffer['tier'],
  response: SupportOffer['response'],
  respondedOn: string | null = null
): SupportOffer {
  return {
    support: 'early-help',
    tier,
    offeredOn: isoDate('2024-10-01'),
    response,
    respondedOn: respondedOn === null ? null : isoDate(respondedOn),
  };
}

function supportHolds(
  status: 'offered' | 'engaged' | 'not-engaged' | 'declined',
  offers: SupportOffer[]
): boolean {
  return holds({ test: 'support', status }, context(FIGURES, { support: { offers } }));
}

describe('percentOf and periodSince', () => {
  test('a percentage of no possible sessions is said as such, not as a number', () => {
    expect(percentOf(0, 0)).toBe('no possible sessions');
    expect(percentOf(44, 50)).toBe('88.0 % (44 of 50 sessions)');
  });

  test('the period since a baseline subtracts each count, absence included', () => {
    expect(
      periodSince({ possible: 130, attended: 118, absent: 12 }, { possible: 100, attended: 91, absent: 9 })
    ).toEqual({ attended: 27, absent: 3, possible: 30 });
    expect(periodSince({ possible: 130, attended: 118, absent: 12 }, null)).toEqual({
      attended: 118,
      absent: 12,
      possible: 130,
    });
  });
});

describe('holds: attendance and absence lines', () => {
  test('absence at least a line holds from exactly the minimum of possible sessions', () => {
    const condition: LadderCondition = {
      test: 'absence-at-least',
      percent: 10,
      minimumPossibleSessions: 100,
    };
    expect(holds(condition, context({ possible: 100, attended: 90, absent: 10 }))).toBe(true);
    expect(holds(condition, context({ possible: 99, attended: 89, absent: 10 }))).toBe(false);
  });

  test('absence at least a line never holds with no possible sessions, even with no minimum', () => {
    const condition: LadderCondition = { test: 'absence-at-least', percent: 10, minimumPossibleSessions: 0 };
    expect(holds(condition, context({ possible: 0, attended: 0, absent: 0 }))).toBe(false);
    const zeroLine: LadderCondition = { test: 'absence-at-least', percent: 0, minimumPossibleSessions: 0 };
    expect(holds(zeroLine, context({ possible: 0, attended: 0, absent: 0 }))).toBe(false);
  });

  test('a decline is never found over a period without possible sessions, even if counts were corrected down', () => {
    const condition: LadderCondition = { test: 'declined', percent: 90 };
    const state = { baseline: { possible: 100, attended: 95, absent: 5 } };
    // The period has no possible sessions, and 3 fewer sessions attended than at its start.
    expect(holds(condition, context({ possible: 100, attended: 92, absent: 8 }, { state }))).toBe(false);
    expect(holds(condition, context({ possible: 110, attended: 95, absent: 15 }, { state }))).toBe(true);
  });
});

describe('holds: penalty-notice threshold by cause', () => {
  const reached = {
    possible: 100,
    attended: 80,
    absent: 20,
    penaltyThresholdReachedOn: isoDate('2024-10-20'),
  };
  const leave = (code: 'G' | 'O'): readonly WindowMark[] => [
    { date: isoDate('2024-10-20'), session: 'AM', code },
    { date: isoDate('2024-10-20'), session: 'PM', code: 'G' },
  ];

  test('without the sessions behind the window, it was not reached by term-time leave', () => {
    expect(holds({ test: 'penalty-threshold-reached', cause: 'other' }, context(reached))).toBe(true);
    expect(holds({ test: 'penalty-threshold-reached', cause: 'term-time-leave' }, context(reached))).toBe(
      false
    );
  });

  test('an empty list of sessions is not a window of term-time leave', () => {
    const figures = { ...reached, penaltyThresholdSessions: [] };
    expect(holds({ test: 'penalty-threshold-reached', cause: 'term-time-leave' }, context(figures))).toBe(
      false
    );
    expect(holds({ test: 'penalty-threshold-reached', cause: 'other' }, context(figures))).toBe(true);
  });

  test('a window is term-time leave only when every session is G', () => {
    const allLeave = { ...reached, penaltyThresholdSessions: leave('G') };
    const mixed = { ...reached, penaltyThresholdSessions: leave('O') };
    expect(holds({ test: 'penalty-threshold-reached', cause: 'term-time-leave' }, context(allLeave))).toBe(
      true
    );
    expect(holds({ test: 'penalty-threshold-reached', cause: 'other' }, context(allLeave))).toBe(false);
    expect(holds({ test: 'penalty-threshold-reached', cause: 'term-time-leave' }, context(mixed))).toBe(
      false
    );
    expect(holds({ test: 'penalty-threshold-reached', cause: 'other' }, context(mixed))).toBe(true);
  });
});

describe('holds: support offered, engaged, not engaged, declined', () => {
  test('offered holds once any offer was made', () => {
    expect(supportHolds('offered', [])).toBe(false);
    expect(supportHolds('offered', [offer('voluntary', null)])).toBe(true);
  });

  test('engaged holds when some offer was accepted, not only when every one was', () => {
    expect(supportHolds('engaged', [])).toBe(false);
    expect(supportHolds('engaged', [offer('voluntary', 'declined', '2024-10-02')])).toBe(false);
    expect(
      supportHolds('engaged', [
        offer('voluntary', 'declined', '2024-10-02'),
        offer('formal', 'accepted', '2024-10-03'),
      ])
    ).toBe(true);
  });

  test('not engaged holds for an offer declined or unanswered, and not once one is accepted', () => {
    expect(supportHolds('not-engaged', [])).toBe(false);
    expect(supportHolds('not-engaged', [offer('voluntary', null)])).toBe(true);
    expect(supportHolds('not-engaged', [offer('voluntary', 'declined', '2024-10-02')])).toBe(true);
    expect(supportHolds('not-engaged', [offer('voluntary', 'accepted', '2024-10-02')])).toBe(false);
    expect(
      supportHolds('not-engaged', [
        offer('voluntary', 'declined', '2024-10-02'),
        offer('formal', 'accepted', '2024-10-03'),
      ])
    ).toBe(false);
    expect(
      supportHolds('not-engaged', [
        offer('voluntary', 'accepted', '2024-10-02'),
        offer('formal', 'declined', '2024-10-03'),
      ])
    ).toBe(false);
  });

  test('declined reads the latest answer by date, the later of two on the same day, ignoring unanswered offers', () => {
    // The later answer is a refusal, whichever order the offers were made in.
    expect(
      supportHolds('declined', [
        offer('voluntary', 'accepted', '2024-10-02'),
        offer('formal', 'declined', '2024-10-05'),
      ])
    ).toBe(true);
    expect(
      supportHolds('declined', [
        offer('voluntary', 'declined', '2024-10-05'),
        offer('formal', 'accepted', '2024-10-02'),
      ])
    ).toBe(true);
    expect(
      supportHolds('declined', [
        offer('voluntary', 'declined', '2024-10-02'),
        offer('formal', 'accepted', '2024-10-05'),
      ])
    ).toBe(false);
    // Answers on the same day: the one recorded last counts.
    expect(
      supportHolds('declined', [
        offer('voluntary', 'accepted', '2024-10-05'),
        offer('formal', 'declined', '2024-10-05'),
      ])
    ).toBe(true);
    expect(
      supportHolds('declined', [
        offer('voluntary', 'declined', '2024-10-05'),
        offer('formal', 'accepted', '2024-10-05'),
      ])
    ).toBe(false);
    // An offer not yet answered is no answer.
    expect(
      supportHolds('declined', [offer('voluntary', null), offer('formal', 'declined', '2024-10-05')])
    ).toBe(true);
    expect(
      supportHolds('declined', [offer('formal', 'declined', '2024-10-05'), offer('voluntary', null)])
    ).toBe(true);
    expect(supportHolds('declined', [offer('voluntary', null)])).toBe(false);
    expect(supportHolds('declined', [])).toBe(false);
  });

  test('a tier limits the offers looked at', () => {
    const offers = [offer('voluntary', 'declined', '2024-10-02')];
    const withOffers = context(FIGURES, { support: { offers } });
    expect(holds({ test: 'support', status: 'offered', tier: 'formal' }, withOffers)).toBe(false);
    expect(holds({ test: 'support', status: 'offered', tier: 'voluntary' }, withOffers)).toBe(true);
    expect(holds({ test: 'support', status: 'declined', tier: 'formal' }, withOffers)).toBe(false);
    expect(holds({ test: 'support', status: 'not-engaged', tier: 'formal' }, withOffers)).toBe(false);
    expect(holds({ test: 'support', status: 'not-engaged', tier: 'voluntary' }, withOffers)).toBe(true);
  });
});

describe('holds: barriers recorded', () => {
  const recorded = context(FIGURES, {
    support: { barriers: [{ on: isoDate('2024-10-01'), barrier: 'send' }] },
  });

  test('any barrier holds once one is recorded, and not before', () => {
    expect(holds({ test: 'barrier-recorded' }, recorded)).toBe(true);
    expect(holds({ test: 'barrier-recorded' }, context())).toBe(false);
  });

  test('a barrier of a kind holds only for that kind', () => {
    expect(holds({ test: 'barrier-recorded', barrier: 'send' }, recorded)).toBe(true);
    expect(holds({ test: 'barrier-recorded', barrier: 'mental-health' }, recorded)).toBe(false);
    expect(holds({ test: 'barrier-recorded', barrier: 'send' }, context())).toBe(false);
    const two = context(FIGURES, {
      support: {
        barriers: [
          { on: isoDate('2024-10-01'), barrier: 'send' },
          { on: isoDate('2024-10-02'), barrier: 'mental-health' },
        ],
      },
    });
    expect(holds({ test: 'barrier-recorded', barrier: 'mental-health' }, two)).toBe(true);
  });
});

describe('describeCondition says why a condition holds', () => {
  test('absence at least a line, with the figures', () => {
    expect(
      describeCondition({ test: 'absence-at-least', percent: 10, minimumPossibleSessions: 20 }, context())
    ).toBe('absence 12.0 % (12 of 100 sessions) is at least 10 %');
  });

  test('the penalty-notice threshold, with its date and cause', () => {
    const figures = { ...FIGURES, penaltyThresholdReachedOn: isoDate('2024-10-20') };
    expect(describeCondition({ test: 'penalty-threshold-reached' }, context(figures))).toBe(
      'the penalty-notice threshold was reached on 2024-10-20'
    );
    expect(
      describeCondition({ test: 'penalty-threshold-reached', cause: 'term-time-leave' }, context(figures))
    ).toBe('the penalty-notice threshold was reached on 2024-10-20, by term-time leave');
    expect(describeCondition({ test: 'penalty-threshold-reached', cause: 'other' }, context(figures))).toBe(
      'the penalty-notice threshold was reached on 2024-10-20, not by term-time leave alone'
    );
    expect(describeCondition({ test: 'penalty-threshold-reached' }, context())).toBe(
      'the penalty-notice threshold was reached on an earlier date'
    );
  });

  test('support, its appropriateness and barriers are said by their label only', () => {
    const withSupport = context(FIGURES, {
      support: { offers: [offer('voluntary', 'declined', '2024-10-02')] },
    });
    expect(describeCondition({ test: 'support', status: 'declined', tier: 'voluntary' }, withSupport)).toBe(
      'voluntary support declined'
    );
    expect(describeCondition({ test: 'support-appropriate', appropriate: true }, context())).toBe(
      'support appropriate'
    );
    expect(describeCondition({ test: 'barrier-recorded', barrier: 'send' }, context())).toBe(
      'a barrier recorded (send)'
    );
  });

  test('all says every part, joined', () => {
    const condition: LadderCondition = {
      test: 'all',
      of: [
        { test: 'attendance-below', percent: 90, minimumPossibleSessions: 20 },
        { test: 'absence-at-least', percent: 10, minimumPossibleSessions: 20 },
      ],
    };
    expect(describeCondition(condition, context())).toBe(
      'attendance 88.0 % (88 of 100 sessions) is below 90 %, and absence 12.0 % (12 of 100 sessions) is at least 10 %'
    );
  });

  test('any says only the parts that hold, joined', () => {
    const condition: LadderCondition = {
      test: 'any',
      of: [
        { test: 'attendance-below', percent: 80, minimumPossibleSessions: 20 },
        { test: 'attendance-below', percent: 90, minimumPossibleSessions: 20 },
        { test: 'absence-at-least', percent: 10, minimumPossibleSessions: 20 },
      ],
    };
    expect(describeCondition(condition, context())).toBe(
      'attendance 88.0 % (88 of 100 sessions) is below 90 %, and absence 12.0 % (12 of 100 sessions) is at least 10 %'
    );
  });
});

describe('conditionLabel', () => {
  test('a barrier recorded, of any kind or of one', () => {
    expect(conditionLabel({ test: 'barrier-recorded' })).toBe('a barrier recorded');
    expect(conditionLabel({ test: 'barrier-recorded', barrier: 'mental-health' })).toBe(
      'a barrier recorded (mental-health)'
    );
  });
});

describe('ruleTargets', () => {
  const ladder = trustLadder();
  const rule = (to: LadderRule['to']): LadderRule => ({
    from: [0],
    when: { test: 'penalty-threshold-reached' },
    to,
    jump: null,
  });

  test('a rule that stays moves the pupil nowhere', () => {
    expect(ruleTargets(rule('stay'), ladder)).toEqual([]);
  });

  test('a rule to a stage moves the pupil there', () => {
    expect(ruleTargets(rule(4), ladder)).toEqual([4]);
  });

  test('a resumption goes to every stage with a rule into continued monitoring', () => {
    const small: EscalationLadder = {
      name: 'small',
      stages: [
        { name: 'a', step: 'monitor', review: null, onEntry: [] },
        { name: 'b', step: 'monitor', review: { weeks: 2 }, onEntry: [] },
        { name: 'c', step: 'monitor', review: { weeks: 2 }, onEntry: [], role: 'continued-monitoring' },
      ],
      actions: {},
      rules: [rule(1), { ...rule(2), from: [0, 1] }, { ...rule('stage-before-improvement'), from: [2] }],
    };
    expect(ruleTargets(small.rules[2]!, small)).toEqual([0, 1]);
  });
});

describe('ladderOf', () => {
  test('a ladder is run as given', () => {
    const ladder = trustLadder();
    expect(ladderOf(ladder)).toBe(ladder);
  });

  test('a policy is built into the trust ladder once, and the same ladder is given back after', () => {
    const policy = { ...HCAT_ESCALATION_POLICY };
    const first = ladderOf(policy);
    expect(first).toEqual(trustLadder(policy));
    expect(ladderOf(policy)).toBe(first);
  });
});
