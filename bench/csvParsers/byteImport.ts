/**
 * The byte scanner candidate on its own (no parser library loaded), so that worker threads can run it from a
 * small bundle: stream the file's bytes through {@link CsvByteScanner} into a {@link ByteRegisterBuilder}.
 */
import { createReadStream } from 'node:fs';
import { CsvByteScanner } from '../../src/io/long/_internal/csvByteScanner.js';
import { ByteRegisterBuilder } from './register.js';
import type { ColumnarRegister } from './register.js';

/** How to read the file. */
export interface ImportOptions {
  /** The read stream's chunk size in bytes (default 1 MiB). */
  readonly chunkBytes?: number;
  readonly delimiter?: string;
  /** Also collect minutes late and comments as text (for checking; slower). */
  readonly collectText?: boolean;
  /** Read only bytes `start` to `end` - 1 of the file (for a worker's share). */
  readonly start?: number;
  readonly end?: number;
  /** The header's names, when the slice starts after the header. */
  readonly header?: readonly string[];
}

/** What an import gives: the register and the number of lines the scanner reached (byte scanner only). */
export interface ImportResult {
  readonly register: ColumnarRegister;
  /** For a slice read by the byte scanner: the scanner's line count at the end, and whether it ended between rows. */
  readonly endLine?: number;
  readonly endedAtRowBoundary?: boolean;
}

/** The read stream options for a chunk size and an optional slice (`end` exclusive here, inclusive for fs). */
export function readStreamOptions(options: ImportOptions): {
  highWaterMark: number;
  start?: number;
  end?: number;
} {
  return {
    highWaterMark: options.chunkBytes ?? 1 << 20,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.end === undefined ? {} : { end: options.end - 1 }),
  };
}

/** Streams `file` (or the slice `start`..`end`) through the byte scanner into a {@link ColumnarRegister}. */
export async function importWithByteScanner(file: string, options: ImportOptions): Promise<ImportResult> {
  const builder = new ByteRegisterBuilder(options.collectText ?? false, options.header);
  const scanner = new CsvByteScanner(builder.row, {
    delimiter: options.delimiter ?? ',',
    // A slice after the first has no byte order mark; bytes that look like one are text.
    bom: (options.start ?? 0) === 0,
  });
  for await (const chunk of createReadStream(file, readStreamOptions(options)) as AsyncIterable<Buffer>) {
    scanner.push(chunk);
  }
  const endedAtRowBoundary = scanner.atRowBoundary;
  scanner.end();
  return { register: builder.finish(), endLine: scanner.line, endedAtRowBoundary };
}
