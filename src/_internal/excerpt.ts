/** The most characters of bad input any message quotes. */
export const MAX_EXCERPT_LENGTH = 80;

/**
 * A short quotation of untrusted text for a message: the text as a JSON string when it is short, otherwise its
 * first characters and how many more there were, so a huge or binary "value" never floods a message.
 *
 * @example
 * ```ts
 * excerpt('abc') //=> '"abc"'
 * excerpt('x'.repeat(200)).endsWith('"… (120 more characters)') //=> true
 * ```
 */
export function excerpt(text: string, max: number = MAX_EXCERPT_LENGTH): string {
  if (text.length <= max) return JSON.stringify(text);
  // Never cut a surrogate pair in two: the quotation must itself be well-formed text.
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${JSON.stringify(text.slice(0, end))}… (${text.length - end} more characters)`;
}
