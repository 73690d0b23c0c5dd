import { AttendanceError } from '../../errors.js';
import type { CliIo } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';
import { jsonErrorLine } from '../../io/_internal/jsonErrorLine.js';
import { jsonLimitIssue } from './jsonLimits.js';
import type { JsonLimits } from './jsonLimits.js';

// V8 quotes the text around a syntax error, line breaks and all; an issue message stays on one line.
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * Reads and parses a JSON file (a calendar, a policy, a mapping or a code list), reporting an unreadable file,
 * invalid JSON, or a value nested deeper than `limits.maxDepth` or holding a text longer than
 * `limits.maxLineBytes` as an {@link AttendanceError} that names the file and, where it can be told, the line.
 * The limits are checked without recursion before the value is handed on, so that no validator's recursion
 * meets a value nested thousands deep.
 *
 * @param io - The file system.
 * @param source - The file, as given on the command line.
 * @param what - What the file is, for messages, e.g. `'school calendar'`.
 * @param limits - `--max-depth` and `--max-line-bytes`.
 * @returns The parsed value, not yet validated.
 * @throws {@link AttendanceError} If the file cannot be read, is not JSON, or breaks a limit.
 * @example
 * const value = await readJsonFile(io, 'calendar.json', 'school calendar', { maxDepth: 64, maxLineBytes: 1048576 });
 */
export async function readJsonFile(
  io: CliIo,
  source: string,
  what: string,
  limits: JsonLimits
): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    throw new AttendanceError([unreadableFileIssue(source, what, error)]);
  }
  let value: unknown;
  try {
    // A byte-order mark is not JSON, but editors on Windows write one.
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text, message);
    throw new AttendanceError([
      {
        code: 'malformed_input',
        severity: 'error',
        message: `The ${what} "${source}" is not valid JSON: ${oneLine(message)}.`,
        path: [],
        source,
        ...(line === undefined ? {} : { line }),
        expected: 'JSON',
        received: 'text that is not JSON',
      },
    ]);
  }
  const breach = jsonLimitIssue(value, text, limits, { source, what });
  if (breach !== undefined) throw new AttendanceError([breach]);
  return value;
}
