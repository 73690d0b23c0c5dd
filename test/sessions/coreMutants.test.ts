import { describe, expect, test } from 'vitest';
import {
  analyseCohortRegister,
  classifyBand,
  classifyCode,
  countSessions,
  createCohortRegister,
  createSessionSlots,
  defineSchoolCalendar,
  DFE_POLICY,
  eachSchoolWeek,
  findHalfTerm,
  isoDate,
  isPersistentlyAbsent,
  isSchoolDay,
  toCompactCode,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AttendanceIssue,
  IsoDate,
  SchoolCalendar,
  Session,
  SessionMark,
  WindowRule,
} from '../../src/index.js';
import { minutesOfClockTime } from '../../src/_internal/clockTime.js';
import { compileCalendar } from '../../src/_internal/compiledCalendar.js';
import {
  addIsoDays,
  differenceInIsoDays,
  lastFridayInJune,
  subtractIsoYears,
} from '../../src/_internal/dates.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

function mark(date: string, session: Session, code: string, pupilId?: string): SessionMark {
  return { ...(pupilId === undefined ? {} : { pupilId }), date: isoDate(date), session, code };
}

/** The issues of the AttendanceError that `run` throws. */
function issuesOf(run: () => unknown): readonly AttendanceIssue[] {
  return attendanceErrorOf(run).issues;
}

const UNKNOWN_EXPECTED = 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet';

describe('countSessions checks its options', () => {
  test('options that are not an object are one error naming the options', () => {
    const marks = [mark('2024-09-02', 'AM', '/')];
    expect(issuesOf(() => countSessions(marks, null as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The options of countSessions must be an object; received null.',
        path: ['options'],
        expected: 'an object of options, or nothing',
        received: 'null',
      },
    ]);
  });

  test('a duplicates option naming no choice is an error even when the other options are left out', () => {
    const marks = [mark('2024-09-02', 'AM', '/')];
    expect(issuesOf(() => countSessions(marks, { duplicates: 'merge' } as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The option duplicates must be one of "error", "precedence"; received merge.',
        path: ['duplicates'],
        field: 'duplicates',
        expected: 'error | precedence',
        received: 'merge',
      },
    ]);
  });

  test('an unmarked option naming no choice is an error even when the other options are left out', () => {
    const marks = [mark('2024-09-02', 'AM', '/')];
    expect(issuesOf(() => countSessions(marks, { unmarked: 'as-O' } as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The option unmarked must be one of "unmarked", "as-N"; received as-O.',
        path: ['unmarked'],
        field: 'unmarked',
        expected: 'unmarked | as-N',
        received: 'as-O',
      },
    ]);
  });
});

describe('countSessions locates the issues of marks as objects', () => {
  test('a second mark for a session is an error at the second mark, naming both marks and where they are', () => {
    const marks = [mark('2024-09-02', 'AM', '/', 'P1'), mark('2024-09-02', 'AM', 'N', 'P1')];
    expect(issuesOf(() => countSessions(marks))).toStrictEqual([
      {
        code: 'duplicate_mark',
        severity: 'error',
        message: 'Two marks for the same session (pupil P1, 2024-09-02, AM): marks 0 ("/") and 1 ("N").',
        path: [1],
        pupilId: 'P1',
        date: '2024-09-02',
        session: 'AM',
        expected: 'one mark per date and session',
        received: '/ and N',
      },
    ]);
  });

  test('under precedence an unknown second mark is still a repeated session, not a resolution', () => {
    const marks = [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'AM', 'Q9')];
    expect(issuesOf(() => countSessions(marks, { duplicates: 'precedence' }))).toStrictEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "Q9" (2024-09-02, AM): it is in neither the 2024 nor the pre-2024 code set.',
        path: [1, 'code'],
        date: '2024-09-02',
        session: 'AM',
        field: 'code',
        expected: UNKNOWN_EXPECTED,
        received: 'Q9',
      },
      {
        code: 'duplicate_mark',
        severity: 'error',
        message: 'Two marks for the same session (2024-09-02, AM): marks 0 ("/") and 1 ("Q9").',
        path: [1],
        date: '2024-09-02',
        session: 'AM',
        expected: 'one mark per date and session',
        received: '/ and Q9',
      },
    ]);
  });

  test('under precedence a known mark after an unknown first mark has nothing to beat: a repeated session', () => {
    for (const second of ['N', '/']) {
      const marks = [mark('2023-09-04', 'PM', 'Q9', 'P7'), mark('2023-09-04', 'PM', second, 'P7')];
      expect(issuesOf(() => countSessions(marks, { duplicates: 'precedence' }))).toStrictEqual([
        {
          code: 'unknown_code',
          severity: 'error',
          message:
            'Unknown register code "Q9" (pupil P7, 2023-09-04, PM): it is in neither the 2024 nor the pre-2024 code set.',
          path: [0, 'code'],
          pupilId: 'P7',
          date: '2023-09-04',
          session: 'PM',
          field: 'code',
          expected: UNKNOWN_EXPECTED,
          received: 'Q9',
        },
        {
          code: 'duplicate_mark',
          severity: 'error',
          message: `Two marks for the same session (pupil P7, 2023-09-04, PM): marks 0 ("Q9") and 1 ("${second}").`,
          path: [1],
          pupilId: 'P7',
          date: '2023-09-04',
          session: 'PM',
          expected: 'one mark per date and session',
          received: `Q9 and ${second}`,
        },
      ]);
    }
  });

  test('under precedence on a pre-2024 date, "-" then "" is a tie that the earlier "-" wins', () => {
    const counts = countSessions([mark('2024-07-15', 'AM', '-'), mark('2024-07-15', 'AM', '')], {
      duplicates: 'precedence',
    });
    expect(counts).toMatchObject({ possible: 0, unmarked: 1, notPossible: 0 });
    expect(counts.byCode['-']).toBe(1);
    expect(counts.warnings).toStrictEqual([
      {
        code: 'duplicate_mark_resolved',
        severity: 'warning',
        message:
          'Two marks for the same session (2024-07-15, AM): marks 0 ("-") and 1 (""); "-" counted by precedence.',
        path: [1],
        date: '2024-07-15',
        session: 'AM',
        expected: 'one mark per date and session',
        received: '- and ',
      },
    ]);
  });

  test('under precedence on a pre-2024 date, a mark beats "no mark yet" and is counted once', () => {
    const counts = countSessions([mark('2024-07-15', 'PM', '-'), mark('2024-07-15', 'PM', 'N')], {
      duplicates: 'precedence',
    });
    expect(counts).toMatchObject({ possible: 1, unauthorised: 1, unmarked: 0 });
    expect(counts.byCode['-']).toBe(0);
    expect(counts.byCode.N).toBe(1);
    expect(counts.warnings[0]!.message).toContain('"N" counted by precedence');
  });

  test('legacy codes across the 19 August 2024 cut-over are read by their own table with a located warning', () => {
    const marks = [
      mark('2024-08-16', 'AM', 'H'),
      mark('2024-08-16', 'PM', 'K'),
      mark('2024-08-19', 'AM', 'H'),
      mark('2024-08-19', 'PM', 'K'),
    ];
    const counts = countSessions(marks);
    // H is authorised absence in the pre-2024 table; K is approved educational activity in the 2024 table.
    expect(counts).toMatchObject({
      possible: 4,
      authorised: 2,
      approvedEducationalActivity: 2,
      attended: 2,
      absent: 2,
    });
    expect(counts.warnings).toStrictEqual([
      {
        code: 'code_outside_code_set',
        severity: 'warning',
        message:
          'Code "K" (2024-08-16, PM) is not in the pre-2024 code set; counted by the 2024 table as approved-educational-activity.',
        path: [1, 'code'],
        date: '2024-08-16',
        session: 'PM',
        field: 'code',
        expected: 'a code of the pre-2024 code set',
        received: 'K',
      },
      {
        code: 'code_outside_code_set',
        severity: 'warning',
        message:
          'Code "H" (2024-08-19, AM) is not in the 2024 code set; counted by the pre-2024 table as authorised.',
        path: [2, 'code'],
        date: '2024-08-19',
        session: 'AM',
        field: 'code',
        expected: 'a code of the 2024 code set',
        received: 'H',
      },
    ]);
  });
});

describe('countSessions locates the issues of a compact register', () => {
  const slots = createSessionSlots([
    { date: isoDate('2024-09-02'), session: 'AM' },
    { date: isoDate('2024-09-02'), session: 'PM' },
    { date: isoDate('2024-09-03'), session: 'AM' },
  ]);

  test('a byte that is no code is an error naming the byte and its slot', () => {
    const register = toCompactRegister([mark('2024-09-02', 'AM', '/')], slots, 'P2');
    const codes = Uint8Array.from(register.codes);
    codes[1] = 200;
    expect(issuesOf(() => countSessions({ ...register, codes }))).toStrictEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "byte 200" (pupil P2, 2024-09-02, PM): it is in neither the 2024 nor the pre-2024 code set.',
        path: ['codes', 1],
        pupilId: 'P2',
        date: '2024-09-02',
        session: 'PM',
        field: 'code',
        expected: UNKNOWN_EXPECTED,
        received: 'byte 200',
      },
    ]);
  });

  test('read against the pre-2024 set, a register of only 2024 codes warns at every byte', () => {
    const register = toCompactRegister(
      [mark('2024-09-02', 'AM', 'K'), mark('2024-09-02', 'PM', 'C1'), mark('2024-09-03', 'AM', 'Q')],
      slots
    );
    const counts = countSessions(register, { codeSet: 'pre-2024' });
    expect(counts).toMatchObject({
      possible: 2,
      approvedEducationalActivity: 1,
      authorised: 1,
      notPossible: 1,
    });
    expect(counts.warnings.map((warning) => [warning.code, warning.path, warning.received])).toEqual([
      ['code_outside_code_set', ['codes', 0], 'K'],
      ['code_outside_code_set', ['codes', 1], 'C1'],
      ['code_outside_code_set', ['codes', 2], 'Q'],
    ]);
    expect(counts.warnings[2]!.message).toBe(
      'Code "Q" (2024-09-03, AM) is not in the pre-2024 code set; counted by the 2024 table as not-possible.'
    );
  });
});

describe('classifyCode', () => {
  test('an unknown code with no date is an issue with no location in its message or fields', () => {
    const result = classifyCode('Q9', { codeSet: '2024' });
    expect(result).toStrictEqual({
      outcome: 'unknown',
      code: 'Q9',
      issue: {
        code: 'unknown_code',
        severity: 'error',
        message: 'Unknown register code "Q9": it is in neither the 2024 nor the pre-2024 code set.',
        path: [],
        field: 'code',
        expected: UNKNOWN_EXPECTED,
        received: 'Q9',
      },
    });
  });

  test('a code of the other set is classified by its own table with a warning dated to the session', () => {
    const result = classifyCode('H', { date: isoDate('2024-09-02') });
    expect(result.outcome).toBe('classified');
    if (result.outcome !== 'classified') return;
    expect(result.codeSet).toBe('pre-2024');
    expect(result.definition.category).toBe('authorised');
    expect(result.warning).toStrictEqual({
      code: 'code_outside_code_set',
      severity: 'warning',
      message:
        'Code "H" (2024-09-02) is not in the 2024 code set; counted by the pre-2024 table as authorised.',
      path: [],
      date: '2024-09-02',
      field: 'code',
      expected: 'a code of the 2024 code set',
      received: 'H',
    });
  });

  test('options that are not an object are an error asking for a date or a code set', () => {
    expect(issuesOf(() => classifyCode('/', null as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'classifyCode needs a date to choose the code set by date, or an explicit codeSet; received options null.',
        path: ['date'],
        field: 'date',
        expected: 'an IsoDate, or codeSet "2024" or "pre-2024"',
        received: 'null',
      },
    ]);
  });

  test('options with neither a date nor a code set are an error asking for one', () => {
    expect(issuesOf(() => classifyCode('/', {}))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'classifyCode needs a date to choose the code set by date, or an explicit codeSet.',
        path: ['date'],
        field: 'date',
        expected: 'an IsoDate, or codeSet "2024" or "pre-2024"',
        received: 'undefined',
      },
    ]);
  });

  test('a code set that is none of the three is an error naming it', () => {
    expect(issuesOf(() => classifyCode('/', { codeSet: '2025' } as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'classifyCode\'s codeSet must be "2024", "pre-2024" or "by-date"; received 2025.',
        path: ['codeSet'],
        field: 'codeSet',
        expected: '"2024", "pre-2024" or "by-date"',
        received: '2025',
      },
    ]);
  });

  test('an explicit by-date code set with a date that names no real day is an invalid date', () => {
    expect(
      issuesOf(() => classifyCode('/', { codeSet: 'by-date', date: '2024-02-30' as IsoDate }))
    ).toStrictEqual([
      {
        code: 'invalid_date',
        severity: 'error',
        message:
          "classifyCode's date 2024-02-30 is not a real day in YYYY-MM-DD form, so it chooses no code set.",
        path: ['date'],
        field: 'date',
        expected: 'a real day as YYYY-MM-DD',
        received: '2024-02-30',
      },
    ]);
  });

  test('a code that is not text is an error naming what was given', () => {
    expect(issuesOf(() => classifyCode(42 as never, { codeSet: '2024' }))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'classifyCode reads a register code as text; received 42.',
        path: ['code'],
        field: 'code',
        expected: 'a register code as text',
        received: '42',
      },
    ]);
  });
});

describe('toCompactCode', () => {
  test('two characters are a code only when both are the code, not when their numbers overlap another', () => {
    expect(toCompactCode('Y1')).toBe(22);
    // 'X' then U+00B1 would land on the table entry of 'Y1' if the second character were not checked.
    expect(toCompactCode('X\u00b1')).toBeUndefined();
  });

  test('three or more characters are never a code, not even no mark yet', () => {
    expect(toCompactCode('---')).toBeUndefined();
    expect(toCompactCode('ABC')).toBeUndefined();
  });
});

describe('date arithmetic on IsoDate text', () => {
  test('text that names no real day gives no day count', () => {
    for (const date of ['garbage', '2024-13-01', '2024-00-10', '2024-01-00', '2024-02-30', '2023-02-29']) {
      expect(differenceInIsoDays(date as IsoDate, '2024-01-01' as IsoDate)).toBeNaN();
    }
    expect(differenceInIsoDays('2024-03-01' as IsoDate, '2024-02-28' as IsoDate)).toBe(2);
  });

  test('adding days works to the first and last days of years 0 to 9999 and refuses to pass them', () => {
    expect(addIsoDays('0000-01-02' as IsoDate, -1)).toBe('0000-01-01');
    expect(addIsoDays('9999-12-30' as IsoDate, 1)).toBe('9999-12-31');
    expect(addIsoDays('9999-01-01' as IsoDate, 0)).toBe('9999-01-01');
    expect(() => addIsoDays('0000-01-01' as IsoDate, -1)).toThrow(new RangeError('Invalid time value'));
    expect(() => addIsoDays('9999-12-31' as IsoDate, 1)).toThrow(new RangeError('Invalid time value'));
    expect(() => addIsoDays('2024-02-30' as IsoDate, 1)).toThrow(new RangeError('Invalid time value'));
  });

  test('subtracting years from a day that is not real is a RangeError, not a nearby day', () => {
    expect(() => subtractIsoYears('2024-02-30' as IsoDate, 1)).toThrow(new RangeError('Invalid time value'));
    expect(subtractIsoYears('2024-02-29' as IsoDate, 1)).toBe('2023-02-28');
  });

  test('the last Friday in June is 30 June stepped back to a Friday', () => {
    // 30 June is a Friday in 2023, a Sunday in 2024, a Monday in 2025 and a Thursday in 2022.
    expect(lastFridayInJune(2023)).toBe('2023-06-30');
    expect(lastFridayInJune(2024)).toBe('2024-06-28');
    expect(lastFridayInJune(2025)).toBe('2025-06-27');
    expect(lastFridayInJune(2022)).toBe('2022-06-24');
  });
});

describe('clock times', () => {
  test('a time is read only from two digits, a colon and two digits', () => {
    expect(minutesOfClockTime('09:05')).toBe(545);
    expect(minutesOfClockTime('23:59')).toBe(1439);
    for (const text of ['09-00', '0a:00', 'a9:00', '09:a0', '09:0a', '09:0:', '9:05', '09:00:00', 42]) {
      expect(minutesOfClockTime(text)).toBeUndefined();
    }
  });
});

describe('absence counts that are not counts', () => {
  test('absent above possible is one error naming both counts', () => {
    const expected = [
      {
        code: 'invalid_counts',
        severity: 'error',
        message:
          'Session counts must be whole numbers with 0 <= absent <= possible; received absent 5, possible 3.',
        path: [],
        expected: '0 <= absent <= possible, whole numbers',
        received: 'absent 5, possible 3',
      },
    ];
    expect(issuesOf(() => isPersistentlyAbsent({ possible: 3, absent: 5 }))).toStrictEqual(expected);
    expect(
      issuesOf(() => classifyBand({ possible: 3, attended: 0, absent: 5 }, DFE_POLICY.bands))
    ).toStrictEqual(expected);
  });
});

describe('the compiled calendar', () => {
  const fiveHalfTerms = defineSchoolCalendar({
    name: 'Five half-terms',
    sessionsPerDay: 2,
    halfTermsPerYear: 5,
    years: [
      {
        name: '2024/25',
        halfTerms: [
          { name: 'One', start: '2024-08-29', end: '2024-10-25' },
          { name: 'Two', start: '2024-11-04', end: '2024-12-20' },
          { name: 'Three', start: '2025-01-06', end: '2025-02-14' },
          { name: 'Four', start: '2025-03-03', end: '2025-04-04' },
          { name: 'Five', start: '2025-04-22', end: '2025-07-18' },
        ],
      },
    ],
    closures: [{ date: '2024-09-02', reason: 'inset' }],
  });

  const earlySummer = defineSchoolCalendar({
    name: 'Early summer',
    sessionsPerDay: 2,
    years: [
      {
        name: '2024/25',
        halfTerms: [
          { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
          { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
          { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
          { name: 'Spring 2', start: '2025-02-24', end: '2025-03-21' },
          { name: 'Summer 1', start: '2025-03-31', end: '2025-05-23' },
          { name: 'Summer 2', start: '2025-06-02', end: '2025-07-22' },
        ],
      },
    ],
    closures: [],
  });

  test('in a year not of six half-terms, each half-term takes its term from the month it starts in', () => {
    const terms = ['2024-09-03', '2024-11-04', '2025-01-06', '2025-03-03', '2025-04-22'].map(
      (date) => findHalfTerm(fiveHalfTerms, isoDate(date))?.term
    );
    // August starts autumn; March is still spring.
    expect(terms).toEqual(['autumn', 'autumn', 'spring', 'spring', 'summer']);
  });

  test('a partial year takes each term from the month its half-term starts in, not from its place', () => {
    const fromJanuary = defineSchoolCalendar({
      name: 'From January',
      sessionsPerDay: 2,
      years: [
        {
          name: '2024/25',
          partial: true,
          halfTerms: [
            { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
            { name: 'Spring 2', start: '2025-03-03', end: '2025-04-04' },
            { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
          ],
        },
      ],
      closures: [],
    });
    const terms = ['2025-01-06', '2025-03-03', '2025-04-22'].map(
      (date) => findHalfTerm(fromJanuary, isoDate(date))?.term
    );
    expect(terms).toEqual(['spring', 'spring', 'summer']);
  });

  test('in a year of six half-terms, they pair in order whatever month they start in', () => {
    const terms = ['2024-09-02', '2024-11-04', '2025-01-06', '2025-02-24', '2025-03-31', '2025-06-02'].map(
      (date) => findHalfTerm(earlySummer, isoDate(date))?.term
    );
    expect(terms).toEqual(['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer']);
  });

  test('a holiday between half-terms is in no half-term', () => {
    expect(findHalfTerm(earlySummer, isoDate('2024-10-30'))).toBeUndefined();
    expect(findHalfTerm(earlySummer, isoDate('2025-03-25'))).toBeUndefined();
  });

  test('a closure that names no sessions closes the whole day', () => {
    expect(isSchoolDay(fiveHalfTerms, isoDate('2024-09-02'))).toBe(false);
    expect(isSchoolDay(fiveHalfTerms, isoDate('2024-09-03'))).toBe(true);
  });

  test('the school weeks end with the last week that has a session', () => {
    const weeks = eachSchoolWeek(earlySummer);
    // 8 + 7 + 6 + 4 + 8 + 8 weeks of half-terms.
    expect(weeks).toHaveLength(41);
    expect(weeks.at(-1)?.monday).toBe('2025-07-21');
    expect(weeks.every((week) => typeof week.monday === 'string')).toBe(true);
  });

  test('the day range runs from the Monday on or before the first day to the Sunday on or after the last', () => {
    const compiled = compileCalendar(fiveHalfTerms);
    expect(compiled.dates[0]).toBe('2024-08-26');
    expect(compiled.dates.at(-1)).toBe('2025-07-20');
    expect(compiled.dates).toHaveLength(
      differenceInIsoDays('2025-07-20' as IsoDate, '2024-08-26' as IsoDate) + 1
    );
    expect(compiled.closureOfDay).toHaveLength(compiled.dates.length);
    expect(compiled.halfTermOfDay[compiled.dayIndexByDate.get('2024-10-30')!]).toBe(-1);
  });

  test('a calendar with no half-terms compiles to no days', () => {
    const empty: SchoolCalendar = { name: 'Empty', sessionsPerDay: 2, years: [], closures: [] };
    const compiled = compileCalendar(empty);
    expect(compiled.dates).toEqual([]);
    expect(compiled.closureOfDay).toEqual([]);
    expect(compiled.schoolWeekMondays).toEqual([]);
    expect(compiled.halfTerms).toEqual([]);
    expect(compiled.openSessions).toHaveLength(0);
    expect(compiled.sessionsPerDay).toBe(2);
  });
});

describe('analyseCohortRegister reads pre-2024 bytes', () => {
  const calendar = defineSchoolCalendar({
    name: 'Pre-2024',
    sessionsPerDay: 2,
    years: [
      {
        name: '2023/24',
        partial: true,
        halfTerms: [{ name: 'Autumn 1', start: '2023-09-04', end: '2023-09-15' }],
      },
    ],
    closures: [],
  });
  const slots = toSessionSlots(calendar);
  const rule: WindowRule = { codes: ['O'], threshold: 2, length: 2, unit: 'school-weeks' };

  function marksOf(codes: readonly string[]): SessionMark[] {
    return codes.map((code, index) => ({ date: slots.dates[index]!, session: slots.sessions[index]!, code }));
  }

  test('counting windows in the same pass still counts every pre-2024 session once', () => {
    const register = createCohortRegister([['A', marksOf(['/', 'O', 'O', 'H', 'J', 'N'])]]);
    const figures = analyseCohortRegister(register, { calendar, windows: [rule], codeSet: 'pre-2024' });
    expect(figures.counts.possible[0]).toBe(6);
    expect(figures.counts.present[0]).toBe(1);
    expect(figures.counts.approvedEducationalActivity[0]).toBe(1);
    expect(figures.counts.authorised[0]).toBe(1);
    expect(figures.counts.unauthorised[0]).toBe(3);
    expect(figures.pupil(0).counts.byCode.O).toBe(2);
    expect(figures.windows[0]!.counted[0]).toBe(2);
  });

  test('read against the pre-2024 set, a pupil of only 2024 codes gets a warning at every byte', () => {
    const register = createCohortRegister([['B', marksOf(['K', 'C1'])]]);
    const figures = analyseCohortRegister(register, { codeSet: 'pre-2024' });
    expect(figures.warnings.map((warning) => [warning.code, warning.pupilId, warning.received])).toEqual([
      ['code_outside_code_set', 'B', 'K'],
      ['code_outside_code_set', 'B', 'C1'],
    ]);
  });
});
