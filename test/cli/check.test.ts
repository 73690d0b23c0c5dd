import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { fixture } from './_support/memoryIo.js';
import { registerCsv } from './_support/registers.js';
import { runCli } from './_support/runCli.js';

// test/cli/fixtures/broken-register.csv, line by line (line 1 is the header):
//  2  B1 2024-09-03 AM /        fine
//  3  B1 2024-09-03 PM Q9       unknown code
//  4  B1 2024-09-31 AM /        no such day
//  5  B1 2024-09-04 XX /        no such session
//  6  B2 2024-09-03 AM /        fine
//  7  B2 2024-09-03 AM O        a second mark for the same session
//  8  B2 2024-09-04 AM O        fine (its comment holds a comma and quotes)
//  9  B2 2024-09-07 AM O        a Saturday: wrong only against a calendar
const BROKEN: Readonly<Record<string, string>> = { 'broken.csv': fixture('broken-register.csv') };

interface CheckJson {
  valid: boolean;
  errorCount: number;
  warningCount: number;
  files: Record<string, unknown>[];
  issues: {
    severity: string;
    code: string;
    source: string | null;
    line: number | null;
    pupilId: string | null;
    date: string | null;
    session: string | null;
    field: string | null;
    received: string | null;
    message: string;
    path: (string | number)[];
  }[];
}

async function checkJson(
  argv: readonly string[],
  files: Readonly<Record<string, string>> = BROKEN
): Promise<{ code: number; json: CheckJson }> {
  const result = await runCli(['check', ...argv, '--json'], files);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson };
}

describe('check', () => {
  test('lists every problem with its file, line, pupil, date, session and field, and exits with 2', async () => {
    const { code, json } = await checkJson(['broken.csv']);
    expect(code).toBe(2);
    expect(json.valid).toBe(false);
    expect(json.files).toEqual([
      {
        source: 'broken.csv',
        format: 'csv',
        rowsRead: 8,
        rowsUsed: 4,
        rowsRejected: 4,
        errors: 4,
        warnings: 0,
      },
    ]);
    expect(json.issues.map((issue) => [issue.line, issue.code, issue.pupilId, issue.field])).toEqual([
      [3, 'unknown_code', 'B1', 'code'],
      [4, 'invalid_date', 'B1', 'date'],
      [5, 'invalid_session', 'B1', 'session'],
      [7, 'duplicate_mark', 'B2', null],
    ]);
    expect(json.issues[0]).toMatchObject({
      source: 'broken.csv',
      date: '2024-09-03',
      session: 'PM',
      received: 'Q9',
    });
  });

  test('with a calendar, also finds marks on days the school is closed', async () => {
    const { code, json } = await checkJson(['broken.csv', '--calendar', 'calendar.json'], {
      ...BROKEN,
      'calendar.json': fixture('calendar-2024-25.json'),
    });
    expect(code).toBe(2);
    expect(json.issues.at(-1)).toMatchObject({
      line: 9,
      code: 'mark_on_closed_session',
      pupilId: 'B2',
      date: '2024-09-07',
      // The file line, never the mark's position among B2's marks (it is B2's third).
      message: 'Line 9 of broken.csv (pupil B2, 2024-09-07 AM): the mark "O" falls on a weekend.',
      path: ['date'],
    });
  });

  test('the table and the CSV carry the same problems', async () => {
    const table = await runCli(['check', 'broken.csv'], BROKEN);
    expect(table.code).toBe(2);
    expect(table.stdout).toContain(
      'broken.csv (csv): 8 rows read, 4 used, 4 rejected; 4 errors, 0 warnings.'
    );
    expect(table.stdout).toMatch(/^broken\.csv:3 +error +unknown_code +B1 +2024-09-03 +PM +code /m);
    expect(table.stderr).toContain('4 errors found');

    const csv = await runCli(['check', 'broken.csv', '--csv'], BROKEN);
    expect(csv.code).toBe(2);
    const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
    expect(rows.map((row) => [row['line'], row['code']])).toEqual([
      ['3', 'unknown_code'],
      ['4', 'invalid_date'],
      ['5', 'invalid_session'],
      ['7', 'duplicate_mark'],
    ]);
    expect(Object.keys(rows[0]!)).toEqual([
      'source',
      'line',
      'severity',
      'code',
      'pupil_id',
      'date',
      'session',
      'field',
      'expected',
      'received',
      'message',
    ]);
  });

  test('a clean file passes with 0; a warning passes unless --fail-on issues', async () => {
    const clean = await runCli(['check', 'register.csv', '--calendar', 'calendar.json']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain(
      'register.csv (csv): 1902 rows read, 1902 used, 0 rejected; 0 errors, 0 warnings.'
    );
    expect(clean.stdout).toContain('No problems found.');

    // H (holiday authorised) belongs to the codes before 2024: a warning after 19 August 2024.
    const legacy = { 'legacy.csv': registerCsv([{ pupilId: 'H1', days: 2, code: () => 'H' }]) };
    const warned = await checkJson(['legacy.csv'], legacy);
    expect(warned.code).toBe(0);
    expect(warned.json).toMatchObject({ valid: true, errorCount: 0, warningCount: 4 });
    expect(warned.json.issues[0]).toMatchObject({
      severity: 'warning',
      code: 'code_outside_code_set',
      line: 2,
    });
    expect((await runCli(['check', 'legacy.csv', '--fail-on', 'issues'], legacy)).code).toBe(1);
  });

  test('checks several files, and the calendar and policy files given with them', async () => {
    const { code, json } = await checkJson(
      [
        'register.csv',
        'broken.csv',
        'missing.csv',
        '--calendar',
        'bad-calendar.json',
        '--policy',
        'policy.json',
      ],
      {
        ...BROKEN,
        'bad-calendar.json': fixture('calendar-overlapping.json'),
        'policy.json': fixture('policy-invalid.json'),
      }
    );
    expect(code).toBe(2);
    expect(json.files.map((file) => [file['source'], file['errors']])).toEqual([
      ['register.csv', 0],
      ['broken.csv', 4],
      ['missing.csv', 1],
    ]);
    const sources = json.issues.map((issue) => issue.source);
    expect(sources).toContain('missing.csv');
    expect(json.issues.find((issue) => issue.source === 'bad-calendar.json')).toMatchObject({
      code: 'calendar_overlap',
    });
    expect(json.issues.find((issue) => issue.source === 'policy.json')).toMatchObject({ severity: 'error' });
  });

  test('a file that is not valid CSV or JSON is reported, never thrown', async () => {
    const { code, json } = await checkJson(['bad.json'], { 'bad.json': '[{"pupilId": "P1",' });
    expect(code).toBe(2);
    expect(json.issues[0]).toMatchObject({ code: 'malformed_input', source: 'bad.json', line: 1 });
  });
});
