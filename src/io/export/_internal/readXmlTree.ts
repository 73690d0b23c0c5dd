import { SaxesParser } from 'saxes';
import type { AttendanceIssue } from '../../../errors.js';

/** One element of a small XML document: its name, the line of its start tag, its children and its text. */
export interface XmlElement {
  readonly name: string;
  readonly line: number;
  readonly children: XmlElement[];
  /** The element's own text (character data and CDATA), not its children's. */
  text: string;
}

/**
 * Reads a whole XML document into a tree of elements with the line of each start tag. The first
 * well-formedness error (unclosed tags, a truncated file, text outside the root…) is reported as a
 * `malformed_input` issue at its line and no tree is returned, since the parser's guesses after an error
 * cannot be trusted.
 *
 * @param xml - The document.
 * @param issues - Where the error, if any, is pushed.
 * @param source - The file name for the issue.
 * @returns The root element, or `undefined` when the document is not well-formed.
 * @example
 * readXmlTree('<a><b>1</b></a>', [])?.children[0]?.text //=> '1'
 */
export function readXmlTree(xml: string, issues: AttendanceIssue[], source?: string): XmlElement | undefined {
  const parser = new SaxesParser({ position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: { message: string; line: number } | undefined;
  parser.on('error', (error) => {
    failure ??= { message: error.message, line: parser.line };
  });
  parser.on('opentag', (tag) => {
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
    if (current !== undefined) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (error) {
    // saxes reports through the handler above; a throw here is still a problem with the document.
    if (!(error instanceof Error)) throw error;
    failure ??= { message: error.message, line: parser.line };
  }
  if (failure === undefined && root !== undefined) return root;
  const found = failure ?? { message: 'the document has no root element', line: parser.line };
  issues.push({
    code: 'malformed_input',
    severity: 'error',
    message: `The XML is not well-formed at line ${found.line}: ${found.message}.`,
    path: [],
    expected: 'a well-formed XML document',
    received: found.message,
    line: found.line,
    ...(source === undefined ? {} : { source }),
  });
  return undefined;
}
