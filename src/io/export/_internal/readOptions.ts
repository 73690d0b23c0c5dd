import type { AttendanceIssue } from '../../../errors.js';
import { excerpt } from '../../../_internal/excerpt.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../../limits/inputLimits.js';

/** The settings every export reader works with, once its options are checked. */
export interface ReadSettings {
  /** The file name for issues. */
  readonly source: string | undefined;
  /** The longest line (CSV record) or XML text run, in UTF-8 bytes. */
  readonly maxLineBytes: number;
  /** The deepest nesting of XML elements. */
  readonly maxDepth: number;
  /** The options as given, for reader-specific ones (an empty object when there were none). */
  readonly given: Readonly<Record<string, unknown>>;
}

/**
 * A value from a caller for an issue's `received`: short, and never a throw (a BigInt, a symbol or an object
 * is named by its type).
 *
 * @param value - The value.
 * @returns Its description.
 * @example
 * describeOption(10n) //=> '10n'
 */
export function describeOption(value: unknown): string {
  if (typeof value === 'string') return excerpt(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function optionIssue(path: readonly string[], expected: string, value: unknown): AttendanceIssue {
  const received = describeOption(value);
  const name = path.length === 0 ? 'The options' : `The ${path.join('.')} option`;
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `${name} must be ${expected}; received ${received}.`,
    path,
    ...(path.length === 0 ? {} : { field: path.join('.') }),
    expected,
    received,
  };
}

function limit(
  given: Readonly<Record<string, unknown>>,
  name: string,
  fallback: number,
  issues: AttendanceIssue[]
): number {
  const value = given[name];
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  issues.push(optionIssue([name], 'a whole number, 1 or more', value));
  return fallback;
}

/**
 * Checks the options of an export reader, which callers from JavaScript may pass as anything: each bad one is
 * an `invalid_value` issue naming it (the default is used in its place, so the file is still checked), never
 * a throw.
 *
 * @param options - What the caller passed.
 * @param issues - Where problems are pushed.
 * @returns The settings to read with.
 * @example
 * readSettings({ maxDepth: 8 }, []).maxDepth //=> 8
 * readSettings(undefined, []).maxLineBytes //=> 1048576
 */
export function readSettings(options: unknown, issues: AttendanceIssue[]): ReadSettings {
  let given: Readonly<Record<string, unknown>> = {};
  if (typeof options === 'object' && options !== null) given = options as Record<string, unknown>;
  else if (options !== undefined) issues.push(optionIssue([], 'an object', options));
  let source: string | undefined;
  const sourceValue = given['source'];
  if (typeof sourceValue === 'string') source = sourceValue;
  else if (sourceValue !== undefined)
    issues.push(optionIssue(['source'], 'the file name as a string', sourceValue));
  return {
    source,
    maxLineBytes: limit(given, 'maxLineBytes', DEFAULT_MAX_LINE_BYTES, issues),
    maxDepth: limit(given, 'maxDepth', DEFAULT_MAX_DEPTH, issues),
    given,
  };
}
