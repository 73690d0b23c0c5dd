import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CsvByteScanner } from '../../../src/io/long/_internal/csvByteScanner.js';
import type { CsvRow } from '../../../src/io/long/_internal/csvByteScanner.js';

// The row length limit must not depend on where the chunks end, must skip exactly the rows that are too long
// (the others read as they would with no limit), and must report each skipped row at the line it starts on,
// with its first bytes and a length that ends it at a line break or at the end of the input.

type Event =
  | { readonly kind: 'row'; readonly line: number; readonly text: string }
  | { readonly kind: 'long'; readonly line: number; readonly head: number[]; readonly byteLength: number };

function rowText(row: CsvRow): string {
  const fields: string[] = [];
  for (let field = 0; field < row.fieldCount; field += 1) fields.push(row.text(field));
  return fields.join('\u0001');
}

function scan(bytes: Uint8Array, cuts: readonly number[], delimiter: string, maxRowBytes?: number): Event[] {
  const events: Event[] = [];
  const scanner = new CsvByteScanner(
    (row) => {
      events.push({ kind: 'row', line: row.line, text: rowText(row) });
    },
    {
      delimiter,
      bom: false,
      maxRowBytes: maxRowBytes ?? Number.MAX_SAFE_INTEGER,
      onTooLong: (line, head, byteLength) => {
        events.push({ kind: 'long', line, head: [...head], byteLength });
      },
    }
  );
  let start = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= start || cut >= bytes.length) continue;
    scanner.push(bytes.subarray(start, cut));
    start = cut;
  }
  scanner.push(bytes.subarray(start));
  scanner.end();
  return events;
}

/** The byte offset each line starts at (1-based lines; CRLF, LF and CR each end one). */
function lineStarts(bytes: Uint8Array): number[] {
  const starts = [0, 0];
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte === 13 && bytes[index + 1] === 10) index += 1;
    if (byte === 13 || byte === 10) starts.push(index + 1);
  }
  return starts;
}

const textArb = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '""', ',', '::', '\n', '\r', '\r\n', 'é', '😀', '\u0000', 'abc'),
      fc.string({ maxLength: 6 }),
      fc.nat({ max: 80 }).map((length) => 'x'.repeat(length))
    ),
    { maxLength: 40 }
  )
  .map((parts) => new TextEncoder().encode(parts.join('')));

describe('CsvByteScanner: the row length limit', () => {
  test.prop([
    textArb,
    fc.oneof(
      fc.array(fc.nat({ max: 400 }), { maxLength: 10 }),
      // Small chunks of one size: every kind of byte falls at a chunk's start or end somewhere.
      fc.integer({ min: 1, max: 8 }).map((size) => Array.from({ length: 400 }, (_, index) => index * size))
    ),
    fc.integer({ min: 1, max: 60 }),
    fc.constantFrom(',', '::'),
  ])('chunks cut anywhere give the same rows and the same skipped rows', (bytes, cuts, limit, delimiter) => {
    expect(scan(bytes, cuts, delimiter, limit)).toEqual(scan(bytes, [], delimiter, limit));
  });

  test.prop([textArb, fc.integer({ min: 1, max: 60 }), fc.constantFrom(',', '::')])(
    'exactly the rows longer than the limit are skipped, each reported where it starts',
    (bytes, limit, delimiter) => {
      const unlimited = scan(bytes, [], delimiter);
      const limited = scan(bytes, [], delimiter, limit);
      const starts = lineStarts(bytes);
      expect(limited.map((event) => event.line)).toEqual(unlimited.map((event) => event.line));
      limited.forEach((event, index) => {
        if (event.kind === 'row') {
          expect(event).toEqual(unlimited[index]);
          return;
        }
        const from = starts[event.line]!;
        const end = from + event.byteLength;
        expect(event.byteLength).toBeGreaterThan(limit);
        expect(event.head).toEqual([...bytes.subarray(from, from + event.head.length)]);
        expect(event.head.length).toBe(Math.min(event.byteLength, 320));
        expect(end === bytes.length || bytes[end] === 10 || bytes[end] === 13).toBe(true);
      });
    }
  );
});
