import { REGISTER_CODES_2024 } from '../../codes/registerCodes2024.js';
import { REGISTER_CODES_PRE_2024 } from '../../codes/registerCodesPre2024.js';

/**
 * The absence reasons a census attendance record can carry, in the order records list them: every register
 * code that DfE statistics count as authorised or unauthorised absence, in either code set, in alphabetical
 * order (the order of the school census reason list, with the 2024 sub-codes C1, C2 and J1 beside their
 * letters).
 *
 * @remarks
 * Taken from the library's code tables: authorised C, C1, C2, E, I, J1, M, R, S, T and the pre-2024 F and H;
 * unauthorised G, N, O and U. Codes that are attendance (`/`, `\`, L, and the approved educational activity
 * codes B, K, P, V, W and the pre-2024 J) or not possible sessions (D, Q, X, Y, Y1–Y7, Z, #) are not absence
 * reasons.
 *
 * @example
 * CENSUS_ABSENCE_REASONS.slice(0, 4) //=> ['C', 'C1', 'C2', 'E']
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Export
 */
export const CENSUS_ABSENCE_REASONS: readonly string[] = Object.freeze(
  [
    ...new Set(
      [...REGISTER_CODES_2024, ...REGISTER_CODES_PRE_2024]
        .filter((row) => row.category === 'authorised' || row.category === 'unauthorised')
        .map((row) => row.code as string)
    ),
  ].sort()
);
