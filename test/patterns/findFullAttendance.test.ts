import { describe, expect, test } from 'vitest';
import {
  createSessionSlots,
  defineSchoolCalendar,
  findFullAttendance,
  isoDate,
  toCompactRegister,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The trust policy recognises 100 % attendance over a term and rewards it over the whole school year. 100 %:
// every possible session attended (present or approved educational activity), with at least one possible session.
// The example calendar's 2024/25 half-terms: Autumn 1 2 Sep–25 Oct, Autumn 2 4 Nov–20 Dec, Spring 1 6 Jan–14 Feb, …

const calendar = defineSchoolCalendar(exampleCalendar);

function mark(date: string, session: 'AM' | 'PM', code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

const register: SessionMark[] = [
  mark('2024-09-03', 'AM', '/'),
  mark('2024-09-03', 'PM', 'V'), // approved educational activity counts as attendance
  mark('2024-10-01', 'AM', 'Y1'), // not possible: does not break full attendance
  mark('2024-11-05', 'AM', 'L'),
  mark('2024-11-05', 'PM', '/'),
  mark('2025-01-07', 'AM', '/'),
  mark('2025-01-07', 'PM', 'M'), // authorised absence breaks it
];

describe('findFullAttendance', () => {
  test('finds the half-terms with every possible session attended', () => {
    expect(findFullAttendance(register, calendar, { period: 'half-term' })).toEqual([
      {
        period: 'half-term',
        year: '2024/25',
        name: 'Autumn 1',
        start: '2024-09-02',
        end: '2024-10-25',
        possible: 2,
      },
      {
        period: 'half-term',
        year: '2024/25',
        name: 'Autumn 2',
        start: '2024-11-04',
        end: '2024-12-20',
        possible: 2,
      },
    ]);
  });

  test('finds the terms, each spanning its two half-terms', () => {
    expect(findFullAttendance(register, calendar, { period: 'term' })).toEqual([
      {
        period: 'term',
        year: '2024/25',
        name: 'autumn',
        start: '2024-09-02',
        end: '2024-12-20',
        possible: 4,
      },
    ]);
  });

  test('a year with any absence is not full attendance; a year without is', () => {
    expect(findFullAttendance(register, calendar, { period: 'year' })).toEqual([]);
    const full = register.slice(0, 5);
    expect(findFullAttendance(full, calendar, { period: 'year' })).toEqual([
      {
        period: 'year',
        year: '2024/25',
        name: '2024/25',
        start: '2024-09-02',
        end: '2025-07-22',
        possible: 4,
      },
    ]);
  });

  test('a period with only not-possible or unmarked sessions is not full attendance', () => {
    const marks = [mark('2024-09-03', 'AM', 'Y1'), mark('2024-09-03', 'PM', '-')];
    expect(findFullAttendance(marks, calendar, { period: 'half-term' })).toEqual([]);
  });

  test('unauthorised absence and lateness after the register closed (U) break it', () => {
    const marks = [mark('2024-09-03', 'AM', '/'), mark('2024-09-03', 'PM', 'U')];
    expect(findFullAttendance(marks, calendar, { period: 'half-term' })).toEqual([]);
  });

  test('gives identical results for the compact form', () => {
    const compact = toCompactRegister(register, createSessionSlots(register));
    expect(findFullAttendance(compact, calendar, { period: 'term' })).toEqual(
      findFullAttendance(register, calendar, { period: 'term' })
    );
  });

  test('throws for a possible session outside the calendar', () => {
    const error = attendanceErrorOf(() =>
      findFullAttendance([mark('2024-10-29', 'AM', '/')], calendar, { period: 'half-term' })
    );
    expect(error.issues[0].code).toBe('outside_calendar');
  });
});
