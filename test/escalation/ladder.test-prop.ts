import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  defineEscalationLadder,
  DFE_SUPPORT_FIRST_LADDER,
  initialEscalationState,
  safeDefineEscalationLadder,
  supportFirstLadder,
  transition,
  trustLadder,
} from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationLadder,
  EscalationPolicy,
  EscalationState,
  TransitionResult,
} from '../../src/index.js';
import { escalationEventsArb, escalationPolicyArb } from '../_arbitraries/escalationEvent.js';

function runAll(
  events: readonly EscalationEvent[],
  policy: EscalationPolicy | EscalationLadder
): TransitionResult[] {
  let state = initialEscalationState('P1');
  return events.map((event) => {
    const result = transition(state, event, policy);
    state = result.state;
    return result;
  });
}

describe('the trust ladder as data', () => {
  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'written to JSON and read back, it runs every event exactly as the policy it was built from',
    (events, policy) => {
      const ladder = defineEscalationLadder(JSON.parse(JSON.stringify(trustLadder(policy))));
      expect(runAll(events, ladder)).toEqual(runAll(events, policy));
    }
  );

  test.prop([escalationPolicyArb])(
    'has no dead stage: every stage is reached, and every stage has a way out',
    (policy) => {
      expect(safeDefineEscalationLadder(trustLadder(policy)).success).toBe(true);
    }
  );

  test.prop([fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true })])(
    'safeDefineEscalationLadder never throws',
    (value) => {
      expect(() => safeDefineEscalationLadder(value)).not.toThrow();
    }
  );
});

const supportFirstOptionsArb = fc.record(
  {
    atRiskAbsencePercent: fc.integer({ min: 1, max: 9 }),
    persistentAbsencePercent: fc.integer({ min: 10, max: 20 }),
    severeAbsencePercent: fc.integer({ min: 30, max: 60 }),
    minimumPossibleSessions: fc.integer({ min: 0, max: 30 }),
    listenReviewWeeks: fc.integer({ min: 1, max: 8 }),
    supportReviewWeeks: fc.integer({ min: 1, max: 8 }),
    noticeToImproveSchoolWeeks: fc.integer({ min: 3, max: 6 }),
    improvementAtLeastPercent: fc.constantFrom(90, 92.5, 95),
    declineBelowPercent: fc.constantFrom(85, 90),
  },
  { requiredKeys: [] }
);

describe("DfE's support-first ladder", () => {
  test.prop([supportFirstOptionsArb])('has no dead stage, whatever its numbers', (options) => {
    expect(safeDefineEscalationLadder(supportFirstLadder(options)).success).toBe(true);
  });

  test.prop([escalationEventsArb({ support: true }), supportFirstOptionsArb])(
    'written to JSON and read back, it runs every event exactly as before, and every state survives JSON',
    (events, options) => {
      const ladder = supportFirstLadder(options);
      const results = runAll(events, ladder);
      expect(runAll(events, defineEscalationLadder(JSON.parse(JSON.stringify(ladder))))).toEqual(results);
      for (const { state } of results) expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    }
  );

  test.prop([escalationEventsArb({ support: true })])(
    'sends each action once: no action id is made due twice in a run',
    (events) => {
      const ids = runAll(events, DFE_SUPPORT_FIRST_LADDER).flatMap((result) =>
        result.ok ? result.actions.map((action) => action.id) : []
      );
      expect(new Set(ids).size).toBe(ids.length);
    }
  );

  test.prop([escalationEventsArb({ support: true }), fc.nat()])(
    're-running is idempotent: continuing from a stored state gives the run, and a repeated review adds nothing',
    (events, at) => {
      const split = events.length === 0 ? 0 : at % events.length;
      const whole = runAll(events, DFE_SUPPORT_FIRST_LADDER);
      const stored = split === 0 ? initialEscalationState('P1') : whole[split - 1]!.state;
      let state = JSON.parse(JSON.stringify(stored)) as EscalationState;
      for (const event of events.slice(split))
        state = transition(state, event, DFE_SUPPORT_FIRST_LADDER).state;
      expect(state).toEqual(whole.at(-1)?.state ?? initialEscalationState('P1'));
      const lastReview = [...events].reverse().find((event) => event.type === 'review');
      if (lastReview !== undefined && lastReview.on >= (state.latestEventOn ?? '')) {
        const again = transition(state, lastReview, DFE_SUPPORT_FIRST_LADDER);
        const twice = again.ok ? transition(again.state, lastReview, DFE_SUPPORT_FIRST_LADDER) : again;
        expect(twice.ok ? twice.actions : []).toEqual([]);
      }
    }
  );
});
