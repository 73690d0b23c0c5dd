import { REGISTER_CODES_2024 } from '../../../codes/registerCodes2024.js';
import { REGISTER_CODES_PRE_2024 } from '../../../codes/registerCodesPre2024.js';
import type { RegisterCode, StatisticalCategory } from '../../../codes/types.js';

// A code present in both code sets counts the same way in each, so one lookup serves registers of any date;
// the codes that changed treatment in 2024 changed name too (J became J1).
const CATEGORY_OF_CODE: ReadonlyMap<string, StatisticalCategory> = new Map(
  [...REGISTER_CODES_PRE_2024, ...REGISTER_CODES_2024].map((row) => [row.code, row.category])
);

/**
 * The statistical category of a register code of either code set, from the library's code tables.
 *
 * @param code - The register code.
 * @returns The category, or `undefined` for a code in neither set (and for `-`, no mark yet).
 * @example
 * categoryOfCode('J1') //=> 'authorised'
 */
export function categoryOfCode(code: string): StatisticalCategory | undefined {
  return CATEGORY_OF_CODE.get(code);
}

/**
 * The codes of one statistical category, in the order of the library's compact code list.
 *
 * @param codes - The codes to pick from.
 * @param category - The category wanted.
 * @returns The codes of that category.
 * @example
 * codesOfCategory(['/', 'I', 'L'], 'present') //=> ['/', 'L']
 */
export function codesOfCategory(
  codes: readonly RegisterCode[],
  category: StatisticalCategory
): RegisterCode[] {
  return codes.filter((code) => CATEGORY_OF_CODE.get(code) === category);
}
