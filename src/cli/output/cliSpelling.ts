import type { AttendanceIssue } from '../../errors.js';

/** The library's importer options and the command-line flags that set them. */
const FLAGS: Readonly<Record<string, string>> = {
  mapping: '--mapping',
  codeList: '--code-list',
  dateFormat: '--date-format',
  delimiter: '--delimiter',
  encoding: '--encoding',
  dayModel: '--day-model',
  codeWidth: '--code-width',
  calendar: '--calendar',
  maxLineBytes: '--max-line-bytes',
  maxDepth: '--max-depth',
};

// Options whose names are identifiers no sentence uses otherwise, so that they can be spelt as flags anywhere.
const IDENTIFIERS = /\b(codeList|dateFormat|codeWidth|maxLineBytes|maxDepth)\b( (["'])([\w.-]+)\3| (\d+))?/g;

/**
 * Advice the importers give in the library's spelling, and the same in the command line's, most specific first.
 * Each replacement's result matches no pattern, so spelling text twice changes nothing.
 */
const REWRITES: readonly (readonly [RegExp, string | ((...groups: string[]) => string)])[] = [
  // A code list: the library's message already names both spellings.
  [/the codeList option, or --code-list on the command line/g, 'give --code-list FILE'],
  // A JSON register is read as UTF-8 by the command line, which has no encoding option for JSON.
  [
    /decode its bytes as windows-1252 \(or stream them to importRegisterCsv with encoding "latin1"\)/g,
    'save it as UTF-8 (the command line reads a JSON register as UTF-8), or export it as CSV and give --encoding latin1',
  ],
  [/\bpass the calendar option\b/g, 'give --calendar FILE'],
  [/\(see the delimiter option\)/g, '(give it with --delimiter, e.g. --delimiter ";" or --delimiter tab)'],
  [/\bwith encoding ["']([\w-]+)["']/g, (_match, name: string) => `with --encoding ${name}`],
  [/\bdayModel ["'](\w+)["']/g, (_match, model: string) => `--day-model ${model}`],
  [/\b(?:see|use|set|raise) the (\w+) option\b/g, (match, name: string) => flagPhrase(match, name)],
  [/\bthe (\w+) option\b/g, (match, name: string) => FLAGS[name] ?? match],
  [/\blooking with the (\w+) preset\b/g, (_match, preset: string) => `looking with --mapping ${preset}`],
  [/^Option mapping\.(\w+) must be\b/, (_match, field: string) => `The column mapping's "${field}" must be`],
  [/^Option codeList\.(.+?) must be\b/, (_match, key: string) => `The code list's "${key}" must be`],
  [
    IDENTIFIERS,
    (_match, name: string, value?: string, _quote?: string, quoted?: string, digits?: string) =>
      `${FLAGS[name] ?? name}${value === undefined ? '' : ` ${quoted ?? digits ?? ''}`}`,
  ],
];

/** "see the delimiter option" in the command line's words: "see --delimiter". */
function flagPhrase(match: string, name: string): string {
  const flag = FLAGS[name];
  if (flag === undefined) return match;
  const verb = match.slice(0, match.indexOf(' '));
  return `${verb} ${flag}`;
}

// Every pattern above needs one of these words: most messages (a bad date, a duplicate mark) have none, and a
// file with a million bad rows is spelt with one test per message.
const MAY_ADVISE =
  /option|encoding|dayModel|codeList|dateFormat|codeWidth|maxLineBytes|maxDepth|preset|^Option /;

function spell(text: string): string {
  if (!MAY_ADVISE.test(text)) return text;
  let spelt = text;
  for (const [pattern, replacement] of REWRITES) {
    spelt =
      typeof replacement === 'string'
        ? spelt.replace(pattern, replacement)
        : spelt.replace(pattern, replacement as (substring: string, ...args: unknown[]) => string);
  }
  return spelt;
}

/**
 * An issue whose advice is spelt as the command line is used: the library says `encoding "latin1"`, `the
 * delimiter option` or `codeWidth 2`; the command line says `--encoding latin1`, `--delimiter` and
 * `--code-width 2`. Only the message and the expectation are changed; the other fields are data.
 *
 * @param issue - An issue from the library.
 * @returns The issue in the command line's spelling (the same object when nothing needed changing).
 * @example
 * inCliSpelling({ code: 'encoding', severity: 'warning', path: [], message: '…',
 *   expected: 'UTF-8 text; if the file was saved as Latin-1 or Windows-1252, read it with encoding "latin1"' }).expected
 * //=> 'UTF-8 text; if the file was saved as Latin-1 or Windows-1252, read it with --encoding latin1'
 */
export function inCliSpelling(issue: AttendanceIssue): AttendanceIssue {
  const message = spell(issue.message);
  const expected = issue.expected === undefined ? undefined : spell(issue.expected);
  if (message === issue.message && expected === issue.expected) return issue;
  return { ...issue, message, ...(expected === undefined ? {} : { expected }) };
}
