import { describe, expect, test } from 'vitest';
import { COMPACT_CODES, createCohortRegister, createSessionSlots, isoDate } from '../../src/index.js';
import type { AttendanceIssue, CohortRegister, SessionMark, SessionSlots } from '../../src/index.js';
import { CODE_SET_2024_START } from '../../src/codes/codeSetDates.js';
import { addIsoDays } from '../../src/_internal/dates.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// createCohortRegister (src/cohort/createCohortRegister.ts) called directly: the exact issues for malformed
// arguments, entries and marks, duplicates (reported, or resolved by precedence in the code set of the mark's
// date), marks outside fixed slots, and the register it builds from arrays, Maps and one-pass iterables.

function mark(date: string, session: 'AM' | 'PM', code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

/** The issues of the AttendanceError that `run` throws. */
function issuesOf(run: () => unknown): readonly AttendanceIssue[] {
  return attendanceErrorOf(run).issues;
}

/** Each pupil's first slot and codes, read through the CohortRegister layout. */
function spansOf(register: CohortRegister): { first: number; codes: string[] }[] {
  return register.pupilIds.map((_, pupil) => {
    const offset = register.offsets[pupil]!;
    const bytes = Array.from(register.codes.subarray(offset, offset + register.lengths[pupil]!));
    return {
      first: register.firstSlots[pupil]!,
      codes: bytes.map((byte) => (byte === 255 ? '(none)' : COMPACT_CODES[byte]!)),
    };
  });
}

const PUPILS_EXPECTED = 'an iterable of [pupilId, marks] pairs';
const pupilsIssue = (received: string): AttendanceIssue => ({
  code: 'invalid_value',
  severity: 'error',
  message: `The pupils must be an iterable of [pupilId, marks] pairs (e.g. a Map from groupMarksByPupil); received ${received}.`,
  path: [],
  expected: PUPILS_EXPECTED,
  received,
});
const optionsIssue = (received: string): AttendanceIssue => ({
  code: 'invalid_value',
  severity: 'error',
  message: `The options must be an object; received ${received}.`,
  path: ['options'],
  expected: 'an object of options, or nothing',
  received,
});
const entryIssue = (position: number, received: string): AttendanceIssue => ({
  code: 'invalid_value',
  severity: 'error',
  message: `Entry ${position} of the pupils is not a [pupilId, marks] pair with the pupil id as text; received ${received}.`,
  path: [position],
  expected: 'a [pupilId, marks] pair',
  received,
});

describe('createCohortRegister checks its arguments', () => {
  test('pupils that are null are one error naming the pupils', () => {
    expect(issuesOf(() => createCohortRegister(null as never))).toStrictEqual([pupilsIssue('null')]);
  });

  test('pupils that are a string are refused, though strings are iterable', () => {
    expect(issuesOf(() => createCohortRegister('abc' as never))).toStrictEqual([pupilsIssue('abc')]);
  });

  test('pupils that are a plain object (not iterable) are refused', () => {
    expect(issuesOf(() => createCohortRegister({} as never))).toStrictEqual([pupilsIssue('an object')]);
  });

  test('options that are null are one error naming the options', () => {
    expect(issuesOf(() => createCohortRegister([], null as never))).toStrictEqual([optionsIssue('null')]);
  });

  test('bad pupils and bad options are both reported, pupils first', () => {
    expect(issuesOf(() => createCohortRegister(42 as never, 'x' as never))).toStrictEqual([
      pupilsIssue('42'),
      optionsIssue('x'),
    ]);
  });

  test('no pupils and no options make an empty register', () => {
    const register = createCohortRegister([]);
    expect(register.pupilIds).toStrictEqual([]);
    expect(register.codes.length).toBe(0);
    expect(register.slots).toStrictEqual({ dates: [], sessions: [], first2024Index: 0 });
    expect(register.warnings).toStrictEqual([]);
  });
});

describe('createCohortRegister checks each entry of the pupils', () => {
  test('entries that are not [text id, marks] pairs are reported by their position', () => {
    const pupils = [[42, []], 'P1', ['P2', [mark('2024-09-02', 'AM', '/')]], null];
    expect(issuesOf(() => createCohortRegister(pupils as never))).toStrictEqual([
      entryIssue(0, '42'),
      entryIssue(1, 'P1'),
      entryIssue(3, 'null'),
    ]);
  });

  test('a pair whose id is not text is refused even when its marks are fine', () => {
    expect(
      issuesOf(() => createCohortRegister([[7, [mark('2024-09-02', 'AM', '/')]]] as never))
    ).toStrictEqual([entryIssue(0, '7')]);
  });

  test('an entry that is not a pair, in an array, is reported (not thrown as a TypeError)', () => {
    expect(issuesOf(() => createCohortRegister([['P1', []], 42] as never))).toStrictEqual([
      entryIssue(1, '42'),
    ]);
  });

  test('marks that are not a list are one error at the pupil', () => {
    expect(issuesOf(() => createCohortRegister([['P1', 'nope']] as never))).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Marks are a list of { date, session, code }; received nope.',
        path: ['P1'],
        field: 'P1',
        expected: 'an array of marks',
        received: 'nope',
      },
    ]);
  });

  test('a mark with no date is an invalid date', () => {
    expect(
      issuesOf(() => createCohortRegister([['P1', [{ session: 'AM', code: '/' }]]] as never))
    ).toStrictEqual([
      {
        severity: 'error',
        path: ['P1', 0, 'date'],
        pupilId: 'P1',
        session: 'AM',
        field: 'date',
        code: 'invalid_date',
        message: 'Mark 0 (pupil P1, AM) has date nothing, which is not a real day in YYYY-MM-DD form.',
        expected: 'a real day as YYYY-MM-DD',
        received: 'nothing',
      },
    ]);
  });

  test('a generator of pairs is read once, whole', () => {
    function* pupils(): Generator<[string, SessionMark[]]> {
      yield ['P1', [mark('2024-09-02', 'AM', '/')]];
      yield ['P2', [mark('2024-09-02', 'PM', 'N')]];
    }
    const register = createCohortRegister(pupils());
    expect(register.pupilIds).toStrictEqual(['P1', 'P2']);
    expect(spansOf(register)).toStrictEqual([
      { first: 0, codes: ['/'] },
      { first: 1, codes: ['N'] },
    ]);
  });

  test('a pupil with no marks keeps a place with no sessions', () => {
    const register = createCohortRegister(
      new Map([
        ['P1', [mark('2024-09-03', 'AM', '/'), mark('2024-09-02', 'AM', 'L')]],
        ['P2', []],
        ['P3', [mark('2024-09-03', 'PM', 'N')]],
      ])
    );
    expect(register.pupilIds).toStrictEqual(['P1', 'P2', 'P3']);
    expect([...register.lengths]).toStrictEqual([2, 0, 1]);
    expect(spansOf(register)).toStrictEqual([
      { first: 0, codes: ['L', '/'] },
      { first: 0, codes: [] },
      { first: 2, codes: ['N'] },
    ]);
  });
});

describe('createCohortRegister and two marks for one session', () => {
  const duplicate = (
    first: [number, string],
    second: [number, string],
    date: string,
    session: 'AM' | 'PM',
    resolvedTo?: string
  ): AttendanceIssue => ({
    code: resolvedTo === undefined ? 'duplicate_mark' : 'duplicate_mark_resolved',
    severity: resolvedTo === undefined ? 'error' : 'warning',
    message: `Two marks for the same session (pupil P1, ${date}, ${session}): marks ${first[0]} ("${first[1]}") and ${second[0]} ("${second[1]}")${resolvedTo === undefined ? '' : `; "${resolvedTo}" counted by precedence`}.`,
    path: ['P1', second[0]],
    pupilId: 'P1',
    date: isoDate(date),
    session,
    expected: 'one mark per date and session',
    received: `${first[1]} and ${second[1]}`,
  });

  test('a second morning mark names the earlier morning mark, not the afternoon one before it', () => {
    const marks = [
      mark('2024-09-02', 'PM', '/'),
      mark('2024-09-02', 'AM', 'N'),
      mark('2024-09-02', 'AM', 'L'),
    ];
    expect(issuesOf(() => createCohortRegister([['P1', marks]]))).toStrictEqual([
      duplicate([1, 'N'], [2, 'L'], '2024-09-02', 'AM'),
    ]);
  });

  test('a second afternoon mark names the earlier afternoon mark, not the morning one before it', () => {
    const marks = [
      mark('2024-09-03', 'PM', 'I'),
      mark('2024-09-02', 'AM', '/'),
      mark('2024-09-02', 'PM', 'N'),
      mark('2024-09-02', 'PM', 'L'),
    ];
    expect(issuesOf(() => createCohortRegister([['P1', marks]], { duplicates: 'error' }))).toStrictEqual([
      duplicate([2, 'N'], [3, 'L'], '2024-09-02', 'PM'),
    ]);
  });

  test('every duplicate is reported with the other errors, in mark order', () => {
    const marks = [
      mark('2024-09-02', 'AM', '/'),
      mark('2024-09-02', 'AM', 'QQ'),
      mark('2024-09-02', 'AM', 'N'),
      mark('2024-09-03', 'AM', 'L'),
      mark('2024-09-03', 'AM', 'L'),
    ];
    expect(issuesOf(() => createCohortRegister([['P1', marks]]))).toStrictEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "QQ" (pupil P1, 2024-09-02, AM): it is in neither the 2024 nor the pre-2024 code set.',
        path: ['P1', 1, 'code'],
        pupilId: 'P1',
        date: '2024-09-02',
        session: 'AM',
        field: 'code',
        expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        received: 'QQ',
      },
      duplicate([0, '/'], [2, 'N'], '2024-09-02', 'AM'),
      duplicate([3, 'L'], [4, 'L'], '2024-09-03', 'AM'),
    ]);
  });

  test('by precedence, approved educational activity beats unauthorised absence on the first 2024 day', () => {
    // K (approved educational activity, 2024 set) beats N (unauthorised).
    const register = createCohortRegister(
      [['P1', [mark(CODE_SET_2024_START, 'AM', 'K'), mark(CODE_SET_2024_START, 'AM', 'N')]]],
      { duplicates: 'precedence' }
    );
    expect(spansOf(register)).toStrictEqual([{ first: 0, codes: ['K'] }]);
    expect(register.warnings).toStrictEqual([duplicate([0, 'K'], [1, 'N'], CODE_SET_2024_START, 'AM', 'K')]);
  });

  test('by precedence, a code outside the date’s code set is ranked by its category in the other set', () => {
    // K is not a pre-2024 code, but as approved educational activity it still beats N the day before.
    const before = addIsoDays(CODE_SET_2024_START, -1);
    const register = createCohortRegister([['P1', [mark(before, 'PM', 'N'), mark(before, 'PM', 'K')]]], {
      duplicates: 'precedence',
    });
    expect(spansOf(register)).toStrictEqual([{ first: 0, codes: ['K'] }]);
    expect(register.warnings).toStrictEqual([duplicate([0, 'N'], [1, 'K'], before, 'PM', 'K')]);
  });

  test('by precedence, the earlier of two marks can win and is named as the first', () => {
    const marks = [
      mark('2024-09-02', 'AM', 'N'),
      mark('2024-09-02', 'PM', '/'),
      mark('2024-09-02', 'PM', 'O'),
    ];
    const register = createCohortRegister([['P1', marks]], { duplicates: 'precedence' });
    expect(spansOf(register)).toStrictEqual([{ first: 0, codes: ['N', '/'] }]);
    expect(register.warnings).toStrictEqual([duplicate([1, '/'], [2, 'O'], '2024-09-02', 'PM', '/')]);
  });
});

describe('createCohortRegister with fixed slots', () => {
  // 2 September morning only; 3 September both sessions.
  const slots: SessionSlots = createSessionSlots([
    { date: isoDate('2024-09-02'), session: 'AM' },
    { date: isoDate('2024-09-03'), session: 'AM' },
    { date: isoDate('2024-09-03'), session: 'PM' },
  ]);
  const outside = (index: number, date: string, session: string): AttendanceIssue => ({
    code: 'invalid_value',
    severity: 'error',
    message: `Mark ${index} of pupil P1 (${date} ${session}) falls outside the session slots of the register.`,
    path: ['P1', index, 'date'],
    pupilId: 'P1',
    date: isoDate(date),
    field: 'date',
    expected: 'a date and session among the register’s session slots',
    received: `${date} ${session}`,
  });

  test('a session the slots lack on their first date is outside them', () => {
    const marks = [mark('2024-09-02', 'PM', '/')];
    expect(issuesOf(() => createCohortRegister([['P1', marks]], { slots }))).toStrictEqual([
      outside(0, '2024-09-02', 'PM'),
    ]);
  });

  test('a date the slots lack is outside them, each time it comes, along with an unknown code', () => {
    const marks = [
      mark('2024-09-03', 'AM', '/'),
      mark('2024-09-04', 'AM', 'ZZ'),
      mark('2024-09-04', 'PM', '/'),
      mark('2024-09-02', 'AM', '/'),
      mark('2024-09-04', 'AM', '/'),
    ];
    expect(issuesOf(() => createCohortRegister([['P1', marks]], { slots }))).toStrictEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "ZZ" (pupil P1, 2024-09-04, AM): it is in neither the 2024 nor the pre-2024 code set.',
        path: ['P1', 1, 'code'],
        pupilId: 'P1',
        date: '2024-09-04',
        session: 'AM',
        field: 'code',
        expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        received: 'ZZ',
      },
      outside(1, '2024-09-04', 'AM'),
      outside(2, '2024-09-04', 'PM'),
      outside(4, '2024-09-04', 'AM'),
    ]);
  });

  test('marks inside the slots are laid over them', () => {
    const register = createCohortRegister(
      [
        ['P1', [mark('2024-09-03', 'PM', 'N'), mark('2024-09-02', 'AM', '/')]],
        ['P2', [mark('2024-09-03', 'AM', 'L')]],
      ],
      { slots }
    );
    expect(register.slots).toBe(slots);
    expect(spansOf(register)).toStrictEqual([
      { first: 0, codes: ['/', '(none)', 'N'] },
      { first: 1, codes: ['L'] },
    ]);
  });

  test('without slots, the same marks make their own slots', () => {
    const register = createCohortRegister([
      ['P1', [mark('2024-09-02', 'PM', '/'), mark('2024-09-04', 'AM', 'N')]],
    ]);
    expect(register.slots).toStrictEqual({
      dates: ['2024-09-02', '2024-09-04'],
      sessions: ['PM', 'AM'],
      first2024Index: 0,
    });
    expect(spansOf(register)).toStrictEqual([{ first: 0, codes: ['/', 'N'] }]);
  });
});

describe('createCohortRegister sizes its buffer from the marks it can count', () => {
  /** 233 pupils marked on both sessions of 300 days: 139,800 marks. */
  const pupilMarks = (): [string, SessionMark[]][] => {
    const dates = Array.from({ length: 300 }, (_, day) => addIsoDays(isoDate('2024-09-02'), day));
    return Array.from({ length: 233 }, (_, pupil) => [
      `P${pupil}`,
      dates.flatMap((date) => [
        { date, session: 'AM' as const, code: '/' },
        { date, session: 'PM' as const, code: pupil % 2 === 0 ? '/' : 'N' },
      ]),
    ]);
  };
  // Laid out as read into one buffer made at about the right size: the register is that buffer, not a copy, with
  // less than a tenth of it slack.
  const keptAsRead = (register: CohortRegister): void => {
    expect(register.codes.length).toBe(139_800);
    expect(register.codes.byteOffset).toBe(0);
    expect(register.codes.buffer.byteLength).toBeGreaterThan(register.codes.length);
    expect(register.codes.length).toBeGreaterThanOrEqual(register.codes.buffer.byteLength * 0.9);
    expect(register.codes[0]).toBe(COMPACT_CODES.indexOf('/'));
    expect(register.codes[139_799]).toBe(COMPACT_CODES.indexOf('/'));
    expect(register.codes[1199]).toBe(COMPACT_CODES.indexOf('N'));
  };

  test('an array of pairs', () => {
    keptAsRead(createCohortRegister(pupilMarks()));
  });

  test('a Map', () => {
    keptAsRead(createCohortRegister(new Map(pupilMarks())));
  });
});
