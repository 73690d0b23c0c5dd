import { describe, expect, test } from 'vitest';
import {
  CsvByteScanner,
  CsvRowTooLongError,
  TOO_LONG_HEAD_BYTES,
} from '../../../src/io/long/_internal/csvByteScanner.js';
import type { CsvByteScannerOptions, CsvRow } from '../../../src/io/long/_internal/csvByteScanner.js';

// A line longer than the limit is handed over short (its line, its first bytes, its length) and skipped without
// being kept, wherever the chunks end; the rows around it read as they would without it.

function rowText(row: CsvRow): string {
  const fields: string[] = [];
  for (let field = 0; field < row.fieldCount; field += 1) fields.push(row.text(field));
  return `${row.line}: ${fields.join('|')}`;
}

interface TooLong {
  readonly line: number;
  readonly head: string;
  readonly byteLength: number;
  readonly unclosed: boolean;
}

function scan(
  text: string | Uint8Array,
  maxRowBytes: number,
  chunkBytes: number,
  options: CsvByteScannerOptions = {}
): { rows: string[]; tooLong: TooLong[]; fieldCapacity: number } {
  const rows: string[] = [];
  const tooLong: TooLong[] = [];
  let fieldCapacity = 0;
  const scanner = new CsvByteScanner(
    (row) => {
      fieldCapacity = Math.max(fieldCapacity, row.starts.length);
      rows.push(rowText(row));
    },
    {
      ...options,
      maxRowBytes,
      onTooLong: (line, head, byteLength, unclosed) => {
        tooLong.push({ line, head: new TextDecoder().decode(head), byteLength, unclosed });
      },
    }
  );
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    scanner.push(bytes.subarray(start, start + chunkBytes));
  }
  scanner.end();
  return { rows, tooLong, fieldCapacity };
}

const CHUNK_SIZES = [1, 2, 3, 7, 16, 64, 1 << 20];

describe('CsvByteScanner: rows over maxRowBytes', () => {
  test('a long line between good ones is reported once with its line, start and length, then skipped', () => {
    const text = `a,b\r\n${'x'.repeat(30)},y\r\nc,d\r\n`;
    for (const chunk of CHUNK_SIZES) {
      expect(scan(text, 10, chunk)).toMatchObject({
        rows: ['1: a|b', '3: c|d'],
        tooLong: [{ line: 2, head: `${'x'.repeat(30)},y`, byteLength: 32, unclosed: false }],
      });
    }
  });

  test('a row of exactly the limit is read; one byte more is not (the line break is not counted)', () => {
    for (const chunk of CHUNK_SIZES) {
      expect(scan('abcdefghij\nabcdefghijk\n', 10, chunk)).toMatchObject({
        rows: ['1: abcdefghij'],
        tooLong: [{ line: 2, byteLength: 11 }],
      });
    }
  });

  test('a quoted field with line breaks counts as one long line, and line numbers go on after it', () => {
    const text = `h\n"${'x\n'.repeat(20)}"\nlast\n`;
    for (const chunk of CHUNK_SIZES) {
      expect(scan(text, 16, chunk)).toMatchObject({
        rows: ['1: h', '23: last'],
        tooLong: [{ line: 2, byteLength: 42, unclosed: false }],
      });
    }
  });

  test('a quote never closed runs to the end of the input and is reported as unclosed', () => {
    const text = `h\n"open${'y'.repeat(40)}\nmore\n`;
    for (const chunk of CHUNK_SIZES) {
      expect(scan(text, 20, chunk)).toMatchObject({
        rows: ['1: h'],
        tooLong: [{ line: 2, unclosed: true, byteLength: text.length - 2 }],
      });
    }
  });

  test('only the first bytes of a huge line are kept for the message', () => {
    const { tooLong } = scan(`${'é'.repeat(100_000)}\nok\n`, 1000, 4096);
    expect(tooLong).toHaveLength(1);
    expect(tooLong[0]!.byteLength).toBe(200_000);
    // 320 bytes: 160 two-byte characters, none cut.
    expect(tooLong[0]!.head).toBe('é'.repeat(TOO_LONG_HEAD_BYTES / 2));
  });

  test('a megabyte of delimiters does not grow the field arrays beyond the limit', () => {
    const commas = new Uint8Array(1 << 20).fill(0x2c);
    for (const chunk of [1 << 10, 1 << 20, 1 << 21]) {
      const { rows, tooLong, fieldCapacity } = scan(commas, 1000, chunk);
      expect(rows).toEqual([]);
      expect(tooLong).toMatchObject([{ line: 1, byteLength: 1 << 20 }]);
      expect(fieldCapacity).toBeLessThanOrEqual(2048);
    }
  });

  test('several MB of NUL bytes: one report, quickly, without keeping them', () => {
    const nuls = new Uint8Array(8 << 20);
    const { rows, tooLong } = scan(nuls, 1 << 16, 1 << 16);
    expect(rows).toEqual([]);
    expect(tooLong).toMatchObject([{ line: 1, byteLength: 8 << 20, unclosed: false }]);
  });

  test('a long delimiter and a cut inside it do not change the count', () => {
    for (const chunk of CHUNK_SIZES) {
      expect(scan(`a::b\n${'z::'.repeat(10)}\nc::d`, 12, chunk, { delimiter: '::' })).toMatchObject({
        rows: ['1: a|b', '3: c|d'],
        tooLong: [{ line: 2, byteLength: 30 }],
      });
    }
  });

  test('without onTooLong, a row carried past a chunk beyond the limit throws CsvRowTooLongError', () => {
    const bytes = new TextEncoder().encode(`a,b\n${'x'.repeat(20)}\n`);
    const read = (chunk: number): string[] => {
      const rows: string[] = [];
      const scanner = new CsvByteScanner((row) => rows.push(rowText(row)), { maxRowBytes: 10 });
      for (let start = 0; start < bytes.length; start += chunk)
        scanner.push(bytes.subarray(start, start + chunk));
      scanner.end();
      return rows;
    };
    expect(() => read(3)).toThrow(CsvRowTooLongError);
    // A row that lies whole in one chunk is reported, as it always was: its reader checks its length.
    expect(read(1 << 20)).toEqual(['1: a|b', `2: ${'x'.repeat(20)}`]);
  });
});
