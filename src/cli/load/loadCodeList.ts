import { excerpt } from '../../_internal/excerpt.js';
import { toCompactCode } from '../../codes/compactCodes.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { RegisterCodeList } from '../../io/long/types.js';
import type { CliIo } from '../types.js';
import type { JsonLimits } from './jsonLimits.js';
import { readJsonFile } from './readJsonFile.js';
import { shortValue } from '../output/displayText.js';

const EXPECTED_ENTRY = 'a register code such as "/", "I" or "C1"';

/**
 * The code list named by `--code-list`: a JSON object mapping each code or id as a system writes it to the
 * statutory register code, e.g. `{ "9": "Y", "12": "I" }` for display codes or GO4Schools `session_mark_id`s.
 * Every entry is checked before any register is read, so a typo in the list is reported once, with its key,
 * rather than on every row that uses it.
 *
 * @param io - The file system.
 * @param source - The file, as given on the command line.
 * @param limits - `--max-depth` and `--max-line-bytes`.
 * @returns The code list, for the CSV and JSON importers' `codeList` option.
 * @throws {@link AttendanceError} If the file cannot be read, is not a JSON object, or maps a code to something
 * that is not a register code; every issue names the file and the entry.
 * @example
 * await loadCodeList(io, 'sims-codes.json', limits) //=> { '9': 'Y' }
 */
export async function loadCodeList(io: CliIo, source: string, limits: JsonLimits): Promise<RegisterCodeList> {
  const value = await readJsonFile(io, source, 'code list', limits);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `The code list "${source}" must hold a JSON object mapping each code as written to a register code.`,
        path: [],
        source,
        expected: 'a JSON object such as { "9": "Y", "12": "I" }',
        received: Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value,
      },
    ]);
  }
  const issues: AttendanceIssue[] = [];
  for (const [raw, code] of Object.entries(value)) {
    if (typeof code === 'string' && toCompactCode(code) !== undefined) continue;
    const received = typeof code === 'string' ? code : JSON.stringify(code);
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The code list "${source}" maps ${excerpt(raw)} to ${typeof code === 'string' ? excerpt(code) : shortValue(received)}, which is not a register code.`,
      path: [raw],
      source,
      field: raw,
      expected: EXPECTED_ENTRY,
      received,
    });
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return value as RegisterCodeList;
}
