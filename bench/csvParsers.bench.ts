/**
 * Which CSV parser should import long-format register CSV straight into a columnar register?
 *
 * Conclusion: the hand-written byte scanner, now src/io/long/_internal/csvByteScanner.ts. No library
 * that does the job comes within 2x of it, so the rule "keep a hand-written scanner only if no library comes
 * within 2x of it" keeps it:
 * - csv-parse (what the importer uses today) reads every tricky case right, but is 4.4x (20,000 pupils) to
 *   6.0x (100,000) slower on the best times.
 * - papaparse is 4.5x to 6.6x slower, and takes one line ending per file, guessed from the first chunk: mixed
 *   line endings fail, and so do CRLF files read in chunks too small to hold the first line break.
 * - udsv is the fastest library, 1.9x (20,000 pupils; 2.0x on the medians) to 2.4x (100,000) slower: by speed
 *   alone on the 2x line, not clearly inside it. But it cannot do this job: it drops blank lines without a
 *   trace, so every line number after one is wrong; a chunk that ends between the CR and LF after a quoted
 *   field puts the LF at the start of the next row's first field (`\nP0002`); a row short of fields swallows
 *   the next line (`5,6⏎7,8,9,10` gives one row `5 | 6⏎7 | 8 | 9,10`, with no error to report); and it takes
 *   one line ending per file. Each of these corrupts rows silently.
 *
 * 20,000 pupils: 7,800,000 rows, 186 MB; 3 rounds (load average 6.7 before, 4.2 after, on 2 shared cores)
 *   parser                    best   median   rows/s   MB/s   CPU (median)   peak RSS   ratio
 *   csv-parse               9.11 s   9.71 s    0.86M     20         9.39 s     238 MB   4.39x
 *   papaparse               9.34 s   9.47 s    0.84M     20        10.00 s     332 MB   4.50x
 *   udsv                    3.95 s   4.24 s    1.97M     47         4.19 s     261 MB   1.91x
 *   byte scanner            2.08 s   2.11 s    3.76M     90         2.09 s     185 MB   1.00x
 *   byte scanner, 2 workers 2.51 s   2.69 s    3.11M     74         2.84 s     239 MB   1.21x
 *
 * 100,000 pupils: 39,000,000 rows, 968 MB; 2 rounds (load average 4.3 before, 3.5 after)
 *   parser                    best   median   rows/s   MB/s   CPU (median)   peak RSS   ratio
 *   csv-parse              45.16 s  46.11 s    0.86M     21        45.48 s     552 MB   9.34x
 *   papaparse              49.72 s  50.31 s    0.78M     19        50.30 s     698 MB  10.28x
 *   udsv                   18.49 s  19.78 s    2.11M     52        19.92 s     630 MB   3.82x
 *   byte scanner            7.58 s   8.47 s    5.14M    128         8.91 s     534 MB   1.57x
 *   byte scanner, 2 workers 4.84 s   7.08 s    8.06M    200         9.51 s     565 MB   1.00x
 * (Rates from the best time; ratio to the fastest best time, which at 100,000 pupils is the 2-worker run; the
 * ratios in the text above are to the one-thread byte scanner. All runs built the same register.)
 *
 * Worker threads (byte scanner; the file split at the first line break after its middle, each half read by
 * a worker, the halves joined in file order): 1.57x faster than one thread on the best times at 100,000
 * pupils (1.20x on the medians), 0.83x (0.79x) at 20,000. The gain follows the spare CPU of this shared
 * machine, not the code: each worker does half the work (3.2 s of thread CPU each) and joining takes 0.2 s,
 * and in the round where two threads of a spin loop got 1.61x the work of one done, the workers were 1.57x
 * faster (4.84 s against 7.58 s); in rounds where the spin loop got 1.08x, they gained nothing. On two idle
 * cores we would expect 1.6x or more for a large file (not measured: this machine never had two idle cores);
 * on a file of a few hundred MB, starting the workers eats much of the gain. Worth adding later behind an
 * option, not as the default.
 *
 * Memory: no candidate holds the file; peak RSS is Node and tsx (about 85 MB), the columns (11 bytes a row:
 * 434 MB for 39 million rows) and the parser's garbage. The columns grow a segment of up to 2^20 rows at a
 * time (like Arrow record batches) rather than by copying into larger arrays: on this machine touching fresh
 * memory costs about 4.5 ms per MB, so copying grown arrays cost as much as parsing, and segments also let the
 * workers' halves join without a copy. The generated file has no quotes, so the libraries ran on their
 * quote-free fast paths (papaparse's fastMode, udsv's unquoted loop).
 *
 * What is measured: each candidate streams the file (fs.createReadStream, 1 MiB chunks), takes the header
 * `pupil_id,date,session,code,minutes_late,comment`, and for every row interns pupil id, date and code as small
 * ids and appends pupil (Uint32), date (Uint16), session (1 bit), code (Uint8) and the file line (Uint32) to
 * typed-array columns (bench/csvParsers/register.ts); the candidates are in bench/csvParsers/candidates.ts.
 * Before timing, every candidate reads a small tricky file (bench/csvParsers/checks.ts) with chunks from 1 byte
 * to 1 MiB, and the byte scanner is checked against random CSV. Each timed run is a child process of its own
 * (for its peak RSS); the candidates take turns, in reverse order every other round, and all runs must build
 * the same register (same fingerprint of the columns and tables).
 *
 * Run: `node --expose-gc --import tsx bench/csvParsers.bench.ts`, with BENCH_PUPILS (default 100,000: about
 * 39 million rows, 968 MB), BENCH_ROUNDS (default 2) and BENCH_CANDIDATES (a comma-separated subset). The
 * register is written once by the seeded generator, as bench/importCsv.bench.ts writes it, and kept in the
 * system's temporary folder for later runs.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { defineSchoolCalendar } from '../src/index.js';
import { generateSyntheticMarks } from '../examples/synthetic/syntheticRegister.js';
import { CANDIDATES } from './csvParsers/candidates.js';
import {
  checkScannerAgainstRandomCsv,
  checkScannerEdgeCases,
  checkTrickyFiles,
} from './csvParsers/checks.js';
import type { ChildReport } from './csvParsers/child.js';

const PUPILS = Number(process.env['BENCH_PUPILS'] ?? 100_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const SEED = 20240902;
const WRITE_BUFFER = 1 << 20;
const MB = 1024 * 1024;
const WORKERS = 'byte scanner, 2 workers';
const ENTRIES = [...CANDIDATES, WORKERS].filter(
  (entry) => process.env['BENCH_CANDIDATES']?.split(',').includes(entry) ?? true
);
const root = fileURLToPath(new URL('..', import.meta.url));
const childScript = fileURLToPath(new URL('csvParsers/child.ts', import.meta.url));

/** The register file for BENCH_PUPILS, written by the seeded generator unless an earlier run left it. */
async function registerFile(): Promise<string> {
  const file = join(tmpdir(), `school-attendance-register-${PUPILS}-pupils-seed-${SEED}.csv`);
  if (existsSync(file)) return file;
  const calendar = defineSchoolCalendar(
    JSON.parse(
      readFileSync(new URL('../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
    )
  );
  const schoolYear = calendar.years[0]!;
  const from = schoolYear.halfTerms[0]!.start;
  const to = schoolYear.halfTerms.at(-1)!.end;
  const partial = `${file}.${process.pid}.partial`;
  const out = createWriteStream(partial);
  let buffer = 'pupil_id,date,session,code,minutes_late,comment\n';
  for (const mark of generateSyntheticMarks({ pupils: PUPILS, seed: SEED, calendar, from, to })) {
    buffer += `${mark.pupilId},${mark.date},${mark.session},${mark.code},${mark.minutesLate ?? ''},\n`;
    if (buffer.length >= WRITE_BUFFER) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  // Renamed only when complete, so that an interrupted run never leaves a short file to be reused.
  renameSync(partial, file);
  return file;
}

/** Runs one timed import in a child process. */
function runChild(entry: string, file: string): ChildReport {
  const result = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      childScript,
      entry === WORKERS ? 'workers' : entry,
      file,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 }
  );
  const last = result.stdout.trim().split('\n').at(-1);
  if (result.status !== 0 || !last?.startsWith('{')) {
    throw new Error(`${entry} failed (exit ${result.status}):\n${result.stderr}`);
  }
  return JSON.parse(last) as ChildReport;
}

/** A spin loop in a worker thread; posts its time in milliseconds. */
const SPIN = `
const { parentPort } = require('node:worker_threads');
const start = performance.now();
let x = 0;
for (let i = 0; i < 3e8; i += 1) x = (x * 31 + i) | 0;
parentPort.postMessage([performance.now() - start, x]);
`;

/**
 * How much more work two threads get done than one on this machine right now (2 on two idle cores; less when
 * other processes hold the cores): the bound on what two workers can gain, measured next to their runs.
 */
async function parallelHeadroom(): Promise<number> {
  const spin = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(SPIN, { eval: true });
      worker.once('message', ([milliseconds]: [number, number]) => {
        resolve(milliseconds);
      });
      worker.once('error', reject);
    });
  const one = await spin();
  const two = await Promise.all([spin(), spin()]);
  return (2 * one) / Math.max(...two);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length))
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

// 1. Correctness.
console.log(`byte scanner: ${checkScannerEdgeCases()} checks of options, flags and cuts between rows pass`);
console.log(
  `byte scanner against random CSV in random chunks: ${checkScannerAgainstRandomCsv()} cases agree`
);
const outcomes = await checkTrickyFiles();
const variants = [...outcomes.values().next().value!.keys()];
console.log('\nTricky file, read with 1, 2, 3, 5, 7, 16, 64 byte and 1 MiB chunks:');
for (const [candidate, byVariant] of outcomes) {
  for (const variant of variants)
    console.log(`  ${candidate.padEnd(12)} ${variant}: ${byVariant.get(variant)}`);
}

// 2. Timing.
const writeStart = performance.now();
const file = await registerFile();
const fileBytes = statSync(file).size;
console.log(
  `\nRegister: ${PUPILS.toLocaleString('en-GB')} pupils, ${(fileBytes / MB).toFixed(0)} MB (${file}, ready in ` +
    `${((performance.now() - writeStart) / 1000).toFixed(0)} s); ${ROUNDS} rounds, one child process per run`
);
// The machine is shared: its load (runnable processes, averaged over a minute) says how noisy the times are.
const loadBefore = loadavg()[0]!;
const runs = new Map<string, ChildReport[]>(ENTRIES.map((entry) => [entry, []]));
const headroom: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  const order = round % 2 === 0 ? ENTRIES : [...ENTRIES].reverse();
  for (const entry of order) {
    if (entry === WORKERS) {
      headroom.push(await parallelHeadroom());
      console.log(
        `  round ${round + 1} 2 threads of a spin loop did ${headroom.at(-1)!.toFixed(2)}x the work of 1`
      );
    }
    const report = runChild(entry, file);
    runs.get(entry)!.push(report);
    console.log(
      `  round ${round + 1} ${entry.padEnd(24)} ${report.seconds.toFixed(2).padStart(7)} s  ` +
        `CPU ${report.cpuSeconds.toFixed(2).padStart(7)} s  peak RSS ${(report.peakRss / MB).toFixed(0).padStart(5)} MB` +
        (report.note === '' ? '' : `  (${report.note})`)
    );
  }
}

// 3. Every run must have built the same register.
const fingerprints = new Set([...runs.values()].flat().map((report) => report.fingerprint));
const rows = [...runs.values()][0]![0]!.rows;
if (fingerprints.size !== 1) {
  console.error(
    `FAILED: the candidates built different registers: ${[...runs].map(([entry, reports]) => `${entry} ${reports.map((report) => report.fingerprint).join(', ')}`).join('; ')}`
  );
  process.exitCode = 1;
} else {
  console.log(
    `All runs built the same register: ${rows.toLocaleString('en-GB')} rows (${[...fingerprints][0]})`
  );
}

const summary = ENTRIES.map((entry) => {
  const reports = runs.get(entry)!;
  return {
    entry,
    best: Math.min(...reports.map((report) => report.seconds)),
    median: median(reports.map((report) => report.seconds)),
    cpu: median(reports.map((report) => report.cpuSeconds)),
    peakRss: Math.max(...reports.map((report) => report.peakRss)),
  };
});
const fastest = Math.min(...summary.map((entry) => entry.best));
console.log(
  `\n${PUPILS.toLocaleString('en-GB')} pupils, ${rows.toLocaleString('en-GB')} rows, ${(fileBytes / MB).toFixed(0)} MB; ` +
    `rates from the best time; ratio = best time / fastest best time; load average ${loadBefore.toFixed(1)} ` +
    `before the runs, ${loadavg()[0]!.toFixed(1)} after, on ${availableParallelism()} cores\n`
);
console.log(
  table(
    ['parser', 'best', 'median', 'rows/s', 'MB/s', 'CPU (median)', 'peak RSS', 'ratio'],
    summary.map(({ entry, best, median: middle, cpu, peakRss }) => [
      entry,
      `${best.toFixed(2)} s`,
      `${middle.toFixed(2)} s`,
      `${(rows / best / 1e6).toFixed(2)}M`,
      (fileBytes / MB / best).toFixed(0),
      `${cpu.toFixed(2)} s`,
      `${(peakRss / MB).toFixed(0)} MB`,
      `${(best / fastest).toFixed(2)}x`,
    ])
  )
);

const single = summary.find((entry) => entry.entry === 'byte scanner');
const parallel = summary.find((entry) => entry.entry === WORKERS);
if (single !== undefined && parallel !== undefined) {
  console.log(
    `\n2 workers against 1 thread (byte scanner): speed-up ${(single.best / parallel.best).toFixed(2)}x on the ` +
      `best times, ${(single.median / parallel.median).toFixed(2)}x on the medians; meanwhile 2 threads of a ` +
      `spin loop did ${median(headroom).toFixed(2)}x the work of 1 (the most two workers could gain)`
  );
}
