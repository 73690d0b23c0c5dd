import { byteLineEnds, frameLines, textLineEnds, utf16LineEnds } from './lineFraming.js';

/**
 * Why the input could not be passed on as text. The reader turns it into an issue located at the point it has
 * reached, which is exactly where the problem starts: every character before it has been passed on.
 */
export type XmlInputProblem =
  /** Bytes not valid in the file's encoding; `bytes` are the first of them (at most four). */
  | { readonly kind: 'undecodable'; readonly encoding: string; readonly bytes: readonly number[] }
  /** The XML declaration names an encoding that cannot be decoded. */
  | { readonly kind: 'unknown-encoding'; readonly label: string }
  /** The next line is longer than the limit; nothing of it has been passed on. */
  | { readonly kind: 'line-too-long'; readonly limit: number; readonly unit: 'bytes' | 'characters' };

/** Where the decoded text goes: the CTF reader. */
export interface XmlTextSink {
  /** Whether reading has stopped; nothing more is passed on. */
  readonly halted: boolean;
  /** Takes the next whole lines of text. */
  write(text: string): void;
  /** Stops reading at a problem with the input itself. */
  stop(problem: XmlInputProblem): void;
}

/** Turns the pieces of an XML file, text or bytes, into whole lines of text for a {@link XmlTextSink}. */
export interface XmlTextDecoder {
  /** Takes the next bytes. */
  bytes(chunk: Uint8Array): void;
  /** Takes the next text. */
  text(chunk: string): void;
  /** Passes on what is left at the end of the input. */
  end(): void;
}

/** An XML declaration longer than this is not looked for: the encoding defaults to UTF-8. */
const DECLARATION_LIMIT = 1024;
const XML_DECLARATION_START = [0x3c, 0x3f, 0x78, 0x6d, 0x6c]; // "<?xml"
const ENCODING_PATTERN = /\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
/** Byte order marks are removed once, at the very start; one inside the text is a character like any other. */
const FATAL = { fatal: true, ignoreBOM: true } as const;
const BYTE_ORDER_MARK = 0xfeff;
/** The longest character of any encoding TextDecoder knows, in bytes. */
const LONGEST_CHARACTER = 4;
const EMPTY = new Uint8Array(0);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isPrefixOfDeclaration(bytes: Uint8Array): boolean {
  return bytes.every((byte, index) => XML_DECLARATION_START[index] === byte);
}

/** The encoding label, or `undefined` while more bytes are needed to tell. */
function sniffEncoding(head: Uint8Array, final: boolean): string | undefined {
  // A byte order mark decides.
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  if (!final && head.length < 4) return undefined;
  if (startsWith(head, [0x3c, 0x00, 0x3f, 0x00])) return 'utf-16le';
  if (startsWith(head, [0x00, 0x3c, 0x00, 0x3f])) return 'utf-16be';
  if (!final && head.length < XML_DECLARATION_START.length && isPrefixOfDeclaration(head)) return undefined;
  if (!startsWith(head, XML_DECLARATION_START)) return 'utf-8';
  let end = -1;
  for (let index = 0; index + 1 < head.length && index < DECLARATION_LIMIT; index += 1) {
    if (head[index] === 0x3f && head[index + 1] === 0x3e) {
      end = index;
      break;
    }
  }
  if (end < 0) return !final && head.length < DECLARATION_LIMIT ? undefined : 'utf-8';
  // The declaration is ASCII in every encoding the sniffing above leaves, so Latin-1 reads it exactly.
  const declaration = String.fromCharCode(...head.subarray(0, end));
  return ENCODING_PATTERN.exec(declaration)?.[1] ?? 'utf-8';
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

/**
 * Makes the input stage of an XML reader. Bytes are decoded as the file says: a UTF-8 or UTF-16 byte order mark
 * decides the encoding, otherwise the XML declaration's `encoding` (e.g. `iso-8859-1`), otherwise UTF-8.
 *
 * @remarks
 * Only whole lines are passed on, each batch of them decoded on its own: a line end is a whole character in
 * every encoding read, so the text, and the place of the first byte that is not valid in the encoding, are the
 * same however the input is split into pieces. At such a byte, the text before it is passed on and reading
 * stops there (bytes are never silently replaced). A line longer than `maxLineBytes` (bytes, or characters for
 * text) stops reading before it is held whole.
 *
 * @param sink - Where the text goes.
 * @param maxLineBytes - The longest line accepted.
 * @returns The decoder.
 * @example
 * const decoder = createXmlTextDecoder(reader, DEFAULT_MAX_LINE_BYTES);
 * decoder.bytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]));
 * decoder.end(); // reader.write('<a/>')
 */
export function createXmlTextDecoder(sink: XmlTextSink, maxLineBytes: number): XmlTextDecoder {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let utf16: 'utf-16le' | 'utf-16be' | undefined;
  let head: Uint8Array = EMPTY;
  let byteCarry: Uint8Array = EMPTY;
  let textCarry = '';
  let started = false;
  // A function, not a property read: the sink may stop while text is being passed on.
  const halted = (): boolean => sink.halted;

  function deliver(text: string): void {
    if (text.length === 0) return;
    if (!started) {
      started = true;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
      if (text.length === 0) return;
    }
    sink.write(text);
  }

  function acceptText(text: string, final: boolean): void {
    if (sink.halted) return;
    const whole = textCarry === '' ? text : textCarry + text;
    textCarry = '';
    // The lines are checked batch by batch but passed on in one piece: a whole text given at once reaches the
    // parser as it is, not as many slices of it.
    const framing = frameLines(textLineEnds(whole), maxLineBytes, final, () => true);
    const end = framing.kind === 'whole' ? framing.consumed : framing.start;
    deliver(end === whole.length ? whole : whole.slice(0, end));
    if (framing.kind === 'too-long')
      sink.stop({ kind: 'line-too-long', limit: maxLineBytes, unit: 'characters' });
    else if (!halted()) textCarry = whole.slice(end);
  }

  function choose(label: string): boolean {
    try {
      decoder = new TextDecoder(label, FATAL);
    } catch {
      sink.stop({ kind: 'unknown-encoding', label });
      return false;
    }
    // ISO-2022-JP switches character sets with escape sequences that hold across lines, so it cannot be
    // decoded a line at a time; no CTF is written in it.
    if (decoder.encoding === 'iso-2022-jp') {
      decoder = undefined;
      sink.stop({ kind: 'unknown-encoding', label });
      return false;
    }
    utf16 = decoder.encoding === 'utf-16le' || decoder.encoding === 'utf-16be' ? decoder.encoding : undefined;
    return true;
  }

  /** Passes on the text before the first bad byte of `bytes` (whole lines from a line start), then stops. */
  function stopAtBadBytes(active: InstanceType<typeof TextDecoder>, bytes: Uint8Array): void {
    const fresh = (): InstanceType<typeof TextDecoder> => new TextDecoder(active.encoding, FATAL);
    const validSoFar = (length: number): boolean => {
      try {
        fresh().decode(bytes.subarray(0, length), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    // The longest prefix that is valid so far (it may end inside a character): the bad bytes follow it.
    let good = 0;
    if (validSoFar(bytes.length)) good = bytes.length;
    else {
      let bad = bytes.length;
      while (bad - good > 1) {
        const middle = good + Math.floor((bad - good) / 2);
        if (validSoFar(middle)) good = middle;
        else bad = middle;
      }
    }
    // The bad character starts where the last whole character of that prefix ends.
    let start = good;
    let text = '';
    for (let length = good; length >= Math.max(0, good - LONGEST_CHARACTER); length -= 1) {
      try {
        text = fresh().decode(bytes.subarray(0, length));
        start = length;
        break;
      } catch {
        // A prefix ending inside a character: try one byte shorter.
      }
    }
    // Final: reading stops at the bad bytes, so the start of their line is passed on as it is.
    acceptText(text, true);
    // The bad character: up to the byte that showed it was bad, or one code unit in UTF-16.
    const end =
      utf16 === undefined
        ? Math.min(bytes.length, start + LONGEST_CHARACTER, Math.max(good, start + 1))
        : Math.min(bytes.length, start + 2);
    sink.stop({ kind: 'undecodable', encoding: active.encoding, bytes: [...bytes.subarray(start, end)] });
  }

  function decodeBatch(active: InstanceType<typeof TextDecoder>, bytes: Uint8Array): boolean {
    let text: string;
    try {
      // Not streamed: a batch is whole lines, so it decodes on its own, and a bad byte is found in it.
      text = active.decode(bytes);
    } catch {
      stopAtBadBytes(active, bytes);
      return false;
    }
    acceptText(text, false);
    return !sink.halted;
  }

  function acceptBytes(chunk: Uint8Array, final: boolean): void {
    if (sink.halted) return;
    if (decoder === undefined) {
      head = head.length === 0 ? chunk : concat(head, chunk);
      const label = sniffEncoding(head, final);
      if (label === undefined) {
        // A few bytes kept until the encoding is known: a copy, as the caller may reuse its buffer.
        if (head === chunk) head = chunk.slice();
        return;
      }
      if (!choose(label)) return;
      chunk = head;
      head = EMPTY;
    }
    const active = decoder;
    if (active === undefined) return;
    const pending = byteCarry.length === 0 ? chunk : concat(byteCarry, chunk);
    byteCarry = EMPTY;
    const lines = utf16 === undefined ? byteLineEnds(pending) : utf16LineEnds(pending, utf16 === 'utf-16be');
    const framing = frameLines(lines, maxLineBytes, final, (from, to) =>
      decodeBatch(active, pending.subarray(from, to))
    );
    if (framing.kind === 'too-long') sink.stop({ kind: 'line-too-long', limit: maxLineBytes, unit: 'bytes' });
    // A copy: the caller may reuse its buffer, and the rest is at most one line.
    else if (!halted()) byteCarry = pending.slice(framing.consumed);
  }

  /** Bytes before text (a mixed input) must end on a whole character: they are decoded to the end first. */
  function flushBytes(): void {
    if (head.length > 0 || byteCarry.length > 0) acceptBytes(EMPTY, true);
  }

  return {
    bytes: (chunk) => {
      acceptBytes(chunk, false);
    },
    text: (chunk) => {
      flushBytes();
      acceptText(chunk, false);
    },
    end: () => {
      flushBytes();
      acceptText('', true);
    },
  };
}
