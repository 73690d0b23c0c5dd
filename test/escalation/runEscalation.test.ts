import { describe, expect, test } from 'vitest';
import {
  defineSchoolCalendar,
  eachSessionSlot,
  HCAT_POLICY,
  initialEscalationState,
  isoDate,
  runEscalation,
  transition,
} from '../../src/index.js';
import type { EscalationEvent, EscalationState, SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the trust policy: "The School will monitor attendance on a weekly basis", so the runner reviews each
// school week on its last school day (Friday, or the day before when Friday is closed), with the register figures
// for the year to date. The stages follow "Managing Absence Procedures" as in the transition tests.
//
// The example calendar has INSET days on Mondays 2 September 2024, 4 November 2024, 6 January 2025 and 24 February
// 2025, on Wednesday 3 September 2025 (the first day of 2025/26) and on Friday 24 October 2025; half-term holidays
// in the weeks of 28 October 2024, 17 February 2025 and 27 October 2025.

const calendar = defineSchoolCalendar(exampleCalendar);

/**
 * A pupil present at every open session from `from` to `to`, except the absences given by date (both sessions)
 * or by `'YYYY-MM-DD AM'` / `'YYYY-MM-DD PM'` (one session).
 */
function presentExcept(
  from: string,
  to: string,
  absences: Readonly<Record<string, string>> = {}
): SessionMark[] {
  return eachSessionSlot(calendar, { from: isoDate(from), to: isoDate(to) }).map((slot) => ({
    ...slot,
    code: absences[`${slot.date} ${slot.session}`] ?? absences[slot.date] ?? '/',
  }));
}

function days(code: string, ...dates: string[]): Record<string, string> {
  return Object.fromEntries(dates.map((date) => [date, code]));
}

const reviewsOf = (steps: readonly { event: EscalationEvent }[]) =>
  steps.flatMap(({ event }) => (event.type === 'review' ? [event] : []));

describe('weekly reviews on the last school day of each school week', () => {
  test('Fridays, Thursday 23 October 2025 when Friday is an INSET day, and no review in holiday weeks', () => {
    const timeline = runEscalation(presentExcept('2025-09-01', '2025-12-31'), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2025-09-01'), to: isoDate('2025-12-31') },
    });
    expect(reviewsOf(timeline.steps).map((event) => event.on)).toEqual([
      '2025-09-05',
      '2025-09-12',
      '2025-09-19',
      '2025-09-26',
      '2025-10-03',
      '2025-10-10',
      '2025-10-17',
      '2025-10-23',
      '2025-11-07',
      '2025-11-14',
      '2025-11-21',
      '2025-11-28',
      '2025-12-05',
      '2025-12-12',
      '2025-12-19',
    ]);
  });

  test('another review day: the last school day on or before it, or the first school day of the week', () => {
    const timeline = runEscalation(presentExcept('2025-09-01', '2025-10-31'), calendar, {
      pupilId: 'P1',
      reviewWeekday: 3,
      range: { from: isoDate('2025-09-01'), to: isoDate('2025-10-31') },
    });
    // The week of 1 September 2025 opens on Thursday 4 September (the Wednesday is an INSET day).
    expect(reviewsOf(timeline.steps).map((event) => event.on)).toEqual([
      '2025-09-04',
      '2025-09-10',
      '2025-09-17',
      '2025-09-24',
      '2025-10-01',
      '2025-10-08',
      '2025-10-15',
      '2025-10-22',
    ]);
  });

  test('the reviews run only within the range', () => {
    const timeline = runEscalation(presentExcept('2024-09-01', '2025-07-31'), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-11-12'), to: isoDate('2024-11-28') },
    });
    expect(reviewsOf(timeline.steps).map((event) => event.on)).toEqual(['2024-11-15', '2024-11-22']);
  });
});

describe('the figures of each review are the year to date, counted from the start of the range', () => {
  test('a full attendance in the first weeks of 2024/25', () => {
    const timeline = runEscalation(presentExcept('2024-09-01', '2024-09-30'), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2024-09-30') },
    });
    // Monday 2 September is an INSET day: 8 sessions in the first week, then 10 a week.
    expect(reviewsOf(timeline.steps).map((event) => [event.on, event.figures])).toEqual([
      ['2024-09-06', { possible: 8, attended: 8, absent: 0, schoolWeeks: 1 }],
      ['2024-09-13', { possible: 18, attended: 18, absent: 0, schoolWeeks: 2 }],
      ['2024-09-20', { possible: 28, attended: 28, absent: 0, schoolWeeks: 3 }],
      ['2024-09-27', { possible: 38, attended: 38, absent: 0, schoolWeeks: 4 }],
    ]);
    expect(timeline.state.stage).toBe(0);
    expect(timeline.actions).toEqual([]);
  });

  test('absence before the range does not count: a poor autumn is left behind in January', () => {
    const register = presentExcept(
      '2024-09-01',
      '2025-02-14',
      days('I', '2024-09-10', '2024-09-11', '2024-09-12', '2024-10-01', '2024-10-02', '2024-11-12')
    );
    const autumn = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2024-12-31') },
    });
    expect(autumn.state.stage).toBeGreaterThan(0);
    const spring = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2025-01-01'), to: isoDate('2025-02-14') },
    });
    expect(
      reviewsOf(spring.steps).map((event) => [event.on, event.figures.possible, event.figures.absent])
    ).toEqual([
      ['2025-01-10', 8, 0],
      ['2025-01-17', 18, 0],
      ['2025-01-24', 28, 0],
      ['2025-01-31', 38, 0],
      ['2025-02-07', 48, 0],
      ['2025-02-14', 58, 0],
    ]);
    expect(spring.state.stage).toBe(0);
    expect(spring.actions).toEqual([]);
  });

  test('a single absent session counts as one, and sessions not yet in the register are not counted', () => {
    const register = presentExcept('2024-09-01', '2024-09-13', { '2024-09-10 PM': 'M' }).filter(
      (mark) => mark.date !== '2024-09-13'
    );
    const timeline = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2024-09-13') },
    });
    expect(reviewsOf(timeline.steps).map((event) => event.figures)).toEqual([
      { possible: 8, attended: 8, absent: 0, schoolWeeks: 1 },
      { possible: 16, attended: 15, absent: 1, schoolWeeks: 2 },
    ]);
  });

  test('school weeks count the weeks with sessions: the half-term holiday is not one', () => {
    const timeline = runEscalation(presentExcept('2024-10-14', '2024-11-15'), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-10-14'), to: isoDate('2024-11-15') },
    });
    // Half-term is 28 October to 1 November 2024: five calendar weeks, four school weeks.
    expect(reviewsOf(timeline.steps).map((event) => [event.on, event.figures.schoolWeeks])).toEqual([
      ['2024-10-18', 1],
      ['2024-10-25', 2],
      ['2024-11-08', 3],
      ['2024-11-15', 4],
    ]);
  });
});

describe('a year of escalation for one pupil', () => {
  // Ill on 17 September (2 sessions), 1–2 October (4), 8–9 October (4), and 13–16 January (8).
  const register = presentExcept(
    '2024-09-01',
    '2025-07-31',
    days(
      'I',
      '2024-09-17',
      '2024-10-01',
      '2024-10-02',
      '2024-10-08',
      '2024-10-09',
      '2025-01-13',
      '2025-01-14',
      '2025-01-15',
      '2025-01-16'
    )
  );
  const events: EscalationEvent[] = [
    // Recorded out of order on purpose: the runner sorts them by date.
    { type: 'meeting-held', on: isoDate('2024-11-20') },
    { type: 'letter-sent', on: isoDate('2024-09-23'), letter: 'initial-warning-letter' },
    // Sent on the day stage 1 begins: applied after that day's review, so it is due.
    { type: 'letter-sent', on: isoDate('2024-10-04'), letter: 'letter-1' },
    { type: 'letter-sent', on: isoDate('2024-11-15'), letter: 'letter-2' },
    { type: 'plan-agreed', on: isoDate('2024-11-20') },
  ];
  const timeline = runEscalation(register, calendar, {
    pupilId: 'P1',
    range: { from: isoDate('2024-09-01'), to: isoDate('2025-03-31') },
    events,
  });

  test('the actions of every stage, in order, each due on the day its stage began', () => {
    expect(timeline.actions.map((action) => [action.dueOn, action.id])).toEqual([
      // "If a student's attendance falls below 95% ... a warning letter": 26 of 28 sessions (92.9 %).
      ['2024-09-20', '0:initial-warning-letter'],
      // "... falls below 90%, a written letter will be sent (Letter 1)": 42 of 48 sessions (87.5 %).
      ['2024-10-04', '1:letter-1'],
      ['2024-10-04', '1:attendance-leader-contact'],
      // "monitored for 4 weeks ... one more week per day of additional absence": 2 more days, 6 weeks; then
      // "At the end of the four-week period, if there is no evidence of improvement" (44 of 48 sessions).
      ['2024-11-15', '2:letter-2'],
      ['2024-11-15', '2:attendance-panel-meeting'],
      ['2024-11-15', '2:attendance-plan'],
      // Four weeks after the plan of 20 November: 50 of 50 sessions since it, improvement.
      ['2024-12-20', '3:continued-monitoring'],
      // "If after improvements beyond the four-week review window, there is a decline in attendance ... from the
      // relevant stage": 10 of 18 sessions since 20 December.
      ['2025-01-17', '4:letter-2'],
      ['2025-01-17', '4:attendance-panel-meeting'],
      ['2025-01-17', '4:attendance-plan'],
      ['2025-02-14', '5:continued-monitoring'],
    ]);
    expect(timeline.state.stage).toBe(5);
    expect(
      timeline.state.history.filter((entry) => entry.from !== entry.to).map((entry) => entry.jump)
    ).toEqual([null, null, 'improvement', 're-entry', 'improvement']);
  });

  test('the monitoring of stage 1 ran 6 weeks, to 15 November', () => {
    const stageOne = timeline.steps.filter((step) => step.stage === 1);
    expect(stageOne[0]?.event.on).toBe('2024-10-04');
    expect(stageOne[stageOne.length - 1]?.event.on).toBe('2024-11-08');
  });

  test('recorded events are applied after the review of their day, and before the next review', () => {
    expect(
      timeline.steps
        .filter(({ event }) => event.on >= '2024-09-20' && event.on <= '2024-10-04')
        .map(({ event, refusal }) => [event.on, event.type, refusal?.code ?? 'ok'])
    ).toEqual([
      ['2024-09-20', 'review', 'ok'],
      ['2024-09-23', 'letter-sent', 'ok'],
      ['2024-09-27', 'review', 'ok'],
      ['2024-10-04', 'review', 'ok'],
      ['2024-10-04', 'letter-sent', 'ok'],
    ]);
    expect(timeline.steps.every((step) => step.refusal === undefined)).toBe(true);
    expect(timeline.state.completedActions).toEqual([
      '0:initial-warning-letter',
      '1:letter-1',
      '2:letter-2',
      '2:attendance-panel-meeting',
      '2:attendance-plan',
    ]);
  });

  test('a letter recorded before it was due is refused in the timeline, and nothing else changes', () => {
    const early = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2024-10-31') },
      events: [{ type: 'letter-sent', on: isoDate('2024-10-03'), letter: 'letter-1' }],
    });
    const step = early.steps.find((candidate) => candidate.event.type === 'letter-sent');
    expect(step?.refusal?.code).toBe('not-due');
    expect(step?.stage).toBe(0);
    expect(early.state.completedActions).toEqual([]);
    expect(early.state.stage).toBe(1);
  });

  test('the timeline is the same as applying each of its events with transition', () => {
    let state: EscalationState = initialEscalationState('P1');
    for (const step of timeline.steps) {
      const result = transition(state, step.event);
      expect(result.ok).toBe(step.refusal === undefined);
      expect(result.state.stage).toBe(step.stage);
      expect(result.ok ? result.actions : []).toEqual(step.actions);
      state = result.state;
    }
    expect(state).toEqual(timeline.state);
    expect(timeline.actions).toEqual(timeline.steps.flatMap((step) => step.actions));
  });

  test('a later run can continue from the state an earlier one ended with', () => {
    const autumn = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2024-12-31') },
      events,
    });
    const spring = runEscalation(register, calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-01'), to: isoDate('2025-03-31') },
      initialState: autumn.state,
    });
    expect(autumn.state.stage).toBe(5);
    expect(reviewsOf(spring.steps).map((event) => event.on)).toContain('2025-01-17');
    // The autumn's reviews are refused as out of order; the spring's carry on from stage 5.
    expect(
      spring.steps
        .filter((step) => step.refusal !== undefined)
        .every((step) => step.refusal?.code === 'out-of-order')
    ).toBe(true);
    expect(spring.state).toEqual(timeline.state);
  });
});

describe('a term-time holiday: "Holidays in term-time will be recorded as unauthorised and will incur a fine"', () => {
  // Five days of G in the week of 13 January 2025: 10 sessions reach the penalty-notice threshold, although
  // attendance for the year (154 of 164 sessions, 93.9 %) is only below the warning line.
  const holiday = days('G', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17');
  const timeline = runEscalation(presentExcept('2024-09-01', '2025-07-31', holiday), calendar, {
    pupilId: 'P1',
    range: { from: isoDate('2024-09-01'), to: isoDate('2025-07-31') },
    events: [
      { type: 'penalty-notice-issued', on: isoDate('2025-01-20'), noticeId: 'PN-1', parentId: 'M' },
      { type: 'penalty-notice-issued', on: isoDate('2025-01-20'), noticeId: 'PN-2', parentId: 'F' },
    ],
  });

  test('a pupil at stage 0 goes straight to stage 4 at the review of that week', () => {
    const entry = timeline.state.history.find((candidate) => candidate.to === 4);
    expect(entry).toMatchObject({ on: '2025-01-17', from: 0, to: 4, jump: 'penalty-threshold' });
    const [first] = timeline.actions;
    expect(first).toMatchObject({
      id: '1:consider-penalty-notice',
      kind: 'consider-penalty-notice',
      stage: 4,
    });
    expect(first?.dueOn).toBe('2025-01-17');
    expect(first?.figures).toMatchObject({ possible: 164, attended: 154, absent: 10 });
    expect(first?.figures?.penaltyThresholdReachedOn).toBe('2025-01-17');
    expect(
      first?.figures?.penaltyThresholdSessions?.map((mark) => `${mark.date} ${mark.session} ${mark.code}`)
    ).toEqual([
      '2025-01-13 AM G',
      '2025-01-13 PM G',
      '2025-01-14 AM G',
      '2025-01-14 PM G',
      '2025-01-15 AM G',
      '2025-01-15 PM G',
      '2025-01-16 AM G',
      '2025-01-16 PM G',
      '2025-01-17 AM G',
      '2025-01-17 PM G',
    ]);
  });

  test('no warning letter was due before the holiday, and a notice to each parent is recorded', () => {
    expect(timeline.actions.some((action) => action.kind === 'initial-warning-letter')).toBe(false);
    expect(timeline.state.notices.map((notice) => [notice.id, notice.parentId, notice.issuedOn])).toEqual([
      ['PN-1', 'M', '2025-01-20'],
      ['PN-2', 'F', '2025-01-20'],
    ]);
  });

  test('the same holiday is not considered twice', () => {
    expect(timeline.actions.filter((action) => action.kind === 'consider-penalty-notice')).toHaveLength(1);
  });

  test('the threshold comes from the attendance policy: N counts nationally, not under the trust rule', () => {
    const register = presentExcept(
      '2024-09-01',
      '2025-03-31',
      days('N', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17')
    );
    const range = { from: isoDate('2024-09-01'), to: isoDate('2025-03-31') };
    const national = runEscalation(register, calendar, { pupilId: 'P1', range });
    expect(national.state.history[0]).toMatchObject({ on: '2025-01-17', to: 4, jump: 'penalty-threshold' });
    const trust = runEscalation(register, calendar, { pupilId: 'P1', range, attendancePolicy: HCAT_POLICY });
    expect(trust.actions.map((action) => action.kind)).toEqual(['initial-warning-letter']);
    expect(trust.state.stage).toBe(0);
  });
});
