import { AttendanceError } from '../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { latenessPolicySchema } from './schema.js';
import type { LatenessPolicy } from './types.js';

/**
 * Validates a lateness policy, e.g. from a trust's configuration file, reporting every problem with its path.
 *
 * @remarks
 * Checks that register times are 24-hour `HH:MM` times and that each register closes after it opens and no more
 * than {@link DFE_REGISTER_MAXIMUM_OPEN_MINUTES} (30) minutes later; that each half-term action counts `L`, `U` or
 * both, from a positive whole number of marks, with an upper end (if any) no lower than its lower end; that the
 * persistent-lateness window has a positive whole length and threshold, a known unit and known register codes;
 * and that there are no unknown fields (a misspelt setting is reported, not ignored). To change a preset, spread
 * it: `defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: '08:50', registerCloses: '09:20' })`.
 *
 * @param input - The policy, e.g. `JSON.parse` of a configuration file.
 * @returns The validated policy.
 * @throws {@link AttendanceError} Listing every invalid value with its path.
 * @example
 * defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: '08:50', registerCloses: '09:20' }).registerCloses
 * //=> '09:20'
 *
 * defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerCloses: '09:45' })
 * // throws: the register would stay open 45 minutes (path ['registerCloses'])
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE, Working together to improve school attendance: the register stays open no longer than 30 minutes)
 * @category Lateness
 */
export function defineLatenessPolicy(input: unknown): LatenessPolicy {
  const result = latenessPolicySchema().safeParse(input, ZOD_PARSE_CONTEXT);
  if (result.success) return result.data;
  const [first, ...rest] = fromZodIssues(result.error.issues);
  throw new AttendanceError(
    // Stryker disable next-line ConditionalExpression: zod fails a parse only with an issue, so first is always set
    first === undefined
      ? // Stryker disable next-line all: unreachable for the same reason; kept so the error always has an issue
        [{ code: 'invalid_value', severity: 'error', message: 'Invalid lateness policy.', path: [] }]
      : [first, ...rest]
  );
}
