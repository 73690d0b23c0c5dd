import * as z from 'zod/mini';
import { AttendanceError } from '../../errors.js';
import { percentSchema } from '../../policy/schema.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../../_internal/fromZodIssues.js';
import { lazy } from '../../_internal/lazy.js';
import type { EscalationLadder, LadderAction, LadderCondition } from './types.js';

/**
 * The numbers of DfE's support-first ladder ({@link supportFirstLadder}). DfE sets the persistent and severe
 * absence lines; every other number is a library default, said as such below, for a school or LA to set.
 *
 * @category Escalation
 */
export interface SupportFirstOptions {
  /**
   * Absence at or above this puts a pupil at risk of persistent absence: listen and understand. DfE sets no
   * trigger; the library's default, 5 %, is the lower edge of DfE's "approaching persistent absence" band.
   */
  readonly atRiskAbsencePercent: number;
  /** Persistent absence: DfE's definition, 10 % of possible sessions or more. Facilitate support. */
  readonly persistentAbsencePercent: number;
  /** Severe absence: DfE's definition, 50 % or more. Its own joint step with the local authority. */
  readonly severeAbsencePercent: number;
  /** No finding before this many possible sessions. Library default: 20 (two school weeks), as the trust's. */
  readonly minimumPossibleSessions: number;
  /** Weeks of listening and understanding before its review. Library default: 4 (DfE sets none). */
  readonly listenReviewWeeks: number;
  /**
   * Weeks of voluntary or formal support, or joint working, before its review. Library default: 6, a common
   * review cycle of early help plans (DfE sets none).
   */
  readonly supportReviewWeeks: number;
  /**
   * A Notice to Improve's improvement period, in school weeks. LA codes of conduct under the 2024 framework set
   * 3 to 6 school weeks; the library's default is 6.
   */
  readonly noticeToImproveSchoolWeeks: number;
  /** Attendance over a review period at or above this is improvement. Library default: 95 %, as the trust's. */
  readonly improvementAtLeastPercent: number;
  /** In continued monitoring, attendance since it began below this is a decline. Library default: 90 %. */
  readonly declineBelowPercent: number;
}

/**
 * The defaults of {@link supportFirstLadder}: DfE's persistent (10 %) and severe (50 %) absence lines, and library
 * defaults for every number DfE does not set (each said as such in {@link SupportFirstOptions}).
 *
 * @example
 * DFE_SUPPORT_FIRST_DEFAULTS.noticeToImproveSchoolWeeks //=> 6
 * @see REFERENCE §7.1 (DfE's steps), §7.3 (tiers, Notice to Improve), §3.1 (persistent and severe absence)
 * @category Escalation
 */
export const DFE_SUPPORT_FIRST_DEFAULTS: SupportFirstOptions = {
  atRiskAbsencePercent: 5,
  persistentAbsencePercent: 10,
  severeAbsencePercent: 50,
  minimumPossibleSessions: 20,
  listenReviewWeeks: 4,
  supportReviewWeeks: 6,
  noticeToImproveSchoolWeeks: 6,
  improvementAtLeastPercent: 95,
  declineBelowPercent: 90,
};

const supportFirstOptionsSchema = /* @__PURE__ */ lazy(() => {
  const percent = percentSchema();
  const weeks = z.int().check(z.minimum(1), z.maximum(52));
  return z.strictObject({
    atRiskAbsencePercent: z.exactOptional(percent),
    persistentAbsencePercent: z.exactOptional(percent),
    severeAbsencePercent: z.exactOptional(percent),
    minimumPossibleSessions: z.exactOptional(z.int().check(z.minimum(0))),
    listenReviewWeeks: z.exactOptional(weeks),
    supportReviewWeeks: z.exactOptional(weeks),
    noticeToImproveSchoolWeeks: z.exactOptional(weeks),
    improvementAtLeastPercent: z.exactOptional(percent),
    declineBelowPercent: z.exactOptional(percent),
  });
});

const action = (name: string, doneBy: LadderAction['doneBy'], description = name): LadderAction => ({
  name,
  description,
  doneBy,
});

/** The DfE ladder's actions: what each step asks of the school, and the event that records it done. */
const SUPPORT_FIRST_ACTIONS: Readonly<Record<string, LadderAction>> = {
  'conversation-with-family': action(
    'a conversation with the pupil and family',
    'meeting-held',
    'a conversation with the pupil and family about the absence'
  ),
  'explore-barriers': action(
    'explore the barriers to attendance',
    'barrier-recorded',
    'exploring the barriers to attendance, in school and beyond'
  ),
  'offer-voluntary-support': action(
    'offer voluntary support (early help, a whole-family plan)',
    'support-offered',
    'an offer of voluntary support: early help, a whole-family plan, services for the barriers found'
  ),
  'attendance-contract': action(
    'offer an attendance contract',
    'support-offered',
    'an attendance contract, a formal written agreement between the parents and the school or LA'
  ),
  'consider-education-supervision-order': action(
    'consider an education supervision order',
    'action-done',
    'the local authority considering an education supervision order, as formal support was not engaged with'
  ),
  'joint-plan-with-local-authority': action(
    'joint working with the local authority (severe absence)',
    'meeting-held',
    'joint working with the local authority attendance team and other services, severe absence being the top priority'
  ),
  'notice-to-improve': action(
    'Notice to Improve',
    'letter-sent',
    'a Notice to Improve: a final chance to engage with support before a penalty notice is considered'
  ),
  'leave-warning-letter': action(
    'warning letter for term-time leave',
    'letter-sent',
    'a warning letter for leave taken in term time (support is not the route for a holiday)'
  ),
  'consider-penalty-notice': action(
    'consider a penalty notice',
    'penalty-notice-issued',
    'consideration of a penalty notice under the national framework'
  ),
  'other-action-needed': action(
    'other action needed: no further penalty notice may be issued (consider prosecution)',
    'action-done',
    'other action: no further penalty notice may be issued, so prosecution may be considered'
  ),
  'continued-monitoring': action('continued monitoring', 'action-done'),
};

/** Stage numbers of the DfE ladder, so the review table reads by name. */
const MONITOR = 0;
const LISTEN = 1;
const FACILITATE = 2;
const FORMALISE = 3;
const SUPERVISION = 4;
const NOTICE_TO_IMPROVE = 5;
const ENFORCE = 6;
const LEAVE_WARNING = 7;
const SEVERE = 8;
const CONTINUED = 9;

/**
 * DfE's support-first ladder as data, from *Working together to improve school attendance* and the national
 * penalty-notice framework (REFERENCE §7.1, §7.3, §4.1). Its stages:
 *
 * 0. expect and monitor;
 * 1. listen and understand, once absence reaches the at-risk line (5 %, a library default);
 * 2. facilitate support at persistent absence (10 %), or when listening brought no improvement: barriers
 *    explored and voluntary support offered (early help, a whole-family plan);
 * 3. formalise support when voluntary support is declined or brings no improvement: an attendance contract;
 * 4. an education supervision order considered when the contract is declined, or not engaged with at review;
 * 5. a Notice to Improve when the national threshold is reached and support was appropriate but not engaged
 *    with, or did not work, with an improvement period in school weeks (6 by default);
 * 6. enforce: consider a penalty notice (the national limit per parent checked), and prosecution beyond it;
 * 7. a warning letter when the threshold was reached by term-time leave alone: that route has no Notice to
 *    Improve, as support is not appropriate for a holiday; a further window goes to enforcement;
 * 8. severe absence (50 %): its own joint step with the local authority;
 * 9. continued monitoring after improvement, resuming where the pupil left off after a decline.
 *
 * Reaching the threshold before any support was offered leads to support first (stage 2); when support was
 * assessed as not appropriate, straight to enforcement.
 *
 * @param options - Numbers to change from {@link DFE_SUPPORT_FIRST_DEFAULTS}.
 * @returns The ladder, for {@link transition}, {@link runEscalation} and {@link ladderToMermaid}.
 * @throws {@link AttendanceError} When an option is not a number of its kind (the path names it).
 * @example
 * const ladder = supportFirstLadder({ noticeToImproveSchoolWeeks: 4 });
 * ladder.stages[5].name //=> 'notice to improve'
 * @see REFERENCE §7.1, §7.3; DfE, Working together to improve school attendance (2024)
 * @category Escalation
 */
export function supportFirstLadder(options: Partial<SupportFirstOptions> = {}): EscalationLadder {
  const parsed = supportFirstOptionsSchema().safeParse(options, ZOD_PARSE_CONTEXT);
  if (!parsed.success) {
    const [first, ...rest] = fromZodIssues(parsed.error.issues);
    throw new AttendanceError([first!, ...rest]);
  }
  return buildSupportFirstLadder({
    ...DFE_SUPPORT_FIRST_DEFAULTS,
    ...(parsed.data as Partial<SupportFirstOptions>),
  });
}

/** The ladder for options already checked (the preset's defaults need no check). */
function buildSupportFirstLadder(o: SupportFirstOptions): EscalationLadder {
  const minimumPossibleSessions = o.minimumPossibleSessions;
  const absenceAtLeast = (percent: number): LadderCondition => ({
    test: 'absence-at-least',
    percent,
    minimumPossibleSessions,
  });
  const threshold = (cause?: 'term-time-leave' | 'other'): LadderCondition =>
    cause === undefined
      ? { test: 'penalty-threshold-reached' }
      : { test: 'penalty-threshold-reached', cause };
  const improved: LadderCondition = {
    test: 'review-due',
    improved: true,
    percent: o.improvementAtLeastPercent,
  };
  const notImproved: LadderCondition = {
    test: 'review-due',
    improved: false,
    percent: o.improvementAtLeastPercent,
  };
  const appropriate: LadderCondition = { test: 'support-appropriate', appropriate: true };
  const supportReview = { weeks: o.supportReviewWeeks };
  return {
    name: 'dfe-support-first',
    stages: [
      { name: 'expect and monitor', step: 'monitor', review: null, onEntry: [] },
      {
        name: 'listen and understand',
        step: 'listen-and-understand',
        review: { weeks: o.listenReviewWeeks },
        onEntry: ['conversation-with-family', 'explore-barriers'],
      },
      {
        name: 'facilitate support',
        step: 'facilitate-support',
        review: supportReview,
        onEntry: ['explore-barriers', 'offer-voluntary-support'],
      },
      {
        name: 'formalise support',
        step: 'formalise-support',
        review: supportReview,
        onEntry: ['attendance-contract'],
      },
      {
        name: 'education supervision order',
        step: 'formalise-support',
        review: supportReview,
        onEntry: ['consider-education-supervision-order'],
      },
      {
        name: 'notice to improve',
        step: 'enforce',
        review: { weeks: o.noticeToImproveSchoolWeeks, unit: 'school-weeks' },
        onEntry: ['notice-to-improve'],
        answersPenaltyThreshold: true,
      },
      {
        name: 'enforce',
        step: 'enforce',
        review: supportReview,
        onEntry: ['consider-penalty-notice'],
        role: 'penalty-notice',
      },
      {
        name: 'warning for term-time leave',
        step: 'enforce',
        review: supportReview,
        onEntry: ['leave-warning-letter'],
        answersPenaltyThreshold: true,
      },
      {
        name: 'severe absence: joint working with the local authority',
        step: 'formalise-support',
        review: supportReview,
        onEntry: ['joint-plan-with-local-authority', 'explore-barriers'],
      },
      {
        name: 'continued monitoring',
        step: 'monitor',
        review: { weeks: o.listenReviewWeeks },
        onEntry: ['continued-monitoring'],
        role: 'continued-monitoring',
      },
    ],
    actions: SUPPORT_FIRST_ACTIONS,
    rules: [
      // The penalty-notice threshold first. A further window once enforcement or a leave warning has begun is
      // enforced.
      { from: [ENFORCE], when: threshold(), to: ENFORCE, jump: null },
      { from: [LEAVE_WARNING, NOTICE_TO_IMPROVE], when: threshold(), to: ENFORCE, jump: 'penalty-threshold' },
      // Term-time leave takes the warning-letter route: no support, no Notice to Improve.
      {
        from: [MONITOR, LISTEN, FACILITATE, FORMALISE, SUPERVISION, SEVERE, CONTINUED],
        when: threshold('term-time-leave'),
        to: LEAVE_WARNING,
        jump: 'penalty-threshold',
      },
      // Support assessed as not appropriate (or that would have no effect): enforcement is considered at once.
      {
        from: [MONITOR, LISTEN, FACILITATE, FORMALISE, SUPERVISION, SEVERE, CONTINUED],
        when: { test: 'all', of: [threshold('other'), { test: 'support-appropriate', appropriate: false }] },
        to: ENFORCE,
        jump: 'penalty-threshold',
      },
      // Support was offered and was not engaged with (declined), or did not work (no improvement at review): a
      // Notice to Improve, the final chance before a penalty notice.
      {
        from: [FACILITATE, FORMALISE, SUPERVISION, SEVERE],
        when: {
          test: 'all',
          of: [
            threshold('other'),
            appropriate,
            // Declined is not engaged with; an offer still unanswered waits for the review.
            { test: 'any', of: [{ test: 'support', status: 'declined' }, notImproved] },
          ],
        },
        to: NOTICE_TO_IMPROVE,
        jump: 'penalty-threshold',
      },
      // Reached before any support was offered: support first.
      {
        from: [MONITOR, LISTEN, CONTINUED],
        when: { test: 'all', of: [threshold('other'), appropriate] },
        to: FACILITATE,
        jump: 'penalty-threshold',
      },
      // Severe absence is its own joint step; persistent absence facilitates support; at risk, listen.
      {
        from: [MONITOR, LISTEN, FACILITATE, FORMALISE, SUPERVISION],
        when: absenceAtLeast(o.severeAbsencePercent),
        to: SEVERE,
        jump: 'absence-level',
      },
      { from: [LISTEN], when: absenceAtLeast(o.persistentAbsencePercent), to: FACILITATE, jump: null },
      {
        from: [MONITOR],
        when: absenceAtLeast(o.persistentAbsencePercent),
        to: FACILITATE,
        jump: 'absence-level',
      },
      { from: [MONITOR], when: absenceAtLeast(o.atRiskAbsencePercent), to: LISTEN, jump: null },
      // At each review, improvement leads to continued monitoring.
      {
        from: [LISTEN, FACILITATE, FORMALISE, SUPERVISION, NOTICE_TO_IMPROVE, ENFORCE, LEAVE_WARNING, SEVERE],
        when: improved,
        to: CONTINUED,
        jump: 'improvement',
      },
      // Without improvement, each step of support leads to the next.
      { from: [LISTEN], when: notImproved, to: FACILITATE, jump: null },
      { from: [FACILITATE], when: notImproved, to: FORMALISE, jump: null },
      {
        from: [FACILITATE],
        when: { test: 'support', status: 'declined', tier: 'voluntary' },
        to: FORMALISE,
        jump: null,
      },
      {
        from: [FORMALISE],
        when: { test: 'support', status: 'declined', tier: 'formal' },
        to: SUPERVISION,
        jump: null,
      },
      {
        from: [FORMALISE],
        when: { test: 'all', of: [notImproved, { test: 'support', status: 'not-engaged', tier: 'formal' }] },
        to: SUPERVISION,
        jump: null,
      },
      // The improvement period of a Notice to Improve ended without improvement: enforcement.
      { from: [NOTICE_TO_IMPROVE], when: notImproved, to: ENFORCE, jump: null },
      // A decline in continued monitoring resumes where the pupil left off.
      {
        from: [CONTINUED],
        when: { test: 'declined', percent: o.declineBelowPercent },
        to: 'stage-before-improvement',
        jump: 're-entry',
      },
    ],
  };
}

/**
 * DfE's support-first ladder with its defaults ({@link supportFirstLadder}, {@link DFE_SUPPORT_FIRST_DEFAULTS}).
 *
 * @example
 * DFE_SUPPORT_FIRST_LADDER.stages.length //=> 10
 * @category Escalation
 */
export const DFE_SUPPORT_FIRST_LADDER: EscalationLadder =
  /* @__PURE__ */ buildSupportFirstLadder(DFE_SUPPORT_FIRST_DEFAULTS);
