import fc from 'fast-check';
import { COMPACT_CODES, UNMARKED_CODES } from '../../src/index.js';
import type { CodeSetId, StatisticalCategory } from '../../src/index.js';

/** How a mark counts: one of the DfE statistical categories, or no mark yet. */
export type MarkCategory = StatisticalCategory | 'unmarked';

/**
 * The DfE statistical category of every register code of both code sets, written out independently of the
 * library's tables (DfE data identities: present = / \ L; approved educational activity = B J P V W K;
 * authorised = I M R S T H E C C1 J1 C2 F; unauthorised = G N O U; everything else is not a possible session).
 */
export const CATEGORY_OF_CODE: Readonly<Record<string, StatisticalCategory>> = {
  '/': 'present',
  '\\': 'present',
  L: 'present',
  K: 'approved-educational-activity',
  V: 'approved-educational-activity',
  P: 'approved-educational-activity',
  W: 'approved-educational-activity',
  B: 'approved-educational-activity',
  J: 'approved-educational-activity',
  C1: 'authorised',
  M: 'authorised',
  J1: 'authorised',
  S: 'authorised',
  C2: 'authorised',
  C: 'authorised',
  T: 'authorised',
  R: 'authorised',
  I: 'authorised',
  E: 'authorised',
  F: 'authorised',
  H: 'authorised',
  G: 'unauthorised',
  N: 'unauthorised',
  O: 'unauthorised',
  U: 'unauthorised',
  D: 'not-possible',
  X: 'not-possible',
  Q: 'not-possible',
  Y1: 'not-possible',
  Y2: 'not-possible',
  Y3: 'not-possible',
  Y4: 'not-possible',
  Y5: 'not-possible',
  Y6: 'not-possible',
  Y7: 'not-possible',
  Z: 'not-possible',
  '#': 'not-possible',
  Y: 'not-possible',
};

/** The codes of the 2024 Regulations (in force from 19 August 2024). */
export const CODES_2024: ReadonlySet<string> = new Set([
  ...['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B', 'D', 'C1', 'M', 'J1', 'S', 'X', 'C2', 'C', 'T', 'R', 'I'],
  ...['E', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'G', 'N', 'O', 'U', 'Z', '#'],
]);

/** The codes of the 2006 Regulations as amended (in force before 19 August 2024). */
export const CODES_PRE_2024: ReadonlySet<string> = new Set([
  ...['/', '\\', 'L', 'B', 'D', 'J', 'P', 'V', 'W', 'C', 'E', 'F', 'H', 'I', 'M', 'R', 'S', 'T'],
  ...['G', 'N', 'O', 'U', 'X', 'Y', 'Z', '#'],
]);

/** The set of codes of a code set. */
export const CODES_OF_SET: Readonly<Record<CodeSetId, ReadonlySet<string>>> = {
  '2024': CODES_2024,
  'pre-2024': CODES_PRE_2024,
};

/**
 * How a code counts: its statistical category, or `unmarked` for no mark yet (`-` or empty).
 * @param code - A code of either code set, or a spelling of no mark yet.
 */
export function categoryOf(code: string): MarkCategory {
  if (UNMARKED_CODES.includes(code)) return 'unmarked';
  const category = CATEGORY_OF_CODE[code];
  if (category === undefined) throw new Error(`No category written down for code "${code}"`);
  return category;
}

/** Every mark category. */
export const MARK_CATEGORIES: readonly MarkCategory[] = [
  'present',
  'approved-educational-activity',
  'authorised',
  'unauthorised',
  'not-possible',
  'unmarked',
];

/** The codes registers use most: present, late, illness, medical, unexplained absence. */
const COMMON_CODES = ['/', '\\', 'L', 'I', 'M', 'N', 'O', 'U'] as const;

/** Any code of `COMPACT_CODES` (including `-`, no mark yet), weighted toward the codes registers use most. */
export function codeArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('/', '\\') },
    { weight: 2, arbitrary: fc.constantFrom(...COMMON_CODES) },
    { weight: 3, arbitrary: fc.constantFrom(...COMPACT_CODES) }
  );
}

/** A spelling of "no mark yet": `-` or the empty string. */
export function unmarkedCodeArb(): fc.Arbitrary<string> {
  return fc.constantFrom(...UNMARKED_CODES);
}

/**
 * A code of one mark category (for `unmarked`, a spelling of no mark yet).
 * @param category - The category the code must count in.
 */
export function codeOfCategoryArb(category: MarkCategory): fc.Arbitrary<string> {
  if (category === 'unmarked') return unmarkedCodeArb();
  const codes = Object.keys(CATEGORY_OF_CODE).filter((code) => CATEGORY_OF_CODE[code] === category);
  return fc.constantFrom(...codes);
}

/** Any mark category. */
export function markCategoryArb(): fc.Arbitrary<MarkCategory> {
  return fc.constantFrom(...MARK_CATEGORIES);
}

/** A category together with a code of that category. */
export function categorisedCodeArb(): fc.Arbitrary<{ category: MarkCategory; code: string }> {
  return markCategoryArb().chain((category) =>
    codeOfCategoryArb(category).map((code) => ({ category, code }))
  );
}
