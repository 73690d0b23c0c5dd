// CSV injection (OWASP): a spreadsheet opening a CSV runs a cell that starts with `=`, `+`, `-` or `@` (or a
// tab or carriage return before one) as a formula. The writers put a single quote before such a free-text cell,
// which spreadsheets show as text, and the readers take it off again. Codes, dates, sessions and numbers are
// never passed through here: `-` is the "no mark" register code and must stay as it is.

const APOSTROPHE = 0x27;

/** Whether a character code starts a formula in a spreadsheet: `=`, `+`, `-`, `@`, tab or carriage return. */
function isFormulaStart(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40 || code === 0x09 || code === 0x0d;
}

/** Whether the character after a leading quote makes it an escape: a formula start or another quote. */
function isEscaped(code: number): boolean {
  return code === APOSTROPHE || isFormulaStart(code);
}

/**
 * A free-text CSV cell that a spreadsheet will not run as a formula: prefixed with a single quote when it starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP advises. A cell that already starts with a quote
 * followed by one of those or by another quote is prefixed too, so that {@link fromSpreadsheetSafe} gives back
 * every string exactly. Any other cell is returned as it is.
 *
 * @param text - The cell's text, before CSV quoting.
 * @returns The text to write.
 * @example
 * toSpreadsheetSafe('=1+2') //=> "'=1+2"
 * toSpreadsheetSafe("'=1+2") //=> "''=1+2"
 * toSpreadsheetSafe("'abc") //=> "'abc"
 * toSpreadsheetSafe('P1') //=> 'P1'
 */
export function toSpreadsheetSafe(text: string): string {
  if (text.length === 0) return text;
  const first = text.charCodeAt(0);
  if (isFormulaStart(first)) return `'${text}`;
  if (first === APOSTROPHE && text.length > 1 && isEscaped(text.charCodeAt(1))) return `'${text}`;
  return text;
}

/**
 * A free-text CSV cell as it was before {@link toSpreadsheetSafe}: one leading single quote removed when it is
 * followed by `=`, `+`, `-`, `@`, a tab, a carriage return or another quote. Any other cell (an id such as
 * `'abc` from another system included) is returned as it is.
 *
 * @param text - The cell's text, after CSV unquoting.
 * @returns The text it stands for.
 * @example
 * fromSpreadsheetSafe("'=1+2") //=> '=1+2'
 * fromSpreadsheetSafe("''=1+2") //=> "'=1+2"
 * fromSpreadsheetSafe("'abc") //=> "'abc"
 */
export function fromSpreadsheetSafe(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === APOSTROPHE && isEscaped(text.charCodeAt(1))
    ? text.slice(1)
    : text;
}

/**
 * The cell writer a `formulaSafe` option chooses: {@link toSpreadsheetSafe}, or the text as it is.
 *
 * @param formulaSafe - The option's value; `undefined` means the default, on.
 * @returns The function to pass every free-text cell through.
 * @example
 * freeTextCell(false)('=1+2') //=> '=1+2'
 */
export function freeTextCell(formulaSafe: boolean | undefined): (text: string) => string {
  return formulaSafe === false ? keep : toSpreadsheetSafe;
}

function keep(text: string): string {
  return text;
}
