import * as z from 'zod/mini';
import type { IsoDate } from '../calendar/types.js';
import { toCompactCode } from '../codes/compactCodes.js';
import type { RegisterCode } from '../codes/types.js';
import { lazy } from '../_internal/lazy.js';
import type { WindowRule } from './types.js';

/**
 * A rolling-window rule: positive whole lengths and thresholds, known codes, each once. Built on first use (see
 * {@link lazy}), so that importing this module builds nothing.
 */
export const windowRuleSchema = /* @__PURE__ */ lazy(
  () =>
    z.strictObject({
      length: z.int().check(z.minimum(1)),
      unit: z.enum(['school-weeks', 'calendar-weeks', 'calendar-days']),
      threshold: z.int().check(z.minimum(1)),
      codes: z.pipe(
        z
          .array(
            z.string().check(
              z.refine((code) => code !== '-' && code !== '' && toCompactCode(code) !== undefined, {
                message: 'Expected a register code of either code set.',
                params: { code: 'unknown_code', expected: 'a register code of either code set' },
              })
            )
          )
          .check(
            z.minLength(1),
            z.refine((codes) => new Set(codes).size === codes.length, {
              message: 'Each code is listed once.',
              params: { code: 'invalid_value', expected: 'each code once' },
            })
          ),
        z.transform((codes: string[]) => codes as RegisterCode[])
      ),
      countFrom: z.exactOptional(
        z.pipe(
          z.iso.date(),
          z.transform((value: string) => value as IsoDate)
        )
      ),
    }) satisfies z.ZodMiniType<WindowRule>
);
