import type { AttendanceIssue } from '../../errors.js';

/** A mark that may know its file line (marks from the importers do). */
interface LocatableMark {
  readonly line?: number;
}

/**
 * Adds the file and line to issues that a library function raised about a list of marks: an issue whose path
 * starts with a mark's index gets that mark's line (the importers record one per mark). Issues that already name
 * a file or line keep them.
 *
 * @param issues - The issues, e.g. from an {@link AttendanceError} thrown by `countSessions`.
 * @param source - The file the marks came from.
 * @param marks - The marks the issues' paths index into.
 * @returns The issues with `source` and, where the mark is known, `line`.
 * @example
 * locateIssues(error.issues, 'register.csv', pupilMarks)[0].line //=> 214
 */
export function locateIssues(
  issues: readonly AttendanceIssue[],
  source: string,
  marks: readonly LocatableMark[] = []
): AttendanceIssue[] {
  return issues.map((issue) => {
    const index = issue.path[0];
    const line = typeof index === 'number' ? marks[index]?.line : undefined;
    return {
      ...issue,
      source: issue.source ?? source,
      ...(issue.line === undefined && line !== undefined ? { line } : {}),
    };
  });
}
