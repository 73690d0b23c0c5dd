/**
 * Whether a string can be written as XML 1.0 text.
 *
 * @param text - The text.
 * @returns `false` when it holds a character XML 1.0 forbids.
 * @example
 * isXmlText('P\u0001') //=> false
 */
export function isXmlText(text: string): boolean {
  // XML 1.0 cannot carry these even as references: controls other than tab, line feed and carriage return,
  // unpaired surrogates, and U+FFFE/U+FFFF.
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) return false;
    if (unit === 0xfffe || unit === 0xffff) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      index += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return true;
}

/**
 * Escapes text for XML element content; a carriage return is written as a reference because XML readers turn
 * a literal one into a line feed.
 *
 * @param text - Text that {@link isXmlText} accepts.
 * @returns The escaped text.
 * @example
 * xmlText('A&B <1>') //=> 'A&amp;B &lt;1&gt;'
 */
export function xmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}
