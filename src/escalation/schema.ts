import * as z from 'zod/mini';
import { percentSchema } from '../policy/schema.js';
import { lazy } from '../_internal/lazy.js';
import type { EscalationPolicy } from './types.js';

/**
 * An escalation policy: percentages with at most two decimals, whole positive periods, a coherent order. Built
 * on first use (see {@link lazy}), so that importing this module builds nothing.
 */
export const escalationPolicySchema = /* @__PURE__ */ lazy(() => {
  const percent = percentSchema();
  const positiveWhole = z.int().check(z.minimum(1));
  return z
    .strictObject({
      warningBelowPercent: percent,
      stageOneBelowPercent: percent,
      minimumPossibleSessions: z.int().check(z.minimum(0)),
      monitoringWeeks: positiveWhole,
      extensionWeeksPerAbsentDay: z.int().check(z.minimum(0)),
      sessionsPerAbsentDay: positiveWhole,
      maximumExtensionWeeks: z.nullable(z.int().check(z.minimum(0))),
      planReviewWeeks: positiveWhole,
      referralReviewWeeks: positiveWhole,
      improvementAtLeastPercent: percent,
      declineBelowPercent: percent,
      reentry: z.enum(['stage-before-improvement', 'stage-1']),
      skipToPenaltyNotice: z.boolean(),
    })
    .check(
      z.superRefine((policy, context) => {
        if (policy.stageOneBelowPercent > policy.warningBelowPercent) {
          context.addIssue({
            code: 'custom',
            path: ['stageOneBelowPercent'],
            message: `Stage 1 (below ${policy.stageOneBelowPercent} %) would start before the warning (below ${policy.warningBelowPercent} %).`,
            params: { code: 'invalid_value', expected: `at most ${policy.warningBelowPercent}` },
            input: policy.stageOneBelowPercent,
          });
        }
      })
    ) satisfies z.ZodMiniType<EscalationPolicy>;
});
