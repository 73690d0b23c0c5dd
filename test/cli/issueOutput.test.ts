import { describe, expect, test } from 'vitest';
import { inCliSpelling } from '../../src/cli/output/cliSpelling.js';
import { printable, shortMessage, shortValue } from '../../src/cli/output/displayText.js';
import { groupedIssueLines } from '../../src/cli/output/groupIssues.js';
import { run } from '../../src/cli/run.js';
import type { AttendanceIssue } from '../../src/errors.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { runCli } from './_support/runCli.js';

// Issue 12 §4: "Repeated problems of one kind are grouped (a Latin-1 file gave 61 identical warnings, one per
// line): one line with a count and the first few lines, the full list with --json." and "Advice uses the
// spelling of the interface in use: the CLI says --encoding latin1, not the library option's encoding "latin1"."

/** A register saved as Latin-1: 61 pupils named with an "é" (byte E9, not UTF-8), one mark each. */
function latin1Register(pupils: number): Uint8Array {
  const lines = ['pupil_id,date,session,code'];
  for (let pupil = 0; pupil < pupils; pupil += 1) lines.push(`Ren\u00e9${pupil},2024-09-09,AM,/`);
  return Uint8Array.from(`${lines.join('\n')}\n`, (character) => character.charCodeAt(0));
}

async function runBytes(
  argv: readonly string[],
  files: Readonly<Record<string, string | Uint8Array>>
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = createMemoryIo(files);
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('repeated issues of one kind make one line on stderr', () => {
  test('a Latin-1 file’s 61 encoding warnings: one line with the count and the first five lines', async () => {
    const result = await runBytes(['summary', 'latin1.csv', '--json'], { 'latin1.csv': latin1Register(61) });
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('school-attendance: 61 warnings:');
    expect(lines[1]).toMatch(
      /^ {2}latin1\.csv: warning: 61 of this kind, on lines 2, 3, 4, 5, 6 and 56 more; the first: Line 2 of latin1\.csv .*\[encoding\]$/
    );
  });

  test('check --json keeps the full list', async () => {
    const result = await runBytes(['check', 'latin1.csv', '--json'], { 'latin1.csv': latin1Register(61) });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { warningCount: number; issues: { line: number }[] };
    expect(json.warningCount).toBe(61);
    expect(json.issues.map((issue) => issue.line)).toEqual(
      Array.from({ length: 61 }, (_, index) => index + 2)
    );
  });

  test('two of a kind are still listed one by one', async () => {
    const result = await runBytes(['summary', 'latin1.csv'], { 'latin1.csv': latin1Register(2) });
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}latin1\.csv:2: warning: /);
    expect(lines[2]).toMatch(/^ {2}latin1\.csv:3: warning: /);
  });

  test('errors are grouped too, each kind in the order it first occurs', async () => {
    const rows = ['pupil_id,date,session,code'];
    for (let day = 10; day <= 20; day += 1) rows.push(`P1,2024-09-${day},AM,Q9`);
    rows.push('P1,2024-09-31,AM,/');
    const result = await runCli(['summary', 'bad.csv'], { 'bad.csv': `${rows.join('\n')}\n` });
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'school-attendance: 12 problems in the input:',
      expect.stringMatching(
        /^ {2}bad\.csv: error: 11 of this kind, on lines 2, 3, 4, 5, 6 and 6 more; the first: Line 2 of bad\.csv .*"Q9".*\[unknown_code\]$/
      ),
      expect.stringMatching(/^ {2}bad\.csv:13: error: .*\[invalid_date\]$/),
    ]);
  });

  test('at most the limit of lines, then a count of the issues left out', () => {
    const issue = (code: AttendanceIssue['code'], line: number): AttendanceIssue => ({
      code,
      severity: 'error',
      message: `Line ${line}: ${code}.`,
      path: [],
      source: 'r.csv',
      line,
    });
    const issues = [issue('unknown_code', 2), issue('invalid_date', 3), issue('invalid_session', 4)];
    expect(groupedIssueLines(issues, 2)).toEqual({
      lines: [
        'r.csv:2: error: Line 2: unknown_code. [unknown_code]',
        'r.csv:3: error: Line 3: invalid_date. [invalid_date]',
      ],
      hidden: 1,
    });
    const many = Array.from({ length: 7 }, (_, index) => issue('duplicate_mark', index + 10));
    expect(groupedIssueLines(many, 1).lines).toEqual([
      'r.csv: error: 7 of this kind, on lines 10, 11, 12, 13, 14 and 2 more; the first: Line 10: duplicate_mark. [duplicate_mark]',
    ]);
  });
});

describe('advice in the command line’s spelling', () => {
  test('a Latin-1 CSV: --encoding latin1, not encoding "latin1"', async () => {
    const result = await runBytes(['summary', 'latin1.csv'], { 'latin1.csv': latin1Register(1) });
    expect(result.stderr).toContain('read it with --encoding latin1');
    expect(result.stderr).not.toContain('encoding "latin1"');
  });

  test('a JSON register decoded badly: save it as UTF-8, no library function named', async () => {
    const register = JSON.stringify([{ pupilId: 'Ren\uFFFD', date: '2024-09-09', session: 'AM', code: '/' }]);
    const result = await runCli(['summary', 'register.json'], { 'register.json': register });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('save it as UTF-8');
    expect(result.stderr).not.toContain('importRegisterCsv');
    expect(result.stderr).not.toContain('encoding "latin1"');
  });

  test('a semicolon-separated file read with commas: --delimiter', async () => {
    const result = await runCli(['summary', 'semi.csv'], {
      'semi.csv': 'pupil_id;date;session;code\nP1;2024-09-09;AM;/\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give it with --delimiter, e.g. --delimiter ";" or --delimiter tab');
    expect(result.stderr).not.toContain('delimiter option');
  });

  test('an unknown code: --code-list FILE, not the codeList option', async () => {
    const result = await runCli(['summary', 'codes.csv'], {
      'codes.csv': 'pupil_id,date,session,code\nP1,2024-09-09,AM,9\n',
    });
    expect(result.stderr).toContain('a system code or id needs a code list: give --code-list FILE');
    expect(result.stderr).not.toContain('codeList');
  });

  test('a CTF laid out by school days without a calendar: --calendar FILE and --day-model auto', async () => {
    // Six pairs from Monday 9 September 2024: read by calendar days, the sixth (a Saturday) holds marks.
    const ctf = `<?xml version="1.0" encoding="utf-8"?>
<CTfile>
  <Header><DocumentName>Common Transfer File</DocumentName><CTFversion>25.0</CTFversion></Header>
  <CTFpupilData>
    <Pupil>
      <UPN>A123456789012</UPN>
      <Attendance>
        <YearData>
          <Year>2024</Year>
          <SessionsPossible>12</SessionsPossible>
          <SessionsAuthorised>1</SessionsAuthorised>
          <SessionsUnauthorised>0</SessionsUnauthorised>
          <AttendSessions>
            <AttendanceStartDate>2024-09-09</AttendanceStartDate>
            <AttendanceMarks>/\\/\\/\\/\\/\\I\\</AttendanceMarks>
          </AttendSessions>
        </YearData>
      </Attendance>
    </Pupil>
  </CTFpupilData>
</CTfile>
`;
    const result = await runCli(['check', 'school.xml', '--day-model', 'auto', '--json'], {
      'school.xml': ctf,
    });
    const text = result.stdout;
    expect(text).toContain('needs the school calendar: give --calendar FILE');
    expect(text).toContain('--day-model auto read the mark strings');
    expect(text).not.toContain('calendar option');
    expect(text).not.toContain('dayModel \\"auto\\"');
  });

  test.each([
    [
      'UTF-8 text; if the file was saved as Latin-1 or Windows-1252, read it with encoding "latin1"',
      'UTF-8 text; if the file was saved as Latin-1 or Windows-1252, read it with --encoding latin1',
    ],
    [
      'code "9" is not a register code (a system code or id needs a code list: the codeList option, or --code-list on the command line)',
      'code "9" is not a register code (a system code or id needs a code list: give --code-list FILE)',
    ],
    [
      'the columns found are a;b; the file may use another delimiter (see the delimiter option)',
      'the columns found are a;b; the file may use another delimiter (give it with --delimiter, e.g. --delimiter ";" or --delimiter tab)',
    ],
    [
      'which needs the school calendar: pass the calendar option',
      'which needs the school calendar: give --calendar FILE',
    ],
    [
      'dayModel "auto" read the mark strings of 2 YearData records',
      '--day-model auto read the mark strings of 2 YearData records',
    ],
    [
      'a one-character mark string cannot hold: use codeWidth 2',
      'a one-character mark string cannot hold: use --code-width 2',
    ],
    [
      'The line is longer than 1024 bytes (the maxLineBytes option), which a larger maxLineBytes reads',
      'The line is longer than 1024 bytes (--max-line-bytes), which a larger --max-line-bytes reads',
    ],
    ['nested more than 64 levels (the maxDepth option)', 'nested more than 64 levels (--max-depth)'],
    [
      'Option mapping.pupilId must be a column name or a list of column names; received 3.',
      'The column mapping\'s "pupilId" must be a column name or a list of column names; received 3.',
    ],
    [
      'the header has no column for the date (date), looking with the sims preset; the columns found are x',
      'the header has no column for the date (date), looking with --mapping sims; the columns found are x',
    ],
    ['set dateFormat "dmy" to read them', 'set --date-format dmy to read them'],
  ])('%s', (library, cli) => {
    const issue: AttendanceIssue = {
      code: 'invalid_value',
      severity: 'error',
      message: library,
      path: [],
      expected: library,
    };
    const spelt = inCliSpelling(issue);
    expect(spelt.message).toBe(cli);
    expect(spelt.expected).toBe(cli);
    // Spelling twice changes nothing.
    expect(inCliSpelling(spelt)).toBe(spelt);
  });

  test('a sentence that only mentions an encoding by name is left alone', () => {
    const message = 'The XML declaration names the encoding "windows-1250", which cannot be decoded.';
    const issue: AttendanceIssue = { code: 'encoding', severity: 'error', message, path: [] };
    expect(inCliSpelling(issue)).toBe(issue);
  });
});

describe('displayed input is short and printable', () => {
  test('shortValue keeps 80 characters and counts the rest, and cutting twice changes nothing', () => {
    expect(shortValue('Q9')).toBe('Q9');
    const cut = shortValue('Z'.repeat(3_000_000));
    expect(cut).toBe(`${'Z'.repeat(80)}… (2999920 more characters)`);
    expect(shortValue(cut)).toBe(cut);
    // A surrogate pair is never cut in two.
    expect(shortValue(`${'a'.repeat(79)}😀${'b'.repeat(100)}`).startsWith(`${'a'.repeat(79)}…`)).toBe(true);
  });

  test('shortMessage keeps the start and the advice at the end', () => {
    const message = `Line 1 of x.csv: the columns found are ${'\u0000'.repeat(100_000)}; give --delimiter.`;
    const cut = shortMessage(message);
    expect(cut.length).toBeLessThan(700);
    expect(cut.startsWith('Line 1 of x.csv: the columns found are')).toBe(true);
    expect(cut.endsWith('; give --delimiter.')).toBe(true);
    expect(shortMessage(cut)).toBe(cut);
  });

  test('printable escapes control characters, so no terminal sequence is run', () => {
    expect(printable('P1\u001b[31m\u0000\tx\ny')).toBe('P1\\u001b[31m\\u0000\\tx\\ny');
    expect(printable('René ✓')).toBe('René ✓');
  });

  test('a pupil id holding a terminal escape is shown escaped in tables and messages', async () => {
    const csv = 'pupil_id,date,session,code\nP\u001b[2J,2024-09-09,AM,/\nP\u001b[2J,2024-09-09,AM,O\n';
    const check = await runCli(['check', 'esc.csv'], { 'esc.csv': csv });
    expect(check.stdout).not.toContain('\u001b');
    expect(check.stdout).toContain('P\\u001b[2J');
    const summary = await runCli(['summary', 'esc.csv'], { 'esc.csv': csv });
    expect(summary.stderr).not.toContain('\u001b');
  });
});

describe('--csv output and formulas', () => {
  // A pupil id a spreadsheet would run as a formula, and a second mark "-" (the no-mark code) for one session.
  const csv =
    'pupil_id,date,session,code\n=1+2,2024-09-09,AM,/\n=1+2,2024-09-09,PM,O\n@SUM(A1),2024-09-09,AM,-\n@SUM(A1),2024-09-09,AM,-\n';

  test('formula-like pupil ids get a leading quote by default; numbers and the "-" code never do', async () => {
    const summary = await runCli(['summary', 'f.csv', '--csv', '--no-progress'], {
      'f.csv': csv.split('\n').slice(0, 3).join('\n'),
    });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain("\r\npupil,'=1+2,2,1,");
    const check = await runCli(['check', 'f.csv', '--csv'], { 'f.csv': csv });
    expect(check.stdout).toContain(`,'@SUM(A1),2024-09-09,AM,,"one mark per pupil, date and session",-,`);
  });

  test('--no-formula-escape writes them as they are', async () => {
    const summary = await runCli(['summary', 'f.csv', '--csv', '--no-formula-escape'], {
      'f.csv': csv.split('\n').slice(0, 3).join('\n'),
    });
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('\r\npupil,=1+2,2,1,');
    const check = await runCli(['check', 'f.csv', '--csv', '--no-formula-escape'], { 'f.csv': csv });
    expect(check.stdout).toContain(',@SUM(A1),2024-09-09,AM,,"one mark per pupil, date and session",-,');
  });

  test('--no-formula-escape without --csv is a usage error', async () => {
    const result = await runCli(['summary', 'register.csv', '--no-formula-escape']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--no-formula-escape applies only to --csv output.');
  });
});
