import { describe, expect, test } from 'vitest';
import { aggregateCohort, excludeDates, isInDfeStatisticalCohort, isoDate } from '../../src/index.js';
import type { CohortEnrolment, SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The cohort filters: excludeDates (the marks of a date range left out, for DfE's Year 11 rule),
// isInDfeStatisticalCohort (ages 5 to 15 on 31 August) and the include option of aggregateCohort.

const mark = (date: string): SessionMark => ({ date: isoDate(date), session: 'AM', code: '/' });

describe('excludeDates', () => {
  const marks = [mark('2025-06-01'), mark('2025-06-02'), mark('2025-06-03'), mark('2025-06-04')];

  test('a range of one day (from equal to to) leaves out exactly that day', () => {
    const kept = excludeDates(marks, isoDate('2025-06-02'), isoDate('2025-06-02'));
    expect(kept.map((item) => item.date)).toEqual(['2025-06-01', '2025-06-03', '2025-06-04']);
  });

  test('a last date before the first is one error naming the to argument and the dates', () => {
    const error = attendanceErrorOf(() => excludeDates(marks, isoDate('2025-06-03'), isoDate('2025-06-02')));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The last date to leave out (2025-06-02) is before the first (2025-06-03).',
        path: ['to'],
        field: 'to',
        expected: 'a date on or after 2025-06-03',
        received: '2025-06-02',
      },
    ]);
  });
});

describe('isInDfeStatisticalCohort', () => {
  test('age 0 is a valid age, outside the cohort', () => {
    expect(isInDfeStatisticalCohort(0)).toBe(false);
  });

  test('a negative age is one error naming the age argument', () => {
    const error = attendanceErrorOf(() => isInDfeStatisticalCohort(-1));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'An age must be a whole number of years, 0 or more; received -1.',
        path: ['ageAtStartOfYear'],
        field: 'ageAtStartOfYear',
        expected: 'a whole number of years, 0 or more',
        received: '-1',
      },
    ]);
  });

  test('an age that is not a whole number is the same error, quoting the value', () => {
    const error = attendanceErrorOf(() => isInDfeStatisticalCohort(5.5));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'An age must be a whole number of years, 0 or more; received 5.5.',
        path: ['ageAtStartOfYear'],
        field: 'ageAtStartOfYear',
        expected: 'a whole number of years, 0 or more',
        received: '5.5',
      },
    ]);
  });
});

describe('aggregateCohort include option', () => {
  const enrolment = (id: string, possible: number, absent: number): CohortEnrolment => ({
    id,
    counts: { possible, attended: possible - absent, absent, authorised: absent, unauthorised: 0 },
  });

  test('only the enrolments include accepts are counted; the rejected ones appear in no count', () => {
    const cohort = aggregateCohort(
      [enrolment('in', 100, 10), enrolment('out', 50, 40), enrolment('in too', 20, 0)],
      { include: (item) => item.id.startsWith('in') }
    );
    expect(cohort.enrolments).toBe(2);
    expect(cohort.possible).toBe(120);
    expect(cohort.absent).toBe(10);
    // 10 of 100 is persistent absence (10 % or more); the rejected enrolment's 80 % would be severe absence.
    expect(cohort.persistentAbsentees).toBe(1);
    expect(cohort.severeAbsentees).toBe(0);
  });
});
