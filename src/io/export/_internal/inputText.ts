import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';

/**
 * The 1-based line of a position in a text, every CRLF, LF or CR counting as one line break (as the CSV scanner
 * and the XML parser count them).
 *
 * @param text - The text.
 * @param index - The position.
 * @returns The line the character at `index` is on.
 * @example
 * lineAt('a\r\nb\rc', 5) //=> 3
 */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = 0; at < index; at += 1) {
    const unit = text.charCodeAt(at);
    if (unit === 10 || (unit === 13 && text.charCodeAt(at + 1) !== 10)) line += 1;
  }
  return line;
}

/**
 * Untrusted text for a message or an issue's `received`: as it is when short, otherwise its first characters
 * and how many more there were (see {@link excerpt}), so that a huge cell never floods a message.
 *
 * @param text - The text.
 * @returns The text itself, or an excerpt of it.
 * @example
 * shortText('P1') //=> 'P1'
 * shortText('x'.repeat(100)).length < 100 //=> true
 */
export function shortText(text: string): string {
  return text.length <= MAX_EXCERPT_LENGTH ? text : excerpt(text);
}
