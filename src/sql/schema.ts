import * as z from 'zod/mini';
import { schoolCalendarSchema } from '../calendar/schema.js';
import { attendancePolicySchema, bandTableSchema } from '../policy/schema.js';
import { windowRuleSchema } from '../windows/schema.js';
import { lazy } from '../_internal/lazy.js';
import { SQL_DIALECTS } from './dialects/dialect.js';

/** At most 63 bytes, PostgreSQL's limit for a name; no control characters (they have no place in a name). */
const identifierSchema = /* @__PURE__ */ lazy(() =>
  z.string().check(
    z.minLength(1),
    z.refine((name) => new TextEncoder().encode(name).length <= 63, {
      message: 'Expected a name of at most 63 bytes.',
      params: { expected: 'a name of 1 to 63 bytes' },
    }),
    // eslint-disable-next-line no-control-regex
    z.refine((name) => !/[\u0000-\u001f\u007f]/u.test(name), {
      message: 'Expected a name without control characters.',
      params: { expected: 'a name without control characters' },
    })
  )
);

/** Names the generator pastes after a prefix or into a column list: plain lower-case words. */
const WORD = /^[a-z][a-z0-9_]{0,31}$/u;
/** The start of every generated name: with the longest word after it, still within PostgreSQL's 63 bytes. */
const PREFIX = /^[a-z_][a-z0-9_]{0,23}$/u;

/** The options of {@link compileRulesToSql}, checked before a line is written. */
export const rulesSqlOptionsSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    dialect: z.enum(SQL_DIALECTS),
    calendar: schoolCalendarSchema(),
    policy: z.optional(attendancePolicySchema()),
    bands: z.optional(bandTableSchema()),
    windows: z.optional(
      z
        .array(
          z.strictObject({
            name: z.string().check(
              z.refine((name) => WORD.test(name), {
                message:
                  'Expected a lower-case word: a letter, then letters, digits or underscores (at most 32).',
                params: { expected: 'a lower-case word such as penalty_notice' },
              })
            ),
            rule: windowRuleSchema(),
          })
        )
        .check(
          z.minLength(1),
          z.maxLength(32),
          z.refine((rules) => new Set(rules.map((rule) => rule.name)).size === rules.length, {
            message: 'Each window rule has a name of its own.',
            params: { expected: 'distinct names' },
          })
        )
    ),
    marks: z.optional(
      z.strictObject({
        schema: z.optional(identifierSchema()),
        table: z.optional(identifierSchema()),
        columns: z.optional(
          z.strictObject({
            pupilId: z.optional(identifierSchema()),
            date: z.optional(identifierSchema()),
            session: z.optional(identifierSchema()),
            code: z.optional(identifierSchema()),
            order: z.optional(identifierSchema()),
          })
        ),
        dateType: z.optional(z.enum(['date', 'text'])),
        uniqueSessions: z.optional(z.boolean()),
      })
    ),
    output: z.optional(
      z.strictObject({
        schema: z.optional(identifierSchema()),
        prefix: z.optional(
          z.string().check(
            z.refine((prefix) => PREFIX.test(prefix), {
              message: 'Expected a prefix of lower-case letters, digits and underscores (at most 24).',
              params: { expected: 'a prefix such as sa_' },
            })
          )
        ),
      })
    ),
    asOf: z.optional(z.iso.date()),
    codeSet: z.optional(z.enum(['by-date', '2024', 'pre-2024'])),
    unmarked: z.optional(z.enum(['unmarked', 'as-N'])),
    duplicates: z.optional(z.enum(['error', 'precedence'])),
  })
);
