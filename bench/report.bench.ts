/**
 * The report beside `summary`, as a user runs them: each command a child process over the same synthetic register
 * (the pipeline benchmark's generator), timed from spawn to exit, alternating and best of `BENCH_ROUNDS`. The
 * report reads the register once through the cohort engine (as `summary` does), runs the escalation machine for
 * every pupil and draws its charts; its target is at most 3× `summary`'s time, and its file under 2 MB at 2,000
 * pupils (no pupil cards: they are drawn only when asked for). Over either target the run fails (exit 1).
 *
 * Settings: `BENCH_PUPILS` (default 2,000), `BENCH_SEED` (default 20240902), `BENCH_ROUNDS` (default 3).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALENDAR_FILE, ensureInput, loadCompactInput } from './pipeline/generate.js';
import { wholeNumberSetting } from './pipeline/settings.js';

const PUPILS = wholeNumberSetting('BENCH_PUPILS', 2_000);
const SEED = wholeNumberSetting('BENCH_SEED', 20240902);
const ROUNDS = wholeNumberSetting('BENCH_ROUNDS', 3);
const MOST_TIMES_SUMMARY = 3;
const MOST_BYTES = 2 * 1024 * 1024;

const CLI = fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url));
const PUBLISHED = fileURLToPath(
  new URL('../examples/data/dfe-pupil-attendance-ytd-sample.csv', import.meta.url)
);

/** Runs the CLI with stdout to a file; resolves with the wall time in seconds. */
async function timed(args: readonly string[], stdoutFile: string): Promise<number> {
  const stdout = openSync(stdoutFile, 'w');
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      stdio: ['ignore', stdout, 'inherit'],
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = (performance.now() - start) / 1000;
  closeSync(stdout);
  if (code !== 0) throw new Error(`school-attendance ${args[0] ?? ''} exited with ${String(code)}`);
  return seconds;
}

/** A pupil-attributes file for the register: year group, FSM and SEN, spread by the pupil's place. */
function writePupils(file: string, pupilIds: readonly string[]): void {
  const lines = ['pupil_id,year_group,fsm,sen'];
  pupilIds.forEach((pupilId, index) => {
    const sen = index % 7 === 0 ? 'K' : index % 23 === 0 ? 'E' : 'none';
    lines.push(`${pupilId},${(index % 11) + 1},${index % 4 === 0},${sen}`);
  });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const input = await ensureInput(PUPILS, SEED, (line) => {
  console.log(line);
});
const pupilsFile = join(input.folder, 'pupils.csv');
writePupils(pupilsFile, loadCompactInput(input.folder).pupilIds);
const reportFile = join(input.folder, 'report.html');
const scratch = join(input.folder, 'bench-stdout.txt');
const common = ['--calendar', CALENDAR_FILE, '--quiet', '--no-progress'];
const summaryArgs = ['summary', input.csvFile, ...common, '--json'];
const reportArgs = [
  'report',
  input.csvFile,
  ...common,
  '--pupils',
  pupilsFile,
  '--compare',
  PUBLISHED,
  '-o',
  reportFile,
];

console.log(
  `Report beside summary: ${PUPILS.toLocaleString('en-GB')} pupils, ${input.marks.toLocaleString('en-GB')} marks; each command a child process, best of ${ROUNDS} alternating runs.`
);
let summaryBest = Number.POSITIVE_INFINITY;
let reportBest = Number.POSITIVE_INFINITY;
for (let round = 0; round < ROUNDS; round += 1) {
  summaryBest = Math.min(summaryBest, await timed(summaryArgs, scratch));
  reportBest = Math.min(reportBest, await timed(reportArgs, scratch));
}
const bytes = statSync(reportFile).size;
rmSync(scratch, { force: true });
const ratio = reportBest / summaryBest;
console.log('');
console.log('| command | best time | × summary |');
console.log('|---|---:|---:|');
console.log(`| summary --json | ${summaryBest.toFixed(2)} s | 1.00× |`);
console.log(`| report (--pupils, --compare) | ${reportBest.toFixed(2)} s | ${ratio.toFixed(2)}× |`);
console.log('');
console.log(
  `Report file: ${(bytes / 1024).toFixed(0)} KiB (${((bytes / MOST_BYTES) * 100).toFixed(1)} % of the 2 MB budget).`
);
const failures = [
  ...(ratio > MOST_TIMES_SUMMARY
    ? [`the report took ${ratio.toFixed(2)}× summary's time (target: at most ${MOST_TIMES_SUMMARY}×)`]
    : []),
  ...(PUPILS <= 2_000 && bytes >= MOST_BYTES
    ? [`the report of ${PUPILS} pupils is ${bytes} bytes (target: under 2 MB)`]
    : []),
];
if (failures.length > 0) {
  console.error(`Over target: ${failures.join('; ')}.`);
  process.exitCode = 1;
}
