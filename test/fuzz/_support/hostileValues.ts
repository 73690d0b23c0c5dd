import fc from 'fast-check';
import { anyValueArb } from '../../_arbitraries/anyValue.js';

// Values a caller may hand a function that takes untrusted input (a parsed configuration file, a request body,
// stored state): any JavaScript value, BigInts, values that contain themselves, values nested thousands deep,
// NaN and the infinities, lone surrogates, huge strings, `__proto__` keys. And valid values with one part, at a
// random place, replaced by such a value, which reach further into the code than wholly random ones.

/** Any JavaScript value, small. */
export const anythingArb = anyValueArb;

/** Single values that break code that assumes ordinary numbers and strings. */
export const ODD_VALUES: readonly unknown[] = [
  0n,
  12n,
  -(2n ** 70n),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  0.5,
  1e21,
  '',
  ' ',
  '\uD800',
  'P\uDC00',
  '\u0000',
  '\uFEFF',
  '2024-02-30',
  '2024-13-01',
  '0000-01-01',
  '+275760-09-13',
  '2024-09-02T00:00:00Z',
  'AM ',
  'am',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'toString',
  null,
  undefined,
  true,
  Symbol('odd'),
  () => 1,
  [],
  {},
  [[]],
  new Date(Number.NaN),
  Object.create(null) as unknown,
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
];

/** One of {@link ODD_VALUES}. */
export const oddValueArb = fc.constantFrom(...ODD_VALUES);

/** A string of up to 200,000 characters, so that quoting it whole would flood a message. */
export const hugeStringArb = fc
  .tuple(fc.integer({ min: 200, max: 200_000 }), fc.constantFrom('x', '\u0000', '"', '\uD800', '😀', 'é'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/** A value that contains itself, in an object or an array. */
export const circularArb = fc.tuple(anythingArb, fc.boolean()).map(([inner, asArray]) => {
  if (asArray) {
    const array: unknown[] = [inner];
    array.push([array]);
    return array;
  }
  const object: Record<string, unknown> = { inner };
  object['self'] = { again: object };
  return object;
});

/**
 * A value nested `depth` levels in arrays or objects, around `inner`.
 *
 * @param depth - Levels.
 * @param inArrays - Arrays (else objects under the given key).
 * @param inner - The innermost value.
 * @param key - The key of each object level.
 */
export function nest(depth: number, inArrays: boolean, inner: unknown, key = 'value'): unknown {
  let value = inner;
  for (let level = 0; level < depth; level += 1) value = inArrays ? [value] : { [key]: value };
  // fast-check prints a failing value recursively, which overflows on thousands of levels: print a summary.
  if (typeof value === 'object' && value !== null && depth > 50)
    Object.defineProperty(value, fc.toStringMethod, {
      value: () => `nest(${depth}, ${inArrays}, ${fc.stringify(inner)}, ${JSON.stringify(key)})`,
      enumerable: false,
    });
  return value;
}

/** A value nested up to 10,000 levels deep (deeper than any limit, and than a naive recursion survives). */
export const deepArb = fc
  .tuple(fc.integer({ min: 1, max: 10_000 }), fc.boolean(), fc.oneof(anythingArb, oddValueArb))
  .map(([depth, inArrays, inner]) => nest(depth, inArrays, inner));

/** Any hostile value: random, odd, huge, circular or deep. */
export const hostileValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anythingArb },
  { weight: 3, arbitrary: oddValueArb },
  { weight: 1, arbitrary: hugeStringArb },
  { weight: 1, arbitrary: circularArb },
  { weight: 1, arbitrary: deepArb }
);

/**
 * Every place (path of keys and indices) in a value, the value itself first: at most 2,000 places and 32 levels,
 * since an earlier corruption may have put a deep or circular value inside.
 */
function placesIn(
  value: unknown,
  path: readonly (string | number)[] = [],
  places: (string | number)[][] = []
): (string | number)[][] {
  places.push([...path]);
  if (places.length > 2000 || path.length >= 32) return places;
  // Indexes, not forEach: a corrupted array may carry an own `forEach` that is not a function.
  if (Array.isArray(value))
    for (let index = 0; index < value.length; index += 1) placesIn(value[index], [...path, index], places);
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], places);
  return places;
}

/**
 * A copy of a plain value with the part at `path` replaced (or added, when the path is new).
 *
 * @param value - A plain JSON-like value (not changed).
 * @param path - Where.
 * @param replacement - What.
 */
export function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy: unknown[] = [...(value as unknown[])];
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { ...object, [head]: replaceAt(object[head as string], rest, replacement) };
}

/** A valid value with one part replaced: where (a place index and, sometimes, a new key) and by what. */
export interface Corruption {
  readonly place: number;
  readonly newKey: string | null;
  readonly replacement: unknown;
}

/** A random {@link Corruption}, applied with {@link corrupt}. */
export const corruptionArb: fc.Arbitrary<Corruption> = fc.record({
  place: fc.nat(),
  newKey: fc.option(fc.constantFrom('__proto__', 'constructor', 'extra', 'percent', 'date', 'code', ''), {
    freq: 4,
  }),
  replacement: hostileValueArb,
});

/**
 * A valid value with one part (chosen by the corruption) replaced by a hostile value.
 *
 * @param valid - The valid plain value.
 * @param corruption - Where and what.
 */
export function corrupt(valid: unknown, corruption: Corruption): unknown {
  const places = placesIn(valid);
  const path = places[corruption.place % places.length]!;
  return replaceAt(
    valid,
    corruption.newKey === null ? path : [...path, corruption.newKey],
    corruption.replacement
  );
}

/**
 * A value for a function's argument: a valid value (sometimes untouched), a valid value with a corrupted part,
 * or anything hostile.
 *
 * @param valids - Valid values of the argument.
 */
export function argumentArb(valids: readonly unknown[]): fc.Arbitrary<unknown> {
  const validArb = fc.constantFrom(...valids);
  return fc.oneof(
    { weight: 1, arbitrary: validArb },
    {
      weight: 4,
      arbitrary: fc
        .tuple(validArb, fc.array(corruptionArb, { minLength: 1, maxLength: 2 }))
        .map(([valid, corruptions]) => corruptions.reduce(corrupt, valid)),
    },
    { weight: 2, arbitrary: hostileValueArb }
  );
}
