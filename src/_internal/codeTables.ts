import { COMPACT_CODES } from '../codes/compactCodes.js';
import { REGISTER_CODES_2024 } from '../codes/registerCodes2024.js';
import { REGISTER_CODES_PRE_2024 } from '../codes/registerCodesPre2024.js';
import type { CodeSetId, RegisterCodeDefinition, StatisticalCategory } from '../codes/types.js';

// Numeric categories so that the per-mark loops index typed arrays instead of comparing strings.
export const PRESENT = 0;
export const APPROVED_EDUCATIONAL_ACTIVITY = 1;
export const AUTHORISED = 2;
export const UNAUTHORISED = 3;
export const NOT_POSSIBLE = 4;
export const UNMARKED = 5;
export const NOT_IN_SET = 255;

export const CODE_COUNT = COMPACT_CODES.length;
export const SET_2024 = 0 as const;
export const SET_PRE_2024 = 1 as const;
export const CODE_SET_IDS: readonly [CodeSetId, CodeSetId] = ['2024', 'pre-2024'];

export const CATEGORY_NUMBER: Readonly<Record<StatisticalCategory, number>> = {
  present: PRESENT,
  'approved-educational-activity': APPROVED_EDUCATIONAL_ACTIVITY,
  authorised: AUTHORISED,
  unauthorised: UNAUTHORISED,
  'not-possible': NOT_POSSIBLE,
};

function buildCategoryTable(definitions: readonly RegisterCodeDefinition[]): Uint8Array {
  const table = new Uint8Array(CODE_COUNT).fill(NOT_IN_SET);
  table[0] = UNMARKED;
  for (const definition of definitions) {
    table[COMPACT_CODES.indexOf(definition.code)] = CATEGORY_NUMBER[definition.category];
  }
  return table;
}

function buildDefinitionTable(
  definitions: readonly RegisterCodeDefinition[]
): readonly (RegisterCodeDefinition | undefined)[] {
  const table: (RegisterCodeDefinition | undefined)[] = new Array<RegisterCodeDefinition | undefined>(
    CODE_COUNT
  ).fill(undefined);
  for (const definition of definitions) table[COMPACT_CODES.indexOf(definition.code)] = definition;
  return table;
}

/** `CATEGORY_BY_SET[set][byte]`: the numeric category of a code byte in a code set, or `NOT_IN_SET`. */
export const CATEGORY_BY_SET: readonly [Uint8Array, Uint8Array] = [
  buildCategoryTable(REGISTER_CODES_2024),
  buildCategoryTable(REGISTER_CODES_PRE_2024),
];

/** `DEFINITION_BY_SET[set][byte]`: the table row of a code byte in a code set. */
export const DEFINITION_BY_SET: readonly [
  readonly (RegisterCodeDefinition | undefined)[],
  readonly (RegisterCodeDefinition | undefined)[],
] = [buildDefinitionTable(REGISTER_CODES_2024), buildDefinitionTable(REGISTER_CODES_PRE_2024)];
