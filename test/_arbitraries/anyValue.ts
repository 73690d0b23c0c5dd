import fc from 'fast-check';

/**
 * Any JavaScript value, small: with BigInts, boxed values, dates, maps, sets, typed and sparse arrays, objects
 * without a prototype and strings of any UTF-16 units (lone surrogates included). The one generator of "whatever
 * an untrusted caller may hand over" for the hardening, importer and fuzz tests.
 */
export const anyValueArb = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});
