import type { CodeSetId } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import { countsFromHistograms, tallyCompact, tallyMarks } from './tally.js';
import type { CompactRegister, SessionCounts, SessionMark } from './types.js';

/**
 * How {@link countSessions} reads a register.
 *
 * @category Sessions
 */
export interface CountSessionsOptions {
  /**
   * The code set to read marks against: by each session's date (the 2024 set from 19 August 2024), or one set
   * for every mark. A code of the other set is still counted, by its own table, with a warning.
   *
   * @defaultValue `'by-date'`
   */
  readonly codeSet?: CodeSetId | 'by-date';
  /**
   * What two marks for the same date and session mean. `'error'` reports both and produces no counts.
   * `'precedence'` keeps one, for merging overlapping registers: present, then approved educational activity,
   * then authorised, then unauthorised absence, then not possible, then no mark (the earlier mark wins a tie),
   * and reports each resolution as a warning.
   *
   * @defaultValue `'error'`
   */
  readonly duplicates?: 'error' | 'precedence';
  /**
   * How sessions with no mark yet (`-` or empty) count: as their own `unmarked` outcome (not possible, neither
   * present nor absent), or as `N` (unauthorised, reason not yet established), as some LAs ask for
   * registers that are past their deadline.
   *
   * @defaultValue `'unmarked'`
   */
  readonly unmarked?: 'unmarked' | 'as-N';
}

/**
 * Counts one enrolment's sessions: possible, attended, present, approved educational activity, authorised and
 * unauthorised absence, not possible, no mark yet, lateness, and the number of each code.
 *
 * @remarks
 * Accepts marks as objects (any order) or a {@link CompactRegister}; both give identical counts. Every count is
 * an integer; rates come from {@link toAttendanceRate} and its siblings. Nothing is dropped silently: an unknown
 * code or two marks for one session is an error naming the marks; a code from the other code set is counted
 * by its own table and reported in `warnings`. The compact form runs one pass over one byte per mark and
 * allocates nothing per mark.
 *
 * @param register - The enrolment's marks, or its compact register.
 * @param options - The code set, duplicate handling and treatment of unmarked sessions.
 * @returns The counts, with any warnings.
 * @throws {@link AttendanceError} Listing every unknown code and every repeated session.
 * @example
 * const counts = countSessions([
 *   { date: isoDate('2024-09-02'), session: 'AM', code: '/' },
 *   { date: isoDate('2024-09-02'), session: 'PM', code: 'L' },
 *   { date: isoDate('2024-09-03'), session: 'AM', code: 'I' },
 *   { date: isoDate('2024-09-03'), session: 'PM', code: 'Y4' },
 * ]);
 * counts.possible //=> 3
 * counts.present //=> 2
 * counts.authorised //=> 1
 * counts.notPossible //=> 1
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export function countSessions(
  register: readonly SessionMark[] | CompactRegister,
  options: CountSessionsOptions = {}
): SessionCounts {
  const issues: AttendanceIssue[] = [];
  const histograms = isCompact(register)
    ? tallyCompact(register, options, issues)
    : tallyMarks(register, options, issues);
  throwIfErrors(issues);
  return countsFromHistograms(histograms, options, issues);
}

function isCompact(register: readonly SessionMark[] | CompactRegister): register is CompactRegister {
  return !Array.isArray(register);
}
