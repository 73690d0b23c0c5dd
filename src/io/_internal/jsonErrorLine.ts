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
  if (excerpt !== null) {
    const [, cut, quoted = ''] = excerpt;
    if (cut === undefined) return lineAt(text, 0);
    const start = text.indexOf(quoted);
    if (start >= 0 && !text.includes(quoted, start + 1)) return lineAt(text, start + CONTEXT_CHARACTERS);
  }
  // V8 gave no place that can be trusted: find the first character JSON cannot continue with.
  const offset = jsonSyntaxErrorOffset(text);
  return offset === undefined ? undefined : lineAt(text, Math.min(offset, end));
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The offset of the first character at which a text stops being JSON (RFC 8259), found in one pass without
 * recursion, or undefined when the text is JSON. Used when `JSON.parse`'s message gives no place.
 *
 * @param text - The text.
 * @returns The offset, or undefined.
 * @example
 * jsonSyntaxErrorOffset('[1, 2 x]') //=> 6
 * jsonSyntaxErrorOffset('{"a": [1]}') //=> undefined
 */
export function jsonSyntaxErrorOffset(text: string): number | undefined {
  // What may come next: a value, or, inside a container, a separator or the end of it.
  const stack: ('array' | 'object')[] = [];
  let index = 0;
  let expect: 'value' | 'key' | 'colon' | 'after-value' | 'first-value' | 'first-key' = 'value';
  const skip = (): void => {
    while (index < text.length && WHITESPACE.has(text[index]!)) index += 1;
  };
  const string = (): boolean => {
    index += 1;
    while (index < text.length) {
      const character = text[index]!;
      if (character === '"') {
        index += 1;
        return true;
      }
      if (character.charCodeAt(0) < 0x20) return false;
      if (character === '\\') {
        const next = text[index + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) return false;
          index += 6;
          continue;
        }
        if (next === undefined || !ESCAPES.has(next)) return false;
        index += 2;
        continue;
      }
      index += 1;
    }
    return false;
  };
  for (;;) {
    skip();
    if (index >= text.length) return stack.length === 0 && expect === 'after-value' ? undefined : text.length;
    const character = text[index]!;
    if (expect === 'value' || expect === 'first-value') {
      if (expect === 'first-value' && character === ']') {
        stack.pop();
        index += 1;
        expect = 'after-value';
        continue;
      }
      if (character === '[' || character === '{') {
        stack.push(character === '[' ? 'array' : 'object');
        index += 1;
        expect = character === '[' ? 'first-value' : 'first-key';
        continue;
      }
      if (character === '"') {
        if (!string()) return index;
      } else {
        const literal = LITERALS.find((word) => text.startsWith(word, index));
        if (literal !== undefined) index += literal.length;
        else {
          NUMBER.lastIndex = index;
          if (NUMBER.exec(text) === null) return index;
          index = NUMBER.lastIndex;
        }
      }
      expect = 'after-value';
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (expect === 'first-key' && character === '}') {
        stack.pop();
        index += 1;
        expect = 'after-value';
        continue;
      }
      if (character !== '"' || !string()) return index;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (character !== ':') return index;
      index += 1;
      expect = 'value';
      continue;
    }
    // After a value: a separator or the end of the container, or nothing more at the top.
    const container = stack[stack.length - 1];
    if (container === undefined) return index;
    if (character === ',') {
      index += 1;
      expect = container === 'array' ? 'value' : 'key';
      continue;
    }
    if ((container === 'array' && character === ']') || (container === 'object' && character === '}')) {
      stack.pop();
      index += 1;
      continue;
    }
    return index;
  }
}
