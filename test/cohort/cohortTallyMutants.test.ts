import { describe, expect, test } from 'vitest';
import { aggregateCohort, countSessions, DFE_POLICY, isoDate, sumSessionCounts } from '../../src/index.js';
import type { AttendanceIssue, CohortEnrolmentCounts, SessionCounts } from '../../src/index.js';
import { addToTally, createTally, toCohortFigures } from '../../src/cohort/cohortTally.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The running totals behind cohort figures (src/cohort/cohortTally.ts) and the field-by-field sum of session
// counts (src/cohort/sumSessionCounts.ts): the exact warning for each inconsistent enrolment, the overflow checks,
// and the exact issues for counts that are not whole numbers of sessions.

const MAX = Number.MAX_SAFE_INTEGER;

function counts(
  possible: number,
  attended: number,
  absent: number,
  authorised: number,
  unauthorised: number
): CohortEnrolmentCounts {
  return { possible, attended, absent, authorised, unauthorised };
}

/** The one warning aggregateCohort gives for an enrolment it leaves out. */
function warningFor(enrolmentCounts: CohortEnrolmentCounts): AttendanceIssue {
  const figures = aggregateCohort([
    { id: 'OK', counts: counts(10, 10, 0, 0, 0) },
    { id: 'E1', counts: enrolmentCounts },
  ]);
  expect(figures.enrolments).toBe(1);
  expect(figures.excludedInconsistent).toBe(1);
  expect(figures.issues).toHaveLength(1);
  return figures.issues[0]!;
}

describe('aggregateCohort leaves out inconsistent enrolments with an exact warning', () => {
  test('a count that is not a whole number names its field', () => {
    expect(warningFor(counts(10, 9.5, 0.5, 0, 0.5))).toStrictEqual({
      code: 'invalid_counts',
      severity: 'warning',
      message: 'Enrolment "E1" is left out of the cohort: attended is 9.5, not a whole number of sessions.',
      path: [1, 'counts', 'attended'],
      pupilId: 'E1',
      field: 'attended',
      expected: 'a whole number, 0 or more',
      received: 'possible 10, attended 9.5, absent 0.5, authorised 0, unauthorised 0.5',
    });
  });

  test('more absence than possible sessions has no field', () => {
    expect(warningFor(counts(3, 0, 5, 5, 0))).toStrictEqual({
      code: 'invalid_counts',
      severity: 'warning',
      message: 'Enrolment "E1" is left out of the cohort: absence (5) is more than possible sessions (3).',
      path: [1, 'counts'],
      pupilId: 'E1',
      expected: 'absent <= possible',
      received: 'possible 3, attended 0, absent 5, authorised 5, unauthorised 0',
    });
  });

  test('attended and absent that do not add up to possible', () => {
    expect(warningFor(counts(4, 2, 1, 1, 0))).toStrictEqual({
      code: 'invalid_counts',
      severity: 'warning',
      message:
        'Enrolment "E1" is left out of the cohort: attended (2) and absent (1) sessions do not add up to possible sessions (4).',
      path: [1, 'counts'],
      pupilId: 'E1',
      expected: 'attended + absent = possible',
      received: 'possible 4, attended 2, absent 1, authorised 1, unauthorised 0',
    });
  });

  test('authorised and unauthorised that do not add up to absent', () => {
    expect(warningFor(counts(6, 3, 3, 1, 1))).toStrictEqual({
      code: 'invalid_counts',
      severity: 'warning',
      message:
        'Enrolment "E1" is left out of the cohort: authorised (1) and unauthorised (1) absence do not add up to absent sessions (3).',
      path: [1, 'counts'],
      pupilId: 'E1',
      expected: 'authorised + unauthorised = absent',
      received: 'possible 6, attended 3, absent 3, authorised 1, unauthorised 1',
    });
  });
});

describe('cohort totals stay exact whole numbers', () => {
  test('possible sessions summing past Number.MAX_SAFE_INTEGER are refused', () => {
    const error = attendanceErrorOf(() =>
      aggregateCohort([
        { id: 'A', counts: counts(MAX, MAX, 0, 0, 0) },
        { id: 'B', counts: counts(MAX, MAX, 0, 0, 0) },
      ])
    );
    expect(error.issues).toEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: `The cohort's possible sessions add up to more than ${MAX}, beyond exact whole numbers.`,
        path: [],
        field: 'possible',
        expected: `a total of at most ${MAX}`,
        received: String(MAX * 2),
      },
    ]);
  });

  test('one enrolment of Number.MAX_SAFE_INTEGER possible sessions is still exact', () => {
    const figures = aggregateCohort([{ id: 'A', counts: counts(MAX, MAX, 0, 0, 0) }]);
    expect(figures.possible).toBe(MAX);
  });
});

describe('addToTally', () => {
  test('an included enrolment with no band index is counted in no band', () => {
    const tally = createTally(DFE_POLICY);
    const enrolment = { id: 'A', counts: counts(10, 10, 0, 0, 0) };
    addToTally(tally, enrolment, { kind: 'included', persistent: false, severe: false, bandIndex: -1 });
    expect(tally.enrolments).toBe(1);
    expect(Object.keys(tally.bandCounts)).toEqual(DFE_POLICY.bands.bands.map((_, index) => String(index)));
    expect(tally.bandCounts.every((count) => count === 0)).toBe(true);
    expect(toCohortFigures(tally, DFE_POLICY).bands.map((band) => band.enrolments)).toEqual(
      DFE_POLICY.bands.bands.map(() => 0)
    );
  });
});

/** Zero counts with the given fields replaced. */
function sessionCounts(fields: Partial<SessionCounts>): SessionCounts {
  return { ...countSessions([]), ...fields };
}

describe('sumSessionCounts refuses counts that are not whole numbers of sessions', () => {
  test('a negative count of a code is refused with its path under byCode', () => {
    const bad = sessionCounts({ byCode: { ...countSessions([]).byCode, I: -1 } });
    const error = attendanceErrorOf(() => sumSessionCounts([sessionCounts({}), bad]));
    expect(error.issues).toEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Counts 1: byCode.I must be a whole number of sessions, 0 or more; received -1.',
        path: [1, 'byCode', 'I'],
        field: 'byCode.I',
        expected: 'a whole number, 0 or more',
        received: '-1',
      },
    ]);
  });

  test('a count that is not whole is refused alone, and is not added into the sum', () => {
    const error = attendanceErrorOf(() => sumSessionCounts([sessionCounts({ possible: 1.5 })]));
    expect(error.issues).toEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Counts 0: possible must be a whole number of sessions, 0 or more; received 1.5.',
        path: [0, 'possible'],
        field: 'possible',
        expected: 'a whole number, 0 or more',
        received: '1.5',
      },
    ]);
  });

  test('a negative field is refused', () => {
    const error = attendanceErrorOf(() => sumSessionCounts([sessionCounts({ late: -2 })]));
    expect(error.issues.map((issue) => [issue.path, issue.received])).toEqual([[[0, 'late'], '-2']]);
  });
});

describe('sumSessionCounts refuses sums past Number.MAX_SAFE_INTEGER', () => {
  test('a field’s sum', () => {
    const big = sessionCounts({ possible: MAX, attended: MAX, present: MAX });
    const error = attendanceErrorOf(() => sumSessionCounts([big, big]));
    expect(error.issues.map((issue) => issue.field)).toEqual(['possible', 'attended', 'present']);
    expect(error.issues[0]).toEqual({
      code: 'invalid_counts',
      severity: 'error',
      message: `The sum of possible exceeds ${MAX}, beyond exact whole numbers.`,
      path: ['possible'],
      field: 'possible',
      expected: `a total of at most ${MAX}`,
      received: String(MAX * 2),
    });
  });

  test('a code’s sum, with its path under byCode', () => {
    const big = sessionCounts({ byCode: { ...countSessions([]).byCode, O: MAX } });
    const error = attendanceErrorOf(() => sumSessionCounts([big, big]));
    expect(error.issues).toEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: `The sum of byCode.O exceeds ${MAX}, beyond exact whole numbers.`,
        path: ['byCode', 'O'],
        field: 'byCode.O',
        expected: `a total of at most ${MAX}`,
        received: String(MAX * 2),
      },
    ]);
  });

  test('sums up to the limit are kept, with every warning in order', () => {
    const first = countSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: 'F' }]);
    const second = countSessions([{ date: isoDate('2024-09-03'), session: 'AM', code: 'H' }]);
    const total = sumSessionCounts([first, second]);
    expect(total.authorised).toBe(2);
    expect(total.byCode.F).toBe(1);
    expect(total.byCode.H).toBe(1);
    expect(total.warnings.map((issue) => issue.received)).toEqual(['F', 'H']);
  });
});
