import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  classifyAbsence,
  COMPACT_CODES,
  countSessions,
  createSessionSlots,
  groupMarksByPupil,
  isoDate,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  safeCountSessions,
  toAbsenceRate,
  toAttendanceRate,
  toCompactCode,
  toCompactRegister,
  toPercentage,
} from '../../src/index.js';
import type {
  CompactRegister,
  IsoDate,
  RegisterCode,
  Session,
  SessionCounts,
  SessionMark,
} from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const DAY_MS = 86_400_000;

/** byCode lists every code of both sets, zero where unused. */
const NO_CODES = Object.fromEntries(COMPACT_CODES.map((code) => [code, 0])) as Record<RegisterCode, number>;

function byCodeWith(counts: Partial<Record<RegisterCode, number>>): Record<RegisterCode, number> {
  return { ...NO_CODES, ...counts };
}

/** Consecutive calendar days from `first` (weekends do not matter to session counting). */
function daysFrom(first: string, count: number): IsoDate[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    isoDate(new Date(start + index * DAY_MS).toISOString().slice(0, 10))
  );
}

/** One mark per code, filling AM then PM of consecutive days from `firstDate`. */
function marksFrom(codes: readonly string[], firstDate = '2024-09-02', pupilId?: string): SessionMark[] {
  const dates = daysFrom(firstDate, Math.ceil(codes.length / 2));
  return codes.map((code, index) => ({
    ...(pupilId === undefined ? {} : { pupilId }),
    date: dates[Math.floor(index / 2)]!,
    session: index % 2 === 0 ? 'AM' : 'PM',
    code,
  }));
}

function mark(date: string, session: Session, code: string, pupilId?: string): SessionMark {
  return { ...(pupilId === undefined ? {} : { pupilId }), date: isoDate(date), session, code };
}

function compactByte(code: string): number {
  const byte = toCompactCode(code);
  if (byte === undefined) throw new Error(`No compact byte for ${code}`);
  return byte;
}

/** The counts without the warnings, which locate marks differently in the two register forms. */
function countsOnly(counts: SessionCounts): Omit<SessionCounts, 'warnings'> {
  const { warnings, ...rest } = counts;
  expect(Array.isArray(warnings)).toBe(true);
  return rest;
}

function expectInvariants(counts: SessionCounts, markCount: number): void {
  expect(counts.attended + counts.absent).toBe(counts.possible);
  expect(counts.present + counts.approvedEducationalActivity).toBe(counts.attended);
  expect(counts.authorised + counts.unauthorised).toBe(counts.absent);
  expect(counts.possible + counts.notPossible + counts.unmarked).toBe(markCount);
  expect(Object.values(counts.byCode).reduce((sum, count) => sum + count, 0)).toBe(markCount);
  expect(counts.late).toBeLessThanOrEqual(counts.present);
  expect(counts.lateAfterRegisterClosed).toBeLessThanOrEqual(counts.unauthorised);
}

const EXAMPLE_6_CODES = ['/', '\\', 'L', 'L', 'U', 'I', 'M', 'G', 'Y1', '#'] as const;

/** 380 scheduled sessions (190 days): 10 sessions closed for snow (Y4), 37 absent, the rest present. */
function example11Marks(): SessionMark[] {
  const codes: string[] = [];
  for (let index = 0; index < 380; index += 1) {
    if (index >= 100 && index < 110) codes.push('Y4');
    else if (index >= 200 && index < 237) codes.push(index % 3 === 0 ? 'N' : 'I');
    else codes.push(index % 2 === 0 ? '/' : '\\');
  }
  return marksFrom(codes);
}

describe('countSessions: DfE worked examples', () => {
  test('the ten marks / \\ L L U I M G Y1 # give possible 8, present 4, authorised 2, unauthorised 2', () => {
    const counts = countSessions(marksFrom(EXAMPLE_6_CODES));
    expect(counts).toEqual({
      possible: 8,
      attended: 4,
      present: 4,
      approvedEducationalActivity: 0,
      authorised: 2,
      unauthorised: 2,
      absent: 4,
      notPossible: 2,
      unmarked: 0,
      late: 2,
      lateAfterRegisterClosed: 1,
      byCode: byCodeWith({ '/': 1, '\\': 1, L: 2, U: 1, I: 1, M: 1, G: 1, Y1: 1, '#': 1 }),
      warnings: [],
    });
  });

  test('the ten-mark example is 50.0 % absence and therefore severe absence, with attendance 50.0 %', () => {
    const counts = countSessions(marksFrom(EXAMPLE_6_CODES));
    expect(toPercentage(toAbsenceRate(counts))).toEqual({ kind: 'percentage', text: '50.0', value: 50 });
    expect(toPercentage(toAttendanceRate(counts))).toEqual({ kind: 'percentage', text: '50.0', value: 50 });
    expect(isSeverelyAbsent(counts)).toBe(true);
    expect(isPersistentlyAbsent(counts)).toBe(true);
    expect(classifyAbsence(counts)).toBe('severe');
  });

  test('380 possible sessions with 38 absent is exactly 10 %: persistent absence, not severe, attendance 90.0 %', () => {
    const codes = Array.from({ length: 380 }, (_, index) =>
      index < 38 ? (index % 2 === 0 ? 'I' : 'O') : '/'
    );
    const counts = countSessions(marksFrom(codes));
    expect(counts.possible).toBe(380);
    expect(counts.absent).toBe(38);
    expect(counts.authorised).toBe(19);
    expect(counts.unauthorised).toBe(19);
    expect(classifyAbsence(counts)).toBe('persistent');
    expect(isSeverelyAbsent(counts)).toBe(false);
    expect(toPercentage(toAttendanceRate(counts)).kind === 'percentage').toBe(true);
    expect(toPercentage(toAttendanceRate(counts))).toEqual({ kind: 'percentage', text: '90.0', value: 90 });
  });

  test('381 possible sessions with 38 absent displays as 10.0 % but is not persistent absence', () => {
    const codes = Array.from({ length: 381 }, (_, index) => (index < 38 ? 'N' : '/'));
    const counts = countSessions(marksFrom(codes));
    expect(counts.possible).toBe(381);
    expect(counts.absent).toBe(38);
    expect(toPercentage(toAbsenceRate(counts))).toEqual({ kind: 'percentage', text: '10.0', value: 10 });
    expect(isPersistentlyAbsent(counts)).toBe(false);
    expect(classifyAbsence(counts)).toBe('none');
  });

  test('380 scheduled sessions with 10 closed for snow (Y4) and 37 absent: possible 370, persistent absence', () => {
    const counts = countSessions(example11Marks());
    expect(counts.possible).toBe(370);
    expect(counts.notPossible).toBe(10);
    expect(counts.byCode.Y4).toBe(10);
    expect(counts.absent).toBe(37);
    expect(counts.attended).toBe(333);
    expect(isPersistentlyAbsent(counts)).toBe(true);
    expect(classifyAbsence(counts)).toBe('persistent');
    // Dividing by the scheduled sessions instead of the possible ones would wrongly miss the threshold.
    expect(isPersistentlyAbsent({ possible: 380, absent: 37 })).toBe(false);
  });
});

describe('countSessions: every field of the counts', () => {
  const every2024Code = [
    '/', '\\', 'L',
    'K', 'V', 'P', 'W', 'B',
    'C1', 'M', 'J1', 'S', 'C2', 'C', 'T', 'R', 'I', 'E',
    'G', 'N', 'O', 'U',
    'D', 'X', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Z', '#',
    '-', '',
  ]; // prettier-ignore

  test('each 2024 code is counted in its DfE category', () => {
    const counts = countSessions(marksFrom(every2024Code));
    expect(counts.present).toBe(3);
    expect(counts.approvedEducationalActivity).toBe(5);
    expect(counts.attended).toBe(8);
    expect(counts.authorised).toBe(10);
    expect(counts.unauthorised).toBe(4);
    expect(counts.absent).toBe(14);
    expect(counts.possible).toBe(22);
    expect(counts.notPossible).toBe(12);
    expect(counts.unmarked).toBe(2);
    expect(counts.late).toBe(1);
    expect(counts.lateAfterRegisterClosed).toBe(1);
    expect(counts.warnings).toEqual([]);
    expectInvariants(counts, every2024Code.length);
  });

  test('byCode holds the number of sessions of each code, with no mark yet under "-"', () => {
    const counts = countSessions(marksFrom(every2024Code));
    const expected = byCodeWith({ '-': 2 });
    for (const code of every2024Code) if (code !== '' && code !== '-') expected[code as RegisterCode] = 1;
    expect(counts.byCode).toEqual(expected);
  });

  test('byCode lists every code of both code sets, zero where unused', () => {
    const counts = countSessions(marksFrom(['/', '/', 'I']));
    expect(Object.keys(counts.byCode).sort()).toEqual([...COMPACT_CODES].sort());
    expect(counts.byCode).toEqual(byCodeWith({ '/': 2, I: 1 }));
    expect(counts.byCode.J).toBe(0);
    expect(counts.byCode.K).toBe(0);
  });

  test('each pre-2024 code is counted by the pre-2024 table before the cut-over, without warnings', () => {
    const codes = [
      '/', '\\', 'L', 'B', 'J', 'P', 'V', 'W', 'C', 'E', 'F', 'H', 'I', 'M', 'R', 'S', 'T',
      'G', 'N', 'O', 'U', 'D', 'X', 'Y', 'Z', '#',
    ]; // prettier-ignore
    const counts = countSessions(marksFrom(codes, '2023-09-04'));
    expect(counts.present).toBe(3);
    expect(counts.approvedEducationalActivity).toBe(5);
    expect(counts.authorised).toBe(9);
    expect(counts.unauthorised).toBe(4);
    expect(counts.notPossible).toBe(5);
    expect(counts.possible).toBe(21);
    expect(counts.warnings).toEqual([]);
    expectInvariants(counts, codes.length);
  });

  test('late before the register closed (L) is present; late after it closed (U) is unauthorised absence', () => {
    const counts = countSessions(marksFrom(['L', 'L', 'L', 'U', 'U']));
    expect(counts).toMatchObject({
      present: 3,
      late: 3,
      unauthorised: 2,
      lateAfterRegisterClosed: 2,
      possible: 5,
      attended: 3,
      absent: 2,
    });
  });

  test('J1 from 2024 is authorised absence, and dual registration (D) is not a possible session', () => {
    const counts = countSessions(marksFrom(['J1', 'D', '/', 'D']));
    expect(counts).toMatchObject({
      authorised: 1,
      approvedEducationalActivity: 0,
      notPossible: 2,
      possible: 2,
    });
  });

  test('the invariants hold on the worked examples', () => {
    expectInvariants(countSessions(marksFrom(EXAMPLE_6_CODES)), 10);
    expectInvariants(countSessions(example11Marks()), 380);
    expectInvariants(countSessions(marksFrom(['K', 'V', '-', 'N', 'C2', 'Q'])), 6);
  });

  test('an empty register gives all zeros', () => {
    const zeros = {
      possible: 0,
      attended: 0,
      present: 0,
      approvedEducationalActivity: 0,
      authorised: 0,
      unauthorised: 0,
      absent: 0,
      notPossible: 0,
      unmarked: 0,
      late: 0,
      lateAfterRegisterClosed: 0,
      byCode: NO_CODES,
      warnings: [],
    };
    expect(countSessions([])).toEqual(zeros);
    const slots = createSessionSlots([]);
    expect(countSessions({ slots, codes: new Uint8Array(0) })).toEqual(zeros);
  });
});

describe('countSessions: order of marks', () => {
  test('marks in any order give the same counts', () => {
    const marks = marksFrom([...EXAMPLE_6_CODES, 'K', 'C1', '-', 'N']);
    const expected = countSessions(marks);
    const reversed = [...marks].reverse();
    const interleaved = [
      ...marks.filter((_, index) => index % 3 === 0),
      ...marks.filter((_, index) => index % 3 !== 0),
    ];
    const pmFirst = [...marks.filter((m) => m.session === 'PM'), ...marks.filter((m) => m.session === 'AM')];
    for (const order of [reversed, interleaved, pmFirst]) expect(countSessions(order)).toEqual(expected);
  });

  test('large registers in shuffled order give the same counts', () => {
    const marks = example11Marks();
    // A fixed permutation: stepping by a number coprime with 380 visits every mark once.
    const shuffled = marks.map((_, index) => marks[(index * 137) % marks.length]!);
    expect(new Set(shuffled).size).toBe(380);
    expect(countSessions(shuffled)).toEqual(countSessions(marks));
  });
});

describe('countSessions: each count stands alone', () => {
  test('a count is not changed by later counts, and a failed count leaves nothing behind', () => {
    const first = countSessions(marksFrom(EXAMPLE_6_CODES));
    const snapshot = JSON.parse(JSON.stringify(first)) as unknown;
    expect(() => countSessions(marksFrom(['/', 'I', 'Q9', 'N']))).toThrow(AttendanceError);
    const second = countSessions(marksFrom(['K', 'K']));
    expect(JSON.parse(JSON.stringify(first))).toEqual(snapshot);
    expect(second).toMatchObject({ possible: 2, approvedEducationalActivity: 2, present: 0, absent: 0 });
    expect(second.byCode).toEqual(byCodeWith({ K: 2 }));
    expect(first.byCode).not.toBe(second.byCode);
  });

  test('object and compact counts in turn do not mix', () => {
    const marks = marksFrom(['/', 'N', 'I']);
    const slots = createSessionSlots(marks.map(({ date, session }) => ({ date, session })));
    const compact = countSessions(toCompactRegister(marks, slots));
    const objects = countSessions(marksFrom(['G']));
    expect(compact).toMatchObject({ possible: 3, present: 1, unauthorised: 1, authorised: 1 });
    expect(objects).toMatchObject({ possible: 1, present: 0, unauthorised: 1, authorised: 0 });
  });
});

describe('countSessions: two marks for one session', () => {
  test('throws duplicate_mark naming both marks by index and code', () => {
    const marks = [
      mark('2024-09-02', 'AM', '/'),
      mark('2024-09-02', 'PM', '\\'),
      mark('2024-09-03', 'AM', 'N'),
      mark('2024-09-02', 'AM', 'I'),
    ];
    const error = attendanceErrorOf(() => countSessions(marks));
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue.code).toBe('duplicate_mark');
    expect(issue.severity).toBe('error');
    expect(issue.date).toBe('2024-09-02');
    expect(issue.session).toBe('AM');
    expect(issue.message).toMatch(/\b0\b[^]*"\/"[^]*\b3\b[^]*"I"/);
    expect(error.message).toContain(issue.message);
  });

  test('a duplicate is reported with the pupil it belongs to', () => {
    const marks = [mark('2024-09-02', 'PM', 'G', 'P7'), mark('2024-09-02', 'PM', 'O', 'P7')];
    const [issue] = attendanceErrorOf(() => countSessions(marks)).issues;
    expect(issue).toMatchObject({ code: 'duplicate_mark', pupilId: 'P7', date: '2024-09-02', session: 'PM' });
    expect(issue.message).toContain('P7');
    expect(issue.message).toContain('"G"');
    expect(issue.message).toContain('"O"');
  });

  test('the same date in AM and PM is not a duplicate', () => {
    const counts = countSessions([mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'PM', '/')]);
    expect(counts.possible).toBe(2);
  });

  const precedenceCases: readonly [RegisterCode, string, Partial<SessionCounts>][] = [
    ['/', 'K', { present: 1, approvedEducationalActivity: 0, possible: 1 }],
    ['K', 'I', { approvedEducationalActivity: 1, authorised: 0, possible: 1 }],
    ['I', 'N', { authorised: 1, unauthorised: 0, possible: 1 }],
    ['N', 'Y1', { unauthorised: 1, notPossible: 0, possible: 1 }],
    ['Y1', '-', { notPossible: 1, unmarked: 0, possible: 0 }],
    ['L', 'U', { present: 1, late: 1, unauthorised: 0, lateAfterRegisterClosed: 0 }],
    ['C', 'G', { authorised: 1, unauthorised: 0 }],
    ['#', '', { notPossible: 1, unmarked: 0 }],
  ];

  test.each(precedenceCases)(
    'with precedence, %s beats %s whichever comes first',
    (winner, loser, expected) => {
      for (const pair of [
        [winner, loser],
        [loser, winner],
      ]) {
        const counts = countSessions(
          pair.map((code) => mark('2024-09-02', 'AM', code)),
          { duplicates: 'precedence' }
        );
        expect(counts).toMatchObject(expected);
        expect(counts.byCode).toEqual(byCodeWith({ [winner]: 1 }));
        expect(counts.warnings).toHaveLength(1);
        expect(counts.warnings[0]?.code).toBe('duplicate_mark_resolved');
        expect(counts.warnings[0]?.severity).toBe('warning');
      }
    }
  );

  test('with precedence, a tie keeps the earlier mark', () => {
    const iFirst = countSessions([mark('2024-09-02', 'AM', 'I'), mark('2024-09-02', 'AM', 'M')], {
      duplicates: 'precedence',
    });
    expect(iFirst.byCode).toEqual(byCodeWith({ I: 1 }));
    const mFirst = countSessions([mark('2024-09-02', 'AM', 'M'), mark('2024-09-02', 'AM', 'I')], {
      duplicates: 'precedence',
    });
    expect(mFirst.byCode).toEqual(byCodeWith({ M: 1 }));
  });

  test('with precedence, the tie goes to the earlier mark in the input even when marks arrive out of order', () => {
    const marks = [
      mark('2024-09-03', 'AM', 'N'),
      mark('2024-09-02', 'AM', 'O'),
      mark('2024-09-03', 'AM', 'G'),
    ];
    const counts = countSessions(marks, { duplicates: 'precedence' });
    expect(counts.byCode).toEqual(byCodeWith({ N: 1, O: 1 }));
    expect(counts.unauthorised).toBe(2);
  });

  test('the resolution warning names both marks and the mark counted', () => {
    const counts = countSessions(
      [
        mark('2024-09-02', 'AM', 'N', 'P1'),
        mark('2024-09-02', 'PM', '\\', 'P1'),
        mark('2024-09-02', 'AM', 'I', 'P1'),
      ],
      { duplicates: 'precedence' }
    );
    expect(counts.authorised).toBe(1);
    expect(counts.unauthorised).toBe(0);
    expect(counts.possible).toBe(2);
    const [warning] = counts.warnings;
    expect(warning).toMatchObject({
      code: 'duplicate_mark_resolved',
      severity: 'warning',
      pupilId: 'P1',
      date: '2024-09-02',
      session: 'AM',
    });
    expect(warning?.message).toMatch(/\b0\b[^]*"N"[^]*\b2\b[^]*"I"/);
    expect(warning?.message).toMatch(/"I" counted/);
  });

  test('with precedence, three marks for one session count once and give two warnings', () => {
    const counts = countSessions(
      [mark('2024-09-02', 'AM', 'N'), mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'AM', 'I')],
      { duplicates: 'precedence' }
    );
    expect(counts).toMatchObject({ possible: 1, present: 1, authorised: 0, unauthorised: 0 });
    expect(counts.byCode).toEqual(byCodeWith({ '/': 1 }));
    expect(counts.warnings.map((warning) => warning.code)).toEqual([
      'duplicate_mark_resolved',
      'duplicate_mark_resolved',
    ]);
  });

  test('without the option, duplicates are an error even when one mark would win by precedence', () => {
    const marks = [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'AM', 'N')];
    expect(() => countSessions(marks)).toThrow(AttendanceError);
    expect(() => countSessions(marks, { duplicates: 'error' })).toThrow(AttendanceError);
  });

  test('a legacy code that wins by precedence after the cut-over is still reported as outside the code set', () => {
    const counts = countSessions([mark('2024-09-02', 'AM', 'I'), mark('2024-09-02', 'AM', 'J')], {
      duplicates: 'precedence',
    });
    expect(counts.approvedEducationalActivity).toBe(1);
    expect(counts.warnings.map((warning) => warning.code).sort()).toEqual([
      'code_outside_code_set',
      'duplicate_mark_resolved',
    ]);
  });
});

describe('countSessions: unknown codes and collected errors', () => {
  test('an unknown code throws unknown_code naming the code, pupil, date and session', () => {
    const marks = [mark('2024-09-02', 'AM', '/', 'P1'), mark('2024-09-02', 'PM', 'Q9', 'P1')];
    const error = attendanceErrorOf(() => countSessions(marks));
    expect(error.issues).toHaveLength(1);
    const [issue] = error.issues;
    expect(issue).toMatchObject({
      code: 'unknown_code',
      severity: 'error',
      pupilId: 'P1',
      date: '2024-09-02',
      session: 'PM',
      received: 'Q9',
      path: [1, 'code'],
    });
    for (const part of ['Q9', 'P1', '2024-09-02', 'PM']) expect(issue.message).toContain(part);
  });

  test('codes are case-sensitive: a lower-case code is unknown', () => {
    expect(attendanceErrorOf(() => countSessions([mark('2024-09-02', 'AM', 'i')])).issues[0].code).toBe(
      'unknown_code'
    );
  });

  test('two problems give two issues in one error', () => {
    const marks = [
      mark('2024-09-02', 'AM', 'Q9'),
      mark('2024-09-02', 'PM', '/'),
      mark('2024-09-03', 'AM', 'XX'),
      mark('2024-09-03', 'PM', 'I'),
    ];
    const error = attendanceErrorOf(() => countSessions(marks));
    expect(error.issues).toHaveLength(2);
    expect(error.issues.map((issue) => issue.received)).toEqual(['Q9', 'XX']);
    expect(error.message).toContain('1 more issue');
  });

  test('an unknown code and a duplicate are both reported', () => {
    const marks = [
      mark('2024-09-02', 'AM', '/'),
      mark('2024-09-02', 'AM', 'I'),
      mark('2024-09-03', 'AM', '??'),
    ];
    const error = attendanceErrorOf(() => countSessions(marks));
    expect(error.issues.map((issue) => issue.code).sort()).toEqual(['duplicate_mark', 'unknown_code']);
    expect(error.issues.every((issue) => issue.severity === 'error')).toBe(true);
  });
});

describe('countSessions: code sets and the 2024 cut-over', () => {
  test('J after 19 August 2024 counts as approved educational activity by the legacy table, with a warning', () => {
    const counts = countSessions([mark('2024-09-02', 'AM', 'J', 'P1'), mark('2024-09-02', 'PM', '/', 'P1')]);
    expect(counts).toMatchObject({ approvedEducationalActivity: 1, attended: 2, authorised: 0, possible: 2 });
    expect(counts.warnings).toHaveLength(1);
    expect(counts.warnings[0]).toMatchObject({
      code: 'code_outside_code_set',
      severity: 'warning',
      pupilId: 'P1',
      date: '2024-09-02',
      session: 'AM',
      received: 'J',
      path: [0, 'code'],
    });
    expect(counts.warnings[0]?.message).toContain('"J"');
  });

  test('H and F after the cut-over count as authorised absence, and Y as not possible, each with a warning', () => {
    const counts = countSessions(marksFrom(['H', 'F', 'Y', '/']));
    expect(counts).toMatchObject({ authorised: 2, notPossible: 1, possible: 3, present: 1 });
    expect(counts.warnings.map((warning) => [warning.code, warning.received])).toEqual([
      ['code_outside_code_set', 'H'],
      ['code_outside_code_set', 'F'],
      ['code_outside_code_set', 'Y'],
    ]);
  });

  test('the 2024 set starts on 19 August 2024: J on the 18th needs no warning, J on the 19th does', () => {
    expect(countSessions([mark('2024-08-18', 'AM', 'J')]).warnings).toEqual([]);
    const after = countSessions([mark('2024-08-19', 'AM', 'J')]);
    expect(after.warnings.map((warning) => warning.code)).toEqual(['code_outside_code_set']);
    expect(after.approvedEducationalActivity).toBe(1);
  });

  test('a 2024-only code before the cut-over is counted by the 2024 table, with a warning', () => {
    const counts = countSessions([
      mark('2024-07-01', 'AM', 'K'),
      mark('2024-07-01', 'PM', 'J1'),
      mark('2024-07-02', 'AM', 'Y4'),
    ]);
    expect(counts).toMatchObject({
      approvedEducationalActivity: 1,
      authorised: 1,
      notPossible: 1,
      possible: 2,
    });
    expect(counts.warnings.map((warning) => warning.received)).toEqual(['K', 'J1', 'Y4']);
  });

  test('the codeSet option reads every mark against one set', () => {
    const legacyAfter = [mark('2024-09-02', 'AM', 'J'), mark('2024-09-02', 'PM', 'H')];
    const asPre2024 = countSessions(legacyAfter, { codeSet: 'pre-2024' });
    expect(asPre2024).toMatchObject({ approvedEducationalActivity: 1, authorised: 1 });
    expect(asPre2024.warnings).toEqual([]);

    const legacyBefore = [mark('2023-09-04', 'AM', 'J'), mark('2023-09-04', 'PM', 'I')];
    const as2024 = countSessions(legacyBefore, { codeSet: '2024' });
    expect(as2024).toMatchObject({ approvedEducationalActivity: 1, authorised: 1 });
    expect(as2024.warnings.map((warning) => warning.received)).toEqual(['J']);

    const newBefore = countSessions([mark('2023-09-04', 'AM', 'K')], { codeSet: 'pre-2024' });
    expect(newBefore.warnings.map((warning) => warning.code)).toEqual(['code_outside_code_set']);
    expect(countSessions([mark('2023-09-04', 'AM', 'K')], { codeSet: '2024' }).warnings).toEqual([]);
    expect(countSessions(legacyAfter, { codeSet: 'by-date' }).warnings).toHaveLength(2);
  });

  test('warnings do not stop the count', () => {
    const result = safeCountSessions([mark('2024-09-02', 'AM', 'J')]);
    expect(result.success).toBe(true);
  });
});

describe('countSessions: sessions with no mark yet', () => {
  test('"-" and "" count as unmarked and are not possible sessions', () => {
    const counts = countSessions(marksFrom(['-', '', '/', '-']));
    expect(counts).toMatchObject({
      unmarked: 3,
      possible: 1,
      present: 1,
      absent: 0,
      unauthorised: 0,
      notPossible: 0,
    });
    expect(counts.byCode).toEqual(byCodeWith({ '-': 3, '/': 1 }));
  });

  test('{ unmarked: "as-N" } counts them as unauthorised absence', () => {
    const counts = countSessions(marksFrom(['-', '', '/', '-']), { unmarked: 'as-N' });
    expect(counts).toMatchObject({ unmarked: 0, possible: 4, present: 1, absent: 3, unauthorised: 3 });
    expectInvariants({ ...counts, unmarked: 0 }, 4);
  });

  test('{ unmarked: "unmarked" } is the default', () => {
    const marks = marksFrom(['-', 'N']);
    expect(countSessions(marks, { unmarked: 'unmarked' })).toEqual(countSessions(marks));
  });
});

describe('countSessions: compact registers', () => {
  const acrossCutOver: SessionMark[] = [
    mark('2024-07-18', 'AM', '/'),
    mark('2024-07-18', 'PM', 'J'),
    mark('2024-07-19', 'AM', 'H'),
    mark('2024-07-19', 'PM', 'K'),
    mark('2024-08-16', 'AM', 'Y'),
    mark('2024-08-19', 'AM', 'J'),
    mark('2024-08-19', 'PM', 'J1'),
    mark('2024-09-02', 'AM', 'L'),
    mark('2024-09-02', 'PM', 'U'),
    mark('2024-09-03', 'AM', 'Y1'),
    mark('2024-09-03', 'PM', '-'),
    mark('2024-09-04', 'AM', 'H'),
  ];
  const slotsOf = (marks: readonly SessionMark[]) =>
    createSessionSlots(marks.map(({ date, session }) => ({ date, session })));

  test('createSessionSlots + toCompactRegister give the same counts as the objects, across the cut-over', () => {
    const slots = slotsOf(acrossCutOver);
    const register = toCompactRegister(acrossCutOver, slots, 'P1');
    for (const options of [
      {},
      { codeSet: '2024' as const },
      { codeSet: 'pre-2024' as const },
      { unmarked: 'as-N' as const },
    ]) {
      const fromObjects = countSessions(acrossCutOver, options);
      const fromCompact = countSessions(register, options);
      expect(countsOnly(fromCompact)).toEqual(countsOnly(fromObjects));
      // The two forms may list warnings in a different order; the same sessions must be reported.
      const located = (counts: SessionCounts) =>
        counts.warnings
          .map((warning) => `${warning.code} ${warning.date ?? ''} ${warning.session ?? ''}`)
          .sort();
      expect(located(fromCompact)).toEqual(located(fromObjects));
    }
  });

  test('across the cut-over the compact form uses the code set of each slot date', () => {
    const register = toCompactRegister(acrossCutOver, slotsOf(acrossCutOver));
    const counts = countSessions(register);
    // Before: / present, J AEA, H authorised, K AEA (2024 code: warning), Y not possible.
    // After: J AEA (warning), J1 authorised, L present, U unauthorised, Y1 not possible, - unmarked, H authorised (warning).
    expect(counts).toMatchObject({
      present: 2,
      approvedEducationalActivity: 3,
      authorised: 3,
      unauthorised: 1,
      notPossible: 2,
      unmarked: 1,
      possible: 9,
      late: 1,
      lateAfterRegisterClosed: 1,
    });
    expect(counts.warnings.map((warning) => [warning.received, warning.date])).toEqual(
      expect.arrayContaining([
        ['K', '2024-07-19'],
        ['J', '2024-08-19'],
        ['H', '2024-09-04'],
      ])
    );
    expect(counts.warnings).toHaveLength(3);
  });

  test('a hand-built Uint8Array of toCompactCode bytes gives the same counts as the objects', () => {
    const marks = marksFrom(EXAMPLE_6_CODES);
    const slots = slotsOf(marks);
    const codes = Uint8Array.from(marks.map((m) => compactByte(m.code)));
    const counts = countSessions({ slots, codes });
    expect(counts).toEqual(countSessions(marks));
    expect(counts).toMatchObject({ possible: 8, present: 4, authorised: 2, unauthorised: 2, notPossible: 2 });
  });

  test('a large compact register counts the same as its objects', () => {
    const marks = example11Marks();
    const register: CompactRegister = toCompactRegister(marks, slotsOf(marks));
    expect(countSessions(register)).toEqual(countSessions(marks));
    expect(countSessions(register).possible).toBe(370);
  });

  test('byte 0 is no mark yet', () => {
    const slots = slotsOf(marksFrom(['/', '/']));
    expect(countSessions({ slots, codes: new Uint8Array([0, 1]) })).toMatchObject({
      unmarked: 1,
      present: 1,
      possible: 1,
      byCode: byCodeWith({ '-': 1, '/': 1 }),
    });
    expect(countSessions({ slots, codes: new Uint8Array([0, 1]) }, { unmarked: 'as-N' })).toMatchObject({
      unmarked: 0,
      unauthorised: 1,
      possible: 2,
    });
  });

  test('a byte past the end of COMPACT_CODES throws unknown_code with the slot located', () => {
    const marks = marksFrom(['/', '/', '/']);
    const slots = slotsOf(marks);
    for (const bad of [COMPACT_CODES.length, 255]) {
      const codes = new Uint8Array([1, bad, 1]);
      const error = attendanceErrorOf(() => countSessions({ pupilId: 'P9', slots, codes }));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({
        code: 'unknown_code',
        pupilId: 'P9',
        date: marks[1]!.date,
        session: 'PM',
      });
    }
  });

  test('a compact register needs exactly one code per slot', () => {
    const slots = slotsOf(marksFrom(['/', '/', '/']));
    for (const codes of [new Uint8Array([1, 1]), new Uint8Array([1, 1, 1, 1])]) {
      expect(() => countSessions({ slots, codes })).toThrow(AttendanceError);
    }
  });

  test('the last byte of COMPACT_CODES is still a known code', () => {
    const slots = slotsOf(marksFrom(['/']));
    const last = COMPACT_CODES.length - 1;
    const result = safeCountSessions({ slots, codes: new Uint8Array([last]) });
    expect(result.success).toBe(true);
  });
});

describe('createSessionSlots', () => {
  test('keeps the dates and sessions in order and finds the first slot of the 2024 code set', () => {
    const slots = createSessionSlots([
      { date: isoDate('2024-07-19'), session: 'AM' },
      { date: isoDate('2024-07-19'), session: 'PM' },
      { date: isoDate('2024-08-19'), session: 'AM' },
      { date: isoDate('2024-08-20'), session: 'PM' },
    ]);
    expect(slots.dates).toEqual(['2024-07-19', '2024-07-19', '2024-08-19', '2024-08-20']);
    expect(slots.sessions).toEqual(['AM', 'PM', 'AM', 'PM']);
    expect(slots.first2024Index).toBe(2);
  });

  test('first2024Index is the length when no slot is in the 2024 set, and 0 when all are', () => {
    const before = createSessionSlots([
      { date: isoDate('2024-08-18'), session: 'AM' },
      { date: isoDate('2024-08-18'), session: 'PM' },
    ]);
    expect(before.first2024Index).toBe(2);
    const after = createSessionSlots([{ date: isoDate('2024-08-19'), session: 'PM' }]);
    expect(after.first2024Index).toBe(0);
  });

  test('rejects an out-of-order slot with unsorted_slots', () => {
    const error = attendanceErrorOf(() =>
      createSessionSlots([
        { date: isoDate('2024-09-03'), session: 'AM' },
        { date: isoDate('2024-09-02'), session: 'AM' },
      ])
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'unsorted_slots',
      path: [1],
      date: '2024-09-02',
      session: 'AM',
    });
  });

  test('rejects PM before AM on one date, and a repeated slot', () => {
    const pmFirst = attendanceErrorOf(() =>
      createSessionSlots([
        { date: isoDate('2024-09-02'), session: 'PM' },
        { date: isoDate('2024-09-02'), session: 'AM' },
      ])
    );
    expect(pmFirst.issues[0].code).toBe('unsorted_slots');
    const repeated = attendanceErrorOf(() =>
      createSessionSlots([
        { date: isoDate('2024-09-02'), session: 'AM' },
        { date: isoDate('2024-09-02'), session: 'AM' },
      ])
    );
    expect(repeated.issues[0].code).toBe('unsorted_slots');
  });

  test('reports every slot that is out of order or repeated', () => {
    const error = attendanceErrorOf(() =>
      createSessionSlots([
        { date: isoDate('2024-09-02'), session: 'AM' },
        { date: isoDate('2024-09-02'), session: 'AM' },
        { date: isoDate('2024-09-04'), session: 'AM' },
        { date: isoDate('2024-09-03'), session: 'AM' },
      ])
    );
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unsorted_slots', [1]],
      ['unsorted_slots', [3]],
    ]);
  });
});

describe('toCompactRegister', () => {
  const slots = createSessionSlots([
    { date: isoDate('2024-09-02'), session: 'AM' },
    { date: isoDate('2024-09-02'), session: 'PM' },
    { date: isoDate('2024-09-03'), session: 'AM' },
    { date: isoDate('2024-09-03'), session: 'PM' },
  ]);

  test('places each mark in its slot, in any order, and leaves slots without a mark as no mark yet', () => {
    const register = toCompactRegister(
      [mark('2024-09-03', 'PM', 'I'), mark('2024-09-02', 'AM', '/'), mark('2024-09-03', 'AM', 'C1')],
      slots,
      'P1'
    );
    expect(Array.from(register.codes)).toEqual([compactByte('/'), 0, compactByte('C1'), compactByte('I')]);
    expect(register.pupilId).toBe('P1');
    expect(register.slots).toBe(slots);
    expect(countSessions(register)).toMatchObject({ unmarked: 1, possible: 3, present: 1, authorised: 2 });
  });

  test('without a pupil id the register carries none', () => {
    const register = toCompactRegister([], slots);
    expect('pupilId' in register).toBe(false);
    expect(Array.from(register.codes)).toEqual([0, 0, 0, 0]);
  });

  test('rejects a mark outside the slots', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister([mark('2024-09-02', 'AM', '/'), mark('2024-09-04', 'AM', '/')], slots, 'P1')
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ pupilId: 'P1', date: '2024-09-04', session: 'AM' });
    expect(error.issues[0].path[0]).toBe(1);
  });

  test('rejects two marks for one slot with duplicate_mark naming both', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister([mark('2024-09-02', 'PM', '\\'), mark('2024-09-02', 'PM', 'N')], slots)
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].code).toBe('duplicate_mark');
    expect(error.issues[0].message).toMatch(/\b0\b[^]*"\\"[^]*\b1\b[^]*"N"/);
  });

  test('rejects an unknown code with unknown_code', () => {
    const error = attendanceErrorOf(() => toCompactRegister([mark('2024-09-03', 'AM', 'Q9')], slots, 'P2'));
    expect(error.issues[0]).toMatchObject({
      code: 'unknown_code',
      pupilId: 'P2',
      date: '2024-09-03',
      session: 'AM',
      received: 'Q9',
    });
  });

  test('reports every problem at once', () => {
    const error = attendanceErrorOf(() =>
      toCompactRegister(
        [
          mark('2024-09-02', 'AM', '/'),
          mark('2024-09-02', 'AM', 'I'),
          mark('2024-09-05', 'AM', '/'),
          mark('2024-09-03', 'AM', 'Q9'),
        ],
        slots
      )
    );
    expect(error.issues).toHaveLength(3);
    expect(error.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['duplicate_mark', 'unknown_code'])
    );
  });
});

describe('safeCountSessions', () => {
  test('returns the counts as data on success', () => {
    const marks = marksFrom(EXAMPLE_6_CODES);
    expect(safeCountSessions(marks)).toEqual({ success: true, data: countSessions(marks) });
  });

  test('returns { success: false, error } instead of throwing', () => {
    const result = safeCountSessions([mark('2024-09-02', 'AM', 'Q9')]);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues[0].code).toBe('unknown_code');
  });

  test('passes options through', () => {
    const marks = [mark('2024-09-02', 'AM', '/'), mark('2024-09-02', 'AM', 'I')];
    expect(safeCountSessions(marks).success).toBe(false);
    const resolved = safeCountSessions(marks, { duplicates: 'precedence' });
    expect(resolved.success && resolved.data.present).toBe(1);
    const compact = safeCountSessions({
      slots: createSessionSlots([{ date: isoDate('2024-09-02'), session: 'AM' }]),
      codes: new Uint8Array([200]),
    });
    expect(compact.success).toBe(false);
  });
});

describe('groupMarksByPupil', () => {
  test('splits marks per pupil, pupils in order of first mark, marks in their original order', () => {
    const marks = [
      mark('2024-09-02', 'AM', '/', 'B'),
      mark('2024-09-02', 'AM', 'I', 'A'),
      mark('2024-09-03', 'AM', 'N', 'B'),
      mark('2024-09-02', 'PM', '\\', 'B'),
      mark('2024-09-02', 'PM', 'I', 'A'),
      mark('2024-09-02', 'AM', 'G', 'C'),
    ];
    const byPupil = groupMarksByPupil(marks);
    expect([...byPupil.keys()]).toEqual(['B', 'A', 'C']);
    expect(byPupil.get('B')).toEqual([marks[0], marks[2], marks[3]]);
    expect(byPupil.get('A')).toEqual([marks[1], marks[4]]);
    expect(byPupil.get('C')).toEqual([marks[5]]);
    expect(byPupil.get('B')?.[0]).toBe(marks[0]);
  });

  test('each pupil’s group counts on its own', () => {
    const marks = [
      ...marksFrom(['/', 'N', 'I'], '2024-09-02', 'A'),
      ...marksFrom(['/', '/', '/'], '2024-09-02', 'B'),
    ] as (SessionMark & { readonly pupilId: string })[];
    const byPupil = groupMarksByPupil(marks);
    expect(countSessions(byPupil.get('A') ?? [])).toMatchObject({ possible: 3, absent: 2 });
    expect(countSessions(byPupil.get('B') ?? [])).toMatchObject({ possible: 3, absent: 0 });
    // Together the same sessions would be duplicates.
    expect(() => countSessions(marks)).toThrow(AttendanceError);
  });

  test('no marks give an empty map', () => {
    expect(groupMarksByPupil([]).size).toBe(0);
  });

  test('marks without a pupil are reported, every one, not dropped', () => {
    const error = attendanceErrorOf(() =>
      groupMarksByPupil([
        mark('2024-09-02', 'AM', '/', 'A'),
        mark('2024-09-02', 'PM', '\\'),
        mark('2024-09-03', 'AM', 'I'),
      ])
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [1, 'pupilId'],
      [2, 'pupilId'],
    ]);
    expect(error.issues[0]).toMatchObject({ field: 'pupilId', date: '2024-09-02', session: 'PM' });
  });
});
