/** The bytes are valid UTF-8 and hold no U+FFFD. */
export const UTF8_VALID = 0;
/** The bytes are valid UTF-8 and hold a U+FFFD (text that was decoded with the wrong encoding before). */
export const UTF8_REPLACED = 1;
/** The bytes are not valid UTF-8. */
export const UTF8_INVALID = 2;

const HIGH_BITS = 0x80808080;

/**
 * Checks that the first `length` bytes are valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no sequence cut short) and whether they hold an encoded U+FFFD, in one pass over the bytes:
 * what Node's `isUtf8` and a search for `EF BF BD` told together, in any JavaScript engine. Runs of ASCII are
 * skipped four bytes at a time.
 *
 * @param bytes - The bytes.
 * @param length - How many of them to check, from the start; all by default.
 * @returns UTF8_VALID, UTF8_REPLACED or UTF8_INVALID.
 * @example
 * checkUtf8(new TextEncoder().encode('café')) //=> UTF8_VALID
 * checkUtf8(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) //=> UTF8_INVALID (Latin-1 é)
 */
export function checkUtf8(bytes: Uint8Array, length: number = bytes.length): number {
  // The bytes before the first 4-byte boundary of the buffer, and the whole words after it.
  const aligned = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  const wordCount = (length - aligned) >> 2;
  const words =
    wordCount > 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset + aligned, wordCount) : undefined;
  let replaced = false;
  let index = 0;
  while (index < length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      if (words !== undefined && index >= aligned && ((index - aligned) & 3) === 0) {
        let word = (index - aligned) >> 2;
        const fours = wordCount - 3;
        while (
          word < fours &&
          ((words[word]! | words[word + 1]! | words[word + 2]! | words[word + 3]!) & HIGH_BITS) === 0
        )
          word += 4;
        while (word < wordCount && (words[word]! & HIGH_BITS) === 0) word += 1;
        index = aligned + word * 4;
      }
      continue;
    }
    if (byte < 0xc2) return UTF8_INVALID;
    if (byte < 0xe0) {
      if (index + 1 >= length || (bytes[index + 1]! & 0xc0) !== 0x80) return UTF8_INVALID;
      index += 2;
      continue;
    }
    if (byte < 0xf0) {
      if (index + 2 >= length) return UTF8_INVALID;
      const second = bytes[index + 1]!;
      const third = bytes[index + 2]!;
      if ((second & 0xc0) !== 0x80 || (third & 0xc0) !== 0x80) return UTF8_INVALID;
      // E0 80–9F would be overlong; ED A0–BF would be a surrogate.
      if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second >= 0xa0)) return UTF8_INVALID;
      if (byte === 0xef && second === 0xbf && third === 0xbd) replaced = true;
      index += 3;
      continue;
    }
    if (byte < 0xf5) {
      if (index + 3 >= length) return UTF8_INVALID;
      const second = bytes[index + 1]!;
      if (
        (second & 0xc0) !== 0x80 ||
        (bytes[index + 2]! & 0xc0) !== 0x80 ||
        (bytes[index + 3]! & 0xc0) !== 0x80
      ) {
        return UTF8_INVALID;
      }
      // F0 80–8F would be overlong; F4 90 and above would be beyond U+10FFFF.
      if ((byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second >= 0x90)) return UTF8_INVALID;
      index += 4;
      continue;
    }
    return UTF8_INVALID;
  }
  return replaced ? UTF8_REPLACED : UTF8_VALID;
}
