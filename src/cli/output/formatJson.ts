/**
 * Writes one JSON document, indented by two spaces, ending with a line break.
 *
 * @param value - The document.
 * @returns The JSON text.
 * @example
 * formatJson({ pupils: 30 }) //=> '{\n  "pupils": 30\n}\n'
 */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
