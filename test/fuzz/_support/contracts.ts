import { expect } from 'vitest';
import { isAttendanceError } from '../../../src/index.js';
import type { AttendanceIssue, SafeResult } from '../../../src/index.js';

// The contracts every importer and every function given untrusted values keeps, as assertions the fuzz
// properties share: `safe*` never throws; the throwing twin throws only an AttendanceError, exactly when the safe
// one fails, with the same issues; every issue says where it is, briefly.

/**
 * The longest message an issue may have (JSON escapes count as one character each): about 300 characters of
 * words, plus room for a fixed list such as the keys a policy may have; never a flood of quoted input.
 */
export const MAX_MESSAGE_LENGTH = 400;

/** The longest quotation of input an issue's `received` may hold: 80 characters, quotes and a "… more" note. */
export const MAX_RECEIVED_LENGTH = 130;

/** The kinds of fault {@link issueFaults} finds; FUZZ_TOLERATE may list some to look past a known failure. */
export type IssueFaultKind =
  'empty-message' | 'long-message' | 'unlocated' | 'bad-line' | 'long-received' | 'not-text' | 'bad-severity';

/** How strictly {@link issueFaults} locates. */
export interface LocateOptions {
  /**
   * Whether an issue with an empty path is located: true when the input itself may be the wrong kind of value
   * (a number where the text should be), since the problem is then the whole argument.
   */
  readonly allowRoot?: boolean;
}

// A debugging aid, never set in CI: `FUZZ_TOLERATE=long-message` lets a local run look past a known failure
// (one waiting for a fix elsewhere) to find the next one.
const TOLERATED = new Set((process.env['FUZZ_TOLERATE'] ?? '').split(',').map((kind) => kind.trim()));

/** Text with each JSON escape (`\u0000`, `\"`) counted as the one character it stands for. */
function unescapedLength(text: string): number {
  return text.replace(/\\u[0-9a-fA-F]{4}|\\./g, '_').length;
}

const TEXT_FIELDS = [
  'message',
  'received',
  'expected',
  'pupilId',
  'date',
  'session',
  'field',
  'source',
] as const;

/**
 * What is wrong with how an issue is reported, or nothing: text fields that are text, a message (not empty, not
 * too long), a location (a line, a non-empty path, a pupil or a field), a short quotation of the input.
 *
 * @param issue - The issue.
 * @param options - How strictly to locate.
 * @returns The broken rules, in words.
 */
export function issueFaults(issue: AttendanceIssue, options: LocateOptions = {}): string[] {
  const faults: [IssueFaultKind, string][] = [];
  // Issues are plain JSON-safe data: a BigInt or symbol in a text field breaks JSON.stringify and loggers.
  for (const key of TEXT_FIELDS) {
    const value: unknown = issue[key];
    if (value !== undefined && typeof value !== 'string')
      faults.push(['not-text', `${key} is a ${typeof value}, not text`]);
  }
  if (typeof issue.message !== 'string' || issue.message.trim() === '')
    faults.push(['empty-message', 'the message is empty']);
  else if (unescapedLength(issue.message) > MAX_MESSAGE_LENGTH)
    faults.push(['long-message', `the message is ${issue.message.length} characters long`]);
  // With allowRoot, a value of the wrong kind as a whole (a number where the CSV text should be) is located by
  // its empty path. Anything else needs a line, a path into the value, a pupil or a field.
  const located =
    (options.allowRoot === true && Array.isArray(issue.path)) ||
    issue.line !== undefined ||
    (Array.isArray(issue.path) && issue.path.length > 0) ||
    (issue.pupilId !== undefined && issue.pupilId !== '') ||
    (issue.field !== undefined && issue.field !== '');
  if (!located) faults.push(['unlocated', 'the issue has no line, path, pupil or field']);
  if (issue.line !== undefined && !(Number.isSafeInteger(issue.line) && issue.line >= 1))
    faults.push(['bad-line', `the line ${String(issue.line)} is not a line number`]);
  if (typeof issue.received === 'string' && unescapedLength(issue.received) > MAX_RECEIVED_LENGTH)
    faults.push(['long-received', `received quotes ${issue.received.length} characters`]);
  if (!['error', 'warning'].includes(issue.severity))
    faults.push(['bad-severity', 'the severity is neither error nor warning']);
  return faults.filter(([kind]) => !TOLERATED.has(kind)).map(([, words]) => words);
}

/**
 * Fails unless every issue is located and brief (see {@link issueFaults}).
 *
 * @param issues - The issues of a report or error.
 * @param options - How strictly issues are located.
 */
export function expectLocated(issues: readonly AttendanceIssue[], options: LocateOptions = {}): void {
  const faulty = issues
    .map((issue) => ({ issue, faults: issueFaults(issue, options) }))
    .filter(({ faults }) => faults.length > 0)
    .slice(0, 3)
    .map(({ issue, faults }) => ({
      faults,
      code: issue.code,
      message: (issue.message as unknown as string | undefined)?.slice(0, 400),
      path: issue.path,
    }));
  expect(faulty).toEqual([]);
}

/** What calling a function did: returned a value or threw something. */
export type Outcome<T> =
  { readonly threw: false; readonly value: T } | { readonly threw: true; readonly error: unknown };

/**
 * Calls a function and records what it did, so a throw is data to compare.
 *
 * @param run - The call.
 */
export function outcomeOf<T>(run: () => T): Outcome<T> {
  try {
    return { threw: false, value: run() };
  } catch (error) {
    return { threw: true, error };
  }
}

/**
 * Like {@link outcomeOf} for an async call.
 *
 * @param run - The call.
 */
export async function asyncOutcomeOf<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { threw: false, value: await run() };
  } catch (error) {
    return { threw: true, error };
  }
}

/** A thrown value, shortened for a failure report: its type, message and first stack lines. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error)
    return `${error.name}: ${error.message.slice(0, 300)}\n${(error.stack ?? '').split('\n').slice(1, 8).join('\n')}`;
  return `${typeof error}: ${String(error).slice(0, 300)}`;
}

/**
 * Fails if the call threw anything but an AttendanceError (and then says what it threw, with its stack).
 *
 * @param outcome - What the call did.
 */
export function expectOnlyAttendanceErrors(outcome: Outcome<unknown>): void {
  if (outcome.threw && !isAttendanceError(outcome.error))
    expect.fail(`threw ${describeThrown(outcome.error)}`);
}

/**
 * Fails if the call threw at all (and then says what it threw, with its stack).
 *
 * @param outcome - What the call did.
 */
export function expectNoThrow(outcome: Outcome<unknown>): void {
  if (outcome.threw) expect.fail(`threw ${describeThrown(outcome.error)}`);
}

/**
 * The safe/strict contract: the safe form returns (never throws) a well-formed result whose issues are located;
 * the strict form throws exactly when the safe form fails, only an AttendanceError, with the same issues; when
 * both succeed they give equal values.
 *
 * @param safe - The `safe*` call.
 * @param strict - The throwing call with the same arguments.
 * @param options - How strictly issues are located.
 * @returns The safe result, for further checks.
 */
export function expectSafeAgreesWithStrict<T>(
  safe: () => SafeResult<T>,
  strict: () => T,
  options: LocateOptions = {}
): SafeResult<T> {
  const safeOutcome = outcomeOf(safe);
  expectNoThrow(safeOutcome);
  if (safeOutcome.threw) throw new Error('unreachable');
  const result = safeOutcome.value;
  expect(typeof result.success).toBe('boolean');
  if (!result.success) {
    expect(isAttendanceError(result.error)).toBe(true);
    expect(result.error.issues.length).toBeGreaterThan(0);
    expectLocated(result.error.issues, options);
  }
  const strictOutcome = outcomeOf(strict);
  expectOnlyAttendanceErrors(strictOutcome);
  expect(strictOutcome.threw).toBe(!result.success);
  if (strictOutcome.threw && !result.success) {
    expect((strictOutcome.error as { issues: unknown }).issues).toEqual(result.error.issues);
  }
  if (!strictOutcome.threw && result.success) expect(strictOutcome.value).toEqual(result.data);
  return result;
}

/**
 * The error issues among some issues.
 *
 * @param issues - Issues of a report.
 */
export function errorsAmong(issues: readonly AttendanceIssue[]): AttendanceIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}
