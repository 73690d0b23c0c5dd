import type { AttendanceIssue } from '../../errors.js';
import { printable } from './displayText.js';
import { presentIssue } from './presentIssue.js';

// A path deeper than this (a `too_deep` issue's, say) shows its first and last parts only.
const MOST_PATH_PARTS = 12;

function pathText(path: readonly (string | number)[]): string {
  if (path.length <= MOST_PATH_PARTS) return path.join('.');
  const head = path.slice(0, MOST_PATH_PARTS - 3).join('.');
  const tail = path.slice(-2).join('.');
  return `${head}.….${tail} (${path.length} levels)`;
}

/**
 * Where an issue is, for people: `file:line`, or the file and the path inside it when no line is known (a JSON
 * calendar or policy), or just the path.
 *
 * @param issue - The issue.
 * @returns The location, e.g. `register.csv:14` or `calendar.json (years.0.halfTerms.2.end)`.
 * @example
 * formatLocation({ code: 'unknown_code', severity: 'error', message: '…', path: [12, 'code'], source: 'register.csv', line: 14 })
 * //=> 'register.csv:14'
 */
export function formatLocation(issue: AttendanceIssue): string {
  const path = issue.path.length === 0 ? '' : pathText(issue.path);
  if (issue.source !== undefined && issue.line !== undefined) return `${issue.source}:${issue.line}`;
  if (issue.source !== undefined) return path === '' ? issue.source : `${issue.source} (${path})`;
  if (issue.line !== undefined) return `line ${issue.line}`;
  return path;
}

/**
 * What an issue says, without where it is or how bad: the pupil when the message does not name them, the
 * message, what was expected and found where the message does not say, and the issue's code.
 *
 * @param issue - The issue, as {@link presentIssue} gives it.
 * @returns E.g. `Unknown code "Q9". (expected a register code) [unknown_code]`.
 * @example
 * formatIssueBody({ code: 'unknown_code', severity: 'error', message: 'Unknown code "Q9".', path: [] })
 * //=> 'Unknown code "Q9". [unknown_code]'
 */
export function formatIssueBody(issue: AttendanceIssue): string {
  // Many messages already say what was expected and found; say it only where they do not.
  const details = [
    issue.expected === undefined || issue.message.includes(issue.expected)
      ? undefined
      : `expected ${issue.expected}`,
    issue.received === undefined || issue.message.includes(issue.received)
      ? undefined
      : `received ${JSON.stringify(issue.received)}`,
  ].filter((part) => part !== undefined);
  const detailText = details.length === 0 ? '' : ` (${details.join('; ')})`;
  // Library messages about one pupil's marks do not always name the pupil, who matters once many travel together.
  const pupil =
    issue.pupilId === undefined || issue.message.includes(issue.pupilId) ? '' : `pupil ${issue.pupilId}: `;
  return printable(`${pupil}${issue.message}${detailText} [${issue.code}]`);
}

/**
 * One issue as one line of an error message: where, how bad, what, and what was expected and found, in the
 * command line's spelling, quoting no more than a short excerpt of the input, with no control characters.
 *
 * @param issue - The issue.
 * @returns The line, e.g. `register.csv:14: error: Unknown code "Q9" … (expected a register code; received "Q9") [unknown_code]`.
 * @example
 * formatIssue({ code: 'unknown_code', severity: 'error', message: 'Unknown code "Q9".', path: [], source: 'r.csv', line: 3 })
 * //=> 'r.csv:3: error: Unknown code "Q9". [unknown_code]'
 */
export function formatIssue(issue: AttendanceIssue): string {
  const shown = presentIssue(issue);
  const location = printable(formatLocation(shown));
  return `${location === '' ? '' : `${location}: `}${shown.severity}: ${formatIssueBody(shown)}`;
}
