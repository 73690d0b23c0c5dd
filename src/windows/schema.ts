import { z } from 'zod';
import type { IsoDate } from '../calendar/types.js';
import { toCompactCode } from '../codes/compactCodes.js';
import type { RegisterCode } from '../codes/types.js';
import type { WindowRule } from './types.js';

/** A rolling-window rule: positive whole lengths and thresholds, known codes, each once. */
export const WindowRuleSchema = z.strictObject({
  length: z.int().min(1),
  unit: z.enum(['school-weeks', 'calendar-weeks', 'calendar-days']),
  threshold: z.int().min(1),
  codes: z
    .array(
      z.string().refine((code) => code !== '-' && code !== '' && toCompactCode(code) !== undefined, {
        message: 'Expected a register code of either code set.',
        params: { code: 'unknown_code', expected: 'a register code of either code set' },
      })
    )
    .min(1)
    .refine((codes) => new Set(codes).size === codes.length, {
      message: 'Each code is listed once.',
      params: { code: 'invalid_value', expected: 'each code once' },
    })
    .transform((codes) => codes as RegisterCode[]),
  countFrom: z.iso
    .date()
    .transform((value) => value as IsoDate)
    .exactOptional(),
}) satisfies z.ZodType<WindowRule>;
