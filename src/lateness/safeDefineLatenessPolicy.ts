import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { defineLatenessPolicy } from './defineLatenessPolicy.js';
import type { LatenessPolicy } from './types.js';

/**
 * {@link defineLatenessPolicy} without throwing: the policy, or the error listing every invalid value.
 *
 * @param input - The policy, e.g. parsed from a configuration file.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: '9:00' });
 * result.success //=> false
 * result.success || result.error.issues[0].path //=> ['registerOpens']
 * @category Lateness
 */
export function safeDefineLatenessPolicy(input: unknown): SafeResult<LatenessPolicy> {
  try {
    return { success: true, data: defineLatenessPolicy(input) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
