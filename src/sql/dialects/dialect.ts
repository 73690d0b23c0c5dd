/**
 * What differs between the SQL engines the generator writes for. Everything else in the generated script is
 * standard SQL that DuckDB and PostgreSQL (11 or later) both run: views, common table expressions, `FILTER`
 * clauses, window functions with `RANGE … PRECEDING` frames over integers, and date arithmetic in whole days.
 * A new dialect is one more object of this shape.
 */
export interface SqlDialect {
  /** The dialect's name, as the `dialect` option takes it. */
  readonly name: SqlDialectName;
  /** A name for people, for the script's header. */
  readonly title: string;
  /** The text type. */
  readonly text: string;
  /** Statements that set the session up before anything else (e.g. PostgreSQL's string-literal mode). */
  readonly preamble: readonly string[];
  /**
   * What makes a named query that several steps read be worked out once (`MATERIALIZED ` or nothing where the
   * engine does so by itself).
   */
  readonly materialized: string;
  /**
   * Whether the one pass over the marks groups them by pupil, code set and code alone and counts those after the
   * as-of date in a separate, filtered pass (`true`), or groups them by their shape and by the as-of comparison
   * as well (`false`).
   */
  readonly countsAfterAsOfApart: boolean;
  /** Integer division of two non-negative integer expressions, rounding down. */
  integerDivision(dividend: string, divisor: string): string;
  /**
   * The marks with a known code each pupil has beyond one per session (an unknown code is its own error, as in
   * the library): a query with columns `pupil_id` and `duplicates`. It may read the named query `known` (the
   * per-pupil code counts with columns `pupil_id`, `well_formed`, `known_code` and whatever
   * {@link pupilCodesExtra} adds), the valid marks view `marks` (`pupil_id`, `date`, `slot`, `code_set`,
   * `code`) and the code table `codes`. `range` is the calendar's first and last day as SQL date literals.
   */
  duplicatesQuery(
    names: { readonly known: string; readonly marks: string; readonly codes: string },
    range: { readonly first: string; readonly last: string; readonly slots: number }
  ): string;
  /** Extra aggregate columns of the per-pupil code counts that {@link duplicatesQuery} reads. */
  pupilCodesExtra(range: {
    readonly first: string;
    readonly last: string;
    readonly slots: number;
  }): readonly string[];
}

/**
 * The dialects {@link compileRulesToSql} writes, each tested on a real engine.
 *
 * @example
 * SQL_DIALECTS //=> ['duckdb', 'postgres']
 * @category SQL
 */
export const SQL_DIALECTS = ['duckdb', 'postgres'] as const;

/**
 * A SQL dialect: DuckDB (1.1 or later) or PostgreSQL (11 or later).
 *
 * @category SQL
 */
export type SqlDialectName = (typeof SQL_DIALECTS)[number];
