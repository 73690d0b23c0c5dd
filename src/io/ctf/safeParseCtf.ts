import { AttendanceError } from '../../errors.js';
import type { SafeResult } from '../../errors.js';
import { readCtf } from './readCtf.js';
import type { CtfImport, CtfImportReport, CtfOptions } from './types.js';

/**
 * Reads a Common Transfer File strictly, without throwing: the whole file when it has no error, or an
 * {@link "school-attendance"!AttendanceError | AttendanceError} carrying every error issue. Warnings (such as `totals_mismatch`) do not stop it.
 *
 * @remarks
 * Reads exactly as {@link readCtf} does (see there for the options, the decoding of the marks and the limits
 * on hostile input). Never throws: an invalid option (e.g. `codeWidth: 3`, or options whose properties throw
 * when read) or an input that is neither text nor bytes comes back as the error too, and {@link parseCtf}
 * throws exactly this error when this fails.
 *
 * @param xml - The file's text, or its bytes.
 * @param options - The day model, calendar, filler characters, code width, file name and input limits.
 * @returns `{ success: true, data }` with the file, or `{ success: false, error }`.
 * @example
 * const result = safeParseCtf('<CTfile><Header>');
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'malformed_input'
 * const bad = safeParseCtf('<CTfile/>', { codeWidth: 3 as 1 });
 * bad.success || bad.error.issues[0].field //=> 'codeWidth'
 * @category CTF
 */
export function safeParseCtf(xml: string | Uint8Array, options: CtfOptions = {}): SafeResult<CtfImport> {
  let report: CtfImportReport;
  try {
    report = readCtf(xml, options);
  } catch (error) {
    // readCtf throws only for invalid options; here they are the result's error like any other problem.
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
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
