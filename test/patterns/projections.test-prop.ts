import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  countSessions,
  defineSchoolCalendar,
  fullAttendanceSessionsNeeded,
  sessionsThatCanBeMissed,
  toHalfTermSeries,
  toWeeklySeries,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { registerArb } from '../_arbitraries/register.js';

/** Whether attended / possible is at or above basisPoints / 10 000, checked by cross-multiplication. */
function atOrAbove(attended: number, possible: number, basisPoints: number): boolean {
  return BigInt(attended) * 10_000n >= BigInt(basisPoints) * BigInt(possible);
}

const countsArb = fc
  .integer({ min: 0, max: 5000 })
  .chain((possible) =>
    fc.record({ possible: fc.constant(possible), attended: fc.integer({ min: 0, max: possible }) })
  );
const basisPointsArb = fc.integer({ min: 0, max: 10_000 });

describe('sessionsThatCanBeMissed is exact', () => {
  test('missing m keeps the pupil at or above the threshold; missing m + 1 (when possible) crosses it', () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.integer({ min: 0, max: 1000 }),
        basisPointsArb,
        (counts, remaining, basisPoints) => {
          const result = sessionsThatCanBeMissed(counts, remaining, { thresholdPercent: basisPoints / 100 });
          const yearPossible = counts.possible + remaining;
          const atYearEnd = (missed: number) =>
            atOrAbove(counts.attended + remaining - missed, yearPossible, basisPoints);
          expect(result.sessions).toBeGreaterThanOrEqual(0);
          expect(result.sessions).toBeLessThanOrEqual(remaining);
          if (result.alreadyBelowAtYearEnd) {
            expect(result.sessions).toBe(0);
            expect(atYearEnd(0)).toBe(false);
            return;
          }
          expect(atYearEnd(result.sessions)).toBe(true);
          if (result.sessions < remaining) expect(atYearEnd(result.sessions + 1)).toBe(false);
        }
      )
    );
  });
});

describe('fullAttendanceSessionsNeeded is exact', () => {
  test('k sessions of full attendance are enough and k − 1 are not', () => {
    fc.assert(
      fc.property(countsArb, basisPointsArb, (counts, basisPoints) => {
        const result = fullAttendanceSessionsNeeded(counts, { thresholdPercent: basisPoints / 100 });
        if (!result.reachable) {
          expect(basisPoints).toBe(10_000);
          expect(counts.attended).toBeLessThan(counts.possible);
          return;
        }
        const k = result.sessions;
        expect(counts.possible + k).toBeGreaterThan(0);
        expect(atOrAbove(counts.attended + k, counts.possible + k, basisPoints)).toBe(true);
        if (k > 0 && counts.possible + k - 1 > 0) {
          expect(atOrAbove(counts.attended + k - 1, counts.possible + k - 1, basisPoints)).toBe(false);
        }
      })
    );
  });

  test('with remaining sessions given, it is reachable exactly when k fits', () => {
    fc.assert(
      fc.property(
        countsArb,
        basisPointsArb.filter((b) => b < 10_000),
        fc.nat(2000),
        (counts, basisPoints, remaining) => {
          const thresholdPercent = basisPoints / 100;
          const unlimited = fullAttendanceSessionsNeeded(counts, { thresholdPercent });
          const limited = fullAttendanceSessionsNeeded(counts, {
            thresholdPercent,
            remainingPossibleSessions: remaining,
          });
          if (!unlimited.reachable)
            throw new Error('a threshold below 100 % is always reachable without a limit');
          expect(limited.reachable).toBe(unlimited.sessions <= remaining);
          if (!limited.reachable && limited.reason === 'exceeds-remaining-sessions') {
            expect(limited.sessions).toBe(unlimited.sessions);
          }
        }
      )
    );
  });
});

describe('series rows sum to the pupil’s totals', () => {
  const calendar = defineSchoolCalendar(exampleCalendar);
  /** Whether a date falls in a half-term of the example calendar (so also in a school week). */
  function isInHalfTerm(date: string): boolean {
    return exampleCalendar.years.some((year) =>
      year.halfTerms.some((halfTerm) => date >= halfTerm.start && date <= halfTerm.end)
    );
  }
  // Registers on weekdays inside half-terms only: every mark then falls in a school week and a half-term.
  const openRegisterArb = registerArb({ maxLength: 80 }).map((marks) =>
    marks.filter((mark) => isInHalfTerm(mark.date))
  );

  test('weekly and half-term rows add up to countSessions, and the last running totals equal them', () => {
    fc.assert(
      fc.property(openRegisterArb, (marks) => {
        const counts = countSessions(marks);
        for (const series of [toWeeklySeries(marks, calendar), toHalfTermSeries(marks, calendar)]) {
          const sum = (field: 'possible' | 'attended' | 'absent') =>
            series.reduce((total, row) => total + row[field], 0);
          expect(sum('possible')).toBe(counts.possible);
          expect(sum('attended')).toBe(counts.attended);
          expect(sum('absent')).toBe(counts.absent);
          expect(series.at(-1)?.cumulativePossible ?? 0).toBe(counts.possible);
          expect(series.at(-1)?.cumulativeAttended ?? 0).toBe(counts.attended);
        }
      })
    );
  });
});

describe('strictly above is exact too', () => {
  const above = (attended: number, possible: number, basisPoints: number) =>
    BigInt(attended) * 10_000n > BigInt(basisPoints) * BigInt(possible);

  test('missing m keeps the year above the threshold; missing m + 1 (when possible) does not', () => {
    fc.assert(
      fc.property(
        countsArb,
        fc.integer({ min: 1, max: 1000 }),
        basisPointsArb,
        (counts, remaining, basisPoints) => {
          const options = { thresholdPercent: basisPoints / 100, strictlyAbove: true };
          const result = sessionsThatCanBeMissed(counts, remaining, options);
          const yearPossible = counts.possible + remaining;
          const atYearEnd = (missed: number) =>
            above(counts.attended + remaining - missed, yearPossible, basisPoints);
          if (result.alreadyBelowAtYearEnd) {
            expect(result.sessions).toBe(0);
            expect(atYearEnd(0)).toBe(false);
            return;
          }
          expect(atYearEnd(result.sessions)).toBe(true);
          if (result.sessions < remaining) expect(atYearEnd(result.sessions + 1)).toBe(false);
        }
      )
    );
  });

  test('k sessions of full attendance take the rate above the threshold and k − 1 do not', () => {
    fc.assert(
      fc.property(countsArb, basisPointsArb, (counts, basisPoints) => {
        const result = fullAttendanceSessionsNeeded(counts, {
          thresholdPercent: basisPoints / 100,
          strictlyAbove: true,
        });
        if (!result.reachable) {
          expect(basisPoints).toBe(10_000);
          return;
        }
        const k = result.sessions;
        expect(above(counts.attended + k, counts.possible + k, basisPoints)).toBe(true);
        if (k > 0 && counts.possible + k - 1 > 0) {
          expect(above(counts.attended + k - 1, counts.possible + k - 1, basisPoints)).toBe(false);
        }
      })
    );
  });
});
