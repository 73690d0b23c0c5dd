import type { SqlDialect } from './dialect.js';

/**
 * PostgreSQL, 11 or later (`RANGE` window frames with an offset arrived in 11). Tested on PostgreSQL 18 (PGlite)
 * and on Debian's PostgreSQL server. A common table expression read by several steps is worked out once by
 * PostgreSQL itself (always before 12, and from 12 whenever it is read more than once).
 */
export const postgres: SqlDialect = {
  name: 'postgres',
  title: 'PostgreSQL',
  text: 'TEXT',
  // Backslashes in string literals are ordinary characters, as the generator writes them (the default since 9.1).
  preamble: ['SET standard_conforming_strings = on;'],
  materialized: '',
  // PostgreSQL has no zone maps: a second count would read the table again, where the comparison with the
  // as-of date (an init-plan parameter) is cheap.
  countsAfterAsOfApart: false,
  integerDivision: (dividend, divisor) => `(${dividend}) / (${divisor})`,
  pupilCodesExtra: () => [],
  duplicatesQuery: ({ marks, codes }) => `SELECT m.pupil_id, count(*) - count(DISTINCT m.slot) AS duplicates
    FROM ${marks} AS m
    JOIN ${codes} AS c ON c.code_set = m.code_set AND c.code = m.code
    GROUP BY m.pupil_id`,
};
