import { describe, expect, test } from 'vitest';
import { createSessionSlots, isoDate } from '../../src/index.js';
import type { AttendanceIssue, SessionSlots } from '../../src/index.js';
import {
  checkMark,
  checkMarks,
  checkRegister,
  checkSlotArrays,
  checkSlots,
  dateTextOf,
  describeValue,
} from '../../src/sessions/checkMarks.js';

// The shared check of marks and slots (src/sessions/checkMarks.ts), tested through its own exported helpers: the
// exact issues (fields, paths and messages) each malformed mark or slot raises, how values are named in them, and
// the register order that checkMarks reports for well-formed marks.

const GOOD = { date: '2024-09-10', session: 'AM', code: '/' } as const;

/** The issues checkMarks pushes for the given marks, and its answer. */
function marksCheck(
  marks: unknown,
  context?: Parameters<typeof checkMarks>[2]
): { inOrder: boolean; issues: AttendanceIssue[] } {
  const issues: AttendanceIssue[] = [];
  const inOrder = checkMarks(marks, issues, context);
  return { inOrder, issues };
}

/** A mark in register form. */
const mark = (date: string, session: string, code = '/'): object => ({ date, session, code });

describe('describeValue names a value for issue text', () => {
  test('short strings are quoted as they are, up to and including 80 characters', () => {
    expect(describeValue('banana')).toBe('banana');
    expect(describeValue('x'.repeat(80))).toBe('x'.repeat(80));
  });

  test('longer strings are cut to 80 characters and say how many more there were', () => {
    expect(describeValue('x'.repeat(81))).toBe(`${'x'.repeat(80)}… (1 more characters)`);
    expect(describeValue('x'.repeat(200))).toBe(`${'x'.repeat(80)}… (120 more characters)`);
  });

  test('a cut never splits a surrogate pair: a high surrogate at the cut is left out', () => {
    const emoji = `${'x'.repeat(79)}\u{1F600}${'y'.repeat(10)}`;
    expect(describeValue(emoji)).toBe(`${'x'.repeat(79)}… (12 more characters)`);
    expect(describeValue(`${'x'.repeat(79)}\uD800${'y'.repeat(20)}`)).toBe(
      `${'x'.repeat(79)}… (21 more characters)`
    );
    expect(describeValue(`${'x'.repeat(79)}\uDBFF${'y'.repeat(20)}`)).toBe(
      `${'x'.repeat(79)}… (21 more characters)`
    );
  });

  test('characters just outside the high surrogates are kept at the cut', () => {
    expect(describeValue(`${'x'.repeat(79)}\uD7FF${'y'.repeat(20)}`)).toBe(
      `${'x'.repeat(79)}\uD7FF… (20 more characters)`
    );
    expect(describeValue(`${'x'.repeat(79)}\uDC00${'y'.repeat(20)}`)).toBe(
      `${'x'.repeat(79)}\uDC00… (20 more characters)`
    );
  });

  test('other values are named by their kind', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(42)).toBe('42');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(12n)).toBe('12n');
    expect(describeValue(Symbol('marks'))).toBe('Symbol(marks)');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({ date: '2024-09-10' })).toBe('an object');
  });
});

describe('dateTextOf reads the date of a value in a mark’s place without trusting it', () => {
  test('it gives the date of an object with a string date', () => {
    expect(dateTextOf({ date: '2024-09-10' })).toBe('2024-09-10');
  });

  test('it gives nothing for null, a non-object or a date that is not text', () => {
    expect(dateTextOf(null)).toBeUndefined();
    expect(dateTextOf('2024-09-10')).toBeUndefined();
    expect(dateTextOf({ date: 5 })).toBeUndefined();
  });
});

describe('checkMarks: a value that is not a mark', () => {
  test('is named with the pupil of the marks, at its place after the path prefix', () => {
    const { issues } = marksCheck([GOOD, null], { pathPrefix: ['P1'], pupilId: 'P1' });
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Mark 1 of pupil P1 is null, not a mark: an object with a date, a session and a code.',
        path: ['P1', 1],
        pupilId: 'P1',
        expected: 'a mark: an object with date, session and code',
        received: 'null',
      },
    ]);
  });

  test('is named without a pupil when the marks have none', () => {
    const { issues } = marksCheck(['L']);
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Mark 0 is L, not a mark: an object with a date, a session and a code.',
        path: [0],
        expected: 'a mark: an object with date, session and code',
        received: 'L',
      },
    ]);
  });

  test('a function is not a mark, even with a date, a session and a code on it', () => {
    const fn = Object.assign(() => undefined, GOOD);
    const { issues } = marksCheck([fn]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'invalid_value',
      path: [0],
      message: 'Mark 0 is a function, not a mark: an object with a date, a session and a code.',
      received: 'a function',
    });
  });

  test('marks that are not a list are one issue at the path prefix', () => {
    expect(marksCheck(null).issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Marks are a list of { date, session, code }; received null.',
        path: [],
        expected: 'an array of marks',
        received: 'null',
      },
    ]);
    const { issues } = marksCheck('x', { pathPrefix: ['P1'], pupilId: 'P1' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      message: 'Marks are a list of { date, session, code }; received x.',
      path: ['P1'],
      expected: 'an array of marks',
      received: 'x',
    });
  });
});

describe('checkMarks: every malformed field of a mark is one located issue', () => {
  test('a mark wrong in every field names the pupil, its date and its session in each message', () => {
    const bad = { date: '2024-02-30', session: 'XX', code: 5, pupilId: 7, minutesLate: 1.5 };
    const { issues } = marksCheck([bad], { pathPrefix: ['P1'], pupilId: 'P1' });
    const named = 'Mark 0 (pupil P1, 2024-02-30, XX)';
    const located = (field: string): Partial<AttendanceIssue> => ({
      severity: 'error',
      path: ['P1', 0, field],
      pupilId: 'P1',
      date: '2024-02-30',
      session: 'XX',
      field,
    });
    expect(issues).toStrictEqual([
      {
        ...located('date'),
        code: 'invalid_date',
        message: `${named} has date "2024-02-30", which is not a real day in YYYY-MM-DD form.`,
        expected: 'a real day as YYYY-MM-DD',
        received: '2024-02-30',
      },
      {
        ...located('session'),
        code: 'invalid_session',
        message: `${named} has session "XX"; expected AM or PM.`,
        expected: 'AM or PM',
        received: 'XX',
      },
      {
        ...located('code'),
        code: 'invalid_value',
        message: `${named} has code 5; a register code is text, e.g. "/" or "C1" ("-" or "" for no mark yet).`,
        expected: 'a register code as text',
        received: '5',
      },
      {
        ...located('pupilId'),
        code: 'invalid_value',
        message: `${named} has pupilId 7; a pupil id is text.`,
        expected: 'a pupil id as text',
        received: '7',
      },
      {
        ...located('minutesLate'),
        code: 'invalid_value',
        message: `${named} has minutesLate 1.5; expected a whole number of minutes, 0 or more.`,
        expected: 'a whole number of minutes, 0 or more',
        received: '1.5',
      },
    ]);
  });

  test('a date and session that are not text are neither named nor located, and are described by kind', () => {
    const { issues } = marksCheck([{ date: 5, session: 6, code: '/' }]);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        field: 'date',
        code: 'invalid_date',
        message: 'Mark 0 has date 5, which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: '5',
      },
      {
        severity: 'error',
        path: [0, 'session'],
        field: 'session',
        code: 'invalid_session',
        message: 'Mark 0 has session 6; expected AM or PM.',
        expected: 'AM or PM',
        received: '6',
      },
    ]);
  });

  test('an empty date and session are located but not named', () => {
    const { issues } = marksCheck([{ date: '', session: '', code: '/' }]);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        date: '',
        session: '',
        field: 'date',
        code: 'invalid_date',
        message: 'Mark 0 has date "", which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: '',
      },
      {
        severity: 'error',
        path: [0, 'session'],
        date: '',
        session: '',
        field: 'session',
        code: 'invalid_session',
        message: 'Mark 0 has session ""; expected AM or PM.',
        expected: 'AM or PM',
        received: '',
      },
    ]);
  });

  test('a first mark dated "" is not taken for a repeat of the date before it', () => {
    const { issues } = marksCheck([{ date: '', session: 'AM', code: '/' }]);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        date: '',
        session: 'AM',
        field: 'date',
        code: 'invalid_date',
        message: 'Mark 0 (AM) has date "", which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: '',
      },
    ]);
  });

  test('a date given as a String object is not text and not a real day', () => {
    // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
    const date: String = new String('2024-09-10');
    const { issues } = marksCheck([{ date, session: 'AM', code: '/' }]);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        session: 'AM',
        field: 'date',
        code: 'invalid_date',
        message: 'Mark 0 (AM) has date an object, which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: 'an object',
      },
    ]);
  });

  test('the mark’s own pupil id is named before the pupil of the marks, and is not itself an issue', () => {
    const { issues } = marksCheck([{ pupilId: 'P9', date: 'banana', session: 'PM', code: '/' }], {
      pupilId: 'P1',
    });
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        pupilId: 'P9',
        date: 'banana',
        session: 'PM',
        field: 'date',
        code: 'invalid_date',
        message:
          'Mark 0 (pupil P9, banana, PM) has date "banana", which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: 'banana',
      },
    ]);
  });

  test('a pupil id that is not text is rejected on an otherwise good mark', () => {
    const { issues } = marksCheck([{ ...GOOD, pupilId: 5 }]);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'pupilId'],
        date: '2024-09-10',
        session: 'AM',
        field: 'pupilId',
        code: 'invalid_value',
        message: 'Mark 0 (2024-09-10, AM) has pupilId 5; a pupil id is text.',
        expected: 'a pupil id as text',
        received: '5',
      },
    ]);
  });

  test('minutes late must be a number: a numeric string is quoted and rejected', () => {
    const { issues } = marksCheck([{ ...GOOD, code: 'L', minutesLate: '5' }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'invalid_value',
      path: [0, 'minutesLate'],
      message: 'Mark 0 (2024-09-10, AM) has minutesLate "5"; expected a whole number of minutes, 0 or more.',
      received: '5',
    });
  });

  test('negative minutes late are rejected, and whole minutes from 0 are accepted', () => {
    expect(marksCheck([{ ...GOOD, code: 'L', minutesLate: -5 }]).issues[0]).toMatchObject({
      path: [0, 'minutesLate'],
      received: '-5',
    });
    expect(marksCheck([{ ...GOOD, code: 'L', minutesLate: 0 }]).issues).toEqual([]);
    expect(marksCheck([{ ...GOOD, code: 'L', minutesLate: 12 }]).issues).toEqual([]);
  });

  test('a day that does not exist is reported', () => {
    expect(marksCheck([mark('2024-02-30', 'AM')]).issues[0]).toMatchObject({
      code: 'invalid_date',
      path: [0, 'date'],
    });
  });
});

describe('checkMark checks one mark the same way', () => {
  test('a good mark passes, with or without its own pupil id', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkMark(GOOD, 0, true, issues)).toBe(true);
    expect(checkMark({ ...GOOD, pupilId: 'P1' }, 1, true, issues)).toBe(true);
    expect(checkMark({ ...GOOD, minutesLate: 0 }, 2, true, issues)).toBe(true);
    expect(issues).toEqual([]);
  });

  test('null is not a mark, and is reported at its place', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkMark(null, 3, true, issues, { pathPrefix: ['P2'], pupilId: 'P2' })).toBe(false);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ['P2', 3], pupilId: 'P2', received: 'null' });
  });

  test('a function with mark fields is not a mark', () => {
    const issues: AttendanceIssue[] = [];
    expect(
      checkMark(
        Object.assign(() => undefined, GOOD),
        0,
        true,
        issues
      )
    ).toBe(false);
    expect(issues[0]).toMatchObject({ path: [0], received: 'a function' });
  });

  test('a date the caller found not to be a real day fails the mark', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkMark(GOOD, 0, false, issues)).toBe(false);
    expect(issues[0]).toMatchObject({ code: 'invalid_date', path: [0, 'date'] });
  });

  test('a pupil id that is not text and negative minutes late fail the mark', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkMark({ ...GOOD, pupilId: 5 }, 0, true, issues)).toBe(false);
    expect(checkMark({ ...GOOD, minutesLate: -5 }, 1, true, issues)).toBe(false);
    expect(issues.map((issue) => issue.path)).toEqual([
      [0, 'pupilId'],
      [1, 'minutesLate'],
    ]);
  });
});

describe('checkMarks says whether well-formed marks are already in register order', () => {
  test('ascending dates, and AM before PM on a day, are in order', () => {
    expect(marksCheck([mark('2024-09-10', 'AM')]).inOrder).toBe(true);
    const { inOrder, issues } = marksCheck([
      mark('2024-09-10', 'AM'),
      mark('2024-09-10', 'PM'),
      mark('2024-09-11', 'AM'),
    ]);
    expect(issues).toEqual([]);
    expect(inOrder).toBe(true);
  });

  test('a repeated session on a day is not out of order', () => {
    expect(marksCheck([mark('2024-09-10', 'PM'), mark('2024-09-10', 'PM')]).inOrder).toBe(true);
    expect(marksCheck([mark('2024-09-10', 'AM'), mark('2024-09-10', 'AM')]).inOrder).toBe(true);
  });

  test('a date before the previous one, or PM before AM on a day, is out of order', () => {
    expect(marksCheck([mark('2024-09-11', 'AM'), mark('2024-09-10', 'AM')]).inOrder).toBe(false);
    expect(marksCheck([mark('1901-05-06', 'PM'), mark('1901-05-06', 'AM')]).inOrder).toBe(false);
  });

  // The check remembers the real days of a recent list of marks, to find them again without reading them; the
  // order it reports must not depend on whether a date was found there or read.
  test('PM before AM is out of order on a day read after a day found among recent dates', () => {
    marksCheck([mark('1902-01-01', 'AM')]);
    const { inOrder, issues } = marksCheck([
      mark('1902-01-01', 'AM'),
      mark('1902-01-02', 'PM'),
      mark('1902-01-02', 'AM'),
    ]);
    expect(issues).toEqual([]);
    expect(inOrder).toBe(false);
  });

  test('PM before AM is out of order on a day found further on among recent dates', () => {
    marksCheck([mark('1903-01-01', 'AM'), mark('1903-01-02', 'AM')]);
    expect(marksCheck([mark('1903-01-02', 'PM'), mark('1903-01-02', 'AM')]).inOrder).toBe(false);
    marksCheck([mark('1904-01-01', 'AM'), mark('1904-01-02', 'AM')]);
    expect(
      marksCheck([mark('1904-01-02', 'AM'), mark('1904-01-03', 'PM'), mark('1904-01-03', 'AM')]).inOrder
    ).toBe(false);
  });
});

describe('checkRegister names the form of a register', () => {
  test('marks in order, marks out of order, and malformed marks', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkRegister([mark('2024-09-10', 'AM'), mark('2024-09-11', 'AM')], issues)).toBe(
      'marks-in-order'
    );
    expect(checkRegister([mark('2024-09-11', 'AM'), mark('2024-09-10', 'AM')], issues)).toBe('marks');
    expect(issues).toEqual([]);
    expect(checkRegister([null], issues)).toBe('malformed');
  });

  test('a value that is neither marks nor a compact register is one issue with no field', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkRegister(5, issues)).toBe('malformed');
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A register is a list of marks or a compact register; received 5.',
        path: [],
        expected: 'an array of marks, or a compact register',
        received: '5',
      },
    ]);
  });
});

describe('checkSlotArrays checks each slot’s date and session, and their order when asked', () => {
  const pathOf = (index: number, field: 'date' | 'session' | undefined): (string | number)[] =>
    field === undefined ? [index] : [index, field];

  test('a date that is no real day and a session other than AM or PM are located issues', () => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(['2024-02-30', 5], ['AM', 7], issues, pathOf, true);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        date: '2024-02-30',
        session: 'AM',
        code: 'invalid_date',
        message:
          'Session slot 0 (2024-02-30 AM) has date "2024-02-30", which is not a real day in YYYY-MM-DD form.',
        path: [0, 'date'],
        field: 'date',
        expected: 'a real day as YYYY-MM-DD',
        received: '2024-02-30',
      },
      {
        severity: 'error',
        code: 'invalid_date',
        message: 'Session slot 1 (5 7) has date 5, which is not a real day in YYYY-MM-DD form.',
        path: [1, 'date'],
        field: 'date',
        expected: 'a real day as YYYY-MM-DD',
        received: '5',
      },
      {
        severity: 'error',
        code: 'invalid_session',
        message: 'Session slot 1 (5 7) has session 7; expected AM or PM.',
        path: [1, 'session'],
        field: 'session',
        expected: 'AM or PM',
        received: '7',
      },
    ]);
  });

  test('a session that is text but not AM or PM is quoted', () => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(['2024-09-10'], ['XX'], issues, pathOf, true);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        date: '2024-09-10',
        session: 'XX',
        code: 'invalid_session',
        message: 'Session slot 0 (2024-09-10 XX) has session "XX"; expected AM or PM.',
        path: [0, 'session'],
        field: 'session',
        expected: 'AM or PM',
        received: 'XX',
      },
    ]);
  });

  test('a slot out of order is one issue naming both slots', () => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(['2024-09-10', '2024-09-10'], ['PM', 'AM'], issues, pathOf, true);
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        date: '2024-09-10',
        session: 'AM',
        code: 'unsorted_slots',
        message: 'Session slot 1 (2024-09-10 AM) does not come after slot 0 (2024-09-10 PM).',
        path: [1],
        expected: 'a session after 2024-09-10 PM',
        received: '2024-09-10 AM',
      },
    ]);
  });

  test.each([
    ['a repeated AM', ['2024-09-10', '2024-09-10'], ['AM', 'AM']],
    ['a repeated PM', ['2024-09-10', '2024-09-10'], ['PM', 'PM']],
    ['a PM on an earlier day after an AM', ['2024-09-11', '2024-09-10'], ['AM', 'PM']],
    ['an AM on an earlier day', ['2024-09-11', '2024-09-10'], ['AM', 'AM']],
  ])('%s is out of order', (_what, dates, sessions) => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(dates, sessions, issues, pathOf, true);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['unsorted_slots', [1]]]);
  });

  test('slots strictly in order raise nothing, and give the first slot on or after the 2024 cut-over', () => {
    const issues: AttendanceIssue[] = [];
    const first = checkSlotArrays(
      ['2024-07-19', '2024-09-10', '2024-09-10'],
      ['PM', 'AM', 'PM'],
      issues,
      pathOf,
      true
    );
    expect(issues).toEqual([]);
    expect(first).toBe(1);
  });

  test('a slot with a bad session is reported once, not also as out of order', () => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(['2024-09-10', '2024-09-09'], ['AM', 'XX'], issues, pathOf, true);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_session', [1, 'session']]]);
  });

  test('a slot with a bad date is reported once, not also as out of order', () => {
    const issues: AttendanceIssue[] = [];
    checkSlotArrays(['2024-09-10', '2024-09-00'], ['AM', 'AM'], issues, pathOf, true);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_date', [1, 'date']]]);
  });
});

describe('checkSlots checks a compact register’s slots', () => {
  const SHAPE_MESSAGE =
    'Session slots need a list of dates and a list of sessions of the same length (use createSessionSlots).';

  test('slots that are not an object are one issue, whose field is the last part of the path', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkSlots(null, issues, ['slots'])).toBe(false);
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: SHAPE_MESSAGE,
        path: ['slots'],
        field: 'slots',
        expected: 'session slots from createSessionSlots',
        received: 'null',
      },
    ]);
  });

  test('the issue has no field when the path does not end in a name', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkSlots(5, issues, [])).toBe(false);
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: SHAPE_MESSAGE,
        path: [],
        expected: 'session slots from createSessionSlots',
        received: '5',
      },
    ]);
  });

  test('slots without a list of sessions, or with lists of different lengths, are one shape issue', () => {
    const issues: AttendanceIssue[] = [];
    expect(checkSlots({ dates: ['2024-09-10'], first2024Index: 0 }, issues, ['slots'])).toBe(false);
    const uneven = { dates: ['2024-09-10', '2024-09-11'], sessions: ['AM'], first2024Index: 0 };
    expect(checkSlots(uneven, issues, ['slots'])).toBe(false);
    expect(issues.map((issue) => [issue.message, issue.path, issue.received])).toEqual([
      [SHAPE_MESSAGE, ['slots'], 'an object'],
      [SHAPE_MESSAGE, ['slots'], 'an object'],
    ]);
  });

  test('bad dates and sessions are located in the lists of the slots', () => {
    const issues: AttendanceIssue[] = [];
    const slots = { dates: ['banana'], sessions: ['AM'], first2024Index: 1 };
    expect(checkSlots(slots, issues, ['slots'])).toBe(false);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_date', ['slots', 'dates', 0]],
    ]);
  });

  test('a first2024Index that disagrees with the dates is one issue saying the right index', () => {
    const issues: AttendanceIssue[] = [];
    const slots = { dates: ['2024-07-19', '2024-09-10'], sessions: ['AM', 'AM'], first2024Index: 0 };
    expect(checkSlots(slots, issues, ['slots'])).toBe(false);
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Session slots give first2024Index 0, but their first slot on or after 2024-08-19 is 1.',
        path: ['slots', 'first2024Index'],
        field: 'first2024Index',
        expected: '1',
        received: '0',
      },
    ]);
  });

  test('good hand-made slots pass, and are not read again once checked', () => {
    const issues: AttendanceIssue[] = [];
    const slots = { dates: ['2024-09-10', '2024-09-10'], sessions: ['AM', 'PM'], first2024Index: 0 };
    expect(checkSlots(slots, issues, ['slots'])).toBe(true);
    expect(issues).toEqual([]);
    slots.dates[0] = 'banana';
    expect(checkSlots(slots, issues, ['slots'])).toBe(true);
    expect(issues).toEqual([]);
  });

  test('slots made by createSessionSlots are trusted without being read', () => {
    const slots: SessionSlots = createSessionSlots([{ date: isoDate('2024-09-10'), session: 'AM' }]);
    (slots.dates as unknown as string[])[0] = 'banana';
    const issues: AttendanceIssue[] = [];
    expect(checkSlots(slots, issues, ['slots'])).toBe(true);
    expect(issues).toEqual([]);
  });
});
