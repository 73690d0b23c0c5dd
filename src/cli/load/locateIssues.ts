import type { AttendanceIssue } from '../../errors.js';

/** A mark that may know its file line (marks from the importers do). */
interface LocatableMark {
  readonly line?: number | undefined;
  readonly pupilId?: string | undefined;
  readonly date?: string | undefined;
  readonly session?: string | undefined;
  readonly code?: string | undefined;
}

// Library functions over a list of marks name a mark by its position in that list ("Mark 3 (…)", "marks 3 ("/")
// and 7 ("O")"). In the command line the list is one pupil's marks, so the position means nothing to the user.
const LEADING_MARK = /^Mark \d+ \((?:[^"()]|"[^"]*")*\)\s*/;
const MARK_PAIR = /\bmarks (\d+) \(("[^"]*")\) and (\d+) \(("[^"]*")\)/g;
const ANY_MARK = /\b[Mm]arks? \d+/;
const OTHER_MARK = /\b([Mm])ark (\d+)\b/g;
const PUPIL_LOCATION = / \(pupil [^()]*\)/;

function lineOf(marks: readonly LocatableMark[], index: string): number | undefined {
  return marks[Number(index)]?.line;
}

/** The message with every position in the list replaced by the mark's file line, headed by where the mark is. */
function rewriteMessage(
  message: string,
  source: string,
  mark: LocatableMark,
  marks: readonly LocatableMark[]
): string {
  const where = [
    ...(mark.pupilId === undefined ? [] : [`pupil ${mark.pupilId}`]),
    ...(mark.date === undefined
      ? []
      : [`${mark.date}${mark.session === undefined ? '' : ` ${mark.session}`}`]),
  ];
  const head = `${mark.line === undefined ? source : `Line ${mark.line} of ${source}`}${where.length === 0 ? '' : ` (${where.join(', ')})`}: `;
  const body = LEADING_MARK.test(message)
    ? `the mark${mark.code === undefined ? '' : ` "${mark.code}"`} ${message.replace(LEADING_MARK, '')}`
    : message.replace(PUPIL_LOCATION, '');
  const located = body
    .replace(MARK_PAIR, (_match, first: string, firstCode: string, second: string, secondCode: string) => {
      const firstLine = lineOf(marks, first);
      const secondLine = lineOf(marks, second);
      return firstLine === undefined || secondLine === undefined
        ? `marks ${firstCode} and ${secondCode}`
        : `lines ${firstLine} (${firstCode}) and ${secondLine} (${secondCode})`;
    })
    .replace(OTHER_MARK, (_match, initial: string, index: string) => {
      const line = lineOf(marks, index);
      return line === undefined
        ? `${initial === 'M' ? 'A' : 'a'}nother mark`
        : `${initial}ark on line ${line}`;
    });
  return `${head}${located.charAt(0).toLowerCase()}${located.slice(1)}`;
}

/**
 * Adds the file and line to issues that a library function raised about a list of marks: an issue whose path
 * starts with a mark's index gets that mark's line (the importers record one per mark). Issues that already name
 * a file or line keep them. A message that names marks by their index in the list ("Mark 3 (…)") is rewritten to
 * name the file line instead, and the index is taken off every such issue's path, so that no position internal to one pupil's
 * marks is shown.
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
    const mark = typeof index === 'number' ? marks[index] : undefined;
    const line = mark?.line;
    const located: AttendanceIssue = {
      ...issue,
      source: issue.source ?? source,
      ...(issue.line === undefined && line !== undefined ? { line } : {}),
    };
    if (mark === undefined) return located;
    return {
      ...located,
      ...(ANY_MARK.test(issue.message)
        ? { message: rewriteMessage(issue.message, located.source ?? source, mark, marks) }
        : {}),
      path: issue.path.slice(1),
    };
  });
}
