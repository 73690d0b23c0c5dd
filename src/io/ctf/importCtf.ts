import { createCtfReader } from './_internal/ctfReader.js';
import { feedChunk, finishFeeding } from './_internal/feedChunk.js';
import { createXmlTextDecoder } from './_internal/xmlTextDecoder.js';
import type { CtfImportReport, CtfOptions } from './types.js';

/**
 * Reads a Common Transfer File from a stream, piece by piece, so that a local authority's file of thousands
 * of pupils is never held whole: only the pupil being read and the results are in memory.
 *
 * @remarks
 * Gives exactly what {@link readCtf} gives for the same file, however it is split into pieces, even when the
 * file breaks off, holds a byte its encoding does not allow, or goes over a limit (see there for the options,
 * the decoding of the marks, the limits and the issues). Pieces may be text or bytes (a Node
 * `fs.createReadStream` works as it is) and may end anywhere, inside a character included; bytes are decoded
 * as the file says: a UTF-8 or UTF-16 byte order mark, or the XML declaration's `encoding` (e.g.
 * `iso-8859-1`), UTF-8 otherwise. The file is read a whole line at a time, and no line longer than
 * `maxLineBytes` is held. Reading stops at the first malformed XML, undecodable byte, line or XML item over
 * `maxLineBytes` or nesting over `maxDepth`, keeping the pupils completed before it, and the source is not
 * pulled further: a 100 MB file of NUL bytes ends after its first MiB with one `too_long` error.
 *
 * @param source - The file's pieces: any async iterable of strings or byte arrays.
 * @param options - The day model, calendar, filler characters, code width, file name and input limits.
 * @returns The header, the pupils with their records and marks, all marks, the row counts and every issue.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Only if an option is invalid (a piece that is neither text nor bytes
 *   is an issue in the report); an error the source itself raises (e.g. a file that cannot be opened) is
 *   passed on unchanged.
 * @example
 * const report = await importCtf(createReadStream('820LLLL_CTF_8201234_001.xml'), {
 *   source: '820LLLL_CTF_8201234_001.xml',
 * });
 * report.rowsRead === report.rowsUsed + report.rowsRejected //=> true
 * @category CTF
 */
export async function importCtf(
  source: AsyncIterable<string | Uint8Array>,
  options: CtfOptions = {}
): Promise<CtfImportReport> {
  const reader = createCtfReader(options);
  const decoder = createXmlTextDecoder(reader, reader.limits.maxLineBytes);
  for await (const chunk of source) {
    feedChunk(reader, decoder, chunk);
    // Nothing after a fatal problem is read, so stop pulling from the source.
    if (reader.halted) break;
  }
  finishFeeding(reader, decoder);
  return reader.end();
}
