import { excerpt } from '../../_internal/excerpt.js';
import type { AttendanceIssue } from '../../errors.js';
import { JsonLimitCheck, utf8Length } from '../../io/limits/jsonLimits.js';

/** The limits a JSON file the command line parses itself is held to. */
export interface JsonLimits {
  /** The deepest nesting of arrays and objects accepted. */
  readonly maxDepth: number;
  /** The longest string (a value or a key) accepted, in bytes of UTF-8. */
  readonly maxLineBytes: number;
}

/** What {@link findJsonLimitBreach} found: where, and which limit. */
interface Breach {
  readonly kind: 'too_deep' | 'too_long';
  readonly path: (string | number)[];
  /** The string over the limit (`too_long`). */
  readonly text?: string;
}

/**
 * The first place where a parsed JSON value breaks a limit: nested deeper than `maxDepth` (a top-level array is
 * depth 1), or holding a string or key longer than `maxLineBytes` bytes of UTF-8. The walk is the importers' own
 * ({@link JsonLimitCheck}), with its own stack, so a value nested millions deep (which `JSON.parse` builds without
 * trouble) is measured before anything recursive (a validator, `JSON.stringify`) sees it.
 *
 * @param value - The parsed value.
 * @param limits - The limits.
 * @returns Where the first breach is, or `undefined`.
 * @example
 * findJsonLimitBreach(JSON.parse('[[[1]]]'), { maxDepth: 2, maxLineBytes: 100 }) //=> { kind: 'too_deep', path: [0, 0] }
 */
export function findJsonLimitBreach(value: unknown, limits: JsonLimits): Breach | undefined {
  const problem = new JsonLimitCheck(limits.maxDepth, limits.maxLineBytes).check(value, 1);
  if (problem === undefined) return undefined;
  const path = [...problem.path];
  // Parsed JSON holds no cycle, so only depth and length can be broken here.
  return problem.kind === 'depth' || problem.kind === 'circular'
    ? { kind: 'too_deep', path }
    : { kind: 'too_long', path, text: problem.text ?? '' };
}

/**
 * The line of a JSON text where nesting first goes deeper than `maxDepth`, found by scanning the text (strings
 * skipped): only run once a breach is known, to locate it.
 *
 * @param text - The JSON text.
 * @param maxDepth - The limit.
 * @returns The 1-based line, or `undefined` if the text never goes that deep.
 * @example
 * lineTooDeep('{\n "a": [\n  [1]\n ]\n}', 2) //=> 3
 */
export function lineTooDeep(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) line += 1;
    else if (inString) {
      if (code === 0x5c) index += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return line;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return undefined;
}

/**
 * The line of a JSON text holding a long string, when the string is written there as it is (no escapes) and
 * only once: a line that might be wrong is not given.
 *
 * @param text - The JSON text.
 * @param long - The string, as parsed.
 * @returns The 1-based line, or `undefined`.
 */
function lineOfString(text: string, long: string): number | undefined {
  const at = text.indexOf(long);
  if (at < 0 || text.includes(long, at + 1)) return undefined;
  let line = 1;
  for (let index = text.indexOf('\n'); index >= 0 && index < at; index = text.indexOf('\n', index + 1))
    line += 1;
  return line;
}

/**
 * The issue for a JSON file that breaks a limit, located by its path (and its line where the text is at hand),
 * quoting at most a short excerpt of a string over the limit; `undefined` when the value keeps to the limits.
 *
 * @param value - The parsed value.
 * @param text - The text it was parsed from, to find the line.
 * @param limits - The limits.
 * @param file - The file's name, and what it is (e.g. `'school calendar'`), for the message.
 * @returns The issue, or `undefined`.
 * @example
 * jsonLimitIssue(JSON.parse(deep), deep, { maxDepth: 64, maxLineBytes: 1048576 }, { source: 'policy.json', what: 'attendance policy' })?.code
 * //=> 'too_deep'
 */
export function jsonLimitIssue(
  value: unknown,
  text: string,
  limits: JsonLimits,
  file: { readonly source: string; readonly what: string }
): AttendanceIssue | undefined {
  const breach = findJsonLimitBreach(value, limits);
  if (breach === undefined) return undefined;
  const where =
    breach.path.length === 0
      ? ''
      : ` at ${breach.path.slice(0, 8).join('.')}${breach.path.length > 8 ? '.…' : ''}`;
  if (breach.kind === 'too_deep') {
    const line = lineTooDeep(text, limits.maxDepth);
    return {
      code: 'too_deep',
      severity: 'error',
      message: `The ${file.what} "${file.source}" is nested more than ${limits.maxDepth} levels deep${where}; give --max-depth to allow deeper nesting.`,
      path: breach.path,
      source: file.source,
      ...(line === undefined ? {} : { line }),
      expected: `JSON nested at most ${limits.maxDepth} levels deep`,
      received: `more than ${limits.maxDepth} levels`,
    };
  }
  const long = breach.text ?? '';
  const bytes = utf8Length(long);
  const line = lineOfString(text, long);
  return {
    code: 'too_long',
    severity: 'error',
    message: `The ${file.what} "${file.source}" holds a text of ${long.length} characters (${bytes} bytes)${where}, starting ${excerpt(long.slice(0, 40))}, longer than the limit of ${limits.maxLineBytes}; give --max-line-bytes to allow longer ones.`,
    path: breach.path,
    source: file.source,
    ...(line === undefined ? {} : { line }),
    expected: `texts of at most ${limits.maxLineBytes} bytes`,
    received: `${bytes} bytes`,
  };
}
