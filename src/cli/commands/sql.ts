import type { IsoDate, SchoolCalendar } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { AttendancePolicy } from '../../policy/types.js';
import type { RulesSql, RulesSqlOptions } from '../../sql/index.js';
import type { SqlCommandOptions } from '../types.js';
import { UsageError } from '../usageError.js';
import { excerpt } from '../../_internal/excerpt.js';

/** What `sql` compiles: the checked calendar and policy, the as-of date and the command's own options. */
export interface SqlCommandInput {
  /** The school calendar (`--calendar`). */
  readonly calendar: SchoolCalendar;
  /** The attendance policy (`--policy`). */
  readonly policy: AttendancePolicy;
  /** The first value of the script's as-of date (`--as-of`); every mark is counted without it. */
  readonly asOf?: IsoDate | undefined;
  /** The engine, the marks table and where the generated objects go. */
  readonly sql: SqlCommandOptions;
}

/** The engines by name, for people. */
export const SQL_DIALECT_TITLES: Readonly<Record<SqlCommandOptions['dialect'], string>> = {
  duckdb: 'DuckDB',
  postgres: 'PostgreSQL',
};

/** The command-line option and its text behind each option of `compileRulesToSql` that comes from one. */
function optionsByPath(sql: SqlCommandOptions): ReadonlyMap<string, readonly [option: string, text: string]> {
  const table = sql.marksTable;
  const tableText = table === undefined ? '' : [table.schema, table.table].filter(Boolean).join('.');
  return new Map([
    ['marks.schema', ['--marks-table', tableText]],
    ['marks.table', ['--marks-table', tableText]],
    ['marks.columns.order', ['--order-column', sql.orderColumn ?? '']],
    ['output.schema', ['--schema', sql.schema ?? '']],
    ['output.prefix', ['--prefix', sql.prefix ?? '']],
  ]);
}

/**
 * The usage error for the first problem that is an option's value (a prefix that is not a lower-case word, a
 * name over PostgreSQL's 63 bytes), naming the option; undefined when no problem is one.
 */
function optionError(error: AttendanceError, sql: SqlCommandOptions): UsageError | undefined {
  const byPath = optionsByPath(sql);
  for (const issue of error.issues) {
    const given = byPath.get(issue.path.join('.'));
    if (given === undefined) continue;
    const [option, text] = given;
    // The library's message without its path and the value, which the command line words its own way.
    const prefix = `${issue.path.join('.')}: `;
    const suffix = `; received ${issue.received ?? ''}.`;
    const problem =
      issue.message.startsWith(prefix) && issue.message.endsWith(suffix)
        ? issue.message.slice(prefix.length, -suffix.length)
        : `Expected ${issue.expected ?? 'another value'}`;
    return new UsageError(
      `${option}: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}; received ${excerpt(text)}.`,
      'sql'
    );
  }
  return undefined;
}

/**
 * `sql`: the rules compiled to a SQL script for DuckDB or PostgreSQL, by `compileRulesToSql`, which is loaded
 * here and only here, so that no other command pays for it.
 *
 * @param input - The calendar, policy, as-of date and the command's options.
 * @returns The script and the names of what it creates.
 * @throws {@link UsageError} If an option's value is refused (a prefix, a schema or table name).
 * @throws {@link AttendanceError} For any other problem `compileRulesToSql` finds.
 * @example
 * const { sql } = await sqlCommand({ calendar, policy: HCAT_POLICY, sql: { dialect: 'postgres' } });
 */
export async function sqlCommand(input: SqlCommandInput): Promise<RulesSql> {
  const { compileRulesToSql } = await import('../../sql/index.js');
  const { sql } = input;
  const columns = sql.orderColumn === undefined ? undefined : { order: sql.orderColumn };
  const marks: NonNullable<RulesSqlOptions['marks']> = {
    ...(sql.marksTable?.schema === undefined ? {} : { schema: sql.marksTable.schema }),
    ...(sql.marksTable === undefined ? {} : { table: sql.marksTable.table }),
    ...(columns === undefined ? {} : { columns }),
    ...(sql.dateType === undefined ? {} : { dateType: sql.dateType }),
    ...(sql.uniqueSessions === true ? { uniqueSessions: true } : {}),
  };
  const output: NonNullable<RulesSqlOptions['output']> = {
    ...(sql.schema === undefined ? {} : { schema: sql.schema }),
    ...(sql.prefix === undefined ? {} : { prefix: sql.prefix }),
  };
  try {
    return compileRulesToSql({
      dialect: sql.dialect,
      calendar: input.calendar,
      policy: input.policy,
      ...(Object.keys(marks).length === 0 ? {} : { marks }),
      ...(Object.keys(output).length === 0 ? {} : { output }),
      ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
      ...(sql.duplicates === undefined ? {} : { duplicates: sql.duplicates }),
    });
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    throw optionError(error, sql) ?? error;
  }
}
