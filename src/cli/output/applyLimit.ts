import { plural } from './plural.js';

/** Rows cut to `--limit`, and how many were left out. */
export interface LimitedRows<T> {
  /** The rows shown. */
  readonly shown: readonly T[];
  /** How many were left out. */
  readonly omitted: number;
}

/**
 * Keeps the first `limit` rows of a list (all of them when there is no limit).
 *
 * @param rows - The rows, in the order they are reported.
 * @param limit - The `--limit` option.
 * @returns The rows shown and the number left out.
 * @example
 * applyLimit(['a', 'b', 'c'], 2) //=> { shown: ['a', 'b'], omitted: 1 }
 */
export function applyLimit<T>(rows: readonly T[], limit: number | undefined): LimitedRows<T> {
  if (limit === undefined || rows.length <= limit) return { shown: rows, omitted: 0 };
  return { shown: rows.slice(0, limit), omitted: rows.length - limit };
}

/**
 * The line that says rows were left out, for a table.
 *
 * @param omitted - How many were left out.
 * @param noun - What one row is, e.g. `'pupil'`; an `s` is added for more than one.
 * @returns The line, or nothing when none were left out.
 * @example
 * omittedLines(3, 'pupil') //=> ['… and 3 more pupils (raise --limit to see them)']
 * omittedLines(1, 'pupil') //=> ['… and 1 more pupil (raise --limit to see it)']
 */
export function omittedLines(omitted: number, noun: string): string[] {
  return omitted === 0
    ? []
    : [`… and ${plural(omitted, `more ${noun}`)} (raise --limit to see ${omitted === 1 ? 'it' : 'them'})`];
}
