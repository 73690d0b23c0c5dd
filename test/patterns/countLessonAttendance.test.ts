import { describe, expect, test } from 'vitest';
import { countLessonAttendance, isoDate } from '../../src/index.js';
import type { LessonMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Patterns by lesson: lesson marks use the session codes; attended = present + approved educational activity,
// absent = authorised + unauthorised, possible = attended + absent; not possible and no mark yet count in neither.

function lesson(period: string, subject: string | undefined, code: string, lessonName?: string): LessonMark {
  return {
    pupilId: 'A',
    date: isoDate('2024-09-09'),
    period,
    ...(subject === undefined ? {} : { subject }),
    ...(lessonName === undefined ? {} : { lesson: lessonName }),
    code,
  };
}

const marks: LessonMark[] = [
  lesson('P1', 'Mathematics', '/', '10X/Ma1'),
  lesson('P2', 'Science', 'N', '10X/Sc2'),
  lesson('P3', 'Mathematics', 'L', '10X/Ma1'),
  lesson('P4', 'Science', 'M', '10X/Sc1'),
  lesson('P5', 'Science', 'K', '10X/Sc1'),
  lesson('P6', 'Science', '-', '10X/Sc1'),
  lesson('P7', 'Science', 'Y1', '10X/Sc1'),
  lesson('P8', undefined, 'N'),
];

describe('countLessonAttendance', () => {
  test('counts each subject with an exact rate', () => {
    expect(countLessonAttendance(marks, { by: 'subject' })).toEqual([
      {
        key: 'Mathematics',
        possible: 2,
        attended: 2,
        absent: 0,
        authorised: 0,
        unauthorised: 0,
        unmarked: 0,
        attendanceRate: { kind: 'rate', numerator: 2, denominator: 2 },
      },
      {
        key: 'Science',
        possible: 3,
        attended: 1,
        absent: 2,
        authorised: 1,
        unauthorised: 1,
        unmarked: 1,
        attendanceRate: { kind: 'rate', numerator: 1, denominator: 3 },
      },
      {
        key: null,
        possible: 1,
        attended: 0,
        absent: 1,
        authorised: 0,
        unauthorised: 1,
        unmarked: 0,
        attendanceRate: { kind: 'rate', numerator: 0, denominator: 1 },
      },
    ]);
  });

  test('counts each lesson when asked', () => {
    const rows = countLessonAttendance(marks, { by: 'lesson' });
    expect(rows.map((row) => [row.key, row.possible, row.attended])).toEqual([
      ['10X/Ma1', 2, 2],
      ['10X/Sc1', 2, 1],
      ['10X/Sc2', 1, 0],
      [null, 1, 0],
    ]);
  });

  test('a subject with only not-possible or unmarked lessons has no rate', () => {
    const rows = countLessonAttendance([lesson('P1', 'Art', 'Y1'), lesson('P2', 'Art', '')], {
      by: 'subject',
    });
    expect(rows[0]).toMatchObject({
      possible: 0,
      unmarked: 1,
      attendanceRate: { kind: 'no-possible-sessions' },
    });
  });

  test('reads each date against the code set in force on it', () => {
    const rows = countLessonAttendance(
      [{ date: isoDate('2023-09-04'), period: 'P1', subject: 'Art', code: 'H' }],
      {
        by: 'subject',
      }
    );
    expect(rows[0]).toMatchObject({ possible: 1, authorised: 1 });
  });

  test('throws listing every unknown code', () => {
    const error = attendanceErrorOf(() =>
      countLessonAttendance(
        [lesson('P1', 'Art', 'Q9'), lesson('P2', 'Art', '/'), lesson('P3', 'Art', 'ZZ')],
        {
          by: 'subject',
        }
      )
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, 'code'],
      [2, 'code'],
    ]);
  });
});
