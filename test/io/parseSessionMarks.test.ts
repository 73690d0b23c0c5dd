import { describe, expect, test } from 'vitest';
import { AttendanceError, parseSessionMarks, safeParseSessionMarks } from '../../src/index.js';
import type { AttendanceIssue, AttendanceIssueCode, SessionMark } from '../../src/index.js';

/** The issues of a failed validation, failing the test when the input was accepted. */
function issuesOf(input: unknown): readonly AttendanceIssue[] {
  const result = safeParseSessionMarks(input);
  if (result.success) throw new Error('expected the marks to be rejected');
  expect(result.error).toBeInstanceOf(AttendanceError);
  return result.error.issues;
}

/** The one issue of a failed validation. */
function onlyIssueOf(input: unknown): AttendanceIssue {
  const issues = issuesOf(input);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const GOOD_MARK = { pupilId: 'P0', date: '2024-09-02', session: 'AM', code: '/' };

const VALID_MARKS = [
  { pupilId: 'P1', date: '2024-09-02', session: 'AM', code: '/' },
  { pupilId: 'P1', date: '2024-09-02', session: 'PM', code: 'L', minutesLate: 12 },
  { pupilId: 'P1', date: '2024-09-03', session: 'AM', code: 'C1' },
  { pupilId: 'P1', date: '2024-09-03', session: 'PM', code: '-' },
  { pupilId: 'P1', date: '2024-09-04', session: 'AM', code: '\\' },
  { date: '2024-02-29', session: 'AM', code: '' },
  { date: '2023-09-04', session: 'PM', code: 'H', minutesLate: 0 },
  { date: '2024-09-05', session: 'AM', code: 'Y7' },
  { date: '2024-09-05', session: 'PM', code: '#' },
];

describe('parseSessionMarks / safeParseSessionMarks: valid input', () => {
  test('returns the marks, typed, with every field kept', () => {
    const marks: SessionMark[] = parseSessionMarks(structuredClone(VALID_MARKS));
    expect(marks).toEqual(VALID_MARKS);
  });

  test('the safe variant succeeds with the same marks', () => {
    const result = safeParseSessionMarks(structuredClone(VALID_MARKS));
    expect(result.success).toBe(true);
    expect(result.success && result.data).toEqual(VALID_MARKS);
  });

  test('accepts codes of both code sets, whatever the date (the set is chosen when counting)', () => {
    const marks = [
      { date: '2025-01-06', session: 'AM', code: 'J' },
      { date: '2023-01-09', session: 'AM', code: 'J1' },
      { date: '2025-01-06', session: 'PM', code: 'F' },
      { date: '2023-01-09', session: 'PM', code: 'K' },
    ];
    expect(parseSessionMarks(marks)).toEqual(marks);
  });

  test('an empty register is valid', () => {
    expect(parseSessionMarks([])).toEqual([]);
  });

  test('two marks for one session are left for the count to report', () => {
    const marks = [
      { pupilId: 'P1', date: '2024-09-02', session: 'AM', code: '/' },
      { pupilId: 'P1', date: '2024-09-02', session: 'AM', code: 'N' },
    ];
    expect(safeParseSessionMarks(marks).success).toBe(true);
  });

  test('a JSON round trip parses', () => {
    const json = JSON.stringify(VALID_MARKS);
    expect(parseSessionMarks(JSON.parse(json))).toEqual(VALID_MARKS);
  });
});

interface RowCase {
  readonly label: string;
  readonly row: Record<string, unknown>;
  readonly code: AttendanceIssueCode;
  readonly field: string;
  readonly received: string;
}

const ROW_CASES: readonly RowCase[] = [
  {
    label: 'an impossible date, 29 February in a common year',
    row: { pupilId: 'P1', date: '2023-02-29', session: 'AM', code: '/' },
    code: 'invalid_value',
    field: 'date',
    received: '2023-02-29',
  },
  {
    label: 'an impossible date, 31 September',
    row: { pupilId: 'P2', date: '2024-09-31', session: 'PM', code: 'L' },
    code: 'invalid_value',
    field: 'date',
    received: '2024-09-31',
  },
  {
    label: 'a date in DD/MM/YYYY form',
    row: { pupilId: 'P3', date: '02/09/2024', session: 'AM', code: '/' },
    code: 'invalid_value',
    field: 'date',
    received: '02/09/2024',
  },
  {
    label: 'a session that is neither AM nor PM',
    row: { pupilId: 'P4', date: '2024-09-02', session: 'XM', code: '/' },
    code: 'invalid_value',
    field: 'session',
    received: 'XM',
  },
  {
    label: 'a code in neither code set',
    row: { pupilId: 'P5', date: '2024-09-02', session: 'PM', code: 'Q9' },
    code: 'unknown_code',
    field: 'code',
    received: 'Q9',
  },
  {
    label: 'a lower-case code',
    row: { pupilId: 'P6', date: '2024-09-02', session: 'AM', code: 'l' },
    code: 'unknown_code',
    field: 'code',
    received: 'l',
  },
  {
    label: 'negative minutes late',
    row: { pupilId: 'P7', date: '2024-09-02', session: 'AM', code: 'L', minutesLate: -5 },
    code: 'invalid_value',
    field: 'minutesLate',
    received: '-5',
  },
  {
    label: 'fractional minutes late',
    row: { pupilId: 'P8', date: '2024-09-02', session: 'AM', code: 'L', minutesLate: 2.5 },
    code: 'invalid_value',
    field: 'minutesLate',
    received: '2.5',
  },
];

describe('safeParseSessionMarks: each problem in a mark is located', () => {
  test.each(ROW_CASES)(
    '$label: path [1, $field], with the row’s pupil, date and session',
    ({ row, code, field, received }) => {
      const issue = onlyIssueOf([GOOD_MARK, row]);
      expect(issue.code).toBe(code);
      expect(issue.severity).toBe('error');
      expect(issue.path).toEqual([1, field]);
      expect(issue.field).toBe(field);
      expect(issue.pupilId).toBe(row['pupilId']);
      expect(issue.date).toBe(row['date']);
      expect(issue.session).toBe(row['session']);
      expect(issue.received).toContain(received);
    }
  );

  test.each(ROW_CASES)('$label: the issue says what was expected', ({ row }) => {
    const issue = onlyIssueOf([GOOD_MARK, row]);
    expect(typeof issue.expected).toBe('string');
    expect(issue.expected?.trim()).not.toBe('');
  });

  test('a mark without a pupil gives an issue without one', () => {
    const issue = onlyIssueOf([{ date: '2024-09-02', session: 'AM', code: 'Q9' }]);
    expect(issue.path).toEqual([0, 'code']);
    expect(issue).not.toHaveProperty('pupilId');
    expect(issue.date).toBe('2024-09-02');
    expect(issue.session).toBe('AM');
  });

  test('missing required fields are each reported', () => {
    const issues = issuesOf([{ pupilId: 'P9' }]);
    expect(issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        [0, 'date'],
        [0, 'session'],
        [0, 'code'],
      ])
    );
    expect(issues).toHaveLength(3);
    for (const issue of issues) expect(issue.pupilId).toBe('P9');
  });

  test.each([
    { label: 'a number', row: 42, received: '42' },
    { label: 'null', row: null, received: 'null' },
    { label: 'a string', row: '2024-09-02,AM,/', received: '2024-09-02,AM,/' },
    { label: 'an array', row: ['2024-09-02', 'AM', '/'], received: '2024-09-02' },
  ])('a row that is not an object ($label) is reported at its index', ({ row, received }) => {
    const issue = onlyIssueOf([GOOD_MARK, GOOD_MARK, row]);
    expect(issue.code).toBe('invalid_value');
    expect(issue.severity).toBe('error');
    expect(issue.path).toEqual([2]);
    expect(issue.field).toBeUndefined();
    expect(issue).not.toHaveProperty('pupilId');
    expect(issue).not.toHaveProperty('date');
    expect(issue).not.toHaveProperty('session');
    expect(issue.expected).toContain('object');
    expect(issue.received).toContain(received);
  });
});

describe('safeParseSessionMarks: input that is not an array', () => {
  test.each([
    { label: 'an object', input: { date: '2024-09-02', session: 'AM', code: '/' } },
    { label: 'a string', input: '[]' },
    { label: 'a number', input: 7 },
    { label: 'null', input: null },
    { label: 'undefined', input: undefined },
  ])('$label gives one issue for the whole input', ({ input }) => {
    const issue = onlyIssueOf(input);
    expect(issue.code).toBe('invalid_value');
    expect(issue.severity).toBe('error');
    expect(issue.path).toEqual([]);
    expect(issue.expected).toContain('array');
    expect(typeof issue.received).toBe('string');
    expect(issue).not.toHaveProperty('pupilId');
  });
});

describe('safeParseSessionMarks: every problem is reported, not only the first', () => {
  const MIXED: readonly unknown[] = [
    GOOD_MARK,
    { pupilId: 'P1', date: '2023-02-29', session: 'AM', code: '/' },
    { pupilId: 'P2', date: '2024-09-31', session: 'PM', code: 'L' },
    { pupilId: 'P3', date: '02/09/2024', session: 'XM', code: 'Q9', minutesLate: -1 },
    { date: '2024-09-03', session: 'AM', code: 'L', minutesLate: 2.5 },
    42,
    GOOD_MARK,
    null,
  ];

  test('nine problems in five rows give nine issues at their paths', () => {
    const issues = issuesOf(MIXED);
    const paths = issues.map((issue) => issue.path);
    const expected = [
      [1, 'date'],
      [2, 'date'],
      [3, 'date'],
      [3, 'session'],
      [3, 'code'],
      [3, 'minutesLate'],
      [4, 'minutesLate'],
      [5],
      [7],
    ];
    expect(paths).toHaveLength(expected.length);
    expect(paths).toEqual(expect.arrayContaining(expected));
  });

  test('the four problems of one row each carry that row’s pupil, date and session', () => {
    const row3 = issuesOf(MIXED).filter((issue) => issue.path[0] === 3);
    expect(row3.map((issue) => issue.field).sort()).toEqual(['code', 'date', 'minutesLate', 'session']);
    for (const issue of row3) {
      expect(issue.pupilId).toBe('P3');
      expect(issue.date).toBe('02/09/2024');
      expect(issue.session).toBe('XM');
    }
  });

  test('the unknown code in the mixed input is an unknown_code issue, the rest invalid_value', () => {
    const issues = issuesOf(MIXED);
    expect(issues.filter((issue) => issue.code === 'unknown_code').map((issue) => issue.path)).toEqual([
      [3, 'code'],
    ]);
    expect(issues.filter((issue) => issue.code === 'invalid_value')).toHaveLength(8);
  });

  test('every issue is an error', () => {
    for (const issue of issuesOf(MIXED)) expect(issue.severity).toBe('error');
  });

  test('the error message is the first issue’s message and counts the other eight', () => {
    const result = safeParseSessionMarks(MIXED);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.message).toBe(`${result.error.issues[0].message} (and 8 more issues)`);
  });

  test('each message names the field and, per the AttendanceIssue contract, the row’s pupil, date and session', () => {
    const issues = issuesOf(MIXED).filter((issue) => issue.path[0] === 3);
    expect(issues).toHaveLength(4);
    for (const issue of issues) {
      expect(issue.message).toContain(String(issue.field));
      expect(issue.message).toContain('P3');
      expect(issue.message).toContain('02/09/2024');
      expect(issue.message).toContain('XM');
    }
  });
});

describe('parseSessionMarks: throws what the safe variant reports', () => {
  test.each([
    { label: 'a mixed register', input: [GOOD_MARK, { ...GOOD_MARK, date: '2023-02-29', code: 'Q9' }, 42] },
    { label: 'a non-array', input: { marks: [] } },
    { label: 'a fractional minutesLate', input: [{ ...GOOD_MARK, minutesLate: 0.5 }] },
  ])('$label: an AttendanceError whose issues equal the safe variant’s', ({ input }) => {
    const safe = safeParseSessionMarks(input);
    expect(safe.success).toBe(false);
    if (safe.success) return;
    let caught: unknown;
    try {
      parseSessionMarks(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AttendanceError);
    const error = caught as AttendanceError;
    expect(error.issues).toEqual(safe.error.issues);
    expect(error.message).toBe(safe.error.message);
  });
});
