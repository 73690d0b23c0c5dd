import fc from 'fast-check';

// Mutations of real files, as a hostile or broken exporter would make them: flipped and replaced bytes, cuts,
// byte order marks, other line endings, NULs, another encoding, one huge field, and lone surrogates in text.
// Each mutation is plain data, so a failing case prints readably and shrinks (fewer, smaller mutations).

const UTF8 = new TextEncoder();

/** The byte order marks an exporter may put at the start (or, by mistake, anywhere) of a file. */
export const BYTE_ORDER_MARKS = {
  'utf-8': Uint8Array.of(0xef, 0xbb, 0xbf),
  'utf-16le': Uint8Array.of(0xff, 0xfe),
  'utf-16be': Uint8Array.of(0xfe, 0xff),
} as const;

type BomName = keyof typeof BYTE_ORDER_MARKS;

/** One edit of a file's bytes. Positions are taken modulo the length at the time, so any number fits. */
export type ByteMutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'set'; readonly at: number; readonly byte: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: 'insertText'; readonly at: number; readonly text: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'bom'; readonly at: number; readonly bom: BomName }
  | { readonly kind: 'lineEndings'; readonly to: '\n' | '\r\n' | '\r' }
  | { readonly kind: 'nul'; readonly at: number; readonly count: number }
  | { readonly kind: 'huge'; readonly at: number; readonly byte: number; readonly length: number }
  | { readonly kind: 'reencode'; readonly as: 'latin1' | 'utf-16le' | 'utf-16be' };

/** Text that means something to the CSV, JSON and XML readers, for `insertText`. */
export const SYNTAX_TOKENS = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '<',
  '>',
  '</',
  '/>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&lol;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\uFEFF',
  '\uFFFD',
  '\u00e9',
  '\u{1F600}',
  '=1+2',
  '2024-02-30',
  '31/02/2025',
  'AM',
  'PM',
  '/',
  '-',
  '#',
  'Q9',
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
] as const;

/** The largest run a `huge` mutation writes: over the small `maxLineBytes` the fuzz tests pass, never slow. */
export const HUGE_FIELD_BYTES = 6000;

/**
 * A mutation of a file's bytes.
 *
 * @param hugeBytes - The longest run a `huge` mutation may write.
 */
export function byteMutationArb(hugeBytes = HUGE_FIELD_BYTES): fc.Arbitrary<ByteMutation> {
  const at = fc.nat();
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('set' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
    },
    fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at,
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
    }),
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('insertText' as const),
        at,
        text: fc.oneof(fc.constantFrom(...SYNTAX_TOKENS), fc.string({ unit: 'binary', maxLength: 6 })),
      }),
    },
    fc.record({ kind: fc.constant('duplicate' as const), at, length: fc.integer({ min: 1, max: 200 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({
      kind: fc.constant('bom' as const),
      // Mostly at the start, where a byte order mark means something; sometimes anywhere.
      at: fc.oneof(fc.constant(0), at),
      bom: fc.constantFrom<BomName>('utf-8', 'utf-16le', 'utf-16be'),
    }),
    fc.record({
      kind: fc.constant('lineEndings' as const),
      to: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
    }),
    fc.record({ kind: fc.constant('nul' as const), at, count: fc.integer({ min: 1, max: 16 }) }),
    fc.record({
      kind: fc.constant('huge' as const),
      at,
      byte: fc.constantFrom(0x78, 0x22, 0x2c, 0x20, 0x00, 0x3c, 0xe9),
      length: fc.integer({ min: 1, max: hugeBytes }),
    }),
    fc.record({
      kind: fc.constant('reencode' as const),
      as: fc.constantFrom('latin1' as const, 'utf-16le' as const, 'utf-16be' as const),
    })
  );
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const start = Math.min(at, bytes.length);
  const end = Math.min(start + remove, bytes.length);
  const result = new Uint8Array(bytes.length - (end - start) + insert.length);
  result.set(bytes.subarray(0, start), 0);
  result.set(insert, start);
  result.set(bytes.subarray(end), start + insert.length);
  return result;
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index += 1)
    view.setUint16(index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

/**
 * The text re-encoded: Latin-1 (characters above U+00FF become `?`, as a lossy export writes them) or UTF-16
 * without a byte order mark (the `bom` mutation may add one).
 */
function reencode(bytes: Uint8Array, as: 'latin1' | 'utf-16le' | 'utf-16be'): Uint8Array {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (as === 'latin1')
    return Uint8Array.from(text, (character) => {
      const code = character.codePointAt(0)!;
      return code <= 0xff ? code : 0x3f;
    });
  return encodeUtf16(text, as === 'utf-16le');
}

function swapLineEndings(bytes: Uint8Array, to: '\n' | '\r\n' | '\r'): Uint8Array {
  const out: number[] = [];
  const ending = to === '\n' ? [10] : to === '\r' ? [13] : [13, 10];
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    if (byte === 13 && bytes[index + 1] === 10) index += 1;
    if (byte === 10 || byte === 13) out.push(...ending);
    else out.push(byte);
  }
  return Uint8Array.from(out);
}

/**
 * Applies one mutation.
 *
 * @param bytes - The file's bytes (not changed).
 * @param mutation - The edit.
 * @returns New bytes.
 */
export function applyByteMutation(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const at = 'at' in mutation ? mutation.at % (bytes.length + 1) : 0;
  switch (mutation.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = bytes.slice();
      copy[at % bytes.length] = copy[at % bytes.length]! ^ (1 << mutation.bit);
      return copy;
    }
    case 'set': {
      if (bytes.length === 0) return Uint8Array.of(mutation.byte);
      const copy = bytes.slice();
      copy[at % bytes.length] = mutation.byte;
      return copy;
    }
    case 'delete':
      return splice(bytes, at, mutation.length, new Uint8Array(0));
    case 'insert':
      return splice(bytes, at, 0, Uint8Array.from(mutation.bytes));
    case 'insertText':
      return splice(bytes, at, 0, UTF8.encode(mutation.text));
    case 'duplicate':
      return splice(bytes, at, 0, bytes.subarray(at, at + mutation.length));
    case 'truncate':
      return bytes.subarray(0, at);
    case 'bom':
      return splice(bytes, at, 0, BYTE_ORDER_MARKS[mutation.bom]);
    case 'lineEndings':
      return swapLineEndings(bytes, mutation.to);
    case 'nul':
      return splice(bytes, at, 0, new Uint8Array(mutation.count));
    case 'huge':
      return splice(bytes, at, 0, new Uint8Array(mutation.length).fill(mutation.byte));
    case 'reencode':
      return reencode(bytes, mutation.as);
  }
}

/**
 * Applies mutations in turn.
 *
 * @param bytes - The file's bytes.
 * @param mutations - The edits, first to last.
 */
export function applyByteMutations(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  return mutations.reduce(applyByteMutation, bytes);
}

/** A mutated file: which seed file, the mutations, and the result (the first two print in a failure report). */
export interface MutatedBytes {
  readonly seed: string;
  readonly mutations: readonly ByteMutation[];
  readonly bytes: Uint8Array;
}

/** How {@link mutatedBytesArb} mutates. */
export interface MutationOptions {
  /** Fewest mutations (default 1). */
  readonly minMutations?: number;
  /** Most mutations (default 4). */
  readonly maxMutations?: number;
  /** The longest run a `huge` mutation may write. */
  readonly hugeBytes?: number;
}

/**
 * A seed file with a few mutations applied.
 *
 * @param seeds - Named seed files (e.g. a fixture's name and bytes).
 * @param options - How many mutations and how big.
 */
export function mutatedBytesArb(
  seeds: Readonly<Record<string, Uint8Array>>,
  options: MutationOptions = {}
): fc.Arbitrary<MutatedBytes> {
  const names = Object.keys(seeds);
  if (names.length === 0) throw new Error('mutatedBytesArb needs at least one seed file.');
  return fc
    .tuple(
      fc.constantFrom(...names),
      fc.array(byteMutationArb(options.hugeBytes), {
        minLength: options.minMutations ?? 1,
        maxLength: options.maxMutations ?? 4,
      })
    )
    .map(([seed, mutations]) => ({ seed, mutations, bytes: applyByteMutations(seeds[seed]!, mutations) }));
}

/** How bytes become text for an importer that takes only text: as a browser or Node would read the file. */
export type TextDecoding = 'utf-8' | 'latin1' | 'utf-16le';

/**
 * Bytes read as text, the way a caller would have decoded the file (invalid bytes become U+FFFD).
 *
 * @param bytes - The bytes.
 * @param decoding - The decoding used.
 */
export function decodeBytes(bytes: Uint8Array, decoding: TextDecoding): string {
  return new TextDecoder(decoding === 'latin1' ? 'latin1' : decoding).decode(bytes);
}

/** One edit only text can carry: a lone surrogate, or any character, put somewhere in the text. */
export interface TextMutation {
  readonly at: number;
  readonly text: string;
}

/** Lone surrogates (which no byte encoding carries) and other awkward characters for text-only mutations. */
export const textMutationArb: fc.Arbitrary<TextMutation> = fc.record({
  at: fc.nat(),
  text: fc.oneof(
    fc.constantFrom(
      '\uD800',
      '\uDC00',
      '\uDBFF\uDBFF',
      '\uDFFF\uD800',
      '\u0000',
      '\uFFFE',
      '\uFFFF',
      '\u2028',
      '\u0085'
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })
  ),
});

/**
 * Applies text mutations in turn.
 *
 * @param text - The text.
 * @param mutations - The edits.
 */
export function applyTextMutations(text: string, mutations: readonly TextMutation[]): string {
  let result = text;
  for (const { at, text: insert } of mutations) {
    const position = at % (result.length + 1);
    result = result.slice(0, position) + insert + result.slice(position);
  }
  return result;
}

/** A mutated file as text: the byte mutations, the decoding, then text-only mutations. */
export interface MutatedText {
  readonly seed: string;
  readonly mutations: readonly ByteMutation[];
  readonly decoding: TextDecoding;
  readonly textMutations: readonly TextMutation[];
  readonly text: string;
}

/**
 * A seed file mutated and read as text.
 *
 * @param seeds - Named seed files.
 * @param options - How many byte mutations and how big.
 */
export function mutatedTextArb(
  seeds: Readonly<Record<string, Uint8Array>>,
  options: MutationOptions = {}
): fc.Arbitrary<MutatedText> {
  return fc
    .tuple(
      mutatedBytesArb(seeds, { minMutations: 0, ...options }),
      fc.constantFrom<TextDecoding>('utf-8', 'utf-8', 'utf-8', 'latin1', 'utf-16le'),
      fc.array(textMutationArb, { maxLength: 2 })
    )
    .map(([{ seed, mutations, bytes }, decoding, textMutations]) => ({
      seed,
      mutations,
      decoding,
      textMutations,
      text: applyTextMutations(decodeBytes(bytes, decoding), textMutations),
    }));
}
