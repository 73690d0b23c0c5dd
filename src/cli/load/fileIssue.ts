import type { AttendanceIssue } from '../../errors.js';

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no such file',
  EACCES: 'permission to read it was denied',
  EISDIR: 'it is a directory, not a file',
};

/**
 * The issue for a file that could not be opened or read at all, naming the file and the system's reason.
 *
 * @param source - The file, as given on the command line.
 * @param what - What the file was to be, e.g. `'school calendar'`.
 * @param error - What the file system threw.
 * @returns The issue.
 * @example
 * unreadableFileIssue('calendar.json', 'school calendar', Object.assign(new Error(), { code: 'ENOENT' })).message
 * //=> 'Cannot read the school calendar "calendar.json": there is no such file.'
 */
export function unreadableFileIssue(source: string, what: string, error: unknown): AttendanceIssue {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const reason =
    (code === undefined ? undefined : READ_ERRORS[code]) ??
    (error instanceof Error ? error.message : String(error));
  // A missing file is a missing file: its own code, and what was found said in words, not as ENOENT.
  const missing = code === 'ENOENT';
  return {
    code: missing ? 'file_not_found' : 'file_unreadable',
    severity: 'error',
    message: `Cannot read the ${what} "${source}": ${reason}.`,
    path: [],
    source,
    expected: `a readable ${what} file`,
    received: missing ? 'no file at that path' : reason,
  };
}

/**
 * The issue for a file that could not be written (the case log or the escalation state), naming the file and the
 * system's reason. The file as it was is left in place: writes are made to a new file, then renamed over it.
 *
 * @param source - The file, as given on the command line.
 * @param what - What the file is, e.g. `'case log'`.
 * @param error - What the file system threw.
 * @returns The issue.
 * @example
 * unwritableFileIssue('state.json', 'escalation state file', Object.assign(new Error(), { code: 'EACCES' })).code
 * //=> 'file_unwritable'
 */
export function unwritableFileIssue(source: string, what: string, error: unknown): AttendanceIssue {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const reason =
    code === 'ENOENT'
      ? 'its directory does not exist'
      : code === 'EACCES'
        ? 'permission to write it was denied'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : error instanceof Error
            ? error.message
            : String(error);
  return {
    code: 'file_unwritable',
    severity: 'error',
    message: `Cannot write the ${what} "${source}": ${reason}; it is left as it was.`,
    path: [],
    source,
    expected: `a ${what} file that can be written`,
    received: reason,
  };
}
