import type { IsoDate } from '../calendar/types.js';
import { assessPenaltyNotice } from '../penalties/assessPenaltyNotice.js';
import { addIsoDays, differenceInIsoDays } from '../_internal/dates.js';
import { describeValue } from '../sessions/checkMarks.js';
import { eventFieldFault, eventShapeFault } from './checkEvent.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import { describeCondition, holds } from './ladder/conditions.js';
import type { ReviewContext } from './ladder/conditions.js';
import { ladderOf } from './ladder/ladderOf.js';
import {
  NO_SUPPORT,
  supportOf,
  withAnswer,
  withOffer,
  withReferral,
  withReferralOutcome,
} from './support/supportRecord.js';
import type { CaseSupport } from './support/types.js';
import type { ActionDoneBy, EscalationLadder, LadderReview } from './ladder/types.js';
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

/** The date `weeks` weeks after `date`, or null when that is after 9999-12-31 (or the weeks are no number). */
function weeksAfter(date: IsoDate, weeks: number): IsoDate | null {
  const days = weeks * DAYS_IN_WEEK;
  return days <= differenceInIsoDays(LAST_DAY, date) ? addIsoDays(date, days) : null;
}

/** A stage's extension: one unit of weeks per further day of absence since the stage began, capped. */
function extensionWeeksOf(state: EscalationState, figures: EscalationFigures, review: LadderReview): number {
  const { extension } = review;
  if (extension === undefined) return 0;
  const furtherAbsence = figures.absent - (state.baseline?.absent ?? figures.absent);
  const weeks =
    Math.floor(Math.max(0, furtherAbsence) / extension.sessionsPerAbsentDay) * extension.weeksPerAbsentDay;
  return extension.maximumWeeks === null ? weeks : Math.min(weeks, extension.maximumWeeks);
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

/** The action a ladder takes when no further penalty notice may be issued. */
const OTHER_ACTION_NEEDED = 'other-action-needed';

/** Moves to a stage: a new entry, its entry actions, and its review period. */
function enterStage(
  state: EscalationState,
  stage: EscalationStage,
  on: IsoDate,
  figures: EscalationFigures | null,
  jump: EscalationJump | null,
  event: EscalationEvent['type'],
  reason: string,
  ladder: EscalationLadder
): TransitionResult {
  const { role, review, onEntry, answersPenaltyThreshold } = ladder.stages[stage]!;
  const entered: EscalationState = {
    ...state,
    stage,
    enteredOn: on,
    entry: state.entry + 1,
    baseline: figures ?? state.latestFigures,
    extensionWeeks: 0,
    dueActions: [],
    stageBeforeImprovement:
      role === 'continued-monitoring'
        ? ladder.stages[state.stage]?.role === 'continued-monitoring'
          ? state.stageBeforeImprovement
          : state.stage
        : state.stageBeforeImprovement,
    penaltyConsideredThrough:
      role === 'penalty-notice' || answersPenaltyThreshold === true
        ? (figures?.penaltyThresholdReachedOn ?? state.penaltyConsideredThrough)
        : state.penaltyConsideredThrough,
  };
  // A period in school weeks has no date until the calendar says which weeks have sessions: each review counts
  // them from its figures instead (see isReviewDue).
  const reviewWeeks = review === null || review.unit === 'school-weeks' ? null : review.weeks;
  const reviewDueOn = reviewWeeks === null ? null : weeksAfter(on, reviewWeeks);
  if (reviewWeeks !== null && reviewDueOn === null) {
    return refuse(
      state,
      'invalid-event',
      `Stage ${stage}, entered on ${on}, would be reviewed ${reviewWeeks} weeks later, after ${LAST_DAY}.`,
      'on'
    );
  }
  const kinds: EscalationActionKind[] = [...onEntry];
  if (role === 'penalty-notice' && noticeLimitReached(state, on)) kinds.push(OTHER_ACTION_NEEDED);
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

/**
 * Whether the stage's review period is over: on or after its date, or, for a period in school weeks, once the
 * figures count that many school weeks since the period began.
 */
function isReviewDue(
  state: EscalationState,
  on: IsoDate,
  figures: EscalationFigures,
  stageReview: LadderReview | null
): boolean {
  if (stageReview?.unit !== 'school-weeks') return state.reviewDueOn !== null && on >= state.reviewDueOn;
  const since = state.baseline?.schoolWeeks ?? 0;
  return (figures.schoolWeeks ?? 0) - since >= stageReview.weeks;
}

function review(
  state: EscalationState,
  event: Extract<EscalationEvent, { type: 'review' }>,
  ladder: EscalationLadder
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
  // A stage whose monitoring runs one more week per further day of absence (the trust's stage 1) moves the end
  // of its period with each review.
  const stageReview: LadderReview | null = ladder.stages[state.stage]!.review;
  const extending = stageReview?.extension === undefined ? null : stageReview;
  const extensionWeeks =
    extending === null ? state.extensionWeeks : extensionWeeksOf(state, figures, extending);
  const reviewDueOn =
    extending !== null && state.enteredOn !== null
      ? weeksAfter(state.enteredOn, extending.weeks + extensionWeeks)
      : state.reviewDueOn;
  if (reviewDueOn === null && extending !== null && state.enteredOn !== null) {
    return refuse(
      state,
      'invalid-event',
      `Stage ${state.stage} monitoring from ${state.enteredOn}, extended by ${extensionWeeks} weeks for ${figures.absent} absent sessions, would end after ${LAST_DAY}.`,
      extensionWeeks > 0 ? 'figures.absent' : 'on'
    );
  }
  if (stageReview?.unit === 'school-weeks' && figures.schoolWeeks === undefined) {
    return refuse(
      state,
      'invalid-event',
      `Stage ${state.stage} is reviewed after ${stageReview.weeks} school weeks, so its reviews need figures.schoolWeeks (the school weeks to date, as runEscalation gives them).`,
      'figures.schoolWeeks'
    );
  }
  const reviewed: EscalationState = {
    ...state,
    extensionWeeks,
    reviewDueOn,
    latestFigures: figures,
    latestEventOn: on,
  };
  const context: ReviewContext = {
    state: reviewed,
    on,
    figures,
    reviewDue: isReviewDue(reviewed, on, figures, stageReview),
  };
  for (const rule of ladder.rules) {
    if (!rule.from.includes(state.stage) || !holds(rule.when, context)) continue;
    const reason = describeCondition(rule.when, context);
    if (rule.to === 'stay') {
      const actions = makeActions(reviewed, rule.actions ?? [], state.stage, on, reason, figures);
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
    // Proceedings resume at the stage the pupil improved from, never back at the start.
    const target =
      rule.to === 'stage-before-improvement' ? Math.max(1, state.stageBeforeImprovement ?? 1) : rule.to;
    return enterStage(reviewed, target, on, figures, rule.jump, 'review', reason, ladder);
  }
  return { ok: true, state: reviewed, actions: [] };
}

function actionName(ladder: EscalationLadder, kind: EscalationActionKind): string {
  return ladder.actions[kind]?.name ?? kind;
}

function completeAction(
  state: EscalationState,
  kind: EscalationActionKind,
  on: IsoDate,
  event: EscalationEvent['type'],
  ladder: EscalationLadder,
  patch: Partial<EscalationState> = {},
  note?: string
): TransitionResult {
  const id = `${state.entry}:${kind}`;
  if (!state.dueActions.includes(id)) {
    return refuse(state, 'not-due', `No ${actionName(ladder, kind)} is due at stage ${state.stage}.`);
  }
  // A notice goes to each liable parent, so only the other actions are done once.
  if (note === undefined && state.completedActions.includes(id)) {
    return refuse(
      state,
      'not-due',
      `The ${actionName(ladder, kind)} of this stage is already recorded as done.`
    );
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
          reason: note ?? `${actionName(ladder, kind)} done`,
          actions: [],
        },
      ],
    },
    actions: [],
  };
}

/**
 * The action an event of this type records as done: the one due in the current stage entry, else the ladder's
 * first (so a refusal names what was not due); null when the ladder has no action done that way.
 */
function actionDoneBy(
  state: EscalationState,
  ladder: EscalationLadder,
  doneBy: ActionDoneBy
): EscalationActionKind | null {
  // Stryker disable next-line OptionalChaining: each kind is a key of ladder.actions, so its entry exists
  const kinds = Object.keys(ladder.actions).filter((kind) => ladder.actions[kind]?.doneBy === doneBy);
  return kinds.find((kind) => state.dueActions.includes(`${state.entry}:${kind}`)) ?? kinds[0] ?? null;
}

/** The action an event of this type records as done, only when one is due in the current stage entry. */
function dueActionDoneBy(
  state: EscalationState,
  ladder: EscalationLadder,
  doneBy: ActionDoneBy
): EscalationActionKind | null {
  const kind = actionDoneBy(state, ladder, doneBy);
  return kind !== null &&
    state.dueActions.includes(`${state.entry}:${kind}`) &&
    !state.completedActions.includes(`${state.entry}:${kind}`)
    ? kind
    : null;
}

/**
 * Records an event that moves no stage and completes no action (support recorded, a notice paid or withdrawn):
 * the changed fields and a history entry. For support, the reason names no barrier, service or support
 * (special-category data), only what kind of thing happened.
 */
function recordEvent(
  state: EscalationState,
  event: EscalationEvent,
  patch: Partial<EscalationState>,
  reason: string
): TransitionResult {
  return {
    ok: true,
    state: {
      ...state,
      ...patch,
      latestEventOn: event.on,
      history: [
        ...state.history,
        {
          on: event.on,
          event: event.type,
          from: state.stage,
          to: state.stage,
          jump: null,
          reason,
          actions: [],
        },
      ],
    },
    actions: [],
  };
}

/**
 * Records a barrier or an offer of support: as the action of the current stage that it does (exploring barriers,
 * offering support), when one is due, or else on its own.
 */
function recordSupportEvent(
  state: EscalationState,
  event: Extract<EscalationEvent, { type: 'barrier-recorded' | 'support-offered' }>,
  ladder: EscalationLadder,
  support: CaseSupport,
  what: string
): TransitionResult {
  const kind = dueActionDoneBy(state, ladder, event.type);
  return kind === null
    ? recordEvent(state, event, { support }, what)
    : completeAction(
        state,
        kind,
        event.on,
        event.type,
        ladder,
        { support },
        `${actionName(ladder, kind)} done: ${what}`
      );
}

function noSuchAction(state: EscalationState, ladder: EscalationLadder, type: string): TransitionResult {
  return refuse(state, 'not-due', `The ${ladder.name} ladder has no action recorded by a ${type} event.`);
}

function applyEvent(
  state: EscalationState,
  event: EscalationEvent,
  ladder: EscalationLadder
): TransitionResult {
  switch (event.type) {
    case 'review':
      return review(state, event, ladder);
    case 'letter-sent':
      return completeAction(state, event.letter, event.on, event.type, ladder);
    case 'action-done':
      return completeAction(state, event.action, event.on, event.type, ladder);
    case 'meeting-held': {
      const kind = actionDoneBy(state, ladder, event.type);
      return kind === null
        ? noSuchAction(state, ladder, event.type)
        : completeAction(state, kind, event.on, event.type, ladder);
    }
    case 'referral-made': {
      const service = event.service ?? null;
      const support = withReferral(supportOf(state), service, event.on);
      const kind = dueActionDoneBy(state, ladder, event.type);
      if (kind !== null) return completeAction(state, kind, event.on, event.type, ladder, { support });
      // A referral to a partner service may be made at any stage; without a service, it is the ladder's own.
      if (service !== null)
        return recordEvent(state, event, { support }, 'a referral to a partner service was made');
      const ownKind = actionDoneBy(state, ladder, event.type);
      return ownKind === null
        ? noSuchAction(state, ladder, event.type)
        : completeAction(state, ownKind, event.on, event.type, ladder);
    }
    case 'referral-outcome': {
      const support = withReferralOutcome(supportOf(state), event.service, event.outcome, event.on);
      return support === null
        ? refuse(
            state,
            'unknown-support',
            'No referral to that service is recorded for this pupil.',
            'service'
          )
        : recordEvent(state, event, { support }, `the outcome of a referral was recorded: ${event.outcome}`);
    }
    case 'barrier-recorded': {
      const record = supportOf(state);
      const barrier =
        event.details === undefined
          ? { on: event.on, barrier: event.barrier }
          : { on: event.on, barrier: event.barrier, details: event.details };
      const support: CaseSupport = { ...record, barriers: [...record.barriers, barrier] };
      return recordSupportEvent(state, event, ladder, support, 'a barrier to attendance was recorded');
    }
    case 'support-assessed': {
      const support: CaseSupport = {
        ...supportOf(state),
        assessment: { on: event.on, appropriate: event.appropriate },
      };
      return recordEvent(
        state,
        event,
        { support },
        event.appropriate ? 'support was assessed as appropriate' : 'support was assessed as not appropriate'
      );
    }
    case 'support-offered': {
      const support = withOffer(supportOf(state), event.support, event.tier, event.on);
      return recordSupportEvent(state, event, ladder, support, `${event.tier} support was offered`);
    }
    case 'support-accepted':
    case 'support-declined': {
      const response = event.type === 'support-accepted' ? 'accepted' : 'declined';
      const support = withAnswer(supportOf(state), event.support, response, event.on);
      return support === null
        ? refuse(state, 'unknown-support', 'No offer of that support is recorded for this pupil.', 'support')
        : recordEvent(state, event, { support }, `support offered was ${response}`);
    }
    case 'plan-agreed': {
      const kind = actionDoneBy(state, ladder, event.type);
      if (kind === null) return noSuchAction(state, ladder, event.type);
      // The plan's review runs from the day it is agreed, and improvement is measured from the latest figures.
      const stageReview = ladder.stages.find((stage) => stage.onEntry.includes(kind))?.review ?? null;
      const weeks = stageReview?.weeks ?? null;
      // Stryker disable next-line OptionalChaining: kind comes from the keys of ladder.actions, so its entry exists
      const restarts = ladder.actions[kind]?.restartsReview === true && weeks !== null;
      // Stryker disable next-line OptionalChaining: restarts is false when stageReview is null (weeks is then null)
      if (restarts && stageReview?.unit === 'school-weeks') {
        // A period in school weeks is counted from the baseline's school weeks: restarting it moves the baseline.
        return completeAction(state, kind, event.on, event.type, ladder, {
          baseline: state.latestFigures ?? state.baseline,
        });
      }
      const reviewDueOn = restarts ? (event.reviewOn ?? weeksAfter(event.on, weeks)) : state.reviewDueOn;
      if (restarts && reviewDueOn === null) {
        return refuse(
          state,
          'invalid-event',
          `A plan agreed on ${event.on} would be reviewed ${weeks} weeks later, after ${LAST_DAY}.`,
          'on'
        );
      }
      return completeAction(
        state,
        kind,
        event.on,
        event.type,
        ladder,
        restarts ? { reviewDueOn, baseline: state.latestFigures ?? state.baseline } : {}
      );
    }
    case 'penalty-notice-issued': {
      // Stryker disable next-line OptionalChaining: state.stage has passed isStage, so the stage exists
      if (ladder.stages[state.stage]?.role !== 'penalty-notice') {
        const noticeStage = ladder.stages.findIndex((stage) => stage.role === 'penalty-notice');
        return refuse(
          state,
          'wrong-stage',
          noticeStage === -1
            ? `The ${ladder.name} ladder has no penalty-notice stage.`
            : `A penalty notice is issued at stage ${noticeStage}; the pupil is at stage ${state.stage}.`
        );
      }
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
      const kind = actionDoneBy(state, ladder, event.type);
      if (kind === null) return noSuchAction(state, ladder, event.type);
      const notice = {
        id: event.noticeId,
        parentId: event.parentId,
        pupilId: state.pupilId,
        issuedOn: event.on,
        status: 'issued' as const,
      };
      return completeAction(
        state,
        kind,
        event.on,
        event.type,
        ladder,
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
      return recordEvent(
        state,
        event,
        { notices: state.notices.map((candidate) => (candidate.id === notice.id ? updated : candidate)) },
        `penalty notice ${notice.id} ${status}`
      );
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
        ladder
      );
  }
}

/** Whether a value is a stage of the ladder. */
function isStage(ladder: EscalationLadder, stage: unknown): stage is EscalationStage {
  return typeof stage === 'number' && Number.isInteger(stage) && stage >= 0 && stage < ladder.stages.length;
}

/**
 * The escalation state machine: applies one event to a pupil's state and returns the next state and the actions
 * now due, or a typed refusal with the state unchanged. Pure and total: it never reads a clock and never throws.
 *
 * @remarks
 * The stages follow the trust policy, mapped to DfE's support-first steps: 0 universal monitoring (initial warning
 * below 95 %), 1 Letter 1 and monitoring below 90 % (4 weeks, one more per further day of absence), 2 attendance
 * panel and formal plan, 3 referral to the education welfare service, 4 penalty notice (threshold and notice
 * limits from the national framework), 5 continued monitoring with re-entry after a decline. Given a ladder
 * instead of a policy (see {@link defineEscalationLadder}), it runs that ladder's
 * stages and actions. A review is decided by the ladder's review table, read top to bottom (for a policy, the
 * trust's table in {@link trustLadder}, with the policy's numbers). Each stage entry sends its actions once,
 * however often reviews repeat. Events must come in date order; an earlier event is refused. An event the machine
 * cannot apply as given (not an object, an unknown type, a date or threshold date that names no real day, figures
 * that are not whole sessions 0 or more, a letter that is no action, a review period that would end after
 * 9999-12-31) is refused as `invalid-event`, with `refusal.field` naming the field.
 *
 * @param state - The pupil's current state, from {@link initialEscalationState} or a previous transition.
 * @param event - What happened, with its date.
 * @param policy - The ladder, or the thresholds and periods of the trust's ladder.
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
  policy: EscalationPolicy | EscalationLadder = HCAT_ESCALATION_POLICY
): TransitionResult {
  const ladder = ladderOf(policy);
  // The state is checked as the unknown value it may be (states are stored as JSON between runs).
  const given: unknown = state;
  if (typeof given !== 'object' || given === null || !isStage(ladder, state.stage)) {
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
  if (event.type === 'override' && !isStage(ladder, event.toStage)) {
    return refuse(state, 'invalid-event', `Unknown stage ${describeValue(event.toStage)}.`, 'toStage');
  }
  const fieldFault = eventFieldFault(event, ladder);
  if (fieldFault !== null) return refuse(state, 'invalid-event', fieldFault.message, fieldFault.field);
  // A state stored before the support record existed continues with an empty one.
  const current =
    (state as { support?: unknown }).support === undefined ? { ...state, support: NO_SUPPORT } : state;
  const result = applyEvent(current, event, ladder);
  // A refusal leaves the state as it was given, whatever the event's handler had begun.
  return result.ok
    ? { ...result, state: { ...result.state, latestEventOn: event.on } }
    : { ...result, state };
}
