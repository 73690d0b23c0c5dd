/**
 * The machine-readable kind of an {@link AttendanceIssue}, in `snake_case`.
 *
 * @category Errors
 */
export type AttendanceIssueCode =
  | 'unknown_code'
  | 'code_outside_code_set'
  | 'duplicate_mark'
  | 'duplicate_mark_resolved'
  | 'invalid_value'
  | 'invalid_counts'
  | 'unsorted_slots'
  | 'band_gap'
  | 'band_overlap'
  | 'band_bounds'
  | 'outside_calendar'
  | 'calendar_overlap'
  | 'mark_on_closed_session'
  | 'missing_column'
  | 'invalid_date'
  | 'invalid_session'
  | 'malformed_input'
  | 'encoding'
  | 'totals_mismatch'
  | 'not_of_compulsory_school_age'
  | 'ambiguous_code'
  | 'closure_not_in_calendar'
  | 'inferred_format'
  | 'file_not_found'
  | 'file_unreadable'
  | 'file_unwritable'
  | 'too_long'
  | 'too_deep'
  | 'missing_dependency';

/**
 * One problem found in input: what it is, where it is, what was expected and what was found.
 *
 * @remarks
 * Issues are plain, JSON-safe data. Errors stop a result from being produced; warnings accompany a
 * result (for example a legacy code found in a register after the 2024 cut-over).
 *
 * @category Errors
 */
export interface AttendanceIssue {
  /** The kind of problem. */
  readonly code: AttendanceIssueCode;
  /** Whether the problem stops a result (`error`) or is reported beside it (`warning`). */
  readonly severity: 'error' | 'warning';
  /** A sentence for people, naming the pupil, date, session and field where known. */
  readonly message: string;
  /** The location in the input, e.g. `[12, 'code']` for the `code` of the 13th mark. */
  readonly path: readonly (string | number)[];
  /** The pupil the input belongs to, where known. */
  readonly pupilId?: string;
  /** The register date, where known. */
  readonly date?: string;
  /** The register session, where known. */
  readonly session?: string;
  /** The field that is wrong, where there is one. */
  readonly field?: string;
  /** What was expected, in words. */
  readonly expected?: string;
  /** What was found, as text. */
  readonly received?: string;
  /** The file the input came from, where known (importers and the command-line tool). */
  readonly source?: string;
  /** The 1-based line of the file where the problem is, where known (importers). */
  readonly line?: number;
}

/**
 * The mark every {@link AttendanceError} carries, from whichever build of the package made it: a symbol from
 * the global registry, so the ES module and CommonJS builds share it.
 */
const ATTENDANCE_ERROR_BRAND = Symbol.for('school-attendance.AttendanceError');

/**
 * The one error type the library throws for bad input: it carries every issue found, never only the first.
 *
 * @example
 * try {
 *   countSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: 'Q9' }]);
 * } catch (error) {
 *   if (error instanceof AttendanceError) error.issues[0].code; //=> 'unknown_code'
 * }
 * @remarks
 * A program that loads both builds of the package (the ES module and the CommonJS one, e.g. an ES module app
 * with a CommonJS dependency that also uses the library) has two `AttendanceError` classes. `instanceof` is made
 * to recognise an error from either build, and {@link isAttendanceError} says the same without a class at hand.
 * @category Errors
 */
export class AttendanceError extends Error {
  /** Always `'AttendanceError'`. */
  override readonly name = 'AttendanceError';
  /** Every issue found, errors first; always at least one. */
  readonly issues: readonly [AttendanceIssue, ...AttendanceIssue[]];

  /**
   * Creates the error; its message is the first issue's, followed by a count of the others.
   *
   * @param issues - The issues found; at least one.
   */
  constructor(issues: readonly [AttendanceIssue, ...AttendanceIssue[]]) {
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : '';
    super(`${issues[0].message}${more}`);
    this.issues = issues;
    // Not enumerable, so that the error's own fields are what a logger or JSON.stringify shows.
    Object.defineProperty(this, ATTENDANCE_ERROR_BRAND, { value: true });
  }

  /**
   * Recognises an `AttendanceError` from either build of the package, as {@link isAttendanceError} does.
   *
   * @param value - Anything.
   * @returns True for an error the library threw.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isAttendanceError(value);
  }
}

/**
 * Whether a value is an {@link AttendanceError}, whichever build of the package threw it. Prefer it to
 * `instanceof` in code that may meet errors from another copy or build of the library (an ES module app using a
 * CommonJS dependency that uses the library, or two installed versions).
 *
 * @param value - Anything, e.g. what a `catch` caught.
 * @returns True when the value is an `AttendanceError`; its `issues` are then safe to read.
 * @example
 * try {
 *   definePolicy({ persistentAbsence: { percent: 120 } });
 * } catch (error) {
 *   if (isAttendanceError(error)) console.log(error.issues.map((issue) => issue.message));
 *   else throw error;
 * }
 * @category Errors
 */
export function isAttendanceError(value: unknown): value is AttendanceError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [ATTENDANCE_ERROR_BRAND]?: unknown })[ATTENDANCE_ERROR_BRAND] === true
  );
}

/**
 * The result of a `safe…` function: the value, or the error that the matching function would have thrown.
 *
 * @typeParam T - The value on success.
 * @category Errors
 */
export type SafeResult<T> =
  | {
      /** The input was valid. */
      readonly success: true;
      /** The result. */
      readonly data: T;
    }
  | {
      /** The input was not valid. */
      readonly success: false;
      /** The error listing every issue. */
      readonly error: AttendanceError;
    };
