import { AttendanceError } from '../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { mergeOverrides } from '../_internal/mergeOverrides.js';
import { DFE_POLICY } from './presets.js';
import { attendancePolicySchema } from './schema.js';
import type { AttendancePolicy, PolicyOverrides } from './types.js';

// The settings that merge field by field; every other field of the overrides replaces the base's whole.
const MERGED_GROUPS = ['persistentAbsence', 'severeAbsence', 'display'];

/**
 * Builds a policy from changes to a base policy (the DfE defaults unless another is given), and validates it.
 *
 * @remarks
 * Threshold and display settings merge field by field; band tables are replaced whole. The result is checked:
 * percentages from 0 to 100 with at most two decimals, whole-number session minimums, a severe threshold no
 * lower than the persistent one, band tables that cover 0–100 % with no gap and no overlap, and no unknown
 * fields (a misspelt setting is reported, not ignored). Overrides can come from untrusted JSON: every problem is
 * reported with its path, including overrides, or a threshold or display setting, that are not an object (e.g.
 * `{ persistentAbsence: 15 }`), which are never merged away in silence.
 *
 * @param overrides - The changes, e.g. from a trust's configuration file.
 * @param base - The policy to start from.
 * @returns The validated policy.
 * @throws {@link AttendanceError} Listing every invalid value with its path.
 * @example
 * const policy = definePolicy({ persistentAbsence: { comparison: 'more-than' } });
 * isPersistentlyAbsent({ possible: 380, absent: 38 }, policy) //=> false (exactly 10 % is not "more than")
 *
 * definePolicy({ severeAbsence: { percent: 5 } }) // throws: severe threshold below persistent threshold
 * @category Policy
 */
export function definePolicy(
  overrides: PolicyOverrides = {},
  base: AttendancePolicy = DFE_POLICY
): AttendancePolicy {
  const { merged, issues } = mergeOverrides(base, overrides, MERGED_GROUPS);
  if (merged !== undefined) {
    const result = attendancePolicySchema().safeParse(merged, ZOD_PARSE_CONTEXT);
    if (!result.success) issues.push(...result.error.issues);
  }
  const [first, ...rest] = fromZodIssues(issues);
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  // Checked by the schema; returned as merged (not as parsed) so that the base's band tables keep their identity.
  return merged as unknown as AttendancePolicy;
}
