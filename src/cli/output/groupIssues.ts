import type { AttendanceIssue } from '../../errors.js';
import { formatIssue, formatIssueBody } from './formatIssue.js';
import { printable } from './displayText.js';
import { presentIssue } from './presentIssue.js';

// Two of a kind are still listed one by one; from three, they make one line.
const GROUP_FROM = 3;
// The first few places of a group are named; the rest are counted.
const PLACES_NAMED = 5;

/** Issues of one kind: the first few of them, how many there are, and where the first few are. */
export interface IssueGroup {
  /** The first issues of the kind (all of them when there are fewer than three), as {@link presentIssue} gives them. */
  readonly members: readonly [AttendanceIssue, ...AttendanceIssue[]];
  /** How many issues there are of this kind. */
  readonly count: number;
  /** The lines of the first few, in order, or their paths where they have no line. */
  readonly places: readonly string[];
}

// One kind: the same file, severity, code, field and expectation; the line, the pupil and the value may differ.
function kindOf(issue: AttendanceIssue): string {
  return [issue.source ?? '', issue.severity, issue.code, issue.field ?? '', issue.expected ?? ''].join(
    '\u0000'
  );
}

function placeOf(issue: AttendanceIssue): string {
  return issue.line === undefined ? issue.path.join('.') : String(issue.line);
}

/**
 * Groups issues of one kind (the same file, severity, code, field and expectation: a Latin-1 file's encoding
 * warning on every row, say), in the order each kind first appears. Each issue is first made as the command
 * line shows it ({@link presentIssue}).
 *
 * @param issues - The issues.
 * @returns One group per kind.
 * @example
 * groupIssues(sixtyOneEncodingWarnings) //=> [{ members: [first, second], count: 61, places: ['2', '3', …] }]
 */
export function groupIssues(issues: readonly AttendanceIssue[]): IssueGroup[] {
  const groups = new Map<
    string,
    { members: [AttendanceIssue, ...AttendanceIssue[]]; count: number; places: string[] }
  >();
  for (const issue of issues) {
    const shown = presentIssue(issue);
    const kind = kindOf(shown);
    const group = groups.get(kind);
    if (group === undefined) {
      groups.set(kind, { members: [shown], count: 1, places: [placeOf(shown)] });
      continue;
    }
    group.count += 1;
    // Only what is shown is kept: a bad file may have a million issues of one kind.
    if (group.members.length < GROUP_FROM - 1) group.members.push(shown);
    if (group.places.length <= PLACES_NAMED) group.places.push(placeOf(shown));
  }
  return [...groups.values()];
}

function listed(group: IssueGroup): string {
  const named = group.places.slice(0, PLACES_NAMED);
  const rest = group.count - named.length;
  const words = group.members[0].line === undefined ? 'at' : 'on lines';
  if (rest > 0) return `${words} ${named.join(', ')} and ${rest} more`;
  return `${words} ${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
}

/**
 * A group of issues for stderr: three or more as one line saying where, how bad, how many and on which lines
 * (the first five, then a count), then the first issue in full; fewer, one line each.
 *
 * @param group - The group.
 * @returns The lines.
 * @example
 * formatIssueGroup(group)
 * //=> ['latin1.csv: warning: 61 of this kind, on lines 2, 3, 4, 5, 6 and 56 more; the first: Line 2 of … [encoding]']
 */
export function formatIssueGroup(group: IssueGroup): string[] {
  if (group.count < GROUP_FROM) return group.members.map(formatIssue);
  const first = group.members[0];
  const source = first.source === undefined ? '' : `${printable(first.source)}: `;
  return [
    `${source}${first.severity}: ${group.count} of this kind, ${printable(listed(group))}; the first: ${formatIssueBody(first)}`,
  ];
}

/**
 * The lines that report issues on stderr: each kind of issue that occurs three times or more as one line with
 * its count and first lines, other issues one line each, in the order they first occur; at most `most` lines.
 *
 * @param issues - The issues.
 * @param most - The most lines to write.
 * @returns The lines, and how many issues they leave out.
 * @example
 * groupedIssueLines(sixtyOneEncodingWarnings, 20)
 * //=> { lines: ['latin1.csv: warning: 61 of this kind, on lines 2, 3, 4, 5, 6 and 56 more; the first: …'], hidden: 0 }
 */
export function groupedIssueLines(
  issues: readonly AttendanceIssue[],
  most: number
): { lines: string[]; hidden: number } {
  const lines: string[] = [];
  let hidden = 0;
  for (const group of groupIssues(issues)) {
    const groupLines = formatIssueGroup(group);
    if (hidden === 0 && lines.length + groupLines.length <= most) lines.push(...groupLines);
    else hidden += group.count;
  }
  return { lines, hidden };
}
