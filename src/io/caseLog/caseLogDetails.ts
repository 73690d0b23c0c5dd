import type { RecordedEvent } from './types.js';

// The details of each kind of recorded event: the event's fields other than its type and date, by name, with the
// kind of value each holds. A case log's `details` column (or key) carries them; this table is the one place that
// says which belong to which event, so reading and writing a log cannot disagree.

/** The kind of a detail's value: text, a date, yes/no, or a stage number. */
export type DetailKind = 'text' | 'date' | 'boolean' | 'stage';

/** The details each recorded event may carry. */
export const EVENT_DETAILS: Readonly<Record<RecordedEvent['type'], Readonly<Record<string, DetailKind>>>> = {
  'letter-sent': { letter: 'text' },
  'meeting-held': {},
  'plan-agreed': { reviewOn: 'date' },
  'referral-made': { service: 'text' },
  'referral-outcome': { service: 'text', outcome: 'text' },
  'barrier-recorded': { barrier: 'text', details: 'text' },
  'support-assessed': { appropriate: 'boolean' },
  'support-offered': { support: 'text', tier: 'text' },
  'support-accepted': { support: 'text' },
  'support-declined': { support: 'text' },
  'penalty-notice-issued': { noticeId: 'text', parentId: 'text' },
  'penalty-notice-paid': { noticeId: 'text' },
  'penalty-notice-withdrawn': { noticeId: 'text' },
  'action-done': { action: 'text' },
  override: { toStage: 'stage', reason: 'text', by: 'text' },
};

/** The recorded event types, in the table's order. */
export const RECORDED_EVENT_TYPES = Object.keys(EVENT_DETAILS) as readonly RecordedEvent['type'][];

/**
 * Whether a text names an event a person records.
 *
 * @param type - The text.
 * @returns True for a recorded event's type.
 * @example
 * isRecordedEventType('letter-sent') //=> true
 * isRecordedEventType('review') //=> false
 */
export function isRecordedEventType(type: string): type is RecordedEvent['type'] {
  return Object.hasOwn(EVENT_DETAILS, type);
}

/**
 * A detail as written in a CSV cell or on a command line, turned into its kind of value.
 *
 * @param kind - The detail's kind.
 * @param text - The text given.
 * @returns The value, or undefined when the text is not one of its kind.
 * @example
 * detailValue('boolean', 'yes') //=> true
 * detailValue('stage', '2') //=> 2
 */
export function detailValue(kind: DetailKind, text: string): string | number | boolean | undefined {
  switch (kind) {
    case 'text':
    case 'date':
      return text;
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'yes') return true;
      if (lower === 'false' || lower === 'no') return false;
      return undefined;
    }
    case 'stage':
      return /^\d{1,2}$/.test(text) ? Number(text) : undefined;
  }
}

/**
 * What a detail's value should be, in words for a message.
 *
 * @param kind - The detail's kind.
 * @returns The words.
 * @example
 * detailExpected('date') //=> 'a date as YYYY-MM-DD'
 */
export function detailExpected(kind: DetailKind): string {
  switch (kind) {
    case 'text':
      return 'text';
    case 'date':
      return 'a date as YYYY-MM-DD';
    case 'boolean':
      return 'yes or no (or true or false)';
    case 'stage':
      return 'a stage number';
  }
}

// A value written as `name=value` pairs must not hold what separates them, or start like a JSON object.
const NEEDS_JSON = /[;\r\n]|^\s|\s$|^\{/;

/**
 * An event's details as a case log's `details` cell: `name=value` pairs joined by `; ` (e.g.
 * `letter=letter-1`), or a JSON object when a value holds a `;`, a line break, or space at either end.
 *
 * @param event - The event.
 * @returns The cell's text; empty for an event with no details.
 * @example
 * detailsText({ type: 'letter-sent', on: '2024-10-04', letter: 'letter-1' }) //=> 'letter=letter-1'
 */
export function detailsText(event: RecordedEvent): string {
  const values = detailsOf(event);
  const entries = Object.entries(values);
  if (entries.some(([, value]) => typeof value === 'string' && NEEDS_JSON.test(value))) {
    return JSON.stringify(values);
  }
  return entries.map(([name, value]) => `${name}=${String(value)}`).join('; ');
}

/**
 * An event's details as an object: its fields other than the type and date, in the table's order.
 *
 * @param event - The event.
 * @returns The details.
 * @example
 * detailsOf({ type: 'override', on: '2024-10-04', toStage: 2, reason: 'Panel', by: 'AB' }) //=> { toStage: 2, reason: 'Panel', by: 'AB' }
 */
export function detailsOf(event: RecordedEvent): Record<string, string | number | boolean> {
  const fields = event as unknown as Readonly<Record<string, unknown>>;
  const details: Record<string, string | number | boolean> = {};
  for (const name of Object.keys(EVENT_DETAILS[event.type])) {
    const value = fields[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      details[name] = value;
  }
  return details;
}
