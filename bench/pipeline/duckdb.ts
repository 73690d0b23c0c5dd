/**
 * The DuckDB baseline: `read_csv` of the register into an in-memory table, then ONE SQL query that computes the
 * same per-pupil figures as the other paths, on 2 threads. The category of each code and the school week of
 * each date come from two small tables made from the library's code tables and calendar, so SQL and library
 * agree on definitions and the query only has to get the arithmetic right.
 *
 * The query is run twice: cold (right after the load) and warm (best of the later runs). Query times include
 * reading the result rows into JavaScript, as every other path ends with its figures in JavaScript.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { eachSchoolWeek } from '../../src/index.js';
import type { SchoolCalendar, WindowRule } from '../../src/index.js';
import { categoryByCode, createPupilFigures, FIGURE_FIELDS, PENALTY_WINDOW } from './figures.js';
import type { PupilFigures } from './figures.js';
import { startStopwatch } from './stopwatch.js';
import type { Elapsed } from './stopwatch.js';

/** What the baseline measured. */
export interface DuckDbTimings {
  /** Creating the in-memory database, `SET threads` and the two lookup tables. */
  readonly setup: Elapsed;
  /** `CREATE TABLE marks AS SELECT * FROM read_csv(…)`. */
  readonly load: Elapsed;
  /** The first run of the query, results read into JavaScript. */
  readonly queryCold: Elapsed;
  /** The fastest later run of the same query. */
  readonly queryWarm: Elapsed;
  /** Setup, load and the cold query: from a CSV file to figures. */
  readonly endToEnd: Elapsed;
}

export interface DuckDbRun {
  readonly figures: PupilFigures;
  readonly timings: DuckDbTimings;
  /** The rows the query returned (one per pupil). */
  readonly rows: number;
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `'2024-09-02'` moved by `days` days (calendar arithmetic in UTC, so no time zone can shift it). */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * `codes(code, category, in_window)`: the library's category of every code, and whether the window counts it.
 * Exported for bench/sql.bench.ts, which sets up the same baseline beside the generated SQL.
 */
export function codeTableSql(rule: WindowRule): string {
  const counted = new Set<string>(rule.codes);
  const rows = [...categoryByCode()].map(
    ([code, category]) => `(${literal(code)}, ${literal(category)}, ${counted.has(code)})`
  );
  return `CREATE TABLE codes (code VARCHAR PRIMARY KEY, category VARCHAR, in_window BOOLEAN);
INSERT INTO codes VALUES ${rows.join(', ')};`;
}

/**
 * `school_weeks(date, week)`: every day (Monday to Sunday) of every school week of the calendar, with the
 * week's index from the library's `eachSchoolWeek` (holiday weeks are not school weeks, so they have no rows).
 * Exported for bench/sql.bench.ts.
 */
export function schoolWeekTableSql(calendar: SchoolCalendar): string {
  const rows = eachSchoolWeek(calendar).flatMap((week) =>
    [0, 1, 2, 3, 4, 5, 6].map((offset) => `(DATE ${literal(addDays(week.monday, offset))}, ${week.index})`)
  );
  return `CREATE TABLE school_weeks (date DATE PRIMARY KEY, week INTEGER);
INSERT INTO school_weeks VALUES ${rows.join(', ')};`;
}

/** `CREATE TABLE marks AS SELECT * FROM read_csv(…)`, the date column typed DATE. Exported for bench/sql.bench.ts. */
export function loadSql(csvFile: string): string {
  // Explicit columns and no sniffing: the file's shape is known, and `\` and `#` are codes, not escapes or comments.
  return `CREATE TABLE marks AS SELECT * FROM read_csv(${literal(csvFile)},
  header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
  columns = {'pupil_id': 'VARCHAR', 'date': 'DATE', 'session': 'VARCHAR', 'code': 'VARCHAR',
             'minutes_late': 'INTEGER', 'comment': 'VARCHAR'});`;
}

/**
 * The figures of every pupil in one query.
 *
 * Counts: the marks are counted per pupil and code, then joined to the code table and summed by category
 * (joining the few distinct codes of each pupil rather than every mark).
 *
 * The window reads the marks again, keeping the counted (G/N/O/U) ones with their school week. For a counted
 * session in school week w, the sessions within the window ending at it are those of weeks w-9 … w-1 (a RANGE
 * frame over the week index) plus those of week w up to and including it (its row number within the week, by
 * date and session). That is how `countRollingWindow` counts: the window ending at a session holds its whole
 * week only up to the session itself. The maximum is the largest such count, the first date the earliest session
 * where it reaches 10.
 *
 * A code missing from the code table is counted as `unknown_codes`, so it cannot be dropped silently; a counted
 * mark on a date outside every school week would be (the library rejects it; the generator never writes one).
 *
 * The query reads `marks` twice rather than sharing a CTE of classified marks: DuckDB materialises a CTE that is
 * used twice, and writing out the 38 million joined rows made the query three to eight times slower.
 */
export function figuresSql(rule: WindowRule = PENALTY_WINDOW): string {
  return `WITH by_code AS (
  SELECT pupil_id, code, count(*) AS sessions
  FROM marks
  GROUP BY pupil_id, code
),
counts AS (
  SELECT b.pupil_id,
    coalesce(sum(b.sessions) FILTER (WHERE c.category IN ('present', 'approved-educational-activity')), 0)
      AS attended,
    coalesce(sum(b.sessions) FILTER (WHERE c.category = 'authorised'), 0) AS authorised,
    coalesce(sum(b.sessions) FILTER (WHERE c.category = 'unauthorised'), 0) AS unauthorised,
    coalesce(sum(b.sessions) FILTER (WHERE c.category IS NULL), 0) AS unknown_codes
  FROM by_code b LEFT JOIN codes c ON c.code = b.code
  GROUP BY b.pupil_id
),
windowed AS (
  SELECT m.pupil_id, m.date,
    count(*) OVER (PARTITION BY m.pupil_id ORDER BY w.week
                   RANGE BETWEEN ${rule.length - 1} PRECEDING AND 1 PRECEDING)
    + row_number() OVER (PARTITION BY m.pupil_id, w.week ORDER BY m.date, m.session) AS in_window
  FROM marks m
  JOIN codes c ON c.code = m.code
  JOIN school_weeks w ON w.date = m.date
  WHERE c.in_window
),
window_figures AS (
  SELECT pupil_id,
    max(in_window) AS maximum_in_window,
    min(date) FILTER (WHERE in_window >= ${rule.threshold}) AS first_reached
  FROM windowed
  GROUP BY pupil_id
),
pupils AS (
  SELECT c.pupil_id, c.attended, c.authorised, c.unauthorised, c.unknown_codes,
    c.attended + c.authorised + c.unauthorised AS possible,
    c.authorised + c.unauthorised AS absent,
    coalesce(w.maximum_in_window, 0) AS maximum_in_window,
    w.first_reached
  FROM counts c LEFT JOIN window_figures w ON w.pupil_id = c.pupil_id
)
SELECT pupil_id,
  possible::INTEGER AS possible,
  attended::INTEGER AS attended,
  authorised::INTEGER AS authorised,
  unauthorised::INTEGER AS unauthorised,
  absent::INTEGER AS absent,
  (CASE WHEN possible = 0 THEN 0
        WHEN absent * 100 >= possible * 50 THEN 2
        WHEN absent * 100 >= possible * 10 THEN 1
        ELSE 0 END)::INTEGER AS absenceClass,
  maximum_in_window::INTEGER AS maximumInWindow,
  coalesce(year(first_reached) * 10000 + month(first_reached) * 100 + day(first_reached), 0)::INTEGER
    AS firstReached,
  unknown_codes::INTEGER AS unknown_codes
FROM pupils`;
}

/** Runs the query and reads its rows into figure columns, placed by pupil id. Exported for bench/sql.bench.ts. */
export async function runFiguresQuery(
  connection: DuckDBConnection,
  pupilIds: readonly string[]
): Promise<{ figures: PupilFigures; rows: number }> {
  const reader = await connection.runAndReadAll(figuresSql());
  const columns = reader.getColumnsObjectJS();
  const ids = columns['pupil_id'] ?? [];
  const indexOf = new Map(pupilIds.map((pupilId, index) => [pupilId, index]));
  const figures = createPupilFigures(pupilIds.length);
  const unknownCodes = columns['unknown_codes'] ?? [];
  for (let row = 0; row < ids.length; row += 1) {
    const pupilId = ids[row];
    if (typeof pupilId !== 'string')
      throw new Error(`DuckDB returned a pupil id that is no string in row ${row}`);
    const pupil = indexOf.get(pupilId);
    if (pupil === undefined) throw new Error(`DuckDB returned pupil ${pupilId}, who was not generated`);
    if (unknownCodes[row] !== 0) throw new Error(`pupil ${pupilId} has codes of no category`);
    for (const field of FIGURE_FIELDS) figures[field][pupil] = Number(columns[field]?.[row]);
  }
  return { figures, rows: ids.length };
}

/**
 * Loads the CSV into a fresh in-memory DuckDB and runs the figures query `1 + warmRounds` times.
 *
 * @param options - DuckDB's worker threads (`SET threads`) and the number of warm runs of the query.
 */
export async function runDuckDb(
  csvFile: string,
  calendar: SchoolCalendar,
  pupilIds: readonly string[],
  options: { readonly threads: number; readonly warmRounds: number }
): Promise<DuckDbRun> {
  const total = startStopwatch();
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET threads = ${options.threads}`);
    await connection.run(codeTableSql(PENALTY_WINDOW));
    await connection.run(schoolWeekTableSql(calendar));
    const setup = total();

    const loading = startStopwatch();
    await connection.run(loadSql(csvFile));
    const load = loading();

    const coldQuery = startStopwatch();
    const cold = await runFiguresQuery(connection, pupilIds);
    const queryCold = coldQuery();
    const endToEnd = total();

    let queryWarm: Elapsed | undefined;
    for (let round = 0; round < Math.max(1, options.warmRounds); round += 1) {
      const warmQuery = startStopwatch();
      await runFiguresQuery(connection, pupilIds);
      const elapsed = warmQuery();
      if (queryWarm === undefined || elapsed.seconds < queryWarm.seconds) queryWarm = elapsed;
    }
    return {
      figures: cold.figures,
      rows: cold.rows,
      timings: { setup, load, queryCold, queryWarm: queryWarm!, endToEnd },
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
