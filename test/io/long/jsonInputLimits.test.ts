import { describe, expect, test } from 'vitest';
import { parseRegisterJson, readRegisterJson, safeParseRegisterJson } from '../../../src/io/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { fixtureJson } from './fixtures.js';

// Issue 12 §1 and §3: a register JSON nested thousands deep, circular, holding BigInts or huge texts gives
// located issues (too_deep, too_long), never a RangeError, a TypeError or a stack trace; and no issue quotes more
// than a short excerpt of the input.

const mark = (pupilId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  pupil_id: pupilId,
  date: '2025-09-02',
  session: 'AM',
  code: '/',
  ...extra,
});

/** `levels` arrays, one inside the other, as JSON text of that many `[` parses to. */
function nestedArrays(levels: number): unknown {
  return JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
}

function expectShort(issues: readonly AttendanceIssue[]): void {
  for (const issue of issues) {
    expect(issue.message.length).toBeLessThan(600);
    expect((issue.received ?? '').length).toBeLessThan(600);
  }
}

describe('register JSON: nesting deeper than maxDepth', () => {
  test('JSON text of 5,000 nested arrays gives one too_deep error where the limit was passed', () => {
    const report = readRegisterJson(nestedArrays(5000), { source: 'deep.json' });
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    // The input is level 1, its first element level 2: level 65 is the first over the limit of 64.
    expect(issue).toMatchObject({
      code: 'too_deep',
      severity: 'error',
      path: Array.from({ length: 64 }, () => 0),
      expected: 'arrays and objects nested at most 64 levels deep',
      source: 'deep.json',
    });
    expectShort(report.issues);
  });

  test('parseRegisterJson throws it as an AttendanceError and safeParseRegisterJson returns it', () => {
    for (const value of [nestedArrays(5000), { data: nestedArrays(5000) }]) {
      const error = attendanceErrorOf(() => parseRegisterJson(value));
      expect(error.issues.map((issue) => issue.code)).toEqual(['too_deep']);
      const result = safeParseRegisterJson(value);
      expect(result.success || result.error.issues[0].code).toBe('too_deep');
    }
  });

  test('a deep value inside one record rejects that record only, naming its key', () => {
    let comment: unknown = 'deep';
    for (let level = 0; level < 100; level += 1) comment = { note: comment };
    const report = readRegisterJson({ data: [mark('P1'), mark('P2', { comment }), mark('P3')] });
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue!.code).toBe('too_deep');
    // data is level 2, the record 3, the comment 4, ... the 62nd `note` level 65.
    expect(issue!.path).toEqual(['data', 1, 'comment', ...Array.from({ length: 61 }, () => 'note')]);
    expect(issue!.field).toBe('note');
  });

  test('maxDepth sets the limit; a register as deep as the limit is read', () => {
    const wonde = fixtureJson('wonde.json');
    // { data: [ { attendance_code: { data: { code } } } ] }: the innermost objects are level 5.
    expect(readRegisterJson(wonde, { mapping: 'wonde', maxDepth: 5 }).issues).toEqual([]);
    const report = readRegisterJson(wonde, { mapping: 'wonde', maxDepth: 4 });
    expect(report.rowsUsed).toBe(0);
    expect(report.issues.every((issue) => issue.code === 'too_deep')).toBe(true);
  });

  test('maxDepth must be a whole number of 1 or more', () => {
    for (const maxDepth of [0, -3, 2.5, Number.NaN, '64' as unknown as number]) {
      const error = attendanceErrorOf(() => readRegisterJson([], { maxDepth }));
      expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['maxDepth'] });
      expect(safeParseRegisterJson([], { maxDepth }).success).toBe(false);
    }
  });
});

describe('register JSON: circular values, BigInts and shared values', () => {
  test('a record that contains itself is a clean too_deep error naming the circular reference', () => {
    const record: Record<string, unknown> = mark('P1');
    record['self'] = record;
    const report = readRegisterJson([record, mark('P2')]);
    expect(report.issues).toMatchObject([
      { code: 'too_deep', path: [0, 'self'], received: 'a circular value' },
    ]);
    expect(report.issues[0]!.message).toContain('contains itself');
    expect(report.marks.map((each) => each.pupilId)).toEqual(['P2']);
  });

  test('a data array that contains itself, and a record that holds the array it is in', () => {
    const data: unknown[] = [];
    data.push(data);
    expect(readRegisterJson({ data }).issues).toMatchObject([{ code: 'too_deep', path: ['data', 0, 0] }]);
    const records: unknown[] = [];
    records.push(mark('P1', { all: records }));
    expect(readRegisterJson(records).issues).toMatchObject([{ code: 'too_deep', path: [0, 'all', 0] }]);
  });

  test('BigInts anywhere are read or reported, never thrown as a TypeError', () => {
    expect(safeParseRegisterJson(10n).success).toBe(false);
    expect(safeParseRegisterJson([10n]).success).toBe(false);
    expect(readRegisterJson([mark('P1', { minutes_late: 5n, code: 'L' })]).marks).toMatchObject([
      { pupilId: 'P1', minutesLate: 5 },
    ]);
    const report = readRegisterJson([mark('P1', { session: { at: [1n, 2n] } })]);
    expect(report.issues).toMatchObject([{ code: 'invalid_value', received: '{"at":[1n,2n]}' }]);
  });

  test('a value shared thousands of times over is checked in linear time, not once per path', () => {
    let shared: unknown = 'leaf';
    for (let level = 0; level < 40; level += 1) shared = [shared, shared];
    const started = Date.now();
    const report = readRegisterJson([mark('P1', { comment: shared })]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(report.issues).toMatchObject([{ code: 'invalid_value', path: [0, 'comment'] }]);
  });
});

describe('register JSON: text longer than maxLineBytes', () => {
  test('a pupil id over the limit is one too_long error for its record, quoted short', () => {
    const long = 'P'.repeat(2 << 20);
    const report = readRegisterJson([mark(long), mark('P2')], { source: 'big.json' });
    expect(report.issues).toMatchObject([
      {
        code: 'too_long',
        path: [0, 'pupil_id'],
        field: 'pupil_id',
        expected: 'text of at most 1048576 bytes',
        source: 'big.json',
      },
    ]);
    expect(report.issues[0]!.received).toMatch(/\(2097152 bytes\)$/);
    expect(report.marks.map((each) => each.pupilId)).toEqual(['P2']);
    expectShort(report.issues);
  });

  test('the limit counts bytes of UTF-8, not characters', () => {
    const report = readRegisterJson([mark('P1', { comment: 'é'.repeat(60) })], { maxLineBytes: 100 });
    expect(report.issues).toMatchObject([{ code: 'too_long', path: [0, 'comment'] }]);
    expect(report.issues[0]!.message).toContain('120 bytes long, over the limit of 100 bytes');
    expect(readRegisterJson([mark('P1', { comment: 'é'.repeat(50) })], { maxLineBytes: 100 }).issues).toEqual(
      []
    );
  });

  test('a key over the limit is too_long, located at its object', () => {
    const report = readRegisterJson([mark('P1', { ['k'.repeat(200)]: 1 })], { maxLineBytes: 100 });
    expect(report.issues).toMatchObject([{ code: 'too_long', path: [0] }]);
    expect(report.issues[0]!.message).toContain('a key is 200 bytes long');
  });

  test('a huge value that is not an array or object is quoted short', () => {
    const report = readRegisterJson('x'.repeat(1 << 20));
    expect(report.issues).toMatchObject([{ code: 'malformed_input' }]);
    expect(report.issues[0]!.message).toContain('JSON text must be parsed first');
    expectShort(report.issues);
  });
});
