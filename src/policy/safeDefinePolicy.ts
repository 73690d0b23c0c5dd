import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { definePolicy } from './definePolicy.js';
import { DFE_POLICY } from './presets.js';
import type { AttendancePolicy, PolicyOverrides } from './types.js';

/**
 * {@link definePolicy} without throwing: the policy, or the error listing every invalid value.
 *
 * @param overrides - The changes, e.g. parsed from a configuration file.
 * @param base - The policy to start from.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefinePolicy({ persistentAbsence: { percent: 120 } });
 * result.success //=> false
 * result.success || result.error.issues[0].path //=> ['persistentAbsence', 'percent']
 * @category Policy
 */
export function safeDefinePolicy(
  overrides: PolicyOverrides = {},
  base: AttendancePolicy = DFE_POLICY
): SafeResult<AttendancePolicy> {
  try {
    return { success: true, data: definePolicy(overrides, base) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
