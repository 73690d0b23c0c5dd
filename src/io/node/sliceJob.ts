import type { CohortRegister } from '../../cohort/types.js';
import type { CsvSliceEnd, SinkImportReport } from '../long/_internal/readCsvIntoSink.js';
import { createReadStream } from 'node:fs';
import { builderSink } from '../long/_internal/builderSink.js';
import { readCsvSliceIntoSink } from '../long/_internal/readCsvIntoSink.js';
import type { RegisterCsvOptions, RegisterImportProgress } from '../long/types.js';

/** What a worker thread is asked to read: bytes `start` to `end` (exclusive) of a register CSV. */
export interface SliceJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** The register options (everything but callbacks, which cannot cross threads). */
  readonly options: RegisterCsvOptions;
  /** The file's header line, for a slice after the first. */
  readonly header?: Uint8Array;
  /** The file line the slice starts on, when known; otherwise the line after the header, to be set right later. */
  readonly firstLine: number;
}

/** What a worker thread posts back. */
export type SliceMessage =
  | { readonly kind: 'progress'; readonly bytesRead: number; readonly rowsRead: number }
  | {
      readonly kind: 'done';
      readonly register: CohortRegister;
      readonly report: SinkImportReport;
      readonly end: CsvSliceEnd;
    }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Reads one slice of a register CSV into a cohort register, on whatever thread calls it.
 *
 * @param job - The file, the slice and the options.
 * @param onProgress - Called after each chunk.
 * @returns The slice's register, report and end.
 * @example
 * const half = await readSlice({ path, start: 0, end: middle, options: {}, firstLine: 1 }, () => {});
 */
export async function readSlice(
  job: SliceJob,
  onProgress: (progress: RegisterImportProgress) => void
): Promise<Extract<SliceMessage, { kind: 'done' }>> {
  const { builder, sink } = builderSink();
  const { report, end } = await readCsvSliceIntoSink(
    createReadStream(job.path, { start: job.start, end: job.end - 1, highWaterMark: 1 << 16 }),
    job.options,
    sink,
    { ...(job.header === undefined ? {} : { header: job.header }), firstLine: job.firstLine },
    onProgress
  );
  return { kind: 'done', register: builder.finish(), report, end };
}
