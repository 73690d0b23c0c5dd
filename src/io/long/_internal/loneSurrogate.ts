/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether text holds a lone UTF-16 surrogate: half of a pair without the other half, which no Unicode encoding
 * can carry. Written as UTF-8 it becomes U+FFFD, so text holding one would not read back as it was written.
 * (`String.prototype.isWellFormed` says the same, but not in every engine the library runs in.)
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
