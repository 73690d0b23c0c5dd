import { describe, expect, test } from 'vitest';
import {
  ageAtStartOfSchoolYear,
  ageOn,
  compulsorySchoolAgeEnd,
  compulsorySchoolAgeStart,
  isoDate,
  isOfCompulsorySchoolAge,
} from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const d = isoDate;

describe('compulsorySchoolAgeStart', () => {
  test('worked example: born 10 February 2019 (5 on 10 February 2024) → 31 March 2024', () => {
    expect(compulsorySchoolAgeStart(d('2019-02-10'))).toBe('2024-03-31');
  });

  test.each([
    ['2019-12-31', '2024-12-31'],
    ['2019-03-31', '2024-03-31'],
    ['2019-08-31', '2024-08-31'],
  ])('a fifth birthday on a prescribed day (born %s) starts on that day', (dateOfBirth, start) => {
    expect(compulsorySchoolAgeStart(d(dateOfBirth))).toBe(start);
  });

  // The boundary table: fifth birthday 1 Sep–31 Dec → 31 Dec; 1 Jan–31 Mar → 31 Mar; 1 Apr–31 Aug → 31 Aug.
  test.each([
    ['2019-09-01', '2024-12-31'],
    ['2019-10-15', '2024-12-31'],
    ['2019-12-30', '2024-12-31'],
    ['2019-01-01', '2024-03-31'],
    ['2019-03-30', '2024-03-31'],
    ['2019-04-01', '2024-08-31'],
    ['2019-06-15', '2024-08-31'],
    ['2019-08-30', '2024-08-31'],
  ])('born %s → %s', (dateOfBirth, start) => {
    expect(compulsorySchoolAgeStart(d(dateOfBirth))).toBe(start);
  });

  test.each([
    ['2016-02-29', '2021-03-31'],
    ['2020-02-29', '2025-03-31'],
    ['2019-02-28', '2024-03-31'],
    ['2019-03-01', '2024-03-31'],
  ])('29 February births and their neighbours: born %s → %s', (dateOfBirth, start) => {
    expect(compulsorySchoolAgeStart(d(dateOfBirth))).toBe(start);
  });
});

describe('compulsorySchoolAgeEnd', () => {
  test('worked example: born 23 September 2007 → 28 June 2024', () => {
    expect(compulsorySchoolAgeEnd(d('2007-09-23'))).toBe('2024-06-28');
  });

  test.each([
    // 16 in the school year 2023/24 (1 September 2023 to 31 August 2024).
    ['2007-09-01', '2024-06-28'],
    ['2008-06-28', '2024-06-28'],
    ['2008-06-29', '2024-06-28'],
    ['2008-08-31', '2024-06-28'],
    // 16 from 1 September 2024: the school year 2024/25.
    ['2008-09-01', '2025-06-27'],
    ['2009-01-15', '2025-06-27'],
    ['2009-09-01', '2026-06-26'],
    ['2010-09-01', '2027-06-25'],
    ['2011-09-01', '2028-06-30'],
    ['2007-08-31', '2023-06-30'],
  ])('born %s → %s (1 September boundary)', (dateOfBirth, end) => {
    expect(compulsorySchoolAgeEnd(d(dateOfBirth))).toBe(end);
  });

  test('the default boundary is 1 September', () => {
    expect(compulsorySchoolAgeEnd(d('2007-09-02'), { schoolYearBoundary: '1-september' })).toBe(
      compulsorySchoolAgeEnd(d('2007-09-02'))
    );
  });

  test.each([
    ['2008-02-29', '2024-06-28'],
    ['2012-02-29', '2028-06-30'],
    ['2008-03-01', '2024-06-28'],
  ])('29 February births and their neighbours: born %s → %s', (dateOfBirth, end) => {
    expect(compulsorySchoolAgeEnd(d(dateOfBirth))).toBe(end);
  });

  describe('strict reading: the school year begins with the autumn term', () => {
    const autumnTermStarts = { 2023: d('2023-09-05'), 2024: d('2024-08-28') } as const;

    test('16 after 1 September but before the autumn term begins → the previous June', () => {
      expect(compulsorySchoolAgeEnd(d('2007-09-02'), { schoolYearBoundary: { autumnTermStarts } })).toBe(
        '2023-06-30'
      );
      expect(compulsorySchoolAgeEnd(d('2007-09-02'))).toBe('2024-06-28');
    });

    test('16 on the first day of the autumn term → the June ending that school year', () => {
      expect(compulsorySchoolAgeEnd(d('2007-09-05'), { schoolYearBoundary: { autumnTermStarts } })).toBe(
        '2024-06-28'
      );
    });

    test('16 the day before the autumn term begins → the previous June', () => {
      expect(compulsorySchoolAgeEnd(d('2007-09-04'), { schoolYearBoundary: { autumnTermStarts } })).toBe(
        '2023-06-30'
      );
    });

    test('an autumn term starting in August moves a late-August sixteenth birthday into the next school year', () => {
      expect(compulsorySchoolAgeEnd(d('2008-08-30'), { schoolYearBoundary: { autumnTermStarts } })).toBe(
        '2025-06-27'
      );
      expect(compulsorySchoolAgeEnd(d('2008-08-30'))).toBe('2024-06-28');
    });

    test('the autumn term starts may be given as a function of the year', () => {
      const starts = (year: number): IsoDate => d(`${String(year)}-09-05`);
      expect(
        compulsorySchoolAgeEnd(d('2007-09-02'), { schoolYearBoundary: { autumnTermStarts: starts } })
      ).toBe('2023-06-30');
      expect(
        compulsorySchoolAgeEnd(d('2007-09-23'), { schoolYearBoundary: { autumnTermStarts: starts } })
      ).toBe('2024-06-28');
    });

    test('a missing year is an error naming the year', () => {
      const error = attendanceErrorOf(() =>
        compulsorySchoolAgeEnd(d('2010-10-01'), { schoolYearBoundary: { autumnTermStarts } })
      );
      expect(error.issues[0]).toMatchObject({
        code: 'invalid_value',
        path: ['options', 'schoolYearBoundary', 'autumnTermStarts', 2026],
        received: 'undefined',
      });
      expect(error.message).toContain('2026');
    });

    test.each(['2023-07-31', '2024-09-05', '2023-13-01'])(
      'an autumn term start of "%s" for 2023 is an error',
      (start) => {
        const error = attendanceErrorOf(() =>
          compulsorySchoolAgeEnd(d('2007-10-01'), {
            schoolYearBoundary: { autumnTermStarts: () => start as IsoDate },
          })
        );
        expect(error.issues[0]).toMatchObject({ code: 'invalid_value', received: start });
      }
    );
  });
});

describe('ageOn', () => {
  test.each([
    ['2008-09-23', '2008-09-23', 0],
    ['2008-09-23', '2024-09-22', 15],
    ['2008-09-23', '2024-09-23', 16],
    ['2008-12-31', '2009-12-30', 0],
    ['2008-12-31', '2009-12-31', 1],
    ['2008-01-01', '2008-12-31', 0],
  ])('born %s, on %s → %i', (dateOfBirth, date, age) => {
    expect(ageOn(d(dateOfBirth), d(date))).toBe(age);
  });

  test('a 29 February birth is a year older on 1 March in a year without 29 February', () => {
    expect(ageOn(d('2008-02-29'), d('2025-02-28'))).toBe(16);
    expect(ageOn(d('2008-02-29'), d('2025-03-01'))).toBe(17);
  });

  test('a 29 February birth is a year older on 29 February in a leap year', () => {
    expect(ageOn(d('2008-02-29'), d('2024-02-28'))).toBe(15);
    expect(ageOn(d('2008-02-29'), d('2024-02-29'))).toBe(16);
  });

  test('a date before birth is an error naming both dates', () => {
    const error = attendanceErrorOf(() => ageOn(d('2010-05-05'), d('2010-05-04')));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['date'], received: '2010-05-04' });
    expect(error.message).toContain('2010-05-05');
  });

  test('every invalid date is reported, each naming its value', () => {
    const error = attendanceErrorOf(() => ageOn('2010-02-30' as IsoDate, '31/08/2024' as IsoDate));
    expect(error.issues.map((issue) => [issue.path, issue.received])).toEqual([
      [['dateOfBirth'], '2010-02-30'],
      [['date'], '31/08/2024'],
    ]);
    expect(error.message).toContain('"2010-02-30"');
  });
});

describe('isOfCompulsorySchoolAge', () => {
  const dateOfBirth = d('2019-02-10');

  test('not on the day before the start; yes on the start day', () => {
    expect(isOfCompulsorySchoolAge(dateOfBirth, d('2024-03-30'))).toBe(false);
    expect(isOfCompulsorySchoolAge(dateOfBirth, d('2024-03-31'))).toBe(true);
  });

  test('yes on the school leaving date; not on the day after', () => {
    expect(compulsorySchoolAgeEnd(dateOfBirth)).toBe('2035-06-29');
    expect(isOfCompulsorySchoolAge(dateOfBirth, d('2035-06-29'))).toBe(true);
    expect(isOfCompulsorySchoolAge(dateOfBirth, d('2035-06-30'))).toBe(false);
  });

  test('worked example: born 23 September 2007, of compulsory school age up to and including 28 June 2024', () => {
    expect(isOfCompulsorySchoolAge(d('2007-09-23'), d('2024-06-28'))).toBe(true);
    expect(isOfCompulsorySchoolAge(d('2007-09-23'), d('2024-06-29'))).toBe(false);
  });

  test('not before birth', () => {
    expect(isOfCompulsorySchoolAge(dateOfBirth, d('2018-01-01'))).toBe(false);
  });

  test('the school-year boundary option applies', () => {
    const options = { schoolYearBoundary: { autumnTermStarts: { 2023: d('2023-09-05') } } } as const;
    expect(isOfCompulsorySchoolAge(d('2007-09-02'), d('2023-09-04'), options)).toBe(false);
    expect(isOfCompulsorySchoolAge(d('2007-09-02'), d('2023-09-04'))).toBe(true);
  });

  test('an invalid date is an error naming the value', () => {
    const error = attendanceErrorOf(() => isOfCompulsorySchoolAge(dateOfBirth, '2024-02-30' as IsoDate));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['date'], received: '2024-02-30' });
    expect(error.message).toContain('"2024-02-30"');
  });
});

describe('ageAtStartOfSchoolYear', () => {
  test.each([
    ['2019-08-31', 2024, 5],
    ['2019-09-01', 2024, 4],
    ['2008-09-01', 2024, 15],
    ['2008-08-31', 2024, 16],
    ['2020-02-29', 2025, 5],
    ['2024-08-31', 2024, 0],
  ])('born %s, school year starting in %i → %i', (dateOfBirth, year, age) => {
    expect(ageAtStartOfSchoolYear(d(dateOfBirth), year)).toBe(age);
  });

  test('the age is the age on 31 August before the school year', () => {
    expect(ageAtStartOfSchoolYear(d('2012-05-17'), 2024)).toBe(ageOn(d('2012-05-17'), d('2024-08-31')));
  });

  test('a birth after 31 August of that year is an error', () => {
    const error = attendanceErrorOf(() => ageAtStartOfSchoolYear(d('2024-09-01'), 2024));
    expect(error.issues[0]).toMatchObject({ path: ['dateOfBirth'], received: '2024-09-01' });
  });

  test.each([2024.5, -1, 10_000, Number.NaN])('a start year of %d is an error naming the value', (year) => {
    const error = attendanceErrorOf(() => ageAtStartOfSchoolYear(d('2010-01-01'), year));
    expect(error.issues[0]).toMatchObject({ path: ['schoolYearStartYear'], received: String(year) });
  });
});

describe('invalid and out-of-range dates of birth', () => {
  test.each([
    ['compulsorySchoolAgeStart', () => compulsorySchoolAgeStart('2019-02-29' as IsoDate)],
    ['compulsorySchoolAgeEnd', () => compulsorySchoolAgeEnd('2019-02-29' as IsoDate)],
    ['isOfCompulsorySchoolAge', () => isOfCompulsorySchoolAge('2019-02-29' as IsoDate, d('2024-09-02'))],
    ['ageAtStartOfSchoolYear', () => ageAtStartOfSchoolYear('2019-02-29' as IsoDate, 2024)],
  ])('%s names the invalid date of birth', (_name, run) => {
    const error = attendanceErrorOf(run);
    expect(error.issues[0]).toMatchObject({
      code: 'invalid_value',
      path: ['dateOfBirth'],
      received: '2019-02-29',
    });
    expect(error.message).toContain('"2019-02-29"');
  });

  test('results past the year 9999 are refused', () => {
    expect(compulsorySchoolAgeStart(d('9994-12-31'))).toBe('9999-12-31');
    expect(attendanceErrorOf(() => compulsorySchoolAgeStart(d('9995-01-01'))).issues[0].path).toEqual([
      'dateOfBirth',
    ]);
    expect(compulsorySchoolAgeEnd(d('9982-12-31'))).toMatch(/^9999-06-/);
    expect(attendanceErrorOf(() => compulsorySchoolAgeEnd(d('9983-01-01'))).issues[0].path).toEqual([
      'dateOfBirth',
    ]);
  });

  test('early four-digit years are handled as calendar years', () => {
    expect(compulsorySchoolAgeStart(d('0001-05-05'))).toBe('0006-08-31');
    expect(compulsorySchoolAgeEnd(d('1900-09-01'))).toBe('1917-06-29');
  });
});
