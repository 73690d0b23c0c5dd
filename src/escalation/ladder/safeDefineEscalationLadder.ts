import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import { defineEscalationLadder } from './defineEscalationLadder.js';
import type { EscalationLadder } from './types.js';

/**
 * {@link defineEscalationLadder} without throwing, whatever it is given: the ladder, or the error listing every
 * problem.
 *
 * @param value - The ladder, as untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefineEscalationLadder({ name: 'ours', stages: [], actions: {}, rules: [] });
 * result.success //=> false
 * @category Escalation
 */
export function safeDefineEscalationLadder(value: unknown): SafeResult<EscalationLadder> {
  try {
    return { success: true, data: defineEscalationLadder(value) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    return {
      success: false,
      error: new AttendanceError([
        { code: 'invalid_value', severity: 'error', message: 'The ladder could not be read.', path: [] },
      ]),
    };
  }
}
