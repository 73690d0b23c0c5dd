import type { AttendanceIssue } from '../../../errors.js';
import { CsvByteScanner, FIELD_MALFORMED, FIELD_UNCLOSED } from '../../long/_internal/csvByteScanner.js';
import type { CsvRow } from '../../long/_internal/csvByteScanner.js';

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
    reason: `Invalid Opening Quote: a quote is found on field ${field} at line ${line}, value is ${JSON.stringify(before)}${before === '\uFEFF' ? ' (utf8 bom)' : ''}`,
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

/**
 * Reads CSV text into records (a byte-order mark and blank lines skipped), each with the line it starts on.
 * A syntax error (e.g. an unclosed quote) ends the read with a `malformed_input` issue at its line; the
 * records before it are kept so that their problems can be reported too.
 *
 * @remarks
 * The records come from the library's CSV scanner (src/io/long/_internal/csvByteScanner.ts), read strictly: a
 * quote inside an unquoted field, text after a closing quote and a quote never closed are errors, described as
 * csv-parse describes them. Line breaks (CRLF, LF or CR, mixed) count one line each, inside quotes too.
 *
 * @param text - The CSV text.
 * @param issues - Where the syntax error, if any, is pushed.
 * @param source - The file name for the issue.
 * @returns The records read.
 * @example
 * readCsv('a,b\n1,2\n', []) //=> [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function readCsv(text: string, issues: AttendanceIssue[], source?: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const bytes = encoder.encode(text);
  let fault: { line: number; reason: string } | undefined;
  let lastLine = 0;
  const scanner = new CsvByteScanner(
    (row) => {
      if (fault !== undefined) return;
      fault = strictFault(row, lastLine);
      if (fault !== undefined) return;
      const fields: string[] = [];
      for (let field = 0; field < row.fieldCount; field += 1) fields.push(row.text(field));
      records.push({ fields, line: row.line });
    },
    { maxRowBytes: Number.MAX_SAFE_INTEGER }
  );
  scanner.push(bytes);
  // Only a row still open at the end, whose quote is never closed, needs the line of the last byte.
  const last = bytes[bytes.length - 1];
  lastLine = scanner.line - (last === LF || last === CR ? 1 : 0);
  scanner.end();
  if (fault !== undefined) {
    const { line, reason } = fault;
    issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: `The CSV text cannot be read at line ${line}: ${reason}`,
      path: [line],
      expected: 'well-formed CSV (RFC 4180)',
      received: reason,
      line,
      ...(source === undefined ? {} : { source }),
    });
  }
  return records;
}
