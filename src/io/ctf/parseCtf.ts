import { safeParseCtf } from './safeParseCtf.js';
import type { CtfImport, CtfOptions } from './types.js';

/**
 * Reads a Common Transfer File strictly: the whole file, or one {@link "school-attendance"!AttendanceError | AttendanceError} carrying every error
 * issue. Warnings (such as `totals_mismatch`) come back in `warnings`.
 *
 * @remarks
 * Reads exactly as {@link readCtf} does (see there for the options and the decoding of the marks).
 *
 * @param xml - The file's text, or its bytes.
 * @param options - The day model, calendar, filler characters, code width, file name and input limits.
 * @returns The header, the pupils with their records and marks, all marks, the row counts and the warnings.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Carrying every error in the file, each with its XML path and line, or if an
 *   option is invalid.
 * @example
 * const ctf = parseCtf(readFileSync('transfer.xml', 'utf8'));
 * ctf.pupils[0]?.years[0]?.decodedCounts?.possible //=> 10
 * @category CTF
 */
export function parseCtf(xml: string | Uint8Array, options: CtfOptions = {}): CtfImport {
  const result = safeParseCtf(xml, options);
  if (!result.success) throw result.error;
  return result.data;
}
