/**
 * The whole command-line tool as a user runs it: `summary` and then `penalty` on the CSV, each a child process
 * with `--json`, timed from spawn to exit. Their JSON becomes figure columns: the counts and absence class come
 * from `summary`; the first date and window maximum from `penalty`, which lists only the pupils who reached the
 * threshold, so the maximum of the others is `NOT_REPORTED` (their first date is none).
 *
 * By default the CLI runs from source (`node --import tsx src/cli/bin.ts`), the code the other paths measure;
 * `BENCH_CLI=dist/cli.js` runs the built one instead (`npm run build`). Node's default heap limit applies, as
 * for a user.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABSENCE_CLASS, createPupilFigures, NOT_REPORTED, toDateNumber } from './figures.js';
import type { PupilFigures } from './figures.js';
import type { ProcessUsage } from './reportUsage.js';

const SOURCE_ENTRY = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const USAGE_REPORTER = fileURLToPath(new URL('./reportUsage.ts', import.meta.url));

/** One CLI command's run. */
export interface CliCommandRun {
  readonly command: 'summary' | 'penalty' | 'escalation';
  readonly seconds: number;
  readonly usage: ProcessUsage | undefined;
}

export interface CliRun {
  readonly figures: PupilFigures;
  readonly commands: readonly CliCommandRun[];
  /** How the CLI was started, for the report. */
  readonly entry: string;
}

/** The parts of `summary --json` read here. */
interface SummaryJson {
  readonly pupilCount: number;
  readonly pupils: readonly {
    readonly pupilId: string;
    readonly possible: number;
    readonly attended: number;
    readonly authorised: number;
    readonly unauthorised: number;
    readonly absent: number;
    readonly persistentAbsence: boolean;
    readonly severeAbsence: boolean;
  }[];
}

/** The parts of `penalty --json` read here. */
interface PenaltyJson {
  readonly pupilCount: number;
  readonly pupils: readonly {
    readonly pupilId: string;
    readonly reachedOn: string;
    readonly maximumInAWindow: number;
  }[];
}

/** The CLI's entry point: `BENCH_CLI` if set, else the source. */
function cliEntry(): string {
  const built = process.env['BENCH_CLI'];
  return built === undefined || built === '' ? SOURCE_ENTRY : resolve(built);
}

/** Runs one command with its stdout in a file; resolves with the wall time and the process's own usage. */
async function runCommand(
  command: CliCommandRun['command'],
  args: readonly string[],
  folder: string
): Promise<{ run: CliCommandRun; output: string }> {
  const outputFile = join(folder, `cli-${command}.json`);
  const usageFile = join(folder, `cli-${command}.usage.json`);
  rmSync(usageFile, { force: true });
  const stdout = openSync(outputFile, 'w');
  const start = performance.now();
  const exitCode = await new Promise<number | null>((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', USAGE_REPORTER, cliEntry(), command, ...args],
      { stdio: ['ignore', stdout, 'inherit'], env: { ...process.env, BENCH_USAGE_FILE: usageFile } }
    );
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  const seconds = (performance.now() - start) / 1000;
  closeSync(stdout);
  if (exitCode !== 0) throw new Error(`the CLI's ${command} exited with ${String(exitCode)}`);
  let usage: ProcessUsage | undefined;
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ProcessUsage;
  } catch {
    usage = undefined;
  }
  const output = readFileSync(outputFile, 'utf8');
  rmSync(outputFile, { force: true });
  return { run: { command, seconds, usage }, output };
}

/**
 * Runs `summary` then `penalty` with the national rule (policy `dfe`, the default) and reads their figures.
 *
 * @param folder - A folder for the commands' output files.
 */
export async function runCli(
  csvFile: string,
  calendarFile: string,
  pupilIds: readonly string[],
  folder: string
): Promise<CliRun> {
  const args = [csvFile, '--calendar', calendarFile, '--json', '--quiet'];
  const summary = await runCommand('summary', args, folder);
  const summaryJson = JSON.parse(summary.output) as SummaryJson;
  const penalty = await runCommand('penalty', args, folder);
  const penaltyJson = JSON.parse(penalty.output) as PenaltyJson;
  // Escalation is timed only: no other path computes it. Its target is at most twice summary's time.
  const escalation = await runCommand('escalation', args, folder);

  const indexOf = new Map(pupilIds.map((pupilId, index) => [pupilId, index]));
  const pupilIndex = (pupilId: string): number => {
    const index = indexOf.get(pupilId);
    if (index === undefined) throw new Error(`the CLI reported pupil ${pupilId}, who was not generated`);
    return index;
  };
  if (summaryJson.pupilCount !== pupilIds.length || penaltyJson.pupilCount !== pupilIds.length) {
    throw new Error(
      `the CLI counted ${summaryJson.pupilCount} pupils (summary) and ${penaltyJson.pupilCount} (penalty), ` +
        `not ${pupilIds.length}`
    );
  }
  const figures = createPupilFigures(pupilIds.length);
  figures.maximumInWindow.fill(NOT_REPORTED);
  for (const pupil of summaryJson.pupils) {
    const index = pupilIndex(pupil.pupilId);
    figures.possible[index] = pupil.possible;
    figures.attended[index] = pupil.attended;
    figures.authorised[index] = pupil.authorised;
    figures.unauthorised[index] = pupil.unauthorised;
    figures.absent[index] = pupil.absent;
    figures.absenceClass[index] = pupil.severeAbsence
      ? ABSENCE_CLASS.severe
      : pupil.persistentAbsence
        ? ABSENCE_CLASS.persistent
        : ABSENCE_CLASS.none;
  }
  for (const pupil of penaltyJson.pupils) {
    const index = pupilIndex(pupil.pupilId);
    figures.firstReached[index] = toDateNumber(pupil.reachedOn);
    figures.maximumInWindow[index] = pupil.maximumInAWindow;
  }
  return { figures, commands: [summary.run, penalty.run, escalation.run], entry: cliEntry() };
}
