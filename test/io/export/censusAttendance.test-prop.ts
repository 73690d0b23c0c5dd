import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { countSessions } from '../../../src/index.js';
import { CENSUS_ABSENCE_REASONS, toCensusAttendance } from '../../../src/io/index.js';
import { categoryOf } from '../../_arbitraries/code.js';
import { FIRST_DAY, LAST_DAY } from '../../_arbitraries/isoDate.js';
import { registerArb } from '../../_arbitraries/register.js';

const optionsArb = fc.record(
  {
    codeSet: fc.constantFrom('by-date' as const, '2024' as const, 'pre-2024' as const),
    unmarked: fc.constantFrom('unmarked' as const, 'as-N' as const),
  },
  { requiredKeys: [] }
);

describe('toCensusAttendance laws', () => {
  test.prop([registerArb({ maxLength: 120 }), optionsArb])(
    'authorised reasons sum to sessionsAuthorised, unauthorised ones to sessionsUnauthorised',
    (marks, options) => {
      const record = toCensusAttendance(marks, { from: FIRST_DAY, to: LAST_DAY }, options);
      let authorised = 0;
      let unauthorised = 0;
      for (const { reason, absenceSessions } of record.sessionDetails) {
        if (categoryOf(reason) === 'authorised') authorised += absenceSessions;
        else if (categoryOf(reason) === 'unauthorised') unauthorised += absenceSessions;
        else throw new Error(`${reason} is not an absence reason`);
      }
      expect([authorised, unauthorised]).toEqual([record.sessionsAuthorised, record.sessionsUnauthorised]);
      expect(record.sessionsAuthorised + record.sessionsUnauthorised).toBeLessThanOrEqual(
        record.sessionsPossible
      );
    }
  );

  test.prop([registerArb({ maxLength: 120 }), optionsArb])(
    'each reason once, with sessions, in census order; each equals the marks of that code (N with unmarked as-N)',
    (marks, options) => {
      const record = toCensusAttendance(marks, { from: FIRST_DAY, to: LAST_DAY }, options);
      const reasons = record.sessionDetails.map((detail) => detail.reason);
      expect(reasons).toEqual(CENSUS_ABSENCE_REASONS.filter((reason) => reasons.includes(reason)));
      for (const { reason, absenceSessions } of record.sessionDetails) {
        const counted = marks.filter(
          (mark) =>
            mark.code === reason ||
            (reason === 'N' && options.unmarked === 'as-N' && categoryOf(mark.code) === 'unmarked')
        ).length;
        expect(absenceSessions).toBe(counted);
        expect(absenceSessions).toBeGreaterThan(0);
      }
    }
  );

  test.prop([registerArb({ maxLength: 120 }), fc.nat(), fc.nat()])(
    'over a period, possible sessions are those of the marks dated inside it',
    (marks, first, last) => {
      const dates = marks.map((mark) => mark.date);
      if (dates.length === 0) return;
      const [from, to] = [dates[first % dates.length]!, dates[last % dates.length]!].sort();
      const record = toCensusAttendance(marks, { from: from!, to: to! });
      const inside = marks.filter((mark) => mark.date >= from! && mark.date <= to!);
      expect(record.sessionsPossible).toBe(countSessions(inside).possible);
    }
  );
});
