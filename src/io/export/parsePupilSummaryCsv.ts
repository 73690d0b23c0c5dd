import { safeParsePupilSummaryCsv } from './safeParsePupilSummaryCsv.js';
import { unwrap } from './_internal/results.js';
import type { ParsePupilSummaryCsvOptions, PupilSummaryImport } from './types.js';

/**
 * Reads a per-pupil summary CSV (as {@link toPupilSummaryCsv} writes it) back into integer counts, or throws
 * one error listing every problem. See {@link safeParsePupilSummaryCsv} for what is checked.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, and the policy for the flags.
 * @returns The pupils in file order, with every warning.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every bad integer, missing column, malformed row and set of counts
 * that does not add up, each with its line and column.
 * @example
 * const { pupils } = parsePupilSummaryCsv(toPupilSummaryCsv([{ pupilId: 'P1', counts }]));
 * pupils[0].counts.possible === counts.possible //=> true
 * @category Export
 */
export function parsePupilSummaryCsv(
  text: string,
  options: ParsePupilSummaryCsvOptions = {}
): PupilSummaryImport {
  return unwrap(safeParsePupilSummaryCsv(text, options));
}
