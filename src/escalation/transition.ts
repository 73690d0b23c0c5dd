import type { IsoDate } from '../calendar/types.js';
import { assessPenaltyNotice } from '../penalties/assessPenaltyNotice.js';
import { addIsoDays, differenceInIsoDays } from '../_internal/dates.js';
import { compareRateToPercent } from '../_internal/exactRate.js';
import { describeValue } from '../sessions/checkMarks.js';
import { eventFieldFault, eventShapeFault } from './checkEvent.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import { REVIEW_TRANSITIONS, STAGE_ENTRY_ACTIONS, STAY_ACTIONS } from './transitionTable.js';
import type { ReviewCondition } from './transitionTable.js';
import type {
  EscalationAction,
  EscalationActionKind,
  EscalationEvent,
  EscalationFigures,
  EscalationHistoryEntry,
  EscalationJump,
  EscalationPolicy,
  EscalationRefusal,
  EscalationStage,
  EscalationState,
  TransitionResult,
} from './types.js';

const DAYS_IN_WEEK = 7;

const ACTION_TEXT: Readonly<Record<EscalationActionKind, string>> = {
  'initial-warning-letter': 'initial warning letter',
  'letter-1': 'Letter 1',
  'attendance-leader-contact': 'contact from the attendance leader',
  'letter-2': 'Letter 2 (invitation to the attendance panel)',
  'attendance-panel-meeting': 'attendance panel meeting',
  'attendance-plan': 'formal attendance plan',
  'letter-3': 'Letter 3 (referral to the education welfare service)',
  'education-welfare-referral': 'referral to the education welfare service',
  'consider-penalty-notice': 'consider a penalty notice',
  'other-action-needed':
    'other action needed: no further penalty notice may be issued (prosecution may be considered)',
  'continued-monitoring': 'continued monitoring',
};

function refuse(
  state: EscalationState,
  code: EscalationRefusal['code'],
  message: string,
  field?: string
): TransitionResult {
  return {
    ok: false,
    state,
    refusal: field === undefined || field === '' ? { code, message } : { code, message, field },
  };
}

/** The last day an {@link IsoDate} can name: a period that would end after it cannot be dated. */
const LAST_DAY = '9999-12-31' as IsoDate;

function percentOf(numerator: number, denominator: number): string {
  if (denominator === 0) return 'no possible sessions';
  // Display only: one decimal, rounded half-up in integers.
  const tenths = Math.floor((numerator * 1000 * 2 + denominator) / (2 * denominator));
  return `${Math.floor(tenths / 10)}.${tenths % 10} % (${numerator} of ${denominator} sessions)`;
}

function isBelow(numerator: number, denominator: number, percent: number): boolean {
  return denominator > 0 && compareRateToPercent(numerator, denominator, percent) < 0;
}

function periodSince(
  figures: EscalationFigures,
  baseline: EscalationFigures | null
): { attended: number; possible: number } {
  return {
    attended: figures.attended - (baseline?.attended ?? 0),
    possible: figures.possible - (baseline?.possible ?? 0),
  };
}

/** The date `weeks` weeks after `date`, or null when that is after 9999-12-31 (or the weeks are no number). */
function weeksAfter(date: IsoDate, weeks: number): IsoDate | null {
  const days = weeks * DAYS_IN_WEEK;
  return days <= differenceInIsoDays(LAST_DAY, date) ? addIsoDays(date, days) : null;
}

/** The stage-1 extension: one unit of weeks per further day of absence since the stage began, capped. */
function extensionWeeksOf(
  state: EscalationState,
  figures: EscalationFigures,
  policy: EscalationPolicy
): number {
  const furtherAbsence = figures.absent - (state.baseline?.absent ?? figures.absent);
  const weeks =
    Math.floor(Math.max(0, furtherAbsence) / policy.sessionsPerAbsentDay) * policy.extensionWeeksPerAbsentDay;
  return policy.maximumExtensionWeeks === null ? weeks : Math.min(weeks, policy.maximumExtensionWeeks);
}

function reviewWeeksOf(stage: EscalationStage, policy: EscalationPolicy): number | null {
  if (stage === 1 || stage === 5) return policy.monitoringWeeks;
  if (stage === 2) return policy.planReviewWeeks;
  if (stage === 3 || stage === 4) return policy.referralReviewWeeks;
  return null;
}

interface ReviewContext {
  readonly state: EscalationState;
  readonly on: IsoDate;
  readonly figures: EscalationFigures;
  readonly policy: EscalationPolicy;
  readonly reviewDueOn: IsoDate | null;
}

/** Each condition of the review table, defined once. */
const CONDITIONS: Readonly<Record<ReviewCondition, (context: ReviewContext) => boolean>> = {
  'penalty-threshold-reached': ({ state, figures, policy }) => {
    const reachedOn = figures.penaltyThresholdReachedOn;
    if (reachedOn === undefined) return false;
    const isNew = state.penaltyConsideredThrough === null || reachedOn > state.penaltyConsideredThrough;
    return isNew && (state.stage >= 3 || policy.skipToPenaltyNotice);
  },
  'below-stage-one': ({ figures, policy }) =>
    figures.possible >= policy.minimumPossibleSessions &&
    isBelow(figures.attended, figures.possible, policy.stageOneBelowPercent),
  'below-warning': ({ figures, policy }) =>
    figures.possible >= policy.minimumPossibleSessions &&
    isBelow(figures.attended, figures.possible, policy.warningBelowPercent),
  'review-due-improved': ({ on, figures, state, policy, reviewDueOn }) => {
    if (reviewDueOn === null || on < reviewDueOn) return false;
    const period = periodSince(figures, state.baseline);
    return (
      period.possible > 0 && !isBelow(period.attended, period.possible, policy.improvementAtLeastPercent)
    );
  },
  // A review period without a single possible session (a holiday, or after the register ends) shows neither
  // improvement nor decline: the review stays due until a review that has sessions to judge.
  'review-due-not-improved': ({ on, figures, state, reviewDueOn }) =>
    reviewDueOn !== null && on >= reviewDueOn && periodSince(figures, state.baseline).possible > 0,
  declined: ({ on, figures, state, policy, reviewDueOn }) => {
    if (reviewDueOn === null || on < reviewDueOn) return false;
    const period = periodSince(figures, state.baseline);
    return isBelow(period.attended, period.possible, policy.declineBelowPercent);
  },
};

function describeCondition(condition: ReviewCondition, context: ReviewContext): string {
  const { figures, policy, state } = context;
  const overall = percentOf(figures.attended, figures.possible);
  const period = periodSince(figures, state.baseline);
  switch (condition) {
    case 'penalty-threshold-reached':
      return `the penalty-notice threshold was reached on ${figures.penaltyThresholdReachedOn ?? 'an earlier date'}`;
    case 'below-stage-one':
      return `attendance ${overall} is below ${policy.stageOneBelowPercent} %`;
    case 'below-warning':
      return `attendance ${overall} is below ${policy.warningBelowPercent} %`;
    case 'review-due-improved':
      return `attendance over the review period ${percentOf(period.attended, period.possible)} is at least ${policy.improvementAtLeastPercent} %`;
    case 'review-due-not-improved':
      return `no improvement: attendance over the review period ${percentOf(period.attended, period.possible)} is below ${policy.improvementAtLeastPercent} %`;
    case 'declined':
      return `attendance since continued monitoring began ${percentOf(period.attended, period.possible)} is below ${policy.declineBelowPercent} %`;
  }
}

function makeActions(
  state: EscalationState,
  kinds: readonly EscalationActionKind[],
  stage: EscalationStage,
  on: IsoDate,
  reason: string,
  figures: EscalationFigures | null
): EscalationAction[] {
  return kinds
    .map((kind) => ({ id: `${state.entry}:${kind}`, kind, stage, dueOn: on, reason, figures }))
    .filter((action) => !state.dueActions.includes(action.id));
}

/** Whether any parent already has the most notices the law allows for this pupil on this date. */
function noticeLimitReached(state: EscalationState, on: IsoDate): boolean {
  const parents = [...new Set(state.notices.map((notice) => notice.parentId))];
  return parents.some(
    (parentId) =>
      assessPenaltyNotice(state.notices, { parentId, pupilId: state.pupilId, proposedIssueDate: on })
        .outcome === 'not-allowed'
  );
}

/** Moves to a stage: a new entry, its entry actions, and its review period. */
function enterStage(
  state: EscalationState,
  stage: EscalationStage,
  on: IsoDate,
  figures: EscalationFigures | null,
  jump: EscalationJump | null,
  event: EscalationEvent['type'],
  reason: string,
  policy: EscalationPolicy
): TransitionResult {
  const entered: EscalationState = {
    ...state,
    stage,
    enteredOn: on,
    entry: state.entry + 1,
    baseline: figures ?? state.latestFigures,
    extensionWeeks: 0,
    dueActions: [],
    stageBeforeImprovement:
      stage === 5
        ? state.stage === 5
          ? state.stageBeforeImprovement
          : state.stage
        : state.stageBeforeImprovement,
    penaltyConsideredThrough:
      stage === 4
        ? (figures?.penaltyThresholdReachedOn ?? state.penaltyConsideredThrough)
        : state.penaltyConsideredThrough,
  };
  const reviewWeeks = reviewWeeksOf(stage, policy);
  const reviewDueOn = reviewWeeks === null ? null : weeksAfter(on, reviewWeeks);
  if (reviewWeeks !== null && reviewDueOn === null) {
    return refuse(
      state,
      'invalid-event',
      `Stage ${stage}, entered on ${on}, would be reviewed ${reviewWeeks} weeks later, after ${LAST_DAY}.`,
      'on'
    );
  }
  const kinds: EscalationActionKind[] = [...STAGE_ENTRY_ACTIONS[stage]];
  if (stage === 4 && noticeLimitReached(state, on)) kinds.push('other-action-needed');
  const actions = makeActions(entered, kinds, stage, on, reason, figures ?? state.latestFigures);
  const entry: EscalationHistoryEntry = {
    on,
    event,
    from: state.stage,
    to: stage,
    jump,
    reason,
    actions: actions.map((action) => action.id),
  };
  return {
    ok: true,
    state: {
      ...entered,
      reviewDueOn,
      dueActions: actions.map((action) => action.id),
      history: [...state.history, entry],
    },
    actions,
  };
}

function review(
  state: EscalationState,
  event: Extract<EscalationEvent, { type: 'review' }>,
  policy: EscalationPolicy
): TransitionResult {
  const { on, figures } = event;
  const previous = state.latestFigures;
  // Each figure is already a whole number of sessions, 0 or more (checkEvent.ts).
  if (figures.attended + figures.absent !== figures.possible) {
    return refuse(
      state,
      'invalid-event',
      `Review figures must be whole sessions with attended + absent = possible; received ${figures.attended} + ${figures.absent} for ${figures.possible}.`,
      'figures.possible'
    );
  }
  if (previous !== null && (figures.attended < previous.attended || figures.absent < previous.absent)) {
    return refuse(
      state,
      'invalid-event',
      `Review figures are cumulative and cannot fall: attended ${figures.attended} after ${previous.attended}, absent ${figures.absent} after ${previous.absent}. Count from the same start date as earlier reviews.`,
      figures.attended < previous.attended ? 'figures.attended' : 'figures.absent'
    );
  }
  // Stage 1 monitoring runs one more week per further day of absence, so its end moves with each review.
  const extensionWeeks = state.stage === 1 ? extensionWeeksOf(state, figures, policy) : state.extensionWeeks;
  const reviewDueOn =
    state.stage === 1 && state.enteredOn !== null
      ? weeksAfter(state.enteredOn, policy.monitoringWeeks + extensionWeeks)
      : state.reviewDueOn;
  if (reviewDueOn === null && state.stage === 1 && state.enteredOn !== null) {
    return refuse(
      state,
      'invalid-event',
      `Stage 1 monitoring from ${state.enteredOn}, extended by ${extensionWeeks} weeks for ${figures.absent} absent sessions, would end after ${LAST_DAY}.`,
      extensionWeeks > 0 ? 'figures.absent' : 'on'
    );
  }
  const reviewed: EscalationState = {
    ...state,
    extensionWeeks,
    reviewDueOn,
    latestFigures: figures,
    latestEventOn: on,
  };
  const context: ReviewContext = { state: reviewed, on, figures, policy, reviewDueOn };
  for (const row of REVIEW_TRANSITIONS) {
    if (!row.from.includes(state.stage) || !CONDITIONS[row.when](context)) continue;
    const reason = describeCondition(row.when, context);
    if (row.to === 'stay') {
      const actions = makeActions(reviewed, STAY_ACTIONS[row.when] ?? [], state.stage, on, reason, figures);
      return {
        ok: true,
        state: {
          ...reviewed,
          dueActions: [...reviewed.dueActions, ...actions.map((action) => action.id)],
          history:
            actions.length === 0
              ? reviewed.history
              : [
                  ...reviewed.history,
                  {
                    on,
                    event: 'review',
                    from: state.stage,
                    to: state.stage,
                    jump: null,
                    reason,
                    actions: actions.map((action) => action.id),
                  },
                ],
        },
        actions,
      };
    }
    const target =
      row.to === 'stage-before-improvement'
        ? policy.reentry === 'stage-1'
          ? 1
          : (Math.max(1, state.stageBeforeImprovement ?? 1) as EscalationStage)
        : row.to;
    return enterStage(reviewed, target, on, figures, row.jump, 'review', reason, policy);
  }
  return { ok: true, state: reviewed, actions: [] };
}

function completeAction(
  state: EscalationState,
  kind: EscalationActionKind,
  on: IsoDate,
  event: EscalationEvent['type'],
  patch: Partial<EscalationState> = {},
  note?: string
): TransitionResult {
  const id = `${state.entry}:${kind}`;
  if (!state.dueActions.includes(id)) {
    return refuse(state, 'not-due', `No ${ACTION_TEXT[kind]} is due at stage ${state.stage}.`);
  }
  // A notice goes to each liable parent, so only the other actions are done once.
  if (note === undefined && state.completedActions.includes(id)) {
    return refuse(state, 'not-due', `The ${ACTION_TEXT[kind]} of this stage is already recorded as done.`);
  }
  return {
    ok: true,
    state: {
      ...state,
      ...patch,
      latestEventOn: on,
      completedActions: state.completedActions.includes(id)
        ? state.completedActions
        : [...state.completedActions, id],
      history: [
        ...state.history,
        {
          on,
          event,
          from: state.stage,
          to: state.stage,
          jump: null,
          reason: note ?? `${ACTION_TEXT[kind]} done`,
          actions: [],
        },
      ],
    },
    actions: [],
  };
}

function applyEvent(
  state: EscalationState,
  event: EscalationEvent,
  policy: EscalationPolicy
): TransitionResult {
  switch (event.type) {
    case 'review':
      return review(state, event, policy);
    case 'letter-sent':
      return completeAction(state, event.letter, event.on, event.type);
    case 'meeting-held':
      return completeAction(state, 'attendance-panel-meeting', event.on, event.type);
    case 'plan-agreed': {
      // The plan's review runs from the day it is agreed, and improvement is measured from the latest figures.
      const reviewDueOn = event.reviewOn ?? weeksAfter(event.on, policy.planReviewWeeks);
      if (reviewDueOn === null) {
        return refuse(
          state,
          'invalid-event',
          `A plan agreed on ${event.on} would be reviewed ${policy.planReviewWeeks} weeks later, after ${LAST_DAY}.`,
          'on'
        );
      }
      return completeAction(state, 'attendance-plan', event.on, event.type, {
        reviewDueOn,
        baseline: state.latestFigures ?? state.baseline,
      });
    }
    case 'referral-made':
      return completeAction(state, 'education-welfare-referral', event.on, event.type);
    case 'penalty-notice-issued': {
      if (state.stage !== 4)
        return refuse(
          state,
          'wrong-stage',
          `A penalty notice is issued at stage 4; the pupil is at stage ${state.stage}.`
        );
      if (state.notices.some((notice) => notice.id === event.noticeId)) {
        return refuse(state, 'invalid-event', `Penalty notice ${event.noticeId} is already recorded.`);
      }
      const assessment = assessPenaltyNotice(state.notices, {
        parentId: event.parentId,
        pupilId: state.pupilId,
        proposedIssueDate: event.on,
      });
      if (assessment.outcome === 'not-allowed') {
        return refuse(
          state,
          'notice-limit-reached',
          `Parent ${event.parentId} already has ${assessment.countedNotices.length} penalty notices for this pupil within three years; other action is needed.`
        );
      }
      const notice = {
        id: event.noticeId,
        parentId: event.parentId,
        pupilId: state.pupilId,
        issuedOn: event.on,
        status: 'issued' as const,
      };
      return completeAction(
        state,
        'consider-penalty-notice',
        event.on,
        event.type,
        { notices: [...state.notices, notice] },
        `penalty notice ${event.noticeId} issued to parent ${event.parentId}`
      );
    }
    case 'penalty-notice-paid':
    case 'penalty-notice-withdrawn': {
      const notice = state.notices.find((candidate) => candidate.id === event.noticeId);
      if (notice === undefined)
        return refuse(
          state,
          'unknown-notice',
          `No penalty notice ${event.noticeId} is recorded for this pupil.`
        );
      const status = event.type === 'penalty-notice-paid' ? ('paid' as const) : ('withdrawn' as const);
      const updated = { ...notice, status, ...(status === 'paid' ? { paidOn: event.on } : {}) };
      return {
        ok: true,
        state: {
          ...state,
          latestEventOn: event.on,
          notices: state.notices.map((candidate) => (candidate.id === notice.id ? updated : candidate)),
          history: [
            ...state.history,
            {
              on: event.on,
              event: event.type,
              from: state.stage,
              to: state.stage,
              jump: null,
              reason: `penalty notice ${notice.id} ${status}`,
              actions: [],
            },
          ],
        },
        actions: [],
      };
    }
    case 'override':
      return enterStage(
        { ...state, latestEventOn: event.on },
        event.toStage,
        event.on,
        null,
        'override',
        'override',
        `moved by ${event.by}: ${event.reason}`,
        policy
      );
  }
}

const STAGES: readonly number[] = [0, 1, 2, 3, 4, 5];

/**
 * The escalation state machine: applies one event to a pupil's state and returns the next state and the actions
 * now due, or a typed refusal with the state unchanged. Pure and total: it never reads a clock and never throws.
 *
 * @remarks
 * The stages follow the trust policy, mapped to DfE's support-first steps: 0 universal monitoring (initial warning
 * below 95 %), 1 Letter 1 and monitoring below 90 % (4 weeks, one more per further day of absence), 2 attendance
 * panel and formal plan, 3 referral to the education welfare service, 4 penalty notice (threshold and notice
 * limits from the national framework), 5 continued monitoring with re-entry after a decline. A review is
 * decided by the table in `transitionTable.ts`, read top to bottom. Each stage entry sends its actions once,
 * however often reviews repeat. Events must come in date order; an earlier event is refused. An event the machine
 * cannot apply as given (not an object, an unknown type, a date or threshold date that names no real day, figures
 * that are not whole sessions 0 or more, a letter that is no action, a review period that would end after
 * 9999-12-31) is refused as `invalid-event`, with `refusal.field` naming the field.
 *
 * @param state - The pupil's current state, from {@link initialEscalationState} or a previous transition.
 * @param event - What happened, with its date.
 * @param policy - The thresholds and periods.
 * @returns `{ ok: true, state, actions }`, or `{ ok: false, state, refusal }`.
 * @example
 * const start = initialEscalationState('P1');
 * const result = transition(start, {
 *   type: 'review',
 *   on: isoDate('2024-10-04'),
 *   figures: { possible: 100, attended: 88, absent: 12 },
 * });
 * result.ok && result.state.stage //=> 1
 * result.ok && result.actions.map((action) => action.kind) //=> ['letter-1', 'attendance-leader-contact']
 * @see The HCAT trust attendance policy, "Managing Absence Procedures"; DfE, Working together to improve school attendance (support first)
 * @category Escalation
 */
export function transition(
  state: EscalationState,
  event: EscalationEvent,
  policy: EscalationPolicy = HCAT_ESCALATION_POLICY
): TransitionResult {
  // The state is checked as the unknown value it may be (states are stored as JSON between runs).
  const given: unknown = state;
  if (typeof given !== 'object' || given === null || !STAGES.includes(state.stage)) {
    const stage = typeof given === 'object' && given !== null ? (given as { stage?: unknown }).stage : given;
    return refuse(state, 'invalid-event', `Unknown stage ${describeValue(stage)}.`);
  }
  // An event that is not one, or has no real date, cannot even be put in order.
  const shapeFault = eventShapeFault(event);
  if (shapeFault !== null) return refuse(state, 'invalid-event', shapeFault.message, shapeFault.field);
  if (state.latestEventOn !== null && event.on < state.latestEventOn) {
    return refuse(
      state,
      'out-of-order',
      `The event of ${event.on} comes before the latest event (${state.latestEventOn}).`
    );
  }
  if (event.type === 'override' && !STAGES.includes(event.toStage)) {
    return refuse(state, 'invalid-event', `Unknown stage ${describeValue(event.toStage)}.`, 'toStage');
  }
  const fieldFault = eventFieldFault(event);
  if (fieldFault !== null) return refuse(state, 'invalid-event', fieldFault.message, fieldFault.field);
  const result = applyEvent(state, event, policy);
  // A refusal leaves the state as it was given, whatever the event's handler had begun.
  return result.ok
    ? { ...result, state: { ...result.state, latestEventOn: event.on } }
    : { ...result, state };
}
