import type { SchoolCalendar } from '../calendar/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import type { AttendanceIssue } from '../errors.js';
import { checkRegister } from '../sessions/checkMarks.js';
import { throwIfErrors } from '../_internal/issues.js';
import { scanRegister } from './windowScan.js';
import type { RollingWindowResult, WindowRule } from './types.js';

/**
 * Counts, for every session of a pupil's register, the sessions recorded with the rule's codes within the
 * rule's window ending there (N school weeks, N calendar weeks or N calendar days), and reports the largest
 * count, the first session at which the threshold is reached, and every distinct window that reaches it with
 * the sessions that made it, so that a letter can list their dates.
 *
 * @remarks
 * One pass over the register, linear in its length: each counted session enters and leaves the window once.
 * The window ending at a session includes that session's whole unit: with 10 school weeks, a session in school
 * week 11 still sees week 2 but no longer week 1. School weeks skip holiday weeks, so windows run on across
 * holidays, terms and school years. Counted sessions outside the calendar, or in a week without sessions when
 * counting school weeks, are errors; marks that the rule does not count are not looked at (use
 * {@link checkMarksAgainstCalendar} and {@link countSessions} to check a whole register).
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to.
 * @param rule - The window: length, unit, threshold, counted codes and first counted date.
 * @returns What the window found.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions}
 * does); once they are well formed, repeated sessions and counted sessions the calendar cannot place.
 * @example
 * const national = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['G', 'N', 'O', 'U'] } as const;
 * const result = countRollingWindow(marks, calendar, national);
 * result.reached //=> true when 10 or more G/N/O/U sessions fall within any 10 school weeks
 * result.firstReached?.periodEnd //=> the date of the tenth session
 * @category Windows
 */
export function countRollingWindow(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  rule: WindowRule
): RollingWindowResult {
  // Stryker disable next-line ArrayDeclaration: throwIfErrors throws only issues of severity error, so a stray entry changes nothing
  const issues: AttendanceIssue[] = [];
  const form = checkRegister(register, issues);
  throwIfErrors(issues);
  return scanRegister(register, form, calendar, rule);
}
