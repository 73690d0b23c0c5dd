import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { FIVE_PUPILS, registerCsv } from './_support/registers.js';

// These run the tool as built for the package (`node dist/cli.js …`), as a user's shell would, on the sample
// trust register in examples/data and on the test fixtures. The sample's figures are those its README documents
// (examples/data/README.md, "Sample trust register"), computed by its generator.

const root = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = 'examples/data/sample-trust-register.csv';
const CALENDAR = 'examples/calendars/example-la-2024-2026.json';
// The machine may be busy; a whole-trust run takes a few seconds.
const TIMEOUT = 60_000;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...argv: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [inject('cliPath'), ...argv],
      { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      }
    );
  });
}

let fixtures: string;
beforeAll(async () => {
  fixtures = await mkdtemp(join(tmpdir(), 'school-attendance-cli-'));
  await writeFile(join(fixtures, 'five.csv'), registerCsv(FIVE_PUPILS));
});
afterAll(async () => {
  await rm(fixtures, { recursive: true, force: true });
});

describe('the built binary', () => {
  test('starts with a shebang and prints its version', async () => {
    const source = await readFile(inject('cliPath'), 'utf8');
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test(
    'summary --json over the sample trust register gives its documented figures, overall as sums over sums',
    async () => {
      const result = await cli('summary', SAMPLE, '--calendar', CALENDAR, '--policy', 'trust', '--json');
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const json = JSON.parse(result.stdout) as {
        pupilCount: number;
        asOf: string;
        pupils: { possible: number; attended: number }[];
        overall: { possible: number; attended: number; persistentAbsentees: number; severelyAbsent: number };
      };
      expect(json.pupilCount).toBe(280);
      expect(json.asOf).toBe('2025-07-22');
      expect(json.overall).toMatchObject({
        possible: 105_430,
        attended: 98_264,
        persistentAbsentees: 58,
        severelyAbsent: 4,
      });
      expect(json.pupils.reduce((sum, pupil) => sum + pupil.possible, 0)).toBe(json.overall.possible);
      expect(json.pupils.reduce((sum, pupil) => sum + pupil.attended, 0)).toBe(json.overall.attended);
    },
    TIMEOUT
  );

  test(
    'persistent --csv lists the 58 persistent absentees, the 4 severe first, highest rate first',
    async () => {
      const result = await cli('persistent', SAMPLE, '--csv');
      expect(result.code).toBe(0);
      const rows = parse<Record<string, string>>(result.stdout, { columns: true });
      expect(rows).toHaveLength(58);
      expect(rows.filter((row) => row['class'] === 'severe')).toHaveLength(4);
      expect(rows.slice(0, 4).every((row) => row['class'] === 'severe')).toBe(true);
      for (const [index, row] of rows.entries()) {
        const next = rows[index + 1];
        if (next === undefined) break;
        // a/b >= c/d  ⇔  a·d >= c·b, in whole sessions.
        expect(Number(row['absent']) * Number(next['possible'])).toBeGreaterThanOrEqual(
          Number(next['absent']) * Number(row['possible'])
        );
      }
    },
    TIMEOUT
  );

  test(
    'penalty counts 48 pupils over the national threshold and 42 over the trust rule',
    async () => {
      const national = await cli('penalty', SAMPLE, '--calendar', CALENDAR, '--limit', '3');
      expect(national.code).toBe(0);
      expect(national.stdout).toContain('48 pupils of 280 reached the threshold.');
      expect(national.stdout).toContain('… and 45 more pupils');
      const trust = await cli('penalty', SAMPLE, '--calendar', CALENDAR, '--policy', 'trust', '--json');
      expect((JSON.parse(trust.stdout) as { reachedCount: number }).reachedCount).toBe(42);
    },
    TIMEOUT
  );

  test(
    'escalation --as-of gives the documented stages on the last day, and exact stages on the fixture',
    async () => {
      const sample = await cli(
        'escalation',
        SAMPLE,
        '--calendar',
        CALENDAR,
        '--as-of',
        '2025-07-22',
        '--json'
      );
      expect(sample.code).toBe(0);
      // Trust stages with the national penalty rule (the default policy).
      expect((JSON.parse(sample.stdout) as { stageCounts: unknown }).stageCounts).toEqual({
        0: 166,
        1: 12,
        2: 4,
        3: 8,
        4: 39,
        5: 51,
      });
      // The five pupils of test/cli/_support/registers.ts as of 20 September 2024 (see escalation.test.ts).
      const five = await cli(
        'escalation',
        join(fixtures, 'five.csv'),
        '--calendar',
        'test/cli/fixtures/calendar-2024-25.json',
        '--as-of',
        '2024-09-20',
        '--csv'
      );
      expect(five.code).toBe(0);
      const rows = parse<Record<string, string>>(five.stdout, { columns: true });
      expect(rows.map((row) => [row['pupil_id'], row['stage'], row['since']])).toEqual([
        ['SEVERE', '4', '2024-09-13'],
        ['EXACT10', '1', '2024-09-20'],
        ['BELOW10', '1', '2024-09-20'],
        ['LATE', '1', '2024-09-20'],
        ['FULL', '0', ''],
      ]);
    },
    TIMEOUT
  );

  test(
    'check on a broken file exits with 2 and names each problem by file and line',
    async () => {
      const result = await cli('check', 'test/cli/fixtures/broken-register.csv');
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('8 rows read, 4 used, 4 rejected');
      expect(result.stdout).toMatch(/^test\/cli\/fixtures\/broken-register\.csv:3 +error +unknown_code/m);
      expect(result.stdout).toMatch(/^test\/cli\/fixtures\/broken-register\.csv:7 +error +duplicate_mark/m);
      const summary = await cli('summary', 'test/cli/fixtures/broken-register.csv');
      expect(summary.code).toBe(2);
      expect(summary.stdout).toBe('');
      expect(summary.stderr).toContain('test/cli/fixtures/broken-register.csv:4: error:');
      expect(summary.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT
  );

  test(
    '--fail-on exits with 1 on a finding and 0 without one; usage errors exit with 2',
    async () => {
      const severe = await cli('persistent', SAMPLE, '--fail-on', 'severe', '--quiet');
      expect(severe.code).toBe(1);
      const fixtureRun = await cli(
        'summary',
        join(fixtures, 'five.csv'),
        '--fail-on',
        'severe',
        '--pupil',
        'FULL'
      );
      expect(fixtureRun.code).toBe(0);
      const usage = await cli('summary', SAMPLE, '--as-of', 'yesterday');
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('--as-of must be a date as YYYY-MM-DD');
      const missing = await cli('summary', 'no-such-register.csv');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain(
        'Cannot read the register "no-such-register.csv": there is no such file.'
      );
    },
    TIMEOUT
  );
});
