import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue, SafeResult } from '../../../errors.js';

/**
 * The result of a parse: the data when no issue is an error, otherwise an error carrying every issue (errors
 * first, then warnings, each in file order).
 *
 * @param issues - Every issue found.
 * @param data - Builds the data from the warnings, when there is no error.
 * @returns The safe result.
 * @example
 * resultOf([], (warnings) => ({ pupils: [], warnings })).success //=> true
 */
export function resultOf<T>(
  issues: readonly AttendanceIssue[],
  data: (warnings: readonly AttendanceIssue[]) => T
): SafeResult<T> {
  // File order within each severity: a syntax error found by the reader is pushed before the problems of the
  // rows above it, which are checked afterwards.
  const byLine = (left: AttendanceIssue, right: AttendanceIssue): number =>
    (left.line ?? 0) - (right.line ?? 0);
  const errors = issues.filter((issue) => issue.severity === 'error').sort(byLine);
  const warnings = issues.filter((issue) => issue.severity !== 'error').sort(byLine);
  const [first, ...rest] = [...errors, ...warnings];
  if (errors.length === 0 || first === undefined) return { success: true, data: data(warnings) };
  return { success: false, error: new AttendanceError([first, ...rest]) };
}

/**
 * Throws the error of a failed result and returns the data of a successful one.
 *
 * @param result - The safe result.
 * @returns The data.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} The result's error.
 * @example
 * unwrap({ success: true, data: 1 }) //=> 1
 */
export function unwrap<T>(result: SafeResult<T>): T {
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * A value as text for an issue's `received`, whatever a caller passed (callers from JavaScript may pass
 * anything).
 *
 * @param value - The value.
 * @returns Its text.
 * @example
 * describeValue(undefined) //=> 'undefined'
 */
export function describeValue(value: unknown): string {
  return String(value);
}

/**
 * The issue for input that is not text at all.
 *
 * @param input - What was passed.
 * @param source - The file name.
 * @returns A `malformed_input` error.
 * @example
 * notTextIssue(42).received //=> 'number'
 */
export function notTextIssue(input: unknown, source?: string): AttendanceIssue {
  return {
    code: 'malformed_input',
    severity: 'error',
    message: `Expected the file's text as a string; received ${input === null ? 'null' : typeof input}.`,
    path: [],
    expected: 'a string',
    received: input === null ? 'null' : typeof input,
    ...(source === undefined ? {} : { source }),
  };
}
