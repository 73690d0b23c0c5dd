import type { CsvCell } from '../types.js';

// RFC 4180: a field holding a comma, a double quote or a line break is quoted, and its quotes doubled.
const NEEDS_QUOTES = /[",\r\n]/;

function field(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a header and rows as CSV by RFC 4180: CRLF line ends, fields quoted when they hold a comma, a double
 * quote, a line break or leading or trailing spaces; empty cells for `null` and `undefined`.
 *
 * @param header - The column names.
 * @param rows - The rows, one cell per column.
 * @returns The CSV text, ending with a line break.
 * @example
 * formatCsv(['pupil_id', 'comment'], [['P01', 'said "ill", phoned']])
 * //=> 'pupil_id,comment\r\nP01,"said ""ill"", phoned"\r\n'
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
