import { describe, expect, test } from 'vitest';
import { AttendanceError } from '../../../src/index.js';
import {
  DEFAULT_MAX_LINE_BYTES,
  importCohortRegisterCsv,
  importRegisterCsv,
  parseRegisterCsv,
  readRegisterCsv,
  safeParseRegisterCsv,
} from '../../../src/io/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { chunksOf } from './fixtures.js';

// Issue 12 §3: a line over the limit (default 1 MiB, the maxLineBytes option) is one located too_long error and
// is skipped without being held; a header over it stops the file with one clear error; no message quotes more
// than a short excerpt of the input, however much of it there is.

const HEADER = 'pupil_id,date,session,code\n';
const encoder = new TextEncoder();

/**
 * At most about 80 characters of input in a message: the message's words plus a short quotation (80 control
 * characters quoted as JSON escapes take 480).
 */
const MAX_MESSAGE = 800;

function expectShort(issues: readonly AttendanceIssue[]): void {
  for (const issue of issues) {
    expect(issue.message.length).toBeLessThan(MAX_MESSAGE);
    expect((issue.received ?? '').length).toBeLessThan(MAX_MESSAGE);
    expect((issue.field ?? '').length).toBeLessThanOrEqual(80);
  }
}

describe('register CSV: a line longer than maxLineBytes', () => {
  const text = `${HEADER}P1,2025-09-02,AM,/\nP2,2025-09-02,AM,${'x'.repeat(200)}\nP3,2025-09-02,AM,/\n`;

  test('is one too_long error with its line, the limit and a short excerpt; the other rows are read', () => {
    const report = readRegisterCsv(text, { maxLineBytes: 100, source: 'long.csv' });
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
    expect(report.marks.map((mark) => mark.pupilId)).toEqual(['P1', 'P3']);
    expect(report.issues).toEqual([
      {
        code: 'too_long',
        severity: 'error',
        message:
          'Line 3 of long.csv: the line is 217 bytes long, over the limit of 100 bytes, so it was skipped; expected a line of at most 100 bytes.',
        path: [1],
        expected: 'a line of at most 100 bytes',
        received: `"P2,2025-09-02,AM,${'x'.repeat(63)}"… (217 bytes)`,
        source: 'long.csv',
        line: 3,
      },
    ]);
  });

  test('streamed in small chunks, and into a cohort register, it gives the same issue and counts', async () => {
    const options = { maxLineBytes: 100, source: 'long.csv' };
    const whole = readRegisterCsv(text, options);
    const streamed = await importRegisterCsv(chunksOf(encoder.encode(text), 7), options);
    expect(streamed).toEqual(whole);
    const cohort = await importCohortRegisterCsv(chunksOf(encoder.encode(text), 5), options);
    expect(cohort.issues).toEqual(whole.issues);
    expect(cohort).toMatchObject({ rowsRead: 3, rowsUsed: 2, rowsRejected: 1 });
  });

  test('parseRegisterCsv throws it as an AttendanceError; safeParseRegisterCsv returns it', () => {
    const error = attendanceErrorOf(() => parseRegisterCsv(text, { maxLineBytes: 100 }));
    expect(error.issues.map((issue) => issue.code)).toEqual(['too_long']);
    const result = safeParseRegisterCsv(text, { maxLineBytes: 100 });
    expect(result.success).toBe(false);
    expect(result.success || result.error.issues[0].line).toBe(3);
  });

  test('a quoted comment over several lines counts as one line, and later lines keep their numbers', () => {
    const quoted = `${HEADER.replace('\n', ',comment\n')}P1,2025-09-02,AM,/,"${'note\n'.repeat(30)}"\nP2,2025-09-02,AM,/,\n`;
    const report = readRegisterCsv(quoted, { maxLineBytes: 64 });
    expect(report.issues).toMatchObject([{ code: 'too_long', line: 2 }]);
    expect(report.marks).toMatchObject([{ pupilId: 'P2', line: 33 }]);
  });

  test('a quote never closed is too long once the rest of the file passes the limit, and says so', () => {
    const report = readRegisterCsv(`${HEADER}P1,2025-09-02,AM,"/\n${'P2,2025-09-02,PM,/\n'.repeat(10)}`, {
      maxLineBytes: 50,
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'too_long', line: 2 });
    expect(report.issues[0]!.message).toContain('a quoted field opened on it is never closed');
  });

  test('a header line over the limit stops the file with one error; every data row counts as rejected', async () => {
    const wide = `${'pupil_id,'.repeat(20)}date,session,code\nP1,2025-09-02,AM,/\nP2,2025-09-02,AM,/\n`;
    const report = readRegisterCsv(wide, { maxLineBytes: 64, source: 'wide.csv' });
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2 });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'too_long',
      line: 1,
      source: 'wide.csv',
      expected: 'a line of at most 64 bytes',
    });
    expect(report.issues[0]!.message).toContain('the header line is 197 bytes long');
    expect(report.issues[0]!.message).toContain('so the file cannot be read');
    const cohort = await importCohortRegisterCsv(chunksOf(encoder.encode(wide), 16), { maxLineBytes: 64 });
    expect(cohort).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2 });
    expect(cohort.issues.map((issue) => issue.code)).toEqual(['too_long']);
  });

  test('maxLineBytes must be a whole number of 1 or more', () => {
    for (const maxLineBytes of [0, -1, 1.5, Number.NaN, Infinity, '10' as unknown as number]) {
      const error = attendanceErrorOf(() => readRegisterCsv(HEADER, { maxLineBytes }));
      expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: ['maxLineBytes'] });
      expect(safeParseRegisterCsv(HEADER, { maxLineBytes }).success).toBe(false);
    }
  });
});

describe('register CSV: files of NUL bytes and other binary junk', () => {
  test('4 MB of NULs with a small limit: one short too_long error, through every CSV reader', async () => {
    const nuls = new Uint8Array(4 << 20);
    const options = { maxLineBytes: 4096, source: 'nul.csv' };
    for (const report of [
      await importRegisterCsv(chunksOf(nuls, 1 << 16), options),
      await importCohortRegisterCsv(chunksOf(nuls, 1 << 16), options),
    ]) {
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ code: 'too_long', line: 1, severity: 'error' });
      expect(report.issues[0]!.received).toMatch(/… \(4194304 bytes\)$/);
      expectShort(report.issues);
    }
  });

  test('2 MB of NULs at the default limit: one too_long error, not the whole "header" echoed', async () => {
    const nuls = new Uint8Array(2 << 20);
    const text = new TextDecoder().decode(nuls);
    const reports = [
      readRegisterCsv(text),
      await importCohortRegisterCsv(chunksOf(nuls, 1 << 16)),
      await importRegisterCsv(chunksOf(nuls, 1 << 20)),
    ];
    for (const report of reports) {
      expect(report.issues.map((issue) => issue.code)).toEqual(['too_long']);
      expect(report.issues[0]!.expected).toBe(`a line of at most ${DEFAULT_MAX_LINE_BYTES} bytes`);
      expectShort(report.issues);
    }
  });

  test('a binary "header" under the limit is quoted short in the missing_column error', () => {
    const report = readRegisterCsv(`${'\u0000'.repeat(100_000)}\nP1,2025-09-02,AM,/\n`);
    expect(report.issues.map((issue) => issue.code)).toEqual(['missing_column']);
    expectShort(report.issues);
  });

  test('a huge cell under the limit is quoted short in every issue of its row', () => {
    const cell = 'Q'.repeat(200_000);
    const report = readRegisterCsv(`${HEADER}${cell},${cell},${cell},${cell}\n`);
    expect(report.issues.map((issue) => issue.code)).toEqual([
      'invalid_date',
      'invalid_session',
      'unknown_code',
    ]);
    expectShort(report.issues);
  });

  test('a column name padded beyond reason is not quoted in messages', () => {
    const padded = `pupil_id,da${' '.repeat(10_000)}te,session,code\nP1,2025-99-02,AM,/\n`;
    const report = readRegisterCsv(padded);
    expect(report.issues.map((issue) => issue.code)).toEqual(['invalid_date']);
    expectShort(report.issues);
  });

  test('parseRegisterCsv throws nothing but AttendanceError for any of them', () => {
    for (const text of ['\u0000'.repeat(2 << 20), `${HEADER}${'\u0000'.repeat(2 << 20)}\n`]) {
      expect(() => parseRegisterCsv(text)).toThrow(AttendanceError);
    }
  });
});
