/**
 * The byte scanner on two worker threads: the file is split at a line break near its middle, each worker
 * builds the columns of its half, and the halves are merged in file order: the second half's segments follow
 * the first's, their ids remapped to the first half's tables and their lines shifted by the first half's lines.
 *
 * A line break in the middle of the file might lie inside a quoted field. The split is therefore speculative:
 * the first worker reports whether its half ended exactly between two rows, and if it did not, the file is
 * read again on one thread (for a register this only happens if a quoted comment straddles the middle).
 */
import { rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { importWithByteScanner } from './byteImport.js';
import type { ImportResult } from './byteImport.js';
import { CsvByteScanner } from '../../src/io/long/_internal/csvByteScanner.js';
import type { ColumnarRegister } from './register.js';

/** What one worker is asked to read. */
export interface SplitTask {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly header?: readonly string[];
}

const PROBE_BYTES = 1 << 16;

let workerScript: string | undefined;

/**
 * Bundles splitWorker.ts and what it imports into one JavaScript file, as a build would, so that a worker
 * starts from plain JavaScript (registering tsx in a worker costs about a second). Call before timing; the
 * file is removed when the process exits.
 */
export async function prepareWorkers(): Promise<void> {
  if (workerScript !== undefined) return;
  const outfile = join(tmpdir(), `school-attendance-split-worker-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL('splitWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  process.once('exit', () => {
    rmSync(outfile, { force: true });
  });
  workerScript = outfile;
}

async function readAt(file: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The header's names (the first non-blank row), read from the start of the file. */
async function readHeader(file: string): Promise<string[] | undefined> {
  let header: string[] | undefined;
  const scanner = new CsvByteScanner((row) => {
    if (header === undefined && !row.isBlank()) {
      header = Array.from({ length: row.fieldCount }, (_, field) => row.text(field));
    }
  });
  scanner.push(await readAt(file, 0, PROBE_BYTES));
  return header;
}

/** The offset just after the first line break at or after `position`, or -1. */
async function lineStartAfter(file: string, position: number): Promise<number> {
  const bytes = await readAt(file, position, PROBE_BYTES + 1);
  for (let index = 0; index < bytes.length - 1; index += 1) {
    const byte = bytes[index];
    if (byte === 10) return position + index + 1;
    if (byte === 13) return position + index + (bytes[index + 1] === 10 ? 2 : 1);
  }
  return -1;
}

/** A worker's import, with its own time and CPU time. */
export interface WorkerOutcome extends ImportResult {
  readonly seconds: number;
  readonly cpuSeconds: number;
}

function runWorker(task: SplitTask): Promise<WorkerOutcome> {
  return new Promise((resolve, reject) => {
    if (workerScript === undefined) throw new Error('Call prepareWorkers() first.');
    const worker = new Worker(workerScript, { workerData: task });
    worker.once('message', (result: WorkerOutcome) => {
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The worker stopped with exit code ${code}.`));
    });
  });
}

/** How the split went, for the report. */
export interface SplitReport {
  readonly register: ColumnarRegister;
  /** False when the split fell inside a quoted field and the file was read again on one thread. */
  readonly split: boolean;
  readonly mergeSeconds: number;
  /** Each worker's time and CPU time. */
  readonly workers: readonly { readonly seconds: number; readonly cpuSeconds: number }[];
}

/** Imports `file` with the byte scanner on two worker threads (see the module comment). */
export async function importSplit(file: string, size: number): Promise<SplitReport> {
  const header = await readHeader(file);
  const middle = await lineStartAfter(file, Math.floor(size / 2));
  if (header === undefined || middle === -1 || middle >= size) {
    return oneThread(file);
  }
  const [first, second] = await Promise.all([
    runWorker({ file, start: 0, end: middle }),
    runWorker({ file, start: middle, end: size, header }),
  ]);
  if (first.endedAtRowBoundary !== true || first.endLine === undefined) return oneThread(file);
  const start = performance.now();
  const register = merge(first.register, second.register, first.endLine - 1);
  return {
    register,
    split: true,
    mergeSeconds: (performance.now() - start) / 1000,
    workers: [first, second].map(({ seconds, cpuSeconds }) => ({ seconds, cpuSeconds })),
  };
}

async function oneThread(file: string): Promise<SplitReport> {
  const { register } = await importWithByteScanner(file, {});
  return { register, split: false, mergeSeconds: 0, workers: [] };
}

/** Ids of `values` in the merged table, adding the ones `table` does not have yet. */
function remap(table: string[], index: Map<string, number>, values: readonly string[]): Uint32Array {
  const ids = new Uint32Array(values.length);
  values.forEach((value, id) => {
    let merged = index.get(value);
    if (merged === undefined) {
      merged = table.length;
      table.push(value);
      index.set(value, merged);
    }
    ids[id] = merged;
  });
  return ids;
}

function mergedTable(values: readonly string[]): { table: string[]; index: Map<string, number> } {
  return { table: [...values], index: new Map(values.map((value, id) => [value, id])) };
}

/**
 * The two halves as one register, in file order: `b`'s segments follow `a`'s, with their ids remapped to the
 * merged tables and their lines shifted by `lineOffset`, in place (nothing is copied).
 */
function merge(a: ColumnarRegister, b: ColumnarRegister, lineOffset: number): ColumnarRegister {
  const pupils = mergedTable(a.pupilIds);
  const dates = mergedTable(a.dates);
  const codes = mergedTable(a.codes);
  const pupilIds = remap(pupils.table, pupils.index, b.pupilIds);
  const dateIds = remap(dates.table, dates.index, b.dates);
  const codeIds = remap(codes.table, codes.index, b.codes);
  for (const { rows, pupil, date, code, line } of b.segments) {
    for (let row = 0; row < rows; row += 1) {
      pupil[row] = pupilIds[pupil[row]!]!;
      date[row] = dateIds[date[row]!]!;
      code[row] = codeIds[code[row]!]!;
      line[row] = line[row]! + lineOffset;
    }
  }
  return {
    rows: a.rows + b.rows,
    segments: [...a.segments, ...b.segments],
    pupilIds: pupils.table,
    dates: dates.table,
    codes: codes.table,
    headerLine: a.headerLine,
    rejectedLines: [...a.rejectedLines, ...b.rejectedLines.map((value) => value + lineOffset)],
  };
}
