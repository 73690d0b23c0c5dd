import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { appendToCaseLog } from '../../io/caseLog/appendToCaseLog.js';
import {
  EVENT_DETAILS,
  RECORDED_EVENT_TYPES,
  detailValue,
  isRecordedEventType,
} from '../../io/caseLog/caseLogDetails.js';
import type { RecordedEvent } from '../../io/caseLog/types.js';
import type { LoadedCaseLog } from '../load/loadCaseLog.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import type { RecordOptions } from '../types.js';
import { UsageError } from '../usageError.js';
import { excerpt } from '../../_internal/excerpt.js';

/**
 * `record`: the case log's new text with one event added at its end, checked as the escalation run checks the
 * log's rows (the same checks, so what `record` writes, `escalation --events` reads).
 *
 * @param log - The case log as it is (empty when not yet started).
 * @param pupilId - The pupil.
 * @param record - The event's type, date and `name=value` details.
 * @param ladder - The ladder whose letters, actions and stages the event names.
 * @returns The new text, and the event as recorded.
 * @throws {@link UsageError} For an unknown event or a detail not written as `name=value`.
 * @throws {@link AttendanceError} If the event is not one the ladder can take (a letter it does not name…).
 * @example
 * recordCommand(log, 'P1', { event: 'meeting-held', date: '2024-10-08', details: [] }, ladder).text
 */
export function recordCommand(
  log: LoadedCaseLog,
  pupilId: string,
  record: RecordOptions,
  ladder: EscalationLadder
): { text: string; event: RecordedEvent } {
  const command = 'record';
  if (!isRecordedEventType(record.event)) {
    throw new UsageError(
      `--event must be one of ${RECORDED_EVENT_TYPES.join(', ')}; received ${excerpt(record.event)}.`,
      command
    );
  }
  const kinds = EVENT_DETAILS[record.event];
  const fields: Record<string, unknown> = { type: record.event, on: record.date };
  for (const detail of record.details) {
    const equals = detail.indexOf('=');
    const name = equals <= 0 ? '' : detail.slice(0, equals).trim();
    if (name === '') {
      throw new UsageError(
        `--detail must be written NAME=VALUE, e.g. letter=letter-1; received ${excerpt(detail)}.`,
        command
      );
    }
    const kind = Object.hasOwn(kinds, name) ? kinds[name] : undefined;
    const known = Object.keys(kinds);
    if (kind === undefined) {
      throw new UsageError(
        `A ${record.event} event has no detail ${excerpt(name)}; ${known.length === 0 ? 'it takes none' : `it takes ${known.join(', ')}`}.`,
        command
      );
    }
    if (Object.hasOwn(fields, name)) throw new UsageError(`--detail ${name} is given twice.`, command);
    // A value that is not of its kind is kept as text, so the event check below names the field.
    fields[name] = detailValue(kind, detail.slice(equals + 1).trim()) ?? detail.slice(equals + 1).trim();
  }
  const event = fields as unknown as RecordedEvent;
  try {
    return {
      text: appendToCaseLog(
        log.text,
        { pupilId, event },
        { format: log.format, source: log.source, policy: ladder }
      ),
      event,
    };
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    // The new entry's problems are about the command line, not a line of the file.
    const issues = error.issues.map((issue): AttendanceIssue => {
      if (issue.line === undefined || issue.field === undefined) return issue;
      const rest: Record<string, unknown> = { ...issue };
      delete rest['line'];
      return {
        ...(rest as unknown as AttendanceIssue),
        path: [issue.field],
        message: `The event to record: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`,
      };
    });
    throw new AttendanceError([issues[0]!, ...issues.slice(1)]);
  }
}
