import { hasLoneSurrogate } from '../../_internal/loneSurrogate.js';
import { checkUtf8, UTF8_INVALID, UTF8_REPLACED } from './utf8.js';

/** How the importer reads bytes; `'auto'` follows a byte order mark and otherwise reads UTF-8. */
export type ByteEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'latin1';

type Mode = 'sniff' | 'utf-8' | 'decode';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

function concat(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** The length of `bytes` without a trailing UTF-8 sequence that the next chunk completes. */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  let index = length - 1;
  while (index >= 0 && index >= length - 3 && (bytes[index]! & 0xc0) === 0x80) index -= 1;
  if (index < 0) return length;
  const lead = bytes[index]!;
  if (lead < 0xc0) return length;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return length - index < needed ? index : length;
}

/**
 * Turns source chunks into UTF-8 bytes for the CSV parser. UTF-8 input passes through untouched (checked, not
 * copied); UTF-16 and Windows-1252 input is decoded and re-encoded. `invalid` becomes true once any bytes were
 * not valid in the encoding, which makes the importer check cells for replacement characters from then on.
 */
export class ByteDecoder {
  /** True once the input has had bytes that are not valid in its encoding. */
  invalid = false;
  /**
   * True once valid input has held a U+FFFD of its own: text that was decoded with the wrong encoding before
   * it was saved or passed in.
   */
  replaced = false;
  private readonly encoding: ByteEncoding;
  private mode: Mode = 'sniff';
  private pending: Uint8Array = EMPTY;
  private carry: Uint8Array = EMPTY;
  private decoder: InstanceType<typeof TextDecoder> | undefined;
  private started = false;
  /** The high half of a surrogate pair that ended the last text chunk, waiting for its low half. */
  private highSurrogate = '';

  constructor(encoding: ByteEncoding) {
    this.encoding = encoding;
  }

  /**
   * UTF-8 bytes for a text chunk (a byte order mark at the very start is dropped). A chunk may end between the
   * halves of a surrogate pair (a character outside the BMP, such as an emoji): the high half waits for the next
   * chunk, since either half encoded alone would become U+FFFD.
   */
  text(chunk: string): Uint8Array {
    let text = !this.started && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    if (chunk.length > 0) this.started = true;
    if (this.mode === 'sniff') this.mode = 'utf-8';
    if (this.highSurrogate !== '') {
      text = this.highSurrogate + text;
      this.highSurrogate = '';
    }
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    this.checkText(text);
    return encoder.encode(text);
  }

  /** UTF-8 bytes for a byte chunk (possibly empty while the encoding is still being sniffed). */
  bytes(chunk: Uint8Array): Uint8Array {
    // A high surrogate left by a text chunk has no other half coming: it is written (as U+FFFD) before the bytes.
    if (this.highSurrogate !== '') return concat(this.flushHighSurrogate(), this.bytes(chunk));
    if (this.mode === 'sniff') {
      this.pending = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
      if (this.pending.length < 3) return EMPTY;
      return this.begin();
    }
    return this.convert(chunk);
  }

  /** The last bytes, once the source has ended. */
  end(): Uint8Array {
    let tail: Uint8Array = this.flushHighSurrogate();
    if (this.mode === 'sniff') tail = this.begin();
    if (this.mode === 'decode' && this.decoder !== undefined) {
      const text = this.decoder.decode();
      if (text.includes('\uFFFD')) this.invalid = true;
      tail = tail.length === 0 ? encoder.encode(text) : concat(tail, encoder.encode(text));
    }
    if (this.carry.length > 0) this.invalid = true;
    return tail;
  }

  /**
   * Notes a text that would not read back as it is: one holding a U+FFFD of its own (decoded with the wrong
   * encoding before it was passed in), or a lone surrogate, which UTF-8 cannot carry and which becomes U+FFFD, so
   * it is reported the same way, as readRegisterCsv reports it for a whole text.
   */
  private checkText(text: string): void {
    if (!this.replaced && (text.includes('\uFFFD') || hasLoneSurrogate(text))) this.replaced = true;
  }

  /** The bytes of a high surrogate left by the last text chunk, whose other half never came (U+FFFD). */
  private flushHighSurrogate(): Uint8Array {
    if (this.highSurrogate === '') return EMPTY;
    const text = this.highSurrogate;
    this.highSurrogate = '';
    this.checkText(text);
    return encoder.encode(text);
  }

  private begin(): Uint8Array {
    const head = this.pending;
    this.pending = EMPTY;
    this.started = true;
    let label: string | undefined;
    let skip = 0;
    if (this.encoding === 'latin1') {
      label = 'windows-1252';
    } else if (this.encoding === 'utf-16le') {
      label = 'utf-16le';
      skip = startsWith(head, [0xff, 0xfe]) ? 2 : 0;
    } else if (startsWith(head, UTF8_BOM)) {
      skip = 3;
    } else if (this.encoding === 'auto' && startsWith(head, [0xff, 0xfe])) {
      label = 'utf-16le';
      skip = 2;
    } else if (this.encoding === 'auto' && startsWith(head, [0xfe, 0xff])) {
      label = 'utf-16be';
      skip = 2;
    }
    if (label === undefined) {
      this.mode = 'utf-8';
    } else {
      this.mode = 'decode';
      this.decoder = new TextDecoder(label);
    }
    return this.convert(head.subarray(skip));
  }

  private convert(chunk: Uint8Array): Uint8Array {
    if (this.mode === 'decode') {
      const text = this.decoder!.decode(chunk, { stream: true });
      if (!this.invalid && text.includes('\uFFFD')) this.invalid = true;
      return encoder.encode(text);
    }
    if (!this.invalid) this.check(chunk);
    return chunk;
  }

  /**
   * Checks UTF-8 validity, and looks for an encoded U+FFFD, across chunk boundaries: a sequence cut by a chunk
   * end is checked with the next.
   */
  private check(chunk: Uint8Array): void {
    const joined = this.carry.length === 0 ? chunk : concat(this.carry, chunk);
    const cut = completeLength(joined);
    const found = checkUtf8(joined, cut);
    if (found === UTF8_INVALID) this.invalid = true;
    else if (found === UTF8_REPLACED) this.replaced = true;
    this.carry = cut === joined.length ? EMPTY : joined.slice(cut);
  }
}
