import { safeParseCensusAttendanceXml } from './safeParseCensusAttendanceXml.js';
import { unwrap } from './_internal/results.js';
import type { CensusAttendanceImport, ParseExportOptions } from './types.js';

/**
 * Reads census attendance XML (as {@link toCensusAttendanceXml} writes it) back into records, or throws one
 * error listing every problem. See {@link safeParseCensusAttendanceXml} for what is checked.
 *
 * @param xml - The XML text.
 * @param options - The file name for issues.
 * @returns The pupils in file order, with every warning (e.g. `totals_mismatch`).
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every problem with its XML path and line: a document that is not
 * well-formed, missing or repeated elements, counts that are not whole numbers, unknown or repeated reasons,
 * and records with more absence than possible sessions.
 * @example
 * const { pupils } = parseCensusAttendanceXml(toCensusAttendanceXml([{ pupilId: 'P1', termly }]));
 * pupils[0].termly //=> termly (an equal record)
 * @category Export
 */
export function parseCensusAttendanceXml(
  xml: string,
  options: ParseExportOptions = {}
): CensusAttendanceImport {
  return unwrap(safeParseCensusAttendanceXml(xml, options));
}
