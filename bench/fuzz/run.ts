/**
 * `npm run fuzz` and `npm run fuzz:ci`: the fuzz suite (vitest's `fuzz` project, test/fuzz/**), then the
 * linear-time check of every importer.
 *
 * - `npm run fuzz` runs long: a random seed (printed first, so a failure can be replayed with
 *   `FUZZ_SEED=<seed> npm run fuzz`), 1,000 runs per property and a minute per property.
 * - `npm run fuzz:ci` (`--ci`) runs the fixed seed with a budget: 60 runs and at most 6 s per property.
 * - FUZZ_SEED, FUZZ_RUNS and FUZZ_TIME_LIMIT_MS override either; `--fuzz-only` and `--linear-only` run one half;
 *   arguments after `--` go to vitest (e.g. `-- test/fuzz/ctf.fuzz.ts`).
 *
 * The linear-time check times each importer on input of n and 10n bytes (n from FUZZ_LINEAR_MB, 1 MB by
 * default, doubled until the smaller input takes long enough to time), best of a few runs, and fails when
 * t(10n) > 15 · t(n). Timing is judged here and only here: no unit test is timed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LINEAR_CASES } from './linearCases.js';
import type { LinearCase } from './linearCases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const flags = dashDash === -1 ? argv : argv.slice(0, dashDash);
const vitestArgs = dashDash === -1 ? [] : argv.slice(dashDash + 1);
const ci = flags.includes('--ci');

const MAX_RATIO = 15;
const ROUNDS = Number(process.env['FUZZ_LINEAR_ROUNDS'] ?? 3);
const START_BYTES = Math.round(Number(process.env['FUZZ_LINEAR_MB'] ?? 1) * 1024 * 1024);
const MAX_START_BYTES = 4 * 1024 * 1024;
/** The smaller input must take at least this long for the ratio to mean anything on a busy machine. */
const MIN_SMALL_MS = 40;
/** And at most this long, so that the larger input (ten times as much) keeps the check to a few minutes. */
const MAX_SMALL_MS = 600;
const MIN_START_BYTES = 128 * 1024;

// A full collection between timed runs, so one run's garbage is not charged to the next.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function runFuzz(): boolean {
  const env = {
    ...process.env,
    FUZZ_SEED: process.env['FUZZ_SEED'] ?? String(ci ? 20261202 : Math.floor(Math.random() * 2 ** 31)),
    FUZZ_RUNS: process.env['FUZZ_RUNS'] ?? (ci ? '60' : '1000'),
    FUZZ_TIME_LIMIT_MS: process.env['FUZZ_TIME_LIMIT_MS'] ?? (ci ? '6000' : '60000'),
  };
  console.log(
    `fuzz: seed ${env.FUZZ_SEED}, ${env.FUZZ_RUNS} runs and at most ${env.FUZZ_TIME_LIMIT_MS} ms per property` +
      ` (replay: FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} npm run fuzz -- --fuzz-only)`
  );
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [`${root}node_modules/vitest/vitest.mjs`, 'run', '--project', 'fuzz', ...vitestArgs],
    { cwd: root, env, stdio: 'inherit' }
  );
  console.log(`fuzz: ${((performance.now() - started) / 1000).toFixed(1)} s, seed ${env.FUZZ_SEED}`);
  return result.status === 0;
}

/**
 * The least CPU time (user and system, all of the process's threads) of a few runs, in milliseconds. CPU time,
 * not wall time: on a shared machine other processes stretch the wall clock but not this process's CPU time.
 */
async function bestMs(testCase: LinearCase, input: unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round += 1) {
    gc();
    const start = process.cpuUsage();
    await testCase.run(input);
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

interface Row {
  readonly name: string;
  readonly bytes: number;
  readonly smallMs: number;
  readonly largeMs: number;
  readonly ratio: number;
}

async function timeCase(testCase: LinearCase): Promise<Row> {
  let bytes = START_BYTES;
  let smallMs = await bestMs(testCase, testCase.make(bytes));
  // Long enough to time, short enough that ten times as much finishes in reasonable time.
  while (smallMs < MIN_SMALL_MS && bytes < MAX_START_BYTES) {
    bytes *= 2;
    smallMs = await bestMs(testCase, testCase.make(bytes));
  }
  while (smallMs > MAX_SMALL_MS && bytes > MIN_START_BYTES) {
    bytes /= 2;
    smallMs = await bestMs(testCase, testCase.make(bytes));
  }
  const large = testCase.make(bytes * 10);
  const largeMs = await bestMs(testCase, large);
  return { name: testCase.name, bytes, smallMs, largeMs, ratio: largeMs / Math.max(smallMs, 0.001) };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MB`
    : `${bytes / 1024} KB`;
}

async function runLinear(): Promise<boolean> {
  console.log(
    `\nlinear time: each importer on n and 10n bytes, best of ${ROUNDS}; fails when t(10n) > ${MAX_RATIO} · t(n)\n`
  );
  const rows: Row[] = [];
  const header = ['importer and input shape', 'n', 'cpu t(n) ms', 't(10n) ms', 'ratio', ''];
  const widths = [52, 7, 11, 10, 6, 4];
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
      .join('  ');
  console.log(line(header));
  for (const testCase of LINEAR_CASES) {
    const row = await timeCase(testCase);
    rows.push(row);
    console.log(
      line([
        row.name,
        megabytes(row.bytes),
        row.smallMs.toFixed(1),
        row.largeMs.toFixed(1),
        row.ratio.toFixed(1),
        row.ratio > MAX_RATIO ? 'FAIL' : 'ok',
      ])
    );
  }
  const failed = rows.filter((row) => row.ratio > MAX_RATIO);
  console.log(
    failed.length === 0
      ? '\nlinear time: every importer within 15x'
      : `\nlinear time: ${failed.length} over 15x`
  );
  return failed.length === 0;
}

const fuzzPassed = flags.includes('--linear-only') ? true : runFuzz();
const linearPassed = flags.includes('--fuzz-only') ? true : await runLinear();
if (!fuzzPassed) console.log('fuzz: FAILED (see above; the seed is printed to replay it)');
process.exitCode = fuzzPassed && linearPassed ? 0 : 1;
