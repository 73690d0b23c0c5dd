import { describe, expect, test } from 'vitest';
import { AttendanceError, isIsoDate, isoDate } from '../../src/index.js';

describe('isIsoDate: leap years of the Gregorian calendar', () => {
  test.each([
    { value: '2024-02-29', expected: true, why: '2024 is divisible by 4' },
    { value: '2023-02-29', expected: false, why: '2023 is not divisible by 4' },
    { value: '1900-02-29', expected: false, why: '1900 is a century not divisible by 400' },
    { value: '2000-02-29', expected: true, why: '2000 is divisible by 400' },
    { value: '2100-02-29', expected: false, why: '2100 is a century not divisible by 400' },
    { value: '2023-02-28', expected: true, why: 'the last day of February in a common year' },
    { value: '2024-02-30', expected: false, why: 'February never has 30 days' },
  ])('$value → $expected ($why)', ({ value, expected }) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('isIsoDate: month and day bounds', () => {
  test.each([
    '2024-01-01',
    '2024-01-31',
    '2024-03-31',
    '2024-04-30',
    '2024-06-30',
    '2024-09-30',
    '2024-11-30',
    '2024-12-31',
    '2024-08-19',
  ])('%s is a real day', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  test.each([
    { value: '2024-01-32', why: 'January has 31 days' },
    { value: '2024-04-31', why: 'April has 30 days' },
    { value: '2024-06-31', why: 'June has 30 days' },
    { value: '2024-09-31', why: 'September has 30 days' },
    { value: '2024-11-31', why: 'November has 30 days' },
    { value: '2024-12-32', why: 'December has 31 days' },
    { value: '2024-00-10', why: 'there is no month 0' },
    { value: '2024-13-01', why: 'there is no month 13' },
    { value: '2024-01-00', why: 'there is no day 0' },
    { value: '2024-99-99', why: 'month and day out of range' },
  ])('$value is not a real day ($why)', ({ value }) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isIsoDate: only the YYYY-MM-DD string form', () => {
  test.each([
    { value: '2024-9-2', why: 'month and day need two digits' },
    { value: '2024-09-2', why: 'day needs two digits' },
    { value: '24-09-02', why: 'year needs four digits' },
    { value: '02/09/2024', why: 'DD/MM/YYYY form' },
    { value: '2024/09/02', why: 'slashes instead of hyphens' },
    { value: '20240902', why: 'basic ISO form without hyphens' },
    { value: '2024-09-02T00:00', why: 'a date-time, not a date' },
    { value: '2024-09-02T00:00:00Z', why: 'an instant, not a date' },
    { value: ' 2024-09-02', why: 'leading space' },
    { value: '2024-09-02 ', why: 'trailing space' },
    { value: '2024-09-02\n', why: 'trailing newline' },
    { value: '+2024-09-02', why: 'signed year' },
    { value: '２０２４-09-02', why: 'full-width digits' },
    { value: '', why: 'empty string' },
  ])('$value is rejected ($why)', ({ value }) => {
    expect(isIsoDate(value)).toBe(false);
  });

  test.each([
    { value: 20240902, why: 'a number' },
    { value: Date.UTC(2024, 8, 2), why: 'a timestamp' },
    { value: null, why: 'null' },
    { value: undefined, why: 'undefined' },
    { value: new Date(Date.UTC(2024, 8, 2)), why: 'a Date object' },
    { value: ['2024-09-02'], why: 'an array holding a date' },
    { value: { date: '2024-09-02' }, why: 'an object' },
    { value: true, why: 'a boolean' },
  ])('$why is not an ISO date', ({ value }) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('isoDate', () => {
  test('returns a valid date unchanged', () => {
    expect(isoDate('2024-09-02')).toBe('2024-09-02');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isoDate('2000-02-29')).toBe('2000-02-29');
  });

  test.each(['2023-02-29', '1900-02-29', '2024-09-31', '2024-9-2', '2024-09-02T00:00', '02/09/2024', ''])(
    'throws AttendanceError for %j',
    (value) => {
      expect(() => isoDate(value)).toThrow(AttendanceError);
    }
  );

  test.each(['2023-02-29', '2024-9-2', '02/09/2024'])(
    'the error for %j is an invalid_value issue carrying the received value',
    (value) => {
      let caught: unknown;
      try {
        isoDate(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AttendanceError);
      const error = caught as AttendanceError;
      expect(error.issues).toHaveLength(1);
      const [issue] = error.issues;
      expect(issue.code).toBe('invalid_value');
      expect(issue.severity).toBe('error');
      expect(issue.received).toBe(value);
      expect(issue.expected).toContain('YYYY-MM-DD');
      expect(issue.message).toContain(value);
      expect(error.message).toBe(issue.message);
    }
  );
});
