import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import { defineServiceDirectory } from './defineServiceDirectory.js';
import type { ServiceDirectory } from './types.js';

/**
 * {@link defineServiceDirectory} without throwing, whatever it is given: the directory, or the error listing
 * every problem.
 *
 * @param value - The directory, as untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * safeDefineServiceDirectory({ name: 'Example LA', services: 'none' }).success //=> false
 * @category Escalation
 */
export function safeDefineServiceDirectory(value: unknown): SafeResult<ServiceDirectory> {
  try {
    return { success: true, data: defineServiceDirectory(value) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    return {
      success: false,
      error: new AttendanceError([
        { code: 'invalid_value', severity: 'error', message: 'The directory could not be read.', path: [] },
      ]),
    };
  }
}
