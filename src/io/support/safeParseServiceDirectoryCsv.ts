import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { safeDefineServiceDirectory } from '../../escalation/support/safeDefineServiceDirectory.js';
import type { ServiceDirectory } from '../../escalation/support/types.js';
import { readCsv } from '../export/_internal/readCsv.js';
import { notTextIssue, resultOf } from '../export/_internal/results.js';
import { fromSpreadsheetSafe } from '../export/_internal/spreadsheetSafe.js';

/**
 * How a directory CSV is read.
 *
 * @category Support
 */
export interface ParseServiceDirectoryCsvOptions {
  /** The directory's name (the area or trust it covers). */
  readonly name: string;
  /** The file's name, for issues. */
  readonly source?: string;
}

/** The columns of a directory CSV, in the order it is written; the list columns separate items with `;`. */
const COLUMNS = [
  'id',
  'name',
  'barriers',
  'phases',
  'minimum_age',
  'maximum_age',
  'how_to_refer',
  'consent_needed',
  'contact',
  'tier',
] as const;
const REQUIRED = ['id', 'name', 'barriers', 'phases', 'how_to_refer', 'consent_needed', 'contact'];
const FIELD_OF: Readonly<Record<string, (typeof COLUMNS)[number]>> = {
  minimumAge: 'minimum_age',
  maximumAge: 'maximum_age',
  howToRefer: 'how_to_refer',
  consentNeeded: 'consent_needed',
};

const list = (text: string): string[] =>
  text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Yes/no as people write it in a spreadsheet; anything else is left as text for the schema to refuse. */
function yesNo(text: string): boolean | string {
  const lower = text.trim().toLowerCase();
  if (lower === 'yes' || lower === 'true' || lower === 'y') return true;
  if (lower === 'no' || lower === 'false' || lower === 'n') return false;
  return text;
}

function age(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * Reads a directory of partner services from CSV, one service a row, with the columns `id`, `name`, `barriers`
 * and `phases` (lists separated by `;`), `minimum_age`, `maximum_age` (optional), `how_to_refer`,
 * `consent_needed` (yes or no), `contact` and `tier` (optional: voluntary or formal), and validates it as
 * `defineServiceDirectory` does. Never throws, whatever it is given.
 *
 * @param text - The CSV text.
 * @param options - The directory's name, and the file's name for issues.
 * @returns The directory, or every problem with its line and column.
 * @example
 * const result = safeParseServiceDirectoryCsv(csv, { name: 'Example LA' });
 * result.success && result.data.services.length //=> 6
 * @category Support
 */
export function safeParseServiceDirectoryCsv(
  text: unknown,
  options: ParseServiceDirectoryCsvOptions
): SafeResult<ServiceDirectory> {
  // Options are checked as the unknown value they may be: a safe function never throws.
  const given: unknown = options;
  const settings =
    typeof given === 'object' && given !== null ? (given as Partial<ParseServiceDirectoryCsvOptions>) : {};
  const source = typeof settings.source === 'string' ? settings.source : undefined;
  const located = source === undefined ? {} : { source };
  if (typeof text !== 'string')
    return resultOf([notTextIssue(text, source)], () => ({ name: '', services: [] }));
  const issues: AttendanceIssue[] = [];
  const [header, ...rows] = readCsv(text, issues, source);
  if (header === undefined) {
    issues.push({
      code: 'missing_column',
      severity: 'error',
      message: 'The directory has no header row.',
      path: [],
      line: 1,
      expected: `the columns ${COLUMNS.join(', ')}`,
      ...located,
    });
    return resultOf(issues, () => ({ name: '', services: [] }));
  }
  const names = header.fields.map((field) => fromSpreadsheetSafe(field).trim().toLowerCase());
  for (const column of REQUIRED) {
    if (!names.includes(column)) {
      issues.push({
        code: 'missing_column',
        severity: 'error',
        message: `The directory has no ${column} column.`,
        path: [],
        line: header.line,
        field: column,
        expected: `the columns ${COLUMNS.join(', ')}`,
        ...located,
      });
    }
  }
  if (issues.some((issue) => issue.severity === 'error'))
    return resultOf(issues, () => ({ name: '', services: [] }));
  const cell = (fields: readonly string[], column: string): string => {
    const index = names.indexOf(column);
    return index === -1 ? '' : fromSpreadsheetSafe(fields[index] ?? '');
  };
  const services = rows.map(({ fields }) => {
    const minimumAge = age(cell(fields, 'minimum_age'));
    const maximumAge = age(cell(fields, 'maximum_age'));
    const tier = cell(fields, 'tier').trim();
    return {
      id: cell(fields, 'id').trim(),
      name: cell(fields, 'name').trim(),
      barriers: list(cell(fields, 'barriers')),
      phases: list(cell(fields, 'phases')),
      ...(minimumAge === undefined ? {} : { minimumAge }),
      ...(maximumAge === undefined ? {} : { maximumAge }),
      howToRefer: cell(fields, 'how_to_refer').trim(),
      consentNeeded: yesNo(cell(fields, 'consent_needed')),
      contact: cell(fields, 'contact').trim(),
      ...(tier === '' ? {} : { tier }),
    };
  });
  const result = safeDefineServiceDirectory({ name: settings.name, services });
  if (!result.success) {
    // A service's problem is said at its row and column of the file.
    for (const issue of result.error.issues) {
      const [, index, field] = issue.path;
      const row = typeof index === 'number' ? rows[index] : undefined;
      const column = typeof field === 'string' ? (FIELD_OF[field] ?? field) : undefined;
      issues.push({
        ...issue,
        ...(row === undefined ? {} : { line: row.line }),
        ...(column === undefined ? {} : { field: column }),
        ...located,
      });
    }
  }
  return resultOf(issues, () => (result.success ? result.data : { name: '', services: [] }));
}
