// V8 shows this many characters of the text either side of the offending token in its "Unexpected token" message.
const CONTEXT_CHARACTERS = 10;
const UNEXPECTED_TOKEN = /^Unexpected token '[\s\S]+?', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index += 1) if (text[index] === '\n') line += 1;
  return line;
}

/**
 * The line of a JSON syntax error, from the message `JSON.parse` threw: its position when it gives one, the end
 * of the text when the text ended too soon, or the place of the excerpt it quotes when that excerpt occurs once.
 * Nothing when the line cannot be told for sure: a wrong line would mislead.
 *
 * @param text - The text that failed to parse.
 * @param message - The error's message.
 * @returns The 1-based line, or `undefined`.
 * @example
 * jsonErrorLine('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12') //=> 3
 */
export function jsonErrorLine(text: string, message: string): number | undefined {
  // A text that ends too soon is wrong at its last line, not on the empty line after its final line break.
  const end = text.trimEnd().length;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return lineAt(text, Math.min(Number(position), end));
  if (message.startsWith('Unexpected end of JSON input')) return lineAt(text, end);
  const excerpt = UNEXPECTED_TOKEN.exec(message);
  if (excerpt === null) return undefined;
  const [, cut, quoted = ''] = excerpt;
  if (cut === undefined) return lineAt(text, 0);
  const start = text.indexOf(quoted);
  if (start < 0 || text.includes(quoted, start + 1)) return undefined;
  return lineAt(text, start + CONTEXT_CHARACTERS);
}
