import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  defineEscalationLadder,
  initialEscalationState,
  safeDefineEscalationLadder,
  transition,
  trustLadder,
} from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationLadder,
  EscalationPolicy,
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
