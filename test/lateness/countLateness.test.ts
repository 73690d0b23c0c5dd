import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  countLateness,
  countSessions,
  defineLatenessPolicy,
  defineSchoolCalendar,
  HCAT_LATENESS_POLICY,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type { LatenessPolicy, Session, SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);

/** One mark per date, all in the same session, with the same code. */
function marks(code: string, dates: readonly string[], session: Session = 'AM'): SessionMark[] {
  return dates.map((date) => ({ date: isoDate(date), session, code }));
}

// Weekdays of Autumn 1 2024 (2 September is an INSET day, so it has no sessions).
const AUTUMN_1_DAYS = [
  '2024-09-10',
  '2024-09-11',
  '2024-09-12',
  '2024-09-13',
  '2024-09-16',
  '2024-09-17',
  '2024-09-18',
  '2024-09-19',
];

const LETTER = HCAT_LATENESS_POLICY.halfTermActions[0]!;
const MEETING = HCAT_LATENESS_POLICY.halfTermActions[1]!;
const WARNING = HCAT_LATENESS_POLICY.halfTermActions[2]!;

describe('the trust preset', () => {
  test('register opens 09:00 and closes 09:30; 10 U within 12 calendar weeks is persistent lateness', () => {
    expect(HCAT_LATENESS_POLICY.registerOpens).toBe('09:00');
    expect(HCAT_LATENESS_POLICY.registerCloses).toBe('09:30');
    expect(HCAT_LATENESS_POLICY.persistentLateness).toEqual({
      length: 12,
      unit: 'calendar-weeks',
      threshold: 10,
      codes: ['U'],
    });
  });

  test('letter at exactly 3 L, meeting from 4 to 6 L, warning letter at 5 U', () => {
    expect(LETTER).toMatchObject({ codes: ['L'], atLeast: 3, atMost: 3, action: 'lateness-letter' });
    expect(MEETING).toMatchObject({ codes: ['L'], atLeast: 4, atMost: 6, action: 'lateness-meeting' });
    expect(WARNING).toMatchObject({ codes: ['U'], atLeast: 5, action: 'unauthorised-lateness-warning' });
    expect(WARNING.atMost).toBeUndefined();
  });

  test('is valid under defineLatenessPolicy and survives a JSON round trip', () => {
    expect(defineLatenessPolicy(HCAT_LATENESS_POLICY)).toEqual(HCAT_LATENESS_POLICY);
    expect(JSON.parse(JSON.stringify(HCAT_LATENESS_POLICY))).toEqual(HCAT_LATENESS_POLICY);
  });
});

describe('countLateness: half-term actions (trust preset)', () => {
  test('2 L in a half-term reach no action', () => {
    const result = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 2)), calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms).toHaveLength(1);
    expect(result.halfTerms[0]!.late).toBe(2);
    expect(result.halfTerms[0]!.actions).toEqual([]);
  });

  test('3 L in a half-term reach the letter, on the date of the third', () => {
    const result = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 3)), calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms[0]!.actions).toEqual([
      { action: 'lateness-letter', label: LETTER.label, reachedOn: '2024-09-12' },
    ]);
  });

  test('the letter lists the dates of the late marks', () => {
    const result = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 3)), calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms[0]!.lateDates).toEqual(['2024-09-10', '2024-09-11', '2024-09-12']);
  });

  test('4 L reach the meeting as well, on the date of the fourth', () => {
    const result = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 4)), calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms[0]!.actions).toEqual([
      { action: 'lateness-letter', label: LETTER.label, reachedOn: '2024-09-12' },
      { action: 'lateness-meeting', label: MEETING.label, reachedOn: '2024-09-13' },
    ]);
  });

  test('7 L reach nothing more than the letter and the meeting', () => {
    const four = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 4)), calendar, HCAT_LATENESS_POLICY);
    const seven = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 7)), calendar, HCAT_LATENESS_POLICY);
    expect(seven.halfTerms[0]!.late).toBe(7);
    expect(seven.halfTerms[0]!.actions).toEqual(four.halfTerms[0]!.actions);
  });

  test('5 U in a half-term reach the warning letter, on the date of the fifth; 4 do not', () => {
    const five = countLateness(marks('U', AUTUMN_1_DAYS.slice(0, 5)), calendar, HCAT_LATENESS_POLICY);
    expect(five.halfTerms[0]!.lateAfterRegisterClosed).toBe(5);
    expect(five.halfTerms[0]!.actions).toEqual([
      { action: 'unauthorised-lateness-warning', label: WARNING.label, reachedOn: '2024-09-16' },
    ]);
    const four = countLateness(marks('U', AUTUMN_1_DAYS.slice(0, 4)), calendar, HCAT_LATENESS_POLICY);
    expect(four.halfTerms[0]!.actions).toEqual([]);
  });

  test('U marks do not count towards the L letter, nor L marks towards the U warning', () => {
    const register = [
      ...marks('U', AUTUMN_1_DAYS.slice(0, 4), 'AM'),
      ...marks('L', AUTUMN_1_DAYS.slice(0, 2), 'PM'),
    ];
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms[0]).toMatchObject({ late: 2, lateAfterRegisterClosed: 4, actions: [] });
  });

  test('counts start again in each half-term', () => {
    const register = [
      ...marks('L', ['2024-10-23', '2024-10-24']), // Autumn 1
      ...marks('L', ['2024-11-05', '2024-11-06']), // Autumn 2
    ];
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms.map((row) => [row.halfTerm.name, row.late, row.actions.length])).toEqual([
      ['Autumn 1', 2, 0],
      ['Autumn 2', 2, 0],
    ]);
  });

  test('the letter and the meeting can both be reached again in a later half-term', () => {
    const register = [
      ...marks('L', AUTUMN_1_DAYS.slice(0, 4)),
      ...marks('L', ['2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10']), // Spring 1
    ];
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms.map((row) => row.halfTerm.name)).toEqual(['Autumn 1', 'Spring 1']);
    expect(result.halfTerms[1]!.actions.map((reached) => [reached.action, reached.reachedOn])).toEqual([
      ['lateness-letter', '2025-01-09'],
      ['lateness-meeting', '2025-01-10'],
    ]);
  });

  test('the literal reading (meeting from 3) reaches both on the third mark, in policy order', () => {
    const literal: LatenessPolicy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      halfTermActions: [LETTER, { ...MEETING, atLeast: 3 }],
    });
    const result = countLateness(marks('L', AUTUMN_1_DAYS.slice(0, 3)), calendar, literal);
    expect(result.halfTerms[0]!.actions.map((reached) => [reached.action, reached.reachedOn])).toEqual([
      ['lateness-letter', '2024-09-12'],
      ['lateness-meeting', '2024-09-12'],
    ]);
  });

  test('an action counting both L and U is reached on the mark that brings their sum to its threshold', () => {
    const policy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      halfTermActions: [
        { codes: ['L', 'U'], atLeast: 3, action: 'any-late', label: 'Any three late arrivals' },
      ],
    });
    const register = [
      { date: isoDate('2024-09-10'), session: 'AM' as const, code: 'L' },
      { date: isoDate('2024-09-10'), session: 'PM' as const, code: 'U' },
      { date: isoDate('2024-09-11'), session: 'AM' as const, code: '/' },
      { date: isoDate('2024-09-11'), session: 'PM' as const, code: 'L' },
    ];
    const result = countLateness(register, calendar, policy);
    expect(result.halfTerms[0]!.actions).toEqual([
      { action: 'any-late', label: 'Any three late arrivals', reachedOn: '2024-09-11' },
    ]);
  });
});

describe('countLateness: persistent lateness (10 U within 12 calendar weeks)', () => {
  // One U each Tuesday, in calendar weeks 0–6 and 8–9 counted from the week of 9 September 2024; week 7 is the
  // October half-term holiday.
  const NINE_TUESDAYS = [
    '2024-09-10',
    '2024-09-17',
    '2024-09-24',
    '2024-10-01',
    '2024-10-08',
    '2024-10-15',
    '2024-10-22',
    '2024-11-05',
    '2024-11-12',
  ];

  test('9 U within 12 weeks are not persistent lateness', () => {
    const result = countLateness(marks('U', NINE_TUESDAYS), calendar, HCAT_LATENESS_POLICY);
    expect(result.persistentLateness.reached).toBe(false);
    expect(result.persistentLateness.maximum).toBe(9);
  });

  test('a 10th U in the 12th week (holiday week included) reaches persistent lateness on its date', () => {
    const result = countLateness(
      marks('U', [...NINE_TUESDAYS, '2024-11-26']),
      calendar,
      HCAT_LATENESS_POLICY
    );
    expect(result.persistentLateness.reached).toBe(true);
    expect(result.persistentLateness.firstReached).toMatchObject({
      count: 10,
      periodStart: '2024-09-09',
      periodEnd: '2024-11-26',
    });
  });

  test('a 10th U in the 13th week is not: the first U has left the 12-week window', () => {
    const result = countLateness(
      marks('U', [...NINE_TUESDAYS, '2024-12-03']),
      calendar,
      HCAT_LATENESS_POLICY
    );
    expect(result.persistentLateness.reached).toBe(false);
    expect(result.persistentLateness.maximum).toBe(9);
  });

  test('the holiday week counts as one of the 12 (12 school weeks would reach it)', () => {
    const register = marks('U', [...NINE_TUESDAYS, '2024-12-03']);
    const inSchoolWeeks = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      persistentLateness: { ...HCAT_LATENESS_POLICY.persistentLateness, unit: 'school-weeks' },
    });
    expect(countLateness(register, calendar, inSchoolWeeks).persistentLateness.reached).toBe(true);
  });

  test('the half-term rows and the window are counted independently of each other', () => {
    const result = countLateness(
      marks('U', [...NINE_TUESDAYS, '2024-11-26']),
      calendar,
      HCAT_LATENESS_POLICY
    );
    expect(result.halfTerms.map((row) => [row.halfTerm.name, row.lateAfterRegisterClosed])).toEqual([
      ['Autumn 1', 7],
      ['Autumn 2', 3],
    ]);
    expect(result.halfTerms[0]!.actions).toEqual([
      { action: 'unauthorised-lateness-warning', label: WARNING.label, reachedOn: '2024-10-08' },
    ]);
    expect(result.halfTerms[1]!.actions).toEqual([]);
    expect(result.lateAfterRegisterClosed).toBe(10);
  });
});

describe('countLateness: rows and totals', () => {
  const register: SessionMark[] = [
    { date: isoDate('2024-09-10'), session: 'AM', code: 'L', minutesLate: 10 },
    { date: isoDate('2024-09-10'), session: 'PM', code: 'L', minutesLate: 5 },
    { date: isoDate('2024-09-11'), session: 'AM', code: 'U', minutesLate: 40 },
    { date: isoDate('2024-09-11'), session: 'PM', code: '/' },
    { date: isoDate('2024-09-12'), session: 'AM', code: 'L' },
    { date: isoDate('2024-11-05'), session: 'AM', code: 'U' },
    { date: isoDate('2024-11-05'), session: 'PM', code: 'N' },
  ];

  test('each half-term row counts L and U, lists their dates and sums the minutes recorded', () => {
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(result.halfTerms[0]).toMatchObject({
      halfTerm: { year: '2024/25', name: 'Autumn 1', index: 0, start: '2024-09-02', end: '2024-10-25' },
      late: 3,
      lateAfterRegisterClosed: 1,
      lateDates: ['2024-09-10', '2024-09-10', '2024-09-12'],
      lateAfterRegisterClosedDates: ['2024-09-11'],
      minutesLate: 55,
      lateMarksWithMinutes: 3,
    });
    expect(result.halfTerms[1]).toMatchObject({
      halfTerm: { name: 'Autumn 2' },
      late: 0,
      lateAfterRegisterClosed: 1,
      lateDates: [],
      lateAfterRegisterClosedDates: ['2024-11-05'],
      minutesLate: 0,
      lateMarksWithMinutes: 0,
    });
  });

  test('totals are the sums of the rows', () => {
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(result).toMatchObject({
      late: 3,
      lateAfterRegisterClosed: 2,
      minutesLate: 55,
      lateMarksWithMinutes: 3,
    });
  });

  test('the totals agree with countSessions', () => {
    const result = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    const counts = countSessions(register);
    expect(result.late).toBe(counts.late);
    expect(result.lateAfterRegisterClosed).toBe(counts.lateAfterRegisterClosed);
  });

  test('marks in any order give the same result as marks in date order', () => {
    const shuffled = [
      register[5]!,
      register[2]!,
      register[0]!,
      register[6]!,
      register[4]!,
      register[1]!,
      register[3]!,
    ];
    expect(countLateness(shuffled, calendar, HCAT_LATENESS_POLICY)).toEqual(
      countLateness(register, calendar, HCAT_LATENESS_POLICY)
    );
  });

  test('a compact register gives the same counts, with no minutes late (it records none)', () => {
    const compact = toCompactRegister(register, toSessionSlots(calendar));
    const fromCompact = countLateness(compact, calendar, HCAT_LATENESS_POLICY);
    const fromMarks = countLateness(register, calendar, HCAT_LATENESS_POLICY);
    expect(
      fromCompact.halfTerms.map((row) => [row.late, row.lateDates, row.lateAfterRegisterClosedDates])
    ).toEqual(fromMarks.halfTerms.map((row) => [row.late, row.lateDates, row.lateAfterRegisterClosedDates]));
    expect(fromCompact.persistentLateness).toEqual(fromMarks.persistentLateness);
    expect(fromCompact).toMatchObject({ minutesLate: 0, lateMarksWithMinutes: 0 });
  });

  test('a register without late marks has no rows and zero totals', () => {
    const result = countLateness(marks('/', AUTUMN_1_DAYS), calendar, HCAT_LATENESS_POLICY);
    expect(result).toMatchObject({
      halfTerms: [],
      late: 0,
      lateAfterRegisterClosed: 0,
      minutesLate: 0,
      lateMarksWithMinutes: 0,
    });
    expect(result.persistentLateness.reached).toBe(false);
    expect(countLateness([], calendar, HCAT_LATENESS_POLICY).halfTerms).toEqual([]);
  });

  test('a policy with no half-term actions still counts', () => {
    const policy = defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, halfTermActions: [] });
    const result = countLateness(marks('L', AUTUMN_1_DAYS), calendar, policy);
    expect(result.halfTerms[0]).toMatchObject({ late: 8, actions: [] });
  });
});

describe('countLateness: marks the calendar cannot place', () => {
  test('an L mark in a holiday is an error naming the mark', () => {
    const register = [...marks('L', ['2024-09-10']), ...marks('L', ['2024-10-30'])];
    const error = attendanceErrorOf(() => countLateness(register, calendar, HCAT_LATENESS_POLICY));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'mark_on_closed_session',
      severity: 'error',
      path: [1, 'date'],
      date: '2024-10-30',
      session: 'AM',
      field: 'date',
    });
    expect(error.issues[0].message).toContain('a school holiday');
  });

  test('L marks on a weekend and on an INSET day are errors', () => {
    const error = attendanceErrorOf(() =>
      countLateness(marks('L', ['2024-09-07', '2024-09-02']), calendar, HCAT_LATENESS_POLICY)
    );
    expect(error.issues.map((issue) => [issue.code, issue.date])).toEqual([
      ['mark_on_closed_session', '2024-09-07'],
      ['mark_on_closed_session', '2024-09-02'],
    ]);
    expect(error.issues[0].message).toContain('a weekend');
    expect(error.issues[1]!.message).toContain('INSET day');
  });

  test('a late mark outside the calendar is reported once, as outside_calendar', () => {
    const error = attendanceErrorOf(() =>
      countLateness(
        [
          { pupilId: 'P1', date: isoDate('2027-01-05'), session: 'AM', code: 'U' },
          { pupilId: 'P1', date: isoDate('2024-08-30'), session: 'PM', code: 'L' },
        ],
        calendar,
        HCAT_LATENESS_POLICY
      )
    );
    expect(error.issues.map((issue) => [issue.code, issue.path, issue.pupilId])).toEqual([
      ['outside_calendar', [0, 'date'], 'P1'],
      ['outside_calendar', [1, 'date'], 'P1'],
    ]);
  });

  test('marks that are not late are not checked here', () => {
    const register = marks('/', ['2024-10-30', '2027-01-05']);
    expect(countLateness(register, calendar, HCAT_LATENESS_POLICY).halfTerms).toEqual([]);
  });

  test('two marks for one session are an error', () => {
    const register = [...marks('L', ['2024-09-10']), ...marks('/', ['2024-09-10'])];
    const error = attendanceErrorOf(() => countLateness(register, calendar, HCAT_LATENESS_POLICY));
    expect(error.issues.map((issue) => issue.code)).toEqual(['duplicate_mark']);
  });

  test('every problem is reported at once', () => {
    const register = [
      ...marks('L', ['2024-10-30']),
      ...marks('U', ['2024-09-10']),
      ...marks('/', ['2024-09-10']),
    ];
    const error = attendanceErrorOf(() => countLateness(register, calendar, HCAT_LATENESS_POLICY));
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'duplicate_mark',
      'mark_on_closed_session',
    ]);
  });

  test('in a compact register, a late mark on a closed slot is located by its slot', () => {
    const slots = toSessionSlots(calendar, { from: isoDate('2024-09-09'), to: isoDate('2024-09-13') });
    const compact = toCompactRegister(marks('L', ['2024-09-10']), slots);
    const onClosedDay = {
      ...compact,
      slots: {
        ...slots,
        dates: slots.dates.map((date) => (date === '2024-09-10' ? isoDate('2024-09-14') : date)),
      },
    };
    const error = attendanceErrorOf(() => countLateness(onClosedDay, calendar, HCAT_LATENESS_POLICY));
    expect(error.issues[0]).toMatchObject({
      code: 'mark_on_closed_session',
      path: ['codes', 2],
      date: '2024-09-14',
    });
  });
});
