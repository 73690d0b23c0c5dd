import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { csvRow } from '../export/_internal/csvText.js';
import { toSpreadsheetSafe } from '../export/_internal/spreadsheetSafe.js';
import { detailsOf, detailsText } from './caseLogDetails.js';
import { caseLogEntries, caseLogLadder } from './caseLogEntries.js';
import { CASE_LOG_COLUMNS, safeParseCaseLog } from './safeParseCaseLog.js';
import type { NewCaseLogEntry, ParseCaseLogOptions } from './types.js';

/**
 * A case log with one more entry at its end. The log as given is checked first (an entry is never added to a log
 * that does not read), then the new entry is checked as {@link safeParseCaseLog} checks a row; the entries before it
 * are kept as written, so nothing already recorded is rewritten or lost. An empty log gets its header (CSV) or
 * list (JSON). In CSV, a pupil id or details a spreadsheet would run as a formula get a leading `'`, which the
 * reader takes off again.
 *
 * @param text - The log's text as it is now (`''` for a new log).
 * @param entry - The pupil and the event.
 * @param options - The format, the file's name and the ladder.
 * @returns The log's new text.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If the log does not read, or the entry is not an event the ladder can take.
 * @example
 * appendToCaseLog('', { pupilId: 'P1', event: { type: 'letter-sent', on: '2024-10-04', letter: 'letter-1' } }, { format: 'csv' })
 * //=> 'pupil_id,date,event,details\nP1,2024-10-04,letter-sent,letter=letter-1\n'
 * @category Case log
 */
export function appendToCaseLog(text: string, entry: NewCaseLogEntry, options: ParseCaseLogOptions): string {
  const existing = safeParseCaseLog(text.trim() === '' ? emptyLog(options.format) : text, options);
  if (!existing.success) throw existing.error;
  const line = text.trim() === '' ? 2 : existing.data.length + 2;
  const issues: AttendanceIssue[] = [];
  const given: unknown = entry;
  const { pupilId, event } = (typeof given === 'object' && given !== null ? given : {}) as {
    pupilId?: unknown;
    event?: unknown;
  };
  const recorded = typeof event === 'object' && event !== null ? (event as Record<string, unknown>) : {};
  caseLogEntries(
    [
      {
        line,
        pupilId,
        date: recorded['on'],
        event: recorded['type'],
        details: Object.fromEntries(
          Object.entries(recorded).filter(([name]) => name !== 'type' && name !== 'on')
        ),
      },
    ],
    {
      source: options.source,
      ladder: caseLogLadder(options.policy),
      unit: options.format === 'csv' ? 'line' : 'entry',
    },
    issues
  );
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return options.format === 'csv' ? appendCsv(text, entry) : appendJson(text, entry);
}

function emptyLog(format: ParseCaseLogOptions['format']): string {
  return format === 'json' ? '[]' : `${CASE_LOG_COLUMNS.join(',')}\n`;
}

function appendCsv(text: string, { pupilId, event }: NewCaseLogEntry): string {
  // The new row keeps the file's line ending.
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  const start = text.trim() === '' ? csvRow([...CASE_LOG_COLUMNS], lineEnding) : text;
  const separated = start.endsWith('\n') ? start : `${start}${lineEnding}`;
  const details = detailsText(event);
  return (
    separated +
    csvRow(
      [toSpreadsheetSafe(pupilId), event.on, event.type, details === '' ? '' : toSpreadsheetSafe(details)],
      lineEnding
    )
  );
}

function appendJson(text: string, { pupilId, event }: NewCaseLogEntry): string {
  const item = JSON.stringify({ pupilId, date: event.on, event: event.type, details: detailsOf(event) });
  if (text.trim() === '') return `[\n  ${item}\n]\n`;
  // The list's closing bracket is the last one in the text; what comes before it is kept as it is.
  const close = text.lastIndexOf(']');
  const before = text.slice(0, close).trimEnd();
  const separator = before.endsWith('[') ? '' : ',';
  return `${before}${separator}\n  ${item}\n${text.slice(close)}`;
}
