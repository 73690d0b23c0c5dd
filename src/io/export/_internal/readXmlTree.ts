import { SaxesParser } from 'saxes';
import type { AttendanceIssue } from '../../../errors.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../../limits/inputLimits.js';
import { loneSurrogateAt } from '../../_internal/loneSurrogate.js';
import { lineAt, shortText } from './inputText.js';

/** One element of a small XML document: its name, the line of its start tag, its children and its text. */
export interface XmlElement {
  readonly name: string;
  readonly line: number;
  readonly children: XmlElement[];
  /** The element's own text (character data and CDATA), not its children's. */
  text: string;
}

/** The limits a document is read within. */
export interface XmlLimits {
  /** The longest tag, run of text or element text, in UTF-8 bytes. */
  readonly maxLineBytes: number;
  /** The deepest nesting of elements (the root is at depth 1). */
  readonly maxDepth: number;
}

/** Why a document is refused, with its line. */
interface Refusal {
  readonly code: 'malformed_input' | 'too_long' | 'too_deep' | 'encoding';
  readonly line: number;
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

const LESS_THAN = 0x3c;
/** How many UTF-16 units of the document are given to the parser at a time, so that a refusal stops it soon. */
const CHUNK_UNITS = 1 << 16;

/** The UTF-8 length of `text[start, end)`. */
function utf8Length(text: string, start = 0, end = text.length): number {
  let bytes = 0;
  for (let index = start; index < end; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < end) {
      // A surrogate pair is one character of four bytes (the text has no unpaired surrogate by now).
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Where the first run of the document longer than `maxBytes` starts, or -1. The document is cut into runs that
 * cover it: a tag from its `<` to the first `>`, and text from there to the next `<`. A parser holds at most one
 * run in memory at a time, so checking them before parsing means a huge text or tag is never gathered.
 */
function overlongRunAt(xml: string, maxBytes: number): number {
  // A run of this many UTF-16 units or fewer cannot exceed the limit (3 bytes per unit at most); only longer
  // ones are measured.
  const safeUnits = Math.floor(maxBytes / 3);
  const length = xml.length;
  let start = 0;
  while (start < length) {
    let end = xml.charCodeAt(start) === LESS_THAN ? xml.indexOf('>', start) + 1 : xml.indexOf('<', start);
    if (end <= start) end = length;
    if (end - start > safeUnits && utf8Length(xml, start, end) > maxBytes) return start;
    start = end;
  }
  return -1;
}

function tooLong(line: number, maxBytes: number, what: string): Refusal {
  return {
    code: 'too_long',
    line,
    message: `The XML at line ${line} has ${what} longer than ${maxBytes} bytes (the maxLineBytes limit).`,
    expected: `tags and text of at most ${maxBytes} bytes`,
    received: `more than ${maxBytes} bytes`,
  };
}

/** The checks made on the whole text before parsing: an unpaired surrogate, then a run over the limit. */
function refusalOfText(xml: string, limits: XmlLimits): Refusal | undefined {
  const surrogate = loneSurrogateAt(xml);
  if (surrogate >= 0) {
    const line = lineAt(xml, surrogate);
    const unit = `U+${xml.charCodeAt(surrogate).toString(16).toUpperCase()}`;
    return {
      code: 'encoding',
      line,
      message: `The XML at line ${line} holds an unpaired surrogate (${unit}), which no XML document can hold.`,
      expected: 'well-formed Unicode text (no unpaired surrogate)',
      received: unit,
    };
  }
  const run = overlongRunAt(xml, limits.maxLineBytes);
  return run < 0 ? undefined : tooLong(lineAt(xml, run), limits.maxLineBytes, 'a tag or a run of text');
}

/**
 * Reads a whole XML document into a tree of elements with the line of each start tag. The first problem ends
 * the read with one issue at its line, and no tree is returned, since the parser's guesses after an error
 * cannot be trusted: a well-formedness error (unclosed tags, a truncated file, text outside the root…) is
 * `malformed_input`; so is a document type declaration, refused outright so that no entity is ever expanded
 * (a "billion laughs") and no external entity or DTD fetched; elements nested deeper than `maxDepth` are
 * `too_deep`, a tag or text longer than `maxLineBytes` `too_long`, and an unpaired surrogate `encoding`.
 *
 * @param xml - The document.
 * @param issues - Where the problem, if any, is pushed.
 * @param source - The file name for the issue.
 * @param limits - The longest tag or text and the deepest nesting accepted.
 * @returns The root element, or `undefined` when the document is refused.
 * @example
 * readXmlTree('<a><b>1</b></a>', [])?.children[0]?.text //=> '1'
 */
export function readXmlTree(
  xml: string,
  issues: AttendanceIssue[],
  source?: string,
  limits: XmlLimits = { maxLineBytes: DEFAULT_MAX_LINE_BYTES, maxDepth: DEFAULT_MAX_DEPTH }
): XmlElement | undefined {
  const parser = new SaxesParser({ position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let refusal = refusalOfText(xml, limits);
  parser.on('error', (error) => {
    refusal ??= {
      code: 'malformed_input',
      line: parser.line,
      message: `The XML is not well-formed at line ${parser.line}: ${shortText(error.message)}.`,
      expected: 'a well-formed XML document',
      received: shortText(error.message),
    };
  });
  parser.on('doctype', (doctype) => {
    // Reported where the declaration starts: the parser is at its end.
    const line = parser.line - (lineAt(doctype, doctype.length) - 1);
    refusal ??= {
      code: 'malformed_input',
      line,
      message: `The XML declares a document type (<!DOCTYPE …>) at line ${line}: document type declarations are refused, so that no entity is expanded and no external file fetched.`,
      expected: 'no DOCTYPE declaration',
      received: shortText(`<!DOCTYPE${doctype}>`),
    };
  });
  parser.on('opentag', (tag) => {
    if (refusal !== undefined) return;
    if (open.length >= limits.maxDepth) {
      refusal = {
        code: 'too_deep',
        line: parser.line,
        message: `The XML nests elements more than ${limits.maxDepth} deep at line ${parser.line} (the maxDepth limit).`,
        expected: `elements nested at most ${limits.maxDepth} deep`,
        received: `more than ${limits.maxDepth} levels`,
      };
      return;
    }
    const element: XmlElement = { name: tag.name, line: parser.line, children: [], text: '' };
    const parent = open.at(-1);
    if (parent === undefined) root ??= element;
    else parent.children.push(element);
    if (!tag.isSelfClosing) open.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  const addText = (text: string): void => {
    const current = open.at(-1);
    if (current === undefined || refusal !== undefined) return;
    current.text += text;
    // Each run is within the limit already; an element's text made of several (split by comments or CDATA)
    // is held to it too.
    const { length } = current.text;
    if (length * 3 > limits.maxLineBytes && utf8Length(current.text) > limits.maxLineBytes) {
      refusal = tooLong(
        current.line,
        limits.maxLineBytes,
        `the text of an element (${shortText(current.name)})`
      );
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    for (let from = 0; from < xml.length && refusal === undefined;) {
      let to = Math.min(from + CHUNK_UNITS, xml.length);
      // Keep a surrogate pair in one chunk.
      const last = xml.charCodeAt(to - 1);
      if (to < xml.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
      parser.write(xml.slice(from, to));
      from = to;
    }
    if (refusal === undefined) parser.close();
  } catch (error) {
    // saxes reports through the handler above; a throw here is still a problem with the document.
    if (!(error instanceof Error)) throw error;
    refusal ??= {
      code: 'malformed_input',
      line: parser.line,
      message: `The XML is not well-formed at line ${parser.line}: ${shortText(error.message)}.`,
      expected: 'a well-formed XML document',
      received: shortText(error.message),
    };
  }
  if (refusal === undefined && root !== undefined) return root;
  const found = refusal ?? {
    code: 'malformed_input',
    line: parser.line,
    message: `The XML is not well-formed at line ${parser.line}: the document has no root element.`,
    expected: 'a well-formed XML document',
    received: 'the document has no root element',
  };
  issues.push({
    code: found.code,
    severity: 'error',
    message: found.message,
    path: [],
    expected: found.expected,
    received: found.received,
    line: found.line,
    ...(source === undefined ? {} : { source }),
  });
  return undefined;
}
