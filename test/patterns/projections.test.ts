import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  countRemainingSessions,
  defineSchoolCalendar,
  fullAttendanceSessionsNeeded,
  isoDate,
  sessionsThatCanBeMissed,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Worked by hand from the definitions: the year-end rate after missing m of R remaining sessions is
// (attended + R − m) / (possible + R); the rate after k more attended sessions is (attended + k) / (possible + k);
// "at or above the threshold" includes landing exactly on it.

describe('sessionsThatCanBeMissed', () => {
  test('342 attended of 380 with none remaining is exactly 90 %: no session can be missed', () => {
    expect(sessionsThatCanBeMissed({ attended: 342, possible: 380 }, 0)).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: false,
    });
  });

  test('300 of 340 with 40 remaining: full attendance gives 340 / 380 = 89.47 %, below 90 %', () => {
    // 90 % of 380 is 342 sessions, 2 more than 300 + 40.
    expect(sessionsThatCanBeMissed({ attended: 300, possible: 340 }, 40)).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: true,
    });
  });

  test('330 of 340 with 40 remaining can miss 28: 342 / 380 = 90 %, while 29 gives 341 / 380', () => {
    expect(sessionsThatCanBeMissed({ attended: 330, possible: 340 }, 40)).toEqual({
      sessions: 28,
      alreadyBelowAtYearEnd: false,
    });
  });

  test('302 of 340 with 40 remaining can miss exactly 0 and is not yet below', () => {
    expect(sessionsThatCanBeMissed({ attended: 302, possible: 340 }, 40)).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: false,
    });
  });

  test('never more than the sessions remaining', () => {
    expect(sessionsThatCanBeMissed({ attended: 380, possible: 380 }, 10)).toEqual({
      sessions: 10,
      alreadyBelowAtYearEnd: false,
    });
  });

  test('other thresholds, with two decimals, compared exactly', () => {
    // 95 % of 400 = 380: 370 + 30 − 380 = 20.
    expect(
      sessionsThatCanBeMissed({ attended: 370, possible: 370 }, 30, { thresholdPercent: 95 }).sessions
    ).toBe(20);
    // 90.5 % of 200 = 181: 181 − 181 = 0; 90.51 % needs 181.02, so 182 sessions: below.
    expect(sessionsThatCanBeMissed({ attended: 181, possible: 200 }, 0, { thresholdPercent: 90.5 })).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: false,
    });
    expect(
      sessionsThatCanBeMissed({ attended: 181, possible: 200 }, 0, { thresholdPercent: 90.51 })
        .alreadyBelowAtYearEnd
    ).toBe(true);
  });

  test('rejects counts that are not whole, attended above possible and thresholds that are not percentages', () => {
    expect(() => sessionsThatCanBeMissed({ attended: 1.5, possible: 2 }, 0)).toThrow(AttendanceError);
    expect(() => sessionsThatCanBeMissed({ attended: 3, possible: 2 }, 0)).toThrow(/cannot exceed/);
    expect(() => sessionsThatCanBeMissed({ attended: 1, possible: 2 }, -1)).toThrow(AttendanceError);
    expect(() => sessionsThatCanBeMissed({ attended: 1, possible: 2 }, 0, { thresholdPercent: 101 })).toThrow(
      AttendanceError
    );
    expect(() =>
      sessionsThatCanBeMissed({ attended: 1, possible: 2 }, 0, { thresholdPercent: 90.001 })
    ).toThrow(AttendanceError);
  });
});

describe('fullAttendanceSessionsNeeded', () => {
  test('170 of 200 (85 %) needs exactly 100 sessions: 270 / 300 = 90 %, and 269 / 299 is below', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 170, possible: 200 })).toEqual({
      reachable: true,
      sessions: 100,
    });
    // 99 is not enough: 269 · 10 000 < 9 000 · 299.
    expect(269 * 10_000 < 9_000 * 299).toBe(true);
  });

  test('a pupil already at or above the threshold needs 0', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 342, possible: 380 })).toEqual({
      reachable: true,
      sessions: 0,
    });
    expect(fullAttendanceSessionsNeeded({ attended: 380, possible: 380 }, { thresholdPercent: 100 })).toEqual(
      {
        reachable: true,
        sessions: 0,
      }
    );
  });

  test('a ceiling, not a rounding: 171 of 200 needs 90 (261 / 290 = 90 %)', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 171, possible: 200 })).toEqual({
      reachable: true,
      sessions: 90,
    });
    // 169 of 200: (9 000 · 200 − 10 000 · 169) / 1 000 = 110 exactly.
    expect(fullAttendanceSessionsNeeded({ attended: 169, possible: 200 })).toEqual({
      reachable: true,
      sessions: 110,
    });
    // 95 %: (9 500 · 20 − 10 000 · 18) / 500 = 20 (38 / 40); 17 of 20 needs (190 000 − 170 000) / 500 = 40 (57 / 60).
    expect(fullAttendanceSessionsNeeded({ attended: 18, possible: 20 }, { thresholdPercent: 95 })).toEqual({
      reachable: true,
      sessions: 20,
    });
    expect(fullAttendanceSessionsNeeded({ attended: 17, possible: 20 }, { thresholdPercent: 95 })).toEqual({
      reachable: true,
      sessions: 40,
    });
  });

  test('more sessions than the year has left is unreachable, with the number needed', () => {
    expect(
      fullAttendanceSessionsNeeded({ attended: 170, possible: 200 }, { remainingPossibleSessions: 99 })
    ).toEqual({
      reachable: false,
      reason: 'exceeds-remaining-sessions',
      sessions: 100,
    });
    expect(
      fullAttendanceSessionsNeeded({ attended: 170, possible: 200 }, { remainingPossibleSessions: 100 })
    ).toEqual({
      reachable: true,
      sessions: 100,
    });
  });

  test('a 100 % threshold is out of reach once any session is missed', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 199, possible: 200 }, { thresholdPercent: 100 })).toEqual(
      {
        reachable: false,
        reason: 'full-attendance-threshold',
      }
    );
  });

  test('with no possible sessions yet, one attended session gives 100 %', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 0, possible: 0 })).toEqual({
      reachable: true,
      sessions: 1,
    });
    expect(
      fullAttendanceSessionsNeeded({ attended: 0, possible: 0 }, { remainingPossibleSessions: 0 })
    ).toMatchObject({
      reachable: false,
    });
  });

  test('rejects bad counts, thresholds and remaining sessions', () => {
    expect(() => fullAttendanceSessionsNeeded({ attended: 3, possible: 2 })).toThrow(AttendanceError);
    expect(() =>
      fullAttendanceSessionsNeeded({ attended: 1, possible: 2 }, { thresholdPercent: Number.NaN })
    ).toThrow(AttendanceError);
    expect(() =>
      fullAttendanceSessionsNeeded({ attended: 1, possible: 2 }, { remainingPossibleSessions: 2.5 })
    ).toThrow(AttendanceError);
  });
});

describe('strictly above the threshold, to stay out of persistent absence (absence of 10 % or more)', () => {
  test('182 of 200 with 180 left: missing 20 ends on 342 / 380 = 90 % exactly, so strictly above allows 19', () => {
    // 343 / 380 = 90.26 % > 90 %; 342 / 380 = 90 % is not above.
    expect(sessionsThatCanBeMissed({ attended: 182, possible: 200 }, 180).sessions).toBe(20);
    expect(sessionsThatCanBeMissed({ attended: 182, possible: 200 }, 180, { strictlyAbove: true })).toEqual({
      sessions: 19,
      alreadyBelowAtYearEnd: false,
    });
  });

  test('162 of 200 with 180 left: even full attendance ends on 342 / 380, which is not above 90 %', () => {
    expect(sessionsThatCanBeMissed({ attended: 162, possible: 200 }, 180)).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: false,
    });
    expect(sessionsThatCanBeMissed({ attended: 162, possible: 200 }, 180, { strictlyAbove: true })).toEqual({
      sessions: 0,
      alreadyBelowAtYearEnd: true,
    });
  });

  test('171 of 190 is exactly 90 %: reached, but one more attended session is needed to be above it', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 171, possible: 190 })).toEqual({
      reachable: true,
      sessions: 0,
    });
    // 172 / 191 = 90.05 %.
    expect(fullAttendanceSessionsNeeded({ attended: 171, possible: 190 }, { strictlyAbove: true })).toEqual({
      reachable: true,
      sessions: 1,
    });
  });

  test('170 of 200 needs 100 to reach 90 % (270 / 300) and 101 to be above it (271 / 301 = 90.03 %)', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 170, possible: 200 }, { strictlyAbove: true })).toEqual({
      reachable: true,
      sessions: 101,
    });
  });

  test('a pupil above the threshold needs nothing; nothing is strictly above 100 %', () => {
    expect(fullAttendanceSessionsNeeded({ attended: 181, possible: 200 }, { strictlyAbove: true })).toEqual({
      reachable: true,
      sessions: 0,
    });
    expect(
      fullAttendanceSessionsNeeded(
        { attended: 5, possible: 5 },
        { thresholdPercent: 100, strictlyAbove: true }
      )
    ).toEqual({ reachable: false, reason: 'full-attendance-threshold' });
  });
});

describe('countRemainingSessions', () => {
  // The example calendar: INSET days on Monday 2 September 2024 and Tuesday 22 July 2025 (the year's last day);
  // 2025/26 ends on Tuesday 21 July 2026 with the afternoon closed.
  const calendar = defineSchoolCalendar(exampleCalendar);

  test('counts the open sessions after a date to the end of its school year', () => {
    expect(countRemainingSessions(calendar, isoDate('2025-07-18'))).toBe(2);
    expect(countRemainingSessions(calendar, isoDate('2025-07-22'))).toBe(0);
    expect(countRemainingSessions(calendar, isoDate('2026-07-20'))).toBe(1);
  });

  test('a date before a school year counts the whole year; after the calendar, nothing', () => {
    expect(countRemainingSessions(calendar, isoDate('2024-08-31'))).toBe(380);
    expect(countRemainingSessions(calendar, isoDate('2024-09-02'))).toBe(380);
    expect(countRemainingSessions(calendar, isoDate('2025-08-01'))).toBe(381);
    expect(countRemainingSessions(calendar, isoDate('2026-08-01'))).toBe(0);
  });

  test('counts up to and including a chosen date', () => {
    expect(countRemainingSessions(calendar, isoDate('2024-09-02'), isoDate('2024-09-06'))).toBe(8);
    expect(countRemainingSessions(calendar, isoDate('2024-09-06'), isoDate('2024-09-02'))).toBe(0);
    // Across the October half-term: 28 October to 1 November is a holiday and 4 November an INSET day.
    expect(countRemainingSessions(calendar, isoDate('2024-10-24'), isoDate('2024-11-05'))).toBe(4);
  });
});
