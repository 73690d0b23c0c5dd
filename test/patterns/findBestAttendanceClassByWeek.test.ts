import { describe, expect, test } from 'vitest';
import { defineSchoolCalendar, findBestAttendanceClassByWeek, isoDate } from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The trust policy recognises classes' attendance weekly. A class's weekly rate is its pupils' attended sessions
// over their possible sessions, compared exactly. The example calendar's school week 1 starts on 9 September 2024.

const calendar = defineSchoolCalendar(exampleCalendar);

/** A register with `attended` present sessions and `absent` N sessions from Monday 9 September 2024 on. */
function pupil(attended: number, absent: number, monday = '2024-09-09'): SessionMark[] {
  return Array.from({ length: attended + absent }, (_, slot) => ({
    date: isoDate(`${monday.slice(0, 8)}${String(Number(monday.slice(8)) + (slot >> 1)).padStart(2, '0')}`),
    session: slot % 2 === 0 ? ('AM' as const) : ('PM' as const),
    code: slot < attended ? '/' : 'N',
  }));
}

describe('findBestAttendanceClassByWeek', () => {
  test('gives the class with the highest rate each week, from summed sessions', () => {
    const weeks = findBestAttendanceClassByWeek(
      [
        // 4A: 9 + 10 of 20 = 95 %.
        { classId: '4A', registers: [pupil(9, 1), pupil(10, 0)] },
        // 4B: 10 + 9 + 10 of 30 = 96.7 %.
        { classId: '4B', registers: [pupil(10, 0), pupil(9, 1), pupil(10, 0)] },
      ],
      calendar
    );
    expect(weeks).toEqual([
      {
        week: { index: 1, monday: '2024-09-09' },
        best: [
          {
            classId: '4B',
            possible: 30,
            attended: 29,
            attendanceRate: { kind: 'rate', numerator: 29, denominator: 30 },
          },
        ],
      },
    ]);
  });

  test('lists equal rates together, compared as fractions', () => {
    const weeks = findBestAttendanceClassByWeek(
      [
        { classId: '4A', registers: [pupil(9, 1)] }, // 9/10
        { classId: '4B', registers: [pupil(9, 1), pupil(9, 1), pupil(9, 1)] }, // 27/30
        { classId: '4C', registers: [pupil(8, 2)] },
      ],
      calendar
    );
    expect(weeks[0]!.best.map((entry) => [entry.classId, entry.attended, entry.possible])).toEqual([
      ['4A', 9, 10],
      ['4B', 27, 30],
    ]);
  });

  test('leaves out classes with no possible session that week and weeks with none', () => {
    const weeks = findBestAttendanceClassByWeek(
      [
        { classId: '4A', registers: [pupil(10, 0)] },
        { classId: '4B', registers: [pupil(5, 5, '2024-09-16')] },
        { classId: '4C', registers: [[{ date: isoDate('2024-09-23'), session: 'AM', code: 'Y1' }]] },
        { classId: '4D', registers: [] },
      ],
      calendar
    );
    expect(weeks.map((week) => [week.week.monday, week.best.map((entry) => entry.classId)])).toEqual([
      ['2024-09-09', ['4A']],
      ['2024-09-16', ['4B']],
    ]);
  });

  test('rejects a class listed twice', () => {
    const error = attendanceErrorOf(() =>
      findBestAttendanceClassByWeek(
        [
          { classId: '4A', registers: [] },
          { classId: '4A', registers: [] },
        ],
        calendar
      )
    );
    expect(error.issues[0].path).toEqual([1, 'classId']);
  });
});
