import { describe, expect, test } from 'vitest';
import {
  checkMarksAgainstCalendar,
  defineSchoolCalendar,
  eachSchoolDay,
  eachSchoolWeek,
  eachSessionSlot,
  findHalfTerm,
  findSchoolWeek,
  isoDate,
  isSchoolDay,
  toSessionSlots,
} from '../../src/index.js';
import type { HalfTermInfo, SchoolCalendar, Session, SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the library's calendar rules: school days are the weekdays inside a half-term not closed all day (a
// day closed only in the afternoon is still a school day); a school week is a Monday-to-Sunday week with at least one
// session, numbered from 0 across the whole calendar with holiday weeks skipped, so the numbers run on across terms
// and school years (the national penalty-notice framework counts in these). Every date is an ISO string: expected
// values are written as strings, so no time zone can move them.
//
// The example calendar (2024/25 and 2025/26) has INSET days on Mondays 2 September 2024, 4 November 2024, 6 January
// 2025, 24 February 2025 and 5 January 2026, on Tuesday 22 July 2025 (its last day), Wednesday 3 September 2025 (its
// first day) and Friday 24 October 2025; early May bank holidays on 5 May 2025 and 4 May 2026; and closes at
// lunchtime on its very last day, Tuesday 21 July 2026.

const calendar = defineSchoolCalendar(exampleCalendar);

/** The example calendar with one session a day (the afternoon closure of its last day left out). */
const oneSessionCalendar = defineSchoolCalendar({
  ...exampleCalendar,
  sessionsPerDay: 1,
  closures: exampleCalendar.closures.filter((closure) => closure.date !== '2026-07-21'),
});

/**
 * A small calendar of one school year whose first day, Friday 30 August 2024, is an INSET day, and whose last
 * half-term ends on Monday 21 July 2025.
 */
const insetFridayCalendar = defineSchoolCalendar({
  name: 'INSET Friday',
  years: [
    {
      name: '2024/25',
      halfTerms: [
        { name: 'Autumn 1', start: '2024-08-30', end: '2024-10-25' },
        { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
        { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
        { name: 'Spring 2', start: '2025-02-24', end: '2025-04-04' },
        { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
        { name: 'Summer 2', start: '2025-06-02', end: '2025-07-21' },
      ],
    },
  ],
  closures: [{ date: '2024-08-30', reason: 'inset', label: 'INSET day' }],
});

function mark(date: string, session: Session, code: string, pupilId?: string): SessionMark {
  return { ...(pupilId === undefined ? {} : { pupilId }), date: isoDate(date), session, code };
}

/** Every half-term of the example calendar, as findHalfTerm describes it. */
const HALF_TERMS: readonly HalfTermInfo[] = [
  ['2024/25', 'Autumn 1', 0, 'autumn', '2024-09-02', '2024-10-25'],
  ['2024/25', 'Autumn 2', 1, 'autumn', '2024-11-04', '2024-12-20'],
  ['2024/25', 'Spring 1', 2, 'spring', '2025-01-06', '2025-02-14'],
  ['2024/25', 'Spring 2', 3, 'spring', '2025-02-24', '2025-04-04'],
  ['2024/25', 'Summer 1', 4, 'summer', '2025-04-22', '2025-05-23'],
  ['2024/25', 'Summer 2', 5, 'summer', '2025-06-02', '2025-07-22'],
  ['2025/26', 'Autumn 1', 0, 'autumn', '2025-09-03', '2025-10-24'],
  ['2025/26', 'Autumn 2', 1, 'autumn', '2025-11-03', '2025-12-19'],
  ['2025/26', 'Spring 1', 2, 'spring', '2026-01-05', '2026-02-13'],
  ['2025/26', 'Spring 2', 3, 'spring', '2026-02-23', '2026-03-27'],
  ['2025/26', 'Summer 1', 4, 'summer', '2026-04-13', '2026-05-22'],
  ['2025/26', 'Summer 2', 5, 'summer', '2026-06-01', '2026-07-21'],
].map(([year, name, index, term, start, end]) => ({
  year: year as string,
  name: name as string,
  index: index as number,
  term: term as HalfTermInfo['term'],
  start: isoDate(start as string),
  end: isoDate(end as string),
}));

describe('eachSchoolDay', () => {
  test('leaves out weekends and an INSET day, both ends of the range included', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2024-09-02'), to: isoDate('2024-09-10') })).toEqual([
      '2024-09-03',
      '2024-09-04',
      '2024-09-05',
      '2024-09-06',
      '2024-09-09',
      '2024-09-10',
    ]);
    expect(eachSchoolDay(calendar, { from: isoDate('2024-09-04'), to: isoDate('2024-09-04') })).toEqual([
      '2024-09-04',
    ]);
  });

  test('leaves out the October half-term holiday and the INSET day after it', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2024-10-24'), to: isoDate('2024-11-06') })).toEqual([
      '2024-10-24',
      '2024-10-25',
      '2024-11-05',
      '2024-11-06',
    ]);
  });

  test('leaves out a bank holiday', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2025-05-02'), to: isoDate('2025-05-06') })).toEqual([
      '2025-05-02',
      '2025-05-06',
    ]);
  });

  test('keeps a day closed only in the afternoon', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2026-07-20') })).toEqual(['2026-07-20', '2026-07-21']);
  });

  test('runs across the summer holiday into the next school year', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2025-07-18'), to: isoDate('2025-09-08') })).toEqual([
      '2025-07-18',
      '2025-07-21',
      '2025-09-04',
      '2025-09-05',
      '2025-09-08',
    ]);
  });

  test('the whole calendar has 190 school days in 2024/25 and 191 in 2025/26', () => {
    const days = eachSchoolDay(calendar);
    expect(days).toHaveLength(381);
    expect(days[0]).toBe('2024-09-03');
    expect(days[days.length - 1]).toBe('2026-07-21');
    expect(eachSchoolDay(calendar, { to: isoDate('2025-08-31') })).toHaveLength(190);
    expect(eachSchoolDay(calendar, { from: isoDate('2025-09-01') })).toHaveLength(191);
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
  });

  test('a range outside the calendar or the wrong way round has no school days', () => {
    expect(eachSchoolDay(calendar, { from: isoDate('2026-08-01') })).toEqual([]);
    expect(eachSchoolDay(calendar, { to: isoDate('2024-09-01') })).toEqual([]);
    expect(eachSchoolDay(calendar, { from: isoDate('2024-09-10'), to: isoDate('2024-09-09') })).toEqual([]);
    expect(eachSchoolDay(calendar, { from: isoDate('2024-12-21'), to: isoDate('2025-01-05') })).toEqual([]);
  });
});

describe('eachSessionSlot and toSessionSlots', () => {
  test('a school day has a morning and an afternoon slot, in register order', () => {
    expect(eachSessionSlot(calendar, { from: isoDate('2024-09-01'), to: isoDate('2024-09-03') })).toEqual([
      { date: '2024-09-03', session: 'AM' },
      { date: '2024-09-03', session: 'PM' },
    ]);
  });

  test('the day closed in the afternoon has only its morning slot', () => {
    expect(eachSessionSlot(calendar, { from: isoDate('2026-07-20') })).toEqual([
      { date: '2026-07-20', session: 'AM' },
      { date: '2026-07-20', session: 'PM' },
      { date: '2026-07-21', session: 'AM' },
    ]);
  });

  test('a one-session calendar has only morning slots', () => {
    const slots = eachSessionSlot(oneSessionCalendar, {
      from: isoDate('2024-09-02'),
      to: isoDate('2024-09-06'),
    });
    expect(slots).toEqual(
      ['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'].map((date) => ({ date, session: 'AM' }))
    );
    expect(eachSessionSlot(oneSessionCalendar).every((slot) => slot.session === 'AM')).toBe(true);
    expect(eachSessionSlot(oneSessionCalendar)).toHaveLength(381);
  });

  test('the whole calendar: 380 sessions in 2024/25 and 381 in 2025/26 (its last afternoon closed)', () => {
    const slots = eachSessionSlot(calendar);
    expect(slots).toHaveLength(761);
    expect(eachSessionSlot(calendar, { to: isoDate('2025-08-31') })).toHaveLength(380);
    expect(eachSessionSlot(calendar, { from: isoDate('2025-09-01') })).toHaveLength(381);
    const days = eachSchoolDay(calendar);
    expect(slots.filter((slot) => slot.session === 'AM').map((slot) => slot.date)).toEqual(days);
  });

  test('toSessionSlots holds the same slots as eachSessionSlot', () => {
    const range = { from: isoDate('2024-09-02'), to: isoDate('2025-07-22') };
    const slots = toSessionSlots(calendar, range);
    const listed = eachSessionSlot(calendar, range);
    expect(slots.dates).toHaveLength(380);
    expect(slots.sessions).toHaveLength(380);
    expect(slots.dates).toEqual(listed.map((slot) => slot.date));
    expect(slots.sessions).toEqual(listed.map((slot) => slot.session));
    expect(toSessionSlots(calendar).dates).toHaveLength(761);
    expect(toSessionSlots(oneSessionCalendar).dates).toHaveLength(381);
    expect(toSessionSlots(calendar, { from: isoDate('2026-08-01') }).dates).toEqual([]);
  });
});

describe('findHalfTerm', () => {
  test.each(HALF_TERMS)('$year $name: its first and last day', (halfTerm) => {
    expect(findHalfTerm(calendar, halfTerm.start)).toEqual(halfTerm);
    expect(findHalfTerm(calendar, halfTerm.end)).toEqual(halfTerm);
  });

  test('a weekend and an INSET day inside a half-term belong to it', () => {
    expect(findHalfTerm(calendar, isoDate('2024-09-07'))?.name).toBe('Autumn 1');
    expect(findHalfTerm(calendar, isoDate('2024-09-02'))).toEqual(HALF_TERMS[0]);
    expect(findHalfTerm(calendar, isoDate('2025-05-05'))).toEqual(HALF_TERMS[4]);
  });

  test.each([
    '2024-10-26',
    '2024-10-30',
    '2024-11-03',
    '2024-12-25',
    '2025-04-21',
    '2025-07-23',
    '2025-08-15',
  ])('a holiday date, %s, is in no half-term', (date) => {
    expect(findHalfTerm(calendar, isoDate(date))).toBeUndefined();
  });

  test.each(['2024-09-01', '2024-08-30', '2026-07-22', '2026-08-31', '2019-01-01', '2030-09-02'])(
    'a date outside the calendar, %s, is in no half-term',
    (date) => {
      expect(findHalfTerm(calendar, isoDate(date))).toBeUndefined();
    }
  );
});

describe('findSchoolWeek', () => {
  test('the first school week is number 0, Monday to Sunday, without its INSET Monday', () => {
    const first = {
      index: 0,
      monday: '2024-09-02',
      schoolDays: ['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'],
    };
    for (const date of ['2024-09-02', '2024-09-04', '2024-09-07', '2024-09-08']) {
      expect(findSchoolWeek(calendar, isoDate(date))).toEqual(first);
    }
  });

  test('the half-term holiday week is skipped: the week after it is number 8', () => {
    expect(findSchoolWeek(calendar, isoDate('2024-10-25'))?.index).toBe(7);
    expect(findSchoolWeek(calendar, isoDate('2024-10-28'))).toBeUndefined();
    expect(findSchoolWeek(calendar, isoDate('2024-11-01'))).toBeUndefined();
    expect(findSchoolWeek(calendar, isoDate('2024-11-04'))).toEqual({
      index: 8,
      monday: '2024-11-04',
      schoolDays: ['2024-11-05', '2024-11-06', '2024-11-07', '2024-11-08'],
    });
  });

  test('a week with one open day is a school week', () => {
    // 21 July 2025 is open; 22 July is an INSET day and the summer holiday follows.
    expect(findSchoolWeek(calendar, isoDate('2025-07-22'))).toEqual({
      index: 39,
      monday: '2025-07-21',
      schoolDays: ['2025-07-21'],
    });
    // A half-term ending on a Monday still makes its week a school week.
    expect(findSchoolWeek(insetFridayCalendar, isoDate('2025-07-21'))?.schoolDays).toEqual(['2025-07-21']);
  });

  test('a week whose only weekday in a half-term is an INSET day is not a school week', () => {
    expect(findSchoolWeek(insetFridayCalendar, isoDate('2024-08-30'))).toBeUndefined();
    expect(findSchoolWeek(insetFridayCalendar, isoDate('2024-08-26'))).toBeUndefined();
    expect(findSchoolWeek(insetFridayCalendar, isoDate('2024-09-02'))).toEqual({
      index: 0,
      monday: '2024-09-02',
      schoolDays: ['2024-09-02', '2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'],
    });
  });

  test('the summer holiday is skipped: numbers run on into the next school year', () => {
    expect(findSchoolWeek(calendar, isoDate('2025-07-28'))).toBeUndefined();
    expect(findSchoolWeek(calendar, isoDate('2025-08-25'))).toBeUndefined();
    // Monday 1 and Tuesday 2 September 2025 are holiday, 3 September an INSET day: the week is still a school week.
    const week40 = { index: 40, monday: '2025-09-01', schoolDays: ['2025-09-04', '2025-09-05'] };
    expect(findSchoolWeek(calendar, isoDate('2025-09-01'))).toEqual(week40);
    expect(findSchoolWeek(calendar, isoDate('2025-09-05'))).toEqual(week40);
    expect(findSchoolWeek(calendar, isoDate('2025-09-08'))?.index).toBe(41);
  });

  test('the last school week of the calendar is number 79', () => {
    expect(findSchoolWeek(calendar, isoDate('2026-07-21'))).toEqual({
      index: 79,
      monday: '2026-07-20',
      schoolDays: ['2026-07-20', '2026-07-21'],
    });
    expect(findSchoolWeek(calendar, isoDate('2026-07-26'))?.index).toBe(79);
  });

  test.each(['2024-09-01', '2024-08-19', '2026-07-27', '2026-09-07'])(
    'a date outside the calendar, %s, is in no school week',
    (date) => {
      expect(findSchoolWeek(calendar, isoDate(date))).toBeUndefined();
    }
  );
});

describe('eachSchoolWeek', () => {
  const weeks = eachSchoolWeek(calendar);

  test('lists 80 school weeks, numbered from 0 in order: 40 in each school year', () => {
    expect(weeks).toHaveLength(80);
    expect(weeks.map((week) => week.index)).toEqual(Array.from({ length: 80 }, (_, index) => index));
    expect(weeks.filter((week) => week.monday < '2025-08-01')).toHaveLength(40);
  });

  test('each week agrees with findSchoolWeek on its Monday', () => {
    for (const week of weeks) expect(findSchoolWeek(calendar, week.monday)).toEqual(week);
  });

  test('consecutive school weeks are a week apart except across holidays', () => {
    const mondays = weeks.map((week) => week.monday);
    const gapsAfter = (monday: string): string | undefined => mondays[mondays.indexOf(isoDate(monday)) + 1];
    expect(gapsAfter('2024-10-21')).toBe('2024-11-04'); // October half-term
    expect(gapsAfter('2024-12-16')).toBe('2025-01-06'); // Christmas
    expect(gapsAfter('2025-02-10')).toBe('2025-02-24'); // February half-term
    expect(gapsAfter('2025-03-31')).toBe('2025-04-21'); // Easter
    expect(gapsAfter('2025-05-19')).toBe('2025-06-02'); // May half-term
    expect(gapsAfter('2025-07-21')).toBe('2025-09-01'); // summer
    expect(gapsAfter('2024-09-02')).toBe('2024-09-09');
    expect(weeks[39]).toEqual({ index: 39, monday: '2025-07-21', schoolDays: ['2025-07-21'] });
    expect(weeks[40]?.monday).toBe('2025-09-01');
  });

  test('every school day is in exactly one school week, and every school week has a school day', () => {
    const listed = weeks.flatMap((week) => week.schoolDays);
    expect(listed).toEqual(eachSchoolDay(calendar));
    expect(weeks.every((week) => week.schoolDays.length >= 1 && week.schoolDays.length <= 5)).toBe(true);
  });

  test('a calendar starting with an INSET-only week numbers from the next week', () => {
    const insetWeeks = eachSchoolWeek(insetFridayCalendar);
    expect(insetWeeks[0]?.monday).toBe('2024-09-02');
    expect(insetWeeks).toHaveLength(40);
  });
});

describe('isSchoolDay', () => {
  test.each([
    { date: '2024-09-03', expected: true, why: 'an ordinary Tuesday' },
    { date: '2024-09-02', expected: false, why: 'an INSET day' },
    { date: '2024-09-07', expected: false, why: 'a Saturday in term' },
    { date: '2024-09-08', expected: false, why: 'a Sunday in term' },
    { date: '2024-10-30', expected: false, why: 'half-term holiday' },
    { date: '2025-05-05', expected: false, why: 'a bank holiday' },
    { date: '2025-07-21', expected: true, why: 'the last open day of 2024/25' },
    { date: '2025-08-12', expected: false, why: 'summer holiday' },
    { date: '2026-07-21', expected: true, why: 'closed only in the afternoon' },
    { date: '2024-08-30', expected: false, why: 'before the calendar' },
    { date: '2026-09-01', expected: false, why: 'after the calendar' },
  ])('$date → $expected ($why)', ({ date, expected }) => {
    expect(isSchoolDay(calendar, isoDate(date))).toBe(expected);
  });
});

describe('checkMarksAgainstCalendar', () => {
  const marks: SessionMark[] = [
    mark('2024-09-03', 'AM', '/', 'P1'), // 0: fine
    mark('2024-09-07', 'AM', 'O', 'P1'), // 1: a Saturday
    mark('2024-10-30', 'PM', 'N', 'P1'), // 2: half-term holiday
    mark('2024-09-02', 'AM', '/', 'P1'), // 3: INSET day, marked present
    mark('2024-09-02', 'PM', '#', 'P1'), // 4: INSET day, planned closure: agrees with the calendar
    mark('2026-09-01', 'AM', '/', 'P1'), // 5: after the calendar ends
    mark('2026-07-21', 'AM', '/', 'P1'), // 6: the morning of the half-closed day: open
    mark('2026-07-21', 'PM', 'U', 'P1'), // 7: its afternoon: closed
  ];

  test('reports each mark the calendar contradicts, in the order of the marks, and nothing else', () => {
    const issues = checkMarksAgainstCalendar(marks, calendar);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'mark_on_closed_session', path: [1, 'date'] },
      { code: 'mark_on_closed_session', path: [2, 'date'] },
      { code: 'mark_on_closed_session', path: [3, 'date'] },
      { code: 'outside_calendar', path: [5, 'date'] },
      { code: 'mark_on_closed_session', path: [7, 'date'] },
    ]);
    for (const issue of issues) {
      expect(issue.severity).toBe('error');
      expect(issue.pupilId).toBe('P1');
      expect(issue.field).toBe('date');
      expect(issue.expected).toEqual(expect.any(String));
    }
  });

  test('a weekend mark names the weekend and locates the mark', () => {
    const [issue] = checkMarksAgainstCalendar([marks[1]!], calendar);
    expect(issue).toMatchObject({
      code: 'mark_on_closed_session',
      severity: 'error',
      path: [0, 'date'],
      pupilId: 'P1',
      date: '2024-09-07',
      session: 'AM',
      field: 'date',
    });
    expect(issue?.message).toContain('weekend');
    expect(issue?.received).toContain('2024-09-07');
  });

  test('a holiday mark names the holiday', () => {
    const [issue] = checkMarksAgainstCalendar([marks[2]!], calendar);
    expect(issue).toMatchObject({ code: 'mark_on_closed_session', date: '2024-10-30', session: 'PM' });
    expect(issue?.message).toContain('holiday');
  });

  test('a present mark on an INSET day names the closure by its label', () => {
    const [issue] = checkMarksAgainstCalendar([marks[3]!], calendar);
    expect(issue).toMatchObject({ code: 'mark_on_closed_session', date: '2024-09-02', session: 'AM' });
    expect(issue?.message).toContain('INSET day');
  });

  test('a mark on the closed afternoon names that closure', () => {
    const [issue] = checkMarksAgainstCalendar([marks[7]!], calendar);
    expect(issue?.message).toContain('Last day: school closes at lunchtime');
  });

  test('a planned closure mark (#) on closed sessions agrees with the calendar', () => {
    expect(
      checkMarksAgainstCalendar(
        [
          mark('2024-09-02', 'AM', '#'),
          mark('2024-09-02', 'PM', '#'),
          mark('2025-05-05', 'AM', '#'),
          mark('2026-07-21', 'PM', '#'),
        ],
        calendar
      )
    ).toEqual([]);
  });

  test('a mark outside the calendar is outside_calendar, even a planned closure mark', () => {
    const issues = checkMarksAgainstCalendar(
      [mark('2024-08-30', 'AM', '/'), mark('2026-09-01', 'PM', '#')],
      calendar
    );
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatchObject({ code: 'outside_calendar', path: [0, 'date'], received: '2024-08-30' });
    expect(issues[0]).not.toHaveProperty('pupilId');
    expect(issues[1]).toMatchObject({ code: 'outside_calendar', path: [1, 'date'], received: '2026-09-01' });
  });

  test("severity: 'warning' reports the same issues as warnings", () => {
    const errors = checkMarksAgainstCalendar(marks, calendar);
    const warnings = checkMarksAgainstCalendar(marks, calendar, { severity: 'warning' });
    expect(warnings).toEqual(errors.map((issue) => ({ ...issue, severity: 'warning' })));
    expect(warnings.every((issue) => issue.severity === 'warning')).toBe(true);
  });

  test('an afternoon mark on a one-session calendar is on a closed session', () => {
    const issues = checkMarksAgainstCalendar(
      [mark('2024-09-03', 'AM', '/'), mark('2024-09-03', 'PM', '\\')],
      oneSessionCalendar
    );
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'mark_on_closed_session', path: [1, 'date'] },
    ]);
    expect(issues[0]?.message).toContain('PM');
  });

  test('every open session of the calendar can be marked without an issue', () => {
    const register = eachSessionSlot(calendar).map((slot) => ({ ...slot, code: 'O' }));
    expect(checkMarksAgainstCalendar(register, calendar)).toEqual([]);
  });
});

describe('calendars are compiled per object: two calendars do not mix', () => {
  test('the same dates answer differently for two calendars', () => {
    const other: SchoolCalendar = defineSchoolCalendar({ ...exampleCalendar, closures: [] });
    expect(isSchoolDay(other, isoDate('2024-09-02'))).toBe(true);
    expect(isSchoolDay(calendar, isoDate('2024-09-02'))).toBe(false);
    expect(findSchoolWeek(other, isoDate('2024-09-02'))?.schoolDays).toHaveLength(5);
    expect(findSchoolWeek(calendar, isoDate('2024-09-02'))?.schoolDays).toHaveLength(4);
  });
});
