import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  ageOn,
  compulsorySchoolAgeEnd,
  compulsorySchoolAgeStart,
  isoDate,
  isOfCompulsorySchoolAge,
} from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';

const MS_PER_DAY = 86_400_000;
const FIRST_BIRTH_MS = Date.UTC(1950, 0, 1);
const BIRTH_SPAN_DAYS = Math.round((Date.UTC(2060, 11, 31) - FIRST_BIRTH_MS) / MS_PER_DAY);

/** The UTC calendar day `days` after `ms`, read from UTC fields so no time zone is involved. */
function dayAfter(ms: number, days: number): IsoDate {
  return isoDate(new Date(ms + days * MS_PER_DAY).toISOString().slice(0, 10));
}

/** Dates of birth from 1950 to 2060, weighted towards 29 February and the prescribed days. */
const dateOfBirthArb: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.integer({ min: 0, max: BIRTH_SPAN_DAYS }).map((offset) => dayAfter(FIRST_BIRTH_MS, offset)),
  fc
    .tuple(
      fc.integer({ min: 1950, max: 2060 }),
      fc.constantFrom('02-29', '03-31', '08-31', '12-31', '09-01', '01-01')
    )
    .map(([year, monthDay]) => `${String(year)}-${monthDay}`)
    .filter((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))
    .map((value) => isoDate(value))
);

/** The same month and day `years` later, with 29 February moving to 1 March when that year has none. */
function sameDayYearsLater(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const later = `${String(year)}-${date.slice(5)}`;
  const utc = new Date(`${later}T00:00:00Z`);
  return utc.toISOString().startsWith(later) ? isoDate(later) : isoDate(`${String(year)}-03-01`);
}

/** Adds whole months to a date by UTC calendar fields (clamping to the month's last day). */
function monthsLater(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  return dayAfter(Date.UTC(year, targetMonth, Math.min(day, lastDay)), 0);
}

function weekdayOf(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

test.prop([dateOfBirthArb])('the start is always 31 March, 31 August or 31 December', (dateOfBirth) => {
  expect(['03-31', '08-31', '12-31']).toContain(compulsorySchoolAgeStart(dateOfBirth).slice(5));
});

test.prop([dateOfBirthArb])('the start is on or after the fifth birthday', (dateOfBirth) => {
  expect(compulsorySchoolAgeStart(dateOfBirth) >= sameDayYearsLater(dateOfBirth, 5)).toBe(true);
  expect(ageOn(dateOfBirth, compulsorySchoolAgeStart(dateOfBirth))).toBe(5);
});

test.prop([dateOfBirthArb])('the start is within 5 years and 8 months of birth', (dateOfBirth) => {
  expect(compulsorySchoolAgeStart(dateOfBirth) <= monthsLater(dateOfBirth, 5 * 12 + 8)).toBe(true);
});

test.prop([dateOfBirthArb])(
  'the start is the first prescribed day reached: none lies from the fifth birthday to the day before it',
  (dateOfBirth) => {
    const start = compulsorySchoolAgeStart(dateOfBirth);
    const fifthBirthday = sameDayYearsLater(dateOfBirth, 5);
    const year = fifthBirthday.slice(0, 4);
    for (const monthDay of ['03-31', '08-31', '12-31']) {
      const prescribed = `${year}-${monthDay}`;
      if (prescribed >= fifthBirthday) expect(start <= prescribed).toBe(true);
    }
  }
);

test.prop([dateOfBirthArb])('the end is always a Friday in the last 7 days of June', (dateOfBirth) => {
  const end = compulsorySchoolAgeEnd(dateOfBirth);
  expect(end.slice(5, 7)).toBe('06');
  expect(Number(end.slice(8))).toBeGreaterThanOrEqual(24);
  expect(weekdayOf(end)).toBe(5);
});

test.prop([dateOfBirthArb])(
  'the end is in the school year in which the child turns 16 (1 September boundary)',
  (dateOfBirth) => {
    const end = compulsorySchoolAgeEnd(dateOfBirth);
    const sixteenthBirthday = sameDayYearsLater(dateOfBirth, 16);
    const schoolYearEndYear =
      Number(sixteenthBirthday.slice(0, 4)) + (sixteenthBirthday.slice(5) >= '09-01' ? 1 : 0);
    expect(Number(end.slice(0, 4))).toBe(schoolYearEndYear);
  }
);

test.prop([dateOfBirthArb])(
  'start < end, and the child is of compulsory school age on both and not just outside',
  (dateOfBirth) => {
    const start = compulsorySchoolAgeStart(dateOfBirth);
    const end = compulsorySchoolAgeEnd(dateOfBirth);
    expect(start < end).toBe(true);
    expect(isOfCompulsorySchoolAge(dateOfBirth, start)).toBe(true);
    expect(isOfCompulsorySchoolAge(dateOfBirth, end)).toBe(true);
    expect(isOfCompulsorySchoolAge(dateOfBirth, dayAfter(Date.parse(`${start}T00:00:00Z`), -1))).toBe(false);
    expect(isOfCompulsorySchoolAge(dateOfBirth, dayAfter(Date.parse(`${end}T00:00:00Z`), 1))).toBe(false);
  }
);

test.prop([dateOfBirthArb, fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 40_000 })])(
  'ageOn is monotone in the date',
  (dateOfBirth, first, second) => {
    const birthMs = Date.parse(`${dateOfBirth}T00:00:00Z`);
    const earlier = dayAfter(birthMs, Math.min(first, second));
    const later = dayAfter(birthMs, Math.max(first, second));
    expect(ageOn(dateOfBirth, earlier)).toBeLessThanOrEqual(ageOn(dateOfBirth, later));
  }
);

test.prop([dateOfBirthArb, fc.integer({ min: 0, max: 100 })])(
  'ageOn counts the birthdays reached (29 February counted on 1 March in other years)',
  (dateOfBirth, years) => {
    const birthday = sameDayYearsLater(dateOfBirth, years);
    expect(ageOn(dateOfBirth, birthday)).toBe(years);
    if (years > 0) {
      expect(ageOn(dateOfBirth, dayAfter(Date.parse(`${birthday}T00:00:00Z`), -1))).toBe(years - 1);
    }
  }
);
