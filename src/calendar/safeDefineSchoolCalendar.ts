import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { defineSchoolCalendar } from './defineSchoolCalendar.js';
import type { SchoolCalendar } from './types.js';

/**
 * {@link defineSchoolCalendar} without throwing: the calendar, or the error listing every problem.
 *
 * @param input - The calendar, e.g. `JSON.parse` of a calendar file.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefineSchoolCalendar({ name: 'Empty', years: [] });
 * result.success //=> false
 * @category Calendar
 */
export function safeDefineSchoolCalendar(input: unknown): SafeResult<SchoolCalendar> {
  try {
    return { success: true, data: defineSchoolCalendar(input) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
