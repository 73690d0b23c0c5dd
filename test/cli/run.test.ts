import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { DEFAULT_FILES, runCli } from './_support/runCli.js';

const COMMANDS = ['summary', 'persistent', 'penalty', 'lateness', 'escalation', 'check'] as const;

describe('help and version', () => {
  test.each(COMMANDS)(
    '%s --help shows its usage, options, exit codes and an example, and exits with 0',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: school-attendance ${command} `));
      expect(result.stdout).toContain('Options:');
      expect(result.stdout).toContain('--fail-on conditions:');
      expect(result.stdout).toContain('  2  bad input or usage');
      expect(result.stdout).toMatch(new RegExp(`Examples?:\\n  school-attendance ${command} `));
      // `help <command>` and `-h` say the same.
      expect((await runCli(['help', command])).stdout).toBe(result.stdout);
      expect((await runCli([command, 'register.csv', '-h'])).stdout).toBe(result.stdout);
    }
  );

  test('the general help lists every command, the as-of default and the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
    expect(result.stdout).toContain('Default: the last date in the register');
    expect(result.stdout).toContain('  1  a --fail-on condition matched');
    expect((await runCli(['help'])).stdout).toBe(result.stdout);
  });

  test.each(COMMANDS)('%s --help lists the input limits and --no-formula-escape', async (command) => {
    const { stdout } = await runCli([command, '--help']);
    expect(stdout).toMatch(
      /^ {2}--max-line-bytes N +Every file: the longest line or text accepted.*\(default 1MiB\)/m
    );
    expect(stdout).toMatch(
      /^ {2}--max-depth N +Every JSON or XML file: the deepest nesting accepted \(default 64\)/m
    );
    expect(stdout).toMatch(/^ {2}--no-formula-escape +With --csv: write a text cell starting with =/m);
  });

  test("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('usage errors exit with 2 and say what was wrong, with nothing on stdout', () => {
  test.each([
    [[], 'Give a command'],
    [['reprot', 'register.csv'], 'Unknown command "reprot"'],
    [['summary'], 'Give the register file to read'],
    [['summary', 'register.csv', '--bogus'], 'Unknown option --bogus'],
    [['summary', 'register.csv', '--explain'], '--explain does not apply to summary'],
    [['check', 'register.csv', '--as-of', '2025-01-01'], '--as-of does not apply to check'],
    [['summary', 'register.csv', '--json', '--csv'], 'Give --json or --csv, not both'],
    [['summary', 'register.csv', '--as-of', '2025-02-30'], '--as-of must be a date as YYYY-MM-DD'],
    [['summary', 'register.csv', '--as-of', '30/09/2024'], '--as-of must be a date as YYYY-MM-DD'],
    [['summary', 'register.csv', '--limit', '0'], '--limit must be a whole number'],
    [['summary', 'register.csv', '--format', 'xlsx'], '--format must be csv, json or ctf'],
    [['summary', 'register.csv', '--mapping', 'capita'], '--mapping must be one of generic, arbor'],
    [['summary', 'register.csv', '--fail-on', 'stage>=3'], '--fail-on stage>=N does not apply to summary'],
    [['escalation', 'register.csv', '--fail-on', 'stage>=100'], 'Unknown --fail-on condition "stage>=100"'],
    [['summary', 'register.csv', 'other.csv'], 'summary reads one register file; received 2'],
    [['summary', 'register.csv', '--policy', 'strict'], 'Unknown attendance policy "strict"'],
    [['summary', 'register.txt'], 'Cannot tell the format of "register.txt"'],
    [['summary', 'register.csv', '--pupil', 'NOBODY'], 'No pupil NOBODY in register.csv'],
    [['lateness', 'register.csv'], 'give --calendar FILE'],
  ])('%j', async (argv, message) => {
    const result = await runCli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/Run "school-attendance( \w+)? --help" for usage\./);
  });

  test('--format overrides the extension', async () => {
    const result = await runCli(['summary', 'register.txt', '--format', 'csv', '--json'], {
      'register.txt': DEFAULT_FILES['register.csv']!,
    });
    expect(result.code).toBe(0);
  });
});

describe('bad files exit with 2, naming the file', () => {
  test('a register that does not exist', async () => {
    const result = await runCli(['summary', 'nowhere.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Cannot read the register "nowhere.csv": there is no such file.');
    // Reported as a missing file, not as malformed input found to be "ENOENT".
    expect(result.stderr).toContain('[file_not_found]');
    expect(result.stderr).not.toContain('ENOENT');
    expect(result.stderr).not.toContain('malformed_input');
  });

  test('a calendar that is not JSON, naming its line', async () => {
    const result = await runCli(['penalty', 'register.csv', '--calendar', 'calendar.txt'], {
      'calendar.txt': '{\n  "name": "broken",\n  "years": [\n}\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'calendar.txt:4: error: The school calendar "calendar.txt" is not valid JSON:'
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  test('a calendar that is JSON but not a valid calendar, naming the field', async () => {
    const result = await runCli(['penalty', 'register.csv', '--calendar', 'calendar.json'], {
      'calendar.json': JSON.stringify({ name: 'One half-term', years: [{ name: '2024/25', halfTerms: [] }] }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('calendar.json (years.0.halfTerms)');
  });

  test('a column mapping file that names no pupil column', async () => {
    const result = await runCli(['summary', 'register.csv', '--mapping', 'columns.json'], {
      'columns.json': JSON.stringify({ date: 'date', session: 'session', code: 'code' }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('columns.json');
    expect(result.stderr).toContain('mapping.pupilId');
  });

  test('a custom column mapping file is used to read the register', async () => {
    const csv = 'Adno,Day,Reg,Mark\nA1,03/09/2024,Morning,/\nA1,03/09/2024,Afternoon,O\n';
    const result = await runCli(['summary', 'export.csv', '--json', '--mapping', 'columns.json'], {
      'export.csv': csv,
      'columns.json': JSON.stringify({ pupilId: 'Adno', date: 'Day', session: 'Reg', code: 'Mark' }),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      pupils: [{ pupilId: 'A1', possible: 2, attended: 1, unauthorised: 1 }],
    });
  });
});

describe('progress and streams', () => {
  test('draws a progress bar on stderr only when stderr is a terminal, and clears it', async () => {
    const terminal = await runCli(['summary', 'register.csv', '--json'], {}, { stderr: true });
    expect(terminal.code).toBe(0);
    expect(terminal.stderr).toContain('Reading register.csv [');
    expect(terminal.stderr).toContain('100 %');
    expect(terminal.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(JSON.parse(terminal.stdout)).toMatchObject({ pupilCount: 5 });
    expect((await runCli(['summary', 'register.csv', '--no-progress'], {}, { stderr: true })).stderr).toBe(
      ''
    );
    expect((await runCli(['summary', 'register.csv', '--quiet'], {}, { stderr: true })).stderr).toBe('');
    expect((await runCli(['summary', 'register.csv'], {}, { stderr: false })).stderr).toBe('');
  });

  test('a failure that is not the input’s exits with 3 and says so', async () => {
    const io = createMemoryIo(DEFAULT_FILES);
    const broken = {
      ...io,
      stdout: {
        write: () => {
          throw new Error('disk full');
        },
      },
    };
    expect(await run(['summary', 'register.csv'], broken)).toBe(3);
    expect(io.stderrText()).toContain('internal error, please report it');
    expect(io.stderrText()).toContain('disk full');
  });
});
