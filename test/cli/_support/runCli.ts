import { run } from '../../../src/cli/run.js';
import type { ExitCode } from '../../../src/cli/types.js';
import { createMemoryIo, fixture } from './memoryIo.js';
import { FIVE_PUPILS, registerCsv } from './registers.js';

/** What a run of the tool gave. */
export interface CliResult {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

/** The files every in-process run can read: the five-pupil register and the test calendar. */
export const DEFAULT_FILES: Readonly<Record<string, string>> = {
  'register.csv': registerCsv(FIVE_PUPILS),
  'calendar.json': fixture('calendar-2024-25.json'),
};

/** Runs the tool in-process over in-memory files (the defaults plus `files`). */
export async function runCli(
  argv: readonly string[],
  files: Readonly<Record<string, string>> = {},
  terminals: { readonly stdout?: boolean; readonly stderr?: boolean } = {}
): Promise<CliResult> {
  const io = createMemoryIo({ ...DEFAULT_FILES, ...files }, terminals);
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** The cells of the table line that starts with `first`, split on runs of two or more spaces. */
export function tableRow(stdout: string, first: string): string[] {
  const line = stdout.split('\n').find((candidate) => candidate.startsWith(`${first} `));
  if (line === undefined) throw new Error(`No table line starts with "${first}".\n${stdout}`);
  return line.trim().split(/ {2,}/);
}
