import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import { caseLogEntries } from '../../io/caseLog/caseLogEntries.js';
import { caseLogJsonRows, safeParseCaseLog } from '../../io/caseLog/safeParseCaseLog.js';
import type { CaseLogEntry, CaseLogFormat } from '../../io/caseLog/types.js';
import type { CliIo } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';
import { jsonLimitIssue } from './jsonLimits.js';
import type { JsonLimits } from './jsonLimits.js';

/** A case log as read: its text (to add to) and its entries in file order. */
export interface LoadedCaseLog {
  /** The file, as given on the command line. */
  readonly source: string;
  /** CSV or JSON, by the file's extension. */
  readonly format: CaseLogFormat;
  /** The file's text; `''` for a log not yet started. */
  readonly text: string;
  /** The entries, in file order. */
  readonly entries: readonly CaseLogEntry[];
}

/**
 * A case log's format from its name: `.json` is a JSON list, anything else CSV.
 *
 * @param source - The file name.
 * @returns The format.
 * @example
 * caseLogFormat('case-log.JSON') //=> 'json'
 */
export function caseLogFormat(source: string): CaseLogFormat {
  return source.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}

/**
 * Reads and checks a case log against a ladder. Every malformed row is an issue with the file, line and field;
 * a JSON log is held to `--max-depth` and `--max-line-bytes` as every JSON input is.
 *
 * @param io - The file system.
 * @param source - The file.
 * @param ladder - The ladder its events are for.
 * @param limits - `--max-depth` and `--max-line-bytes`.
 * @param missing - What a file that does not exist is: an error (`escalation --events`) or a log not yet started
 * (`record`).
 * @returns The log.
 * @throws {@link AttendanceError} If the file cannot be read, breaks a limit, or has a malformed row.
 * @example
 * const log = await loadCaseLog(io, 'case-log.csv', ladder, limits, 'error');
 */
export async function loadCaseLog(
  io: CliIo,
  source: string,
  ladder: EscalationLadder,
  limits: JsonLimits,
  missing: 'error' | 'empty'
): Promise<LoadedCaseLog> {
  const format = caseLogFormat(source);
  let text: string;
  try {
    text = await io.readFile(source);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (missing === 'empty' && code === 'ENOENT') return { source, format, text: '', entries: [] };
    throw new AttendanceError([unreadableFileIssue(source, 'case log', error)]);
  }
  if (text.trim() === '') return { source, format, text, entries: [] };
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
    } catch {
      value = undefined; // safeParseCaseLog below says where it is not JSON
    }
    if (value !== undefined) {
      // Parsed once: held to the limits, then read as entries.
      const breach = jsonLimitIssue(value, text, limits, { source, what: 'case log' });
      if (breach !== undefined) throw new AttendanceError([breach]);
      const issues: AttendanceIssue[] = [];
      const rows = caseLogJsonRows(value, issues, source);
      const entries =
        rows === undefined ? [] : caseLogEntries(rows, { source, ladder, unit: 'entry' }, issues);
      const [first, ...rest] = issues;
      if (first !== undefined) throw new AttendanceError([first, ...rest]);
      return { source, format, text, entries };
    }
  }
  const result = safeParseCaseLog(text, {
    format,
    source,
    policy: ladder,
    maxLineBytes: limits.maxLineBytes,
  });
  if (!result.success) throw result.error;
  return { source, format, text, entries: result.data };
}

/**
 * The entries of a case log by pupil, each pupil's in file order, after checking them against the run: an event
 * after the as-of date is an error with its line (it cannot have happened by then); an event for a pupil not in
 * the register is a warning (the pupil may have left), and is not used.
 *
 * @param log - The case log.
 * @param pupilIds - The pupils of the register.
 * @param asOf - The date of the run.
 * @returns The entries by pupil, and the warnings.
 * @throws {@link AttendanceError} Listing every event dated after `asOf`.
 * @example
 * const { byPupil, warnings } = caseLogByPupil(log, ['P1', 'P2'], '2024-10-04');
 */
export function caseLogByPupil(
  log: LoadedCaseLog,
  pupilIds: readonly string[],
  asOf: string
): { byPupil: ReadonlyMap<string, readonly CaseLogEntry[]>; warnings: AttendanceIssue[] } {
  const late: AttendanceIssue[] = [];
  const known = new Set(pupilIds);
  const unknown = new Map<string, CaseLogEntry>();
  const byPupil = new Map<string, CaseLogEntry[]>();
  for (const entry of log.entries) {
    if (entry.event.on > asOf) {
      late.push({
        code: 'invalid_date',
        severity: 'error',
        message: `The ${entry.event.type} event for pupil ${entry.pupilId} is dated ${entry.event.on}, after the date the run is as of (${asOf}).`,
        path: log.format === 'csv' ? ['date'] : [entry.line - 1, 'date'],
        source: log.source,
        line: entry.line,
        pupilId: entry.pupilId,
        date: entry.event.on,
        field: 'date',
        expected: `a date on or before ${asOf}`,
        received: entry.event.on,
      });
      continue;
    }
    if (!known.has(entry.pupilId)) {
      if (!unknown.has(entry.pupilId)) unknown.set(entry.pupilId, entry);
      continue;
    }
    const entries = byPupil.get(entry.pupilId);
    if (entries === undefined) byPupil.set(entry.pupilId, [entry]);
    else entries.push(entry);
  }
  const [first, ...rest] = late;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  const warnings = [...unknown.values()].map((entry): AttendanceIssue => ({
    code: 'invalid_value',
    severity: 'warning',
    message: `Pupil ${entry.pupilId} has events in the case log but is not in the register (they may have left); their events are not used.`,
    path: log.format === 'csv' ? ['pupil_id'] : [entry.line - 1, 'pupilId'],
    source: log.source,
    line: entry.line,
    pupilId: entry.pupilId,
    field: 'pupil_id',
    expected: 'a pupil in the register',
    received: entry.pupilId,
  }));
  return { byPupil, warnings };
}
