import { AttendanceError } from '../../errors.js';
import type { ImportedMark, RegisterImportReport } from '../types.js';
import { ByteDecoder } from './_internal/byteDecoder.js';
import { CsvRegisterReader } from './_internal/csvRegisterReader.js';
import { resolveRegisterOptions } from './_internal/resolveOptions.js';
import type { RegisterCsvStreamOptions } from './types.js';

const DEFAULT_BATCH_SIZE = 10_000;

/**
 * Streams a long-format register CSV from any async source of text or bytes (for example a
 * `fs.createReadStream`), never holding the whole text: each chunk is parsed as it arrives, with the same
 * rules, issues and counts as {@link readRegisterCsv}.
 *
 * @remarks
 * With `onMarks`, marks are handed over in batches and not kept, so memory stays flat however long the file
 * is: what remains is the issues and, for duplicate detection, about 1 KB per pupil per school year. A line
 * longer than `maxLineBytes` (1 MiB by default) is never held either: it is read past and reported as one
 * `too_long` error, so a file with no line breaks at all costs no more memory than a chunk.
 *
 * Bytes are read as `encoding` says. By default a byte order mark selects UTF-8, UTF-16LE or UTF-16BE and
 * anything else is read as UTF-8; bytes that are not valid UTF-8 give an `encoding` warning naming the line
 * and column whose text they spoil (a row is still used if its fields read), and so does a U+FFFD that the
 * file or a text chunk holds itself (text decoded with the wrong encoding before it was saved or passed in,
 * as {@link readRegisterCsv} reports). Pass `encoding: 'latin1'` for Windows-1252 exports. A chunk may end anywhere, even inside a character. Sources should give all text or all
 * bytes, not a mixture.
 *
 * @param source - The CSV as an async iterable of text or byte chunks.
 * @param options - Everything {@link readRegisterCsv} takes, the encoding, and the `onMarks`, `batchSize` and
 * `onProgress` callbacks.
 * @returns The row counts, every issue, and the marks unless `onMarks` took them.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid; never for the content of the file. Errors
 * from the source (e.g. a file that cannot be read) are passed on unchanged.
 * @example
 * const tally = new Map<string, number>();
 * const report = await importRegisterCsv(fs.createReadStream('register.csv'), {
 *   source: 'register.csv',
 *   onMarks: (batch) => {
 *     for (const mark of batch) tally.set(mark.pupilId, (tally.get(mark.pupilId) ?? 0) + 1);
 *   },
 * });
 * report.rowsRead === report.rowsUsed + report.rowsRejected //=> true
 * @category Import
 */
export async function importRegisterCsv(
  source: AsyncIterable<string | Uint8Array>,
  options: RegisterCsvStreamOptions = {}
): Promise<RegisterImportReport> {
  const resolved = resolveRegisterOptions(options);
  const settings = CsvRegisterReader.settings(options);
  const { onMarks, onProgress } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `Option batchSize must be a whole number of 1 or more; received ${String(batchSize)}.`,
        path: ['batchSize'],
        field: 'batchSize',
        expected: 'a whole number of 1 or more',
        received: String(batchSize),
      },
    ]);
  }
  const marks: ImportedMark[] = [];
  let batch: ImportedMark[] = [];
  const reader = new CsvRegisterReader(
    resolved,
    onMarks === undefined
      ? (mark) => {
          marks.push(mark);
        }
      : (mark) => {
          batch.push(mark);
          if (batch.length >= batchSize) {
            const full = batch;
            batch = [];
            onMarks(full);
          }
        }
  );
  const decoder = new ByteDecoder(settings.encoding);
  const scanner = reader.createScanner(settings);
  const write = (bytes: Uint8Array): void => {
    if (decoder.invalid) reader.rows.checkEncoding = 'bytes';
    else if (decoder.replaced && reader.rows.checkEncoding === false) reader.rows.checkEncoding = 'text';
    if (bytes.length > 0) scanner.push(bytes);
  };

  let bytesRead = 0;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      const bytes = decoder.text(chunk);
      bytesRead += bytes.length;
      write(bytes);
    } else {
      bytesRead += chunk.length;
      write(decoder.bytes(chunk));
    }
    onProgress?.({ bytesRead, rowsRead: reader.rows.rowsRead });
  }
  write(decoder.end());
  scanner.end();
  if (batch.length > 0 && onMarks !== undefined) onMarks(batch);
  reader.finish();
  return reader.rows.report(marks);
}
