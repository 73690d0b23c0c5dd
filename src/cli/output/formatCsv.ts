import { toSpreadsheetSafe } from '../../io/export/_internal/spreadsheetSafe.js';
import type { CsvCell } from '../types.js';

// RFC 4180: a field holding a comma, a double quote or a line break is quoted, and its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

/** How {@link formatCsv} writes. */
export interface FormatCsvOptions {
  /**
   * Whether a text cell that a spreadsheet would run as a formula gets a single quote before it.
   *
   * @defaultValue `true`
   */
  readonly formulaSafe?: boolean;
}

function field(cell: CsvCell, formulaSafe: boolean): string {
  if (cell === null || cell === undefined) return '';
  // Numbers and booleans are values, never formulas; a lone "-" is the no-mark code (e.g. an issue's
  // `received`) and cannot hold a formula, so it stays as it is.
  const text =
    typeof cell === 'string' && formulaSafe && cell !== '-' ? toSpreadsheetSafe(cell) : String(cell);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a header and rows as CSV by RFC 4180: CRLF line ends, fields quoted when they hold a comma, a double
 * quote, a line break or leading or trailing spaces; empty cells for `null` and `undefined`.
 *
 * @remarks
 * A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, e.g. a pupil id or a value echoed from the register) is written with a single quote before it, as
 * OWASP advises against CSV injection, unless `formulaSafe: false`. Number and boolean cells, and a cell that is
 * only `-` (the no-mark code), are never changed; the commands' dates, sessions and codes start with a letter
 * or digit, so they are unchanged too.
 *
 * @param header - The column names.
 * @param rows - The rows, one cell per column.
 * @param options - Whether text cells are made formula-safe (by default).
 * @returns The CSV text, ending with a line break.
 * @example
 * formatCsv(['pupil_id', 'comment'], [['P01', 'said "ill", phoned']])
 * //=> 'pupil_id,comment\r\nP01,"said ""ill"", phoned"\r\n'
 * formatCsv(['pupil_id', 'absent'], [['=1+2', -1]])
 * //=> "pupil_id,absent\r\n'=1+2,-1\r\n"
 */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: FormatCsvOptions = {}
): string {
  const formulaSafe = options.formulaSafe !== false;
  return [header, ...rows]
    .map((row) => `${row.map((cell) => field(cell, formulaSafe)).join(',')}\r\n`)
    .join('');
}
