import { AttendanceError } from '../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { mergeOverrides } from '../_internal/mergeOverrides.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import { escalationPolicySchema } from './schema.js';
import type { EscalationPolicy } from './types.js';

/**
 * Builds an escalation policy from changes to a base (the trust preset unless another is given) and validates
 * it: percentages from 0 to 100 with at most two decimals, whole positive periods, the stage 1 line no higher
 * than the warning line, and no unknown fields. Overrides that are not an object (a number, a string, `null`) are
 * one error at the root, not merged away in silence nor spread into one unknown field per character.
 *
 * @param overrides - The changes, e.g. from a school's configuration file.
 * @param base - The policy to start from.
 * @returns The validated policy.
 * @throws {@link AttendanceError} Listing every invalid value with its path.
 * @example
 * const policy = defineEscalationPolicy({ monitoringWeeks: 6, maximumExtensionWeeks: 4 });
 * policy.monitoringWeeks //=> 6
 * @category Escalation
 */
export function defineEscalationPolicy(
  overrides: Partial<EscalationPolicy> = {},
  base: EscalationPolicy = HCAT_ESCALATION_POLICY
): EscalationPolicy {
  const { merged, issues } = mergeOverrides(base, overrides, []);
  if (merged !== undefined) {
    const result = escalationPolicySchema().safeParse(merged, ZOD_PARSE_CONTEXT);
    if (result.success) return result.data;
    issues.push(...result.error.issues);
  }
  const [first, ...rest] = fromZodIssues(issues);
  throw new AttendanceError(
    // Stryker disable next-line ConditionalExpression: defensive, never reached: overrides that are not an object give one issue, and a failed parse gives at least one
    first === undefined
      ? // Stryker disable next-line ArrayDeclaration,ObjectLiteral,StringLiteral: defensive, never reached (see above)
        [{ code: 'invalid_value', severity: 'error', message: 'Invalid escalation policy.', path: [] }]
      : [first, ...rest]
  );
}
