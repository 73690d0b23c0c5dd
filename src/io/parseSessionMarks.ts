import type { SessionMark } from '../sessions/types.js';
import { safeParseSessionMarks } from './safeParseSessionMarks.js';

/**
 * Validates untrusted marks (e.g. parsed JSON) and returns them typed, or throws one error listing every bad
 * mark. See {@link safeParseSessionMarks} for what is checked.
 *
 * @param input - The untrusted value: an array of mark objects.
 * @returns The marks, typed.
 * @throws {@link AttendanceError} Listing every bad mark with its index, pupil, date, session and field.
 * @example
 * const marks = parseSessionMarks(JSON.parse('[{"date":"2024-09-02","session":"AM","code":"/"}]'));
 * countSessions(marks).present //=> 1
 * @category Input
 */
export function parseSessionMarks(input: unknown): SessionMark[] {
  const result = safeParseSessionMarks(input);
  if (!result.success) throw result.error;
  return result.data;
}
