import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';

/** Where in a CTF file an issue is, and what it concerns. */
export interface CtfIssueDetails {
  /** The XML path steps of the element, e.g. `['CTfile', 'CTFpupilData', 'Pupil[2]', 'UPN']`. */
  readonly steps: readonly string[];
  /** The 1-based line of the element's start tag (or of the point reached). */
  readonly line: number;
  /** A character position inside the element's text, appended to the path. */
  readonly offset?: number | undefined;
  readonly pupilId?: string | undefined;
  readonly date?: string | undefined;
  readonly session?: string | undefined;
  readonly field?: string | undefined;
  readonly expected?: string | undefined;
  readonly received?: string | undefined;
}

/**
 * The XML path of an element as one string, e.g. `'CTfile/CTFpupilData/Pupil[2]'`.
 *
 * @param steps - The path steps.
 * @returns The steps joined with `/`.
 * @example
 * xmlPath(['CTfile', 'Header']) //=> 'CTfile/Header'
 */
export function xmlPath(steps: readonly string[]): string {
  return steps.join('/');
}

/**
 * Builds a located CTF issue: its path is the XML path steps (and a character position, where there is one);
 * the message ends with the XML path and line so that it reads on its own.
 *
 * @param code - The issue code.
 * @param severity - Error or warning.
 * @param message - The sentence naming the problem, without its location.
 * @param details - Where the problem is, and what was expected and found.
 * @returns The issue.
 * @example
 * ctfIssue('invalid_value', 'error', 'SessionsPossible is not a whole number', {
 *   steps: ['CTfile', 'CTFpupilData', 'Pupil[1]', 'Attendance', 'YearData[1]', 'SessionsPossible'],
 *   line: 12,
 * }).path[2] //=> 'Pupil[1]'
 */
export function ctfIssue(
  code: AttendanceIssueCode,
  severity: 'error' | 'warning',
  message: string,
  details: CtfIssueDetails
): AttendanceIssue {
  const path: (string | number)[] = [...details.steps];
  if (details.offset !== undefined) path.push(details.offset);
  const at = details.steps.length > 0 ? `, ${xmlPath(details.steps)}` : '';
  return {
    code,
    severity,
    message: `${message} (line ${details.line}${at}).`,
    path,
    ...(details.pupilId === undefined ? {} : { pupilId: details.pupilId }),
    ...(details.date === undefined ? {} : { date: details.date }),
    ...(details.session === undefined ? {} : { session: details.session }),
    ...(details.field === undefined ? {} : { field: details.field }),
    ...(details.expected === undefined ? {} : { expected: details.expected }),
    ...(details.received === undefined ? {} : { received: details.received }),
    line: details.line,
  };
}
