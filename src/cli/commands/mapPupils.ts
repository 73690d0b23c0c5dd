import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { ImportedMark } from '../../io/types.js';
import { locateIssues } from '../load/locateIssues.js';
import type { AnalysisContext } from './context.js';

/**
 * Runs a library function over each pupil's marks, collecting every pupil's problems before failing, so that one
 * run lists them all; each problem is given the file and line of the mark it is about.
 *
 * @param context - The register and its pupils.
 * @param compute - What to work out for one pupil; may throw an `AttendanceError`.
 * @returns One result per pupil, in pupil order.
 * @throws {@link AttendanceError} With every pupil's issues, located in the file.
 * @example
 * const counts = mapPupils(context, (pupilId, marks) => ({ pupilId, counts: countSessions(marks) }));
 */
export function mapPupils<T>(
  context: AnalysisContext,
  compute: (pupilId: string, marks: readonly ImportedMark[]) => T
): T[] {
  const results: T[] = [];
  const issues: AttendanceIssue[] = [];
  for (const [pupilId, marks] of context.pupils) {
    try {
      results.push(compute(pupilId, marks));
    } catch (error) {
      if (!(error instanceof AttendanceError)) throw error;
      issues.push(
        ...locateIssues(error.issues, context.register.source, marks).map((issue) => ({
          ...issue,
          pupilId: issue.pupilId ?? pupilId,
        }))
      );
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return results;
}
