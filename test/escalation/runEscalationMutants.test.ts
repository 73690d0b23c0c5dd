import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  toSessionSlots,
  defineSchoolCalendar,
  eachSessionSlot,
  isoDate,
  runEscalation,
  toCompactRegister,
} from '../../src/index.js';
import type {
  AttendanceIssue,
  EscalationEvent,
  EscalationTimeline,
  RunEscalationOptions,
  SchoolCalendar,
  SessionMark,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// The runner over a register (src/escalation/runEscalation.ts), pinned where the broad tests leave it loose: how
// each code counts (present, approved educational activity, absent, not counted, and a code of the other code
// set), compact and unordered registers, the first day of the range, the review day of each week (and that the
// review days are worked out again for another calendar, weekday or range), distinct reaches of the
// penalty-notice threshold, reviews already applied to a saved state, and the exact issue for each bad option.

/** A new calendar object each time, so the runner never answers from the review days of another test. */
const exampleCalendarObject = (): SchoolCalendar => defineSchoolCalendar(exampleCalendar);

/** Autumn 1 2024 with no INSET day: Monday 2 September 2024 is open. */
const openMondayCalendar = (): SchoolCalendar =>
  defineSchoolCalendar({
    name: 'open Monday',
    sessionsPerDay: 2,
    years: [
      {
        name: '2024/25',
        partial: true,
        halfTerms: [{ name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' }],
      },
    ],
  });

function marksOf(
  calendar: SchoolCalendar,
  from: string,
  to: string,
  codes: Readonly<Record<string, string>> = {}
): SessionMark[] {
  return eachSessionSlot(calendar, { from: isoDate(from), to: isoDate(to) }).map((slot) => ({
    ...slot,
    code: codes[`${slot.date} ${slot.session}`] ?? codes[slot.date] ?? '/',
  }));
}

const days = (code: string, ...dates: string[]): Record<string, string> =>
  Object.fromEntries(dates.map((date) => [date, code]));

const reviews = (timeline: EscalationTimeline) =>
  timeline.steps.flatMap(({ event }) => (event.type === 'review' ? [event] : []));

const reviewDays = (timeline: EscalationTimeline): string[] => reviews(timeline).map((event) => event.on);

/** The issues runEscalation throws for the options, with an empty register. */
function optionIssues(options: unknown): AttendanceIssue[] {
  try {
    runEscalation([], exampleCalendarObject(), options as RunEscalationOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(AttendanceError);
    return [...(error as AttendanceError).issues];
  }
  throw new Error('no error');
}

describe('how each code counts in the review figures', () => {
  test('an approved educational activity (B) counts as attended, a not-possible code (X) not at all', () => {
    const calendar = exampleCalendarObject();
    const codes = { ...days('B', '2024-09-10'), ...days('X', '2024-09-11'), '2024-09-12 AM': 'O' };
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-13', codes), calendar, {
      pupilId: 'P1',
      range: { to: isoDate('2024-09-13') },
    });
    expect(reviews(timeline).map((event) => [event.on, event.figures])).toEqual([
      ['2024-09-06', { possible: 8, attended: 8, absent: 0, schoolWeeks: 1 }],
      ['2024-09-13', { possible: 16, attended: 15, absent: 1, schoolWeeks: 2 }],
    ]);
  });

  test('a code only in the 2024 set (K) counts by that set after August 2024', () => {
    const calendar = exampleCalendarObject();
    const timeline = runEscalation(
      marksOf(calendar, '2024-09-02', '2024-09-06', days('K', '2024-09-03')),
      calendar,
      { pupilId: 'P1' }
    );
    expect(reviews(timeline)[0]?.figures).toEqual({ possible: 8, attended: 8, absent: 0, schoolWeeks: 1 });
  });

  test('a code only in the earlier set (J, interview) still counts by that set after August 2024', () => {
    const calendar = exampleCalendarObject();
    const timeline = runEscalation(
      marksOf(calendar, '2024-09-02', '2024-09-06', days('J', '2024-09-03')),
      calendar,
      { pupilId: 'P1' }
    );
    expect(reviews(timeline)[0]?.figures).toEqual({ possible: 8, attended: 8, absent: 0, schoolWeeks: 1 });
  });

  test('a code only in the earlier set that is an absence there (H) counts as absent', () => {
    const calendar = exampleCalendarObject();
    const timeline = runEscalation(
      marksOf(calendar, '2024-09-02', '2024-09-06', days('H', '2024-09-03')),
      calendar,
      { pupilId: 'P1' }
    );
    expect(reviews(timeline)[0]?.figures).toEqual({ possible: 8, attended: 6, absent: 2, schoolWeeks: 1 });
  });
});

describe('registers in other forms give the same timeline', () => {
  const codes = days('O', '2024-09-10', '2024-09-11', '2024-09-16', '2024-09-17');
  const options = { pupilId: 'P1', range: { to: isoDate('2024-09-27') } };

  test('a compact register', () => {
    const calendar = exampleCalendarObject();
    const marks = marksOf(calendar, '2024-09-02', '2024-09-27', codes);
    const slots = toSessionSlots(calendar, { from: isoDate('2024-09-02'), to: isoDate('2024-09-27') });
    const compact = runEscalation(toCompactRegister(marks, slots, 'P1'), calendar, options);
    const expected = runEscalation(marks, calendar, options);
    expect(compact).toEqual(expected);
    expect(reviews(compact).map((event) => event.figures.absent)).toEqual([0, 4, 8, 8]);
  });

  test('marks in reverse order', () => {
    const calendar = exampleCalendarObject();
    const marks = marksOf(calendar, '2024-09-02', '2024-09-27', codes);
    const reversed = runEscalation([...marks].reverse(), calendar, options);
    expect(reversed).toEqual(runEscalation(marks, calendar, options));
    expect(reviews(reversed).map((event) => [event.figures.possible, event.figures.absent])).toEqual([
      [8, 0],
      [18, 4],
      [28, 8],
      [38, 8],
    ]);
  });

  test('marks shuffled within and across days', () => {
    const calendar = exampleCalendarObject();
    const marks = marksOf(calendar, '2024-09-02', '2024-09-27', codes);
    const shuffled = [
      ...marks.filter((_, index) => index % 2 === 1),
      ...marks.filter((_, index) => index % 2 === 0),
    ];
    expect(runEscalation(shuffled, calendar, options)).toEqual(runEscalation(marks, calendar, options));
  });
});

describe('the range', () => {
  test('marks on the first day of the range count', () => {
    const calendar = exampleCalendarObject();
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-20'), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2024-09-09'), to: isoDate('2024-09-20') },
    });
    expect(reviews(timeline).map((event) => event.figures)).toEqual([
      { possible: 10, attended: 10, absent: 0, schoolWeeks: 1 },
      { possible: 20, attended: 20, absent: 0, schoolWeeks: 2 },
    ]);
  });

  test('a threshold reached on the first day of the range belongs to the period', () => {
    const calendar = exampleCalendarObject();
    const absent = days('O', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17');
    const timeline = runEscalation(marksOf(calendar, '2025-01-06', '2025-01-31', absent), calendar, {
      pupilId: 'P1',
      range: { from: isoDate('2025-01-17'), to: isoDate('2025-01-31') },
    });
    expect(reviews(timeline).map((event) => event.figures.penaltyThresholdReachedOn)).toEqual([
      '2025-01-17',
      '2025-01-17',
      '2025-01-17',
    ]);
    expect(timeline.state.stage).toBe(4);
  });

  test('with no range, the threshold reached is carried into the reviews', () => {
    const calendar = exampleCalendarObject();
    const absent = days('O', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13');
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-20', absent), calendar, {
      pupilId: 'P1',
    });
    expect(timeline.steps[2]?.stage).toBe(4);
    const [first, second, third] = reviews(timeline);
    expect(first?.figures).not.toHaveProperty('penaltyThresholdReachedOn');
    expect(second?.figures.penaltyThresholdReachedOn).toBe('2024-09-13');
    expect(second?.figures.penaltyThresholdSessions).toHaveLength(10);
    expect(third?.figures.penaltyThresholdReachedOn).toBe('2024-09-13');
  });
});

describe('distinct reaches of the penalty-notice threshold', () => {
  test('a second set of 10 sessions months later is a new reach, on its own date', () => {
    const calendar = exampleCalendarObject();
    const absent = days(
      'O',
      '2024-09-09',
      '2024-09-10',
      '2024-09-11',
      '2024-09-12',
      '2024-09-13',
      '2025-01-13',
      '2025-01-14',
      '2025-01-15',
      '2025-01-16',
      '2025-01-17'
    );
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2025-01-24', absent), calendar, {
      pupilId: 'P1',
    });
    const reached = reviews(timeline).map((event) => [event.on, event.figures.penaltyThresholdReachedOn]);
    expect(reached.find(([on]) => on === '2025-01-10')).toEqual(['2025-01-10', '2024-09-13']);
    expect(reached.find(([on]) => on === '2025-01-17')).toEqual(['2025-01-17', '2025-01-17']);
    const latest = reviews(timeline).at(-1)?.figures.penaltyThresholdSessions ?? [];
    expect(latest.map((mark) => mark.date)).toEqual([
      '2025-01-13',
      '2025-01-13',
      '2025-01-14',
      '2025-01-14',
      '2025-01-15',
      '2025-01-15',
      '2025-01-16',
      '2025-01-16',
      '2025-01-17',
      '2025-01-17',
    ]);
  });
});

describe('the review day of each school week', () => {
  test('with Monday as review day, an open first Monday is the review day of its week', () => {
    const calendar = openMondayCalendar();
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-20'), calendar, {
      pupilId: 'P1',
      reviewWeekday: 1,
      range: { to: isoDate('2024-09-20') },
    });
    expect(reviewDays(timeline)).toEqual(['2024-09-02', '2024-09-09', '2024-09-16']);
    expect(reviews(timeline)[0]?.figures).toEqual({ possible: 2, attended: 2, absent: 0, schoolWeeks: 1 });
  });

  test('the review days are worked out again for another weekday, range start or calendar', () => {
    const calendar = exampleCalendarObject();
    const marks = marksOf(calendar, '2025-09-01', '2025-09-30');
    const september = { from: isoDate('2025-09-01'), to: isoDate('2025-09-30') };
    const fridays = runEscalation(marks, calendar, { pupilId: 'P1', range: september });
    expect(reviewDays(fridays)).toEqual(['2025-09-05', '2025-09-12', '2025-09-19', '2025-09-26']);
    const wednesdays = runEscalation(marks, calendar, { pupilId: 'P1', reviewWeekday: 3, range: september });
    expect(reviewDays(wednesdays)).toEqual(['2025-09-04', '2025-09-10', '2025-09-17', '2025-09-24']);
    const later = runEscalation(marks, calendar, {
      pupilId: 'P1',
      reviewWeekday: 3,
      range: { from: isoDate('2025-09-08'), to: isoDate('2025-09-30') },
    });
    expect(reviewDays(later)).toEqual(['2025-09-10', '2025-09-17', '2025-09-24']);
    const other = openMondayCalendar();
    const otherYear = runEscalation(marksOf(other, '2024-09-02', '2024-09-30'), other, {
      pupilId: 'P1',
      reviewWeekday: 3,
      range: { from: isoDate('2025-09-08'), to: isoDate('2025-09-30') },
    });
    expect(reviewDays(otherYear)).toEqual([]);
    const otherSeptember = runEscalation(marksOf(other, '2024-09-02', '2024-09-30'), other, {
      pupilId: 'P1',
      reviewWeekday: 3,
      range: { from: isoDate('2024-09-08'), to: isoDate('2024-09-30') },
    });
    expect(reviewDays(otherSeptember)).toEqual(['2024-09-11', '2024-09-18', '2024-09-25']);
  });
});

describe('steps and saved states', () => {
  test('a refused event is a step with no actions and its refusal', () => {
    const calendar = exampleCalendarObject();
    const letter: EscalationEvent = { type: 'letter-sent', on: isoDate('2024-09-10'), letter: 'letter-1' };
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-13'), calendar, {
      pupilId: 'P1',
      range: { to: isoDate('2024-09-13') },
      events: [letter],
    });
    expect(timeline.steps.map((step) => step.event.type)).toEqual(['review', 'letter-sent', 'review']);
    expect(timeline.steps[1]).toEqual({
      event: letter,
      stage: 0,
      actions: [],
      refusal: { code: 'not-due', message: 'No Letter 1 is due at stage 0.' },
    });
  });

  test('reviews on or before reviewedThrough are not applied again; later ones are', () => {
    const calendar = exampleCalendarObject();
    const marks = marksOf(calendar, '2024-09-02', '2024-09-27');
    const whole = runEscalation(marks, calendar, { pupilId: 'P1', range: { to: isoDate('2024-09-27') } });
    const saved = runEscalation(marks, calendar, { pupilId: 'P1', range: { to: isoDate('2024-09-13') } });
    const continued = runEscalation(marks, calendar, {
      pupilId: 'P1',
      initialState: saved.state,
      range: { to: isoDate('2024-09-27') },
      reviewedThrough: isoDate('2024-09-13'),
    });
    expect(reviewDays(continued)).toEqual(['2024-09-20', '2024-09-27']);
    expect(reviews(continued)[0]?.figures).toEqual({ possible: 28, attended: 28, absent: 0, schoolWeeks: 3 });
    expect(continued.state).toEqual(whole.state);
  });

  test('an event on a review day is applied after that review', () => {
    const calendar = exampleCalendarObject();
    const meeting: EscalationEvent = {
      type: 'support-assessed',
      on: isoDate('2024-09-13'),
      appropriate: true,
    };
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-20'), calendar, {
      pupilId: 'P1',
      range: { to: isoDate('2024-09-20') },
      events: [meeting],
    });
    expect(timeline.steps.map((step) => [step.event.type, step.event.on])).toEqual([
      ['review', '2024-09-06'],
      ['review', '2024-09-13'],
      ['support-assessed', '2024-09-13'],
      ['review', '2024-09-20'],
    ]);
  });
});

describe('options that are not options are reported as located issues', () => {
  test('options that are not an object: one issue on options, with no field', () => {
    const [issue, ...rest] = optionIssues(null);
    expect(rest).toEqual([]);
    expect(issue).toStrictEqual({
      code: 'invalid_value',
      severity: 'error',
      message: "runEscalation needs options with the pupil's id; received null.",
      path: ['options'],
      expected: 'an object of options',
      received: 'null',
    });
  });

  test('a pupil id that is not text', () => {
    expect(optionIssues({ pupilId: 42 })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The pupil id must be text; received 42.',
        path: ['options', 'pupilId'],
        field: 'pupilId',
        expected: 'a pupil id as text',
        received: '42',
      },
    ]);
  });

  test('reviewedThrough that is not a real day', () => {
    expect(optionIssues({ pupilId: 'P1', reviewedThrough: '2024-02-30' })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The date reviews were saved through, 2024-02-30, is not a real day in YYYY-MM-DD form.',
        path: ['options', 'reviewedThrough'],
        field: 'reviewedThrough',
        expected: 'a real day as YYYY-MM-DD',
        received: '2024-02-30',
      },
    ]);
  });

  test('events that are not a list', () => {
    expect(optionIssues({ pupilId: 'P1', events: 'letters' })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The recorded events must be a list; received letters.',
        path: ['options', 'events'],
        field: 'events',
        expected: 'an array of events',
        received: 'letters',
      },
    ]);
  });

  test.each([0, 6, 2.5, '3', -1])('review weekday %s is refused', (reviewWeekday) => {
    expect(optionIssues({ pupilId: 'P1', reviewWeekday })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `The review weekday must be 1 (Monday) to 5 (Friday); received ${String(reviewWeekday)}.`,
        path: ['options', 'reviewWeekday'],
        field: 'reviewWeekday',
        expected: 'a whole number from 1 to 5',
        received: String(reviewWeekday),
      },
    ]);
  });

  test.each([1, 5])('review weekday %s is accepted', (reviewWeekday) => {
    const calendar = exampleCalendarObject();
    const timeline = runEscalation(marksOf(calendar, '2024-09-02', '2024-09-13'), calendar, {
      pupilId: 'P1',
      reviewWeekday,
      range: { to: isoDate('2024-09-13') },
    });
    expect(reviewDays(timeline)).toEqual(
      reviewWeekday === 1 ? ['2024-09-03', '2024-09-09'] : ['2024-09-06', '2024-09-13']
    );
  });

  test.each([
    ['dates', 'received dates.'],
    [null, 'received null.'],
  ])('a range that is not an object (%s)', (range, ending) => {
    expect(optionIssues({ pupilId: 'P1', range })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `The range must be an object with from and to dates; ${ending}`,
        path: ['options', 'range'],
        field: 'range',
        expected: 'a date range',
        received: String(range),
      },
    ]);
  });

  test('range ends that are not real days, each located', () => {
    expect(optionIssues({ pupilId: 'P1', range: { from: '2024-13-01', to: 20240901 } })).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: "The range's from date 2024-13-01 is not a real day in YYYY-MM-DD form.",
        path: ['options', 'range', 'from'],
        field: 'range.from',
        expected: 'a real day as YYYY-MM-DD',
        received: '2024-13-01',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message: "The range's to date 20240901 is not a real day in YYYY-MM-DD form.",
        path: ['options', 'range', 'to'],
        field: 'range.to',
        expected: 'a real day as YYYY-MM-DD',
        received: '20240901',
      },
    ]);
  });

  test('every bad option is reported at once, in order', () => {
    const issues = optionIssues({ pupilId: 7, events: 1, reviewWeekday: 9, reviewedThrough: 'x', range: 2 });
    expect(issues.map((issue) => issue.field)).toEqual([
      'reviewedThrough',
      'pupilId',
      'events',
      'reviewWeekday',
      'range',
    ]);
  });
});
