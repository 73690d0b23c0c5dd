import * as z from 'zod/mini';
import { toCompactCode } from '../codes/compactCodes.js';
import { lazy } from '../_internal/lazy.js';

/**
 * One untrusted mark: a real ISO date, AM or PM, a known code (or no mark yet), optional minutes late. Built on
 * first use (see {@link lazy}), so that importing this module builds nothing.
 */
export const sessionMarkSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    pupilId: z.exactOptional(z.string().check(z.minLength(1))),
    date: z.iso.date(),
    session: z.enum(['AM', 'PM']),
    code: z.string().check(
      z.refine((code) => toCompactCode(code) !== undefined, {
        message: 'Unknown register code: it is in neither the 2024 nor the pre-2024 code set.',
        params: {
          code: 'unknown_code',
          expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        },
      })
    ),
    minutesLate: z.exactOptional(z.int().check(z.minimum(0))),
  })
);

/** An untrusted array of marks, each checked as {@link sessionMarkSchema} checks one; built on first use. */
export const sessionMarksSchema = /* @__PURE__ */ lazy(() => z.array(sessionMarkSchema()));
