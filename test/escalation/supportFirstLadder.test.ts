import { describe, expect, test } from 'vitest';
import {
  defineEscalationLadder,
  DFE_SUPPORT_FIRST_DEFAULTS,
  DFE_SUPPORT_FIRST_LADDER,
  explainEscalation,
  initialEscalationState,
  isoDate,
  supportFirstLadder,
  transition,
} from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationFigures,
  EscalationLadder,
  EscalationState,
  TransitionResult,
  WindowMark,
} from '../../src/index.js';

// Written from REFERENCE §7.1 (DfE's steps: expect, monitor, listen and understand, facilitate support, formalise
// support, enforce), §7.3 (three tiers: voluntary, formal, statutory; a Notice to Improve when the national
// threshold is met and support was appropriate but not engaged with or did not work, not for term-time leave,
// with an improvement period of 3 to 6 school weeks) and §3.1 (persistent absence 10 %, severe 50 %).
//
// Stages: 0 expect and monitor, 1 listen and understand, 2 facilitate support, 3 formalise support, 4 education
// supervision order, 5 notice to improve, 6 enforce, 7 warning for term-time leave, 8 severe absence (joint
// working with the LA), 9 continued monitoring.

type Accepted = Extract<TransitionResult, { ok: true }>;
const LADDER = DFE_SUPPORT_FIRST_LADDER;

/** Friday of school week n of the autumn term 2024 (week 1 ends on 6 September), counting calendar weeks. */
function friday(week: number): string {
  return new Date(Date.UTC(2024, 8, 6 + 7 * (week - 1))).toISOString().slice(0, 10);
}

function window(code: string, count: number): WindowMark[] {
  return Array.from({ length: count }, (_, index) => ({
    date: isoDate(`2024-10-${String(index + 1).padStart(2, '0')}`),
    session: 'AM' as const,
    code: code as WindowMark['code'],
  }));
}

/** A review with cumulative figures; the school weeks to date are given, or the week number by default. */
function review(
  on: string,
  possible: number,
  attended: number,
  extra: { schoolWeeks?: number; reachedOn?: string; sessions?: WindowMark[] } = {}
): EscalationEvent {
  const figures: EscalationFigures = {
    possible,
    attended,
    absent: possible - attended,
    ...(extra.schoolWeeks === undefined ? {} : { schoolWeeks: extra.schoolWeeks }),
    ...(extra.reachedOn === undefined
      ? {}
      : {
          penaltyThresholdReachedOn: isoDate(extra.reachedOn),
          penaltyThresholdSessions: extra.sessions ?? window('U', 10),
        }),
  };
  return { type: 'review', on: isoDate(on), figures };
}

function accept(state: EscalationState, event: EscalationEvent, ladder: EscalationLadder = LADDER): Accepted {
  const result = transition(state, event, ladder);
  if (!result.ok) throw new Error(`Refused ${event.type} on ${event.on}: ${result.refusal.message}`);
  return result;
}

function applyAll(state: EscalationState, events: readonly EscalationEvent[]): EscalationState {
  return events.reduce((current, event) => accept(current, event).state, state);
}

const kinds = (result: Accepted): string[] => result.actions.map((action) => action.kind);
const start = initialEscalationState('P1');

/** A pupil in facilitate support: persistent absence (4 of 40 sessions missed) in week 4. */
const FACILITATING = accept(start, review(friday(4), 40, 36, { schoolWeeks: 4 })).state;

describe('the defaults: DfE sets the persistent and severe lines, the library names the rest', () => {
  test('persistent absence 10 %, severe 50 % (DfE); at risk 5 %, Notice to Improve 6 school weeks (library)', () => {
    expect(DFE_SUPPORT_FIRST_DEFAULTS).toMatchObject({
      persistentAbsencePercent: 10,
      severeAbsencePercent: 50,
      atRiskAbsencePercent: 5,
      noticeToImproveSchoolWeeks: 6,
    });
    expect(LADDER.stages[5]!.review).toEqual({ weeks: 6, unit: 'school-weeks' });
  });

  test("the preset is a valid ladder, and its JSON is the same ladder; each stage names DfE's step", () => {
    expect(defineEscalationLadder(JSON.parse(JSON.stringify(LADDER)))).toEqual(LADDER);
    expect(LADDER.stages.map((stage) => stage.step)).toEqual([
      'monitor',
      'listen-and-understand',
      'facilitate-support',
      'formalise-support',
      'formalise-support',
      'enforce',
      'enforce',
      'enforce',
      'formalise-support',
      'monitor',
    ]);
  });

  test('options change the numbers, and a wrong one is an error naming it', () => {
    expect(supportFirstLadder({ noticeToImproveSchoolWeeks: 3 }).stages[5]!.review?.weeks).toBe(3);
    expect(() => supportFirstLadder({ atRiskAbsencePercent: 150 })).toThrow(/atRiskAbsencePercent/);
    expect(() => supportFirstLadder({ noticeToImproveSchoolWeeks: 0 })).toThrow(/noticeToImproveSchoolWeeks/);
    expect(() => supportFirstLadder({ nonsense: 1 } as never)).toThrow(/nonsense/);
  });
});

describe('expect, monitor, listen and understand', () => {
  test('absence of exactly 5 % puts a pupil at risk of persistent absence: listen and understand', () => {
    // 2 of 40 sessions missed: 5 %, the at-risk line, compared exactly.
    const result = accept(start, review(friday(4), 40, 38, { schoolWeeks: 4 }));
    expect(result.state.stage).toBe(1);
    expect(kinds(result)).toEqual(['conversation-with-family', 'explore-barriers']);
  });

  test('just below 5 % stays monitored; and nothing before 20 possible sessions', () => {
    expect(accept(start, review(friday(5), 41, 39)).state.stage).toBe(0);
    // 1 of 18: 5.6 %, but too early to say.
    expect(accept(start, review(friday(2), 18, 17)).state.stage).toBe(0);
  });

  test('listening without improvement by its review (4 weeks) leads to support', () => {
    const listening = accept(start, review(friday(4), 40, 38)).state;
    const result = accept(listening, review(friday(8), 80, 74));
    expect(result.state.stage).toBe(2);
    expect(kinds(result)).toEqual(['explore-barriers', 'offer-voluntary-support']);
  });

  test('improvement at the review leads to continued monitoring, and a decline resumes where it left off', () => {
    const listening = accept(start, review(friday(4), 40, 38)).state;
    const improved = accept(listening, review(friday(8), 80, 78));
    expect(improved.state.stage).toBe(9);
    expect(improved.state.history.at(-1)).toMatchObject({ from: 1, to: 9, jump: 'improvement' });
    const declined = accept(improved.state, review(friday(12), 120, 113));
    expect(declined.state.stage).toBe(1);
    expect(declined.state.history.at(-1)).toMatchObject({ jump: 're-entry' });
  });
});

describe('facilitate and formalise support (voluntary, then formal)', () => {
  test('persistent absence (10 %) starts support at once: barriers explored, voluntary support offered', () => {
    const result = accept(start, review(friday(4), 40, 36));
    expect(result.state.stage).toBe(2);
    expect(result.state.history.at(-1)).toMatchObject({ from: 0, to: 2, jump: 'absence-level' });
    expect(kinds(result)).toEqual(['explore-barriers', 'offer-voluntary-support']);
  });

  test('recording a barrier and an offer does the actions; the offer is kept in the support record', () => {
    const state = applyAll(FACILITATING, [
      { type: 'barrier-recorded', on: isoDate(friday(5)), barrier: 'transport' },
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
    ]);
    expect(state.completedActions).toEqual(['1:explore-barriers', '1:offer-voluntary-support']);
    expect(state.support.offers).toEqual([
      { support: 'early-help', tier: 'voluntary', offeredOn: friday(5), response: null, respondedOn: null },
    ]);
    expect(state.support.barriers).toEqual([{ on: friday(5), barrier: 'transport' }]);
  });

  test('voluntary support declined: formalise support (an attendance contract) at the next review', () => {
    const state = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-declined', on: isoDate(friday(5)), support: 'early-help' },
    ]);
    const result = accept(state, review(friday(6), 60, 54));
    expect(result.state.stage).toBe(3);
    expect(kinds(result)).toEqual(['attendance-contract']);
  });

  test('voluntary support accepted and still no improvement at its review (6 weeks): formalise', () => {
    const state = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-accepted', on: isoDate(friday(5)), support: 'early-help' },
      review(friday(9), 90, 81),
    ]);
    expect(state.stage).toBe(2);
    expect(accept(state, review(friday(10), 100, 89)).state.stage).toBe(3);
  });

  test('an attendance contract declined: an education supervision order is considered', () => {
    const formal = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-declined', on: isoDate(friday(5)), support: 'early-help' },
      review(friday(6), 60, 54),
      { type: 'support-offered', on: isoDate(friday(6)), support: 'attendance-contract', tier: 'formal' },
      { type: 'support-declined', on: isoDate(friday(7)), support: 'attendance-contract' },
    ]);
    const result = accept(formal, review(friday(7), 70, 63));
    expect(result.state.stage).toBe(4);
    expect(kinds(result)).toEqual(['consider-education-supervision-order']);
  });

  test('severe absence (50 %) is its own joint step with the local authority', () => {
    const result = accept(start, review(friday(4), 40, 20));
    expect(result.state.stage).toBe(8);
    expect(result.state.history.at(-1)).toMatchObject({ jump: 'absence-level' });
    expect(kinds(result)).toEqual(['joint-plan-with-local-authority', 'explore-barriers']);
    // 49 % absence is persistent, not severe.
    expect(accept(start, review(friday(10), 100, 51)).state.stage).toBe(2);
  });
});

describe('the national threshold: support first, a Notice to Improve, then enforcement', () => {
  test('reached before any support was offered: support first, not a penalty notice', () => {
    const result = accept(start, review(friday(6), 60, 55, { reachedOn: friday(6) }));
    expect(result.state.stage).toBe(2);
    expect(result.state.history.at(-1)).toMatchObject({ jump: 'penalty-threshold' });
  });

  test('support offered and declined, threshold met: a Notice to Improve, the final chance', () => {
    const state = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-declined', on: isoDate(friday(5)), support: 'early-help' },
    ]);
    const result = accept(state, review(friday(5), 50, 42, { reachedOn: friday(5), schoolWeeks: 5 }));
    expect(result.state.stage).toBe(5);
    expect(kinds(result)).toEqual(['notice-to-improve']);
  });

  test('an offer not yet answered is given until its review: no Notice to Improve the week after', () => {
    const state = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
    ]);
    expect(
      accept(state, review(friday(5), 50, 42, { reachedOn: friday(5), schoolWeeks: 5 })).state.stage
    ).toBe(2);
  });

  test('support engaged with but not working (no improvement at review), threshold met: a Notice to Improve', () => {
    const state = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-accepted', on: isoDate(friday(5)), support: 'early-help' },
    ]);
    const result = accept(state, review(friday(10), 100, 88, { reachedOn: friday(9), schoolWeeks: 10 }));
    expect(result.state.stage).toBe(5);
  });

  describe('the improvement period is 6 school weeks: holidays do not count', () => {
    const noticed = applyAll(FACILITATING, [
      { type: 'support-offered', on: isoDate(friday(5)), support: 'early-help', tier: 'voluntary' },
      { type: 'support-declined', on: isoDate(friday(5)), support: 'early-help' },
      review(friday(5), 50, 42, { reachedOn: friday(5), schoolWeeks: 5 }),
    ]);

    test('the same window never leads to a second notice or straight to enforcement', () => {
      const again = accept(noticed, review(friday(6), 60, 51, { reachedOn: friday(5), schoolWeeks: 6 }));
      expect(again.state.stage).toBe(5);
      expect(again.actions).toEqual([]);
    });

    test('after 5 school weeks (7 calendar weeks with a half-term), the period is not over', () => {
      const waiting = accept(noticed, review(friday(12), 100, 88, { reachedOn: friday(5), schoolWeeks: 10 }));
      expect(waiting.state.stage).toBe(5);
    });

    test('after 6 school weeks without improvement: enforcement, a penalty notice considered', () => {
      const result = accept(noticed, review(friday(13), 110, 96, { reachedOn: friday(5), schoolWeeks: 11 }));
      expect(result.state.stage).toBe(6);
      expect(kinds(result)).toEqual(['consider-penalty-notice']);
    });

    test('after 6 school weeks with improvement (95 % or more): continued monitoring', () => {
      // 58 of 60 sessions in the period.
      const result = accept(noticed, review(friday(13), 110, 100, { reachedOn: friday(5), schoolWeeks: 11 }));
      expect(result.state.stage).toBe(9);
    });

    test('a further window during the period goes to enforcement', () => {
      const result = accept(noticed, review(friday(8), 80, 68, { reachedOn: friday(8), schoolWeeks: 8 }));
      expect(result.state.stage).toBe(6);
    });

    test('a review without the school weeks is refused, naming the field', () => {
      const result = transition(noticed, review(friday(13), 110, 96), LADDER);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.refusal).toMatchObject({
        code: 'invalid-event',
        field: 'figures.schoolWeeks',
      });
    });
  });

  test('term-time leave takes the warning-letter route: no support, no Notice to Improve', () => {
    const result = accept(
      start,
      review(friday(6), 60, 50, { reachedOn: friday(6), sessions: window('G', 10) })
    );
    expect(result.state.stage).toBe(7);
    expect(kinds(result)).toEqual(['leave-warning-letter']);
    // The same holiday is answered; a further window goes to enforcement.
    const same = accept(
      result.state,
      review(friday(7), 70, 60, { reachedOn: friday(6), sessions: window('G', 10) })
    );
    expect(same.state.stage).toBe(7);
    const again = accept(
      same.state,
      review(friday(20), 200, 180, { reachedOn: friday(20), sessions: window('G', 10) })
    );
    expect(again.state.stage).toBe(6);
  });

  test('a window of leave and other absence is not term-time leave alone: the support route', () => {
    const mixed = [...window('G', 6), ...window('U', 4)];
    expect(
      accept(start, review(friday(6), 60, 50, { reachedOn: friday(6), sessions: mixed })).state.stage
    ).toBe(2);
  });

  test('support assessed as not appropriate: enforcement is considered without a Notice to Improve', () => {
    const state = accept(start, {
      type: 'support-assessed',
      on: isoDate(friday(5)),
      appropriate: false,
    }).state;
    const result = accept(state, review(friday(6), 60, 50, { reachedOn: friday(6) }));
    expect(result.state.stage).toBe(6);
    expect(kinds(result)).toEqual(['consider-penalty-notice']);
  });
});

describe('special-category data stays in the support record', () => {
  const recorded = applyAll(FACILITATING, [
    {
      type: 'barrier-recorded',
      on: isoDate(friday(5)),
      barrier: 'mental-health',
      details: 'CAMHS waiting list',
    },
    { type: 'support-offered', on: isoDate(friday(5)), support: 'camhs-early-support', tier: 'voluntary' },
    { type: 'referral-made', on: isoDate(friday(5)), service: 'school-nursing' },
    { type: 'referral-outcome', on: isoDate(friday(6)), service: 'school-nursing', outcome: 'accepted' },
  ]);

  test('the support record keeps barriers, offers and referrals', () => {
    expect(recorded.support.barriers).toEqual([
      { on: friday(5), barrier: 'mental-health', details: 'CAMHS waiting list' },
    ]);
    expect(recorded.support.referrals).toEqual([
      { service: 'school-nursing', madeOn: friday(5), outcome: 'accepted', outcomeOn: friday(6) },
    ]);
  });

  test('no history reason and no line of the explanation names a barrier, a detail or a service', () => {
    const text = [...recorded.history.map((entry) => entry.reason), explainEscalation(recorded, LADDER)].join(
      '\n'
    );
    for (const secret of ['mental-health', 'CAMHS', 'camhs', 'school-nursing'])
      expect(text).not.toContain(secret);
    expect(text).toContain('a barrier to attendance was recorded');
  });

  test('refusals do not repeat what they were given', () => {
    const badBarrier = transition(
      FACILITATING,
      {
        type: 'barrier-recorded',
        on: isoDate(friday(5)),
        barrier: 'Self Harm Disclosed',
      },
      LADDER
    );
    expect(!badBarrier.ok && badBarrier.refusal).toMatchObject({ code: 'invalid-event', field: 'barrier' });
    expect(!badBarrier.ok && badBarrier.refusal.message).not.toContain('Self Harm');
    const unknown = transition(
      FACILITATING,
      { type: 'support-accepted', on: isoDate(friday(5)), support: 'camhs' },
      LADDER
    );
    expect(!unknown.ok && unknown.refusal).toMatchObject({ code: 'unknown-support', field: 'support' });
    expect(!unknown.ok && unknown.refusal.message).not.toContain('camhs');
    const outcome = transition(
      FACILITATING,
      { type: 'referral-outcome', on: isoDate(friday(5)), service: 'housing-team', outcome: 'declined' },
      LADDER
    );
    expect(!outcome.ok && outcome.refusal).toMatchObject({ code: 'unknown-support', field: 'service' });
    expect(!outcome.ok && outcome.refusal.message).not.toContain('housing');
  });
});
