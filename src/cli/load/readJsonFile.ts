import { AttendanceError } from '../../errors.js';
import type { CliIo } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';
import { jsonErrorLine } from './jsonErrorLine.js';

// V8 quotes the text around a syntax error, line breaks and all; an issue message stays on one line.
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * Reads and parses a JSON file (a calendar or policy), reporting an unreadable file or invalid JSON as an
 * {@link AttendanceError} that names the file and, for a syntax error, the line.
 *
 * @param io - The file system.
 * @param source - The file, as given on the command line.
 * @param what - What the file is, for messages, e.g. `'school calendar'`.
 * @returns The parsed value, not yet validated.
 * @throws {@link AttendanceError} If the file cannot be read or is not JSON.
 * @example
 * const value = await readJsonFile(io, 'calendar.json', 'school calendar');
 */
export async function readJsonFile(io: CliIo, source: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    throw new AttendanceError([unreadableFileIssue(source, what, error)]);
  }
  try {
    // A byte-order mark is not JSON, but editors on Windows write one.
    return JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as unknown;
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
}
