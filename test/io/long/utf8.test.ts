import { Buffer, isUtf8 } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { checkUtf8, UTF8_INVALID, UTF8_REPLACED, UTF8_VALID } from '../../../src/io/long/_internal/utf8.js';

// The importers' own UTF-8 check (it replaced Node's isUtf8 so that src/io runs in any engine) must say what
// isUtf8 and a search for an encoded U+FFFD said together, on every input.

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

function expected(bytes: Uint8Array): number {
  if (!isUtf8(bytes)) return UTF8_INVALID;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(REPLACEMENT)
    ? UTF8_REPLACED
    : UTF8_VALID;
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

describe('checkUtf8', () => {
  test.each([
    ['ASCII', [0x61, 0x62], UTF8_VALID],
    ['empty', [], UTF8_VALID],
    ['é, €, 😀', [...Buffer.from('é€😀')], UTF8_VALID],
    ['U+FFFD', [0x61, 0xef, 0xbf, 0xbd], UTF8_REPLACED],
    ['Latin-1 é', [0x63, 0xe9], UTF8_INVALID],
    ['overlong C0', [0xc0, 0xaf], UTF8_INVALID],
    ['overlong E0', [0xe0, 0x80, 0xaf], UTF8_INVALID],
    ['overlong F0', [0xf0, 0x80, 0x80, 0xaf], UTF8_INVALID],
    ['surrogate', [0xed, 0xa0, 0x80], UTF8_INVALID],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80], UTF8_INVALID],
    ['F5', [0xf5, 0x80, 0x80, 0x80], UTF8_INVALID],
    ['lone continuation', [0x80], UTF8_INVALID],
    ['cut short', [0xe2, 0x82], UTF8_INVALID],
    ['U+FFFD after an invalid byte', [0xff, 0xef, 0xbf, 0xbd], UTF8_INVALID],
  ])('%s', (_name, bytes, result) => {
    expect(checkUtf8(Uint8Array.from(bytes))).toBe(result);
    expect(expected(Uint8Array.from(bytes))).toBe(result);
  });

  test('only the first `length` bytes are checked', () => {
    const bytes = Uint8Array.from([0x61, 0x62, 0xff]);
    expect(checkUtf8(bytes, 2)).toBe(UTF8_VALID);
    expect(checkUtf8(bytes)).toBe(UTF8_INVALID);
  });

  test('agrees with isUtf8 on random bytes at every alignment, with long ASCII runs', () => {
    const next = random(1);
    const special = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbd, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0];
    special.push(0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff);
    const pieces = [...['é', '€', '😀', '\uFFFD', 'a'].map((text) => [...Buffer.from(text)])];
    for (let round = 0; round < 20_000; round += 1) {
      const length = Math.floor(next() * (next() < 0.2 ? 200 : 24));
      const bytes: number[] = [];
      while (bytes.length < length) {
        const pick = next();
        if (pick < 0.6) bytes.push(0x41 + Math.floor(next() * 26));
        else if (pick < 0.8) bytes.push(special[Math.floor(next() * special.length)]!);
        else bytes.push(...pieces[Math.floor(next() * pieces.length)]!);
      }
      // Placed at every offset of a word, so that both the byte and the four-byte paths are taken.
      const offset = round % 4;
      const buffer = new Uint8Array(offset + bytes.length + 4);
      buffer.set(bytes, offset);
      const view = buffer.subarray(offset, offset + bytes.length);
      if (checkUtf8(view) !== expected(view)) {
        throw new Error(`checkUtf8 disagrees on ${Buffer.from(view).toString('hex')} at offset ${offset}`);
      }
    }
  });
});
