import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { DEFAULT_MAX_LINE_BYTES } from '../limits/inputLimits.js';
import { jsonErrorLine } from '../_internal/jsonErrorLine.js';
import { readCsv } from '../export/_internal/readCsv.js';
import { describeOption } from '../export/_internal/readOptions.js';
import { notTextIssue, resultOf } from '../export/_internal/results.js';
import { fromSpreadsheetSafe } from '../export/_internal/spreadsheetSafe.js';
import { caseLogEntries, caseLogLadder } from './caseLogEntries.js';
import type { CaseLogRow } from './caseLogEntries.js';
import type { CaseLogEntry, ParseCaseLogOptions } from './types.js';

/** The columns of a case log CSV, in the order they are written. */
export const CASE_LOG_COLUMNS = ['pupil_id', 'date', 'event', 'details'] as const;
const REQUIRED_COLUMNS = ['pupil_id', 'date', 'event'];

/**
 * Reads a case log: the letters, meetings, plans, barriers, support, referrals, notices and overrides people
 * recorded for each pupil, as events the escalation machine applies (`runEscalation`'s `events`). CSV has the
 * columns `pupil_id`, `date`, `event` and `details`; JSON is a list of objects with the keys `pupilId`, `date`,
 * `event` and `details`. The details are the event's other fields: in CSV, `name=value` pairs separated by `;`
 * (e.g. `letter=letter-1` or `toStage=2; reason=Agreed at panel; by=Head of year`) or a JSON object; in JSON, an
 * object. Every row is checked as the machine checks an event, against the ladder: a malformed row is an issue
 * with its line and field, never skipped. Never throws, whatever it is given.
 *
 * @param text - The file's text.
 * @param options - The format, the file's name and the ladder.
 * @returns The entries in file order, or every problem found.
 * @example
 * const log = 'pupil_id,date,event,details\nP1,2024-10-04,letter-sent,letter=letter-1\n';
 * const result = safeParseCaseLog(log, { format: 'csv' });
 * result.success && result.data[0].event //=> { type: 'letter-sent', on: '2024-10-04', letter: 'letter-1' }
 * @category Case log
 */
export function safeParseCaseLog(text: unknown, options: ParseCaseLogOptions): SafeResult<CaseLogEntry[]> {
  const given: unknown = options;
  const settings = typeof given === 'object' && given !== null ? (given as Partial<ParseCaseLogOptions>) : {};
  const source = typeof settings.source === 'string' ? settings.source : undefined;
  const located = source === undefined ? {} : { source };
  const issues: AttendanceIssue[] = [];
  if (settings.format !== 'csv' && settings.format !== 'json') {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The case log's format must be "csv" or "json"; received ${describeOption(settings.format)}.`,
      path: ['options', 'format'],
      field: 'format',
      expected: '"csv" or "json"',
      received: describeOption(settings.format),
      ...located,
    });
    return resultOf(issues, () => []);
  }
  if (typeof text !== 'string') return resultOf([notTextIssue(text, source)], () => []);
  let ladder;
  try {
    ladder = caseLogLadder(settings.policy);
  } catch {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: 'The escalation policy the case log is read for is not a valid policy or ladder.',
      path: ['options', 'policy'],
      field: 'policy',
      expected: 'an escalation policy or ladder',
      ...located,
    });
    return resultOf(issues, () => []);
  }
  const rows =
    settings.format === 'csv'
      ? csvRows(text, issues, source, settings.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)
      : jsonRows(text, issues, source);
  if (rows === undefined) return resultOf(issues, () => []);
  const entries = caseLogEntries(
    rows,
    { source, ladder, unit: settings.format === 'csv' ? 'line' : 'entry' },
    issues
  );
  return resultOf(issues, () => entries);
}

function csvRows(
  text: string,
  issues: AttendanceIssue[],
  source: string | undefined,
  maxLineBytes: number
): CaseLogRow[] | undefined {
  const located = source === undefined ? {} : { source };
  const [header, ...records] = readCsv(text, issues, source, maxLineBytes);
  if (header === undefined) {
    issues.push({
      code: 'missing_column',
      severity: 'error',
      message: 'The case log has no header row.',
      path: [],
      line: 1,
      expected: `the columns ${CASE_LOG_COLUMNS.join(', ')}`,
      ...located,
    });
    return undefined;
  }
  const names = header.fields.map((field) => fromSpreadsheetSafe(field).trim().toLowerCase());
  for (const column of REQUIRED_COLUMNS) {
    if (!names.includes(column)) {
      issues.push({
        code: 'missing_column',
        severity: 'error',
        message: `The case log has no ${column} column.`,
        path: [],
        line: header.line,
        field: column,
        expected: `the columns ${CASE_LOG_COLUMNS.join(', ')}`,
        ...located,
      });
    }
  }
  if (issues.some((issue) => issue.severity === 'error')) return undefined;
  const cell = (fields: readonly string[], column: string): string => {
    const index = names.indexOf(column);
    return index === -1 ? '' : fromSpreadsheetSafe(fields[index] ?? '');
  };
  return records
    .filter(({ fields }) => fields.some((field) => field.trim() !== ''))
    .map(({ fields, line }) => ({
      line,
      pupilId: cell(fields, 'pupil_id').trim(),
      date: cell(fields, 'date').trim(),
      event: cell(fields, 'event').trim(),
      details: cell(fields, 'details'),
    }));
}

function jsonRows(
  text: string,
  issues: AttendanceIssue[],
  source: string | undefined
): CaseLogRow[] | undefined {
  const located = source === undefined ? {} : { source };
  let value: unknown;
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const line = jsonErrorLine(json, error instanceof Error ? error.message : '');
    issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: `The case log is not valid JSON${line === undefined ? '' : ` (line ${line})`}.`,
      path: [],
      ...(line === undefined ? {} : { line }),
      expected: 'a JSON list of entries',
      received: 'text that is not JSON',
      ...located,
    });
    return undefined;
  }
  return caseLogJsonRows(value, issues, source);
}

/**
 * The rows of a case log already parsed from JSON (the command-line tool parses with its size and depth limits).
 *
 * @param value - The parsed JSON.
 * @param issues - Where problems go.
 * @param source - The file's name.
 * @returns The rows, or undefined when the value is not a list.
 * @example
 * caseLogJsonRows([{ pupilId: 'P1', date: '2024-10-04', event: 'meeting-held' }], [], 'log.json')?.length //=> 1
 */
export function caseLogJsonRows(
  value: unknown,
  issues: AttendanceIssue[],
  source: string | undefined
): CaseLogRow[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: 'A JSON case log must be a list of entries, each with pupilId, date, event and details.',
      path: [],
      expected: 'a JSON list of entries',
      received: value === null ? 'null' : typeof value,
      ...(source === undefined ? {} : { source }),
    });
    return undefined;
  }
  return value.map((item: unknown, index) => {
    const entry =
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? (item as Record<string, unknown>)
        : {};
    return {
      line: index + 1,
      pupilId: entry['pupilId'],
      date: entry['date'],
      event: entry['event'],
      details: entry['details'] ?? {},
    };
  });
}
