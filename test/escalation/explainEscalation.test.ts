import { describe, expect, test } from 'vitest';
import {
  defineSchoolCalendar,
  eachSessionSlot,
  explainEscalation,
  initialEscalationState,
  isoDate,
  runEscalation,
  transition,
} from '../../src/index.js';
import type { EscalationEvent, EscalationState } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// The explanation is a case note: a heading with the current stage, then one line per history entry, each with its
// date, the stages by name, the reason with the figures, and the actions made due.

function applyAll(state: EscalationState, events: readonly EscalationEvent[]): EscalationState {
  return events.reduce((current, event) => {
    const result = transition(current, event);
    if (!result.ok) throw new Error(`Refused ${event.type} on ${event.on}: ${result.refusal.message}`);
    return result.state;
  }, state);
}

function review(on: string, possible: number, attended: number, thresholdOn?: string): EscalationEvent {
  return {
    type: 'review',
    on: isoDate(on),
    figures: {
      possible,
      attended,
      absent: possible - attended,
      ...(thresholdOn === undefined ? {} : { penaltyThresholdReachedOn: isoDate(thresholdOn) }),
    },
  };
}

describe('explainEscalation', () => {
  test('a new state: nothing has happened yet', () => {
    expect(explainEscalation(initialEscalationState('P1'))).toBe(
      'Pupil P1, now at stage 0 (universal monitoring).\nNo reviews or events recorded yet.'
    );
  });

  test('reviews that change nothing leave nothing to explain', () => {
    const state = applyAll(initialEscalationState('P1'), [
      review('2024-09-13', 18, 18),
      review('2024-09-20', 28, 28),
    ]);
    expect(state.history).toEqual([]);
    expect(explainEscalation(state)).toBe(
      'Pupil P1, now at stage 0 (universal monitoring).\nNo reviews or events recorded yet.'
    );
  });

  test('the warning letter and stage 1, with the figures and the actions due', () => {
    const state = applyAll(initialEscalationState('P1'), [
      review('2024-09-27', 38, 36),
      { type: 'letter-sent', on: isoDate('2024-10-01'), letter: 'initial-warning-letter' },
      review('2024-10-11', 58, 52),
    ]);
    expect(explainEscalation(state).split('\n')).toEqual([
      'Pupil P1, now at stage 1 (letter and monitoring) since 2024-10-11.',
      '2024-09-27: Attendance 94.7 % (36 of 38 sessions) is below 95 %. Due: the initial warning letter.',
      '2024-10-01: Initial warning letter done.',
      '2024-10-11: Stage 0 (universal monitoring) to stage 1 (letter and monitoring), because attendance 89.7 % ' +
        '(52 of 58 sessions) is below 90 %. Due: Letter 1; contact from the attendance leader.',
    ]);
  });

  test('every kind of move is named, with why it happened', () => {
    const stageTwo = applyAll(initialEscalationState('P1'), [
      review('2024-10-11', 58, 52),
      review('2024-10-25', 78, 68),
      review('2024-11-22', 106, 96),
    ]);
    const state = applyAll(stageTwo, [
      {
        type: 'override',
        on: isoDate('2024-11-25'),
        toStage: 3,
        reason: 'no engagement with the panel',
        by: 'Head of School',
      },
      review('2024-11-29', 116, 106, '2024-11-28'),
      { type: 'penalty-notice-issued', on: isoDate('2024-12-02'), noticeId: 'PN-1', parentId: 'M' },
      review('2024-12-27', 146, 136, '2024-11-28'),
      review('2025-01-31', 184, 158, '2024-11-28'),
    ]);
    const lines = explainEscalation(state).split('\n');
    expect(lines).toHaveLength(state.history.length + 1);
    expect(lines[0]).toBe('Pupil P1, now at stage 4 (penalty notice) since 2025-01-31.');
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(
        /^2024-10-11: Stage 0 \(universal monitoring\) to stage 1 \(letter and monitoring\), because /
      ),
      '2024-11-22: Stage 1 (letter and monitoring) to stage 2 (attendance panel and plan), because no improvement: ' +
        'attendance over the review period 91.7 % (44 of 48 sessions) is below 95 %. Due: Letter 2, inviting the ' +
        'family to the attendance panel; the attendance panel meeting; a formal attendance plan.',
      '2024-11-25: Stage 2 (attendance panel and plan) to stage 3 (referral to the education welfare service) ' +
        '(by hand), because moved by Head of School: no engagement with the panel. Due: Letter 3, telling the ' +
        'family of the referral; the referral to the education welfare service.',
      '2024-11-29: Stage 3 (referral to the education welfare service) to stage 4 (penalty notice), because the ' +
        'penalty-notice threshold was reached on 2024-11-28. Due: consideration of a penalty notice.',
      '2024-12-02: Penalty notice PN-1 issued to parent M.',
      '2024-12-27: Stage 4 (penalty notice) to stage 5 (continued monitoring) (attendance improved), because ' +
        'attendance over the review period 100.0 % (30 of 30 sessions) is at least 95 %. Due: continued monitoring.',
      '2025-01-31: Stage 5 (continued monitoring) to stage 4 (penalty notice) (proceedings resumed), because ' +
        'attendance since continued monitoring began 57.9 % (22 of 38 sessions) is below 90 %. Due: ' +
        'consideration of a penalty notice.',
    ]);
  });

  test('a jump straight to the penalty-notice stage says so', () => {
    const state = applyAll(initialEscalationState('P1'), [review('2025-01-17', 164, 154, '2025-01-17')]);
    expect(explainEscalation(state).split('\n')[1]).toBe(
      '2025-01-17: Stage 0 (universal monitoring) to stage 4 (penalty notice) (straight to the penalty-notice ' +
        'stage), because the penalty-notice threshold was reached on 2025-01-17. Due: consideration of a penalty ' +
        'notice.'
    );
  });

  test('over a year from the register: one line per history entry, each dated and in order', () => {
    const calendar = defineSchoolCalendar(exampleCalendar);
    const ill = new Set(['2024-09-17', '2024-10-01', '2024-10-02', '2024-10-08', '2024-10-09']);
    const register = eachSessionSlot(calendar, {
      from: isoDate('2024-09-01'),
      to: isoDate('2025-07-31'),
    }).map((slot) => ({ ...slot, code: ill.has(slot.date) ? 'I' : '/' }));
    const { state } = runEscalation(register, calendar, {
      pupilId: 'P7',
      range: { from: isoDate('2024-09-01'), to: isoDate('2025-07-31') },
    });
    const lines = explainEscalation(state).split('\n');
    expect(lines).toHaveLength(state.history.length + 1);
    expect(lines[0]).toBe(
      `Pupil P7, now at stage ${state.stage} (continued monitoring) since ${state.enteredOn ?? ''}.`
    );
    expect(lines.slice(1).map((line) => line.slice(0, 10))).toEqual(state.history.map((entry) => entry.on));
    expect(lines[1]).toBe(
      '2024-09-20: Attendance 92.9 % (26 of 28 sessions) is below 95 %. Due: the initial warning letter.'
    );
    expect(lines.some((line) => line.includes('to stage 1 (letter and monitoring)'))).toBe(true);
  });
});
