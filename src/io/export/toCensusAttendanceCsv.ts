import { throwIfErrors } from '../../_internal/issues.js';
import { CENSUS_CSV_HEADER, CENSUS_REASON_COLUMNS } from './_internal/censusCsvColumns.js';
import { CENSUS_PERIOD_ELEMENTS, censusInputIssues } from './_internal/censusRecords.js';
import { csvRow } from './_internal/csvText.js';
import { excerpt } from '../../_internal/excerpt.js';
import { hasLoneSurrogate } from '../_internal/loneSurrogate.js';
import { freeTextCell } from './_internal/spreadsheetSafe.js';
import type { CensusPupilAttendance, CsvLineEnding } from './types.js';

/**
 * How {@link toCensusAttendanceCsv} writes.
 *
 * @category Export
 */
export interface ToCensusAttendanceCsvOptions {
  /**
   * The line ending after every row, the last included.
   *
   * @defaultValue `'\r\n'` (RFC 4180)
   */
  readonly lineEnding?: CsvLineEnding;
  /**
   * Whether a pupil id that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a tab or
   * a carriage return) is written with a single quote before it, as OWASP advises against CSV injection. An id
   * starting with a quote followed by one of those or another quote gets one too, so that
   * {@link parseCensusAttendanceCsv}, which takes one such quote off, gives back every id exactly. Periods and
   * counts are never changed.
   *
   * @defaultValue `true`
   * @example
   * toCensusAttendanceCsv([{ pupilId: '-2+3', termly }], { lineEnding: '\n' }).split('\n')[1].startsWith("'-2+3,") //=> true
   * toCensusAttendanceCsv(pupils, { formulaSafe: false }); // ids exactly as given
   */
  readonly formulaSafe?: boolean;
}

/**
 * Writes pupils' census attendance records as CSV, wide: one row per pupil per period, with the totals and
 * one column per absence reason.
 *
 * @remarks
 * Columns: `pupil_id`; `period` (`termly`, `summerHalfTerm2` or `annual`); `sessions_possible`,
 * `sessions_authorised`, `sessions_unauthorised`; then `reason_<code>` for every reason in
 * {@link CENSUS_ABSENCE_REASONS} (`reason_C`, `reason_C1`, … `reason_U`), 0 where the record has none. A
 * pupil's rows come together, termly then second half of summer then annual; a pupil with no records has
 * no row. The wide layout suits spreadsheets and matches DfE's statistics files, which give each reason a
 * column. {@link parseCensusAttendanceCsv} reads it back to records with the reasons in
 * {@link CENSUS_ABSENCE_REASONS} order and zero reasons left out, which is how {@link toCensusAttendance}
 * makes them, so those records come back equal. A pupil id that a spreadsheet would run as a formula (starting
 * with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a single quote before it, as OWASP
 * advises against CSV injection, unless `formulaSafe: false`; {@link parseCensusAttendanceCsv} takes it off.
 *
 * @param pupils - The pupils' records, e.g. from {@link toCensusAttendance}; written in this order.
 * @param options - The line ending and formula safety.
 * @returns The CSV text, with a header row.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every empty pupil id or one holding an unpaired surrogate (which
 * UTF-8 cannot carry), count that is not a whole number, reason that is not in {@link CENSUS_ABSENCE_REASONS}
 * or is given twice, and record with more absence than possible sessions.
 * @example
 * const csv = toCensusAttendanceCsv([{ pupilId: 'P1', termly }], { lineEnding: '\n' });
 * csv.split('\n')[1] //=> 'P1,termly,142,7,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0'
 * @category Export
 */
export function toCensusAttendanceCsv(
  pupils: readonly CensusPupilAttendance[],
  options: ToCensusAttendanceCsvOptions = {}
): string {
  const lineEnding = options.lineEnding ?? '\r\n';
  const text = freeTextCell(options.formulaSafe);
  const issues = censusInputIssues(pupils);
  for (const [index, pupil] of pupils.entries()) {
    const { pupilId } = pupil;
    // UTF-8 cannot carry an unpaired surrogate: the id would be written as U+FFFD and read back different.
    if (typeof pupilId === 'string' && hasLoneSurrogate(pupilId)) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `The id of pupil ${index} holds an unpaired surrogate, which UTF-8 cannot carry: it would be written changed.`,
        path: [index, 'pupilId'],
        pupilId,
        field: 'pupilId',
        expected: 'text without unpaired surrogates',
        received: excerpt(pupilId),
      });
    }
  }
  throwIfErrors(issues);
  const lines = [csvRow(CENSUS_CSV_HEADER, lineEnding)];
  for (const pupil of pupils) {
    for (const [kind] of CENSUS_PERIOD_ELEMENTS) {
      const record = pupil[kind];
      if (record === undefined) continue;
      const byReason = new Map(
        record.sessionDetails.map((detail) => [detail.reason, detail.absenceSessions])
      );
      const fields = [
        text(pupil.pupilId),
        kind,
        String(record.sessionsPossible),
        String(record.sessionsAuthorised),
        String(record.sessionsUnauthorised),
        ...CENSUS_REASON_COLUMNS.map(([, reason]) => String(byReason.get(reason) ?? 0)),
      ];
      lines.push(csvRow(fields, lineEnding));
    }
  }
  return lines.join('');
}
