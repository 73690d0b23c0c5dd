/**
 * The worker thread of {@link importCohortRegisterCsvFile}: reads one slice of a register CSV into a cohort
 * register and posts it back, its buffers transferred rather than copied.
 *
 * @packageDocumentation
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSlice } from './sliceJob.js';
import type { SliceJob, SliceMessage } from './sliceJob.js';

const job = workerData as SliceJob;
readSlice(job, (progress) => {
  parentPort!.postMessage({ kind: 'progress', ...progress } satisfies SliceMessage);
}).then(
  (message) => {
    const { codes, offsets, firstSlots, lengths } = message.register;
    parentPort!.postMessage(message, [
      codes.buffer,
      offsets.buffer,
      firstSlots.buffer,
      lengths.buffer,
    ] as ArrayBuffer[]);
  },
  (error: unknown) => {
    parentPort!.postMessage({ kind: 'failed', error } satisfies SliceMessage);
  }
);
