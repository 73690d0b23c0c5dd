import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import {
  defineSchoolCalendar,
  DFE_SUPPORT_FIRST_LADDER,
  eachSessionSlot,
  HCAT_ESCALATION_POLICY,
  isoDate,
  runEscalation,
} from '../../src/index.js';
import type {
  EscalationEvent,
  EscalationLadder,
  EscalationPolicy,
  IsoDate,
  SessionMark,
} from '../../src/index.js';

// A weekly job saves each pupil's state and continues from it next week (`reviewedThrough`). Continuing must give
// exactly the state that running the whole period again with every event gives, whatever the register, the
// events people recorded, the ladder and the two dates.

const calendar = defineSchoolCalendar(exampleCalendar);
const START = isoDate('2024-09-02');
const slots = eachSessionSlot(calendar, { from: START, to: isoDate('2024-12-20') });
const days = [...new Set(slots.map((slot) => slot.date))];

const registerArb = fc
  .array(fc.constantFrom('/', '/', '/', 'O', 'I', 'G', 'L', 'U'), {
    minLength: slots.length,
    maxLength: slots.length,
  })
  .map((codes): SessionMark[] =>
    slots.map(({ date, session }, index) => {
      const code = codes[index]!;
      return { date, session, code: code === '/' && session === 'PM' ? '\\' : code };
    })
  );

const dayArb = fc.integer({ min: 0, max: days.length - 1 }).map((index) => days[index]!);

function recordedEventArb(ladder: EscalationLadder | EscalationPolicy): fc.Arbitrary<EscalationEvent> {
  const kinds =
    'stages' in ladder
      ? Object.keys(ladder.actions)
      : [
          'initial-warning-letter',
          'letter-1',
          'attendance-leader-contact',
          'letter-2',
          'attendance-panel-meeting',
          'letter-3',
          'education-welfare-referral',
          'consider-penalty-notice',
        ];
  const stages = 'stages' in ladder ? ladder.stages.length : 6;
  return fc.oneof(
    fc.record({ type: fc.constant('letter-sent' as const), on: dayArb, letter: fc.constantFrom(...kinds) }),
    fc.record({ type: fc.constant('action-done' as const), on: dayArb, action: fc.constantFrom(...kinds) }),
    fc.record({ type: fc.constant('meeting-held' as const), on: dayArb }),
    fc.record({ type: fc.constant('plan-agreed' as const), on: dayArb }),
    fc.record({ type: fc.constant('referral-made' as const), on: dayArb }),
    fc.record({
      type: fc.constant('support-offered' as const),
      on: dayArb,
      support: fc.constantFrom('early-help', 'school-nurse'),
      tier: fc.constantFrom('voluntary' as const, 'formal' as const),
    }),
    fc.record({
      type: fc.constant('support-declined' as const),
      on: dayArb,
      support: fc.constantFrom('early-help', 'school-nurse'),
    }),
    fc.record({
      type: fc.constant('override' as const),
      on: dayArb,
      toStage: fc.integer({ min: 0, max: stages - 1 }),
      reason: fc.constant('Agreed at panel'),
      by: fc.constant('AB'),
    })
  );
}

const caseArb = fc
  .constantFrom<EscalationLadder | EscalationPolicy>(HCAT_ESCALATION_POLICY, DFE_SUPPORT_FIRST_LADDER)
  .chain((policy) =>
    fc.record({
      policy: fc.constant(policy),
      register: registerArb,
      events: fc.array(recordedEventArb(policy), { maxLength: 12 }),
      dates: fc.tuple(dayArb, dayArb).map(([a, b]): [IsoDate, IsoDate] => (a <= b ? [a, b] : [b, a])),
    })
  );

describe('continuing a saved escalation state', () => {
  test.prop([caseArb])(
    'gives the state that running the whole period again gives',
    ({ policy, register, events, dates }) => {
      const [savedOn, asOf] = dates;
      const options = { pupilId: 'P1', policy };
      const whole = runEscalation(register, calendar, {
        ...options,
        range: { from: START, to: asOf },
        events: events.filter((event) => event.on <= asOf),
      });
      const saved = runEscalation(register, calendar, {
        ...options,
        range: { from: START, to: savedOn },
        events: events.filter((event) => event.on <= savedOn),
      });
      const through = saved.state.latestEventOn;
      fc.pre(through !== null);
      const continued = runEscalation(register, calendar, {
        ...options,
        range: { from: START, to: asOf },
        initialState: saved.state,
        reviewedThrough: through,
        events: events.filter((event) => event.on > savedOn && event.on <= asOf),
      });
      expect(continued.state).toEqual(whole.state);
      // The actions made due after the saved date are those of the whole run after it.
      const before = new Set(saved.actions.map((action) => action.id));
      expect(continued.actions.map((action) => action.id)).toEqual(
        whole.actions.map((action) => action.id).filter((id) => !before.has(id))
      );
    }
  );
});
