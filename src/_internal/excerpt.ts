/** The most characters of bad input any message quotes. */
export const MAX_EXCERPT_LENGTH = 80;

/**
 * A short quotation of untrusted text for a message: the text as a JSON string when it is short, otherwise its
 * first characters and how many more there were, so a huge or binary "value" never floods a message. The quoted
 * part is at most `max` characters as written, escapes included: 80 NUL bytes are 480 characters once escaped as
 * `\u0000`, so fewer of them are quoted.
 *
 * @example
 * ```ts
 * excerpt('abc') //=> '"abc"'
 * excerpt('x'.repeat(200)).endsWith('"… (120 more characters)') //=> true
 * excerpt('\u0000'.repeat(100)).endsWith('"… (87 more characters)') //=> true
 * ```
 */
export function excerpt(text: string, max: number = MAX_EXCERPT_LENGTH): string {
  const whole = JSON.stringify(text);
  // The two quotation marks are not part of the quotation.
  if (whole.length - 2 <= max) return whole;
  // Never cut a surrogate pair in two: the quotation must itself be well-formed text.
  const pairSafe = (end: number): number => {
    const last = text.charCodeAt(end - 1);
    return end > 1 && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
  };
  let end = pairSafe(Math.min(text.length, max));
  let quoted = JSON.stringify(text.slice(0, end));
  // Escapes make the written text longer than the characters it quotes: quote fewer until it fits.
  while (quoted.length - 2 > max && end > 1) {
    end = pairSafe(Math.max(1, Math.min(end - 1, Math.floor((end * max) / (quoted.length - 2)))));
    quoted = JSON.stringify(text.slice(0, end));
  }
  return `${quoted}… (${text.length - end} more characters)`;
}
