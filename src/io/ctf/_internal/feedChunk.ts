import type { AttendanceIssue } from '../../../errors.js';
import type { CtfReader } from './ctfReader.js';
import type { XmlTextDecoder } from './xmlTextDecoder.js';

function notTextNorBytes(piece: unknown, line: number): AttendanceIssue {
  const received = piece === null ? 'null' : Array.isArray(piece) ? 'an array' : typeof piece;
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `The CTF input must be text or bytes (a string or a Uint8Array such as a Buffer), not ${received}.`,
    path: [],
    line,
    expected: 'a string or a Uint8Array',
    received,
  };
}

/**
 * Feeds one piece of a CTF file to the reader, through the decoder (which passes on whole lines of text). An
 * encoding problem, a line over the limit, or a piece that is neither text nor bytes stops the reader.
 *
 * @param reader - The CTF reader.
 * @param decoder - The decoder of this input, writing to the reader.
 * @param chunk - The next piece of the file.
 * @example
 * feedChunk(reader, decoder, '<CTfile>');
 */
export function feedChunk(reader: CtfReader, decoder: XmlTextDecoder, chunk: string | Uint8Array): void {
  if (reader.halted) return;
  // Untyped callers may pass anything; a piece that is neither text nor bytes is a problem with the input.
  const piece: unknown = chunk;
  if (typeof piece === 'string') decoder.text(piece);
  else if (piece instanceof Uint8Array) decoder.bytes(piece);
  else reader.fail(notTextNorBytes(piece, reader.line));
}

/**
 * Feeds what the decoder still holds at the end of the input.
 *
 * @param reader - The CTF reader.
 * @param decoder - The decoder of this input, writing to the reader.
 * @example
 * finishFeeding(reader, decoder);
 */
export function finishFeeding(reader: CtfReader, decoder: XmlTextDecoder): void {
  if (reader.halted) return;
  decoder.end();
}
