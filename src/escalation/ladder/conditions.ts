import type { IsoDate } from '../../calendar/types.js';
import { compareRateToPercent } from '../../_internal/exactRate.js';
import { supportOf } from '../support/supportRecord.js';
import type { SupportOffer } from '../support/types.js';
import type { EscalationFigures, EscalationState } from '../types.js';
import type { LadderCondition } from './types.js';

// Each condition a ladder may name, defined once: how it is tested and how it is said. The set is closed, so a
// ladder is data that can be checked (src/escalation/ladder/checkLadder.ts), never code.

/** What a review's conditions are tested against. */
export interface ReviewContext {
  readonly state: EscalationState;
  readonly on: IsoDate;
  readonly figures: EscalationFigures;
  /** Whether the stage's review period is over (in calendar or school weeks, as the stage says). */
  readonly reviewDue: boolean;
}

/**
 * Attendance as a percentage for people, to one decimal rounded half up in integers; display only.
 *
 * @param numerator - Sessions attended (or absent).
 * @param denominator - Possible sessions.
 * @returns The percentage with its fraction.
 * @example
 * percentOf(44, 50) //=> '88.0 % (44 of 50 sessions)'
 */
export function percentOf(numerator: number, denominator: number): string {
  if (denominator === 0) return 'no possible sessions';
  const tenths = Math.floor((numerator * 1000 * 2 + denominator) / (2 * denominator));
  return `${Math.floor(tenths / 10)}.${tenths % 10} % (${numerator} of ${denominator} sessions)`;
}

function isBelow(numerator: number, denominator: number, percent: number): boolean {
  return denominator > 0 && compareRateToPercent(numerator, denominator, percent) < 0;
}

/**
 * The sessions since the baseline (the stage's or plan's start).
 *
 * @param figures - The review's figures.
 * @param baseline - The figures when the period began; none for the start of the year.
 * @returns The period's sessions.
 * @example
 * periodSince({ possible: 130, attended: 118, absent: 12 }, { possible: 100, attended: 91, absent: 9 })
 * //=> { attended: 27, absent: 3, possible: 30 }
 */
export function periodSince(
  figures: EscalationFigures,
  baseline: EscalationFigures | null
): { attended: number; absent: number; possible: number } {
  return {
    attended: figures.attended - (baseline?.attended ?? 0),
    absent: figures.absent - (baseline?.absent ?? 0),
    possible: figures.possible - (baseline?.possible ?? 0),
  };
}

/**
 * `G`, a holiday taken without leave (or beyond the leave granted): term-time leave, unauthorised, in both code
 * sets. A threshold window of `G` alone takes the leave route, for which an LA's code of conduct uses a warning
 * letter, not a Notice to Improve (REFERENCE §1 code table; §7.3, Notice to Improve).
 */
const TERM_TIME_LEAVE = 'G';

/** Whether the threshold window was all term-time leave: the sessions behind it are known and every one is G. */
function reachedByLeave(figures: EscalationFigures): boolean {
  const sessions = figures.penaltyThresholdSessions;
  return (
    sessions !== undefined && sessions.length > 0 && sessions.every((mark) => mark.code === TERM_TIME_LEAVE)
  );
}

/** The offer answered last (the latest answer to any offer), if any. */
function latestAnswered(offers: readonly SupportOffer[]): SupportOffer | undefined {
  let latest: SupportOffer | undefined;
  for (const offer of offers) {
    if (offer.respondedOn !== null && (latest === undefined || offer.respondedOn >= latest.respondedOn!)) {
      latest = offer;
    }
  }
  return latest;
}

function supportHolds(
  condition: Extract<LadderCondition, { test: 'support' }>,
  state: EscalationState
): boolean {
  const offers = offersOf(state, condition.tier);
  switch (condition.status) {
    case 'offered':
      return offers.length > 0;
    case 'engaged':
      return offers.some((offer) => offer.response === 'accepted');
    case 'not-engaged':
      return offers.length > 0 && !offers.some((offer) => offer.response === 'accepted');
    case 'declined':
      return latestAnswered(offers)?.response === 'declined';
  }
}

function offersOf(state: EscalationState, tier: SupportOffer['tier'] | undefined): readonly SupportOffer[] {
  const { offers } = supportOf(state);
  return tier === undefined ? offers : offers.filter((offer) => offer.tier === tier);
}

/**
 * Whether a condition holds for a review.
 *
 * @param condition - The ladder's condition.
 * @param context - The state, the review's date and figures, and when the stage's review is due.
 * @returns Whether it holds.
 * @example
 * // With figures of 88 attended of 100 possible:
 * holds({ test: 'attendance-below', percent: 90, minimumPossibleSessions: 20 }, context) //=> true
 */
export function holds(condition: LadderCondition, context: ReviewContext): boolean {
  const { figures, state } = context;
  switch (condition.test) {
    case 'attendance-below':
      return (
        figures.possible >= condition.minimumPossibleSessions &&
        isBelow(figures.attended, figures.possible, condition.percent)
      );
    case 'absence-at-least':
      return (
        figures.possible >= condition.minimumPossibleSessions &&
        figures.possible > 0 &&
        compareRateToPercent(figures.absent, figures.possible, condition.percent) >= 0
      );
    case 'penalty-threshold-reached': {
      const reachedOn = figures.penaltyThresholdReachedOn;
      const unanswered =
        reachedOn !== undefined &&
        (state.penaltyConsideredThrough === null || reachedOn > state.penaltyConsideredThrough);
      if (!unanswered || condition.cause === undefined) return unanswered;
      return reachedByLeave(figures) === (condition.cause === 'term-time-leave');
    }
    case 'review-due': {
      // A review period without a single possible session (a holiday, or after the register ends) shows neither
      // improvement nor decline: the review stays due until a review that has sessions to judge.
      if (!context.reviewDue) return false;
      const period = periodSince(figures, state.baseline);
      return (
        period.possible > 0 &&
        isBelow(period.attended, period.possible, condition.percent) !== condition.improved
      );
    }
    case 'declined': {
      if (!context.reviewDue) return false;
      const period = periodSince(figures, state.baseline);
      return isBelow(period.attended, period.possible, condition.percent);
    }
    case 'support':
      return supportHolds(condition, state);
    case 'support-appropriate':
      return (supportOf(state).assessment?.appropriate ?? true) === condition.appropriate;
    case 'barrier-recorded': {
      const { barriers } = supportOf(state);
      return condition.barrier === undefined
        ? barriers.length > 0
        : barriers.some((recorded) => recorded.barrier === condition.barrier);
    }
    case 'all':
      return condition.of.every((part) => holds(part, context));
    case 'any':
      return condition.of.some((part) => holds(part, context));
  }
}

/**
 * Why a condition holds, in plain English with the figures, for the case history.
 *
 * @param condition - A condition that holds.
 * @param context - The review it holds for.
 * @returns The reason.
 * @example
 * // With figures of 88 attended of 100 possible:
 * describeCondition({ test: 'attendance-below', percent: 90, minimumPossibleSessions: 20 }, context)
 * //=> 'attendance 88.0 % (88 of 100 sessions) is below 90 %'
 */
export function describeCondition(condition: LadderCondition, context: ReviewContext): string {
  const { figures, state } = context;
  const period = periodSince(figures, state.baseline);
  switch (condition.test) {
    case 'attendance-below':
      return `attendance ${percentOf(figures.attended, figures.possible)} is below ${condition.percent} %`;
    case 'absence-at-least':
      return `absence ${percentOf(figures.absent, figures.possible)} is at least ${condition.percent} %`;
    case 'penalty-threshold-reached':
      return `the penalty-notice threshold was reached on ${figures.penaltyThresholdReachedOn ?? 'an earlier date'}${
        condition.cause === 'term-time-leave'
          ? ', by term-time leave'
          : condition.cause === 'other'
            ? ', not by term-time leave alone'
            : ''
      }`;
    case 'review-due':
      return condition.improved
        ? `attendance over the review period ${percentOf(period.attended, period.possible)} is at least ${condition.percent} %`
        : `no improvement: attendance over the review period ${percentOf(period.attended, period.possible)} is below ${condition.percent} %`;
    case 'declined':
      return `attendance since continued monitoring began ${percentOf(period.attended, period.possible)} is below ${condition.percent} %`;
    // Support is said by its state only: what was offered, and any barrier, is special-category data.
    case 'support':
    case 'support-appropriate':
    case 'barrier-recorded':
      return conditionLabel(condition);
    // Stryker disable next-line ConditionalExpression: only a condition that holds is described, and every part of an 'all' that holds holds, so falling through to 'any' says the same
    case 'all':
      return condition.of.map((part) => describeCondition(part, context)).join(', and ');
    case 'any': {
      const met = condition.of.filter((part) => holds(part, context));
      return met.map((part) => describeCondition(part, context)).join(', and ');
    }
  }
}

/**
 * A condition in a few words, without figures: the label of an arrow in a ladder's diagram.
 *
 * @param condition - A ladder condition.
 * @returns The label.
 * @example
 * conditionLabel({ test: 'review-due', improved: false, percent: 95 }) //=> 'review due, period below 95 %'
 */
export function conditionLabel(condition: LadderCondition): string {
  switch (condition.test) {
    case 'attendance-below':
      return `attendance below ${condition.percent} %`;
    case 'absence-at-least':
      return `absence at least ${condition.percent} %`;
    case 'penalty-threshold-reached':
      return condition.cause === 'term-time-leave'
        ? 'threshold reached by term-time leave'
        : condition.cause === 'other'
          ? 'threshold reached, not by term-time leave alone'
          : 'threshold reached';
    case 'review-due':
      return `review due, period ${condition.improved ? 'at least' : 'below'} ${condition.percent} %`;
    case 'declined':
      return `decline below ${condition.percent} %`;
    case 'support': {
      const what = condition.tier === undefined ? 'support' : `${condition.tier} support`;
      return condition.status === 'not-engaged'
        ? `${what} offered and not engaged with`
        : `${what} ${condition.status}`;
    }
    case 'support-appropriate':
      return condition.appropriate ? 'support appropriate' : 'support not appropriate';
    case 'barrier-recorded':
      // The kind of barrier a ladder tests for is the ladder's, not a pupil's, so it may be named.
      return condition.barrier === undefined
        ? 'a barrier recorded'
        : `a barrier recorded (${condition.barrier})`;
    case 'all':
    case 'any': {
      const parts = condition.of.map((part) =>
        part.test === 'all' || part.test === 'any' ? `(${conditionLabel(part)})` : conditionLabel(part)
      );
      return parts.join(condition.test === 'all' ? ' and ' : ' or ');
    }
  }
}
