import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  classifyBand,
  createSessionSlots,
  DFE_ABSENCE_BANDS,
  groupMarksByPupil,
  isoDate,
  safeCountSessions,
  toCompactRegister,
  toPercentage,
} from '../../src/index.js';
import type { BandTable, SessionMark, SessionSlot, SessionSlots } from '../../src/index.js';
import { assertCompactRegisterShape } from '../../src/sessions/assertCompactRegisterShape.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const MONDAY = isoDate('2024-09-02');
const TUESDAY = isoDate('2024-09-03');
const WEDNESDAY = isoDate('2024-09-04');

/** Monday AM, Monday PM and Tuesday AM. */
function threeSlots(): SessionSlots {
  return createSessionSlots([
    { date: MONDAY, session: 'AM' },
    { date: MONDAY, session: 'PM' },
    { date: TUESDAY, session: 'AM' },
  ]);
}

/**
 * A hand-made absence band table that defineBandTable would refuse: it has gaps below 10 %, from above 20 % to
 * 30 % inclusive, and from 40 % up. Band `a` is [10, 20]; band `b` is (30, 40).
 */
const GAPPY_BANDS: BandTable = {
  id: 'gappy',
  name: 'A table with gaps',
  measure: 'absence',
  source: 'test',
  bands: [
    { id: 'a', label: 'A', from: 10, fromInclusive: true, to: 20, toInclusive: true },
    { id: 'b', label: 'B', from: 30, fromInclusive: false, to: 40, toInclusive: false },
  ],
};

function countsOfAbsence(
  absent: number,
  possible: number
): { possible: number; attended: number; absent: number } {
  return { possible, attended: possible - absent, absent };
}

function bandOrGap(absent: number, possible: number, table: BandTable): string {
  try {
    const result = classifyBand(countsOfAbsence(absent, possible), table);
    return result.kind === 'band' ? result.band.id : result.kind;
  } catch (error) {
    // Only an AttendanceError is an answer; anything else (a TypeError) fails the test.
    if (error instanceof AttendanceError) return error.issues[0].code;
    throw error;
  }
}

describe('classifyBand refuses counts that do not add up', () => {
  test('attended plus absent other than possible is an invalid_counts issue naming all three', () => {
    const error = attendanceErrorOf(() =>
      classifyBand({ possible: 10, attended: 5, absent: 4 }, DFE_ABSENCE_BANDS)
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Attended (5) and absent (4) sessions must add up to possible sessions (10).',
        path: [],
        expected: 'attended + absent = possible',
        received: 'attended 5, absent 4, possible 10',
      },
    ]);
  });
});

describe('classifyBand on an unvalidated table with gaps (ordinary session counts)', () => {
  test('a rate in no band is a band_gap issue naming the table and the rate', () => {
    const error = attendanceErrorOf(() => classifyBand(countsOfAbsence(25, 100), GAPPY_BANDS));
    expect(error.issues).toStrictEqual([
      {
        code: 'band_gap',
        severity: 'error',
        message: 'Band table "gappy" has no band for 25 of 100 sessions; validate it with defineBandTable.',
        path: ['bands'],
        expected: 'a band table covering 0–100 % (see defineBandTable)',
        received: '25 of 100',
      },
    ]);
  });

  test.each([
    [5, 'band_gap'],
    [10, 'a'],
    [15, 'a'],
    [20, 'a'],
    [25, 'band_gap'],
    [30, 'band_gap'],
    [31, 'b'],
    [35, 'b'],
    [40, 'band_gap'],
    [45, 'band_gap'],
  ])('%i of 100 sessions absent falls in %s', (absent, expected) => {
    expect(bandOrGap(absent, 100, GAPPY_BANDS)).toBe(expected);
  });
});

describe('classifyBand beyond the plain-number range (possible sessions over 900 719 925 474)', () => {
  // 9 × 10^15 possible sessions: a safe integer, and a multiple of 10 000 so every whole percent is exact.
  const possible = 9_000_000_000_000_000;
  const percent = (value: number): number => value * 90_000_000_000_000;

  test.each([
    [percent(5), 'band_gap'],
    [percent(10) - 1, 'band_gap'],
    [percent(10), 'a'],
    [percent(15), 'a'],
    [percent(20), 'a'],
    [percent(20) + 1, 'band_gap'],
    [percent(25), 'band_gap'],
    [percent(30), 'band_gap'],
    [percent(30) + 1, 'b'],
    [percent(35), 'b'],
    [percent(40) - 1, 'b'],
    [percent(40), 'band_gap'],
    [percent(45), 'band_gap'],
  ])('%i absent falls in %s', (absent, expected) => {
    expect(bandOrGap(absent, possible, GAPPY_BANDS)).toBe(expected);
  });

  test('the band_gap issue quotes the huge counts in full', () => {
    const error = attendanceErrorOf(() => classifyBand(countsOfAbsence(percent(45), possible), GAPPY_BANDS));
    expect(error.issues[0].received).toBe('4050000000000000 of 9000000000000000');
  });

  test('a DfE absence rate a hair under 50 % is not severe, even where plain doubles would round it to 50 %', () => {
    // 4 503 599 627 370 495 of 9 007 199 254 740 991 is 50 % less half a session: × 10 000 both sides round to
    // the same double, so only the exact comparison keeps it below the severe boundary.
    const possible = Number.MAX_SAFE_INTEGER;
    const absent = (possible - 1) / 2;
    expect(bandOrGap(absent, possible, DFE_ABSENCE_BANDS)).toBe('persistent-45-50');
    expect(bandOrGap(absent + 1, possible, DFE_ABSENCE_BANDS)).toBe('severe');
  });
});

describe('toPercentage refuses bad decimal places with a full issue', () => {
  test('1.5 decimal places names the field, the range and the value', () => {
    const error = attendanceErrorOf(() =>
      toPercentage({ kind: 'rate', numerator: 1, denominator: 3 }, { decimals: 1.5 })
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Decimal places must be a whole number from 0 to 20; received 1.5.',
        path: ['decimals'],
        field: 'decimals',
        expected: 'a whole number from 0 to 20',
        received: '1.5',
      },
    ]);
  });
});

describe('safeCountSessions', () => {
  test('an error that is not an AttendanceError (a throwing getter) is thrown, not returned', () => {
    const mark = {
      session: 'AM',
      code: '/',
      get date(): string {
        throw new RangeError('unreadable date');
      },
    } as unknown as SessionMark;
    expect(() => safeCountSessions([mark])).toThrow(RangeError);
  });
});

describe('assertCompactRegisterShape', () => {
  test('one code per slot passes', () => {
    expect(() => {
      assertCompactRegisterShape({ slots: threeSlots(), codes: new Uint8Array(3) });
    }).not.toThrow();
  });

  test('a register with more codes than slots is refused, with no pupil when none is given', () => {
    const error = attendanceErrorOf(() => {
      assertCompactRegisterShape({ slots: threeSlots(), codes: new Uint8Array(4) });
    });
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A compact register needs one code per session slot: 4 codes for 3 slots.',
        path: ['codes'],
        field: 'codes',
        expected: '3 codes',
        received: '4 codes',
      },
    ]);
  });

  test('a register with fewer codes than slots is refused, naming its pupil', () => {
    const error = attendanceErrorOf(() => {
      assertCompactRegisterShape({ pupilId: 'P1', slots: threeSlots(), codes: new Uint8Array(2) });
    });
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A compact register needs one code per session slot: 2 codes for 3 slots.',
        path: ['codes'],
        pupilId: 'P1',
        field: 'codes',
        expected: '3 codes',
        received: '2 codes',
      },
    ]);
  });
});

describe('groupMarksByPupil', () => {
  test('a mark without a pupilId is refused with its index, date and session', () => {
    const error = attendanceErrorOf(() =>
      groupMarksByPupil([
        { pupilId: 'A', date: MONDAY, session: 'AM', code: '/' },
        { date: MONDAY, session: 'PM', code: '/' },
      ])
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Mark 1 (2024-09-02, PM) has no pupilId, so it cannot be given to a pupil.',
        path: [1, 'pupilId'],
        date: MONDAY,
        session: 'PM',
        field: 'pupilId',
        expected: 'a pupil id',
        received: 'nothing',
      },
    ]);
  });
});

describe('createSessionSlots refuses what is not a list of slots', () => {
  test('null instead of a list is one issue at the root', () => {
    const error = attendanceErrorOf(() => createSessionSlots(null as unknown as readonly SessionSlot[]));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Session slots are a list of { date, session }; received null.',
        path: [],
        expected: 'an array of session slots',
        received: 'null',
      },
    ]);
  });

  test('entries that are not objects are each reported once, by index', () => {
    const error = attendanceErrorOf(() =>
      createSessionSlots([{ date: MONDAY, session: 'AM' }, null, 'PM'] as unknown as readonly SessionSlot[])
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Session slot 1 is null, not a slot: an object with a date and a session.',
        path: [1],
        expected: 'a session slot: an object with date and session',
        received: 'null',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Session slot 2 is PM, not a slot: an object with a date and a session.',
        path: [2],
        expected: 'a session slot: an object with date and session',
        received: 'PM',
      },
    ]);
  });
});

describe('toCompactRegister', () => {
  test('places each mark in its slot and leaves the rest as no mark yet', () => {
    const register = toCompactRegister(
      [
        { date: TUESDAY, session: 'AM', code: '/' },
        { date: MONDAY, session: 'PM', code: '/' },
      ],
      threeSlots(),
      'P1'
    );
    expect(register.pupilId).toBe('P1');
    expect(Array.from(register.codes)).toEqual([0, 1, 1]);
  });

  test('a pupil id that is not text is refused before anything else', () => {
    const error = attendanceErrorOf(() => toCompactRegister([], threeSlots(), 42 as unknown as string));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The pupil id must be text; received 42.',
        path: ['pupilId'],
        field: 'pupilId',
        expected: 'text',
        received: '42',
      },
    ]);
  });

  test('malformed slots are reported at the slots argument', () => {
    const slots = { dates: [], sessions: ['AM'], first2024Index: 0 } as unknown as SessionSlots;
    const error = attendanceErrorOf(() => toCompactRegister([], slots));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Session slots need a list of dates and a list of sessions of the same length (use createSessionSlots).',
        path: ['slots'],
        field: 'slots',
        expected: 'session slots from createSessionSlots',
        received: 'an object',
      },
    ]);
  });

  test('an unknown code is located at the code of its mark', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister(
        [
          { date: MONDAY, session: 'AM', code: '/' },
          { date: MONDAY, session: 'PM', code: 'Q9' },
        ],
        threeSlots(),
        'P1'
      )
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "Q9" (pupil P1, 2024-09-02, PM): it is in neither the 2024 nor the pre-2024 code set.',
        path: [1, 'code'],
        pupilId: 'P1',
        date: MONDAY,
        session: 'PM',
        field: 'code',
        expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        received: 'Q9',
      },
    ]);
  });

  test('a mark on a day outside the slots is refused, with no pupil when none is known', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister(
        [
          { date: MONDAY, session: 'AM', code: '/' },
          { date: WEDNESDAY, session: 'AM', code: '/' },
        ],
        threeSlots()
      )
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Mark 1 (2024-09-04 AM) falls outside the session slots of the period.',
        path: [1, 'date'],
        date: WEDNESDAY,
        session: 'AM',
        field: 'date',
        expected: 'a date and session among the period’s session slots',
        received: '2024-09-04 AM',
      },
    ]);
  });

  test('a mark for a session the slots lack on a day they hold is outside the slots, naming the pupil', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister([{ date: TUESDAY, session: 'PM', code: 'I' }], threeSlots(), 'P1')
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Mark 0 (2024-09-03 PM) falls outside the session slots of the period.',
        path: [0, 'date'],
        pupilId: 'P1',
        date: TUESDAY,
        session: 'PM',
        field: 'date',
        expected: 'a date and session among the period’s session slots',
        received: '2024-09-03 PM',
      },
    ]);
  });

  test('a second mark for a session already marked by a later mark than the first is a duplicate', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister(
        [
          { date: MONDAY, session: 'AM', code: '/' },
          { date: MONDAY, session: 'PM', code: '/' },
          { date: MONDAY, session: 'PM', code: 'L' },
        ],
        threeSlots(),
        'P1'
      )
    );
    expect(error.issues).toStrictEqual([
      {
        code: 'duplicate_mark',
        severity: 'error',
        message: 'Two marks for the same session (pupil P1, 2024-09-02, PM): marks 1 ("/") and 2 ("L").',
        path: [2],
        pupilId: 'P1',
        date: MONDAY,
        session: 'PM',
        expected: 'one mark per date and session',
        received: '/ and L',
      },
    ]);
  });
});
