import type { CsvLineEnding } from '../types.js';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break (RFC 4180),
 * as it is otherwise.
 *
 * @param value - The field's text.
 * @returns The field as written in a CSV file.
 * @example
 * csvField('Smith, J') //=> '"Smith, J"'
 */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One CSV row with its line ending.
 *
 * @param fields - The fields' texts.
 * @param lineEnding - The line ending.
 * @returns The row as written in a CSV file.
 * @example
 * csvRow(['a', 'b,c'], '\n') //=> 'a,"b,c"\n'
 */
export function csvRow(fields: readonly string[], lineEnding: CsvLineEnding): string {
  return fields.map(csvField).join(',') + lineEnding;
}
