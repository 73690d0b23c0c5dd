const DIGITS = /^\d+$/;

/**
 * Reads a whole number of sessions written as digits (surrounding spaces allowed).
 *
 * @param text - The text of a cell or element.
 * @returns The number, or `undefined` when the text is not digits or is too large to be exact.
 * @example
 * parseWholeNumber(' 142 ') //=> 142
 * parseWholeNumber('1.5') //=> undefined
 */
export function parseWholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!DIGITS.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Whether a value is a whole, non-negative number of sessions that a file can carry exactly.
 *
 * @param value - The value.
 * @returns `true` for 0, 1, 2, … up to `Number.MAX_SAFE_INTEGER`.
 * @example
 * isWholeCount(3) //=> true
 * isWholeCount(-1) //=> false
 */
export function isWholeCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
