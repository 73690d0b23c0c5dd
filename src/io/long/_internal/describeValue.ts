import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';

/** How many levels of arrays and objects a description opens; deeper ones are shown as `[...]` or `{...}`. */
const MAX_SHOWN_DEPTH = 3;

/** Whether a value is an array or an object whose prototype is `Object.prototype` or `null` (JSON's kinds). */
function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A kind of value in words, for what JSON cannot hold: `a function`, `a Map`. */
function kindOf(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (value === undefined) return 'undefined';
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name.slice(0, 40)}` : 'an object';
}

/**
 * A short JSON-like quotation of any value for an issue's message and `received`: at most about
 * {@link MAX_EXCERPT_LENGTH} characters however large, deep or strange the value is. Total: a BigInt is shown as
 * `12n`, a part that contains itself as `[Circular]`, parts nested deeper than three levels as `[...]` or
 * `{...}`, and what JSON cannot hold (functions, symbols, `undefined`, a `Map`) by its kind; a getter that
 * throws only ends the quotation early. It stops as soon as it has enough text, so a huge value costs no more
 * than a small one.
 *
 * @param value - Anything, e.g. a record of untrusted parsed JSON.
 * @returns The quotation.
 * @example
 * describeValue({ pupil_id: 'P1', marks: [1, 2n] }) //=> '{"pupil_id":"P1","marks":[1,2n]}'
 * describeValue('x'.repeat(200)).length < 120 //=> true
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return excerpt(value);
  let text = '';
  // The arrays and objects being written, outermost first: their number is the depth.
  const open: object[] = [];
  const write = (part: unknown): void => {
    if (text.length > MAX_EXCERPT_LENGTH) return;
    if (typeof part === 'string') text += excerpt(part, MAX_EXCERPT_LENGTH - text.length);
    else if (typeof part === 'bigint') text += `${part}n`;
    else if (typeof part === 'number' || typeof part === 'boolean') text += String(part);
    else if (part === null) text += 'null';
    else if (typeof part !== 'object') text += kindOf(part);
    else if (open.includes(part)) text += '[Circular]';
    else if (!isPlainContainer(part)) text += kindOf(part);
    else {
      const array = Array.isArray(part);
      text += array ? '[' : '{';
      if (open.length < MAX_SHOWN_DEPTH) {
        open.push(part);
        const keys = array ? (part as unknown[]).keys() : Object.keys(part).values();
        let first = true;
        for (const key of keys) {
          if (text.length > MAX_EXCERPT_LENGTH) break;
          text += first ? '' : ',';
          if (!array) text += `${excerpt(key as string, 20)}:`;
          first = false;
          write((part as Record<string | number, unknown>)[key]);
        }
        open.pop();
      } else text += '...';
      text += array ? ']' : '}';
    }
  };
  try {
    write(value);
  } catch {
    // A getter or proxy that throws: what was written so far is the quotation.
    text += '...';
  }
  if (text.length <= MAX_EXCERPT_LENGTH) return text;
  // Cut before a character's first half, never between its two halves.
  let end = MAX_EXCERPT_LENGTH - 3;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}...`;
}
