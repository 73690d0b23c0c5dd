import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { compileRulesToSql } from './compileRulesToSql.js';
import type { RulesSql, RulesSqlOptions } from './types.js';

/**
 * {@link compileRulesToSql} that never throws: invalid options come back as `{ success: false, error }`.
 *
 * @param options - As {@link compileRulesToSql}; any value is accepted and checked.
 * @returns The script and its objects, or the error listing every invalid option.
 * @example
 * const result = safeCompileRulesToSql({ dialect: 'oracle', calendar });
 * result.success //=> false
 * result.success || result.error.issues[0].path //=> ['dialect']
 * @category SQL
 */
export function safeCompileRulesToSql(options: unknown): SafeResult<RulesSql> {
  try {
    return { success: true, data: compileRulesToSql(options as RulesSqlOptions) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    // Only an exception raised by the caller's own code (a getter of the options) passes through.
    throw error;
  }
}
