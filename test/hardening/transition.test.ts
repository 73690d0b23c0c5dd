import { describe, expect, test } from 'vitest';
import {
  defineEscalationPolicy,
  defineSchoolCalendar,
  initialEscalationState,
  runEscalation,
  transition,
} from '../../src/index.js';
import type { EscalationEvent, EscalationState, SessionMark, TransitionResult } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Regression tests: `transition` is documented as total, yet a null event threw a TypeError, an event dated
// 2024-02-30 or '' threw a RangeError once a stage was entered, figures of Infinity threw from a BigInt conversion,
// a threshold date of 2024-02-30 moved the pupil to stage 4, and fractional session counts were applied. Each is now
// an `invalid-event` refusal naming the field, the state unchanged; runEscalation reports them as refused steps.

const start = initialEscalationState('P1');
const figures = (possible: number, attended: number, absent: number): Record<string, unknown> => ({
  possible,
  attended,
  absent,
});

/** The result of a transition that must be refused as invalid-event, with the state untouched. */
function refused(state: EscalationState, event: unknown): Extract<TransitionResult, { ok: false }> {
  const result = transition(state, event as EscalationEvent);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('applied');
  expect(result.state).toBe(state);
  expect(result.refusal.code).toBe('invalid-event');
  expect(result.refusal.message).not.toBe('');
  return result;
}

/** A state at stage 1, so that every event that enters or reviews a stage does date arithmetic. */
const atStageOne = ((): EscalationState => {
  const result = transition(start, {
    type: 'review',
    on: '2024-10-04',
    figures: figures(100, 88, 12),
  } as never);
  if (!result.ok || result.state.stage !== 1) throw new Error('expected stage 1');
  return result.state;
})();

describe('transition refuses events it cannot apply, naming the field', () => {
  test.each([
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['a string', 'review', undefined],
    ['an unknown type', { type: 'holiday', on: '2024-10-11' }, 'type'],
  ])('an event that is %s', (_what, event, field) => {
    expect(refused(atStageOne, event).refusal.field).toBe(field);
  });

  test.each([
    ['2024-02-30', '2024-02-30'],
    ['empty', ''],
    ['a number', 20241011],
  ])('an event dated %s', (_what, on) => {
    for (const event of [
      { type: 'review', on, figures: figures(110, 90, 20) },
      { type: 'meeting-held', on },
      { type: 'plan-agreed', on },
      { type: 'override', on, toStage: 3, reason: 'panel', by: 'Head' },
      { type: 'penalty-notice-issued', on, noticeId: 'PN-1', parentId: 'M' },
    ]) {
      expect(refused(atStageOne, event).refusal.field).toBe('on');
    }
  });

  test.each([
    ['Infinity', figures(Infinity, Infinity, 0), 'figures.possible'],
    ['NaN', figures(Number.NaN, 10, 0), 'figures.possible'],
    ['fractional', figures(10.5, 10.5, 0), 'figures.possible'],
    ['negative', figures(-10, -5, -5), 'figures.possible'],
    ['negative attended', figures(10, -5, 15), 'figures.attended'],
    ['text', { possible: '10', attended: 10, absent: 0 }, 'figures.possible'],
    ['missing', null, 'figures'],
  ])('review figures that are %s', (_what, given, field) => {
    expect(refused(start, { type: 'review', on: '2024-10-11', figures: given }).refusal.field).toBe(field);
    expect(refused(atStageOne, { type: 'review', on: '2024-10-11', figures: given }).refusal.field).toBe(
      field
    );
  });

  test('a threshold date that names no real day does not move the pupil to stage 4', () => {
    const event = {
      type: 'review',
      on: '2024-10-11',
      figures: { ...figures(100, 100, 0), penaltyThresholdReachedOn: '2024-02-30' },
    };
    expect(refused(start, event).refusal.field).toBe('figures.penaltyThresholdReachedOn');
  });

  test('a letter that is no action, a plan review before the plan, notices and overrides without their text', () => {
    expect(
      refused(atStageOne, { type: 'letter-sent', on: '2024-10-11', letter: 'letter-9' }).refusal.field
    ).toBe('letter');
    expect(
      refused(atStageOne, { type: 'plan-agreed', on: '2024-10-11', reviewOn: '2024-02-30' }).refusal.field
    ).toBe('reviewOn');
    expect(
      refused(atStageOne, { type: 'plan-agreed', on: '2024-10-11', reviewOn: '2024-10-01' }).refusal.field
    ).toBe('reviewOn');
    expect(
      refused(atStageOne, { type: 'penalty-notice-paid', on: '2024-10-11', noticeId: 7 }).refusal.field
    ).toBe('noticeId');
    expect(
      refused(atStageOne, { type: 'override', on: '2024-10-11', toStage: 2, reason: null, by: 'Head' })
        .refusal.field
    ).toBe('reason');
    expect(refused(atStageOne, { type: 'override', on: '2024-10-11', toStage: 9 }).refusal.field).toBe(
      'toStage'
    );
  });

  test('a review period that would end after 9999-12-31 is refused, not thrown on', () => {
    const late = refused(start, { type: 'review', on: '9999-12-30', figures: figures(100, 80, 20) });
    expect(late.refusal.field).toBe('on');
    // Stage 1 monitoring runs one more week per further day of absence, without limit here.
    const unlimited = defineEscalationPolicy({ maximumExtensionWeeks: null });
    const result = transition(
      atStageOne,
      { type: 'review', on: '2024-10-11', figures: figures(2e15, 88, 2e15 - 88) } as never,
      unlimited
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.field).toBe('figures.absent');
  });

  test('an out-of-order event is still refused as out of order before its fields are read', () => {
    const result = transition(atStageOne, { type: 'review', on: '2024-09-01', figures: null } as never);
    expect(result.ok || result.refusal.code).toBe('out-of-order');
  });

  test('a state that is not one is refused, not thrown on', () => {
    const result = transition(null as never, { type: 'meeting-held', on: '2024-10-11' } as never);
    expect(result.ok).toBe(false);
  });

  test('good events are applied as before', () => {
    const result = transition(atStageOne, {
      type: 'letter-sent',
      on: '2024-10-07',
      letter: 'letter-1',
    } as EscalationEvent);
    expect(result.ok).toBe(true);
  });
});

describe('runEscalation reports events it cannot apply rather than throwing', () => {
  const calendar = defineSchoolCalendar(exampleCalendar);
  const marks: SessionMark[] = [];

  test('null, undated and badly dated events are refused steps; the run goes on', () => {
    const timeline = runEscalation(marks, calendar, {
      pupilId: 'P1',
      range: { from: '2024-09-02' as never, to: '2024-10-31' as never },
      events: [
        null,
        { type: 'meeting-held', on: '2024-02-30' },
        { type: 'review', on: '2024-10-09', figures: figures(Infinity, Infinity, 0) },
        { type: 'plan-agreed', on: '' },
      ] as never,
    });
    const refusals = timeline.steps.filter((step) => step.refusal !== undefined);
    expect(refusals.map((step) => [step.refusal?.code, step.refusal?.field])).toEqual([
      ['invalid-event', undefined],
      ['invalid-event', 'on'],
      ['invalid-event', 'on'],
      ['invalid-event', 'figures.possible'],
    ]);
    expect(timeline.steps.filter((step) => step.refusal === undefined).length).toBeGreaterThan(0);
  });

  test('options that are not options are an AttendanceError, not a TypeError', () => {
    expect(attendanceErrorOf(() => runEscalation(marks, calendar, null as never)).issues[0].path).toEqual([
      'options',
    ]);
    const error = attendanceErrorOf(() =>
      runEscalation(marks, calendar, {
        pupilId: 'P1',
        events: 'none' as never,
        reviewWeekday: 7,
        range: { from: '2024-02-30' as never },
      })
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['options', 'events'],
      ['options', 'reviewWeekday'],
      ['options', 'range', 'from'],
    ]);
  });
});
