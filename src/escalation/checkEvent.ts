import { isIsoDateText } from '../calendar/isIsoDate.js';
import { describeValue } from '../sessions/checkMarks.js';
import { excerpt } from '../_internal/excerpt.js';
import type { EscalationLadder } from './ladder/types.js';
import { KEBAB_ID } from './support/kebabId.js';
import type { EscalationEvent } from './types.js';

// What makes an escalation event one the machine can apply at all: the machine is total, so an event that is
// not one is refused (with the field named), never thrown on and never taken in silence.

/** A field of an event that is wrong, and why. */
export interface EventFault {
  /** The field, as a dotted path within the event (e.g. `figures.possible`); `''` for the event itself. */
  readonly field: string;
  /** What was wrong, in plain English. */
  readonly message: string;
}

const EVENT_TYPES: readonly EscalationEvent['type'][] = [
  'review',
  'letter-sent',
  'meeting-held',
  'plan-agreed',
  'referral-made',
  'penalty-notice-issued',
  'penalty-notice-paid',
  'penalty-notice-withdrawn',
  'action-done',
  'override',
  'referral-outcome',
  'barrier-recorded',
  'support-assessed',
  'support-offered',
  'support-accepted',
  'support-declined',
];

const TIERS = ['voluntary', 'formal'];
const REFERRAL_OUTCOMES = ['accepted', 'declined', 'not-engaged', 'completed', 'no-further-action'];

// A short quotation: an event's text may be anything a person or a program typed, and messages end up in logs.
function quoted(value: unknown): string {
  return typeof value === 'string' ? excerpt(value) : describeValue(value);
}

/**
 * Whether a value is a real `YYYY-MM-DD` day.
 *
 * @param value - Anything.
 * @returns True for a real day.
 * @example
 * isEventDate('2024-02-30') //=> false
 */
export function isEventDate(value: unknown): boolean {
  return typeof value === 'string' && isIsoDateText(value);
}

/**
 * What is wrong with an event before it can even be ordered: not an object, an unknown type, or a date that names
 * no real day. An event that passes has a type the machine knows and a real date to compare.
 *
 * @param event - The event as given.
 * @returns The fault, or null.
 * @example
 * eventShapeFault(null)?.field //=> ''
 */
export function eventShapeFault(event: unknown): EventFault | null {
  if (typeof event !== 'object' || event === null) {
    return {
      field: '',
      message: `An event must be an object with a type and a date; received ${describeValue(event)}.`,
    };
  }
  const { type, on } = event as { type?: unknown; on?: unknown };
  if (!EVENT_TYPES.includes(type as EscalationEvent['type'])) {
    return {
      field: 'type',
      message: `Unknown event type ${quoted(type)}; expected one of ${EVENT_TYPES.join(', ')}.`,
    };
  }
  if (!isEventDate(on)) {
    return {
      field: 'on',
      message: `The ${String(type)} event's date ${quoted(on)} is not a real day in YYYY-MM-DD form.`,
    };
  }
  return null;
}

function wholeSessionsFault(figures: Record<string, unknown>, field: string): EventFault | null {
  const value = figures[field];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return null;
  return {
    field: `figures.${field}`,
    message: `Review figures are whole sessions, 0 or more; ${field} is ${describeValue(value)}.`,
  };
}

function textFault(event: Record<string, unknown>, field: string): EventFault | null {
  const value = event[field];
  if (typeof value === 'string' && value !== '') return null;
  return {
    field,
    message: `The ${String(event['type'])} event's ${field} must be non-empty text; received ${quoted(value)}.`,
  };
}

/**
 * A field holding special-category data (a barrier, a service, a kind of support) that is not what it should be.
 * The message says what was expected and never repeats the value: it may be a pupil's health or safeguarding
 * detail, and messages end up in logs.
 */
function privateFault(event: Record<string, unknown>, field: string, expected: string): EventFault {
  return { field, message: `The ${String(event['type'])} event's ${field} must be ${expected}.` };
}

function privateText(event: Record<string, unknown>, field: string, optional = false): EventFault | null {
  const value = event[field];
  if ((optional && value === undefined) || (typeof value === 'string' && value.trim() !== '')) return null;
  return privateFault(event, field, 'non-empty text');
}

function oneOf(event: Record<string, unknown>, field: string, values: readonly string[]): EventFault | null {
  const value = event[field];
  return typeof value === 'string' && values.includes(value)
    ? null
    : {
        field,
        message: `The ${String(event['type'])} event's ${field} must be one of ${values.join(', ')}; received ${quoted(value)}.`,
      };
}

/**
 * What is wrong with the fields of an event whose shape has passed {@link eventShapeFault}: figures that are not
 * whole sessions, a threshold date or plan review date that names no real day, a letter that is no action, a
 * notice or parent without an id, an override without a reason or a decider.
 *
 * @param event - The event, of a known type with a real date.
 * @param ladder - The ladder, whose actions a letter or action must name.
 * @returns The first fault, or null.
 * @example
 * eventFieldFault({ type: 'review', on: '2024-09-06', figures: { possible: 1.5, attended: 1.5, absent: 0 } }, trustLadder())
 * //=> { field: 'figures.possible', message: '…' }
 */
export function eventFieldFault(event: EscalationEvent, ladder: EscalationLadder): EventFault | null {
  const fields = event as unknown as Record<string, unknown>;
  switch (event.type) {
    case 'review': {
      const figures: unknown = event.figures;
      if (typeof figures !== 'object' || figures === null) {
        return {
          field: 'figures',
          message: `A review needs its figures (possible, attended and absent sessions); received ${describeValue(figures)}.`,
        };
      }
      const record = figures as Record<string, unknown>;
      const fault =
        wholeSessionsFault(record, 'possible') ??
        wholeSessionsFault(record, 'attended') ??
        wholeSessionsFault(record, 'absent');
      if (fault !== null) return fault;
      const reachedOn = record['penaltyThresholdReachedOn'];
      if (reachedOn !== undefined && !isEventDate(reachedOn)) {
        return {
          field: 'figures.penaltyThresholdReachedOn',
          message: `The date the penalty-notice threshold was reached, ${quoted(reachedOn)}, is not a real day in YYYY-MM-DD form.`,
        };
      }
      const schoolWeeks = record['schoolWeeks'];
      if (schoolWeeks !== undefined) {
        const weeksFault = wholeSessionsFault(record, 'schoolWeeks');
        if (weeksFault !== null) {
          return {
            ...weeksFault,
            message: `School weeks to date are a whole number, 0 or more; schoolWeeks is ${describeValue(schoolWeeks)}.`,
          };
        }
      }
      const sessions = record['penaltyThresholdSessions'];
      if (sessions !== undefined && !Array.isArray(sessions)) {
        return {
          field: 'figures.penaltyThresholdSessions',
          message: `The sessions behind the penalty-notice threshold must be a list; received ${describeValue(sessions)}.`,
        };
      }
      return null;
    }
    case 'letter-sent':
    case 'action-done': {
      const field = event.type === 'letter-sent' ? 'letter' : 'action';
      const kinds = Object.keys(ladder.actions);
      const kind = fields[field];
      return typeof kind === 'string' && Object.hasOwn(ladder.actions, kind)
        ? null
        : {
            field,
            message: `Unknown ${field} ${quoted(kind)}; expected one of ${kinds.join(', ')}.`,
          };
    }
    case 'plan-agreed': {
      const reviewOn: unknown = event.reviewOn;
      if (reviewOn === undefined) return null;
      if (!isEventDate(reviewOn)) {
        return {
          field: 'reviewOn',
          message: `The plan's review date ${quoted(reviewOn)} is not a real day in YYYY-MM-DD form.`,
        };
      }
      const reviewDate = reviewOn as string;
      return reviewDate < event.on
        ? {
            field: 'reviewOn',
            message: `The plan's review date ${reviewDate} comes before the day it was agreed (${event.on}).`,
          }
        : null;
    }
    case 'penalty-notice-issued':
      return textFault(fields, 'noticeId') ?? textFault(fields, 'parentId');
    case 'penalty-notice-paid':
    case 'penalty-notice-withdrawn':
      return textFault(fields, 'noticeId');
    case 'override':
      return typeof fields['reason'] === 'string'
        ? textFault(fields, 'by')
        : {
            field: 'reason',
            message: `An override needs its reason as text; received ${quoted(fields['reason'])}.`,
          };
    case 'meeting-held':
      return null;
    case 'referral-made':
      return privateText(fields, 'service', true);
    case 'referral-outcome':
      return privateText(fields, 'service') ?? oneOf(fields, 'outcome', REFERRAL_OUTCOMES);
    case 'barrier-recorded': {
      const barrier = fields['barrier'];
      if (typeof barrier !== 'string' || !KEBAB_ID.test(barrier) || barrier.length > 100) {
        return privateFault(fields, 'barrier', 'a kind of barrier in kebab-case (e.g. transport)');
      }
      return fields['details'] === undefined || typeof fields['details'] === 'string'
        ? null
        : privateFault(fields, 'details', 'text, when given');
    }
    case 'support-assessed':
      return typeof fields['appropriate'] === 'boolean'
        ? null
        : {
            field: 'appropriate',
            message: `The support-assessed event's appropriate must be true or false; received ${quoted(fields['appropriate'])}.`,
          };
    case 'support-offered':
      return privateText(fields, 'support') ?? oneOf(fields, 'tier', TIERS);
    case 'support-accepted':
    case 'support-declined':
      return privateText(fields, 'support');
  }
}
