import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { countSessions } from './countSessions.js';
import type { CountSessionsOptions } from './countSessions.js';
import type { CompactRegister, SessionCounts, SessionMark } from './types.js';

/**
 * {@link countSessions} without throwing: the counts, or the error with every issue, as a value. Useful when
 * counting a whole trust, where one pupil's bad register should be reported, not stop the run.
 *
 * @param register - The enrolment's marks, or its compact register.
 * @param options - As for {@link countSessions}.
 * @returns `{ success: true, data }` with the counts, or `{ success: false, error }`.
 * @example
 * const result = safeCountSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: 'Q9' }]);
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'unknown_code'
 * @category Sessions
 */
export function safeCountSessions(
  register: readonly SessionMark[] | CompactRegister,
  options: CountSessionsOptions = {}
): SafeResult<SessionCounts> {
  try {
    return { success: true, data: countSessions(register, options) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
