import * as z from 'zod/mini';
import { percentSchema } from '../../policy/schema.js';
import { lazy } from '../../_internal/lazy.js';
import { KEBAB_ID } from '../support/kebabId.js';
import type { EscalationLadder, LadderCondition } from './types.js';

/** The deepest nesting of `all`/`any` conditions: a ladder is read by people, and a deeper one is a mistake. */
export const MAX_CONDITION_DEPTH = 4;

/**
 * A ladder's shape: every field typed, no unknown fields, conditions from the closed set only. The structure
 * (reachable stages, a way out of each stage, actions that exist) is checked after it, in `checkLadder.ts`.
 * Built on first use (see {@link lazy}).
 */
export const escalationLadderSchema = /* @__PURE__ */ lazy(() => {
  const percent = percentSchema();
  const name = z.string().check(z.minLength(1), z.maxLength(200));
  const whole = z.int().check(z.minimum(0));
  const positiveWhole = z.int().check(z.minimum(1));
  const condition = (depth: number): z.ZodMiniType<LadderCondition> => {
    const leaves = [
      z.strictObject({ test: z.literal('attendance-below'), percent, minimumPossibleSessions: whole }),
      z.strictObject({ test: z.literal('absence-at-least'), percent, minimumPossibleSessions: whole }),
      z.strictObject({
        test: z.literal('penalty-threshold-reached'),
        cause: z.exactOptional(z.enum(['term-time-leave', 'other'])),
      }),
      z.strictObject({ test: z.literal('review-due'), improved: z.boolean(), percent }),
      z.strictObject({ test: z.literal('declined'), percent }),
      z.strictObject({
        test: z.literal('support'),
        status: z.enum(['offered', 'engaged', 'not-engaged', 'declined']),
        tier: z.exactOptional(z.enum(['voluntary', 'formal'])),
      }),
      z.strictObject({ test: z.literal('support-appropriate'), appropriate: z.boolean() }),
      z.strictObject({
        test: z.literal('barrier-recorded'),
        barrier: z.exactOptional(z.string().check(z.regex(KEBAB_ID), z.maxLength(100))),
      }),
    ] as const;
    if (depth >= MAX_CONDITION_DEPTH) return z.discriminatedUnion('test', [...leaves]);
    const parts = z.array(condition(depth + 1)).check(z.minLength(1));
    return z.discriminatedUnion('test', [
      ...leaves,
      z.strictObject({ test: z.literal('all'), of: parts }),
      z.strictObject({ test: z.literal('any'), of: parts }),
    ]);
  };
  const stage = z.strictObject({
    name,
    step: z.enum([
      'expect',
      'monitor',
      'listen-and-understand',
      'facilitate-support',
      'formalise-support',
      'enforce',
    ]),
    review: z.nullable(
      z.strictObject({
        weeks: positiveWhole,
        unit: z.exactOptional(z.enum(['weeks', 'school-weeks'])),
        extension: z.exactOptional(
          z.strictObject({
            weeksPerAbsentDay: whole,
            sessionsPerAbsentDay: positiveWhole,
            maximumWeeks: z.nullable(whole),
          })
        ),
      })
    ),
    onEntry: z.array(name),
    role: z.exactOptional(z.enum(['penalty-notice', 'continued-monitoring'])),
    answersPenaltyThreshold: z.exactOptional(z.boolean()),
    terminal: z.exactOptional(z.boolean()),
  });
  const action = z.strictObject({
    name,
    description: name,
    doneBy: z.enum([
      'letter-sent',
      'meeting-held',
      'plan-agreed',
      'referral-made',
      'penalty-notice-issued',
      'barrier-recorded',
      'support-offered',
      'action-done',
    ]),
    restartsReview: z.exactOptional(z.boolean()),
  });
  const rule = z.strictObject({
    from: z.array(whole).check(z.minLength(1)),
    when: condition(0),
    to: z.union([whole, z.literal('stage-before-improvement'), z.literal('stay')]),
    jump: z.nullable(z.enum(['penalty-threshold', 'override', 're-entry', 'improvement', 'absence-level'])),
    actions: z.exactOptional(z.array(name)),
  });
  return z.strictObject({
    name,
    stages: z.array(stage).check(z.minLength(1), z.maxLength(100)),
    actions: z.record(name, action),
    rules: z.array(rule),
  }) satisfies z.ZodMiniType<EscalationLadder>;
});
