import { describe, expect, test } from 'vitest';
import { findInternalTruancy, isoDate } from '../../src/index.js';
import type { LessonMark, SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Internal truancy: registered present (/, \ or L) at either registration of a day, yet absent without authority
// (G, N, O, U) or unmarked in one or more lessons that day.

function session(pupilId: string, date: string, name: 'AM' | 'PM', code: string): SessionMark {
  return { pupilId, date: isoDate(date), session: name, code };
}

function lesson(pupilId: string, date: string, period: string, code: string): LessonMark {
  return { pupilId, date: isoDate(date), period, code };
}

describe('findInternalTruancy', () => {
  test('reports a pupil present at registration but missing lessons, listing the periods', () => {
    const p4 = lesson('A', '2024-09-09', 'P4', 'N');
    const p5 = lesson('A', '2024-09-09', 'P5', '-');
    const result = findInternalTruancy(
      [session('A', '2024-09-09', 'AM', '/'), session('A', '2024-09-09', 'PM', 'L')],
      [lesson('A', '2024-09-09', 'P1', '/'), p4, p5, lesson('A', '2024-09-09', 'P6', 'M')]
    );
    expect(result).toEqual([
      {
        pupilId: 'A',
        date: '2024-09-09',
        presentSessions: ['AM', 'PM'],
        periods: ['P4', 'P5'],
        lessons: [p4, p5],
      },
    ]);
    expect(result[0]!.lessons[0]).toBe(p4);
  });

  test('present at either registration is enough', () => {
    const result = findInternalTruancy(
      [session('A', '2024-09-09', 'AM', 'N'), session('A', '2024-09-09', 'PM', '\\')],
      [lesson('A', '2024-09-09', 'P2', 'U')]
    );
    expect(result.map((day) => day.presentSessions)).toEqual([['PM']]);
  });

  test('ignores days without a present registration, authorised lesson absence and other pupils', () => {
    const result = findInternalTruancy(
      [
        session('A', '2024-09-09', 'AM', 'N'),
        session('A', '2024-09-09', 'PM', 'I'),
        session('B', '2024-09-10', 'AM', '/'),
        session('C', '2024-09-10', 'AM', '/'),
      ],
      [
        lesson('A', '2024-09-09', 'P1', 'N'), // A not present that day
        lesson('B', '2024-09-10', 'P1', 'M'), // authorised
        lesson('B', '2024-09-10', 'P2', 'K'), // approved educational activity
        lesson('C', '2024-09-11', 'P1', 'N'), // C present on another day only
        lesson('D', '2024-09-10', 'P1', 'N'), // D has no session marks
      ]
    );
    expect(result).toEqual([]);
  });

  test('orders results by pupil and date; marks without a pupil belong to one unnamed pupil', () => {
    const result = findInternalTruancy(
      [
        session('B', '2024-09-10', 'AM', '/'),
        session('A', '2024-09-11', 'AM', '/'),
        session('A', '2024-09-10', 'AM', '/'),
        { date: isoDate('2024-09-10'), session: 'AM', code: '/' },
      ],
      [
        lesson('B', '2024-09-10', 'P3', 'O'),
        lesson('A', '2024-09-11', 'P1', 'G'),
        lesson('A', '2024-09-10', 'P2', 'N'),
        { date: isoDate('2024-09-10'), period: 'P1', code: 'N' },
      ]
    );
    expect(result.map((day) => [day.pupilId, day.date, day.periods])).toEqual([
      ['', '2024-09-10', ['P1']],
      ['A', '2024-09-10', ['P2']],
      ['A', '2024-09-11', ['P1']],
      ['B', '2024-09-10', ['P3']],
    ]);
  });

  test('throws listing every unknown code in either list', () => {
    const error = attendanceErrorOf(() =>
      findInternalTruancy([session('A', '2024-09-09', 'AM', 'Q9')], [lesson('A', '2024-09-09', 'P1', 'ZZ')])
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['sessionMarks', 0, 'code'],
      ['lessonMarks', 0, 'code'],
    ]);
  });
});
