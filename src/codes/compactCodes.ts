import type { RegisterCode } from './types.js';

/**
 * The one-byte numbering of register codes used by the compact register form: byte `i` stands for
 * `COMPACT_CODES[i]`. Byte 0 is "no mark yet" (`-`).
 *
 * @remarks
 * The list holds every code of both code sets once. It is append-only across releases, so stored compact
 * registers keep their meaning; a byte at or past the list's length is an unknown code.
 *
 * @example
 * COMPACT_CODES[0] //=> '-'
 * COMPACT_CODES.indexOf('C1') //=> 10
 * @category Codes
 */
export const COMPACT_CODES: readonly RegisterCode[] = Object.freeze<RegisterCode[]>([
  '-',
  '/',
  '\\',
  'L',
  'K',
  'V',
  'P',
  'W',
  'B',
  'D',
  'C1',
  'M',
  'J1',
  'S',
  'X',
  'C2',
  'C',
  'T',
  'R',
  'I',
  'E',
  'Q',
  'Y1',
  'Y2',
  'Y3',
  'Y4',
  'Y5',
  'Y6',
  'Y7',
  'G',
  'N',
  'O',
  'U',
  'Z',
  '#',
  'J',
  'F',
  'H',
  'Y',
]);

/**
 * The spellings of "no mark yet" that registers use: SIMS writes `-`, other exports leave the cell empty.
 *
 * @example
 * UNMARKED_CODES //=> ['-', '']
 * @category Codes
 */
export const UNMARKED_CODES: readonly string[] = Object.freeze(['-', '']);

// Every code is one or two ASCII characters, so two small tables indexed by character codes find a byte without
// hashing the string: this look-up runs once per mark when registers are converted, and a map cost three times as
// much. 255 marks "not a code".
const NOT_A_CODE = 255;
const ONE_CHARACTER = new Uint8Array(128).fill(NOT_A_CODE);
const TWO_CHARACTERS = new Uint8Array(128 * 128).fill(NOT_A_CODE);
COMPACT_CODES.forEach((code, index) => {
  if (code.length === 1) ONE_CHARACTER[code.charCodeAt(0)] = index;
  else TWO_CHARACTERS[code.charCodeAt(0) * 128 + code.charCodeAt(1)] = index;
});

/**
 * Returns the compact-form byte for a register code, or `undefined` for a code in neither code set.
 *
 * @param code - The register code, e.g. `'C1'`; `'-'` and `''` (no mark yet) give 0.
 * @returns The byte, or `undefined` when the code is unknown.
 * @example
 * toCompactCode('/') //=> 1
 * toCompactCode('')  //=> 0
 * toCompactCode('Q9') //=> undefined
 * @category Codes
 */
export function toCompactCode(code: string): number | undefined {
  let byte = NOT_A_CODE;
  if (code.length === 1) {
    const first = code.charCodeAt(0);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the table has 128 entries; reading past it gives undefined, which is no code either
    if (first < 128) byte = ONE_CHARACTER[first]!;
  } else if (code.length === 2) {
    const first = code.charCodeAt(0);
    const second = code.charCodeAt(1);
    // Without the test a second character of 128 or more would read another pair's entry ('B±' as 'C1').
    // Stryker disable next-line EqualityOperator: at exactly 128 the index is a pair ending in NUL or past the table, no code
    if (first < 128 && second < 128) byte = TWO_CHARACTERS[first * 128 + second]!;
  } else if (code.length === 0) byte = 0;
  return byte === NOT_A_CODE ? undefined : byte;
}
