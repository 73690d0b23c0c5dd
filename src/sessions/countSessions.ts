import type { CodeSetId } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import { checkRegister, describeValue } from './checkMarks.js';
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
 * @throws {@link AttendanceError} Listing every mark that is not a mark (not an object, a date that names no real
 * day, a session other than AM or PM, a code that is not text), a compact register whose slots are malformed, and
 * options that name no choice; once every mark is well formed, every unknown code and every repeated session.
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
  checkCountOptions(options, issues);
  const form = checkRegister(register, issues);
  throwIfErrors(issues);
  const histograms =
    form === 'compact'
      ? tallyCompact(register as CompactRegister, options, issues)
      : tallyMarks(register as readonly SessionMark[], options, issues, form === 'marks-in-order');
  throwIfErrors(issues);
  return countsFromHistograms(histograms, options, issues);
}

const OPTION_VALUES: Readonly<Record<keyof CountSessionsOptions, readonly string[]>> = {
  codeSet: ['by-date', '2024', 'pre-2024'],
  duplicates: ['error', 'precedence'],
  unmarked: ['unmarked', 'as-N'],
};

const OPTION_FIELDS = Object.keys(OPTION_VALUES) as (keyof CountSessionsOptions)[];

/** Options that are not options (or name no choice) are an error, not the defaults in silence. */
function checkCountOptions(options: unknown, issues: AttendanceIssue[]): void {
  if (typeof options !== 'object' || options === null) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The options of countSessions must be an object; received ${describeValue(options)}.`,
      path: ['options'],
      expected: 'an object of options, or nothing',
      received: describeValue(options),
    });
    return;
  }
  const { codeSet, duplicates, unmarked } = options as Record<string, unknown>;
  // Counting a trust calls this once per pupil, almost always with the defaults.
  if (codeSet === undefined && duplicates === undefined && unmarked === undefined) return;
  for (const field of OPTION_FIELDS) {
    const value: unknown = (options as Record<string, unknown>)[field];
    const allowed = OPTION_VALUES[field];
    if (value === undefined || allowed.includes(value as string)) continue;
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The option ${field} must be one of ${allowed.map((choice) => `"${choice}"`).join(', ')}; received ${describeValue(value)}.`,
      path: [field],
      field,
      expected: allowed.join(' | '),
      received: describeValue(value),
    });
  }
}
