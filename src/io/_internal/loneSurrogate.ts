// In a `u` pattern a surrogate range matches only unpaired surrogates: a well-formed pair is one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Where the first lone UTF-16 surrogate of a string is: half of a pair without the other half. A JavaScript
 * string can hold one, but no Unicode encoding can carry it (written as UTF-8 it becomes U+FFFD), so text holding
 * one would not read back as it was written. Every reader and writer of `school-attendance/io` asks here.
 * (`String.prototype.isWellFormed` says the same, but not in every engine the library runs in.)
 *
 * @param text - The text.
 * @returns The index of the first lone surrogate, or -1 when the text is well-formed Unicode.
 * @example
 * loneSurrogateAt('P\uD800') //=> 1
 * loneSurrogateAt('P\uD83D\uDE00') //=> -1
 */
export function loneSurrogateAt(text: string): number {
  const match = LONE_SURROGATE.exec(text);
  return match === null ? -1 : match.index;
}

/**
 * Whether text holds a lone UTF-16 surrogate (see {@link loneSurrogateAt}).
 *
 * @param text - The text.
 * @returns True when the text is not well-formed Unicode.
 * @example
 * hasLoneSurrogate('P\uD800') //=> true
 * hasLoneSurrogate('P😀') //=> false
 */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
