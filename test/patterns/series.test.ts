import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  compareAttendancePeriods,
  countSessions,
  createSessionSlots,
  defineSchoolCalendar,
  isoDate,
  sumSeries,
  toCompactRegister,
  toHalfTermSeries,
  toWeeklySeries,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the library's rules: a school week is a Monday-to-Sunday week with at least one session, numbered
// from 0 across the calendar (the example calendar's first is the week of Monday 2 September 2024, whose Monday is
// an INSET day); attended = present + approved educational activity, absent = authorised + unauthorised, possible
// = attended + absent; not-possible codes and no mark yet count in neither.

const calendar = defineSchoolCalendar(exampleCalendar);

function mark(date: string, session: 'AM' | 'PM', code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

/** Both sessions of each weekday from Monday `monday` to Friday, each with the code the function gives. */
function week(monday: string, codeOf: (slot: number) => string): SessionMark[] {
  const start = Number(monday.slice(8));
  return Array.from({ length: 10 }, (_, slot) =>
    mark(
      `${monday.slice(0, 8)}${String(start + (slot >> 1)).padStart(2, '0')}`,
      slot % 2 === 0 ? 'AM' : 'PM',
      codeOf(slot)
    )
  );
}

describe('toWeeklySeries', () => {
  test('gives one row per school week with marks, with exact rates and running totals', () => {
    const series = toWeeklySeries(
      [mark('2024-09-03', 'AM', '/'), mark('2024-09-03', 'PM', 'I'), mark('2024-09-09', 'AM', '/')],
      calendar
    );
    expect(series).toEqual([
      {
        week: { index: 0, monday: '2024-09-02' },
        possible: 2,
        attended: 1,
        absent: 1,
        attendanceRate: { kind: 'rate', numerator: 1, denominator: 2 },
        cumulativePossible: 2,
        cumulativeAttended: 1,
      },
      {
        week: { index: 1, monday: '2024-09-09' },
        possible: 1,
        attended: 1,
        absent: 0,
        attendanceRate: { kind: 'rate', numerator: 1, denominator: 1 },
        cumulativePossible: 3,
        cumulativeAttended: 2,
      },
    ]);
  });

  test('numbers weeks across the half-term holiday and leaves out weeks without marks', () => {
    const series = toWeeklySeries([mark('2024-11-05', 'AM', 'N'), mark('2024-09-10', 'AM', 'K')], calendar);
    // Week 1 (from 9 September) and, autumn 1 being weeks 0 to 7 and the holiday week skipped, week 8 (from 4 November).
    expect(
      series.map((row) => [row.week.index, row.week.monday, row.possible, row.attended, row.absent])
    ).toEqual([
      [1, '2024-09-09', 1, 1, 0],
      [8, '2024-11-04', 1, 0, 1],
    ]);
  });

  test('a week with only not-possible or unmarked sessions has a row with no rate', () => {
    const [row] = toWeeklySeries([mark('2024-09-10', 'AM', 'Y4'), mark('2024-09-10', 'PM', '-')], calendar);
    expect(row).toMatchObject({
      possible: 0,
      attended: 0,
      absent: 0,
      attendanceRate: { kind: 'no-possible-sessions' },
    });
  });

  test('rows sum to countSessions and the compact form gives the same rows', () => {
    const marks = [
      ...week('2024-09-09', (slot) => (slot === 3 ? 'O' : slot === 4 ? 'C1' : '/')),
      ...week('2024-09-16', (slot) => (slot < 2 ? 'X' : 'L')),
    ];
    const series = toWeeklySeries(marks, calendar);
    const counts = countSessions(marks);
    expect(series.reduce((sum, row) => sum + row.possible, 0)).toBe(counts.possible);
    expect(series.at(-1)).toMatchObject({ cumulativePossible: 18, cumulativeAttended: 16 });
    const slots = createSessionSlots(marks);
    expect(toWeeklySeries(toCompactRegister(marks, slots), calendar)).toEqual(series);
  });

  test('a possible session outside every school week is an error; a not-possible one is left out', () => {
    // 30 October 2024 is in the autumn half-term holiday.
    expect(
      toWeeklySeries([mark('2024-10-30', 'AM', '#'), mark('2024-09-10', 'AM', '/')], calendar)
    ).toHaveLength(1);
    expect(() => toWeeklySeries([mark('2024-10-30', 'AM', 'G')], calendar)).toThrow(AttendanceError);
    expect(() => toWeeklySeries([mark('2030-01-07', 'AM', '/')], calendar)).toThrow(
      /outside every school week/
    );
  });

  test('unknown codes and repeated sessions are errors, as for countSessions', () => {
    expect(() => toWeeklySeries([mark('2024-09-10', 'AM', 'Q9')], calendar)).toThrow(
      /Unknown register code "Q9"/
    );
    expect(() =>
      toWeeklySeries([mark('2024-09-10', 'AM', '/'), mark('2024-09-10', 'AM', 'N')], calendar)
    ).toThrow(/Two marks for the same session/);
  });
});

describe('toHalfTermSeries', () => {
  test('gives one row per half-term with marks, with the half-term and running totals', () => {
    const series = toHalfTermSeries(
      [mark('2024-10-25', 'AM', 'N'), mark('2024-11-05', 'PM', '/'), mark('2024-11-06', 'PM', 'V')],
      calendar
    );
    expect(series.map((row) => [row.halfTerm.name, row.halfTerm.year, row.possible, row.absent])).toEqual([
      ['Autumn 1', '2024/25', 1, 1],
      ['Autumn 2', '2024/25', 2, 0],
    ]);
    expect(series[1]).toMatchObject({ cumulativePossible: 3, cumulativeAttended: 2 });
  });
});

describe('sumSeries', () => {
  test('adds pupils’ rows week by week and recomputes rates from the summed sessions', () => {
    const pupilA = toWeeklySeries([mark('2024-09-10', 'AM', '/'), mark('2024-09-10', 'PM', 'N')], calendar);
    const pupilB = toWeeklySeries(
      [mark('2024-09-10', 'AM', '/'), mark('2024-09-10', 'PM', '/'), mark('2024-09-17', 'AM', 'I')],
      calendar
    );
    const cohort = sumSeries([pupilA, pupilB]);
    expect(cohort.map((row) => [row.week.index, row.possible, row.attended, row.absent])).toEqual([
      [1, 4, 3, 1],
      [2, 1, 0, 1],
    ]);
    // 3 of 4, not the average of 1/2 and 2/2.
    expect(cohort[0]!.attendanceRate).toEqual({ kind: 'rate', numerator: 3, denominator: 4 });
    expect(cohort[1]).toMatchObject({ cumulativePossible: 5, cumulativeAttended: 3 });
  });

  test('adds half-term series too, and nothing gives nothing', () => {
    const series = toHalfTermSeries([mark('2025-01-07', 'AM', '/')], calendar);
    expect(sumSeries([series, series])[0]).toMatchObject({ possible: 2, attended: 2 });
    expect(sumSeries([])).toEqual([]);
  });
});

describe('compareAttendancePeriods', () => {
  // 9 of 10 in the week of 9 September 2024 (90 %), 10 of 10 the week after (100 %).
  const marks = [...week('2024-09-09', (slot) => (slot === 0 ? 'N' : '/')), ...week('2024-09-16', () => '/')];
  const first = { from: isoDate('2024-09-09'), to: isoDate('2024-09-13') };
  const second = { from: isoDate('2024-09-16'), to: isoDate('2024-09-20') };

  test('gives both periods’ exact rates and the direction of the change', () => {
    expect(compareAttendancePeriods(marks, calendar, first, second)).toEqual({
      first: {
        ...first,
        possible: 10,
        attended: 9,
        attendanceRate: { kind: 'rate', numerator: 9, denominator: 10 },
      },
      second: {
        ...second,
        possible: 10,
        attended: 10,
        attendanceRate: { kind: 'rate', numerator: 10, denominator: 10 },
      },
      change: 'improved',
    });
    expect(compareAttendancePeriods(marks, calendar, second, first).change).toBe('declined');
    expect(compareAttendancePeriods(marks, calendar, first, first).change).toBe('unchanged');
  });

  test('a change of exactly the minimum counts; one a hundredth of a point smaller does not', () => {
    expect(
      compareAttendancePeriods(marks, calendar, first, second, { minimumChangePercent: 10 }).change
    ).toBe('improved');
    expect(
      compareAttendancePeriods(marks, calendar, first, second, { minimumChangePercent: 10.01 }).change
    ).toBe('unchanged');
    expect(
      compareAttendancePeriods(marks, calendar, second, first, { minimumChangePercent: 10 }).change
    ).toBe('declined');
  });

  test('equal rates over different sessions are unchanged (cross-multiplication, no rounding)', () => {
    // 9/10 and 18/20.
    const longer = { from: isoDate('2024-09-09'), to: isoDate('2024-09-20') };
    const twoWeeks = [
      ...week('2024-09-09', (slot) => (slot === 0 ? 'N' : '/')),
      ...week('2024-09-16', (slot) => (slot === 9 ? 'O' : '/')),
    ];
    expect(compareAttendancePeriods(twoWeeks, calendar, first, longer).change).toBe('unchanged');
  });

  test('open ends run to the calendar’s first and last days; a period without possible sessions is not comparable', () => {
    const result = compareAttendancePeriods(
      marks,
      calendar,
      { to: isoDate('2024-09-13') },
      { from: isoDate('2025-01-06') }
    );
    expect(result.first).toMatchObject({ from: '2024-09-02', possible: 10 });
    expect(result.second).toMatchObject({
      to: '2026-07-21',
      possible: 0,
      attendanceRate: { kind: 'no-possible-sessions' },
    });
    expect(result.change).toBe('not-comparable');
  });

  test('the compact form gives the same comparison', () => {
    const compact = toCompactRegister(marks, createSessionSlots(marks));
    expect(compareAttendancePeriods(compact, calendar, first, second)).toEqual(
      compareAttendancePeriods(marks, calendar, first, second)
    );
  });

  test('rejects a backwards range and a threshold that is not a percentage with two decimals', () => {
    const backwards = { from: isoDate('2024-09-13'), to: isoDate('2024-09-09') };
    expect(() => compareAttendancePeriods(marks, calendar, backwards, second)).toThrow(/runs backwards/);
    expect(() =>
      compareAttendancePeriods(marks, calendar, first, second, { minimumChangePercent: 0.001 })
    ).toThrow(AttendanceError);
    expect(() =>
      compareAttendancePeriods(marks, calendar, first, second, { minimumChangePercent: -1 })
    ).toThrow(AttendanceError);
  });
});
