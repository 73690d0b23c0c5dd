import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { safeParseSessionMarks } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import {
  importCohortRegisterCsv,
  importRegisterCsv,
  readCtf,
  readRegisterCsv,
  readRegisterJson,
  safeParseCtf,
  safeParsePupilSummaryCsv,
} from '../../../src/io/index.js';
import { expectLocated, MAX_MESSAGE_LENGTH, MAX_RECEIVED_LENGTH } from '../_support/contracts.js';

// The cases the fuzz suite once left in test/fuzz/regressions/pending/ (one test each, named after its case
// file), kept once their fixes landed: the minimised input and the contract it broke.

/** The message length the hardening issue asks for; contracts.ts allows a little more for fixed lists. */
const SHORT_MESSAGE = 300;

function expectShortMessages(issues: readonly AttendanceIssue[], max = SHORT_MESSAGE): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(issue.message.length, issue.message).toBeLessThanOrEqual(max);
    expect(issue.received?.length ?? 0, issue.received).toBeLessThanOrEqual(MAX_RECEIVED_LENGTH);
  }
  expectLocated(issues);
}

async function* pieces<T>(chunks: readonly T[]): AsyncGenerator<T> {
  await Promise.resolve();
  yield* chunks;
}

describe('fuzz regressions: the pending cases', () => {
  test('ctf-encoding-message-length: a bad byte inside a long element name is reported briefly', () => {
    // Was: the encoding issue quoted 80 characters of the element name and gave the Latin-1 advice: 405-408
    // characters. The contract of contracts.ts (MAX_MESSAGE_LENGTH) is what is asserted: this message still
    // carries the path of the long element, so it is over 300 characters (see the case's report).
    const xml = readFileSync(new URL('../../io/ctf/fixtures/two-pupils.ctf.xml', import.meta.url), 'utf8');
    const yearData = xml.indexOf('<YearData>', xml.indexOf('SYNTHETIC0004')) + '<YearData>'.length;
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from(xml.slice(0, yearData)),
        Buffer.from(`<${'x'.repeat(3200)}>`),
        Buffer.from([0x80]),
        Buffer.from(xml.slice(yearData)),
      ])
    );
    const report = readCtf(bytes);
    expect(report.issues.map((issue) => issue.code)).toContain('encoding');
    expectShortMessages(report.issues, MAX_MESSAGE_LENGTH);
    const result = safeParseCtf(bytes);
    expectShortMessages(result.success ? [] : result.error.issues, MAX_MESSAGE_LENGTH);
  });

  test('summary-csv-parse-error-received: the CSV parser error quotes the bad field briefly', () => {
    // Was: csv-parse's own text, quoting the whole field, as `received` (131 characters).
    const result = safeParsePupilSummaryCsv(`${' '.repeat(58)}"x\n`);
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((issue) => issue.code)).toEqual(['malformed_input']);
    expectShortMessages(issues);
  });

  test.each([
    [
      'the generic header',
      'pupil_id,date,session,code,minutes_late,comment\r\n',
      { mapping: 'assembly', source: 'fuzz.csv' },
    ],
    ['the generic sample', 'pupil_id,date,session,code\nP1,2024-09-02,AM,/\n', { mapping: 'arbor' }],
    ['an empty file', '', { mapping: 'wonde', source: 'an-export-with-a-long-name.csv' }],
    ['a binary header', `${'\u0000'.repeat(1000)}\n`, { mapping: 'wonde', source: 'fuzz.csv' }],
  ] as const)('missing-column-message-length: CSV, %s read with %j', (_name, text, options) => {
    // Was: every name each missing field may have, and every column found, in a message of 470-530 characters.
    const report = readRegisterCsv(text, options);
    expect(report.issues.map((issue) => issue.code)).toEqual(['missing_column']);
    expectShortMessages(report.issues);
    const [issue] = report.issues;
    // The message names the mapping; the names it accepts are in `expected`.
    expect(issue!.message).toContain(`the ${options.mapping} preset`);
    expect(issue!.expected).toMatch(/^(columns|a header row)/);
  });

  test('missing-column-message-length: JSON', () => {
    const report = readRegisterJson([{ pupilId: 'P1' }], { mapping: 'wonde' });
    expect(report.issues.map((issue) => issue.code)).toEqual(['missing_column']);
    expectShortMessages(report.issues);
    expect(report.issues[0]!.message).toContain('no key for the pupil id, date, session and code');
    expect(report.issues[0]!.message).toContain('the wonde preset');
    expect(report.issues[0]!.expected).toContain('attendance_code_id');
    const keys = Array.from({ length: 40 }, (_, index) => [`key_number_${index}`, index]);
    const wide = readRegisterJson([Object.fromEntries(keys)], { mapping: 'sims' });
    expectShortMessages(wide.issues);
  });

  test('a U+FFFD in decoded text is warned about briefly (longCsv/longJson fuzz, seed 20261202)', () => {
    // Was: the warning explained the replacement character and gave the Latin-1 advice twice: 450-461 characters.
    const csv = readRegisterCsv(
      'pupil_id,date,session,code,minutes_late,comment\n\uD800T0001,2024-09-02,AM,#,,INSET day\n',
      { source: 'fuzz.csv' }
    );
    expect(csv.issues.map((issue) => issue.code)).toEqual(['encoding']);
    expectShortMessages(csv.issues, MAX_MESSAGE_LENGTH);
    const json = readRegisterJson(
      {
        data: [
          {
            pupil_id: 'P001',
            date: '2025-09-02',
            session: 'PM',
            code: 'M',
            comment: 'Zo\uFFFD at the dentist',
          },
          { pupil_id: 'Ren\uFFFDe', date: '2025-09-02', session: 'AM', code: '/', comment: 'Caf\uFFFD trip' },
        ],
      },
      { source: 'fuzz.json' }
    );
    expect(json.issues.map((issue) => issue.code)).toEqual(['encoding', 'encoding', 'encoding']);
    expectShortMessages(json.issues, MAX_MESSAGE_LENGTH);
  });

  test('register-csv-text-chunk-splits-surrogate-pair: a text chunk may end inside a character', async () => {
    // Was: each half of the split emoji encoded alone, as U+FFFD, without an issue.
    const text = 'pupil_id,date,session,code,minutes_late,comment\nP1,2024-09-02,AM,/,,a\uD83D\uDE00b\n';
    const cut = text.indexOf('\uDE00');
    const chunks = [text.slice(0, cut), text.slice(cut)];
    const whole = readRegisterCsv(text);
    expect(whole.marks[0]!.comment).toBe('a\uD83D\uDE00b');
    const { marks, issues, rowsRead, rowsUsed, rowsRejected } = await importRegisterCsv(pieces(chunks));
    expect({ marks, issues, rowsRead, rowsUsed, rowsRejected }).toEqual({
      marks: whole.marks,
      issues: whole.issues,
      rowsRead: whole.rowsRead,
      rowsUsed: whole.rowsUsed,
      rowsRejected: whole.rowsRejected,
    });
  });

  test('register-csv-text-chunk-splits-surrogate-pair: the same for the cohort importer, a pupil id split', async () => {
    const text = 'pupil_id,date,session,code\nP\uD83D\uDE00,2024-09-02,AM,/\nP\uD83D\uDE00,2024-09-02,PM,N\n';
    const wholeImport = await importCohortRegisterCsv(pieces([text]));
    expect(wholeImport.issues).toEqual([]);
    // Every cut of the text, so one falls between the halves of each pair.
    for (let cut = 1; cut < text.length; cut += 1) {
      const chunked = await importCohortRegisterCsv(pieces([text.slice(0, cut), text.slice(cut)]));
      expect(chunked).toEqual(wholeImport);
    }
  });

  test('register-csv-text-chunk-splits-surrogate-pair: a lone high surrogate at the end is still reported', async () => {
    // The half that waits for its other half must not be lost when none comes: reported as the whole text is.
    const text = 'pupil_id,date,session,code,minutes_late,comment\nP1,2024-09-02,AM,/,,a\uD83D';
    const whole = readRegisterCsv(text);
    expect(whole.issues.map((issue) => issue.code)).toEqual(['encoding']);
    const chunked = await importRegisterCsv(pieces([text.slice(0, -1), text.slice(-1)]));
    expect(chunked.issues).toEqual(whole.issues);
    expect(chunked.marks).toEqual(whole.marks);
  });

  test('session-marks-long-date-message: a 300-character date is quoted briefly', () => {
    // Was: the message located the mark by its whole date (425 characters).
    const result = safeParseSessionMarks([{ date: 'x'.repeat(300), session: 'AM', code: '/' }]);
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([['invalid_value', [0, 'date']]]);
    expectShortMessages(issues);
  });
});
