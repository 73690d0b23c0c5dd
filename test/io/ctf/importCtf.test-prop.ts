import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { importCtf, readCtf } from '../../../src/io/index.js';
import { CALENDAR, fixtureBytes, fixtureText } from './ctfFixtures.js';
import { mutatedCtfArb, optionsArb } from './ctfArbitraries.js';

const TEXTS = [
  'synthetic-example.ctf.xml',
  'two-pupils.ctf.xml',
  'school-days.ctf.xml',
  'utf8-bom.ctf.xml',
].map((name) => fixtureText(name));
const BYTES = ['latin1.ctf.xml', 'utf8-bom.ctf.xml', 'two-pupils.ctf.xml', 'truncated.ctf.xml'].map((name) =>
  fixtureBytes(name)
);

function splitAt<T extends string | Uint8Array>(whole: T, cuts: readonly number[]): T[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  const pieces: T[] = [];
  let start = 0;
  for (const point of [...points, whole.length]) {
    pieces.push(whole.slice(start, point) as T);
    start = point;
  }
  return pieces;
}

async function* fromPieces<T>(pieces: readonly T[]): AsyncGenerator<T> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield piece;
  }
}

const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

describe('streaming equals reading the whole file', () => {
  test.prop([fc.constantFrom(...TEXTS), cutsArb, optionsArb])(
    'text split at arbitrary positions',
    async (text, cuts, options) => {
      expect(await importCtf(fromPieces(splitAt(text, cuts)), options)).toEqual(readCtf(text, options));
    }
  );

  test.prop([fc.constantFrom(...BYTES), cutsArb])(
    'bytes split at arbitrary positions, inside characters and byte order marks included',
    async (bytes, cuts) => {
      const options = { calendar: CALENDAR };
      expect(await importCtf(fromPieces(splitAt(bytes, cuts)), options)).toEqual(readCtf(bytes, options));
    }
  );

  test.prop([mutatedCtfArb, cutsArb, optionsArb])('broken files too', async (text, cuts, options) => {
    expect(await importCtf(fromPieces(splitAt(text, cuts)), options)).toEqual(readCtf(text, options));
  });
});
