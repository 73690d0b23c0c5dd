import { describe, expect, test } from 'vitest';
import { isoDate } from '../../../src/index.js';
import type { SessionMark } from '../../../src/index.js';
import { CENSUS_ABSENCE_REASONS, censusPeriods, toCensusAttendance } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { registerFrom, times } from './registers.js';

const AUTUMN_2024 = censusPeriods(2024).autumn;
const AUTUMN_2023 = censusPeriods(2023).autumn;

/** Marks of one code each (one session each), then present marks to make up `possible` in the 2024 set. */
function single(code: string, start = '2024-09-02'): SessionMark[] {
  return registerFrom(start, [code]);
}

describe('toCensusAttendance: the census example', () => {
  test('I×6, M×1, O×2 in 142 possible sessions: authorised 7, unauthorised 2, reasons in order', () => {
    // 133 present sessions, with an INSET day (#) and a non-compulsory-age X that are not possible sessions.
    const codes = ['#', '#', ...times('/', 60), ...times('I', 6), 'M', ...times('\\', 73), 'O', 'O', 'X'];
    const marks = registerFrom('2024-09-02', codes);
    expect(toCensusAttendance(marks, AUTUMN_2024)).toEqual({
      sessionsPossible: 142,
      sessionDetails: [
        { reason: 'I', absenceSessions: 6 },
        { reason: 'M', absenceSessions: 1 },
        { reason: 'O', absenceSessions: 2 },
      ],
      sessionsAuthorised: 7,
      sessionsUnauthorised: 2,
    });
  });
});

describe('toCensusAttendance: how each code counts (DfE statistics)', () => {
  test.each(['/', '\\', 'L'])('%s is present: possible, and no absence reason', (code) => {
    expect(toCensusAttendance(single(code), AUTUMN_2024)).toEqual({
      sessionsPossible: 1,
      sessionDetails: [],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 0,
    });
  });

  test.each(['B', 'P', 'V', 'W', 'K'])(
    '%s is approved educational activity: attendance, not absence',
    (code) => {
      expect(toCensusAttendance(single(code), AUTUMN_2024)).toEqual({
        sessionsPossible: 1,
        sessionDetails: [],
        sessionsAuthorised: 0,
        sessionsUnauthorised: 0,
      });
    }
  );

  test('the pre-2024 J (interview) is attendance, not absence', () => {
    expect(toCensusAttendance(single('J', '2023-09-04'), AUTUMN_2023)).toEqual({
      sessionsPossible: 1,
      sessionDetails: [],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 0,
    });
  });

  test.each(['X', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Q', 'Z', '#', 'D'])(
    '%s is not a possible session',
    (code) => {
      expect(toCensusAttendance(single(code), AUTUMN_2024)).toEqual({
        sessionsPossible: 0,
        sessionDetails: [],
        sessionsAuthorised: 0,
        sessionsUnauthorised: 0,
      });
    }
  );

  test('the pre-2024 Y is not a possible session', () => {
    expect(toCensusAttendance(single('Y', '2023-09-04'), AUTUMN_2023).sessionsPossible).toBe(0);
  });

  test.each(['C', 'C1', 'C2', 'E', 'I', 'J1', 'M', 'R', 'S', 'T'])(
    '%s is an authorised absence reason (2024 code set)',
    (code) => {
      expect(toCensusAttendance(single(code), AUTUMN_2024)).toEqual({
        sessionsPossible: 1,
        sessionDetails: [{ reason: code, absenceSessions: 1 }],
        sessionsAuthorised: 1,
        sessionsUnauthorised: 0,
      });
    }
  );

  test.each(['H', 'F'])('the legacy %s is an authorised absence reason before 19 August 2024', (code) => {
    expect(toCensusAttendance(single(code, '2012-09-03'), censusPeriods(2012).autumn)).toEqual({
      sessionsPossible: 1,
      sessionDetails: [{ reason: code, absenceSessions: 1 }],
      sessionsAuthorised: 1,
      sessionsUnauthorised: 0,
    });
  });

  test.each(['G', 'N', 'O', 'U'])('%s is an unauthorised absence reason', (code) => {
    expect(toCensusAttendance(single(code), AUTUMN_2024)).toEqual({
      sessionsPossible: 1,
      sessionDetails: [{ reason: code, absenceSessions: 1 }],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 1,
    });
  });

  test('U (late after the register closed) is unauthorised; L (late before it closed) is present', () => {
    const marks = registerFrom('2024-09-02', ['L', 'U', 'L', 'U', 'U']);
    expect(toCensusAttendance(marks, AUTUMN_2024)).toEqual({
      sessionsPossible: 5,
      sessionDetails: [{ reason: 'U', absenceSessions: 3 }],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 3,
    });
  });

  test('a mixed term: reasons in the census order, authorised and unauthorised sums match their totals', () => {
    const codes = ['U', 'G', 'C2', 'I', 'C1', 'N', 'J1', 'C', 'E', 'D', 'B', 'L', '/', 'O', 'M', 'C1'];
    const record = toCensusAttendance(registerFrom('2024-09-02', codes), AUTUMN_2024);
    expect(record.sessionDetails.map((detail) => detail.reason)).toEqual([
      'C',
      'C1',
      'C2',
      'E',
      'G',
      'I',
      'J1',
      'M',
      'N',
      'O',
      'U',
    ]);
    expect(record.sessionDetails.find((detail) => detail.reason === 'C1')?.absenceSessions).toBe(2);
    expect(record.sessionsAuthorised).toBe(8); // C2 I C1 J1 C E M C1
    expect(record.sessionsUnauthorised).toBe(4); // U G N O
    expect(record.sessionsPossible).toBe(15); // all but D
  });

  test('a legacy H in a register dated after the 2024 change still counts as authorised (by the legacy table)', () => {
    const record = toCensusAttendance(single('H', '2024-09-02'), AUTUMN_2024);
    expect(record.sessionDetails).toEqual([{ reason: 'H', absenceSessions: 1 }]);
    expect(record.sessionsAuthorised).toBe(1);
  });

  test('sessions with no mark yet are left out, or count as N when asked', () => {
    const marks = registerFrom('2024-09-02', ['-', '', 'N', '/']);
    expect(toCensusAttendance(marks, AUTUMN_2024)).toEqual({
      sessionsPossible: 2,
      sessionDetails: [{ reason: 'N', absenceSessions: 1 }],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 1,
    });
    expect(toCensusAttendance(marks, AUTUMN_2024, { unmarked: 'as-N' })).toEqual({
      sessionsPossible: 4,
      sessionDetails: [{ reason: 'N', absenceSessions: 3 }],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 3,
    });
  });

  test('every census reason is an absence code of the DfE tables, in alphabetical order', () => {
    expect(CENSUS_ABSENCE_REASONS).toEqual([
      ...['C', 'C1', 'C2', 'E', 'F', 'G', 'H', 'I', 'J1', 'M', 'N', 'O', 'R', 'S', 'T', 'U'],
    ]);
  });
});

describe('toCensusAttendance: period boundaries', () => {
  const periods2024 = censusPeriods(2024);
  const mark = (date: string, code = 'I'): SessionMark => ({ date: isoDate(date), session: 'AM', code });

  test('Easter Sunday is in the spring term; Easter Monday in the first half of summer', () => {
    // Easter Sunday 2025 is 20 April; schools are closed, but a residential trip could still be marked.
    const marks = [mark('2025-04-20', 'O'), mark('2025-04-21', 'I')];
    expect(toCensusAttendance(marks, periods2024.spring).sessionDetails).toEqual([
      { reason: 'O', absenceSessions: 1 },
    ]);
    expect(toCensusAttendance(marks, periods2024.summerFirstHalf).sessionDetails).toEqual([
      { reason: 'I', absenceSessions: 1 },
    ]);
  });

  test('the spring bank holiday starts the second half of summer; the Sunday before ends the first half', () => {
    const marks = [mark('2025-05-25', 'G'), mark('2025-05-26', 'M')];
    expect(toCensusAttendance(marks, periods2024.summerFirstHalf).sessionDetails).toEqual([
      { reason: 'G', absenceSessions: 1 },
    ]);
    expect(toCensusAttendance(marks, periods2024.summerSecondHalf).sessionDetails).toEqual([
      { reason: 'M', absenceSessions: 1 },
    ]);
  });

  test('31 December is autumn and 1 January spring; 31 July and 1 August are different school years', () => {
    const marks = [
      mark('2024-12-31', 'I'),
      mark('2025-01-01', 'O'),
      mark('2025-07-31', 'R'),
      mark('2025-08-01', 'S'),
    ];
    expect(toCensusAttendance(marks, periods2024.autumn).sessionDetails).toEqual([
      { reason: 'I', absenceSessions: 1 },
    ]);
    expect(toCensusAttendance(marks, periods2024.spring).sessionDetails).toEqual([
      { reason: 'O', absenceSessions: 1 },
    ]);
    expect(toCensusAttendance(marks, periods2024.year).sessionsPossible).toBe(3);
    expect(toCensusAttendance(marks, censusPeriods(2025).autumn).sessionDetails).toEqual([
      { reason: 'S', absenceSessions: 1 },
    ]);
  });
});

describe('toCensusAttendance: bad input', () => {
  test('an unknown code is an error located at its index among all the marks given', () => {
    const marks = [
      { date: isoDate('2024-07-01'), session: 'AM' as const, code: '??' },
      { date: isoDate('2024-09-02'), session: 'AM' as const, code: '/' },
      { date: isoDate('2024-09-02'), session: 'PM' as const, code: 'Q9' },
    ];
    const error = attendanceErrorOf(() => toCensusAttendance(marks, AUTUMN_2024));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'unknown_code', path: [2, 'code'], received: 'Q9' });
  });

  test('marks of two pupils are an error', () => {
    const marks = [...registerFrom('2024-09-02', ['/'], 'A'), ...registerFrom('2024-09-03', ['/'], 'B')];
    const error = attendanceErrorOf(() => toCensusAttendance(marks, AUTUMN_2024));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: [1, 'pupilId'], pupilId: 'B' });
  });

  test('a period that ends before it starts, or is not made of dates, is an error', () => {
    const backwards = { from: isoDate('2024-12-31'), to: isoDate('2024-08-01') };
    expect(attendanceErrorOf(() => toCensusAttendance([], backwards)).issues[0].code).toBe('invalid_value');
    const notDates = { from: '2024-13-01', to: '2024-12-31' } as unknown as typeof backwards;
    expect(attendanceErrorOf(() => toCensusAttendance([], notDates)).issues[0]).toMatchObject({
      code: 'invalid_date',
      path: ['period', 'from'],
    });
  });

  test('two marks for one session are an error', () => {
    const marks = [...single('/'), ...single('I')];
    expect(attendanceErrorOf(() => toCensusAttendance(marks, AUTUMN_2024)).issues[0].code).toBe(
      'duplicate_mark'
    );
  });
});
