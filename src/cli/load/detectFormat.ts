import type { RegisterFormat } from '../types.js';
import { UsageError } from '../usageError.js';

const BY_EXTENSION: readonly (readonly [string, RegisterFormat])[] = [
  ['.csv', 'csv'],
  ['.json', 'json'],
  ['.xml', 'ctf'],
  ['.ctf', 'ctf'],
];

/**
 * The format of a register file: the `--format` given, or else the one its extension says (`.csv`, `.json`,
 * `.xml` and `.ctf.xml` for CTF, `.ctf`).
 *
 * @param source - The file name.
 * @param format - The `--format` option, if given.
 * @returns The format.
 * @throws {@link UsageError} If there is no `--format` and the extension is not one of those.
 * @example
 * detectFormat('school.ctf.xml') //=> 'ctf'
 */
export function detectFormat(source: string, format?: RegisterFormat): RegisterFormat {
  if (format !== undefined) return format;
  const lower = source.toLowerCase();
  const found = BY_EXTENSION.find(([extension]) => lower.endsWith(extension));
  if (found === undefined) {
    throw new UsageError(
      `Cannot tell the format of "${source}" from its name: give --format csv, json or ctf.`
    );
  }
  return found[1];
}
