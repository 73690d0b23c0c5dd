import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  countByDayOfWeek,
  countSessions,
  createSessionSlots,
  findConcentratedAbsenceDays,
  toCompactRegister,
} from '../../src/index.js';
import type { SchoolWeekday, SessionMark } from '../../src/index.js';
import { registerArb } from '../_arbitraries/register.js';

/** A register and the same marks in another order. */
const reorderedRegisterArb = registerArb({ maxLength: 80 }).chain((marks) =>
  fc
    .shuffledSubarray(marks, { minLength: marks.length, maxLength: marks.length })
    .map((shuffled): [SessionMark[], SessionMark[]] => [marks, shuffled])
);

const optionsArb = fc.record({
  days: fc.uniqueArray(fc.constantFrom<SchoolWeekday>(1, 2, 3, 4, 5), { minLength: 1, maxLength: 5 }),
  minimumAbsentSessions: fc.integer({ min: 0, max: 20 }),
  shareAtLeastPercent: fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
});

describe('countByDayOfWeek', () => {
  test('the weekdays and weekend sum to the register totals of countSessions', () => {
    fc.assert(
      fc.property(registerArb({ maxLength: 120 }), (marks) => {
        const counts = countSessions(marks);
        const byDay = countByDayOfWeek(marks);
        const sum = { possible: 0, absent: 0, authorised: 0, unauthorised: 0 };
        for (const day of [...byDay.days, byDay.weekend]) {
          sum.possible += day.possible;
          sum.absent += day.absent;
          sum.authorised += day.authorised;
          sum.unauthorised += day.unauthorised;
        }
        const expected = {
          possible: counts.possible,
          absent: counts.absent,
          authorised: counts.authorised,
          unauthorised: counts.unauthorised,
        };
        expect(sum).toEqual(expected);
        expect(byDay.totals).toEqual(expected);
        for (const day of byDay.days) {
          expect(day.possible).toBe(day.AM.possible + day.PM.possible);
          expect(day.absent).toBe(day.AM.absent + day.PM.absent);
          expect(day.absent).toBe(day.authorised + day.unauthorised);
          expect(day.absent).toBeLessThanOrEqual(day.possible);
        }
      })
    );
  });

  test('the compact form gives the same counts as the marks', () => {
    fc.assert(
      fc.property(registerArb({ maxLength: 120 }), (marks) => {
        const compact = toCompactRegister(marks, createSessionSlots(marks));
        expect(countByDayOfWeek(compact)).toEqual(countByDayOfWeek(marks));
      })
    );
  });
});

describe('findConcentratedAbsenceDays', () => {
  test('does not depend on the order of the marks', () => {
    fc.assert(
      fc.property(reorderedRegisterArb, optionsArb, ([marks, shuffled], options) => {
        expect(findConcentratedAbsenceDays(shuffled, options)).toEqual(
          findConcentratedAbsenceDays(marks, options)
        );
      })
    );
  });

  test('is flagged exactly when the three documented tests hold, checked in BigInt', () => {
    fc.assert(
      fc.property(registerArb({ maxLength: 120 }), optionsArb, (marks, options) => {
        const result = findConcentratedAbsenceDays(marks, options);
        const share =
          BigInt(result.absentOnDays) * 10_000n >=
          BigInt(Math.round(options.shareAtLeastPercent * 100)) * BigInt(result.absentSessions);
        const ratio =
          result.possibleOnDays > 0 &&
          result.possibleOnOtherDays > 0 &&
          result.absentOnDays > 0 &&
          BigInt(result.absentOnDays) * BigInt(result.possibleOnOtherDays) >=
            2n * BigInt(result.absentOnOtherDays) * BigInt(result.possibleOnDays);
        expect(result.meetsShare).toBe(share);
        expect(result.meetsRateRatio).toBe(ratio);
        expect(result.flagged).toBe(result.absentSessions >= options.minimumAbsentSessions && share && ratio);
      })
    );
  });
});
