import { MAX_EXCERPT_LENGTH } from '../../_internal/excerpt.js';

// A value cut to its first characters keeps this much room for the "… (N more characters)" note, so that a value
// already cut is never cut again: shortValue(shortValue(text)) is shortValue(text).
const NOTE_ROOM = 40;

// A message is the library's sentence around quoted input: a few hundred characters at most when the quotes are
// short. The head says where and what; the tail holds the advice; a flood in between is left out.
const MAX_MESSAGE_LENGTH = 600;
const MESSAGE_HEAD = 360;
const MESSAGE_TAIL = 180;

// C0 controls (tab and line feed aside), DEL and the C1 controls: a NUL-filled "header" or an ANSI escape
// sequence in a pupil id would otherwise reach the terminal as it is.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A value from the input as the command line shows it: as it is when short, otherwise its first
 * {@link MAX_EXCERPT_LENGTH} characters and how many more there were. Unlike `excerpt`, it is not quoted, for a
 * table cell or a CSV cell that is the value itself.
 *
 * @param text - The value.
 * @returns The value, or its beginning and a count of the rest.
 * @example
 * shortValue('Q9') //=> 'Q9'
 * shortValue('Z'.repeat(3_000_000)) //=> 'ZZZ…ZZ… (2999920 more characters)' (80 Zs)
 */
export function shortValue(text: string): string {
  if (text.length <= MAX_EXCERPT_LENGTH + NOTE_ROOM) return text;
  let end = MAX_EXCERPT_LENGTH;
  // Never cut a surrogate pair in two.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/**
 * A message as the command line shows it: as it is up to 600 characters; a longer one (a library message that
 * quotes a huge value) keeps its beginning (where and what) and its end (the advice), with the middle left out.
 *
 * @param text - The message.
 * @returns At most about 650 characters.
 * @example
 * shortMessage(`Line 1: the columns found are ${'\u0000'.repeat(100_000_000)}`).length < 700 //=> true
 */
export function shortMessage(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  let head = MESSAGE_HEAD;
  const beforeCut = text.charCodeAt(head - 1);
  if (beforeCut >= 0xd800 && beforeCut <= 0xdbff) head -= 1;
  let tail = text.length - MESSAGE_TAIL;
  const afterCut = text.charCodeAt(tail);
  if (afterCut >= 0xdc00 && afterCut <= 0xdfff) tail += 1;
  return `${text.slice(0, head)} … (${tail - head} characters left out) … ${text.slice(tail)}`;
}

/**
 * Text as it is safe to write to a terminal or a table: control characters (a NUL, an escape that would start
 * a terminal sequence) written as `\u0000`-style escapes; line feeds and tabs as `\n` and `\t`, so that one
 * issue stays on one line.
 *
 * @param text - The text.
 * @returns The text with no control characters.
 * @example
 * printable('P1\u001b[31m') //=> 'P1\\u001b[31m'
 */
export function printable(text: string): string {
  return text
    .replaceAll('\n', '\\n')
    .replaceAll('\t', '\\t')
    .replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
