/**
 * Text made safe to put in HTML text or a quoted attribute.
 *
 * @param text - Any text.
 * @returns The text with `&`, `<`, `>`, `"` and `'` as character references.
 * @example
 * escapeHtml('<b>Oak & Ash</b>') //=> '&lt;b&gt;Oak &amp; Ash&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * A whole number with thousands separators, as in DfE's tables.
 *
 * @param value - A whole number.
 * @returns The number as text.
 * @example
 * formatWhole(7480) //=> '7,480'
 */
export function formatWhole(value: number): string {
  return value.toLocaleString('en-GB');
}
