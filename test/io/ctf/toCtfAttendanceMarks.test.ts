import { describe, expect, test } from 'vitest';
import { toCtfAttendanceMarks } from '../../../src/io/index.js';
import { isoDate } from '../../../src/index.js';
import type { SessionMark } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { CALENDAR } from './ctfFixtures.js';

function mark(date: string, session: 'AM' | 'PM', code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

// The week of the synthetic CTF 25 example: Monday 1 September 2025 closed, Tuesday to Friday and Monday 8 marked.
const WEEK: SessionMark[] = [
  mark('2025-09-02', 'AM', '/'),
  mark('2025-09-02', 'PM', '\\'),
  mark('2025-09-03', 'AM', 'I'),
  mark('2025-09-03', 'PM', 'I'),
  mark('2025-09-04', 'AM', 'L'),
  mark('2025-09-04', 'PM', '\\'),
  mark('2025-09-05', 'AM', '/'),
  mark('2025-09-05', 'PM', 'M'),
  mark('2025-09-08', 'AM', '/'),
  mark('2025-09-08', 'PM', '\\'),
];

describe('toCtfAttendanceMarks', () => {
  test('calendar days: two characters a day, ## where there is no mark', () => {
    expect(
      toCtfAttendanceMarks(WEEK, { startDate: isoDate('2025-09-01'), endDate: isoDate('2025-09-08') })
    ).toBe('##/\\IIL\\/M####/\\');
  });

  test('the marks may come in any order', () => {
    expect(
      toCtfAttendanceMarks([...WEEK].reverse(), {
        startDate: isoDate('2025-09-01'),
        endDate: isoDate('2025-09-08'),
      })
    ).toBe('##/\\IIL\\/M####/\\');
  });

  test('school days: one pair per school day of the calendar, weekends left out', () => {
    const marks = [
      mark('2024-09-06', 'AM', '/'),
      mark('2024-09-06', 'PM', 'O'),
      mark('2024-09-09', 'AM', 'L'),
    ];
    expect(
      toCtfAttendanceMarks(marks, {
        startDate: isoDate('2024-09-06'),
        endDate: isoDate('2024-09-10'),
        dayModel: 'schoolDays',
        calendar: CALENDAR,
      })
    ).toBe('/OL###');
  });

  test('two characters per session pad one-letter codes with a space and keep sub-codes', () => {
    const marks = [
      mark('2025-09-08', 'AM', 'C1'),
      mark('2025-09-08', 'PM', '\\'),
      mark('2025-09-09', 'AM', '-'),
    ];
    expect(
      toCtfAttendanceMarks(marks, {
        startDate: isoDate('2025-09-08'),
        endDate: isoDate('2025-09-09'),
        codeWidth: 2,
      })
    ).toBe('C1\\ - # ');
  });

  test('no mark recorded, and the filler characters, follow the options', () => {
    const marks = [mark('2025-09-08', 'AM', '-'), mark('2025-09-08', 'PM', '')];
    const options = { startDate: isoDate('2025-09-08'), endDate: isoDate('2025-09-09') };
    expect(toCtfAttendanceMarks(marks, options)).toBe('--##');
    expect(
      toCtfAttendanceMarks(marks, { ...options, noMarkCharacter: '.', notInSessionCharacter: '*' })
    ).toBe('..**');
  });

  test('a one-character string cannot hold C1 unless sub-codes are collapsed to their letter', () => {
    const marks = [
      mark('2025-09-08', 'AM', 'C1'),
      mark('2025-09-08', 'PM', 'J1'),
      mark('2025-09-09', 'AM', 'Y3'),
    ];
    const options = { startDate: isoDate('2025-09-08'), endDate: isoDate('2025-09-09') };
    const error = attendanceErrorOf(() => toCtfAttendanceMarks(marks, options));
    expect(error.issues.map((issue) => [issue.code, issue.received, issue.path])).toEqual([
      ['invalid_value', 'C1', [0]],
      ['invalid_value', 'J1', [1]],
      ['invalid_value', 'Y3', [2]],
    ]);
    expect(toCtfAttendanceMarks(marks, { ...options, collapseSubCodes: true })).toBe('CJY#');
  });

  test('every mark that cannot be written is reported at once', () => {
    const marks = [
      mark('2025-09-07', 'AM', '/'),
      mark('2025-09-08', 'AM', 'Q9'),
      mark('2025-09-08', 'PM', '/'),
      mark('2025-09-08', 'PM', 'I'),
    ];
    const error = attendanceErrorOf(() =>
      toCtfAttendanceMarks(marks, { startDate: isoDate('2025-09-08'), endDate: isoDate('2025-09-09') })
    );
    expect(error.issues.map((issue) => [issue.code, issue.path[0]])).toEqual([
      ['outside_calendar', 0],
      ['unknown_code', 1],
      ['duplicate_mark', 3],
    ]);
  });

  test('school days: a mark on a weekend is not on a school day of the period', () => {
    const error = attendanceErrorOf(() =>
      toCtfAttendanceMarks([mark('2024-09-07', 'AM', '/')], {
        startDate: isoDate('2024-09-03'),
        endDate: isoDate('2024-09-10'),
        dayModel: 'schoolDays',
        calendar: CALENDAR,
      })
    );
    expect(error.issues[0]).toMatchObject({ code: 'outside_calendar', date: '2024-09-07' });
  });

  test('bad options are refused', () => {
    const period = { startDate: isoDate('2025-09-08'), endDate: isoDate('2025-09-09') };
    expect(
      attendanceErrorOf(() => toCtfAttendanceMarks([], { ...period, dayModel: 'schoolDays' })).issues[0].field
    ).toBe('calendar');
    expect(
      attendanceErrorOf(() =>
        toCtfAttendanceMarks([], { startDate: period.endDate, endDate: period.startDate })
      ).issues[0].field
    ).toBe('endDate');
    expect(
      attendanceErrorOf(() =>
        toCtfAttendanceMarks([], { ...period, startDate: '2025-02-30' as typeof period.startDate })
      ).issues[0].code
    ).toBe('invalid_date');
    expect(
      attendanceErrorOf(() => toCtfAttendanceMarks([], { ...period, dayModel: 'auto' as 'schoolDays' }))
        .issues[0].field
    ).toBe('dayModel');
  });
});
