import { isIsoDateText } from '../calendar/isIsoDate.js';

/**
 * The only ways a value reaches the SQL text. Every one checks its value first and renders it as a typed literal
 * or a quoted identifier, so that no option can close a literal, end a statement or start a comment: whole
 * numbers as digits, dates as `DATE 'YYYY-MM-DD'` after the same check as `isIsoDate`, text as a standard
 * string literal with its quotes doubled, names as double-quoted identifiers with their quotes doubled.
 */

/**
 * A whole number, e.g. a threshold or a length.
 *
 * @param value - A safe integer.
 * @returns Its digits.
 * @example
 * sqlInteger(38) //=> '38'
 */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`Not a whole number for SQL: ${String(value)}`);
  return String(value);
}

/**
 * A date literal.
 *
 * @param value - A real day as YYYY-MM-DD.
 * @returns The typed literal.
 * @example
 * sqlDate('2024-09-02') //=> "DATE '2024-09-02'"
 */
export function sqlDate(value: string): string {
  if (!isIsoDateText(value)) throw new TypeError(`Not a YYYY-MM-DD date for SQL: ${JSON.stringify(value)}`);
  return `DATE '${value}'`;
}

/**
 * A string literal. Standard SQL: only the quote is special, and it is doubled. A backslash is an ordinary
 * character in both dialects (PostgreSQL since 9.1 with `standard_conforming_strings`, its default; the script
 * sets it). NUL cannot be stored in PostgreSQL text and is refused, as are other control characters, which a
 * label has no use for.
 *
 * @param value - The text.
 * @returns The literal.
 * @example
 * sqlString("O'Brien") //=> "'O''Brien'"
 */
export function sqlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(value)) {
    throw new TypeError(`A control character cannot go into SQL text: ${JSON.stringify(value)}`);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A boolean literal.
 *
 * @param value - The boolean.
 * @returns `TRUE` or `FALSE`.
 * @example
 * sqlBoolean(true) //=> 'TRUE'
 */
export function sqlBoolean(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

/**
 * A quoted identifier.
 *
 * @param name - A name checked by the options schema (1 to 63 bytes, no control characters).
 * @returns The name in double quotes, its own double quotes doubled.
 * @example
 * sqlIdentifier('my "marks"') //=> '"my ""marks"""'
 */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * `schema.name`, each part quoted; no schema gives the name alone (found on the search path).
 *
 * @param schema - The schema, or undefined.
 * @param name - The table or view.
 * @returns The qualified, quoted name.
 * @example
 * sqlQualifiedName('warehouse', 'marks') //=> '"warehouse"."marks"'
 */
export function sqlQualifiedName(schema: string | undefined, name: string): string {
  return schema === undefined ? sqlIdentifier(name) : `${sqlIdentifier(schema)}.${sqlIdentifier(name)}`;
}

/**
 * Text placed in a `--` comment: one line, nothing that could end it or start another statement.
 *
 * @param text - Any text, e.g. a policy's name.
 * @returns The text with line breaks and control characters replaced by spaces.
 * @example
 * sqlCommentText('trust\npolicy') //=> 'trust policy'
 */
export function sqlCommentText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/gu, ' ');
}
