import { describe, expect, test } from 'vitest';
import {
  CsvByteScanner,
  FIELD_ESCAPED,
  FIELD_MALFORMED,
  FIELD_QUOTED,
  FIELD_UNCLOSED,
} from '../../../src/io/long/_internal/csvByteScanner.js';
import type { CsvByteScannerOptions, CsvRow } from '../../../src/io/long/_internal/csvByteScanner.js';

// The byte scanner with delimiters of more than one byte (`::`, or a character beyond ASCII), which the general
// register reader takes it for, and how it reads malformed fields (as csv-parse's relax_quotes did, which the
// general reader used before it). Chunks may end anywhere, inside a delimiter too.

function rowText(row: CsvRow): string {
  const fields = Array.from(
    { length: row.fieldCount },
    (_, field) => row.text(field) + (row.flags[field] === 0 ? '' : `/${row.flags[field]}`)
  );
  return `${row.line}-${row.endLine}:${fields.join('|')}`;
}

function scan(bytes: Uint8Array, options: CsvByteScannerOptions, cuts: readonly number[]): string[] {
  const rows: string[] = [];
  const scanner = new CsvByteScanner((row) => rows.push(rowText(row)), options);
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(at, cut));
    at = cut;
  }
  scanner.end();
  return rows;
}

/** The rows of `text`, checked to be the same however the bytes are cut: whole, a byte at a time, in two. */
function scanAnyhow(text: string, options: CsvByteScannerOptions = {}): string[] {
  const bytes = new TextEncoder().encode(text);
  const whole = scan(bytes, options, []);
  const single = scan(
    bytes,
    options,
    Array.from({ length: bytes.length }, (_, index) => index)
  );
  expect(single).toEqual(whole);
  for (let cut = 0; cut <= bytes.length; cut += 1) expect(scan(bytes, options, [cut])).toEqual(whole);
  return whole;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

describe('delimiters of more than one byte', () => {
  test.each<[string, string, string[]]>([
    ['::', 'a::b::c\n', ['1-1:a|b|c']],
    ['::', 'a:b::c:\n', ['1-1:a:b|c:']],
    // Matched left to right, as csv-parse matches them: `:::` is a delimiter then a `:`.
    ['::', 'a:::b\n', ['1-1:a|:b']],
    ['::', 'a::::b\n', ['1-1:a||b']],
    ['::', '"x::y"::"z"\n', [`1-1:x::y/${FIELD_QUOTED}|z/${FIELD_QUOTED}`]],
    ['::', '"x":y::z\n', [`1-1:"x":y/${FIELD_MALFORMED}|z`]],
    ['::', 'a::\n', ['1-1:a|']],
    ['::', 'a::', ['1-1:a|']],
    ['::', 'a:', ['1-1:a:']],
    ['::', '"a":', [`1-1:"a":/${FIELD_MALFORMED}`]],
    ['::', '"a"::', [`1-1:a/${FIELD_QUOTED}|`]],
    ['§', 'é§ü§\n"§"§x', ['1-1:é|ü|', `2-2:§/${FIELD_QUOTED}|x`]],
    ['ab', 'aab\nxaby\r\n', ['1-1:a|', '2-2:x|y']],
  ])('%j in %j', (delimiter, text, rows) => {
    expect(scanAnyhow(text, { delimiter })).toEqual(rows);
  });

  test('random CSV with a delimiter of several bytes gives back its records and lines in any chunks', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
      const [delimiter, characters] = pick<[string, string[]]>([
        ['::', [':']],
        [';;', [';']],
        ['§', ['§']],
        ['<>', ['<', '>']],
        ['ab', ['a', 'b']],
      ]);
      const pieces = ['a', 'b', ':', ';', '<', '>', 'é', '§', ' ', '"', '\n', '\r\n', '\r', 'x'];
      const expected: string[] = [];
      let text = '';
      let line = 1;
      for (let row = 0; row < 1 + Math.floor(next() * 5); row += 1) {
        const fields: string[] = [];
        let encoded = '';
        let breaks = 0;
        const fieldCount = 1 + Math.floor(next() * 4);
        for (let field = 0; field < fieldCount; field += 1) {
          let value = '';
          for (let piece = Math.floor(next() * 4); piece > 0; piece -= 1) value += pick(pieces);
          // A value is quoted when it holds any character of the delimiter, a quote or a line break.
          const quoted =
            value === '' ||
            /["\r\n]/.test(value) ||
            characters.some((character) => value.includes(character));
          fields.push(value);
          encoded += quoted ? `"${value.replaceAll('"', '""')}"` : value;
          if (quoted) breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0;
          if (field < fieldCount - 1) encoded += delimiter;
        }
        expected.push(`${line}:${fields.join('|')}`);
        text += `${encoded}\n`;
        line += breaks + 1;
      }
      const bytes = new TextEncoder().encode(text);
      const cuts: number[] = [];
      for (let at = 1 + Math.floor(next() * 3); at < bytes.length; at += 1 + Math.floor(next() * 5))
        cuts.push(at);
      const got: string[] = [];
      const scanner = new CsvByteScanner(
        (row) => {
          const values = Array.from({ length: row.fieldCount }, (_, field) => row.text(field));
          got.push(`${row.line}:${values.join('|')}`);
        },
        { delimiter }
      );
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        scanner.push(bytes.subarray(from, cut));
        from = cut;
      }
      scanner.end();
      expect({ seed, text, rows: got }).toEqual({ seed, text, rows: expected });
    }
  });

  test('a delimiter with a quote or a line break, or an empty one, is refused', () => {
    for (const delimiter of ['', '"', ';"', '\n', 'a\r']) {
      expect(() => new CsvByteScanner(() => undefined, { delimiter })).toThrow(RangeError);
    }
  });
});

describe('malformed fields read as csv-parse relax_quotes reads them', () => {
  test.each<[string, string[]]>([
    ['"bc"d,e\n', [`1-1:"bc"d/${FIELD_MALFORMED}|e`]],
    // The quoted part's pairs are collapsed; the rest, where quotes are text, stays as it is.
    ['"a""b"c""d,e\n', [`1-1:"a"b"c""d/${FIELD_MALFORMED}|e`]],
    // A NUL after the closing quote closes the field, as csv-parse took it for the end of its input.
    ['"a""b"\u0000c,e\n', [`1-1:a"b\u0000c/${FIELD_MALFORMED}|e`]],
    ['"a\nb"c\nx', [`1-2:"a\nb"c/${FIELD_MALFORMED}`, '3-3:x']],
    ['"a"b', [`1-1:"a"b/${FIELD_MALFORMED}`]],
  ])('%j', (text, rows) => {
    expect(scanAnyhow(text)).toEqual(rows);
  });

  test('the empty field after a delimiter at the very end has no flags of the field before it', () => {
    expect(scanAnyhow('"a"b,')).toEqual([`1-1:"a"b/${FIELD_MALFORMED}|`]);
    expect(scanAnyhow('"a",')).toEqual([`1-1:a/${FIELD_QUOTED}|`]);
    expect(scanAnyhow('"a""",')).toEqual([`1-1:a"/${FIELD_QUOTED | FIELD_ESCAPED}|`]);
    expect(scanAnyhow('x,"a')).toEqual([`1-1:x|a/${FIELD_QUOTED | FIELD_UNCLOSED}`]);
  });
});
