import { fc, test } from '@fast-check/vitest';
import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { formatISO } from 'date-fns/formatISO';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import { subYears } from 'date-fns/subYears';
import { describe, expect } from 'vitest';
import {
  addIsoDays,
  daysInMonth,
  differenceInIsoDays,
  isoWeekdayOf,
  subtractIsoYears,
} from '../../src/_internal/dates.js';
import type { IsoDate } from '../../src/index.js';

// The library's day arithmetic is written over day numbers in UTC; date-fns, a maintained library, does the same
// in local time. Two routes, one answer, in whatever time zone the tests run (CI runs them in three).

const dateArb = fc
  .date({ min: new Date(1000, 0, 1), max: new Date(9900, 11, 31), noInvalidDate: true })
  .map((date) => formatISO(date, { representation: 'date' }) as IsoDate);
const asText = (date: Date): string => formatISO(date, { representation: 'date' });

describe('date arithmetic over day numbers agrees with date-fns', () => {
  test.prop([dateArb, fc.integer({ min: -800, max: 800 })])('adding days', (date, days) => {
    expect(addIsoDays(date, days)).toBe(asText(addDays(parseISO(date), days)));
  });

  test.prop([dateArb, dateArb])('days between two dates', (later, earlier) => {
    expect(differenceInIsoDays(later, earlier)).toBe(
      differenceInCalendarDays(parseISO(later), parseISO(earlier))
    );
  });

  test.prop([dateArb])('the ISO weekday', (date) => {
    expect(isoWeekdayOf(date)).toBe(getISODay(parseISO(date)));
  });

  test.prop([dateArb, fc.integer({ min: 0, max: 20 })])(
    'the same date years earlier, 29 February included',
    (date, years) => {
      expect(subtractIsoYears(date, years)).toBe(asText(subYears(parseISO(date), years)));
    }
  );

  test.prop([fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 })])(
    'days in a month',
    (year, month) => {
      const first = new Date(2000, 0, 1);
      first.setFullYear(year, month - 1, 1);
      expect(daysInMonth(year, month)).toBe(getDaysInMonth(first));
    }
  );
});
