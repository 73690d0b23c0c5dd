import { describe, expect, test } from 'vitest';
import { trustLadder } from '../../src/index.js';
import type { EscalationEvent } from '../../src/index.js';
import { eventFieldFault, eventShapeFault, isEventDate } from '../../src/escalation/checkEvent.js';

// The check of escalation events (src/escalation/checkEvent.ts), through its own exports: the exact fault (field
// and message) each malformed event gives, and that every well-formed event of each type passes.

const LADDER = trustLadder();
const ON = '2024-10-01';
const EVENT_TYPES =
  'review, letter-sent, meeting-held, plan-agreed, referral-made, penalty-notice-issued, penalty-notice-paid, ' +
  'penalty-notice-withdrawn, action-done, override, referral-outcome, barrier-recorded, support-assessed, ' +
  'support-offered, support-accepted, support-declined';

/** The field fault of an event given as loose data (a type and date are added). */
function fieldFault(type: string, fields: Record<string, unknown> = {}): ReturnType<typeof eventFieldFault> {
  return eventFieldFault({ type, on: ON, ...fields } as unknown as EscalationEvent, LADDER);
}

/** A review's figures: whole sessions, with any extra fields. */
function figures(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { possible: 10, attended: 9, absent: 1, ...extra };
}

describe('isEventDate', () => {
  test('only a string naming a real day is an event date', () => {
    expect(isEventDate('2024-09-10')).toBe(true);
    expect(isEventDate('2024-02-30')).toBe(false);
    expect(isEventDate(20240910)).toBe(false);
    expect(isEventDate(undefined)).toBe(false);
  });

  test('a String object with the text of a real day is not a string, so not an event date', () => {
    expect(isEventDate(new String('2024-09-10'))).toBe(false);
  });
});

describe('eventShapeFault', () => {
  test('a value that is not an object is refused at the event itself', () => {
    expect(eventShapeFault(null)).toEqual({
      field: '',
      message: 'An event must be an object with a type and a date; received null.',
    });
    expect(eventShapeFault('review')).toEqual({
      field: '',
      message: 'An event must be an object with a type and a date; received review.',
    });
  });

  test('an unknown type is quoted as JSON text and every known type is listed', () => {
    expect(eventShapeFault({ type: 'banana', on: ON })).toEqual({
      field: 'type',
      message: `Unknown event type "banana"; expected one of ${EVENT_TYPES}.`,
    });
  });

  test('a type that is not text is described, not quoted', () => {
    expect(eventShapeFault({ on: ON })).toEqual({
      field: 'type',
      message: `Unknown event type nothing; expected one of ${EVENT_TYPES}.`,
    });
    expect(eventShapeFault({ type: {}, on: ON })?.message).toBe(
      `Unknown event type an object; expected one of ${EVENT_TYPES}.`
    );
  });

  test('a date that names no real day is refused on the date', () => {
    expect(eventShapeFault({ type: 'review', on: '2024-02-30' })).toEqual({
      field: 'on',
      message: 'The review event\'s date "2024-02-30" is not a real day in YYYY-MM-DD form.',
    });
  });

  test('a known type with a real date passes', () => {
    expect(eventShapeFault({ type: 'meeting-held', on: ON })).toBeNull();
  });
});

describe('eventFieldFault: review', () => {
  test('whole figures pass', () => {
    expect(fieldFault('review', { figures: figures() })).toBeNull();
  });

  test('figures that are not an object are refused', () => {
    expect(fieldFault('review', { figures: null })).toEqual({
      field: 'figures',
      message: 'A review needs its figures (possible, attended and absent sessions); received null.',
    });
  });

  test('a figure that is not a whole number of sessions is refused, naming it', () => {
    expect(fieldFault('review', { figures: figures({ possible: 1.5 }) })).toEqual({
      field: 'figures.possible',
      message: 'Review figures are whole sessions, 0 or more; possible is 1.5.',
    });
    expect(fieldFault('review', { figures: figures({ absent: -1 }) })).toEqual({
      field: 'figures.absent',
      message: 'Review figures are whole sessions, 0 or more; absent is -1.',
    });
  });

  test('a penalty threshold date that names no real day is refused', () => {
    expect(fieldFault('review', { figures: figures({ penaltyThresholdReachedOn: '2024-13-01' }) })).toEqual({
      field: 'figures.penaltyThresholdReachedOn',
      message:
        'The date the penalty-notice threshold was reached, "2024-13-01", is not a real day in YYYY-MM-DD form.',
    });
    expect(fieldFault('review', { figures: figures({ penaltyThresholdReachedOn: ON }) })).toBeNull();
  });

  test('school weeks must be a whole number, 0 or more', () => {
    expect(fieldFault('review', { figures: figures({ schoolWeeks: 1.5 }) })).toEqual({
      field: 'figures.schoolWeeks',
      message: 'School weeks to date are a whole number, 0 or more; schoolWeeks is 1.5.',
    });
    expect(fieldFault('review', { figures: figures({ schoolWeeks: -1 }) })).toEqual({
      field: 'figures.schoolWeeks',
      message: 'School weeks to date are a whole number, 0 or more; schoolWeeks is -1.',
    });
    expect(fieldFault('review', { figures: figures({ schoolWeeks: 0 }) })).toBeNull();
    expect(fieldFault('review', { figures: figures({ schoolWeeks: 12 }) })).toBeNull();
  });

  test('the sessions behind the threshold must be a list', () => {
    expect(fieldFault('review', { figures: figures({ penaltyThresholdSessions: 'all of them' }) })).toEqual({
      field: 'figures.penaltyThresholdSessions',
      message: 'The sessions behind the penalty-notice threshold must be a list; received all of them.',
    });
    expect(fieldFault('review', { figures: figures({ penaltyThresholdSessions: [] }) })).toBeNull();
  });
});

describe('eventFieldFault: letters and actions', () => {
  const kinds = Object.keys(LADDER.actions).join(', ');

  test("a letter or action the ladder has passes; one it lacks is refused under the event's own field", () => {
    expect(fieldFault('letter-sent', { letter: 'letter-1' })).toBeNull();
    expect(fieldFault('action-done', { action: 'letter-1' })).toBeNull();
    expect(fieldFault('letter-sent', { letter: 'letter-9' })).toEqual({
      field: 'letter',
      message: `Unknown letter "letter-9"; expected one of ${kinds}.`,
    });
    expect(fieldFault('action-done', { action: 'home-visit' })).toEqual({
      field: 'action',
      message: `Unknown action "home-visit"; expected one of ${kinds}.`,
    });
  });

  test('the list of kinds names each action once, comma-separated', () => {
    expect(kinds).toContain('initial-warning-letter, letter-1');
  });

  test('a letter that is not text is refused even when it would name an action as a key', () => {
    expect(fieldFault('letter-sent', { letter: ['letter-1'] })).toEqual({
      field: 'letter',
      message: `Unknown letter an array; expected one of ${kinds}.`,
    });
  });
});

describe('eventFieldFault: plans', () => {
  test('a plan without its own review date passes', () => {
    expect(fieldFault('plan-agreed')).toBeNull();
  });

  test('a review date that names no real day is refused', () => {
    expect(fieldFault('plan-agreed', { reviewOn: '2024-02-30' })).toEqual({
      field: 'reviewOn',
      message: 'The plan\'s review date "2024-02-30" is not a real day in YYYY-MM-DD form.',
    });
  });

  test('a review date on the day the plan is agreed passes; the day before is refused', () => {
    expect(fieldFault('plan-agreed', { reviewOn: ON })).toBeNull();
    expect(fieldFault('plan-agreed', { reviewOn: '2024-09-30' })).toEqual({
      field: 'reviewOn',
      message: "The plan's review date 2024-09-30 comes before the day it was agreed (2024-10-01).",
    });
  });
});

describe('eventFieldFault: penalty notices', () => {
  test('an issued notice needs its id and the parent', () => {
    expect(fieldFault('penalty-notice-issued', { noticeId: 'PN1', parentId: 'M1' })).toBeNull();
    expect(fieldFault('penalty-notice-issued', { noticeId: 'PN1' })).toEqual({
      field: 'parentId',
      message: "The penalty-notice-issued event's parentId must be non-empty text; received nothing.",
    });
    expect(fieldFault('penalty-notice-issued', { parentId: 'M1' })).toEqual({
      field: 'noticeId',
      message: "The penalty-notice-issued event's noticeId must be non-empty text; received nothing.",
    });
  });

  test('an empty id is refused, quoted', () => {
    expect(fieldFault('penalty-notice-paid', { noticeId: '' })).toEqual({
      field: 'noticeId',
      message: 'The penalty-notice-paid event\'s noticeId must be non-empty text; received "".',
    });
    expect(fieldFault('penalty-notice-withdrawn', { noticeId: 'PN1' })).toBeNull();
  });
});

describe('eventFieldFault: overrides', () => {
  test('an override needs its reason as text, then who decided', () => {
    expect(fieldFault('override', { toStage: 1, reason: 'panel', by: 'AL' })).toBeNull();
    expect(fieldFault('override', { toStage: 1, reason: 42, by: 'AL' })).toEqual({
      field: 'reason',
      message: 'An override needs its reason as text; received 42.',
    });
    expect(fieldFault('override', { toStage: 1, reason: 'panel' })).toEqual({
      field: 'by',
      message: "The override event's by must be non-empty text; received nothing.",
    });
  });
});

describe('eventFieldFault: meetings and referrals', () => {
  test('a meeting has no fields to check, whatever else it carries', () => {
    expect(fieldFault('meeting-held')).toBeNull();
    expect(fieldFault('meeting-held', { service: 42 })).toBeNull();
  });

  test("a referral's service is optional, but when given it must be non-empty text (never quoted)", () => {
    expect(fieldFault('referral-made')).toBeNull();
    expect(fieldFault('referral-made', { service: 'school-nursing' })).toBeNull();
    const fault = {
      field: 'service',
      message: "The referral-made event's service must be non-empty text.",
    };
    expect(fieldFault('referral-made', { service: 42 })).toEqual(fault);
    expect(fieldFault('referral-made', { service: '' })).toEqual(fault);
    expect(fieldFault('referral-made', { service: '   ' })).toEqual(fault);
  });

  test("a referral's outcome needs the service and one of the outcomes", () => {
    expect(fieldFault('referral-outcome', { service: 'school-nursing', outcome: 'accepted' })).toBeNull();
    expect(fieldFault('referral-outcome', { outcome: 'accepted' })).toEqual({
      field: 'service',
      message: "The referral-outcome event's service must be non-empty text.",
    });
    const outcomes = 'accepted, declined, not-engaged, completed, no-further-action';
    expect(fieldFault('referral-outcome', { service: 'school-nursing', outcome: 'maybe' })).toEqual({
      field: 'outcome',
      message: `The referral-outcome event's outcome must be one of ${outcomes}; received "maybe".`,
    });
    expect(fieldFault('referral-outcome', { service: 'school-nursing', outcome: 42 })).toEqual({
      field: 'outcome',
      message: `The referral-outcome event's outcome must be one of ${outcomes}; received 42.`,
    });
    expect(fieldFault('referral-outcome', { service: 'school-nursing', outcome: {} })).toEqual({
      field: 'outcome',
      message: `The referral-outcome event's outcome must be one of ${outcomes}; received an object.`,
    });
  });
});

describe('eventFieldFault: barriers', () => {
  const barrierFault = {
    field: 'barrier',
    message: "The barrier-recorded event's barrier must be a kind of barrier in kebab-case (e.g. transport).",
  };

  test('a kebab-case barrier passes, with or without text details', () => {
    expect(fieldFault('barrier-recorded', { barrier: 'transport' })).toBeNull();
    expect(fieldFault('barrier-recorded', { barrier: 'transport', details: 'two buses' })).toBeNull();
  });

  test('a barrier that is not kebab-case text is refused', () => {
    expect(fieldFault('barrier-recorded', { barrier: 'Transport' })).toEqual(barrierFault);
    expect(fieldFault('barrier-recorded', { barrier: 42 })).toEqual(barrierFault);
    expect(fieldFault('barrier-recorded', {})).toEqual(barrierFault);
  });

  test('a barrier of up to 100 characters passes; 101 is refused', () => {
    expect(fieldFault('barrier-recorded', { barrier: 'a'.repeat(100) })).toBeNull();
    expect(fieldFault('barrier-recorded', { barrier: 'a'.repeat(101) })).toEqual(barrierFault);
  });

  test('details that are not text are refused', () => {
    expect(fieldFault('barrier-recorded', { barrier: 'transport', details: 42 })).toEqual({
      field: 'details',
      message: "The barrier-recorded event's details must be text, when given.",
    });
  });
});

describe('eventFieldFault: support', () => {
  test('an assessment must be true or false', () => {
    expect(fieldFault('support-assessed', { appropriate: false })).toBeNull();
    expect(fieldFault('support-assessed', { appropriate: 'yes' })).toEqual({
      field: 'appropriate',
      message: 'The support-assessed event\'s appropriate must be true or false; received "yes".',
    });
  });

  test('an offer needs the support and a tier', () => {
    expect(fieldFault('support-offered', { support: 'early-help', tier: 'voluntary' })).toBeNull();
    expect(fieldFault('support-offered', { support: 'early-help', tier: 'formal' })).toBeNull();
    expect(fieldFault('support-offered', { tier: 'voluntary' })).toEqual({
      field: 'support',
      message: "The support-offered event's support must be non-empty text.",
    });
    expect(fieldFault('support-offered', { support: 'early-help', tier: 'light' })).toEqual({
      field: 'tier',
      message: 'The support-offered event\'s tier must be one of voluntary, formal; received "light".',
    });
  });

  test('an answer names the support', () => {
    expect(fieldFault('support-accepted', { support: 'early-help' })).toBeNull();
    expect(fieldFault('support-declined', { support: ' ' })).toEqual({
      field: 'support',
      message: "The support-declined event's support must be non-empty text.",
    });
  });
});
