import { safeParseCensusAttendanceCsv } from './safeParseCensusAttendanceCsv.js';
import { unwrap } from './_internal/results.js';
import type { CensusAttendanceImport, ParseExportOptions } from './types.js';

/**
 * Reads a census attendance CSV (as {@link toCensusAttendanceCsv} writes it) back into records, or throws one
 * error listing every problem. See {@link safeParseCensusAttendanceCsv} for what is checked.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues.
 * @returns The pupils in order of their first row, with every warning (e.g. `totals_mismatch`).
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every problem with its line and column: missing columns, bad whole
 * numbers, unknown periods or reasons, repeated rows and records with more absence than possible sessions.
 * @example
 * const { pupils } = parseCensusAttendanceCsv(toCensusAttendanceCsv([{ pupilId: 'P1', termly }]));
 * pupils[0].termly //=> termly (an equal record)
 * @category Export
 */
export function parseCensusAttendanceCsv(
  text: string,
  options: ParseExportOptions = {}
): CensusAttendanceImport {
  return unwrap(safeParseCensusAttendanceCsv(text, options));
}
