import type { AttendanceIssue } from '../../../errors.js';
import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';
import { DEFAULT_MAX_LINE_BYTES } from '../../limits/inputLimits.js';
import {
  CsvByteScanner,
  CsvRowTooLongError,
  FIELD_MALFORMED,
  FIELD_QUOTED,
  FIELD_UNCLOSED,
} from '../../long/_internal/csvByteScanner.js';
import type { CsvRow } from '../../long/_internal/csvByteScanner.js';
import { loneSurrogateAt } from '../../_internal/loneSurrogate.js';
import { lineAt } from './inputText.js';

/** One CSV record with the 1-based file line it starts on. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The line breaks in `bytes[start, end)`, a CRLF counting as one. */
function lineBreaks(bytes: Uint8Array, start: number, end: number): number {
  let breaks = 0;
  for (let index = start; index < end; index += 1) {
    const byte = bytes[index]!;
    if (byte === LF || (byte === CR && bytes[index + 1] !== LF)) breaks += 1;
  }
  return breaks;
}

/** A quote inside an unquoted field, in csv-parse's words: the field's text before it (the first from `from`). */
function openingQuote(
  value: string,
  from: number,
  field: number,
  line: number
): { line: number; reason: string } {
  const before = value.slice(0, value.indexOf('"', from));
  return {
    line,
    reason: `Invalid Opening Quote: a quote is found on field ${field} at line ${line}, value is ${excerpt(before)}${before === '\uFEFF' ? ' (utf8 bom)' : ''}`,
  };
}

/**
 * Why a row breaks strict RFC 4180, in csv-parse's words, or undefined when it does not: a quote inside an
 * unquoted field, text after a closing quote, or a quote still open at the end of the input.
 *
 * @param row - The row.
 * @param lastLine - The line of the last byte of the input (where an open quote is found to be unclosed).
 * @returns The line of the fault and its description.
 */
function strictFault(row: CsvRow, lastLine: number): { line: number; reason: string } | undefined {
  const { bytes, starts, ends, flags } = row;
  let line = row.line;
  for (let field = 0; field < row.fieldCount; field += 1) {
    const start = starts[field]!;
    const end = ends[field]!;
    const flag = flags[field]!;
    if ((flag & FIELD_UNCLOSED) !== 0) {
      return {
        line: lastLine,
        reason: `Quote Not Closed: the parsing is finished with an opening quote at line ${lastLine}`,
      };
    }
    if ((flag & FIELD_MALFORMED) !== 0) {
      // The range starts at the opening quote; the closing one is the first quote not doubled.
      let quote = start + 1;
      for (;;) {
        while (bytes[quote] !== QUOTE) quote += 1;
        if (bytes[quote + 1] !== QUOTE) break;
        quote += 2;
      }
      line += lineBreaks(bytes, start, quote);
      const got = bytes[quote + 1]!;
      // csv-parse takes a NUL after a closing quote for the end of its input, and reads on (see CsvRow.text).
      if (got !== 0) {
        return {
          line,
          reason: `Invalid Closing Quote: got "${String.fromCharCode(got)}" at line ${line} instead of delimiter, record delimiter, trimable character (if activated) or comment`,
        };
      }
      const rest = bytes.subarray(quote + 1, end);
      if (rest.includes(QUOTE)) {
        // The field reads as its quoted text followed by the rest, where the quote is.
        const value = row.text(field);
        return openingQuote(value, value.length - utf8.decode(rest).length, field, line);
      }
    } else if (flag === 0) {
      if (bytes.subarray(start, end).includes(QUOTE)) return openingQuote(row.text(field), 0, field, line);
    } else {
      line += lineBreaks(bytes, start, end);
    }
  }
  return undefined;
}

/** A problem that ends the read at its line; the records before it are kept. */
interface Fault {
  readonly line: number;
  readonly code: 'malformed_input' | 'too_long' | 'encoding';
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

function syntaxFault({ line, reason }: { line: number; reason: string }): Fault {
  return {
    line,
    code: 'malformed_input',
    message: `The CSV text cannot be read at line ${line}: ${reason}`,
    expected: 'well-formed CSV (RFC 4180)',
    // The scanner's reason may quote the field: kept to about 80 characters like every quotation of input.
    received: reason.length > MAX_EXCERPT_LENGTH ? `${reason.slice(0, MAX_EXCERPT_LENGTH - 1)}…` : reason,
  };
}

/** Why a line may be too long, for the message: known from a whole row, guessed when the scan stopped in one. */
const TOO_LONG_CAUSES = {
  row: '',
  unclosed: ': a quoted field opened there is never closed',
  unfinished: ': a line with no line break, or a quoted field opened there and never closed',
} as const;

function tooLongFault(line: number, maxLineBytes: number, cause: keyof typeof TOO_LONG_CAUSES): Fault {
  return {
    line,
    code: 'too_long',
    message: `Line ${line} is longer than ${maxLineBytes} bytes (the maxLineBytes limit)${TOO_LONG_CAUSES[cause]}.`,
    expected: `a line of at most ${maxLineBytes} bytes`,
    received: `more than ${maxLineBytes} bytes`,
  };
}

function surrogateFault(text: string, index: number): Fault {
  const line = lineAt(text, index);
  const unit = text.charCodeAt(index).toString(16).toUpperCase();
  return {
    line,
    code: 'encoding',
    message: `Line ${line} holds an unpaired surrogate (U+${unit}), which no UTF-8 file can hold: the text cannot be written back as it is.`,
    expected: 'well-formed Unicode text (no unpaired surrogate)',
    received: `U+${unit}`,
  };
}

/** How many UTF-16 units of text are encoded and scanned at a time. */
const CHUNK_UNITS = 1 << 16;

/** The bytes a row spans in its buffer, from its first field's first byte to its last field's last. */
function rowByteLength(row: CsvRow): number {
  const last = row.fieldCount - 1;
  // A quoted field's range leaves its quotes out (a malformed one's keeps them); count them back in.
  const opening = (row.flags[0]! & (FIELD_QUOTED | FIELD_MALFORMED)) === FIELD_QUOTED ? 1 : 0;
  const closing =
    (row.flags[last]! & (FIELD_QUOTED | FIELD_MALFORMED | FIELD_UNCLOSED)) === FIELD_QUOTED ? 1 : 0;
  return row.ends[last]! + closing - (row.starts[0]! - opening);
}

/** Whether every field of a record is empty or white space: a blank line, or a line of bare commas. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}

/**
 * Reads CSV text into records (a byte-order mark and blank lines skipped), each with the line it starts on.
 * A problem that makes the rest unreadable ends the read with an issue at its line: a syntax error (e.g. an
 * unclosed quote) is `malformed_input`, a record longer than `maxLineBytes` is `too_long` and an unpaired
 * surrogate (which a JavaScript string can hold but a UTF-8 file cannot) is `encoding`. The records before it
 * are kept so that their problems can be reported too.
 *
 * @remarks
 * The records come from the library's CSV scanner (src/io/long/_internal/csvByteScanner.ts), read strictly: a
 * quote inside an unquoted field, text after a closing quote and a quote never closed are errors, described as
 * csv-parse describes them. Line breaks (CRLF, LF or CR, mixed) count one line each, inside quotes too. A
 * record whose every field is empty or white space is skipped as a blank line is. The text is encoded and
 * scanned a chunk at a time, so a record over the limit (a file with no line breaks, or a quote never closed)
 * is refused once the limit is passed, never gathered whole.
 *
 * @param text - The CSV text.
 * @param issues - Where the problem, if any, is pushed.
 * @param source - The file name for the issue.
 * @param maxLineBytes - The longest record accepted, in UTF-8 bytes (line breaks inside quotes included).
 * @returns The records read.
 * @example
 * readCsv('a,b\n1,2\n', []) //=> [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function readCsv(
  text: string,
  issues: AttendanceIssue[],
  source?: string,
  maxLineBytes: number = DEFAULT_MAX_LINE_BYTES
): CsvRecord[] {
  const records: CsvRecord[] = [];
  // One search of the whole text: the line of the first unpaired surrogate, if there is one, ends the read.
  const surrogate = loneSurrogateAt(text);
  const surrogateLine = surrogate < 0 ? Number.POSITIVE_INFINITY : lineAt(text, surrogate);
  let fault: Fault | undefined;
  let lastLine = 0;
  const scanner = new CsvByteScanner(
    (row) => {
      if (fault !== undefined) return;
      if (row.endLine >= surrogateLine) {
        fault = surrogateFault(text, surrogate);
        return;
      }
      if (rowByteLength(row) > maxLineBytes) {
        const unclosed = (row.flags[row.fieldCount - 1]! & FIELD_UNCLOSED) !== 0;
        fault = tooLongFault(row.line, maxLineBytes, unclosed ? 'unclosed' : 'row');
        return;
      }
      const syntax = strictFault(row, lastLine);
      if (syntax !== undefined) {
        fault = syntaxFault(syntax);
        return;
      }
      const fields: string[] = [];
      for (let field = 0; field < row.fieldCount; field += 1) fields.push(row.text(field));
      if (!isBlank(fields)) records.push({ fields, line: row.line });
    },
    { maxRowBytes: maxLineBytes }
  );
  // Encoded a chunk at a time into one buffer (the scanner copies what it keeps of a chunk).
  const buffer = new Uint8Array(Math.min(text.length, CHUNK_UNITS) * 3);
  try {
    for (let from = 0; from < text.length && fault === undefined;) {
      let to = Math.min(from + CHUNK_UNITS, text.length);
      // Never split a surrogate pair between two chunks: each half alone would be encoded as U+FFFD.
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
      const { written } = encoder.encodeInto(text.slice(from, to), buffer);
      scanner.push(buffer.subarray(0, written));
      from = to;
    }
    if (fault === undefined) {
      // Only a row still open at the end, whose quote is never closed, needs the line of the last byte.
      const last = text.charCodeAt(text.length - 1);
      lastLine = scanner.line - (last === LF || last === CR ? 1 : 0);
      scanner.end();
    }
  } catch (error) {
    if (!(error instanceof CsvRowTooLongError)) throw error;
    // The scanner stops in a row once it passes the limit, so the row is never gathered whole.
    fault ??= tooLongFault(error.line, maxLineBytes, 'unfinished');
  }
  if (fault === undefined && surrogate >= 0) fault = surrogateFault(text, surrogate);
  if (fault !== undefined) {
    const { line, code, message, expected, received } = fault;
    issues.push({
      code,
      severity: 'error',
      message,
      path: [line],
      expected,
      received,
      line,
      ...(source === undefined ? {} : { source }),
    });
  }
  return records;
}
