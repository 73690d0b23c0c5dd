import type { AttendanceIssue } from '../../../errors.js';

/** Turns the bytes of an XML file, in pieces, into text in the encoding the file declares. */
export interface XmlTextDecoder {
  /** Decodes the next bytes: text (perhaps empty, while the encoding is still unknown) or an `encoding` error. */
  bytes(chunk: Uint8Array, line: number): string | AttendanceIssue;
  /** Passes text through, without a byte order mark at the very start. */
  text(chunk: string): string;
  /** Decodes what is left at the end of the input. */
  end(line: number): string | AttendanceIssue;
}

/** An XML declaration longer than this is not looked for: the encoding defaults to UTF-8. */
const DECLARATION_LIMIT = 1024;
const XML_DECLARATION_START = [0x3c, 0x3f, 0x78, 0x6d, 0x6c]; // "<?xml"
const ENCODING_PATTERN = /\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isPrefixOfDeclaration(bytes: Uint8Array): boolean {
  return bytes.every((byte, index) => XML_DECLARATION_START[index] === byte);
}

/** The encoding label, or `undefined` while more bytes are needed to tell. */
function sniffEncoding(head: Uint8Array, final: boolean): string | undefined {
  // A byte order mark decides; TextDecoder then drops the mark itself.
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

function encodingIssue(message: string, line: number, expected: string, received: string): AttendanceIssue {
  return { code: 'encoding', severity: 'error', message, path: [], line, expected, received };
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first, 0);
  joined.set(second, first.length);
  return joined;
}

/**
 * Makes a decoder for the bytes of an XML file: a UTF-8 or UTF-16 byte order mark decides the encoding,
 * otherwise the XML declaration's `encoding` (e.g. `iso-8859-1`), otherwise UTF-8. Bytes that are not valid
 * in that encoding are an `encoding` error, never silently replaced.
 *
 * @returns The decoder.
 * @example
 * const decoder = createXmlTextDecoder();
 * decoder.bytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]), 1) + decoder.end(1) //=> '<a/>'
 */
export function createXmlTextDecoder(): XmlTextDecoder {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let head: Uint8Array = new Uint8Array(0);
  let textStarted = false;
  let bytesSeen = 0;

  function decode(chunk: Uint8Array, final: boolean, line: number): string | AttendanceIssue {
    const before = bytesSeen;
    bytesSeen += chunk.length;
    if (decoder === undefined) {
      head = concat(head, chunk);
      const label = sniffEncoding(head, final);
      if (label === undefined) return '';
      try {
        decoder = new TextDecoder(label, { fatal: true });
      } catch {
        return encodingIssue(
          `The XML declaration names the encoding "${label}", which cannot be decoded`,
          line,
          'UTF-8, UTF-16 or an encoding such as ISO-8859-1 or windows-1252',
          label
        );
      }
      chunk = head;
      head = new Uint8Array(0);
    }
    try {
      return decoder.decode(chunk, { stream: !final });
    } catch {
      const name = decoder.encoding.toUpperCase();
      return encodingIssue(
        `The file's bytes are not valid ${name} somewhere between byte ${before} and byte ${bytesSeen} (after line ${line}); if the file is Latin-1, its XML declaration should say encoding="iso-8859-1"`,
        line,
        `text encoded as ${name}`,
        `bytes that are not ${name}`
      );
    }
  }

  return {
    bytes: (chunk, line) => decode(chunk, false, line),
    text: (chunk) => {
      if (textStarted) return chunk;
      textStarted = chunk.length > 0;
      return chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    },
    end: (line) => (decoder === undefined && head.length === 0 ? '' : decode(new Uint8Array(0), true, line)),
  };
}
