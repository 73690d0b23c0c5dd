import { z } from 'zod';
import { WindowRuleSchema } from '../windows/schema.js';
import { CLOCK_TIME_EXPECTED, minutesOfClockTime } from '../_internal/clockTime.js';
import { DFE_REGISTER_MAXIMUM_OPEN_MINUTES } from './presets.js';
import type { LatenessPolicy, RegisterTimes } from './types.js';

const ClockTimeSchema = z.string().refine((value) => minutesOfClockTime(value) !== undefined, {
  message: 'Expected a 24-hour time as HH:MM.',
  params: { code: 'invalid_value', expected: CLOCK_TIME_EXPECTED },
});

const RegisterTimesSchema = z.strictObject({
  registerOpens: ClockTimeSchema,
  registerCloses: ClockTimeSchema,
});

const LatenessActionSchema = z
  .strictObject({
    codes: z
      .array(z.enum(['L', 'U']))
      .min(1)
      .refine((codes) => new Set(codes).size === codes.length, {
        message: 'Each code is listed once.',
        params: { code: 'invalid_value', expected: 'each code once' },
      }),
    atLeast: z.int().min(1),
    atMost: z.int().min(1).exactOptional(),
    action: z.string().min(1),
    label: z.string().min(1),
  })
  .superRefine((action, context) => {
    if (action.atMost !== undefined && action.atMost < action.atLeast) {
      context.addIssue({
        code: 'custom',
        path: ['atMost'],
        message: `Action "${action.action}" covers ${action.atLeast} to ${action.atMost} marks: its upper end is below its lower end.`,
        params: { code: 'invalid_value', expected: `at least ${action.atLeast}` },
        input: action.atMost,
      });
    }
  });

// Checks that a register closes after it opens and no more than the DfE maximum later. It runs even when other
// fields are invalid (so that every problem is reported at once), hence reads its input defensively.
function checkRegisterTimes(
  times: unknown,
  path: readonly (string | number)[],
  context: z.core.$RefinementCtx
): void {
  if (typeof times !== 'object' || times === null) return;
  const { registerOpens, registerCloses } = times as Partial<Record<keyof RegisterTimes, unknown>>;
  const opens = minutesOfClockTime(registerOpens);
  const closes = minutesOfClockTime(registerCloses);
  if (opens === undefined || closes === undefined) return;
  const [opensText, closesText] = [registerOpens as string, registerCloses as string];
  if (closes <= opens) {
    context.addIssue({
      code: 'custom',
      path: [...path, 'registerCloses'],
      message: `The register closes (${closesText}) no later than it opens (${opensText}).`,
      params: { code: 'invalid_value', expected: `a time after ${opensText}` },
      input: closesText,
    });
  } else if (closes - opens > DFE_REGISTER_MAXIMUM_OPEN_MINUTES) {
    context.addIssue({
      code: 'custom',
      path: [...path, 'registerCloses'],
      message: `The register stays open ${closes - opens} minutes (${opensText} to ${closesText}); DfE guidance allows no more than ${DFE_REGISTER_MAXIMUM_OPEN_MINUTES}.`,
      params: {
        code: 'invalid_value',
        expected: `a time no more than ${DFE_REGISTER_MAXIMUM_OPEN_MINUTES} minutes after ${opensText}`,
      },
      input: closesText,
    });
  }
}

/** A lateness policy: its shape, action ranges and register times, every problem at once; assignable to {@link LatenessPolicy}. */
export const LatenessPolicySchema = z
  .strictObject({
    registerOpens: ClockTimeSchema,
    registerCloses: ClockTimeSchema,
    afternoonRegister: RegisterTimesSchema.exactOptional(),
    halfTermActions: z.array(LatenessActionSchema),
    persistentLateness: WindowRuleSchema,
  })
  .superRefine(
    (policy, context) => {
      checkRegisterTimes(policy, [], context);
      checkRegisterTimes(policy.afternoonRegister, ['afternoonRegister'], context);
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null }
  ) satisfies z.ZodType<LatenessPolicy>;
