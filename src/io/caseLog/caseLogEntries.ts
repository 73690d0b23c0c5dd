import type { AttendanceIssue } from '../../errors.js';
import { eventFieldFault, eventShapeFault } from '../../escalation/checkEvent.js';
import { ladderOf } from '../../escalation/ladder/ladderOf.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import { HCAT_ESCALATION_POLICY } from '../../escalation/presets.js';
import type { EscalationPolicy } from '../../escalation/types.js';
import { excerpt } from '../../_internal/excerpt.js';
import {
  EVENT_DETAILS,
  RECORDED_EVENT_TYPES,
  detailExpected,
  detailValue,
  isRecordedEventType,
} from './caseLogDetails.js';
import type { CaseLogEntry, RecordedEvent } from './types.js';

/** One row of a case log as read, before it is made an event: every value as the file gave it. */
export interface CaseLogRow {
  readonly line: number;
  readonly pupilId: unknown;
  readonly date: unknown;
  readonly event: unknown;
  /** Text (CSV, `name=value` pairs or a JSON object) or an object (JSON). */
  readonly details: unknown;
}

/** Where a row's issues are said: the file and the line. */
export interface RowPlace {
  readonly source: string | undefined;
  /** The ladder's numbers and names, for letters, actions and override stages. */
  readonly ladder: EscalationLadder;
  /** The word for a row's place: `line` for CSV, `entry` for JSON. */
  readonly unit: 'line' | 'entry';
}

/**
 * The ladder a case log's events are checked against.
 *
 * @param policy - The policy or ladder given, if any.
 * @returns The ladder (the trust's by default).
 * @example
 * caseLogLadder(undefined).name //=> 'trust'
 */
export function caseLogLadder(policy: EscalationPolicy | EscalationLadder | undefined): EscalationLadder {
  return ladderOf(policy ?? HCAT_ESCALATION_POLICY);
}

type Details = Record<string, unknown>;

/**
 * The details of a CSV cell: a JSON object when it starts with `{`, else `name=value` pairs separated by `;`.
 * Values are kept as text here; their kinds are checked with the event's other fields.
 */
function detailsFromText(text: string): Details | string {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Details;
    } catch {
      // Said below, with the line.
    }
    return 'a JSON object of details, or name=value pairs separated by ";"';
  }
  const details: Details = {};
  for (const part of trimmed.split(';')) {
    const pair = part.trim();
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) return 'name=value pairs separated by ";" (e.g. letter=letter-1)';
    const name = pair.slice(0, equals).trim();
    if (Object.hasOwn(details, name)) return `each detail once; ${excerpt(name)} is given twice`;
    details[name] = pair.slice(equals + 1).trim();
  }
  return details;
}

/**
 * Turns each row of a case log into an entry, pushing an issue (with the file, line, pupil, date and field) for
 * every row that is not a recorded event the ladder can take. Values of special-category details (barriers,
 * services, support) are never quoted in messages.
 *
 * @param rows - The rows as read.
 * @param place - The file, the ladder, and how a row's place is named.
 * @param issues - Where problems go.
 * @returns The entries of the rows without problems, in file order.
 * @example
 * caseLogEntries([{ line: 2, pupilId: 'P1', date: '2024-10-04', event: 'meeting-held', details: '' }], place, [])
 * //=> [{ pupilId: 'P1', event: { type: 'meeting-held', on: '2024-10-04' }, line: 2 }]
 */
export function caseLogEntries(
  rows: readonly CaseLogRow[],
  place: RowPlace,
  issues: AttendanceIssue[]
): CaseLogEntry[] {
  const entries: CaseLogEntry[] = [];
  for (const row of rows) {
    const entry = caseLogEntry(row, place, issues);
    if (entry !== null) entries.push(entry);
  }
  return entries;
}

function caseLogEntry(row: CaseLogRow, place: RowPlace, issues: AttendanceIssue[]): CaseLogEntry | null {
  const fail = (field: string, message: string, expected: string, received?: string): null => {
    issues.push({
      code: field === 'date' ? 'invalid_date' : 'invalid_value',
      severity: 'error',
      message: upperFirst(message),
      path: place.unit === 'entry' ? [row.line - 1, field] : [field],
      line: row.line,
      field,
      expected,
      ...(received === undefined ? {} : { received }),
      ...(typeof row.pupilId === 'string' && row.pupilId !== '' ? { pupilId: row.pupilId } : {}),
      ...(typeof row.date === 'string' ? { date: row.date } : {}),
      ...(place.source === undefined ? {} : { source: place.source }),
    });
    return null;
  };
  const { pupilId, date, event: type } = row;
  if (typeof pupilId !== 'string' || pupilId.trim() === '') {
    return fail('pupil_id', 'the pupil id is missing.', "the pupil's id");
  }
  if (typeof type !== 'string' || !isRecordedEventType(type)) {
    const review = type === 'review';
    return fail(
      'event',
      review
        ? 'a review is not recorded in the case log: the command makes one each school week from the register.'
        : `unknown event ${typeof type === 'string' ? excerpt(type) : String(type)}.`,
      `one of ${RECORDED_EVENT_TYPES.join(', ')}`
    );
  }
  const details = typeof row.details === 'string' ? detailsFromText(row.details) : (row.details ?? {});
  if (typeof details === 'string') return fail('details', `the details are not ${details}.`, details);
  if (typeof details !== 'object' || Array.isArray(details)) {
    return fail('details', "the details must be an object of the event's fields.", 'an object');
  }
  const kinds = EVENT_DETAILS[type];
  const fields: Record<string, unknown> = { type, on: date };
  for (const [name, given] of Object.entries(details as Details)) {
    const kind = Object.hasOwn(kinds, name) ? kinds[name] : undefined;
    if (kind === undefined) {
      const known = Object.keys(kinds);
      return fail(
        // The name as given, cut short: a field is a path, not a quotation.
        `details.${name.slice(0, 80)}`,
        `a ${type} event has no detail ${excerpt(name)}; ${known.length === 0 ? 'it takes none' : `it takes ${known.join(', ')}`}.`,
        known.length === 0 ? 'no details' : known.join(', ')
      );
    }
    // CSV gives every value as text; JSON may give yes/no and stages as their own types.
    const value = typeof given === 'string' ? detailValue(kind, given.trim()) : given;
    if (
      value === undefined ||
      (kind === 'boolean' && typeof value !== 'boolean') ||
      (kind === 'stage' && !Number.isSafeInteger(value)) ||
      ((kind === 'text' || kind === 'date') && typeof value !== 'string')
    ) {
      return fail(
        `details.${name}`,
        `the ${type} event's ${name} must be ${detailExpected(kind)}.`,
        detailExpected(kind)
      );
    }
    fields[name] = value;
  }
  const shape = eventShapeFault(fields);
  if (shape !== null) {
    return shape.field === 'on'
      ? fail(
          'date',
          `the date ${typeof date === 'string' ? excerpt(date) : String(date)} is not a real day in YYYY-MM-DD form.`,
          'a real day as YYYY-MM-DD'
        )
      : fail('event', shape.message, 'a recorded event');
  }
  const event = fields as unknown as RecordedEvent;
  const fault = eventFieldFault(event, place.ladder);
  if (fault !== null) return fail(`details.${fault.field}`, fault.message, 'a detail the event needs');
  if (event.type === 'override' && (event.toStage as number | undefined) === undefined) {
    return fail('details.toStage', 'an override needs the stage chosen (toStage).', 'a stage number');
  }
  if (event.type === 'override' && event.toStage >= place.ladder.stages.length) {
    return fail(
      'details.toStage',
      `the ${place.ladder.name} ladder has stages 0 to ${place.ladder.stages.length - 1}; an override names stage ${event.toStage}.`,
      `a stage from 0 to ${place.ladder.stages.length - 1}`
    );
  }
  return { pupilId: pupilId.trim(), event, line: row.line };
}

// Messages are sentences; the file, line and pupil are given beside them (the command line prints them first).
function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
