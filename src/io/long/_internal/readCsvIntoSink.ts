import type { AttendanceIssue } from '../../../errors.js';
import type { ImportSummary } from '../../types.js';
import type { RegisterCsvOptions, RegisterImportProgress } from '../types.js';
import { ByteDecoder } from './byteDecoder.js';
import { CsvCohortReader } from './csvCohortReader.js';
import type { CohortMarkSink } from './csvCohortReader.js';
import { CsvRegisterReader } from './csvRegisterReader.js';
import type { CsvSettings } from './csvRegisterReader.js';
import { resolveRegisterOptions } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';
import { importRegisterCsv } from '../importRegisterCsv.js';

const ROWS_TO_ESTIMATE_FROM = 4096;

/** What reading a register CSV into a sink found: the row counts and every issue. */
export interface SinkImportReport extends ImportSummary {
  /** Every issue, in file order. */
  readonly issues: readonly AttendanceIssue[];
}

/**
 * Streams a long-format register CSV into a {@link CohortMarkSink}: bytes are decoded as the encoding option says
 * (to UTF-8), scanned for rows, and clean rows go straight to the sink as indexes, with no object per row. A
 * delimiter of more than one character or beyond ASCII (rare) takes the general reader instead, with the marks
 * handed over as objects.
 *
 * @param source - The CSV as an async iterable of text or byte chunks.
 * @param options - The register options (mapping, code list, dates, delimiter, encoding).
 * @param sink - Where the marks go.
 * @param onProgress - Called after each chunk.
 * @param totalBytes - The input's size, when known: the sink is told how many marks to expect.
 * @returns The row counts and issues.
 * @throws {@link AttendanceError} Only if an option is invalid.
 * @example
 * const report = await readCsvIntoSink(fs.createReadStream('register.csv'), { source: 'register.csv' }, store);
 */
export async function readCsvIntoSink(
  source: AsyncIterable<string | Uint8Array>,
  options: RegisterCsvOptions,
  sink: CohortMarkSink,
  onProgress?: (progress: RegisterImportProgress) => void,
  totalBytes?: number
): Promise<SinkImportReport> {
  const resolved = resolveRegisterOptions(options);
  const settings = CsvRegisterReader.settings(options);
  if (!CsvCohortReader.canRead(settings.delimiter)) {
    // Rare delimiters: the general streaming reader, its marks handed over as objects.
    const report = await importRegisterCsv(source, {
      ...options,
      onMarks: (batch) => {
        for (const mark of batch) sink.add(mark);
      },
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    const { rowsRead, rowsUsed, rowsRejected, issues } = report;
    return { rowsRead, rowsUsed, rowsRejected, issues };
  }
  const { report } = await scanIntoSink(source, resolved, settings, sink, { onProgress, totalBytes });
  return report;
}

/**
 * A slice of a register CSV read on its own (e.g. by a worker thread): the file's header, read first, and the
 * line the slice starts on.
 */
export interface CsvSlice {
  /** The file's header line, line break included, when the slice is not the start of the file. */
  readonly header?: Uint8Array;
  /** The file line the slice's first byte is on. */
  readonly firstLine: number;
}

/** Where a slice's reading ended, so that the next slice's reading can be checked against it. */
export interface CsvSliceEnd {
  /** The slice ended exactly between two rows (before the end of input was signalled). */
  readonly atRowBoundary: boolean;
  /** The file line after the slice's last line break. */
  readonly nextLine: number;
  /** Cells were being checked for mis-decoded text by the end (a bad byte had been seen): later rows must be too. */
  readonly encodingChecked: boolean;
  /** The data rows the slice held. */
  readonly dataRows: number;
}

/**
 * {@link readCsvIntoSink} for one slice of a file whose delimiter the cohort reader takes: the report, and where
 * the slice ended.
 *
 * @param source - The slice's bytes.
 * @param options - The register options.
 * @param sink - Where the marks go.
 * @param slice - The header (for a slice after the first) and the line the slice starts on.
 * @param onProgress - Called after each chunk.
 * @returns The row counts and issues of the slice, and where it ended.
 * @throws {@link AttendanceError} Only if an option is invalid.
 * @example
 * const { report, end } = await readCsvSliceIntoSink(stream, options, builderSink, { header, firstLine: 4_000_001 });
 */
export async function readCsvSliceIntoSink(
  source: AsyncIterable<Uint8Array>,
  options: RegisterCsvOptions,
  sink: CohortMarkSink,
  slice: CsvSlice,
  onProgress?: (progress: RegisterImportProgress) => void
): Promise<{ readonly report: SinkImportReport; readonly end: CsvSliceEnd }> {
  const settings = CsvRegisterReader.settings(options);
  return scanIntoSink(source, resolveRegisterOptions(options), settings, sink, { onProgress, slice });
}

async function scanIntoSink(
  source: AsyncIterable<string | Uint8Array>,
  resolved: ResolvedRegisterOptions,
  settings: CsvSettings,
  sink: CohortMarkSink,
  how: {
    onProgress?: ((progress: RegisterImportProgress) => void) | undefined;
    totalBytes?: number | undefined;
    slice?: CsvSlice;
  }
): Promise<{ report: SinkImportReport; end: CsvSliceEnd }> {
  const { onProgress, totalBytes, slice } = how;
  const decoder = new ByteDecoder(settings.encoding);
  const cohortReader = new CsvCohortReader(resolved, settings, sink);
  const { reader } = cohortReader;
  const push = (bytes: Uint8Array): void => {
    if (decoder.invalid) reader.rows.checkEncoding = 'bytes';
    else if (decoder.replaced && reader.rows.checkEncoding === false) reader.rows.checkEncoding = 'text';
    if (bytes.length > 0) cohortReader.push(bytes);
  };
  if (slice?.header !== undefined) {
    push(decoder.bytes(slice.header));
    cohortReader.continueAtLine(slice.firstLine);
  }
  let bytesRead = 0;
  let estimated = false;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      const bytes = decoder.text(chunk);
      bytesRead += bytes.length;
      push(bytes);
    } else {
      bytesRead += chunk.length;
      push(decoder.bytes(chunk));
    }
    // From the first few thousand rows' length, how many the whole input holds.
    if (!estimated && totalBytes !== undefined && reader.rows.rowsUsed >= ROWS_TO_ESTIMATE_FROM) {
      estimated = true;
      sink.expectMarks?.(Math.ceil((reader.rows.rowsUsed * totalBytes) / bytesRead));
    }
    onProgress?.({ bytesRead, rowsRead: reader.rows.rowsRead });
  }
  push(decoder.end());
  const { atRowBoundary, line } = cohortReader.position;
  const end: CsvSliceEnd = {
    atRowBoundary,
    nextLine: line,
    encodingChecked: reader.rows.checkEncoding !== false,
    dataRows: reader.dataRowCount,
  };
  cohortReader.end();
  return { report: summary(reader), end };
}

function summary(reader: CsvRegisterReader): SinkImportReport {
  const { rowsRead, rowsUsed, rowsRejected, issues } = reader.rows;
  return { rowsRead, rowsUsed, rowsRejected, issues };
}
