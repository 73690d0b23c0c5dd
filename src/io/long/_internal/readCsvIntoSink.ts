import type { AttendanceIssue } from '../../../errors.js';
import type { ImportSummary } from '../../types.js';
import type { RegisterCsvOptions, RegisterImportProgress } from '../types.js';
import { ByteDecoder } from './byteDecoder.js';
import { CsvCohortReader } from './csvCohortReader.js';
import type { CohortMarkSink } from './csvCohortReader.js';
import { CsvRegisterReader } from './csvRegisterReader.js';
import { resolveRegisterOptions } from './resolveOptions.js';
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
 * delimiter of more than one character, which the byte scanner does not read, falls back to the general reader
 * with the marks handed over as objects.
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
  const decoder = new ByteDecoder(settings.encoding);
  const cohortReader = new CsvCohortReader(resolved, settings, sink);
  const { reader } = cohortReader;
  const push = (bytes: Uint8Array): void => {
    if (decoder.invalid) reader.rows.checkEncoding = 'bytes';
    else if (decoder.replaced && reader.rows.checkEncoding === false) reader.rows.checkEncoding = 'text';
    if (bytes.length > 0) cohortReader.push(bytes);
  };
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
  cohortReader.end();
  return summary(reader);
}

function summary(reader: CsvRegisterReader): SinkImportReport {
  const { rowsRead, rowsUsed, rowsRejected, issues } = reader.rows;
  return { rowsRead, rowsUsed, rowsRejected, issues };
}
