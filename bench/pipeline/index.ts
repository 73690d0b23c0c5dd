/**
 * The pipeline benchmark: every pupil's figures (possible, attended, authorised, unauthorised, absent, absence
 * class, the most G/N/O/U sessions within 10 school weeks and the date that count first reached 10), computed
 * by the library's paths beside a hand-written typed-array loop and DuckDB, in one run, on one synthetic
 * register. Every path's figures are checked against the typed loop's and DuckDB's; any difference, or a path
 * that fails, makes the run exit with 1.
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/pipeline/index.ts
 *
 * Settings (environment):
 * - `BENCH_PUPILS`: pupils in the register (default 100,000, about 38 million marks; 2,000 is a quick check);
 * - `BENCH_SEED`: the generator's seed (default 20240902);
 * - `BENCH_ROUNDS`: rounds of the in-memory paths and warm DuckDB queries, best reported (default 5);
 * - `BENCH_PATHS`: a comma-separated list of path names to run (the references always run);
 * - `BENCH_REGENERATE=1`: generate the input again rather than reuse the cached one;
 * - `BENCH_CLI`: a built CLI to run (e.g. `dist/cli.js`) instead of `src/cli/bin.ts`.
 *
 * Each path runs in its own child process (runPath.ts), one after another, so each peak RSS is that path's.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareFigures, describeComparison } from './compare.js';
import { readFigures } from './figures.js';
import type { PupilFigures } from './figures.js';
import { ensureInput, loadCompactInput } from './generate.js';
import { PATHS } from './paths.js';
import type { BenchPath } from './paths.js';
import type { PathReport } from './runPath.js';
import { formatTable } from './table.js';
import type { TableRow } from './table.js';
import { wholeNumberSetting } from './settings.js';

const RUN_PATH = fileURLToPath(new URL('./runPath.ts', import.meta.url));
const CHILD_FLAGS = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx'];
const GB = 1024 ** 3;

const PUPILS = wholeNumberSetting('BENCH_PUPILS', 100_000);
const SEED = wholeNumberSetting('BENCH_SEED', 20240902);
const ROUNDS = wholeNumberSetting('BENCH_ROUNDS', 5);

function log(line: string): void {
  console.error(line);
}

/** The command that started this run, with the BENCH_ settings, as it could be typed again. */
function commandLine(): string {
  const settings = Object.entries(process.env)
    .filter(([key, value]) => key.startsWith('BENCH_') && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`);
  const script = relative(process.cwd(), process.argv[1] ?? RUN_PATH);
  return [...settings, 'node', ...process.execArgv, script].join(' ');
}

function machineLines(): string[] {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  return [
    `machine: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / GB).toFixed(0)} GB; ` +
      `Node ${process.version}, ${process.platform} ${release()} ${process.arch}; load average ${load}`,
    `command: ${commandLine()}`,
  ];
}

/** What running one path gave. */
type Outcome =
  | {
      readonly path: BenchPath;
      readonly ok: true;
      readonly report: PathReport;
      readonly figures: PupilFigures;
    }
  | { readonly path: BenchPath; readonly ok: false; readonly error: string };

/** Runs a path in a child process and reads back its report and figures. */
async function runPathInChild(path: BenchPath, folder: string, resultFile: string): Promise<Outcome> {
  rmSync(resultFile, { force: true });
  let stdout = '';
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...CHILD_FLAGS, RUN_PATH, path.name, folder, resultFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_ROUNDS: String(ROUNDS) },
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  if (exitCode !== 0 || lastLine === '' || !existsSync(resultFile)) {
    return { path, ok: false, error: `the child process exited with ${String(exitCode)}` };
  }
  return { path, ok: true, report: JSON.parse(lastLine) as PathReport, figures: readFigures(resultFile) };
}

for (const line of machineLines()) console.log(line);

const input = await ensureInput(PUPILS, SEED, log);
const { pupilIds } = loadCompactInput(input.folder);
console.log(
  `input: ${PUPILS.toLocaleString('en-GB')} pupils, ${input.marks.toLocaleString('en-GB')} marks ` +
    `(${(input.marks / PUPILS).toFixed(0)} sessions each), CSV ${(input.csvBytes / 1024 ** 2).toFixed(0)} MB; ` +
    (input.generated
      ? `generated in ${input.generatorSeconds.toFixed(1)} s`
      : `reused from the cache (generated in ${input.generatorSeconds.toFixed(1)} s)`) +
    ` in ${input.folder}`
);

const wanted = process.env['BENCH_PATHS']
  ?.split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '');
const unknown = wanted?.filter((name) => !PATHS.some((path) => path.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `BENCH_PATHS names no such path: ${unknown.join(', ')}; the paths are ${PATHS.map((path) => path.name).join(', ')}`
  );
  process.exit(2);
}
const selected = PATHS.filter(
  (path) => path.reference === true || wanted === undefined || wanted.includes(path.name)
);

const resultsFolder = mkdtempSync(join(tmpdir(), 'school-attendance-pipeline-results-'));
const outcomes: Outcome[] = [];
try {
  for (const [index, path] of selected.entries()) {
    log(`[${index + 1}/${selected.length}] ${path.name} …`);
    outcomes.push(await runPathInChild(path, input.folder, join(resultsFolder, `result-${index}.bin`)));
  }
} finally {
  rmSync(resultsFolder, { recursive: true, force: true });
}

const rows: TableRow[] = [];
for (const outcome of outcomes) {
  if (!outcome.ok) continue;
  for (const timing of outcome.report.timings) {
    rows.push({
      path: timing.label,
      input: timing.input ?? outcome.path.input,
      seconds: timing.seconds,
      marks: input.marks,
      peakRssBytes: timing.peakRssBytes ?? outcome.report.maxRssBytes,
      cpuSeconds: timing.cpuSeconds,
      ...(timing.role === undefined ? {} : { role: timing.role }),
    });
  }
}
console.log('');
console.log(formatTable(rows));
console.log('');
console.log(
  'time: wall clock of the timed work (in-memory paths: best of the rounds); marks/s: all marks ÷ time; ' +
    "peak RSS: the path's process (the CLI's own processes for the CLI); × columns: time ÷ the reference's " +
    'time (above 1 is slower); input: what the timed work starts from; CPU: user + system time, all threads.'
);
for (const outcome of outcomes) {
  if (outcome.ok) for (const note of outcome.report.notes) console.log(`- ${note}`);
}

// Every path is checked against every reference that ran; the references against each other.
console.log('');
let failed = false;
const references = outcomes.filter((outcome) => outcome.ok && outcome.path.reference === true);
for (const outcome of outcomes) {
  if (!outcome.ok) {
    console.log(`FAILED ${outcome.path.name}: ${outcome.error}`);
    failed = true;
    continue;
  }
  for (const reference of references) {
    if (!reference.ok || reference === outcome) continue;
    if (outcome.path.reference === true && outcomes.indexOf(reference) > outcomes.indexOf(outcome)) continue;
    const comparison = compareFigures(
      reference.path.name,
      reference.figures,
      outcome.path.name,
      outcome.figures,
      pupilIds
    );
    for (const line of describeComparison(comparison)) console.log(line);
    if (comparison.differences > 0) failed = true;
  }
}
if (references.length === 0) {
  console.log('FAILED: no reference path ran, so nothing was checked');
  failed = true;
}
console.log(failed ? '\nFAILED: see above.' : '\nAll paths agree.');
if (failed) process.exitCode = 1;
