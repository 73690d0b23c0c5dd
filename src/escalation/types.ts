import type { IsoDate } from '../calendar/types.js';
import type { PenaltyNoticeRecord } from '../penalties/types.js';
import type { WindowMark } from '../windows/types.js';
import type { BarrierKind, CaseSupport, ReferralOutcome, SupportTier } from './support/types.js';

/**
 * A stage of support, numbered by its place in the ladder (every pupil starts at 0). On the trust's ladder: 0
 * universal monitoring, 1 letter and monitoring, 2 attendance panel and plan, 3 referral to the education welfare
 * service, 4 penalty notice, 5 continued monitoring after improvement. Other ladders have their own stages
 * ({@link EscalationLadder}).
 *
 * @category Escalation
 */
export type EscalationStage = number;

/**
 * The register facts as of a review: cumulative counts for the period being monitored (e.g. the school year to
 * date) and, optionally, the penalty-notice window's findings.
 *
 * @category Escalation
 */
export interface EscalationFigures {
  /** Possible sessions to date. */
  readonly possible: number;
  /** Sessions attended to date (present plus approved educational activity). */
  readonly attended: number;
  /** Sessions absent to date (authorised plus unauthorised). */
  readonly absent: number;
  /**
   * The last date of the latest window that reached the penalty-notice threshold on or before the review, if any
   * (from {@link assessPenaltyNoticeThreshold}); a later date than the one last acted on triggers stage 4.
   */
  readonly penaltyThresholdReachedOn?: IsoDate;
  /** The sessions behind that window, for the evidence of a penalty-notice action. */
  readonly penaltyThresholdSessions?: readonly WindowMark[];
  /**
   * School weeks to date: the weeks with at least one session, from the start of the counts up to and including
   * the review's week. A ladder whose review periods are in school weeks (a Notice to Improve's improvement
   * period) needs it; {@link runEscalation} gives it.
   */
  readonly schoolWeeks?: number;
}

/**
 * Something that happened, with its own date: the machine never reads a clock.
 *
 * @category Escalation
 */
export type EscalationEvent =
  | {
      /** A periodic review with the register facts as of its date. */
      readonly type: 'review';
      /** The review date. */
      readonly on: IsoDate;
      /** The register facts as of that date. */
      readonly figures: EscalationFigures;
    }
  | {
      /** A letter was sent. */
      readonly type: 'letter-sent';
      /** The date it was sent. */
      readonly on: IsoDate;
      /** Which letter: the kind of the action that asked for it. */
      readonly letter: EscalationActionKind;
    }
  | {
      /** The attendance panel meeting took place (stage 2). */
      readonly type: 'meeting-held';
      /** The meeting date. */
      readonly on: IsoDate;
    }
  | {
      /** A formal attendance plan was agreed (stage 2); its review is due after the policy's plan period. */
      readonly type: 'plan-agreed';
      /** The date it was agreed. */
      readonly on: IsoDate;
      /** A review date other than the policy's default. */
      readonly reviewOn?: IsoDate;
    }
  | {
      /**
       * A referral was made: the ladder's own (the trust's education welfare referral at stage 3), or, with
       * `service`, to a partner service.
       */
      readonly type: 'referral-made';
      /** The referral date. */
      readonly on: IsoDate;
      /** The service referred to (special-category data: kept in the support record, never in messages). */
      readonly service?: string;
    }
  | {
      /** What became of a referral to a partner service. */
      readonly type: 'referral-outcome';
      /** The date of the outcome. */
      readonly on: IsoDate;
      /** The service, as named when the referral was made. */
      readonly service: string;
      /** The outcome. */
      readonly outcome: ReferralOutcome;
    }
  | {
      /** A barrier to attendance was recorded (special-category data, kept in the support record only). */
      readonly type: 'barrier-recorded';
      /** The date it was recorded. */
      readonly on: IsoDate;
      /** Which barrier. */
      readonly barrier: BarrierKind;
      /** Free-text details, if any. */
      readonly details?: string;
    }
  | {
      /** Whether support is appropriate was assessed (it is not, for example, for term-time leave). */
      readonly type: 'support-assessed';
      /** The date of the assessment. */
      readonly on: IsoDate;
      /** Whether support is appropriate. */
      readonly appropriate: boolean;
    }
  | {
      /** Support was offered to the family. */
      readonly type: 'support-offered';
      /** The date it was offered. */
      readonly on: IsoDate;
      /** What was offered: a service id or a kind of support (e.g. `'early-help'`). */
      readonly support: string;
      /** Its tier: voluntary (e.g. early help) or formal (an attendance contract). */
      readonly tier: SupportTier;
    }
  | {
      /** The family accepted (engaged with) support offered. */
      readonly type: 'support-accepted';
      /** The date. */
      readonly on: IsoDate;
      /** The support, as named when it was offered. */
      readonly support: string;
    }
  | {
      /** The family declined, or stopped engaging with, support offered. */
      readonly type: 'support-declined';
      /** The date. */
      readonly on: IsoDate;
      /** The support, as named when it was offered. */
      readonly support: string;
    }
  | {
      /** A penalty notice was issued (stage 4). */
      readonly type: 'penalty-notice-issued';
      /** The issue date. */
      readonly on: IsoDate;
      /** The notice's reference. */
      readonly noticeId: string;
      /** The parent it was issued to. */
      readonly parentId: string;
    }
  | {
      /** A penalty notice was paid. */
      readonly type: 'penalty-notice-paid';
      /** The payment date. */
      readonly on: IsoDate;
      /** The notice's reference. */
      readonly noticeId: string;
    }
  | {
      /** A penalty notice was withdrawn; it no longer counts toward the limit. */
      readonly type: 'penalty-notice-withdrawn';
      /** The withdrawal date. */
      readonly on: IsoDate;
      /** The notice's reference. */
      readonly noticeId: string;
    }
  | {
      /** Any other action was done (a call, a home visit, a contract signed…). */
      readonly type: 'action-done';
      /** The date it was done. */
      readonly on: IsoDate;
      /** Which action: its kind, as the ladder names it. */
      readonly action: EscalationActionKind;
    }
  | {
      /** A person moved the pupil to a stage by hand. */
      readonly type: 'override';
      /** The date of the decision. */
      readonly on: IsoDate;
      /** The stage chosen. */
      readonly toStage: EscalationStage;
      /** Why, in words, for the case record. */
      readonly reason: string;
      /** Who decided. */
      readonly by: string;
    };

/**
 * What an action asks a person to do: one of the trust ladder's actions, or an action another ladder names
 * ({@link EscalationLadder.actions}).
 *
 * @category Escalation
 */
// `string & {}` keeps the trust's kinds offered by editors while any ladder's own kinds are accepted.

export type EscalationActionKind = TrustActionKind | (string & {});

/**
 * The actions of the trust's ladder.
 *
 * @category Escalation
 */
export type TrustActionKind =
  | 'initial-warning-letter'
  | 'letter-1'
  | 'attendance-leader-contact'
  | 'letter-2'
  | 'attendance-panel-meeting'
  | 'attendance-plan'
  | 'letter-3'
  | 'education-welfare-referral'
  | 'consider-penalty-notice'
  | 'other-action-needed'
  | 'continued-monitoring';

/**
 * An action due: plain data, with the figures and sessions that justify it.
 *
 * @category Escalation
 */
export interface EscalationAction {
  /** Unique within the pupil's history: the stage entry number and the kind, e.g. `'3:letter-2'`. */
  readonly id: string;
  /** What to do. */
  readonly kind: EscalationActionKind;
  /** The stage that asks for it. */
  readonly stage: EscalationStage;
  /** When it is due. */
  readonly dueOn: IsoDate;
  /** Why, in plain English. */
  readonly reason: string;
  /** The register facts at the time. */
  readonly figures: EscalationFigures | null;
}

/**
 * Why the machine moved between stages outside the ordinary one-step path.
 *
 * - `penalty-threshold`: the penalty-notice threshold was reached before stage 3 (e.g. a term-time holiday).
 * - `override`: a person chose the stage.
 * - `re-entry`: attendance declined in continued monitoring, and proceedings resume at an earlier stage.
 * - `improvement`: attendance improved, and the pupil moves to continued monitoring.
 * - `absence-level`: absence reached a level that starts a later stage at once (persistent or severe absence).
 *
 * @category Escalation
 */
export type EscalationJump = 'penalty-threshold' | 'override' | 're-entry' | 'improvement' | 'absence-level';

/**
 * One entry of the history: a change of stage, or an event recorded without one.
 *
 * @category Escalation
 */
export interface EscalationHistoryEntry {
  /** The date of the event. */
  readonly on: IsoDate;
  /** The event's type. */
  readonly event: EscalationEvent['type'];
  /** The stage before. */
  readonly from: EscalationStage;
  /** The stage after (the same when nothing moved). */
  readonly to: EscalationStage;
  /** The documented jump, when the move is not one step forward; `null` otherwise. */
  readonly jump: EscalationJump | null;
  /** Why, in plain English, with the figures. */
  readonly reason: string;
  /** The ids of the actions this event made due. */
  readonly actions: readonly string[];
}

/**
 * A pupil's escalation state: plain JSON-safe data, so `JSON.parse(JSON.stringify(state))` is an equal state.
 *
 * @category Escalation
 */
export interface EscalationState {
  /** The pupil the state belongs to. */
  readonly pupilId: string;
  /** The current stage. */
  readonly stage: EscalationStage;
  /** The date the current stage was entered; `null` at the start. */
  readonly enteredOn: IsoDate | null;
  /** How many times a stage has been entered; action ids carry it, so each entry sends its actions once. */
  readonly entry: number;
  /** The figures when the current stage (or its attendance plan) began; improvement is measured from them. */
  readonly baseline: EscalationFigures | null;
  /** When the current monitoring or review period ends, if the stage has one. */
  readonly reviewDueOn: IsoDate | null;
  /** Weeks added to stage 1 monitoring for further absence. */
  readonly extensionWeeks: number;
  /** The stage the pupil was at when attendance improved (for re-entry from stage 5). */
  readonly stageBeforeImprovement: EscalationStage | null;
  /** The last window end date for which a penalty notice was considered. */
  readonly penaltyConsideredThrough: IsoDate | null;
  /** The latest review's figures. */
  readonly latestFigures: EscalationFigures | null;
  /** The date of the latest event; earlier events are refused. */
  readonly latestEventOn: IsoDate | null;
  /** The ids of the actions made due in the current stage entry. */
  readonly dueActions: readonly string[];
  /** The ids of the actions acknowledged (letters sent, meetings held, referrals made). */
  readonly completedActions: readonly string[];
  /** Penalty notices issued for this pupil, for the national limit. */
  readonly notices: readonly PenaltyNoticeRecord[];
  /** Every event, in order, with its reason. */
  readonly history: readonly EscalationHistoryEntry[];
  /**
   * Barriers, support and referrals recorded (special-category data). A state stored before this field existed
   * reads as having none.
   */
  readonly support: CaseSupport;
}

/**
 * Why an event was refused: the state is unchanged.
 *
 * @category Escalation
 */
export interface EscalationRefusal {
  /** The kind of refusal. */
  readonly code:
    | 'out-of-order'
    | 'wrong-stage'
    | 'unknown-notice'
    | 'unknown-support'
    | 'notice-limit-reached'
    | 'not-due'
    | 'invalid-event';
  /** What was wrong, in plain English. */
  readonly message: string;
  /**
   * For an `invalid-event` refusal, the field of the event that was wrong, as a dotted path within the event
   * (e.g. `'on'`, `'figures.possible'`, `'figures.penaltyThresholdReachedOn'`); absent when the event as a whole
   * is not one, and for the other refusals.
   */
  readonly field?: string;
}

/**
 * The result of {@link transition}: the next state and the actions due, or a refusal with the state unchanged.
 *
 * @category Escalation
 */
export type TransitionResult =
  | {
      /** The event was applied. */
      readonly ok: true;
      /** The next state. */
      readonly state: EscalationState;
      /** The actions made due by this event (already sent ones are never repeated). */
      readonly actions: readonly EscalationAction[];
    }
  | {
      /** The event was refused. */
      readonly ok: false;
      /** The state, unchanged. */
      readonly state: EscalationState;
      /** Why. */
      readonly refusal: EscalationRefusal;
    };

/**
 * Every number the escalation machine uses, with the trust policy's values as the preset
 * ({@link HCAT_ESCALATION_POLICY}). Percentages have at most two decimals; comparisons are exact.
 *
 * @category Escalation
 */
export interface EscalationPolicy {
  /** Attendance below this (year to date) sends the initial warning letter at stage 0. */
  readonly warningBelowPercent: number;
  /** Attendance below this (year to date) starts stage 1. */
  readonly stageOneBelowPercent: number;
  /** No letters or stages until the figures have at least this many possible sessions (early-year figures swing). */
  readonly minimumPossibleSessions: number;
  /** Stage 1 monitoring period, in weeks. */
  readonly monitoringWeeks: number;
  /** Weeks added to stage 1 monitoring per further day of absence. */
  readonly extensionWeeksPerAbsentDay: number;
  /** Absent sessions that make one "day of absence" for the extension. */
  readonly sessionsPerAbsentDay: number;
  /** The most weeks the extension may add; `null` for no limit. */
  readonly maximumExtensionWeeks: number | null;
  /** Weeks from the attendance plan (stage 2) to its review. */
  readonly planReviewWeeks: number;
  /** Weeks from entering stage 3 or 4 to its review for improvement. */
  readonly referralReviewWeeks: number;
  /** Attendance over the period under review at or above this counts as improvement. */
  readonly improvementAtLeastPercent: number;
  /** In continued monitoring (stage 5), attendance since it began below this is a decline. */
  readonly declineBelowPercent: number;
  /** Where proceedings resume after a decline: the stage the pupil improved from, or stage 1. */
  readonly reentry: 'stage-before-improvement' | 'stage-1';
  /** Whether reaching the penalty-notice threshold moves a pupil straight to stage 4 from stages 0 to 2. */
  readonly skipToPenaltyNotice: boolean;
}
