import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { runCli } from './_support/runCli.js';

interface SummaryJson {
  pupils: { pupilId: string; possible: number; attended: number; authorised: number; unauthorised: number }[];
}

async function summaryOf(
  argv: readonly string[],
  files: Readonly<Record<string, string>>
): Promise<{ code: number; json: SummaryJson; stderr: string }> {
  const result = await runCli(['summary', ...argv, '--json'], files);
  return {
    code: result.code,
    json: (result.stdout === '' ? { pupils: [] } : JSON.parse(result.stdout)) as SummaryJson,
    stderr: result.stderr,
  };
}

// Monday 9 September 2024 is a school day of the test calendar; 14 and 15 September are a weekend.
const SEMICOLON_DMY = 'pupil_id;date;session;code\nP1;09/09/2024;AM;9\nP1;09/09/2024;PM;12\n';

/**
 * A CTF file with one pupil and one `YearData` record whose mark string starts on Monday 9 September 2024.
 * The totals are those of the school-day reading of the strings used below: 12 possible sessions, 1 authorised
 * absence (`I`), 11 attended.
 */
function ctf(marks: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<CTfile>
  <Header>
    <DocumentName>Common Transfer File</DocumentName>
    <CTFversion>25.0</CTFversion>
  </Header>
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
            <AttendanceMarks>${marks}</AttendanceMarks>
          </AttendSessions>
        </YearData>
      </Attendance>
    </Pupil>
  </CTFpupilData>
</CTfile>
`;
}

// Six school days from Monday 9 to Monday 16 September 2024, one pair each; the last morning is I (illness).
const SIX_SCHOOL_DAYS = ctf('/\\/\\/\\/\\/\\I\\');
const SIX_SCHOOL_DAYS_WIDE = ctf('/ \\ / \\ / \\ / \\ / \\ I \\ ');

describe('--code-list', () => {
  test('maps a system’s codes to register codes in a CSV register', async () => {
    const { code, json } = await summaryOf(['semi.csv', '--delimiter', ';', '--code-list', 'codes.json'], {
      'semi.csv': SEMICOLON_DMY,
      'codes.json': '{ "9": "/", "12": "I" }',
    });
    expect(code).toBe(0);
    expect(json.pupils).toEqual([
      expect.objectContaining({ pupilId: 'P1', possible: 2, attended: 1, authorised: 1, unauthorised: 0 }),
    ]);
  });

  test('maps codes in a JSON register too', async () => {
    const register = JSON.stringify([
      { pupilId: 'P1', date: '2024-09-09', session: 'AM', code: '12' },
      { pupilId: 'P1', date: '2024-09-09', session: 'PM', code: 'N' },
    ]);
    const { code, json } = await summaryOf(['register.json', '--code-list', 'codes.json'], {
      'register.json': register,
      'codes.json': '{ "12": "O" }',
    });
    expect(code).toBe(0);
    expect(json.pupils[0]).toMatchObject({ possible: 2, attended: 0, unauthorised: 2 });
  });

  test('without it, the system’s codes are unknown codes', async () => {
    const result = await runCli(['summary', 'semi.csv', '--delimiter', ';'], { 'semi.csv': SEMICOLON_DMY });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[unknown_code]');
  });

  test('an entry that maps to no register code is an error naming the file and the entry, exit 2', async () => {
    const result = await runCli(['summary', 'semi.csv', '--delimiter', ';', '--code-list', 'codes.json'], {
      'semi.csv': SEMICOLON_DMY,
      'codes.json': '{ "9": "/", "12": "Z9", "13": 4 }',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('2 problems in the input');
    expect(result.stderr).toContain(
      'The code list "codes.json" maps "12" to "Z9", which is not a register code.'
    );
    expect(result.stderr).toContain('maps "13" to 4');
  });

  test.each([
    ['an array', '["/"]', 'must hold a JSON object'],
    ['not JSON', '{ "9": ', 'is not valid JSON'],
  ])('a code list that is %s is an error, exit 2', async (_name, text, message) => {
    const result = await runCli(['summary', 'register.csv', '--code-list', 'codes.json'], {
      'codes.json': text,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('a code list file that does not exist is an error, exit 2', async () => {
    const result = await runCli(['summary', 'register.csv', '--code-list', 'missing.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read the code list "missing.json"');
  });
});

describe('--date-format', () => {
  const DMY = 'pupil_id,date,session,code\nP1,09/09/2024,AM,/\nP1,10/09/2024,AM,/\n';

  test('dmy and auto read DD/MM/YYYY', async () => {
    for (const format of ['dmy', 'auto']) {
      const { code, json } = await summaryOf(['dmy.csv', '--date-format', format], { 'dmy.csv': DMY });
      expect(code).toBe(0);
      expect(json.pupils[0]).toMatchObject({ possible: 2, attended: 2 });
    }
  });

  test('iso rejects DD/MM/YYYY dates', async () => {
    const result = await runCli(['summary', 'dmy.csv', '--date-format', 'iso'], { 'dmy.csv': DMY });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('dmy.csv:2');
    expect(result.stderr).toContain('[invalid_date]');
  });
});

describe('--delimiter', () => {
  test('reads a semicolon-separated file', async () => {
    const { code, json } = await summaryOf(['semi.csv', '--delimiter', ';'], {
      'semi.csv': 'pupil_id;date;session;code\nP1;2024-09-09;AM;/\n',
    });
    expect(code).toBe(0);
    expect(json.pupils[0]).toMatchObject({ pupilId: 'P1', possible: 1 });
  });

  test.each(['tab', '\\t', '\t'])('reads a tab-separated file given %j', async (delimiter) => {
    const { code, json } = await summaryOf(['tabs.csv', '--delimiter', delimiter], {
      'tabs.csv': 'pupil_id\tdate\tsession\tcode\nP1\t2024-09-09\tAM\t/\n',
    });
    expect(code).toBe(0);
    expect(json.pupils[0]).toMatchObject({ pupilId: 'P1', possible: 1 });
  });
});

describe('--encoding', () => {
  // "Zoë" in Windows-1252: ë is the one byte 0xEB, which is not UTF-8.
  const latin1 = Uint8Array.from([
    ...new TextEncoder().encode('pupil_id,date,session,code\nZo'),
    0xeb,
    ...new TextEncoder().encode(',2024-09-09,AM,/\n'),
  ]);

  test('latin1 reads Windows-1252 bytes, which auto reports as not UTF-8', async () => {
    const io = createMemoryIo({ 'latin1.csv': latin1 });
    expect(await run(['summary', 'latin1.csv', '--encoding', 'latin1', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdoutText()) as SummaryJson).pupils[0]?.pupilId).toBe('Zoë');

    const auto = createMemoryIo({ 'latin1.csv': latin1 });
    await run(['summary', 'latin1.csv', '--json'], auto);
    expect(auto.stderrText()).toContain('[encoding]');
  });

  test('utf-16le reads UTF-16LE bytes without a byte order mark', async () => {
    const text = 'pupil_id,date,session,code\nZoë,2024-09-09,AM,/\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) {
      bytes[index * 2] = text.charCodeAt(index) & 0xff;
      bytes[index * 2 + 1] = text.charCodeAt(index) >> 8;
    }
    const io = createMemoryIo({ 'utf16.csv': bytes });
    expect(await run(['summary', 'utf16.csv', '--encoding', 'utf-16le', '--json'], io)).toBe(0);
    expect((JSON.parse(io.stdoutText()) as SummaryJson).pupils[0]?.pupilId).toBe('Zoë');
  });
});

describe('CTF layout: --day-model and --code-width', () => {
  test('by default each pair is a calendar day, so school-day strings put marks on the weekend', async () => {
    const result = await runCli(['summary', 'school.xml', '--calendar', 'calendar.json'], {
      'school.xml': SIX_SCHOOL_DAYS,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[mark_on_closed_session]');
  });

  test('schoolDays dates the pairs by the school days of --calendar', async () => {
    const { code, json } = await summaryOf(
      ['school.xml', '--calendar', 'calendar.json', '--day-model', 'schoolDays'],
      { 'school.xml': SIX_SCHOOL_DAYS }
    );
    expect(code).toBe(0);
    expect(json.pupils).toEqual([
      expect.objectContaining({ pupilId: 'A123456789012', possible: 12, attended: 11, authorised: 1 }),
    ]);
  });

  test('auto chooses school days here and says so in a warning', async () => {
    const { code, json, stderr } = await summaryOf(
      ['school.xml', '--calendar', 'calendar.json', '--day-model', 'auto'],
      { 'school.xml': SIX_SCHOOL_DAYS }
    );
    expect(code).toBe(0);
    expect(json.pupils[0]).toMatchObject({ possible: 12, attended: 11 });
    expect(stderr).toContain('1 warning:');
  });

  test('--code-width 2 reads two characters per session', async () => {
    const argv = ['wide.xml', '--calendar', 'calendar.json', '--day-model', 'schoolDays'];
    const wide = await summaryOf([...argv, '--code-width', '2'], { 'wide.xml': SIX_SCHOOL_DAYS_WIDE });
    expect(wide.code).toBe(0);
    expect(wide.json.pupils[0]).toMatchObject({ possible: 12, attended: 11, authorised: 1 });

    const narrow = await runCli(['summary', ...argv], { 'wide.xml': SIX_SCHOOL_DAYS_WIDE });
    expect(narrow.code).toBe(2);
  });

  test('check reads CTF files with the layout options too', async () => {
    const result = await runCli(
      ['check', 'school.xml', '--calendar', 'calendar.json', '--day-model', 'schoolDays', '--json'],
      { 'school.xml': SIX_SCHOOL_DAYS }
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, errorCount: 0 });
  });
});

describe('bad values and options for another format are usage errors (exit 2)', () => {
  test.each([
    [['--date-format', 'mdy'], '--date-format must be auto, iso or dmy; received "mdy"'],
    [['--delimiter', ';;'], '--delimiter must be one character'],
    [['--delimiter', '"'], '--delimiter must be one character other than a quote'],
    [['--delimiter', ''], '--delimiter must be one character'],
    [['--encoding', 'utf-16be'], '--encoding must be auto, utf-8, utf-16le or latin1; received "utf-16be"'],
    [['--day-model', 'weekdays'], '--day-model must be calendarDays, schoolDays or auto'],
    [['--code-width', '3'], '--code-width must be 1 or 2'],
    [
      ['--day-model', 'schoolDays'],
      '--day-model schoolDays dates the marks by the school days of a calendar',
    ],
    [['--day-model', 'auto'], '--day-model applies only to CTF registers; register.csv is read as csv.'],
    [['--code-width', '2'], '--code-width applies only to CTF registers'],
  ])('%j', async (options, message) => {
    const result = await runCli(['summary', 'register.csv', ...options]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Run "school-attendance summary --help" for usage.');
  });

  test.each([
    [['--delimiter', ';'], '--delimiter applies only to CSV registers; school.xml is read as ctf.'],
    [['--encoding', 'latin1'], '--encoding applies only to CSV registers'],
    [['--code-list', 'codes.json'], '--code-list applies only to CSV and JSON registers'],
    [['--date-format', 'dmy'], '--date-format applies only to CSV and JSON registers'],
    [['--mapping', 'sims'], '--mapping applies only to CSV and JSON registers'],
  ])('with a CTF file: %j', async (options, message) => {
    const result = await runCli(['summary', 'school.xml', ...options], { 'school.xml': SIX_SCHOOL_DAYS });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('--delimiter with a JSON register', async () => {
    const result = await runCli(['summary', 'register.json', '--delimiter', ';'], { 'register.json': '[]' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--delimiter applies only to CSV registers; register.json is read as json.'
    );
  });

  test('check takes an option that applies to one of its files, and uses it for those files only', async () => {
    const result = await runCli(
      [
        'check',
        'school.xml',
        'semi.csv',
        '--delimiter',
        ';',
        '--code-list',
        'codes.json',
        '--day-model',
        'schoolDays',
        '--calendar',
        'calendar.json',
      ],
      { 'school.xml': SIX_SCHOOL_DAYS, 'semi.csv': SEMICOLON_DMY, 'codes.json': '{ "9": "/", "12": "I" }' }
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'school.xml (ctf): 1 row read, 1 used, 0 rejected; 0 errors, 0 warnings.'
    );
    expect(result.stdout).toContain('semi.csv (csv): 2 rows read, 2 used, 0 rejected; 0 errors, 0 warnings.');
  });

  test('check refuses an option that applies to none of its files', async () => {
    const result = await runCli(['check', 'register.csv', 'other.csv', '--code-width', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--code-width applies only to CTF registers; register.csv is read as csv and other.csv is read as csv.'
    );
  });
});
