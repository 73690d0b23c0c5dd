/**
 * Runs one path of the pipeline benchmark in a process of its own, so that the peak resident memory it reports
 * is that path's alone:
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/pipeline/runPath.ts <path> <input folder> <result file>
 *
 * Writes the figures to the result file (figures.ts `writeFigures`) and one JSON line to stdout: the timings,
 * notes and `process.resourceUsage().maxRSS` in bytes. Progress goes to stderr. index.ts starts it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFigures } from './figures.js';
import { CALENDAR_FILE, CSV_FILE, loadCalendar, loadCompactInput } from './generate.js';
import type { CompactInput } from './generate.js';
import { findPath } from './paths.js';
import type { PathTiming } from './paths.js';

/** The JSON line runPath.ts prints. */
export interface PathReport {
  readonly path: string;
  readonly timings: readonly PathTiming[];
  readonly notes: readonly string[];
  readonly maxRssBytes: number;
}

const [name, folder, resultFile] = process.argv.slice(2);
if (name === undefined || folder === undefined || resultFile === undefined) {
  console.error('usage: runPath.ts <path> <input folder> <result file>');
  process.exit(2);
}

const path = findPath(name);
const workFolder = mkdtempSync(join(tmpdir(), 'school-attendance-pipeline-work-'));
let compact: CompactInput | undefined;
try {
  const run = await path.run({
    folder,
    csvFile: join(folder, CSV_FILE),
    calendar: loadCalendar(),
    calendarFile: CALENDAR_FILE,
    rounds: Number(process.env['BENCH_ROUNDS'] ?? 5),
    workFolder,
    compact: () => (compact ??= loadCompactInput(folder)),
    log: (line) => {
      console.error(line);
    },
  });
  writeFigures(resultFile, run.figures);
  const report: PathReport = {
    path: path.name,
    timings: run.timings,
    notes: run.notes ?? [],
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  rmSync(workFolder, { recursive: true, force: true });
}
