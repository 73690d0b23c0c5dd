import * as z from 'zod/mini';
import { windowRuleSchema } from '../windows/schema.js';
import { CLOCK_TIME_EXPECTED, minutesOfClockTime } from '../_internal/clockTime.js';
import { lazy } from '../_internal/lazy.js';
import { DFE_REGISTER_MAXIMUM_OPEN_MINUTES } from './presets.js';
import type { LatenessPolicy, RegisterTimes } from './types.js';

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

/**
 * A lateness policy: its shape, action ranges and register times, every problem at once; assignable to
 * {@link LatenessPolicy}. Built on first use (see {@link lazy}), so that importing this module builds nothing.
 */
export const latenessPolicySchema = /* @__PURE__ */ lazy(() => {
  const clockTime = z.string().check(
    z.refine((value) => minutesOfClockTime(value) !== undefined, {
      message: 'Expected a 24-hour time as HH:MM.',
      params: { code: 'invalid_value', expected: CLOCK_TIME_EXPECTED },
    })
  );
  const registerTimes = z.strictObject({ registerOpens: clockTime, registerCloses: clockTime });
  const latenessAction = z
    .strictObject({
      codes: z.array(z.enum(['L', 'U'])).check(
        z.minLength(1),
        z.refine((codes) => new Set(codes).size === codes.length, {
          message: 'Each code is listed once.',
          params: { code: 'invalid_value', expected: 'each code once' },
        })
      ),
      atLeast: z.int().check(z.minimum(1)),
      atMost: z.exactOptional(z.int().check(z.minimum(1))),
      action: z.string().check(z.minLength(1)),
      label: z.string().check(z.minLength(1)),
    })
    .check(
      z.superRefine((action, context) => {
        if (action.atMost !== undefined && action.atMost < action.atLeast) {
          context.addIssue({
            code: 'custom',
            path: ['atMost'],
            message: `Action "${action.action}" covers ${action.atLeast} to ${action.atMost} marks: its upper end is below its lower end.`,
            params: { code: 'invalid_value', expected: `at least ${action.atLeast}` },
            input: action.atMost,
          });
        }
      })
    );
  return z
    .strictObject({
      registerOpens: clockTime,
      registerCloses: clockTime,
      afternoonRegister: z.exactOptional(registerTimes),
      halfTermActions: z.array(latenessAction),
      persistentLateness: windowRuleSchema(),
    })
    .check(
      z.superRefine(
        (policy, context) => {
          checkRegisterTimes(policy, [], context);
          checkRegisterTimes(policy.afternoonRegister, ['afternoonRegister'], context);
        },
        { when: (payload) => typeof payload.value === 'object' && payload.value !== null }
      )
    ) satisfies z.ZodMiniType<LatenessPolicy>;
});
