import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { censusPeriods } from '../../../src/io/index.js';

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('censusPeriods laws', () => {
  test.prop([fc.integer({ min: 1583, max: 9998 })])(
    'the four periods tile the year: each starts the day after the last ends',
    (startYear) => {
      const { autumn, spring, summerFirstHalf, summerSecondHalf, year } = censusPeriods(startYear);
      expect(autumn.from).toBe(year.from);
      expect(spring.from).toBe(dayAfter(autumn.to));
      expect(summerFirstHalf.from).toBe(dayAfter(spring.to));
      expect(summerSecondHalf.from).toBe(dayAfter(summerFirstHalf.to));
      expect(summerSecondHalf.to).toBe(year.to);
    }
  );

  test.prop([fc.integer({ min: 1583, max: 9998 })])(
    'spring ends on a Sunday from 22 March to 25 April; the second half of summer starts on the last Monday in May',
    (startYear) => {
      const { spring, summerSecondHalf } = censusPeriods(startYear);
      const endYear = String(startYear + 1).padStart(4, '0');
      expect(weekday(spring.to)).toBe(0);
      expect(spring.to >= `${endYear}-03-22` && spring.to <= `${endYear}-04-25`).toBe(true);
      expect(weekday(summerSecondHalf.from)).toBe(1);
      expect(summerSecondHalf.from >= `${endYear}-05-25` && summerSecondHalf.from <= `${endYear}-05-31`).toBe(
        true
      );
    }
  );
});
