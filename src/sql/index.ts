/**
 * `school-attendance/sql`: the rules compiled to SQL for DuckDB and PostgreSQL, so that they run where the
 * registers already are. Nothing here is loaded by the root entry.
 *
 * @module sql
 */
export { compileRulesToSql } from './compileRulesToSql.js';
export { safeCompileRulesToSql } from './safeCompileRulesToSql.js';
export { SQL_DIALECTS } from './dialects/dialect.js';
export type {
  MarksTableOptions,
  NamedWindowRule,
  RulesSql,
  RulesSqlObjects,
  RulesSqlOptions,
  SqlDialectName,
  SqlOutputOptions,
} from './types.js';
