import fc from 'fast-check';
import { defineEscalationPolicy } from '../../src/index.js';
import type {
  EscalationActionKind,
  EscalationEvent,
  EscalationFigures,
  EscalationPolicy,
  EscalationStage,
  IsoDate,
} from '../../src/index.js';
import { dateAfter } from './penaltyNotice.js';

/** The first date the escalation arbitraries use: the start of 2024/25, after the national framework began. */
export const ESCALATION_START = '2024-09-02';

/** The notice references the arbitraries use: few, so that paid, withdrawn and repeated ids meet known notices. */
export const NOTICE_IDS = ['PN-1', 'PN-2', 'PN-3', 'PN-4', 'PN-5'] as const;

/** The parents the arbitraries use: two, so that the limit of notices per parent is often reached. */
export const ESCALATION_PARENTS = ['M', 'F'] as const;

/** Every action kind, letters or not, so that `letter-sent` is sometimes for something never due. */
export const ACTION_KINDS: readonly EscalationActionKind[] = [
  'initial-warning-letter',
  'letter-1',
  'attendance-leader-contact',
  'letter-2',
  'attendance-panel-meeting',
  'attendance-plan',
  'letter-3',
  'education-welfare-referral',
  'consider-penalty-notice',
  'other-action-needed',
  'continued-monitoring',
];

/** The letters a stage may ask for. */
export const LETTER_KINDS: readonly EscalationActionKind[] = [
  'initial-warning-letter',
  'letter-1',
  'letter-2',
  'letter-3',
];

/** Every stage. */
export const STAGES: readonly EscalationStage[] = [0, 1, 2, 3, 4, 5];

/** What happens at one step, before dates and running totals are filled in. */
type Draft =
  | {
      readonly kind: 'review';
      /** Sessions since the previous review (0 in a holiday week). */
      readonly sessions: number;
      /** Tenths of those sessions missed (rounded down). */
      readonly missedTenths: number;
      /** Whether the penalty-notice threshold was reached again, on this review's date. */
      readonly reachesThreshold: boolean;
    }
  | { readonly kind: 'letter-sent'; readonly letter: EscalationActionKind }
  | {
      readonly kind: 'broken-review';
      /** Figures that do not add up, or that fall below the previous review's. */
      readonly fault: 'unbalanced' | 'falling';
    }
  | { readonly kind: 'meeting-held' }
  | { readonly kind: 'plan-agreed'; readonly reviewAfterDays: number | null }
  | { readonly kind: 'referral-made' }
  | { readonly kind: 'penalty-notice-issued'; readonly noticeId: string; readonly parentId: string }
  | { readonly kind: 'penalty-notice-paid'; readonly noticeId: string }
  | { readonly kind: 'penalty-notice-withdrawn'; readonly noticeId: string }
  | { readonly kind: 'override'; readonly toStage: EscalationStage; readonly by: string }
  | { readonly kind: 'barrier-recorded'; readonly barrier: string }
  | { readonly kind: 'support-assessed'; readonly appropriate: boolean }
  | { readonly kind: 'support-offered'; readonly support: string; readonly tier: 'voluntary' | 'formal' }
  | { readonly kind: 'support-answer'; readonly support: string; readonly accepted: boolean }
  | {
      readonly kind: 'referral-outcome';
      readonly service: string;
      readonly outcome: 'accepted' | 'declined';
    };

/** One step: how many days after the previous one, or (out of order) how many days before it. */
interface DraftStep {
  readonly draft: Draft;
  readonly gapDays: number;
  readonly outOfOrderDays: number | null;
}

const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      sessions: fc.integer({ min: 0, max: 10 }),
      missedTenths: fc.oneof(
        { weight: 2, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 3 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 }) }
      ),
      reachesThreshold: fc.oneof(
        { weight: 24, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) }
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('letter-sent' as const),
      letter: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...LETTER_KINDS) },
        { weight: 1, arbitrary: fc.constantFrom(...ACTION_KINDS) }
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('broken-review' as const),
      fault: fc.constantFrom('unbalanced' as const, 'falling' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('meeting-held' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('plan-agreed' as const),
      reviewAfterDays: fc.option(fc.integer({ min: 0, max: 60 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('referral-made' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('penalty-notice-issued' as const),
      noticeId: fc.constantFrom(...NOTICE_IDS),
      parentId: fc.constantFrom(...ESCALATION_PARENTS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom('penalty-notice-paid' as const, 'penalty-notice-withdrawn' as const),
      noticeId: fc.constantFrom(...NOTICE_IDS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      toStage: fc.constantFrom(...STAGES),
      by: fc.constantFrom('Head of School', 'PSA', 'Attendance Leader'),
    }),
  }
);

const SUPPORTS = ['early-help', 'attendance-contract', 'school-nursing'] as const;

/** The support events of a support-first ladder, some naming support never offered. */
const supportDraftArb: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('barrier-recorded' as const),
      barrier: fc.constantFrom('transport', 'mental-health', 'young-carer'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('support-assessed' as const), appropriate: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('support-offered' as const),
      support: fc.constantFrom(...SUPPORTS),
      tier: fc.constantFrom('voluntary' as const, 'formal' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('support-answer' as const),
      support: fc.constantFrom(...SUPPORTS),
      accepted: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('referral-outcome' as const),
      service: fc.constantFrom(...SUPPORTS),
      outcome: fc.constantFrom('accepted' as const, 'declined' as const),
    }),
  }
);

const stepOf = (draft: fc.Arbitrary<Draft>): fc.Arbitrary<DraftStep> =>
  fc.record({
    draft,
    gapDays: fc.oneof(
      { weight: 3, arbitrary: fc.constant(7) },
      { weight: 3, arbitrary: fc.constant(0) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: 8, max: 45 }) }
    ),
    outOfOrderDays: fc.oneof(
      { weight: 19, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }) }
    ),
  });
const draftStepArb = stepOf(draftArb);
const supportDraftStepArb = stepOf(
  fc.oneof({ weight: 3, arbitrary: draftArb }, { weight: 1, arbitrary: supportDraftArb })
);

/** Turns drafts into dated events, with cumulative figures that only grow and add up. */
function toEvents(steps: readonly DraftStep[]): EscalationEvent[] {
  let date: IsoDate = dateAfter(ESCALATION_START, 0);
  let attended = 0;
  let absent = 0;
  let thresholdOn: IsoDate | undefined;
  let reaches = 0;
  let schoolWeeks = 0;
  return steps.map(({ draft, gapDays, outOfOrderDays }): EscalationEvent => {
    date = dateAfter(date, gapDays);
    // An out-of-order event is dated before the current date, which does not move back.
    const on = outOfOrderDays === null ? date : dateAfter(date, -outOfOrderDays);
    switch (draft.kind) {
      case 'review': {
        if (outOfOrderDays === null) {
          const missed = Math.floor((draft.sessions * draft.missedTenths) / 10);
          attended += draft.sessions - missed;
          absent += missed;
          if (draft.sessions > 0) schoolWeeks += 1;
          if (draft.reachesThreshold) {
            thresholdOn = date;
            reaches += 1;
          }
        }
        // Every third reach is a holiday in term time (all G), the others unauthorised absence: without drawing
        // more values, so the trust's runs see the same events as before the support-first ladder.
        const code = reaches % 3 === 0 ? 'G' : 'U';
        const figures: EscalationFigures = {
          possible: attended + absent,
          attended,
          absent,
          schoolWeeks,
          ...(thresholdOn === undefined
            ? {}
            : {
                penaltyThresholdReachedOn: thresholdOn,
                penaltyThresholdSessions: [{ date: thresholdOn, session: 'AM' as const, code }],
              }),
        };
        return { type: 'review', on, figures };
      }
      case 'broken-review': {
        // The running totals are left as they were: the next good review carries on from them.
        const figures: EscalationFigures =
          draft.fault === 'falling' && attended + absent > 0
            ? attended > 0
              ? { possible: attended - 1 + absent, attended: attended - 1, absent }
              : { possible: absent - 1, attended, absent: absent - 1 }
            : { possible: attended + absent + 1, attended, absent };
        return { type: 'review', on, figures };
      }
      case 'letter-sent':
        return { type: 'letter-sent', on, letter: draft.letter };
      case 'meeting-held':
        return { type: 'meeting-held', on };
      case 'plan-agreed':
        return draft.reviewAfterDays === null
          ? { type: 'plan-agreed', on }
          : { type: 'plan-agreed', on, reviewOn: dateAfter(on, draft.reviewAfterDays) };
      case 'referral-made':
        return { type: 'referral-made', on };
      case 'penalty-notice-issued':
        return { type: 'penalty-notice-issued', on, noticeId: draft.noticeId, parentId: draft.parentId };
      case 'penalty-notice-paid':
        return { type: 'penalty-notice-paid', on, noticeId: draft.noticeId };
      case 'penalty-notice-withdrawn':
        return { type: 'penalty-notice-withdrawn', on, noticeId: draft.noticeId };
      case 'override':
        return {
          type: 'override',
          on,
          toStage: draft.toStage,
          reason: 'decided at the attendance meeting',
          by: draft.by,
        };
      case 'barrier-recorded':
        return { type: 'barrier-recorded', on, barrier: draft.barrier };
      case 'support-assessed':
        return { type: 'support-assessed', on, appropriate: draft.appropriate };
      case 'support-offered':
        return { type: 'support-offered', on, support: draft.support, tier: draft.tier };
      case 'support-answer':
        return { type: draft.accepted ? 'support-accepted' : 'support-declined', on, support: draft.support };
      case 'referral-outcome':
        return { type: 'referral-outcome', on, service: draft.service, outcome: draft.outcome };
    }
  });
}

/**
 * A pupil's events over about a year, in the order they are applied: reviews whose cumulative figures only grow
 * (attended + absent = possible) with, now and then, a new date on which the penalty-notice threshold was reached;
 * letters, meetings, plans, referrals, notices (issued, paid, withdrawn) and overrides, whether due or not, all
 * with non-decreasing dates; about one event in twenty dated before the one before it; and, rarely, a review whose
 * figures do not add up or fall below the previous ones.
 * @param options - The number of events.
 * @param options.maxLength - The most events (default 80).
 * @param options.support - Whether to add the support events of a support-first ladder (barriers, assessments,
 *   offers and their answers, referral outcomes), some naming support never offered.
 */
export function escalationEventsArb(
  options: { maxLength?: number; support?: boolean } = {}
): fc.Arbitrary<EscalationEvent[]> {
  return fc
    .array(options.support === true ? supportDraftStepArb : draftStepArb, {
      maxLength: options.maxLength ?? 80,
      size: 'max',
    })
    .map(toEvents);
}

/** The trust preset, or a variant of it: with or without the jump to stage 4, re-entry at stage 1, other caps. */
export const escalationPolicyArb: fc.Arbitrary<EscalationPolicy> = fc
  .record({
    skipToPenaltyNotice: fc.boolean(),
    reentry: fc.constantFrom('stage-before-improvement' as const, 'stage-1' as const),
    maximumExtensionWeeks: fc.option(fc.integer({ min: 0, max: 6 })),
    minimumPossibleSessions: fc.constantFrom(0, 20),
  })
  .map((overrides) => defineEscalationPolicy(overrides));
