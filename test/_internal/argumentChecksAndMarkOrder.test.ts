import { describe, expect, test } from 'vitest';
import { checkAttendedCounts, checkPercent, checkWholeNumber } from '../../src/_internal/argumentChecks.js';
import { ascendingOrder, isAscending } from '../../src/_internal/markOrder.js';
import { AttendanceError, isoDate } from '../../src/index.js';
import type { AttendanceIssue, Session, SessionMark } from '../../src/index.js';

// The argument checks the patterns share (sessions that can be missed, full attendance needed, concentrated
// absence, period comparison) and the register order the rules and patterns read marks in.

function issueOf(run: () => void): AttendanceIssue {
  try {
    run();
  } catch (error) {
    if (error instanceof AttendanceError) return error.issues[0];
    throw error;
  }
  throw new Error('expected an AttendanceError');
}

describe('argument checks', () => {
  test('a count of sessions is a whole number, 0 or more; anything else is named with its field', () => {
    expect(() => {
      checkWholeNumber(0, 'possible');
    }).not.toThrow();
    expect(
      issueOf(() => {
        checkWholeNumber(2.5, 'possible');
      })
    ).toStrictEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'possible must be a whole number of sessions, 0 or more; received 2.5.',
      path: ['possible'],
      field: 'possible',
      expected: 'a whole number, 0 or more',
      received: '2.5',
    });
    expect(
      issueOf(() => {
        checkWholeNumber(-1, 'attended');
      }).field
    ).toBe('attended');
  });

  test('a percentage is 0 to 100 with at most two decimals, so comparisons stay in whole hundredths', () => {
    for (const ok of [0, 100, 92.55, 0.01, 0.29])
      expect(() => {
        checkPercent(ok, 'target');
      }).not.toThrow();
    expect(
      issueOf(() => {
        checkPercent(90.005, 'target');
      })
    ).toStrictEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'target must be a percentage from 0 to 100 with at most two decimal places; received 90.005.',
      path: ['target'],
      field: 'target',
      expected: 'a percentage from 0 to 100 with at most two decimal places',
      received: '90.005',
    });
    for (const bad of [-0.01, 100.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => {
        checkPercent(bad, 'target');
      }).toThrow(AttendanceError);
    }
  });

  test('attended and possible: each a whole number, attended no more than possible', () => {
    expect(() => {
      checkAttendedCounts({ attended: 10, possible: 10 });
    }).not.toThrow();
    expect(
      issueOf(() => {
        checkAttendedCounts({ attended: 11, possible: 10 });
      })
    ).toStrictEqual({
      code: 'invalid_counts',
      severity: 'error',
      message: 'Attended sessions (11) cannot exceed possible sessions (10).',
      path: ['attended'],
      field: 'attended',
      expected: 'at most 10',
      received: '11',
    });
    expect(
      issueOf(() => {
        checkAttendedCounts({ attended: 1, possible: 1.5 });
      }).field
    ).toBe('possible');
    expect(
      issueOf(() => {
        checkAttendedCounts({ attended: -1, possible: 5 });
      }).field
    ).toBe('attended');
  });
});

const mark = (date: string, session: Session): SessionMark => ({ date: isoDate(date), session, code: '/' });

describe('register order', () => {
  test('marks are in register order when dates rise and AM comes before PM within a date', () => {
    expect(isAscending([])).toBe(true);
    expect(isAscending([mark('2024-09-09', 'PM')])).toBe(true);
    expect(isAscending([mark('2024-09-09', 'AM'), mark('2024-09-09', 'PM'), mark('2024-09-10', 'AM')])).toBe(
      true
    );
    expect(isAscending([mark('2024-09-09', 'PM'), mark('2024-09-10', 'AM')])).toBe(true);
    // A repeated session is still in order: it is reported as a duplicate elsewhere.
    expect(isAscending([mark('2024-09-09', 'AM'), mark('2024-09-09', 'AM')])).toBe(true);
  });

  test('an earlier date, or AM after PM on one date, anywhere in the list is out of order', () => {
    expect(isAscending([mark('2024-09-10', 'AM'), mark('2024-09-09', 'PM')])).toBe(false);
    expect(isAscending([mark('2024-09-09', 'PM'), mark('2024-09-09', 'AM')])).toBe(false);
    expect(isAscending([mark('2024-09-09', 'AM'), mark('2024-09-10', 'PM'), mark('2024-09-10', 'AM')])).toBe(
      false
    );
    expect(isAscending([mark('2024-09-09', 'AM'), mark('2024-09-11', 'AM'), mark('2024-09-10', 'PM')])).toBe(
      false
    );
  });

  test('the register order of marks: by date, AM before PM, and a repeated session in the order given', () => {
    const marks = [
      mark('2024-09-10', 'PM'),
      mark('2024-09-09', 'PM'),
      mark('2024-09-10', 'AM'),
      mark('2024-09-09', 'PM'),
      mark('2024-09-09', 'AM'),
    ];
    expect([...ascendingOrder(marks)]).toEqual([4, 1, 3, 2, 0]);
  });
});
