import fc from 'fast-check';

// Random ways to cut a file into the pieces a stream delivers: anywhere, including inside a character, a quoted
// field, a tag or a byte order mark, and sometimes a byte (or character) at a time.

/** Where to cut: offsets (any size, taken modulo the length), or every `n`th unit. */
export type Cuts =
  | { readonly kind: 'at'; readonly offsets: readonly number[] }
  | { readonly kind: 'every'; readonly size: number };

/** A random way of cutting. */
export const cutsArb: fc.Arbitrary<Cuts> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('at' as const),
      offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 24 }),
    }),
  },
  fc.record({ kind: fc.constant('every' as const), size: fc.integer({ min: 1, max: 7 }) })
);

/**
 * The pieces of a text or byte array cut as `cuts` says (each non-empty; their concatenation is the whole).
 *
 * @param whole - The file.
 * @param cuts - Where to cut.
 */
export function piecesOf<T extends string | Uint8Array>(whole: T, cuts: Cuts): T[] {
  const length = whole.length;
  const offsets =
    cuts.kind === 'every'
      ? Array.from({ length: Math.ceil(length / cuts.size) }, (_, index) => index * cuts.size)
      : [...new Set(cuts.offsets.map((offset) => (length === 0 ? 0 : offset % length)))].sort(
          (a, b) => a - b
        );
  const pieces: T[] = [];
  let start = 0;
  for (const offset of offsets) {
    if (offset <= start) continue;
    pieces.push(whole.slice(start, offset) as T);
    start = offset;
  }
  if (start < length || pieces.length === 0) pieces.push(whole.slice(start) as T);
  return pieces;
}

/**
 * An async source yielding the pieces, each after a microtask, as a stream would.
 *
 * @param pieces - The pieces.
 */
export async function* sourceOf<T>(pieces: readonly T[]): AsyncGenerator<T> {
  for (const piece of pieces) {
    await Promise.resolve();
    yield piece;
  }
}
