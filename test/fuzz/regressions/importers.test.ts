import { describe, expect, test } from 'vitest';
import type { AttendanceIssue } from '../../../src/index.js';
import {
  safeParseCaseLog,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  safeParseCtf,
  safeParsePupilSummaryCsv,
} from '../../../src/io/index.js';
import type { CtfOptions, ParseExportOptions } from '../../../src/io/index.js';

// Inputs the fuzz suite found in the importers (test/fuzz/ctf.fuzz.ts, census.fuzz.ts, pupilSummary.fuzz.ts),
// minimised, kept once their fixes landed. Each issue must be plain JSON-safe text quoting at most ~80
// characters of the input.

function issuesOf(
  result: { success: true } | { success: false; error: { issues: readonly AttendanceIssue[] } }
) {
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues;
}

function expectBriefTextIssues(issues: readonly AttendanceIssue[]): void {
  for (const issue of issues) {
    expect(() => JSON.stringify(issue)).not.toThrow();
    expect(issue.message.length).toBeLessThan(300);
    for (const value of [issue.received, issue.source])
      if (value !== undefined) expect(typeof value).toBe('string');
    expect(issue.received?.length ?? 0).toBeLessThanOrEqual(110);
  }
}

const COUNT_HEADER =
  'possible,present,approved_educational_activity,attended,authorised,unauthorised,absent,not_possible,unmarked,late,late_after_register_closed,attendance_percent,absence_percent,persistent_absence,severe_absence';

describe('fuzz regressions: importers', () => {
  test('CTF options that are a long string are quoted briefly', () => {
    // Was: "The options must be an object, not xxx…" with all 200 characters as `received`.
    expectBriefTextIssues(issuesOf(safeParseCtf('<CTfile/>', 'x'.repeat(200) as unknown as CtfOptions)));
  });

  test('a garbled census or summary header is quoted briefly', () => {
    // Was: missing_column with the whole header (224 and 240 characters) as `received`.
    const census =
      '\uFFFD\uFFFDpupil_id,period,sessions_possible,sessions_authorised,sessions_unauthorised,reason_C,reason_C1,reason_C2,reason_E,reason_F,reason_G,reason_H,reason_I,reason_J1,reason_M,reason_N,reason_O,reason_R,reason_S,reason_T,reason_U\r\nT0001,termly,146,0,3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3\r\n';
    expectBriefTextIssues(issuesOf(safeParseCensusAttendanceCsv(census)));
    const summary = `\uFFFD\uFFFDpupil_id,year_group,fsm,note,${COUNT_HEADER}\r\n`;
    expectBriefTextIssues(issuesOf(safeParsePupilSummaryCsv(summary)));
  });

  test('a source option that is not text never reaches an issue', () => {
    // Was: the Uint8ClampedArray copied into every issue's `source`.
    const options = { source: new Uint8ClampedArray() } as unknown as ParseExportOptions;
    const notText = new Set() as unknown as string;
    expectBriefTextIssues(issuesOf(safeParseCensusAttendanceCsv(notText, options)));
    expectBriefTextIssues(issuesOf(safeParseCensusAttendanceXml(notText, options)));
    expectBriefTextIssues(issuesOf(safeParsePupilSummaryCsv(notText, options)));
  });

  test('a case log that is not JSON names the line of the fault, even when the parser gives no place', () => {
    // Was: malformed_input with no line (V8 quoted an excerpt found twice in the text).
    const text =
      '[\n  {"pupilId": "P1", "date": "2024-10-01", "event": "meeting-held"},\n  {"pupilId" "P1"}\n]';
    const [issue] = issuesOf(safeParseCaseLog(text, { format: 'json' }));
    expect(issue).toMatchObject({ code: 'malformed_input', line: 3 });
  });

  test('a case log entry naming a huge unknown action is quoted briefly', () => {
    // Was: "Unknown action" with all of a 6,000-character value in the message.
    const text = JSON.stringify([
      { pupilId: 'P1', date: '2024-10-01', event: 'action-done', details: { action: '\u7878'.repeat(6000) } },
    ]);
    const [issue] = issuesOf(safeParseCaseLog(text, { format: 'json' }));
    expect(issue!.message).toContain('Unknown action');
    expect(issue!.message).not.toContain('\u7878'.repeat(81));
  });
});
