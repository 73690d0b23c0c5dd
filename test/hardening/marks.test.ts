import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  assessPenaltyNoticeThreshold,
  classifyCode,
  countLateness,
  countRollingWindow,
  countSessions,
  createCohortRegister,
  createSessionSlots,
  defineSchoolCalendar,
  DFE_CONTINUOUS_ABSENCE_RETURN,
  DFE_POLICY,
  DFE_SICKNESS_RETURN,
  findAbsenceActions,
  findContinuousAbsence,
  findSicknessReturns,
  groupMarksByPupil,
  HCAT_LATENESS_POLICY,
  isAttendanceError,
  runEscalation,
  safeCountSessions,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type { AttendanceIssue, CompactRegister, SessionMark } from '../../src/index.js';
import { tallyMarks } from '../../src/sessions/tally.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Regression tests: marks that are not marks (null, a string, a mark dated 30 February or "banana", a session "XX",
// a code that is not text) used to be counted as ordinary sessions, or to throw a TypeError; each reader of marks now
// rejects them with an AttendanceError naming the mark, by one shared check (src/sessions/checkMarks.ts).

const calendar = defineSchoolCalendar(exampleCalendar);
const slots = toSessionSlots(calendar);

const GOOD = { date: '2024-09-10', session: 'AM', code: '/' };

/** A register whose mark 1 is the given value, after one good mark. */
const withSecond = (bad: unknown): SessionMark[] => [GOOD, bad] as unknown as SessionMark[];

/** Every public function that takes marks as objects, as a call on one pupil's marks. */
const READERS: readonly (readonly [string, (marks: SessionMark[]) => unknown, (string | number)[]])[] = [
  ['countSessions', (marks) => countSessions(marks), []],
  [
    'safeCountSessions',
    (marks) => {
      const result = safeCountSessions(marks);
      if (!result.success) throw result.error;
      return result.data;
    },
    [],
  ],
  ['countRollingWindow', (marks) => countRollingWindow(marks, calendar, DFE_POLICY.penaltyNotice), []],
  ['assessPenaltyNoticeThreshold', (marks) => assessPenaltyNoticeThreshold(marks, calendar), []],
  ['countLateness', (marks) => countLateness(marks, calendar, HCAT_LATENESS_POLICY), []],
  ['findContinuousAbsence', (marks) => findContinuousAbsence(marks, calendar, { codes: ['N'] }), []],
  ['findSicknessReturns', (marks) => findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN), []],
  ['findAbsenceActions', (marks) => findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN), []],
  ['runEscalation', (marks) => runEscalation(marks, calendar, { pupilId: 'P7' }), []],
  ['toCompactRegister', (marks) => toCompactRegister(marks, slots, 'P7'), []],
  ['createCohortRegister', (marks) => createCohortRegister([['P7', marks]]), ['P7']],
  [
    'groupMarksByPupil',
    (marks) => groupMarksByPupil(marks.map((mark) => (isMarkLike(mark) ? { pupilId: 'P7', ...mark } : mark))),
    [],
  ],
];

function isMarkLike(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** The bad marks, with the issue each must raise (as mark 1 of the register). */
const BAD_MARKS: readonly (readonly [string, unknown, Partial<AttendanceIssue>])[] = [
  [
    'dated 30 February',
    { date: '2024-02-30', session: 'AM', code: '/' },
    {
      code: 'invalid_date',
      field: 'date',
      date: '2024-02-30',
      session: 'AM',
      received: '2024-02-30',
      expected: 'a real day as YYYY-MM-DD',
    },
  ],
  [
    'dated "banana"',
    { date: 'banana', session: 'PM', code: '/' },
    { code: 'invalid_date', field: 'date', date: 'banana', session: 'PM', received: 'banana' },
  ],
  [
    'with an empty date and session',
    { date: '', session: '', code: '/' },
    { code: 'invalid_date', field: 'date', received: '' },
  ],
  [
    'in session "XX"',
    { date: '2024-09-11', session: 'XX', code: '/' },
    { code: 'invalid_session', field: 'session', date: '2024-09-11', received: 'XX', expected: 'AM or PM' },
  ],
  [
    'with a number for a code',
    { date: '2024-09-11', session: 'AM', code: 5 },
    { code: 'invalid_value', field: 'code', received: '5' },
  ],
  ['that is null', null, { code: 'invalid_value', received: 'null' }],
  ['that is a string', 'L', { code: 'invalid_value', received: 'L' }],
];

describe.each(READERS)('%s', (_name, read, prefix) => {
  test.each(BAD_MARKS)('rejects a mark %s with an AttendanceError naming it', (_what, bad, expected) => {
    const error = attendanceErrorOf(() => read(withSecond(bad)));
    const issue = error.issues[0];
    const path = expected.field === undefined ? [...prefix, 1] : [...prefix, 1, expected.field];
    expect(issue).toMatchObject({ severity: 'error', path, ...expected });
    expect(issue.message).toContain('Mark 1');
    if (prefix.length > 0 || _name === 'toCompactRegister' || _name === 'groupMarksByPupil') {
      if (isMarkLike(bad)) expect(issue.pupilId).toBe('P7');
    }
  });
});

test('a pupil named on the mark is named in the issue', () => {
  const error = attendanceErrorOf(() =>
    countSessions([
      { pupilId: 'P9', date: '2024-02-30', session: 'AM', code: '/' },
    ] as unknown as SessionMark[])
  );
  expect(error.issues[0]).toMatchObject({ pupilId: 'P9', path: [0, 'date'] });
  expect(error.message).toContain('pupil P9');
});

test('every malformed field of every mark is listed, not only the first', () => {
  const error = attendanceErrorOf(() =>
    countSessions([
      { date: 'banana', session: 'XX', code: '/' },
      GOOD,
      { date: '2024-13-01', session: 'AM', code: null },
    ] as unknown as SessionMark[])
  );
  expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
    ['invalid_date', [0, 'date']],
    ['invalid_session', [0, 'session']],
    ['invalid_date', [2, 'date']],
    ['invalid_value', [2, 'code']],
  ]);
});

test('minutes late that are not a whole number of minutes are rejected', () => {
  const error = attendanceErrorOf(() =>
    countLateness(
      [{ date: '2024-09-10', session: 'AM', code: 'L', minutesLate: -5 }] as unknown as SessionMark[],
      calendar,
      HCAT_LATENESS_POLICY
    )
  );
  expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: [0, 'minutesLate'], received: '-5' });
});

describe('item 1: safe functions never throw, and classifyCode keeps its contract', () => {
  test.each([
    ['[null]', [null], [0]],
    ['"L"', 'L', []],
    ['null', null, []],
    ['a number', 42, []],
    ['an object that is no register', { codes: 'AM' }, ['codes']],
  ])('safeCountSessions(%s) returns a located failure', (_what, register, path) => {
    const result = safeCountSessions(register as unknown as SessionMark[]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(isAttendanceError(result.error)).toBe(true);
    expect(result.error.issues[0].path).toEqual(path);
  });

  test('safeCountSessions rejects options that are not options', () => {
    const result = safeCountSessions([GOOD] as SessionMark[], null as never);
    expect(result.success).toBe(false);
    const unknownSet = safeCountSessions([GOOD] as SessionMark[], { codeSet: '2023' as never });
    expect(unknownSet.success || unknownSet.error.issues[0]).toMatchObject({ path: ['codeSet'] });
  });

  test('classifyCode without options throws an AttendanceError (neither a date nor a code set)', () => {
    const error = attendanceErrorOf(() => classifyCode('X', null as never));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['date'] });
    expect(attendanceErrorOf(() => classifyCode('X', undefined as never)).issues[0].path).toEqual(['date']);
  });

  test('classifyCode rejects a date that is no real day, an unknown code set and a code that is not text', () => {
    expect(
      attendanceErrorOf(() => classifyCode('X', { date: '2024-02-30' as never })).issues[0]
    ).toMatchObject({
      code: 'invalid_date',
      path: ['date'],
    });
    expect(attendanceErrorOf(() => classifyCode('X', { codeSet: '2023' as never })).issues[0].path).toEqual([
      'codeSet',
    ]);
    expect(attendanceErrorOf(() => classifyCode(null as never, { codeSet: '2024' })).issues[0].path).toEqual([
      'code',
    ]);
    // Good input is unchanged.
    expect(classifyCode('X', { codeSet: '2024' }).outcome).toBe('classified');
  });
});

describe('item 2: an empty mark is not taken for the count’s starting "previous" mark', () => {
  test('countSessions rejects it with an AttendanceError, not a TypeError', () => {
    const error = attendanceErrorOf(() =>
      countSessions([{ date: '', session: '', code: '/' }] as unknown as SessionMark[])
    );
    expect(error).toBeInstanceOf(AttendanceError);
  });

  test('the count itself starts with no previous session, so a first mark matching "" is counted', () => {
    const issues: AttendanceIssue[] = [];
    const marks = [{ date: '', session: '', code: '/' }] as unknown as SessionMark[];
    const histograms = tallyMarks(marks, {}, issues, true);
    expect(issues).toEqual([]);
    expect(histograms.reduce((sum, count) => sum + count, 0)).toBe(1);
  });
});

describe('compact registers: slots are checked when built, or once when first read', () => {
  test('createSessionSlots rejects a slot dated 30 February, a session "XX" and a slot that is not one', () => {
    const error = attendanceErrorOf(() =>
      createSessionSlots([
        { date: '2024-02-30', session: 'AM' },
        { date: '2024-09-10', session: 'XX' },
        null,
      ] as never)
    );
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_date', [0, 'date']],
      ['invalid_session', [1, 'session']],
      ['invalid_value', [2]],
    ]);
  });

  test('a hand-made compact register over bad slots is rejected by every reader', () => {
    const register = {
      slots: { dates: ['banana', '2024-09-10'], sessions: ['AM', 'XX'], first2024Index: 0 },
      codes: new Uint8Array(2),
    } as unknown as CompactRegister;
    const error = attendanceErrorOf(() => countSessions(register));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_date', ['slots', 'dates', 0]],
      ['invalid_session', ['slots', 'sessions', 1]],
    ]);
    expect(() => countRollingWindow(register, calendar, DFE_POLICY.penaltyNotice)).toThrow(AttendanceError);
    expect(() => countLateness(register, calendar, HCAT_LATENESS_POLICY)).toThrow(AttendanceError);
    expect(() => findContinuousAbsence(register, calendar, { codes: ['N'] })).toThrow(AttendanceError);
    expect(() => runEscalation(register, calendar, { pupilId: 'P1' })).toThrow(AttendanceError);
  });

  test('a compact register whose first2024Index disagrees with its dates is rejected', () => {
    const register = {
      slots: { dates: ['2024-09-10'], sessions: ['AM'], first2024Index: 1 },
      codes: new Uint8Array(1),
    } as unknown as CompactRegister;
    expect(attendanceErrorOf(() => countSessions(register)).issues[0].path).toEqual([
      'slots',
      'first2024Index',
    ]);
  });

  test('createCohortRegister checks fixed slots given to it', () => {
    const bad = { dates: ['2024-09-10'], sessions: ['XX'], first2024Index: 0 } as never;
    const error = attendanceErrorOf(() =>
      createCohortRegister([['P1', [GOOD as SessionMark]]], { slots: bad })
    );
    expect(error.issues[0]).toMatchObject({
      code: 'invalid_session',
      path: ['options', 'slots', 'sessions', 0],
    });
  });
});

describe('each distinct date is checked, whatever was counted before', () => {
  const days = ['2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13'];
  const register = (dates: readonly string[]): SessionMark[] =>
    dates.flatMap((date) => [
      { date, session: 'AM', code: '/' },
      { date, session: 'PM', code: 'N' },
    ]) as SessionMark[];

  test('a bad date after registers of good ones is still found, at any place', () => {
    countSessions(register(days));
    for (const bad of ['2024-09-31', '2024-09-1', '2024-09-11 ']) {
      for (let at = 0; at < days.length; at += 1) {
        const dates = days.map((day, index) => (index === at ? bad : day));
        const error = attendanceErrorOf(() => countSessions(register(dates)));
        expect(error.issues[0]).toMatchObject({
          code: 'invalid_date',
          path: [at * 2, 'date'],
          received: bad,
        });
      }
    }
  });

  test('a pupil who joined later, and marks in any order, are counted as in order', () => {
    const full = countSessions(register(days));
    expect(countSessions(register(days.slice(2))).possible).toBe(4);
    expect(countSessions([...register(days)].reverse())).toEqual(full);
    expect(countSessions(register(days))).toEqual(full);
  });
});
