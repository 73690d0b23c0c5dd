import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  checkMarksAgainstCalendar,
  defineSchoolCalendar,
  isIsoDate,
  isoDate,
  safeDefineSchoolCalendar,
} from '../../src/index.js';
import type { AttendanceIssue, SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Exact results of the calendar module where a looser test would let a change through: the words and fields of
// every issue a calendar is refused with, the words of each issue checkMarksAgainstCalendar reports, the error
// isoDate throws, and the edges of the YYYY-MM-DD form (a hyphen in both places, digits only, year 0000 allowed).

/** A freely editable copy of the example calendar's first school year (2024/25), without closures. */
function oneYearInput(): { name: string; years: { name: string; halfTerms: Record<string, string>[] }[] } {
  return { name: 'One year', years: [structuredClone(exampleCalendar.years[0]!)] };
}

/** The one issue a calendar is refused with (fails when there are more or fewer). */
function onlyIssueOf(input: unknown): AttendanceIssue {
  const issues = attendanceErrorOf(() => defineSchoolCalendar(input)).issues;
  expect(issues.map((issue) => issue.message)).toHaveLength(1);
  return issues[0];
}

/** How the first two half-terms of 2024/25 are shown as `received`: JSON cut at 80 characters. */
const RECEIVED_HALF_TERMS =
  '[{"name":"Autumn 1","start":"2024-09-02","end":"2024-10-25"},{"name":"Autumn ...';

describe('defineSchoolCalendar: how many half-terms a year has', () => {
  test('a year marked partial may have as many half-terms as a full year', () => {
    const input = oneYearInput();
    const calendar = defineSchoolCalendar({ ...input, years: [{ ...input.years[0]!, partial: true }] });
    expect(calendar.years[0]!.halfTerms).toHaveLength(6);
    expect(calendar.years[0]!.partial).toBe(true);
  });

  test('a partial year with more half-terms than a full year is refused with its own words', () => {
    const input = oneYearInput();
    input.years[0]!.halfTerms.push({ name: 'Summer 3', start: '2025-07-28', end: '2025-08-01' });
    const issue = onlyIssueOf({ ...input, years: [{ ...input.years[0]!, partial: true }] });
    expect(issue).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: `years[0].halfTerms: School year "2024/25" has 7 half-terms, more than the 6 of a full year; received ${RECEIVED_HALF_TERMS}.`,
      path: ['years', 0, 'halfTerms'],
      field: 'halfTerms',
      expected: 'at most 6 half-terms',
      received: RECEIVED_HALF_TERMS,
    });
  });

  test('a full year with five half-terms is refused, expecting exactly six, without naming halfTermsPerYear', () => {
    const input = oneYearInput();
    input.years[0]!.halfTerms.splice(3, 1); // Spring 2
    const issue = onlyIssueOf(input);
    expect(issue).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: `years[0].halfTerms: School year "2024/25" has 5 half-terms; a year has 6 half-terms. Set halfTermsPerYear for a year divided otherwise, or mark a year the calendar holds only part of "partial": true; received ${RECEIVED_HALF_TERMS}.`,
      path: ['years', 0, 'halfTerms'],
      field: 'halfTerms',
      expected: '6 half-terms',
      received: RECEIVED_HALF_TERMS,
    });
  });

  test('a year not matching a halfTermsPerYear other than six names the setting', () => {
    const input = oneYearInput();
    const issue = onlyIssueOf({ ...input, halfTermsPerYear: 5 });
    expect(issue.message).toBe(
      `years[0].halfTerms: School year "2024/25" has 6 half-terms; a year has 5 half-terms (halfTermsPerYear). Set halfTermsPerYear for a year divided otherwise, or mark a year the calendar holds only part of "partial": true; received ${RECEIVED_HALF_TERMS}.`
    );
    expect(issue.expected).toBe('5 half-terms');
  });
});

describe('defineSchoolCalendar: the exact issue for each wrong closure', () => {
  test('a closure listed twice', () => {
    const input = {
      ...oneYearInput(),
      closures: [
        { date: '2024-09-03', reason: 'inset' },
        { date: '2024-09-03', reason: 'other' },
      ],
    };
    expect(onlyIssueOf(input)).toEqual({
      code: 'calendar_overlap',
      severity: 'error',
      message: 'closures[1].date: Closure 2024-09-03 is listed twice; received 2024-09-03.',
      path: ['closures', 1, 'date'],
      field: 'date',
      expected: 'one entry per closed date',
      received: '2024-09-03',
    });
  });

  test('a closure on a Saturday', () => {
    const input = { ...oneYearInput(), closures: [{ date: '2024-09-07', reason: 'other' }] };
    expect(onlyIssueOf(input)).toEqual({
      code: 'outside_calendar',
      severity: 'error',
      message:
        'closures[0].date: Closure 2024-09-07 is not a weekday inside a half-term, so there is nothing to close; received 2024-09-07.',
      path: ['closures', 0, 'date'],
      field: 'date',
      expected: 'a weekday inside a half-term',
      received: '2024-09-07',
    });
  });

  test('an afternoon closure on a one-session calendar expects only the morning', () => {
    const input = {
      ...oneYearInput(),
      sessionsPerDay: 1,
      closures: [{ date: '2025-07-22', sessions: ['PM'], reason: 'planned' }],
    };
    expect(onlyIssueOf(input)).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message:
        'closures[0].sessions: Closure 2025-07-22 lists sessions the day does not have, or one twice; received ["PM"].',
      path: ['closures', 0, 'sessions'],
      field: 'sessions',
      expected: '["AM"]',
      received: '["PM"]',
    });
  });

  test('a session listed twice on a two-session calendar expects each of AM and PM once', () => {
    const input = {
      ...oneYearInput(),
      closures: [{ date: '2025-07-22', sessions: ['AM', 'AM'], reason: 'planned' }],
    };
    expect(onlyIssueOf(input)).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message:
        'closures[0].sessions: Closure 2025-07-22 lists sessions the day does not have, or one twice; received ["AM","AM"].',
      path: ['closures', 0, 'sessions'],
      field: 'sessions',
      expected: 'AM, PM or both, once each',
      received: '["AM","AM"]',
    });
  });

  test('a morning listed twice on a one-session calendar expects only the morning', () => {
    const input = {
      ...oneYearInput(),
      sessionsPerDay: 1,
      closures: [{ date: '2025-07-22', sessions: ['AM', 'AM'], reason: 'planned' }],
    };
    expect(onlyIssueOf(input).expected).toBe('["AM"]');
  });
});

describe('safeDefineSchoolCalendar', () => {
  test('an exception the input itself throws (from a getter) passes through, never as an error result', () => {
    const boom = new TypeError('boom');
    const input = {
      get name(): string {
        throw boom;
      },
      years: [],
    };
    expect(() => safeDefineSchoolCalendar(input)).toThrow(boom);
  });
});

describe('checkMarksAgainstCalendar: the exact issues', () => {
  const calendar = defineSchoolCalendar(exampleCalendar);
  /** The example calendar's first year with one session a day (the morning). */
  const oneSession = defineSchoolCalendar({ ...oneYearInput(), sessionsPerDay: 1 });

  test('a mark outside the calendar', () => {
    const marks: SessionMark[] = [{ date: isoDate('2024-08-30'), session: 'AM', code: '/' }];
    expect(checkMarksAgainstCalendar(marks, calendar)).toEqual([
      {
        code: 'outside_calendar',
        severity: 'error',
        message:
          'Mark 0 (2024-08-30 AM, "/") is outside the calendar "Example local authority, 2024/25 and 2025/26".',
        path: [0, 'date'],
        date: '2024-08-30',
        session: 'AM',
        field: 'date',
        expected: 'a date within the calendar’s school years',
        received: '2024-08-30',
      },
    ]);
  });

  test('a mark on a weekend', () => {
    const marks: SessionMark[] = [{ pupilId: 'P1', date: isoDate('2024-09-07'), session: 'AM', code: 'O' }];
    expect(checkMarksAgainstCalendar(marks, calendar, { severity: 'warning' })).toEqual([
      {
        code: 'mark_on_closed_session',
        severity: 'warning',
        message: 'Mark 0 (2024-09-07 AM, "O") falls on a weekend.',
        path: [0, 'date'],
        pupilId: 'P1',
        date: '2024-09-07',
        session: 'AM',
        field: 'date',
        expected: 'a session the calendar has open, or "#" for a planned closure',
        received: '2024-09-07 AM "O"',
      },
    ]);
  });

  test('an afternoon mark on a one-session calendar, in the first half-term and in a later one', () => {
    const marks: SessionMark[] = [
      { date: isoDate('2024-09-03'), session: 'PM', code: '/' }, // Autumn 1, the first half-term
      { date: isoDate('2024-11-05'), session: 'PM', code: '/' }, // Autumn 2
    ];
    expect(checkMarksAgainstCalendar(marks, oneSession).map((issue) => issue.message)).toEqual([
      'Mark 0 (2024-09-03 PM, "/") falls on a day without a PM session.',
      'Mark 1 (2024-11-05 PM, "/") falls on a day without a PM session.',
    ]);
  });

  test('a mark in a half-term holiday and one in the first half-term after the holiday', () => {
    const marks: SessionMark[] = [
      { date: isoDate('2024-10-30'), session: 'AM', code: '/' },
      { date: isoDate('2024-11-05'), session: 'AM', code: '/' },
    ];
    expect(checkMarksAgainstCalendar(marks, oneSession).map((issue) => issue.message)).toEqual([
      'Mark 0 (2024-10-30 AM, "/") falls on a school holiday.',
    ]);
  });
});

describe('isoDate: the error it throws', () => {
  test('a string is quoted in the message', () => {
    const error = attendanceErrorOf(() => isoDate('2024-9-2'));
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: '"2024-9-2" is not a date in YYYY-MM-DD form naming a real day.',
        path: [],
        expected: 'a date as YYYY-MM-DD',
        received: '2024-9-2',
      },
    ]);
  });

  test('a value that is not a string (from untyped code) is named, not quoted', () => {
    const error = attendanceErrorOf(() => isoDate(20240902 as unknown as string));
    expect(error).toBeInstanceOf(AttendanceError);
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: '20240902 is not a date in YYYY-MM-DD form naming a real day.',
        path: [],
        expected: 'a date as YYYY-MM-DD',
        received: '20240902',
      },
    ]);
  });
});

describe('isIsoDate: the edges of the YYYY-MM-DD form', () => {
  test.each([
    { value: '2024/09-02', why: 'a slash in place of the first hyphen' },
    { value: '2024-09/02', why: 'a slash in place of the second hyphen' },
    { value: '202/-09-02', why: 'a character just below "0" in the year' },
    { value: '2024-1/-01', why: 'a character just below "0" in the month' },
    { value: '202 -09-02', why: 'a space in the year' },
    { value: '20x4-01-01', why: 'a letter in the year' },
    { value: 'YYYY-01-01', why: 'no digits in the year at all' },
  ])('$value is not a date ($why)', ({ value }) => {
    expect(isIsoDate(value)).toBe(false);
  });

  test('year 0000 is a real year of the proleptic Gregorian calendar, and a leap year', () => {
    expect(isIsoDate('0000-01-01')).toBe(true);
    expect(isIsoDate('0000-02-29')).toBe(true);
    expect(isoDate('0000-12-31')).toBe('0000-12-31');
  });
});
