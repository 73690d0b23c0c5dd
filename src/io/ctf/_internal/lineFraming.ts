/**
 * Cutting input into whole lines, for text and for bytes alike: only whole lines are passed on, so that what is
 * read never depends on where the pieces of a stream end, and a line longer than the limit is refused before it
 * is held whole.
 */

/** Line ends in one kind of input (a string, or bytes of one encoding). */
export interface LineEnds {
  /** The input's length, in its own units (characters or bytes). */
  readonly length: number;
  /** The size of one line-end character: 1, or 2 in UTF-16 bytes. */
  readonly unit: 1 | 2;
  /** The position just after the last line end that lies wholly in `[from, to)`, or -1. */
  lastEndBefore(from: number, to: number): number;
  /** The start of the first line end that starts in `[from, to)` and lies wholly in the input, or -1. */
  firstEndFrom(from: number, to: number): number;
}

/** What {@link frameLines} found. */
export type Framing =
  /** Everything before `consumed` was passed on as whole lines; the rest is an unfinished line. */
  | { readonly kind: 'whole'; readonly consumed: number }
  /** The line starting at `start` is longer than the limit; the lines before it were passed on. */
  | { readonly kind: 'too-long'; readonly start: number };

/** Lines are passed on in batches of about this many units, so that one call never builds a huge string. */
const BATCH = 64 * 1024;

/**
 * Passes the input on in batches of whole lines (a line end is LF, CR or CRLF) and finds the first line longer
 * than `limit` units, without looking at every unit of every line in JavaScript: each batch is found with one
 * native search back from its end, so a line is inspected only when it is longer than a batch.
 *
 * @param lines - The input's line ends; the input starts at the start of a line.
 * @param limit - The longest line allowed, in units, its line end not counted.
 * @param final - Whether the input ends here: then its last line needs no line end.
 * @param emit - Called with each batch `[from, to)`; returns false to stop (a problem in the batch).
 * @returns How far the input was passed on, or where the first line over the limit starts.
 * @example
 * frameLines(textLineEnds('a\nbb\nccc'), 10, false, (from, to) => true) //=> { kind: 'whole', consumed: 5 }
 */
export function frameLines(
  lines: LineEnds,
  limit: number,
  final: boolean,
  emit: (from: number, to: number) => boolean
): Framing {
  const { length, unit } = lines;
  // A batch no longer than the limit holds no line over it, so only a line that fills a whole batch is measured.
  const batch = Math.max(unit, Math.min(BATCH, limit) - (Math.min(BATCH, limit) % unit));
  let position = 0;
  while (position < length) {
    const windowEnd = Math.min(length, position + batch);
    let cut = lines.lastEndBefore(position, windowEnd);
    if (cut < 0) {
      // No line ends within a batch of `position`: look for the end of this line no further than the limit.
      const lineEnd = lines.firstEndFrom(windowEnd, Math.min(length, position + limit + 1));
      if (lineEnd >= 0) cut = lineEnd + unit;
      else if (length - position > limit) return { kind: 'too-long', start: position };
      else if (!final) break;
      else cut = length;
    }
    if (!emit(position, cut)) return { kind: 'whole', consumed: cut };
    position = cut;
  }
  return { kind: 'whole', consumed: position };
}

/**
 * The line ends of a string.
 *
 * @param text - The text.
 * @returns Its line ends.
 * @example
 * textLineEnds('a\r\nb').lastEndBefore(0, 4) //=> 3
 */
export function textLineEnds(text: string): LineEnds {
  return {
    length: text.length,
    unit: 1,
    lastEndBefore(from, to) {
      // A slice bounds the search: lastIndexOf on the whole text would scan back to its start.
      const window = text.slice(from, to);
      const index = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
      return index < 0 ? -1 : from + index + 1;
    },
    firstEndFrom(from, to) {
      const window = text.slice(from, to);
      return firstOf(window.indexOf('\n'), window.indexOf('\r'), from);
    },
  };
}

const LF = 0x0a;
const CR = 0x0d;

function firstOf(first: number, second: number, offset: number): number {
  if (first < 0) return second < 0 ? -1 : offset + second;
  return offset + (second < 0 ? first : Math.min(first, second));
}

/**
 * The line ends of bytes in an encoding where LF and CR are single bytes never found inside another character
 * (UTF-8, ISO-8859-x, Windows-125x, and the multi-byte East Asian encodings, whose trailing bytes are all 0x30 or
 * above).
 *
 * @param bytes - The bytes.
 * @returns Their line ends.
 * @example
 * byteLineEnds(new Uint8Array([0x61, 0x0a, 0x62])).lastEndBefore(0, 3) //=> 2
 */
export function byteLineEnds(bytes: Uint8Array): LineEnds {
  return {
    length: bytes.length,
    unit: 1,
    lastEndBefore(from, to) {
      const window = bytes.subarray(from, to);
      const index = Math.max(window.lastIndexOf(LF), window.lastIndexOf(CR));
      return index < 0 ? -1 : from + index + 1;
    },
    firstEndFrom(from, to) {
      const window = bytes.subarray(from, to);
      return firstOf(window.indexOf(LF), window.indexOf(CR), from);
    },
  };
}

/**
 * The line ends of UTF-16 bytes: LF or CR as a whole code unit at an even offset from the start.
 *
 * @param bytes - The bytes, starting at a code unit.
 * @param bigEndian - Whether the high byte comes first.
 * @returns Their line ends.
 * @example
 * utf16LineEnds(new Uint8Array([0x61, 0, 0x0a, 0, 0x62, 0]), false).lastEndBefore(0, 6) //=> 4
 */
export function utf16LineEnds(bytes: Uint8Array, bigEndian: boolean): LineEnds {
  // The byte that holds the character in a code unit, and where it sits in the unit.
  const low = bigEndian ? 1 : 0;
  const isEndAt = (unitStart: number): boolean =>
    unitStart + 1 < bytes.length &&
    (bytes[unitStart + low] === LF || bytes[unitStart + low] === CR) &&
    bytes[unitStart + 1 - low] === 0;
  return {
    length: bytes.length,
    unit: 2,
    lastEndBefore(from, to) {
      const window = bytes.subarray(from, to);
      let best = -1;
      for (const byte of [LF, CR]) {
        let index = window.lastIndexOf(byte);
        while (index >= 0) {
          const unitStart = from + index - low;
          if ((index - low) % 2 === 0 && unitStart + 2 <= to && isEndAt(unitStart)) {
            best = Math.max(best, unitStart + 2);
            break;
          }
          index = index === 0 ? -1 : window.lastIndexOf(byte, index - 1);
        }
      }
      return best;
    },
    firstEndFrom(from, to) {
      const window = bytes.subarray(from, Math.min(bytes.length, to + 1));
      let best = -1;
      for (const byte of [LF, CR]) {
        let index = window.indexOf(byte);
        while (index >= 0) {
          const unitStart = from + index - low;
          if (unitStart >= from && unitStart < to && (index - low) % 2 === 0 && isEndAt(unitStart)) {
            best = best < 0 ? unitStart : Math.min(best, unitStart);
            break;
          }
          index = window.indexOf(byte, index + 1);
        }
      }
      return best;
    },
  };
}
