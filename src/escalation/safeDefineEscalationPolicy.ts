import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { defineEscalationPolicy } from './defineEscalationPolicy.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import type { EscalationPolicy } from './types.js';

/**
 * {@link defineEscalationPolicy} without throwing: the policy, or the error listing every invalid value.
 *
 * @param overrides - The changes, e.g. parsed from a school's configuration file.
 * @param base - The policy to start from.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefineEscalationPolicy({ monitoringWeeks: 0 });
 * result.success //=> false
 * result.success || result.error.issues[0].path //=> ['monitoringWeeks']
 * @category Escalation
 */
export function safeDefineEscalationPolicy(
  overrides: Partial<EscalationPolicy> = {},
  base: EscalationPolicy = HCAT_ESCALATION_POLICY
): SafeResult<EscalationPolicy> {
  try {
    return { success: true, data: defineEscalationPolicy(overrides, base) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
