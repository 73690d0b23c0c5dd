import type { SessionMark } from '../../sessions/types.js';
import type { ImportedMark } from '../types.js';
import { toRegisterCsvLines } from './toRegisterCsvLines.js';
import type { RegisterCsvWriteOptions } from './types.js';

/**
 * Writes marks as the generic long-format CSV, which {@link parseRegisterCsv} reads back to the same marks.
 *
 * @remarks
 * The header is `pupil_id,date,session,code,minutes_late,comment`, with a final `upn` column only when some
 * mark has a UPN. Cells with a quote, comma or line break are quoted as RFC 4180 says. Lines end with CRLF
 * unless `lineEnding: '\n'` is given. A pupil id, UPN or comment starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a single quote before it, so that a spreadsheet does not run it as a formula (OWASP's
 * advice against CSV injection); {@link parseRegisterCsv} takes it off again, and `formulaSafe: false` turns it
 * off. For very many marks, write {@link toRegisterCsvLines} to a stream instead.
 *
 * @param marks - The marks; each must name its pupil.
 * @param options - The line ending (CRLF by default) and whether free text is made formula-safe (by default).
 * @returns The CSV text, ending with a line ending.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If a mark has no `pupilId`, or if a pupil id, UPN, code or
 * comment holds a lone UTF-16 surrogate (half of a pair): UTF-8 cannot carry it, so the file would read back
 * changed. Each issue names the mark, its pupil and the field.
 * @example
 * toRegisterCsv([{ pupilId: 'P1', date: isoDate('2025-09-02'), session: 'AM', code: 'L', minutesLate: 7 }], {
 *   lineEnding: '\n',
 * });
 * //=> 'pupil_id,date,session,code,minutes_late,comment\nP1,2025-09-02,AM,L,7,\n'
 * @category Export
 */
export function toRegisterCsv(
  marks: readonly ImportedMark[] | readonly SessionMark[],
  options?: RegisterCsvWriteOptions
): string {
  let text = '';
  for (const line of toRegisterCsvLines(marks, options)) text += line;
  return text;
}
