import type { CliOptions, CommandName, RegisterFormat } from '../types.js';
import { UsageError } from '../usageError.js';

/** The importer options of the command line, each with the register formats it applies to. */
const FORMAT_OPTIONS: readonly (readonly [keyof CliOptions, string, readonly RegisterFormat[]])[] = [
  ['mapping', '--mapping', ['csv', 'json']],
  ['codeList', '--code-list', ['csv', 'json']],
  ['dateFormat', '--date-format', ['csv', 'json']],
  ['delimiter', '--delimiter', ['csv']],
  ['encoding', '--encoding', ['csv']],
  ['dayModel', '--day-model', ['ctf']],
  ['codeWidth', '--code-width', ['ctf']],
];

function listed(formats: readonly string[]): string {
  return formats.length === 1
    ? (formats[0] ?? '')
    : `${formats.slice(0, -1).join(', ')} and ${formats.at(-1) ?? ''}`;
}

/**
 * Checks that every importer option given applies to at least one of the register files, so that an option is
 * never silently ignored: `--delimiter` with a CTF file is a mistake. With `check` and files of several formats,
 * each option is used for the files of its formats.
 *
 * @param options - The options.
 * @param formats - The format of each register file, in order.
 * @param command - The subcommand, for the pointer to its help.
 * @throws {@link UsageError} If an option applies to none of the files' formats.
 * @example
 * checkOptionFormats({ ...options, delimiter: ';' }, ['ctf'], 'summary')
 * // throws: --delimiter applies to CSV registers; register.ctf.xml is read as ctf.
 */
export function checkOptionFormats(
  options: CliOptions,
  formats: readonly RegisterFormat[],
  command: CommandName
): void {
  for (const [key, name, applies] of FORMAT_OPTIONS) {
    if (options[key] === undefined || formats.some((format) => applies.includes(format))) continue;
    const files = options.files.map((file, index) => `${file} is read as ${formats[index] ?? ''}`);
    throw new UsageError(
      `${name} applies only to ${listed(applies.map((format) => format.toUpperCase()))} registers; ${listed(files)}.`,
      command
    );
  }
}
