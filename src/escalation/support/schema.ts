import * as z from 'zod/mini';
import { lazy } from '../../_internal/lazy.js';
import { KEBAB_ID } from './kebabId.js';
import type { ServiceDirectory } from './types.js';

/** A directory of partner services: every field typed, no unknown fields. Built on first use. */
export const serviceDirectorySchema = /* @__PURE__ */ lazy(() => {
  const text = z.string().check(z.minLength(1), z.maxLength(500));
  const id = z.string().check(z.regex(KEBAB_ID), z.maxLength(100));
  const age = z.int().check(z.minimum(0), z.maximum(25));
  const service = z.strictObject({
    id,
    name: text,
    barriers: z.array(id).check(z.minLength(1)),
    phases: z.array(z.enum(['early-years', 'primary', 'secondary', 'post-16'])).check(z.minLength(1)),
    minimumAge: z.exactOptional(age),
    maximumAge: z.exactOptional(age),
    howToRefer: text,
    consentNeeded: z.boolean(),
    contact: text,
    tier: z.exactOptional(z.enum(['voluntary', 'formal'])),
  });
  return z.strictObject({
    name: text,
    services: z.array(service).check(z.maxLength(10_000)),
  }) satisfies z.ZodMiniType<ServiceDirectory>;
});
