import { AttendanceError } from '../errors.js';
import type { AttendanceIssue } from '../errors.js';

/** Throws an {@link AttendanceError} when any issue is an error; warnings alone pass. */
export function throwIfErrors(issues: readonly AttendanceIssue[]): void {
  if (issues.length === 0) return;
  const errors = issues.filter((issue) => issue.severity === 'error');
  const [first, ...rest] = errors;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
}

/** Throws one error-severity issue at once: for broken invariants in arguments (programmer errors). */
export function invalidArgument(issue: Omit<AttendanceIssue, 'severity'>): never {
  throw new AttendanceError([{ ...issue, severity: 'error' }]);
}
