import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { joinCohortRegisters } from '../../cohort/joinCohortRegisters.js';
import type { AttendanceIssue } from '../../errors.js';
import { importCohortRegisterCsv } from '../long/importCohortRegisterCsv.js';
import type { CohortRegisterCsvOptions, CohortRegisterImport } from '../long/importCohortRegisterCsv.js';
import { CsvRegisterReader } from '../long/_internal/csvRegisterReader.js';
import { CsvCohortReader } from '../long/_internal/csvCohortReader.js';
import { resolveRegisterOptions } from '../long/_internal/resolveOptions.js';
import { countLineBreaks } from './countLineBreaks.js';
import type { SliceJob, SliceMessage } from './sliceJob.js';

/**
 * Options for {@link importCohortRegisterCsvFile}: those of {@link "school-attendance/io"!importCohortRegisterCsv | importCohortRegisterCsv}
 * and how many threads read the file.
 *
 * @category Import
 */
export interface CohortRegisterCsvFileOptions extends CohortRegisterCsvOptions {
  /**
   * How many threads read the file: 1, or 2 to read its two halves at once on worker threads. The default is 2
   * when the machine has at least {@link SPLIT_MIN_CORES} cores and the file is at least {@link SPLIT_MIN_BYTES}
   * long, else 1: each worker costs a start-up (loading the library again, about half a second), and two threads
   * pay only when the second core is really free, which on a machine of two cores shared with other work it
   * seldom is.
   */
  readonly threads?: 1 | 2;
}

/**
 * The smallest file the default reads on two threads: below it, starting the workers costs more than the second
 * core saves.
 *
 * @category Import
 */
export const SPLIT_MIN_BYTES = 256 * 1024 * 1024;

/**
 * The fewest cores on which the default reads a large file on two threads.
 *
 * @category Import
 */
export const SPLIT_MIN_CORES = 4;

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** Whether an ASCII byte is a letter or a digit. */
function isLetterOrDigit(byte: number): boolean {
  return (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
}

/** How far past the middle of the file a line break is looked for. */
const SEARCH_BYTES = 1 << 20;

/**
 * Reads a long-format register CSV file into a {@link "school-attendance"!CohortRegister | CohortRegister}, as
 * {@link "school-attendance/io"!importCohortRegisterCsv | importCohortRegisterCsv} does, using two threads on large files: each reads
 * one half of the file (cut at a line break), and the halves are joined in file order. The result is the same
 * as reading the file on one thread (register, counts and every issue, with its line and row); where the halves
 * cannot be joined exactly (a session marked in both halves, a cut that falls inside a quoted field, mixed line
 * endings, bytes the first half found not valid in the encoding, UTF-16), the file is read again on one thread.
 * A line longer than `maxLineBytes` is one `too_long` error at its true line, whichever thread reads it.
 *
 * @remarks
 * Node.js only (it reads the file by path and starts worker threads). `npm run bench:pipeline` measures one and
 * two threads in the same run: on the 100,000-pupil benchmark register (1 GB) on a shared machine of two cores,
 * two threads were 1.04x as fast as one, for 1.5x the CPU time and 1.6x the memory; the byte scan alone was
 * 1.57x as fast when the second core was idle (`npm run bench:parsers`). Hence the default of one thread below
 * {@link SPLIT_MIN_CORES} cores.
 *
 * @param path - The CSV file.
 * @param options - The register options, the progress callback and the number of threads.
 * @returns The register, the row counts and the issues.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid; never for the content of
 * the file.
 * @example
 * const { register, issues } = await importCohortRegisterCsvFile('register.csv', { source: 'register.csv' });
 * const figures = analyseCohortRegister(register, { calendar, windows: [DFE_POLICY.penaltyNotice] });
 * @category Import
 */
export function importCohortRegisterCsvFile(
  path: string,
  options: CohortRegisterCsvFileOptions = {}
): Promise<CohortRegisterImport> {
  return importFileWith(path, options, readOnWorker);
}

/** Reads a slice somewhere: on a worker thread, or (in tests of the split and join) on this one. */
export type SliceRunner = (
  job: SliceJob,
  onProgress: (bytesRead: number, rowsRead: number) => void
) => Promise<Extract<SliceMessage, { kind: 'done' }>>;

/**
 * {@link importCohortRegisterCsvFile} with the slices read by `run`.
 *
 * @param path - The CSV file.
 * @param options - As for {@link importCohortRegisterCsvFile}.
 * @param run - Reads one slice.
 * @returns The import.
 * @example
 * await importFileWith('register.csv', { threads: 2 }, (job, progress) => readSlice(job, (p) => progress(p.bytesRead, p.rowsRead)));
 */
export async function importFileWith(
  path: string,
  options: CohortRegisterCsvFileOptions,
  run: SliceRunner
): Promise<CohortRegisterImport> {
  const { threads, ...csvOptions } = options;
  const oneThread = (): Promise<CohortRegisterImport> =>
    importCohortRegisterCsv(createReadStream(path, { highWaterMark: 1 << 16 }), csvOptions);
  // Options are checked on this thread, so that a bad one (a limit such as maxLineBytes included) throws here as it
  // does on one thread.
  resolveRegisterOptions(csvOptions);
  const settings = CsvRegisterReader.settings(csvOptions);
  const { size } = await stat(path);
  const wanted = threads ?? (availableParallelism() >= SPLIT_MIN_CORES && size >= SPLIT_MIN_BYTES ? 2 : 1);
  if (wanted === 1 || !CsvCohortReader.canRead(settings.delimiter) || settings.encoding === 'utf-16le') {
    return oneThread();
  }
  const cut = await findCut(path, size);
  if (cut === null) return oneThread();
  const halves = await readHalves(path, size, cut, csvOptions, run);
  return halves ?? oneThread();
}

/** The end of the header line and a cut at a line break near the middle, or null when the file cannot be cut. */
async function findCut(path: string, size: number): Promise<{ headerEnd: number; middle: number } | null> {
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(Math.min(size, SEARCH_BYTES));
    await file.read(head, 0, head.length, 0);
    // A UTF-16 byte order mark, a quote in the header or a header not ended by LF or CRLF: one thread.
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null;
    const headerEnd = head.indexOf(LF) + 1;
    if (headerEnd <= 0) return null;
    const header = head.subarray(0, headerEnd);
    const crs = header.filter((byte) => byte === CR).length;
    if (header.includes(QUOTE) || crs > 1 || (crs === 1 && header[headerEnd - 2] !== CR)) return null;
    // A line with no letter or digit may be blank to the reader, which then takes a later line as the header.
    if (!header.some(isLetterOrDigit)) return null;
    const from = Math.floor(size / 2);
    const window = new Uint8Array(Math.min(SEARCH_BYTES, size - from));
    await file.read(window, 0, window.length, from);
    const at = window.indexOf(LF);
    if (at < 0 || from + at + 1 >= size || from + at + 1 <= headerEnd) return null;
    return { headerEnd, middle: from + at + 1 };
  } finally {
    await file.close();
  }
}

/** The worker's module: beside this one, as `.js` or `.cjs` in the build, or `.ts` when run from source. */
function startWorker(job: SliceJob): Worker {
  const extension = extname(new URL(import.meta.url).pathname);
  const url = new URL(`./cohortCsvWorker${extension}`, import.meta.url);
  if (extension !== '.ts') {
    // Workers take the caller's flags, except that one started from a file refuses --input-type (node -e).
    const flags = process.execArgv;
    const inputType = flags.some((flag) => flag.startsWith('--input-type'));
    const execArgv = inputType ? flags.filter((flag) => !flag.startsWith('--input-type')) : undefined;
    return new Worker(url, { workerData: job, ...(execArgv === undefined ? {} : { execArgv }) });
  }
  // From source (the tests), the worker's TypeScript is loaded through tsx, as the caller's was.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** Reads one slice on a worker thread, reporting its progress. */
function readOnWorker(
  job: SliceJob,
  onProgress: (bytesRead: number, rowsRead: number) => void
): ReturnType<SliceRunner> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(job);
    worker.on('message', (message: SliceMessage) => {
      if (message.kind === 'progress') onProgress(message.bytesRead, message.rowsRead);
      else {
        if (message.kind === 'done') resolve(message);
        else reject(message.error instanceof Error ? message.error : new Error(String(message.error)));
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The CSV reading thread stopped with exit code ${code}.`));
    });
  });
}

async function readHalves(
  path: string,
  size: number,
  cut: { headerEnd: number; middle: number },
  options: CohortRegisterCsvOptions,
  run: SliceRunner
): Promise<CohortRegisterImport | null> {
  const { onProgress, ...csvOptions } = options;
  const file = await open(path, 'r');
  const header = new Uint8Array(cut.headerEnd);
  try {
    await file.read(header, 0, header.length, 0);
  } finally {
    await file.close();
  }
  const progress = [
    { bytesRead: 0, rowsRead: 0 },
    { bytesRead: 0, rowsRead: 0 },
  ];
  const report = (half: 0 | 1) => (bytesRead: number, rowsRead: number) => {
    progress[half] = { bytesRead, rowsRead };
    onProgress?.({
      bytesRead: progress[0]!.bytesRead + progress[1]!.bytesRead,
      rowsRead: progress[0]!.rowsRead + progress[1]!.rowsRead,
    });
  };
  const secondJob = (firstLine: number): SliceJob => ({
    path,
    start: cut.middle,
    end: size,
    options: csvOptions,
    header,
    firstLine,
  });
  // The second half starts before anyone knows its first line: it is numbered as if it followed the header, and
  // its lines matter only if it has something to report.
  const afterHeader = 2;
  const [first, guessed] = await Promise.all([
    run({ path, start: 0, end: cut.middle, options: csvOptions, firstLine: 1 }, report(0)),
    run(secondJob(afterHeader), report(1)),
  ]);
  // The cut must fall between rows, with nothing in the first half that changes how the second is read.
  const { end } = first;
  if (!end.atRowBoundary || end.encodingChecked) return null;
  let second = guessed;
  if (guessed.report.issues.some((issue) => issue.line !== undefined && issue.line >= afterHeader)) {
    // Issues name their line: the second half is read again, numbered from its true first line (the line
    // breaks of the first half, counted as the reader counted them).
    const breaks = await countLineBreaks(createReadStream(path, { start: 0, end: cut.middle - 1 }));
    if (breaks === null || breaks + 1 !== end.nextLine) return null;
    second = await run(secondJob(end.nextLine), () => undefined);
  }
  const register = joinCohortRegisters(first.register, second.register);
  if (register === null) return null;
  // The second half read the header again: its issues about the header are the first half's already.
  const firstLine = second === guessed ? afterHeader : end.nextLine;
  const later = second.report.issues
    .filter((issue) => issue.line === undefined || issue.line >= firstLine)
    .map((issue) => renumbered(issue, end.dataRows));
  return {
    register,
    rowsRead: first.report.rowsRead + second.report.rowsRead,
    rowsUsed: first.report.rowsUsed + second.report.rowsUsed,
    rowsRejected: first.report.rowsRejected + second.report.rowsRejected,
    issues: [...first.report.issues, ...later],
  };
}

/** An issue of the second half, its data row counted from the start of the file. */
function renumbered(issue: AttendanceIssue, rowsBefore: number): AttendanceIssue {
  const [row, ...rest] = issue.path;
  return typeof row === 'number' ? { ...issue, path: [row + rowsBefore, ...rest] } : issue;
}
