import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { defineSchoolCalendar, initialEscalationState, runEscalation, transition } from '../../src/index.js';
import type { EscalationEvent, EscalationState } from '../../src/index.js';
import { ACTION_KINDS, escalationEventsArb, escalationPolicyArb } from '../_arbitraries/escalationEvent.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// `transition` is total: whatever the event (anything at all, or an event with any value in any field), it returns
// a result and never throws; a refusal leaves the state as it was given.

const anyDate = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 })
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
    ),
  fc.constantFrom('2024-02-30', '', '9999-12-31', '0000-01-01', '2024-10-11'),
  fc.anything()
);

const anyCount = fc.oneof(
  fc.nat({ max: 500 }),
  fc.constantFrom(Infinity, -Infinity, Number.NaN, -1, 0.5, Number.MAX_SAFE_INTEGER, 2 ** 60),
  fc.anything()
);

/** An event of a known type whose fields may hold anything. */
const wildEventArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      type: fc.constant('review'),
      on: anyDate,
      figures: fc.oneof(
        fc.record(
          {
            possible: anyCount,
            attended: anyCount,
            absent: anyCount,
            penaltyThresholdReachedOn: anyDate,
            penaltyThresholdSessions: fc.oneof(fc.constant([]), fc.anything()),
          },
          { requiredKeys: [] }
        ),
        fc
          .tuple(fc.nat({ max: 300 }), fc.nat({ max: 300 }))
          .map(([attended, absent]) => ({ possible: attended + absent, attended, absent })),
        fc.anything()
      ),
    },
    { requiredKeys: ['type'] }
  ),
  fc.record(
    {
      type: fc.constant('letter-sent'),
      on: anyDate,
      letter: fc.oneof(fc.constantFrom(...ACTION_KINDS), fc.anything()),
    },
    { requiredKeys: ['type'] }
  ),
  fc.record(
    {
      type: fc.constantFrom('meeting-held', 'referral-made', 'plan-agreed'),
      on: anyDate,
      reviewOn: anyDate,
    },
    { requiredKeys: ['type'] }
  ),
  fc.record(
    {
      type: fc.constantFrom('penalty-notice-issued', 'penalty-notice-paid', 'penalty-notice-withdrawn'),
      on: anyDate,
      noticeId: fc.oneof(fc.constantFrom('PN-1', 'PN-2'), fc.anything()),
      parentId: fc.oneof(fc.constantFrom('M', 'F'), fc.anything()),
    },
    { requiredKeys: ['type'] }
  ),
  fc.record(
    {
      type: fc.constant('override'),
      on: anyDate,
      toStage: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.anything()),
      reason: fc.oneof(fc.string(), fc.anything()),
      by: fc.oneof(fc.string(), fc.anything()),
    },
    { requiredKeys: ['type'] }
  ),
  fc.anything()
);

/** Good event sequences with arbitrary events mixed in. */
const mixedEventsArb: fc.Arbitrary<unknown[]> = fc
  .tuple(
    escalationEventsArb({ maxLength: 30 }),
    fc.array(fc.tuple(fc.nat(), wildEventArb), { maxLength: 15 })
  )
  .map(([good, wild]) => {
    const events: unknown[] = [...good];
    for (const [position, event] of wild) events.splice(position % (events.length + 1), 0, event);
    return events;
  });

describe('transition with arbitrary events', () => {
  test.prop([mixedEventsArb, escalationPolicyArb], { numRuns: 300 })(
    'never throws, and a refusal leaves the state as it was given',
    (events, policy) => {
      let state: EscalationState = initialEscalationState('P1');
      for (const event of events) {
        const before: unknown = structuredClone(state);
        const result = transition(state, event as EscalationEvent, policy);
        expect(state).toEqual(before);
        if (!result.ok) {
          expect(result.state).toBe(state);
          expect(result.refusal.message).not.toBe('');
        }
        state = result.state;
      }
    }
  );

  test.prop([fc.anything()], { numRuns: 1000 })('never throws on any value at all', (event) => {
    const state = initialEscalationState('P1');
    const result = transition(state, event as EscalationEvent);
    if (!result.ok) expect(result.state).toBe(state);
  });
});

describe('runEscalation with arbitrary events', () => {
  const calendar = defineSchoolCalendar(exampleCalendar);
  test.prop([fc.array(wildEventArb, { maxLength: 10 })], { numRuns: 100 })(
    'reports every event as a step and never throws',
    (events) => {
      const timeline = runEscalation([], calendar, {
        pupilId: 'P1',
        range: { from: '2024-09-02' as never, to: '2024-10-31' as never },
        events: events as EscalationEvent[],
      });
      const eventSteps = timeline.steps.filter((step) => events.includes(step.event));
      expect(eventSteps.length).toBe(events.length);
    }
  );
});
