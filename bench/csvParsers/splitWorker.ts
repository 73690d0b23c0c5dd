/** A worker thread of splitImport.ts: reads its slice of the file with the byte scanner and posts the columns. */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { importWithByteScanner } from './byteImport.js';
import type { SplitTask, WorkerOutcome } from './splitImport.js';

/** This thread's CPU time in seconds (Linux: utime + stime of /proc/thread-self/stat, in 1/100 s), or NaN. */
function threadCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const task = workerData as SplitTask;
const start = performance.now();
const cpuStart = threadCpuSeconds();
const result = await importWithByteScanner(task.file, {
  start: task.start,
  end: task.end,
  ...(task.header === undefined ? {} : { header: task.header }),
});
const { register } = result;
const outcome: WorkerOutcome = {
  ...result,
  seconds: (performance.now() - start) / 1000,
  cpuSeconds: threadCpuSeconds() - cpuStart,
};
// The column arrays move to the main thread without a copy.
parentPort!.postMessage(
  outcome,
  register.segments.flatMap(
    (segment) =>
      [
        segment.pupil.buffer,
        segment.date.buffer,
        segment.session.buffer,
        segment.code.buffer,
        segment.line.buffer,
      ] as ArrayBuffer[]
  )
);
