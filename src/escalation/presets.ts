import type { EscalationPolicy } from './types.js';

/**
 * The trust policy's stages of support as numbers, with the choices its text leaves open made explicit.
 *
 * - Initial warning letter when attendance falls below 95 % ("Cause for Concern"); stage 1 below 90 %.
 * - Stage 1 monitors for 4 weeks, and one more week per further day of absence. A "day" is 2 absent sessions
 *   (the policy counts days, registers count sessions). The policy sets no limit, and neither does the preset:
 *   a pupil who keeps missing days stays in stage 1 until a review finds the period over, or the penalty-notice
 *   threshold moves them on. A trust that wants a limit sets `maximumExtensionWeeks` (4 makes 8 weeks in all).
 * - Stage 2: the attendance panel and plan, reviewed 4 weeks after the plan ("no improvements within four weeks
 *   following the Attendance Plan" leads to stage 3). The plan is taken as agreed when stage 2 begins; a
 *   `plan-agreed` event with its real date moves the review to 4 weeks after it.
 * - Improvement is measured, not judged: attendance over the period under review (since the stage or plan began)
 *   of at least 95 %, the policy's own line for concern. Year-to-date attendance moves too slowly to show a
 *   month's change, which is why the period is used.
 * - Stage 5: after improvement, attendance since continued monitoring began below 90 % is a decline, and
 *   proceedings resume at the stage the pupil improved from ("from the relevant stage based on prior
 *   intervention"). The policy leaves this to the school's discretion: the machine resumes and says why, and an
 *   `override` event records a decision not to.
 * - Reaching the penalty-notice threshold at stages 0–2 (a term-time holiday, say) goes straight to stage 4.
 * - No letters before 20 possible sessions (two school weeks): one absent morning in the first week would
 *   otherwise be below 90 %.
 *
 * @example
 * HCAT_ESCALATION_POLICY.monitoringWeeks //=> 4
 * @see The HCAT trust attendance policy, "Managing Absence Procedures" (stages 0–5)
 * @category Escalation
 */
export const HCAT_ESCALATION_POLICY: EscalationPolicy = {
  warningBelowPercent: 95,
  stageOneBelowPercent: 90,
  minimumPossibleSessions: 20,
  monitoringWeeks: 4,
  extensionWeeksPerAbsentDay: 1,
  sessionsPerAbsentDay: 2,
  maximumExtensionWeeks: null,
  planReviewWeeks: 4,
  referralReviewWeeks: 4,
  improvementAtLeastPercent: 95,
  declineBelowPercent: 90,
  reentry: 'stage-before-improvement',
  skipToPenaltyNotice: true,
};
