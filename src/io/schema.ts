import { z } from 'zod';
import { toCompactCode } from '../codes/compactCodes.js';

/** One untrusted mark: a real ISO date, AM or PM, a known code (or no mark yet), optional minutes late. */
export const SessionMarkSchema = z.object({
  pupilId: z.string().min(1).exactOptional(),
  date: z.iso.date(),
  session: z.enum(['AM', 'PM']),
  code: z.string().refine((code) => toCompactCode(code) !== undefined, {
    message: 'Unknown register code: it is in neither the 2024 nor the pre-2024 code set.',
    params: {
      code: 'unknown_code',
      expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
    },
  }),
  minutesLate: z.int().min(0).exactOptional(),
});

/** An untrusted array of marks, each checked as {@link SessionMarkSchema} checks one. */
export const SessionMarksSchema = z.array(SessionMarkSchema);
