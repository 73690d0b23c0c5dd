import { describe, expect, test } from 'vitest';
import { findConcentratedAbsenceDays, isoDate } from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Patterns by day: absence gathering on particular weekdays (by default Mondays and Fridays). 9 and 16 September
// 2024 are Mondays.

/** Both sessions of each weekday of the weeks starting on the given Mondays, each day's code chosen by weekday. */
function weeks(mondays: readonly string[], codeOfWeekday: (weekday: number) => string): SessionMark[] {
  return mondays.flatMap((monday) =>
    [1, 2, 3, 4, 5].flatMap((weekday) => {
      const date = isoDate(
        `${monday.slice(0, 8)}${String(Number(monday.slice(8)) + weekday - 1).padStart(2, '0')}`
      );
      const code = codeOfWeekday(weekday);
      return [
        { date, session: 'AM' as const, code },
        { date, session: 'PM' as const, code },
      ];
    })
  );
}

const TWO_WEEKS = ['2024-09-09', '2024-09-16'];

describe('findConcentratedAbsenceDays', () => {
  test('flags a pupil absent on every Monday and Friday and present otherwise, with the figures', () => {
    const result = findConcentratedAbsenceDays(
      weeks(TWO_WEEKS, (day) => (day === 1 || day === 5 ? 'N' : '/'))
    );
    expect(result).toEqual({
      flagged: true,
      days: [1, 5],
      absentSessions: 8,
      absentOnDays: 8,
      possibleOnDays: 8,
      absentOnOtherDays: 0,
      possibleOnOtherDays: 12,
      absenceRateOnDays: { kind: 'rate', numerator: 8, denominator: 8 },
      absenceRateOnOtherDays: { kind: 'rate', numerator: 0, denominator: 12 },
      meetsMinimum: true,
      meetsShare: true,
      meetsRateRatio: true,
    });
  });

  test('does not flag absence spread evenly across the week', () => {
    const result = findConcentratedAbsenceDays(weeks(TWO_WEEKS, () => 'N'));
    expect(result.flagged).toBe(false);
    expect(result.meetsMinimum).toBe(true);
    expect(result.meetsShare).toBe(false); // 8 of 20 = 40 %
  });

  test('does not flag a pupil whose absence falls on Mondays and Fridays only because they have more sessions then', () => {
    // Mondays and Fridays: 8 possible, 4 absent (50 %); the other days: 3 possible, 1 absent (33 %). 80 % of the
    // absence is on Mondays and Fridays, but those days are missed no more than twice as often as the others.
    const adjusted: SessionMark[] = [
      ['2024-09-09', 'AM', 'N'],
      ['2024-09-09', 'PM', '/'],
      ['2024-09-13', 'AM', 'N'],
      ['2024-09-13', 'PM', '/'],
      ['2024-09-16', 'AM', 'N'],
      ['2024-09-16', 'PM', '/'],
      ['2024-09-18', 'AM', 'N'],
      ['2024-09-18', 'PM', '/'],
      ['2024-09-19', 'AM', '/'],
      ['2024-09-20', 'AM', 'N'],
      ['2024-09-20', 'PM', '/'],
    ].map(([date, session, code]) => ({
      date: isoDate(date!),
      session: session as 'AM' | 'PM',
      code: code!,
    }));
    const result = findConcentratedAbsenceDays(adjusted, { minimumAbsentSessions: 5 });
    expect([result.absentOnDays, result.possibleOnDays]).toEqual([4, 8]);
    expect([result.absentOnOtherDays, result.possibleOnOtherDays]).toEqual([1, 3]);
    expect(result.meetsMinimum).toBe(true);
    expect(result.meetsShare).toBe(true); // 4 of 5 = 80 %
    expect(result.meetsRateRatio).toBe(false); // 4/8 is less than twice 1/3
    expect(result.flagged).toBe(false);
  });

  test('needs the minimum number of absent sessions', () => {
    const marks = weeks(['2024-09-09'], (day) => (day === 1 || day === 5 ? 'N' : '/'));
    expect(findConcentratedAbsenceDays(marks).meetsMinimum).toBe(false); // 4 absent sessions
    expect(findConcentratedAbsenceDays(marks).flagged).toBe(false);
    expect(findConcentratedAbsenceDays(marks, { minimumAbsentSessions: 4 }).flagged).toBe(true);
  });

  test('compares the share exactly at the boundary', () => {
    // 6 absent sessions on Mondays/Fridays, 4 on other days: exactly 60 %.
    const marks = weeks(['2024-09-09', '2024-09-16', '2024-09-23'], () => '/');
    const codes = marks.map((mark) => mark.code);
    // Both sessions of: Monday and Friday of week 1 and Monday of week 2; Tuesday of weeks 1 and 3.
    const absentAt = [0, 1, 8, 9, 10, 11, 2, 3, 22, 23];
    for (const index of absentAt) codes[index] = 'N';
    const register = marks.map((mark, index) => ({ ...mark, code: codes[index]! }));
    const result = findConcentratedAbsenceDays(register);
    expect([result.absentOnDays, result.absentSessions]).toEqual([6, 10]);
    expect(result.meetsShare).toBe(true);
    expect(findConcentratedAbsenceDays(register, { shareAtLeastPercent: 60.01 }).meetsShare).toBe(false);
  });

  test('tests the chosen days', () => {
    const marks = weeks(TWO_WEEKS, (day) => (day === 3 ? 'N' : '/'));
    expect(findConcentratedAbsenceDays(marks).flagged).toBe(false);
    const wednesdays = findConcentratedAbsenceDays(marks, { days: [3], minimumAbsentSessions: 4 });
    expect(wednesdays.flagged).toBe(true);
    expect(wednesdays.days).toEqual([3]);
  });

  test('fails the rate test when the other days have no possible session', () => {
    const result = findConcentratedAbsenceDays(
      weeks(TWO_WEEKS, () => 'N'),
      { days: [1, 2, 3, 4, 5] }
    );
    expect(result.possibleOnOtherDays).toBe(0);
    expect(result.meetsRateRatio).toBe(false);
    expect(result.flagged).toBe(false);
  });

  test('rejects invalid options', () => {
    expect(attendanceErrorOf(() => findConcentratedAbsenceDays([], { days: [] })).issues[0].field).toBe(
      'days'
    );
    expect(attendanceErrorOf(() => findConcentratedAbsenceDays([], { days: [6 as 5] })).issues[0].field).toBe(
      'days'
    );
    expect(
      attendanceErrorOf(() => findConcentratedAbsenceDays([], { minimumAbsentSessions: 1.5 })).issues[0].field
    ).toBe('minimumAbsentSessions');
    expect(
      attendanceErrorOf(() => findConcentratedAbsenceDays([], { shareAtLeastPercent: 101 })).issues[0].field
    ).toBe('shareAtLeastPercent');
  });
});
