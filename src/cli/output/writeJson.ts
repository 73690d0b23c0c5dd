import { formatJson } from './formatJson.js';

const FLUSH_AT = 1 << 16;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}

/**
 * Writes one JSON document, exactly as {@link formatJson} would, in pieces of about 64 KB rather than as one
 * string: a report on a local authority's hundred thousand pupils is tens of megabytes of text, which the
 * process would otherwise hold whole, and again as it is written.
 *
 * @remarks
 * The top-level object and the arrays in it are written element by element; every element is written with
 * `JSON.stringify`, its lines indented to its depth, so the text is the same byte for byte.
 *
 * @param value - The document.
 * @param write - Receives the text in order.
 * @example
 * writeJson(report.json, (text) => process.stdout.write(text));
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  let pending = '';
  const out = (text: string): void => {
    pending += text;
    if (pending.length >= FLUSH_AT) {
      write(pending);
      pending = '';
    }
  };
  if (!isPlainObject(value)) {
    write(formatJson(value));
    return;
  }
  const entries = Object.entries(value).filter(([, item]) => serialisable(item));
  if (entries.length === 0) {
    write(formatJson(value));
    return;
  }
  out('{\n');
  entries.forEach(([key, item], index) => {
    out(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(item) && item.length > 0) {
      out('[\n');
      item.forEach((element: unknown, position) => {
        out(`    ${indented(element, '    ')}${position < item.length - 1 ? ',' : ''}\n`);
      });
      out('  ]');
    } else out(indented(item, '  '));
    out(index < entries.length - 1 ? ',\n' : '\n');
  });
  out('}\n');
  if (pending.length > 0) write(pending);
}

/** Whether `JSON.stringify` writes an object property with this value (it leaves out these three kinds). */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** A value as `JSON.stringify(value, null, 2)` writes it, its later lines indented by `indent` (as `null` where an array holds nothing JSON can write). */
function indented(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) as string | undefined;
  return (text ?? 'null').replaceAll('\n', `\n${indent}`);
}
