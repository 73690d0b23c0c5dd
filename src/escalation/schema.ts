import { z } from 'zod';
import { PercentSchema } from '../policy/schema.js';
import type { EscalationPolicy } from './types.js';

const PositiveWhole = z.int().min(1);

/** An escalation policy: percentages with at most two decimals, whole positive periods, a coherent order. */
export const EscalationPolicySchema = z
  .strictObject({
    warningBelowPercent: PercentSchema,
    stageOneBelowPercent: PercentSchema,
    minimumPossibleSessions: z.int().min(0),
    monitoringWeeks: PositiveWhole,
    extensionWeeksPerAbsentDay: z.int().min(0),
    sessionsPerAbsentDay: PositiveWhole,
    maximumExtensionWeeks: z.int().min(0).nullable(),
    planReviewWeeks: PositiveWhole,
    referralReviewWeeks: PositiveWhole,
    improvementAtLeastPercent: PercentSchema,
    declineBelowPercent: PercentSchema,
    reentry: z.enum(['stage-before-improvement', 'stage-1']),
    skipToPenaltyNotice: z.boolean(),
  })
  .superRefine((policy, context) => {
    if (policy.stageOneBelowPercent > policy.warningBelowPercent) {
      context.addIssue({
        code: 'custom',
        path: ['stageOneBelowPercent'],
        message: `Stage 1 (below ${policy.stageOneBelowPercent} %) would start before the warning (below ${policy.warningBelowPercent} %).`,
        params: { code: 'invalid_value', expected: `at most ${policy.warningBelowPercent}` },
        input: policy.stageOneBelowPercent,
      });
    }
  }) satisfies z.ZodType<EscalationPolicy>;
