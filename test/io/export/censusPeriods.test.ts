import { describe, expect, test } from 'vitest';
import { isoDate } from '../../../src/index.js';
import { censusPeriods } from '../../../src/io/index.js';
import { easterSunday } from '../../../src/io/export/_internal/easterSunday.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';

// Easter Sunday dates as published (e.g. in church calendars and the UK bank holiday lists).
const KNOWN_EASTER_SUNDAYS: readonly (readonly [number, string])[] = [
  [2019, '2019-04-21'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2038, '2038-04-25'],
  // The extremes of the Gregorian computus: the earliest (22 March) and latest (25 April) possible dates.
  [1818, '1818-03-22'],
  [2285, '2285-03-22'],
  [1943, '1943-04-25'],
  [2000, '2000-04-23'],
];

describe('easterSunday (Gregorian computus)', () => {
  test.each(KNOWN_EASTER_SUNDAYS)('Easter %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('censusPeriods', () => {
  test('2024/25: autumn, spring to Easter Sunday, summer halves split at the spring bank holiday', () => {
    // Easter Sunday 2025 is 20 April; the last Monday in May 2025 is 26 May.
    expect(censusPeriods(2024)).toEqual({
      autumn: { from: '2024-08-01', to: '2024-12-31' },
      spring: { from: '2025-01-01', to: '2025-04-20' },
      summerFirstHalf: { from: '2025-04-21', to: '2025-05-25' },
      summerSecondHalf: { from: '2025-05-26', to: '2025-07-31' },
      year: { from: '2024-08-01', to: '2025-07-31' },
    });
  });

  test('2023/24: an Easter in March (31 March 2024) and a bank holiday on 27 May', () => {
    const periods = censusPeriods(2023);
    expect(periods.spring).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periods.summerFirstHalf).toEqual({ from: '2024-04-01', to: '2024-05-26' });
    expect(periods.summerSecondHalf).toEqual({ from: '2024-05-27', to: '2024-07-31' });
  });

  test.each(KNOWN_EASTER_SUNDAYS.filter(([year]) => year > 1583))(
    'the spring term of the year ending in %i ends on Easter Sunday %s and summer starts the next day',
    (year, easter) => {
      const periods = censusPeriods(year - 1);
      expect(periods.spring.to).toBe(easter);
      const monday = new Date(`${easter}T00:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() + 1);
      expect(periods.summerFirstHalf.from).toBe(monday.toISOString().slice(0, 10));
    }
  );

  test.each([
    // The last Monday in May of each year, from published bank holiday lists.
    [2025, '2026-05-25'],
    [2026, '2027-05-31'],
    [2027, '2028-05-29'],
    [2020, '2021-05-31'],
  ] as const)('school year %i: the second half of summer starts on %s', (startYear, holiday) => {
    const periods = censusPeriods(startYear);
    expect(periods.summerSecondHalf.from).toBe(holiday);
    // The first half ends on the Sunday before it.
    expect(new Date(`${periods.summerFirstHalf.to}T00:00:00Z`).getUTCDay()).toBe(0);
  });

  test('a moved spring bank holiday (Thursday 2 June 2022) moves the split', () => {
    const periods = censusPeriods(2021, { springBankHoliday: isoDate('2022-06-02') });
    expect(periods.summerFirstHalf).toEqual({ from: '2022-04-18', to: '2022-06-01' });
    expect(periods.summerSecondHalf).toEqual({ from: '2022-06-02', to: '2022-07-31' });
    // Without the option the usual rule applies: the last Monday in May 2022 was 30 May.
    expect(censusPeriods(2021).summerSecondHalf.from).toBe('2022-05-30');
  });

  test('rejects years that are not whole numbers in the Gregorian range', () => {
    for (const year of [2024.5, Number.NaN, 1582, 9999, -1]) {
      const error = attendanceErrorOf(() => censusPeriods(year));
      expect(error.issues[0]).toMatchObject({ code: 'invalid_value', field: 'schoolYearStartYear' });
    }
  });

  test('rejects a spring bank holiday outside May and June of the year the school year ends in', () => {
    for (const date of ['2025-04-28', '2024-05-27', '2025-07-01', '2025-02-30']) {
      const error = attendanceErrorOf(() =>
        censusPeriods(2024, { springBankHoliday: date as ReturnType<typeof isoDate> })
      );
      expect(error.issues[0]).toMatchObject({
        code: 'invalid_value',
        field: 'springBankHoliday',
        received: date,
      });
    }
  });
});
