import { AttendanceError } from '../errors.js';
import type { AttendanceIssue, SafeResult } from '../errors.js';
import { describeValue } from '../sessions/checkMarks.js';
import type { SessionMark } from '../sessions/types.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { sessionMarksSchema } from './schema.js';

// A mark's pupil, date and session locate its issues, in the message as well as in their own fields; text of
// any length may arrive there (a whole file as a date), so it is cut to an excerpt like any quoted input.
function field(row: unknown, name: string): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const value: unknown = (row as Record<string, unknown>)[name];
  return typeof value === 'string' ? describeValue(value) : undefined;
}

/**
 * Validates untrusted marks (e.g. parsed JSON) without throwing: the typed marks, or an error listing every
 * bad mark with its index, pupil, date, session and field, what was expected and what was found.
 *
 * @remarks
 * Checks each mark's shape: a real `YYYY-MM-DD` date, `AM` or `PM`, a code of either code set (or `-`/empty
 * for no mark yet) and whole, non-negative minutes late. Two marks for one session are left for
 * {@link countSessions} to report, since marks of many pupils may travel together. Never throws, whatever it is
 * given (a BigInt, a circular or deeply nested value): anything that is not an array of such marks is the error.
 *
 * @param input - The untrusted value: an array of mark objects.
 * @returns `{ success: true, data }` with the marks, or `{ success: false, error }`.
 * @example
 * const result = safeParseSessionMarks([{ pupilId: 'P1', date: '2024-09-31', session: 'AM', code: '/' }]);
 * result.success //=> false
 * result.success || result.error.issues[0].path //=> [0, 'date']
 * @category Input
 */
export function safeParseSessionMarks(input: unknown): SafeResult<SessionMark[]> {
  const result = sessionMarksSchema().safeParse(input, ZOD_PARSE_CONTEXT);
  if (result.success) return { success: true, data: result.data as SessionMark[] };
  const rows: readonly unknown[] = Array.isArray(input) ? input : [];
  const issues: AttendanceIssue[] = result.error.issues.map((zodIssue) => {
    const row = typeof zodIssue.path[0] === 'number' ? rows[zodIssue.path[0]] : undefined;
    const pupilId = field(row, 'pupilId');
    const date = field(row, 'date');
    const session = field(row, 'session');
    const [issue] = fromZodIssues([zodIssue], {
      ...(pupilId === undefined ? {} : { pupilId }),
      ...(date === undefined ? {} : { date }),
      ...(session === undefined ? {} : { session }),
    });
    return issue!;
  });
  const [first, ...rest] = issues;
  return {
    success: false,
    error: new AttendanceError(
      first === undefined
        ? [{ code: 'invalid_value', severity: 'error', message: 'Invalid marks.', path: [] }]
        : [first, ...rest]
    ),
  };
}
