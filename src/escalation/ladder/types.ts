import type { BarrierKind, SupportTier } from '../support/types.js';
import type { EscalationJump } from '../types.js';

/**
 * DfE's six steps of support first, from *Working together to improve school attendance*: each stage of a ladder
 * names the step it serves, so a trust's own ladder and DfE's can be read side by side.
 *
 * @category Escalation
 */
export type SupportStep =
  'expect' | 'monitor' | 'listen-and-understand' | 'facilitate-support' | 'formalise-support' | 'enforce';

/**
 * The event a person records when an action is done: a letter sent, a meeting held, a plan agreed, a referral
 * made, a penalty notice issued, a barrier recorded, support offered, or (for any other action) `action-done`.
 * An `action-done` event naming the action also records any action done.
 *
 * @category Escalation
 */
export type ActionDoneBy =
  | 'letter-sent'
  | 'meeting-held'
  | 'plan-agreed'
  | 'referral-made'
  | 'penalty-notice-issued'
  | 'barrier-recorded'
  | 'support-offered'
  | 'action-done';

/**
 * Something a stage or rule asks a person to do.
 *
 * @category Escalation
 */
export interface LadderAction {
  /** A short name, used in refusals (e.g. `'Letter 1'`). */
  readonly name: string;
  /** The same in a sentence of a case history (e.g. `'Letter 2, inviting the family to the attendance panel'`). */
  readonly description: string;
  /** The event that records it as done. */
  readonly doneBy: ActionDoneBy;
  /**
   * Whether recording it done restarts the stage's review period from that day, measuring improvement from the
   * latest figures (an attendance plan is reviewed a set time after it is agreed).
   */
  readonly restartsReview?: boolean;
}

/**
 * How long a stage runs before its review, and whether further absence extends it.
 *
 * @category Escalation
 */
export interface LadderReview {
  /** Weeks from entering the stage to its review. */
  readonly weeks: number;
  /**
   * What a week is: a calendar week (7 days, the default), or a school week (a week with at least one session,
   * so holidays do not count: a Notice to Improve's improvement period). School weeks need the reviews'
   * `figures.schoolWeeks`, which {@link runEscalation} gives.
   */
  readonly unit?: 'weeks' | 'school-weeks';
  /** Weeks added per further day of absence since the stage began (the trust's stage 1), if any. */
  readonly extension?: {
    /** Weeks added per further day of absence. */
    readonly weeksPerAbsentDay: number;
    /** Absent sessions that make one day. */
    readonly sessionsPerAbsentDay: number;
    /** The most weeks the extension may add; `null` for no limit. */
    readonly maximumWeeks: number | null;
  };
}

/**
 * One stage of a ladder. Stages are numbered by their place in {@link EscalationLadder.stages}; every pupil
 * starts at stage 0.
 *
 * @category Escalation
 */
export interface LadderStage {
  /** The stage's name, e.g. `'letter and monitoring'`. */
  readonly name: string;
  /** The DfE step it serves. */
  readonly step: SupportStep;
  /** The review period; none for a stage that only watches (stage 0). */
  readonly review: LadderReview | null;
  /** The actions made due on each entry, once per entry. */
  readonly onEntry: readonly string[];
  /**
   * What the stage does beyond its actions:
   * - `penalty-notice`: penalty notices are issued here, the national limit per parent is checked on entry, and
   *   entering it marks the threshold window as considered;
   * - `continued-monitoring`: the stage after improvement; entering it remembers the stage the pupil improved
   *   from, so a decline can resume there.
   */
  readonly role?: 'penalty-notice' | 'continued-monitoring';
  /**
   * Whether entering the stage answers the penalty-notice threshold reached so far, as the penalty-notice stage
   * does: a Notice to Improve, or a warning letter for term-time leave, is the response to that window, so only
   * a later window counts again.
   */
  readonly answersPenaltyThreshold?: boolean;
  /** A stage with no way out by design (e.g. a closed case); any other stage must have a rule that leaves it. */
  readonly terminal?: boolean;
}

/**
 * A test a review's figures and the pupil's case are put to. The set is closed and documented, so a ladder is
 * data that can be checked, never code:
 *
 * - `attendance-below`: attendance to date below `percent`, once there are `minimumPossibleSessions`;
 * - `absence-at-least`: absence to date at or above `percent`, once there are `minimumPossibleSessions`;
 * - `penalty-threshold-reached`: the penalty-notice threshold was reached in a window not yet considered; with
 *   `cause: 'term-time-leave'` only when every session of that window is `G` (leave not authorised, a holiday),
 *   with `cause: 'other'` only when not;
 * - `review-due`: the stage's review is due and its period had sessions; with `improved: true` attendance over
 *   the period is at least `percent`, with `improved: false` it is below;
 * - `declined`: the review is due and attendance over the period is below `percent`;
 * - `support`: support (of a `tier`, or any) was `offered`; was accepted and not since declined (`engaged`);
 *   was offered and is not accepted now (`not-engaged`: declined, or no answer yet); or the latest answer to an
 *   offer is a refusal (`declined`);
 * - `support-appropriate`: the latest assessment says support is (or is not) appropriate; with none, support is
 *   presumed appropriate;
 * - `barrier-recorded`: a barrier (of a kind, or any) is recorded;
 * - `all` / `any`: every / some condition holds.
 *
 * @category Escalation
 */
export type LadderCondition =
  | {
      /** Attendance to date below a line. */
      readonly test: 'attendance-below';
      /** The line, a percentage with at most two decimals. */
      readonly percent: number;
      /** No finding before this many possible sessions (early-year figures swing). */
      readonly minimumPossibleSessions: number;
    }
  | {
      /** Absence to date at or above a line (DfE's bands: 10 % persistent, 50 % severe). */
      readonly test: 'absence-at-least';
      /** The line, a percentage with at most two decimals. */
      readonly percent: number;
      /** No finding before this many possible sessions. */
      readonly minimumPossibleSessions: number;
    }
  | {
      /** The penalty-notice threshold was reached in a window not yet considered. */
      readonly test: 'penalty-threshold-reached';
      /** Only when the window was all term-time leave (`G`), or only when it was not; either when left out. */
      readonly cause?: 'term-time-leave' | 'other';
    }
  | {
      /** The stage's review is due, and its period had sessions to judge. */
      readonly test: 'review-due';
      /** Whether attendance over the period improved (is at least `percent`) or not. */
      readonly improved: boolean;
      /** The line for improvement. */
      readonly percent: number;
    }
  | {
      /** The review is due and attendance over the period is below a line. */
      readonly test: 'declined';
      /** The line. */
      readonly percent: number;
    }
  | {
      /** The state of support offered to the family. */
      readonly test: 'support';
      /** Offered; engaged (accepted, not since declined); not engaged (declined or unanswered); declined. */
      readonly status: 'offered' | 'engaged' | 'not-engaged' | 'declined';
      /** Only offers of this tier; any tier when left out. */
      readonly tier?: SupportTier;
    }
  | {
      /** Whether support is appropriate, by the latest assessment (presumed appropriate without one). */
      readonly test: 'support-appropriate';
      /** The answer the condition asks for. */
      readonly appropriate: boolean;
    }
  | {
      /** A barrier to attendance is recorded. */
      readonly test: 'barrier-recorded';
      /** Only this kind of barrier; any when left out. */
      readonly barrier?: BarrierKind;
    }
  | {
      /** Every condition holds. */
      readonly test: 'all';
      /** The conditions. */
      readonly of: readonly LadderCondition[];
    }
  | {
      /** Some condition holds. */
      readonly test: 'any';
      /** The conditions. */
      readonly of: readonly LadderCondition[];
    };

/**
 * One row of a ladder's review table: in one of the `from` stages, when the condition holds, go to a stage, back to
 * the stage the pupil improved from, or stay (making the row's actions due).
 *
 * @category Escalation
 */
export interface LadderRule {
  /** The stages the row applies in. */
  readonly from: readonly number[];
  /** The condition. */
  readonly when: LadderCondition;
  /**
   * Where to go: a stage number; `'stage-before-improvement'` (the stage the pupil improved from, or stage 1);
   * or `'stay'`.
   */
  readonly to: number | 'stage-before-improvement' | 'stay';
  /** The documented jump when the move is not one step forward; `null` otherwise. */
  readonly jump: EscalationJump | null;
  /** Actions made due by the row while staying (e.g. a warning letter at stage 0). */
  readonly actions?: readonly string[];
}

/**
 * A ladder of support and escalation as data: its stages, the actions they make due, and the review table the
 * machine reads top to bottom. Validated by {@link defineEscalationLadder}; JSON-safe.
 *
 * @category Escalation
 */
export interface EscalationLadder {
  /** The ladder's name, e.g. `'trust'`. */
  readonly name: string;
  /** The stages, numbered from 0 by position. */
  readonly stages: readonly LadderStage[];
  /** The actions by id. */
  readonly actions: Readonly<Record<string, LadderAction>>;
  /** The review table, read top to bottom: the first row whose stage and condition match is taken. */
  readonly rules: readonly LadderRule[];
}
