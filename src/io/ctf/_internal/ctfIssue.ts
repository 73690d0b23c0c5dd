import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';
import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';

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

/** The longest path a message shows: the deepest path of a CTF element (82 characters) fits. */
const MAX_PATH_IN_MESSAGE = 100;
/** The longest element name a message shows whole; no CTF element name comes near it. */
const MAX_STEP_IN_MESSAGE = 40;

/**
 * Text from the file for a message or a `received` field: as it is when short, otherwise a quoted excerpt with
 * the count of characters left out, so that a huge value never floods a message.
 *
 * @param text - Text from the file.
 * @returns The text, or an excerpt of it.
 * @example
 * shortText('A123456789012') //=> 'A123456789012'
 * shortText('9'.repeat(100)).endsWith('… (20 more characters)') //=> true
 */
export function shortText(text: string): string {
  return text.length <= MAX_EXCERPT_LENGTH ? text : excerpt(text);
}

function cutStep(step: string, max: number): string {
  if (step.length <= max) return step;
  // Never cut a surrogate pair in two.
  const end = step.charCodeAt(max - 2) >= 0xd800 && step.charCodeAt(max - 2) <= 0xdbff ? max - 2 : max - 1;
  return `${step.slice(0, end)}…`;
}

/**
 * The XML path for a message: whole when short, otherwise the innermost steps (where the problem is) after
 * `…/`, each element name cut to a few dozen characters, so that deep or hostile nesting never floods a message.
 *
 * @param steps - The path steps.
 * @returns The path, shortened if need be.
 * @example
 * pathForMessage(['CTfile', 'Header']) //=> 'CTfile/Header'
 */
export function pathForMessage(steps: readonly string[]): string {
  const cut = steps.map((step) => cutStep(step, MAX_STEP_IN_MESSAGE));
  const whole = cut.join('/');
  if (whole.length <= MAX_PATH_IN_MESSAGE) return whole;
  let tail = '';
  for (let index = cut.length - 1; index >= 0; index -= 1) {
    const longer = tail === '' ? (cut[index] ?? '') : `${cut[index] ?? ''}/${tail}`;
    if (longer.length + 2 > MAX_PATH_IN_MESSAGE) break;
    tail = longer;
  }
  return `…/${tail}`;
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
  // Element names come from the file: one far longer than any CTF name is cut in the path too.
  const path: (string | number)[] = details.steps.map((step) => cutStep(step, MAX_EXCERPT_LENGTH));
  if (details.offset !== undefined) path.push(details.offset);
  const at = details.steps.length > 0 ? `, ${pathForMessage(details.steps)}` : '';
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
    ...(details.received === undefined ? {} : { received: shortText(details.received) }),
    line: details.line,
  };
}
