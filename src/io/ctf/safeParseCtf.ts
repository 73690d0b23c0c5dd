import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import { readCtf } from './readCtf.js';
import type { CtfImport, CtfOptions } from './types.js';

/**
 * Reads a Common Transfer File strictly, without throwing: the whole file when it has no error, or an
 * {@link index!AttendanceError | AttendanceError} carrying every error issue. Warnings (such as `totals_mismatch`) do not stop it.
 *
 * @remarks
 * Reads exactly as {@link readCtf} does (see there for the options and the decoding of the marks).
 *
 * @param xml - The file's text, or its bytes.
 * @param options - The day model, calendar, filler characters, code width and file name.
 * @returns `{ success: true, data }` with the file, or `{ success: false, error }`.
 * @throws {@link index!AttendanceError | AttendanceError} Only if an option is invalid.
 * @example
 * const result = safeParseCtf('<CTfile><Header>');
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'malformed_input'
 * @category CTF
 */
export function safeParseCtf(xml: string | Uint8Array, options: CtfOptions = {}): SafeResult<CtfImport> {
  const report = readCtf(xml, options);
  const [first, ...rest] = report.issues.filter((issue) => issue.severity === 'error');
  if (first !== undefined) return { success: false, error: new AttendanceError([first, ...rest]) };
  return {
    success: true,
    data: {
      header: report.header,
      pupils: report.pupils,
      marks: report.marks,
      rowsRead: report.rowsRead,
      rowsUsed: report.rowsUsed,
      rowsRejected: report.rowsRejected,
      warnings: report.issues,
    },
  };
}
