import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openDuckDb, openPglite } from '../sql/_engines.js';
import type { SqlEngine, SqlValue } from '../sql/_engines.js';
import { createMemoryIo, fixture } from './_support/memoryIo.js';
import { FIVE_PUPILS, registerCsv } from './_support/registers.js';
import { runCli } from './_support/runCli.js';
import { run } from '../../src/cli/run.js';

// `school-attendance sql`: the rules compiled to a script for DuckDB or PostgreSQL. The script itself is the SQL
// generator's (tested against the library in test/sql); here, that the command passes every option on, writes
// where it is told, refuses what it should, and that what it writes runs and gives the documented figures.

const HEADER = '-- The attendance rules of schools in England, compiled to';
const ON_CALENDAR = ['sql', '--calendar', 'calendar.json'] as const;

describe('sql writes the script', () => {
  test('to stdout for DuckDB by default, with its header and the policy\u2019s thresholds and rule', async () => {
    const result = await runCli([...ON_CALENDAR, '--policy', 'trust']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith(`${HEADER} DuckDB SQL by school-attendance.\n`)).toBe(true);
    expect(result.stdout).toContain(
      '-- Policy "hcat-trust", band table "hcat-attendance", calendar "Test calendar 2024/25".'
    );
    // Persistent (10 %) and severe (50 %) absence, compared in whole numbers on the unrounded rate.
    expect(result.stdout).toContain('absent * 10000 - 1000 * possible >= 0) AS persistent_absence');
    expect(result.stdout).toContain('absent * 10000 - 5000 * possible >= 0) AS severe_absence');
    // The trust's penalty-notice rule: 10 sessions of O, U or G within 12 calendar weeks.
    expect(result.stdout).toContain("('penalty_notice', 12, 'calendar-weeks', 10, 'O U G', NULL);");
    // Every mark counts until the as-of date is changed.
    expect(result.stdout).toContain(`INSERT INTO "sa_parameters" VALUES (DATE '9999-12-31');`);
    expect(result.stdout.endsWith(';\n')).toBe(true);
  });

  test('with the thresholds of a policy file and of a preset', async () => {
    const file = await runCli([...ON_CALENDAR, '--policy', 'policy.json'], {
      'policy.json': fixture('policy-more-than.json'),
    });
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toContain('absent * 10000 - 1000 * possible > 0) AS persistent_absence');
    const historic = await runCli([...ON_CALENDAR, '--policy', 'dfe-2010-to-2015']);
    expect(historic.stdout).toContain('absent * 10000 - 1500 * possible >= 0) AS persistent_absence');
    // The national rule by default: G, N, O, U within 10 school weeks, counted from 19 August 2024.
    const national = await runCli([...ON_CALENDAR]);
    expect(national.stdout).toContain(
      "('penalty_notice', 10, 'school-weeks', 10, 'G N O U', DATE '2024-08-19');"
    );
  });

  test('--dialect postgres writes PostgreSQL', async () => {
    const duckdb = await runCli([...ON_CALENDAR, '--dialect', 'duckdb']);
    const postgres = await runCli([...ON_CALENDAR, '--dialect', 'postgres']);
    expect(postgres.code, postgres.stderr).toBe(0);
    expect(postgres.stdout).not.toBe(duckdb.stdout);
    expect(postgres.stdout.startsWith(`${HEADER} PostgreSQL SQL by school-attendance.\n`)).toBe(true);
    expect(postgres.stdout).toContain('SET standard_conforming_strings = on;');
    expect(postgres.stdout).toContain('day_kind TEXT NOT NULL');
    expect(postgres.stdout).not.toContain('bitstring_agg');
    expect(duckdb.stdout).toContain('day_kind VARCHAR NOT NULL');
    expect(duckdb.stdout).toBe((await runCli([...ON_CALENDAR])).stdout);
  });

  test('passes the marks table, its date type and order, the output schema and prefix, duplicates and as-of on', async () => {
    const result = await runCli([
      ...ON_CALENDAR,
      '--marks-table',
      'school.register',
      '--date-type',
      'text',
      '--order-column',
      'line',
      '--schema',
      'reports',
      '--prefix',
      'att_',
      '--duplicates',
      'precedence',
      '--as-of',
      '2025-02-14',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('FROM "school"."register" AS m;');
    expect(result.stdout).toContain('m."line" AS mark_order');
    // Text dates are checked to be real days before they are read as dates.
    expect(result.stdout).toMatch(/CASE WHEN length\(m\."date"\) = 10/);
    expect(result.stdout).toContain('CREATE VIEW "reports"."att_pupil_figures" AS');
    expect(result.stdout).toContain(`INSERT INTO "reports"."att_parameters" VALUES (DATE '2025-02-14');`);
    expect(result.stdout).toContain("'duplicate_mark_resolved'");
    expect(result.stdout).not.toContain('"sa_');
  });

  test("--unique-sessions trusts the table's key and leaves the duplicate check out", async () => {
    const result = await runCli([...ON_CALENDAR, '--unique-sessions']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('rules out a second mark for a session');
    expect(result.stdout).not.toContain('bitstring_agg');
    expect((await runCli([...ON_CALENDAR])).stdout).toContain('bitstring_agg');
  });

  test('names are quoted identifiers: nothing given can end a statement', async () => {
    const result = await runCli([...ON_CALENDAR, '--marks-table', 'x"; DROP TABLE pupils; --']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('FROM "x""; DROP TABLE pupils; --" AS m;');
  });

  test('-o writes the file, says so on stderr and writes nothing to stdout; --quiet says nothing', async () => {
    const io = createMemoryIo({ 'calendar.json': fixture('calendar-2024-25.json') });
    expect(await run([...ON_CALENDAR, '-o', 'rules.sql'], io)).toBe(0);
    expect(io.stdoutText()).toBe('');
    expect(io.fileText('rules.sql')).toBe((await runCli([...ON_CALENDAR])).stdout);
    expect(io.stderrText()).toBe(
      'school-attendance: wrote the DuckDB script to rules.sql (policy dfe, calendar Test calendar 2024/25): run it once, then query "sa_pupil_figures", "sa_pupil_windows", "sa_issues" and "sa_cohort".\n'
    );
    const quiet = createMemoryIo({ 'calendar.json': fixture('calendar-2024-25.json') });
    expect(await run([...ON_CALENDAR, '--dialect', 'postgres', '--output', 'pg.sql', '-q'], quiet)).toBe(0);
    expect(quiet.fileText('pg.sql')?.startsWith(`${HEADER} PostgreSQL`)).toBe(true);
    expect(quiet.stdoutText() + quiet.stderrText()).toBe('');
  });

  test('sql --help gives its options and examples; the general help lists it', async () => {
    const help = await runCli(['sql', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: school-attendance sql --calendar FILE \[options\]\n/);
    for (const option of [
      '--dialect duckdb|postgres',
      '--marks-table NAME',
      '--date-type date|text',
      '-o, --output FILE',
    ]) {
      expect(help.stdout).toContain(`  ${option}  `);
    }
    expect(help.stdout).not.toContain('--fail-on conditions');
    expect(help.stdout).toContain('Examples:\n  school-attendance sql --calendar calendar.json');
    expect((await runCli(['help', 'sql'])).stdout).toBe(help.stdout);
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}sql +Write the rules as a SQL script/m);
  });
});

describe('sql refuses, with exit code 2 and nothing on stdout', () => {
  test.each([
    [['--dialect', 'oracle'], '--dialect must be duckdb or postgres; received "oracle".'],
    [['--date-type', 'timestamp'], '--date-type must be date or text; received "timestamp".'],
    [['--duplicates', 'first'], '--duplicates must be error or precedence; received "first".'],
    [['--as-of', '2025-02-30'], '--as-of must be a date as YYYY-MM-DD naming a real day'],
    [['--marks-table', 'db.school.marks'], "--marks-table must be a table's name, or SCHEMA.NAME"],
    [['--schema', ''], '--schema must not be empty.'],
    [['-o', ''], '-o must not be empty.'],
    // Refused by compileRulesToSql, and reported as the option's mistake.
    [
      ['--prefix', 'Reports-'],
      '--prefix: expected a prefix of lower-case letters, digits and underscores (at most 24); received "Reports-".',
    ],
    [['--marks-table', 'm'.repeat(64)], '--marks-table: expected a name of at most 63 bytes; received'],
    [['--order-column', 'line\u0007'], '--order-column: expected a name without control characters'],
    [
      ['register.csv'],
      'sql reads no register file: the script it writes reads the marks table in the database',
    ],
    [['--json'], '--json does not apply to sql.'],
    [['--policy', 'strict'], 'Unknown attendance policy "strict"'],
  ])('%j', async (argv, message) => {
    const result = await runCli([...ON_CALENDAR, ...argv]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`school-attendance: ${message}`);
    expect(result.stderr).toMatch(/Run "school-attendance( sql)? --help" for usage\./);
  });

  test('without --calendar', async () => {
    const result = await runCli(['sql', '--policy', 'trust']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give --calendar FILE.');
  });

  test('a calendar or policy file with problems, reported as for the other commands', async () => {
    const calendar = await runCli(['sql', '--calendar', 'nowhere.json']);
    expect(calendar.code).toBe(2);
    expect(calendar.stdout).toBe('');
    expect(calendar.stderr).toContain('school-attendance: 1 problem in the input:\n');
    expect(calendar.stderr).toContain(
      'Cannot read the school calendar "nowhere.json": there is no such file.'
    );
    const policy = await runCli([...ON_CALENDAR, '--policy', 'policy.json'], {
      'policy.json': fixture('policy-invalid.json'),
    });
    expect(policy.code).toBe(2);
    expect(policy.stderr).toMatch(/^school-attendance: \d+ problems? in the input:\n {2}policy\.json \(/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The built binary, as a shell runs it: -o writes a real file, and the SQL generator is loaded only by `sql`.

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [inject('cliPath'), ...argv], { cwd: root }, (error, stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
        stdout,
        stderr,
      });
    });
  });
}

describe('the built binary', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'school-attendance-sql-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  const CALENDAR = 'examples/calendars/example-la-2024-2026.json';

  test('-o writes the script to a file, the same as stdout, and leaves nothing else beside it', async () => {
    const file = join(directory, 'rules.sql');
    const written = await cli('sql', '--calendar', CALENDAR, '--policy', 'trust', '-o', file, '--quiet');
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    const printed = await cli('sql', '--calendar', CALENDAR, '--policy', 'trust');
    expect(await readFile(file, 'utf8')).toBe(printed.stdout);
    expect(await readdir(directory)).toEqual(['rules.sql']);
  }, 60_000);

  test('a file that cannot be written is a problem naming it', async () => {
    const file = join(directory, 'no-such-directory', 'rules.sql');
    const result = await cli('sql', '--calendar', CALENDAR, '-o', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Cannot write the SQL script "${file}": its directory does not exist`);
  }, 60_000);

  test('the SQL generator is a chunk of its own, loaded only by sql', async () => {
    const cliSource = await readFile(inject('cliPath'), 'utf8');
    expect(cliSource).not.toContain('bitstring_agg');
    expect(cliSource).toMatch(/await import\("\.\/sql-[\w-]+\.js"\)/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// End to end: the script the command writes, run on DuckDB and on PGlite (PostgreSQL) over the five-pupil
// register, gives the figures documented in test/cli/_support/registers.ts.

const MARK_COLUMNS = [
  { name: 'pupil_id', type: 'text' },
  { name: 'date', type: 'date' },
  { name: 'session', type: 'text' },
  { name: 'code', type: 'text' },
] as const;

/** The five pupils' marks, as the rows of the long CSV the other commands read. */
function fivePupilRows(): SqlValue[][] {
  const [, ...lines] = registerCsv(FIVE_PUPILS).trimEnd().split('\n');
  return lines.map((line) => line.split(',').slice(0, 4));
}

describe.each([
  ['duckdb', openDuckDb],
  ['postgres', openPglite],
] as const)('the script for %s, run over the five-pupil register', (dialect, open) => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await open();
    await engine.load('marks', MARK_COLUMNS, fivePupilRows());
    const result = await runCli([...ON_CALENDAR, '--dialect', dialect]);
    expect(result.code, result.stderr).toBe(0);
    await engine.exec(result.stdout);
  }, 120_000);
  afterAll(async () => {
    await engine.close();
  });

  test('gives each pupil\u2019s figures, the penalty-notice window and the cohort', async () => {
    const [exact] = await engine.query(
      `SELECT possible, attended, absent, authorised, persistent_absence, absence_class FROM sa_pupil_figures WHERE pupil_id = 'EXACT10'`
    );
    expect(exact).toEqual({
      possible: 380,
      attended: 342,
      absent: 38,
      authorised: 38,
      persistent_absence: true,
      absence_class: 'persistent',
    });
    const [below] = await engine.query(
      `SELECT possible, absent, not_possible, persistent_absence FROM sa_pupil_figures WHERE pupil_id = 'BELOW10'`
    );
    expect(below).toEqual({ possible: 381, absent: 38, not_possible: 1, persistent_absence: false });
    const [severe] = await engine.query(
      `SELECT reached, first_reached_date, first_reached_session FROM sa_pupil_windows WHERE pupil_id = 'SEVERE'`
    );
    expect(severe).toEqual({ reached: true, first_reached_date: '2024-09-09', first_reached_session: 'PM' });
    const [cohort] = await engine.query(
      'SELECT enrolments, possible, attended, authorised, unauthorised, persistent_absentees, severe_absentees FROM sa_cohort'
    );
    expect(cohort).toEqual({
      enrolments: 5,
      possible: 1901,
      attended: 1625,
      authorised: 76,
      unauthorised: 200,
      persistent_absentees: 2,
      severe_absentees: 1,
    });
    expect(await engine.query('SELECT count(*) AS issues FROM sa_issues')).toEqual([{ issues: 0 }]);
  });

  test('counts up to a new as-of date once it is set', async () => {
    // The first four school days, 3 to 6 September 2024: SEVERE's eight sessions are all O.
    await engine.exec(`UPDATE sa_parameters SET as_of = DATE '2024-09-06'`);
    const [severe] = await engine.query(
      `SELECT possible, unauthorised, severe_absence FROM sa_pupil_figures WHERE pupil_id = 'SEVERE'`
    );
    expect(severe).toEqual({ possible: 8, unauthorised: 8, severe_absence: true });
  });
});
