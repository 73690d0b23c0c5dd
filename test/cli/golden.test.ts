/**
 * Golden tests: the command-line tool's exact output on the bundled sample trust register, pinned byte for
 * byte, so that a rework of how the tool loads registers can show that it changes nothing.
 *
 * Each case runs the tool in-process over in-memory files (the real sample register and calendar and the
 * broken fixture, under short names) and compares its stdout with test/cli/golden/<name>.<form file>, its
 * stderr with <name>.<form>.stderr.txt (a file that exists only when stderr is not empty) and its exit code
 * with the one in the table below. The in-memory io says that neither stream is a terminal, so there is no
 * progress bar, and the output holds no timings or other changing values: nothing needs normalising.
 *
 * To regenerate the golden files after an intended change of output, run
 *
 *   UPDATE_GOLDEN=1 npx vitest run --project cli test/cli/golden.test.ts
 *
 * which writes the files instead of comparing them (and deletes those no case makes); then review
 * `git diff test/cli/golden`. Exit codes are not regenerated: change them in the table by hand.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { ExitCode } from '../../src/cli/types.js';
import { fixture } from './_support/memoryIo.js';
import { runCli } from './_support/runCli.js';

const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN = new URL('golden/', import.meta.url);

const REGISTER = 'sample-trust-register.csv';
const CALENDAR = 'la-calendar-2024-2026.json';
const BROKEN = 'broken-register.csv';

const FILES: Readonly<Record<string, string>> = {
  [REGISTER]: readFileSync(new URL('../../examples/data/sample-trust-register.csv', import.meta.url), 'utf8'),
  [CALENDAR]: readFileSync(
    new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url),
    'utf8'
  ),
  [BROKEN]: fixture('broken-register.csv'),
};

type Form = 'table' | 'json' | 'csv';

const FORM_FLAGS: Readonly<Record<Form, readonly string[]>> = { table: [], json: ['--json'], csv: ['--csv'] };
const FORM_EXTENSIONS: Readonly<Record<Form, string>> = { table: 'table.txt', json: 'json', csv: 'csv' };

interface GoldenCase {
  /** The stem of its golden files: `<name>.table.txt`, `<name>.json` or `<name>.csv`, and a stderr file. */
  readonly name: string;
  readonly form: Form;
  /** The arguments, without the output form's flag. */
  readonly argv: readonly string[];
  readonly code: ExitCode;
}

function inForms(
  name: string,
  argv: readonly string[],
  forms: readonly Form[],
  code: ExitCode = 0
): GoldenCase[] {
  return forms.map((form) => ({ name, form, argv, code }));
}

const ALL_FORMS: readonly Form[] = ['table', 'json', 'csv'];
const ON_SAMPLE = [REGISTER, '--calendar', CALENDAR, '--policy', 'trust'] as const;

const CASES: readonly GoldenCase[] = [
  // Every command in every form it has, on the sample register with its calendar and the trust policy.
  ...inForms('summary', ['summary', ...ON_SAMPLE], ALL_FORMS),
  ...inForms('persistent', ['persistent', ...ON_SAMPLE], ALL_FORMS),
  ...inForms('penalty', ['penalty', ...ON_SAMPLE], ALL_FORMS),
  ...inForms('lateness', ['lateness', ...ON_SAMPLE], ['table', 'csv']),
  // The whole lateness JSON is over 500 KB; its first 100 pupils keep the file near 200 KB.
  ...inForms('lateness-limit-100', ['lateness', ...ON_SAMPLE, '--limit', '100'], ['json']),
  ...inForms('escalation', ['escalation', ...ON_SAMPLE], ALL_FORMS),
  ...inForms('check', ['check', ...ON_SAMPLE], ALL_FORMS),

  // Other paths: no calendar, a mid-year date, the national penalty rule, --limit, --pupil with --explain.
  ...inForms('summary-no-calendar', ['summary', REGISTER, '--policy', 'trust'], ['table']),
  ...inForms(
    'penalty-as-of-2025-02-14',
    ['penalty', ...ON_SAMPLE, '--as-of', '2025-02-14'],
    ['table', 'csv']
  ),
  ...inForms(
    'penalty-dfe-as-of-2025-03-31',
    ['penalty', REGISTER, '--calendar', CALENDAR, '--as-of', '2025-03-31'],
    ['table']
  ),
  ...inForms('escalation-limit-10', ['escalation', ...ON_SAMPLE, '--limit', '10'], ['table']),
  ...inForms(
    'escalation-T0010-explain',
    ['escalation', ...ON_SAMPLE, '--as-of', '2025-01-31', '--pupil', 'T0010', '--explain'],
    ['table']
  ),
  ...inForms(
    'lateness-T0070-as-of-2024-12-20',
    ['lateness', ...ON_SAMPLE, '--as-of', '2024-12-20', '--pupil', 'T0070'],
    ['table']
  ),
  // --fail-on: exit code 1 and its line on stderr.
  ...inForms('persistent-fail-on-severe', ['persistent', ...ON_SAMPLE, '--fail-on', 'severe'], ['table'], 1),

  // A register with errors: the analysis stops with the problems on stderr; check lists them on stdout.
  ...inForms(
    'broken-summary',
    ['summary', BROKEN, '--calendar', CALENDAR, '--policy', 'trust'],
    ['table'],
    2
  ),
  ...inForms('broken-check', ['check', BROKEN, '--calendar', CALENDAR], ALL_FORMS, 2),
];

function stdoutFile(golden: GoldenCase): string {
  return `${golden.name}.${FORM_EXTENSIONS[golden.form]}`;
}

function stderrFile(golden: GoldenCase): string {
  return `${golden.name}.${golden.form}.stderr.txt`;
}

function goldenPath(file: string): URL {
  return new URL(file, GOLDEN);
}

/** Compares `actual` with the golden file, or writes it there when updating. */
function expectGolden(actual: string, file: string): void {
  if (UPDATE) {
    writeFileSync(goldenPath(file), actual);
    return;
  }
  expect.soft(actual, file).toBe(readFileSync(goldenPath(file), 'utf8'));
}

/** Like `expectGolden`, for a stream that is usually empty: no file stands for no output. */
function expectGoldenOrEmpty(actual: string, file: string): void {
  if (UPDATE && actual === '') {
    rmSync(goldenPath(file), { force: true });
    return;
  }
  if (!UPDATE && !existsSync(goldenPath(file))) {
    expect.soft(actual, `${file} (absent: no output expected)`).toBe('');
    return;
  }
  expectGolden(actual, file);
}

if (UPDATE) mkdirSync(GOLDEN, { recursive: true });

describe('golden output of the command-line tool on the sample trust register', () => {
  test.each(CASES.map((golden) => [stdoutFile(golden), golden] as const))(
    '%s',
    async (_file, golden) => {
      const result = await runCli([...golden.argv, ...FORM_FLAGS[golden.form]], FILES);
      expectGolden(result.stdout, stdoutFile(golden));
      expectGoldenOrEmpty(result.stderr, stderrFile(golden));
      expect.soft(result.code, 'exit code').toBe(golden.code);
    },
    60_000
  );

  test('every golden file belongs to one case', () => {
    expect(new Set(CASES.map(stdoutFile)).size).toBe(CASES.length);
    const expected = new Set(CASES.flatMap((golden) => [stdoutFile(golden), stderrFile(golden)]));
    const strays = readdirSync(GOLDEN).filter((file) => !file.startsWith('.') && !expected.has(file));
    if (UPDATE) for (const file of strays) rmSync(goldenPath(file));
    else expect(strays).toEqual([]);
  });
});
