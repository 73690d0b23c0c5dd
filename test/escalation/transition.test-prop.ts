import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { HCAT_ESCALATION_POLICY, initialEscalationState, transition } from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationFigures,
  EscalationPolicy,
  EscalationRefusal,
  EscalationState,
  TransitionResult,
} from '../../src/index.js';
import { escalationEventsArb, escalationPolicyArb } from '../_arbitraries/escalationEvent.js';

// Laws of the escalation machine over random sequences of dated events (reviews with growing figures, threshold
// dates, letters, meetings, plans, referrals, notices and overrides, due or not, some out of order), under the trust
// preset and variants of it. They hold whatever the figures: the machine is total, deterministic and plain data,
// never skips a stage without a documented jump, and sends each action once.

const REFUSAL_CODES: readonly EscalationRefusal['code'][] = [
  'out-of-order',
  'wrong-stage',
  'unknown-notice',
  'notice-limit-reached',
  'not-due',
  'invalid-event',
];

interface Run {
  readonly final: EscalationState;
  readonly results: readonly TransitionResult[];
}

/** Folds `transition` over the events; `between` may replace each state before the next event. */
function run(
  events: readonly EscalationEvent[],
  policy: EscalationPolicy,
  between: (state: EscalationState) => EscalationState = (state) => state
): Run {
  let state = initialEscalationState('P1');
  const results: TransitionResult[] = [];
  for (const event of events) {
    const result = transition(state, event, policy);
    results.push(result);
    state = between(result.state);
  }
  return { final: state, results };
}

/** Whether a review's figures add up and do not fall below the previous review's. */
function figuresFollow(previous: EscalationFigures | null, figures: EscalationFigures): boolean {
  return (
    figures.attended + figures.absent === figures.possible &&
    (previous === null || (figures.attended >= previous.attended && figures.absent >= previous.absent))
  );
}

const emittedIds = (results: readonly TransitionResult[]): string[] =>
  results.flatMap((result) => (result.ok ? result.actions.map((action) => action.id) : []));

describe('transition', () => {
  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'is total: every event is applied or refused with a typed refusal, the state untouched',
    (events, policy) => {
      let state = initialEscalationState('P1');
      for (const event of events) {
        const before: unknown = structuredClone(state);
        const result = transition(state, event, policy);
        expect(state).toEqual(before);
        const outOfOrder = state.latestEventOn !== null && event.on < state.latestEventOn;
        const badFigures = event.type === 'review' && !figuresFollow(state.latestFigures, event.figures);
        if (result.ok) {
          expect([outOfOrder, badFigures]).toEqual([false, false]);
          expect(result.state.latestEventOn).toBe(event.on);
        } else {
          expect(REFUSAL_CODES).toContain(result.refusal.code);
          expect(result.refusal.message).not.toBe('');
          expect(result.state).toBe(state);
          expect(result.refusal.code === 'out-of-order').toBe(outOfOrder);
          if (!outOfOrder && badFigures) expect(result.refusal.code).toBe('invalid-event');
          if (event.type === 'review') expect(outOfOrder || badFigures).toBe(true);
        }
        state = result.state;
      }
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb], { numRuns: 100 })(
    'is deterministic: the same events give deep-equal results',
    (events, policy) => {
      expect(run(events, policy)).toEqual(run(events, policy));
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb], { numRuns: 100 })(
    'every state survives a JSON round trip',
    (events, policy) => {
      for (const result of run(events, policy).results) {
        expect(JSON.parse(JSON.stringify(result.state))).toStrictEqual(result.state);
      }
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb], { numRuns: 100 })(
    'replaying from JSON round-tripped states gives the same final state and actions',
    (events, policy) => {
      const direct = run(events, policy);
      const replayed = run(events, policy, (state) => JSON.parse(JSON.stringify(state)) as EscalationState);
      expect(replayed.final).toEqual(direct.final);
      expect(emittedIds(replayed.results)).toEqual(emittedIds(direct.results));
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'no stage is skipped except by a documented jump',
    (events, policy) => {
      for (const entry of run(events, policy).final.history) {
        if (entry.from !== entry.to && entry.jump === null) {
          expect([
            [0, 1],
            [1, 2],
            [2, 3],
            [3, 4],
          ]).toContainEqual([entry.from, entry.to]);
        }
        if (entry.jump === 'penalty-threshold') expect([entry.from < 3, entry.to]).toEqual([true, 4]);
        if (entry.jump === 'improvement')
          expect([entry.from >= 1 && entry.from <= 4, entry.to]).toEqual([true, 5]);
        if (entry.jump === 're-entry') expect(entry.from).toBe(5);
        if (entry.jump === 'override') expect(entry.event).toBe('override');
        if (entry.event === 'override') expect(entry.jump).toBe('override');
      }
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'the jump to stage 4 from stages 0 to 2 happens only when the policy allows it',
    (events, policy) => {
      const jumps = run(events, policy).final.history.filter((entry) => entry.jump === 'penalty-threshold');
      if (!policy.skipToPenaltyNotice) expect(jumps).toEqual([]);
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'no action id is emitted twice over a run, and each is due in the state it leads to',
    (events, policy) => {
      const { results } = run(events, policy);
      const ids = emittedIds(results);
      expect(new Set(ids).size).toBe(ids.length);
      for (const result of results) {
        if (!result.ok) continue;
        for (const action of result.actions) {
          expect(action.id).toBe(`${result.state.entry}:${action.kind}`);
          expect(result.state.dueActions).toContain(action.id);
        }
      }
    }
  );

  test.prop([escalationEventsArb(), escalationPolicyArb])(
    'the stage is always 0 to 5, and the history only grows, in date order',
    (events, policy) => {
      let previous = initialEscalationState('P1');
      for (const result of run(events, policy).results) {
        const { state } = result;
        expect([0, 1, 2, 3, 4, 5]).toContain(state.stage);
        expect(state.history.slice(0, previous.history.length)).toEqual(previous.history);
        const dates = state.history.map((entry) => entry.on);
        expect(dates).toEqual([...dates].sort());
        if (result.ok && result.actions.length > 0) {
          expect(state.history[state.history.length - 1]?.actions).toEqual(
            result.actions.map((action) => action.id)
          );
        }
        previous = state;
      }
    }
  );

  test.prop([escalationEventsArb({ maxLength: 30 })], { numRuns: 100 })(
    'the preset is the default policy',
    (events) => {
      expect(run(events, HCAT_ESCALATION_POLICY).final).toEqual(
        events.reduce((state, event) => transition(state, event).state, initialEscalationState('P1'))
      );
    }
  );
});
