// The rules where the data is: `npx tsx examples/sql-warehouse.ts`. Compiles the trust's rules and the sample
// register's calendar to SQL (docs/guides/sql.md), runs the script on DuckDB over the sample register as CSV and
// as Parquet, and on PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly), and checks that every engine gives
// the figures the library gives on its own. Exits with 1 if any figure differs.

import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { PGlite, types } from '@electric-sql/pglite';
import { parse } from 'csv-parse/sync';
import {
  aggregateCohort,
  analyseCohortRegister,
  defineSchoolCalendar,
  HCAT_POLICY,
  isoDate,
} from '../src/index.js';
import type { IsoDate } from '../src/index.js';
import { importCohortRegisterCsv } from '../src/io/index.js';
import { compileRulesToSql } from '../src/sql/index.js';

const registerFile = fileURLToPath(new URL('./data/sample-trust-register.csv', import.meta.url));
const calendarFile = new URL('./calendars/example-la-2024-2026.json', import.meta.url);
const calendar = defineSchoolCalendar(JSON.parse(readFileSync(calendarFile, 'utf8')) as unknown);
const policy = HCAT_POLICY; // the trust preset, `--policy trust` on the command line
const endOfAutumn = isoDate('2024-12-20');

type Row = Record<string, unknown>;

/** The cohort's figures, as the `sa_cohort` view names them. */
const COHORT = `SELECT enrolments, possible, attended, absent, authorised, unauthorised, persistent_absentees,
  severe_absentees FROM sa_cohort`;

/** The pupils who reached the penalty-notice threshold in the seven days to the as-of date. */
const REACHED_THIS_WEEK = `SELECT w.pupil_id, w.first_reached_date, w.first_reached_session
FROM sa_pupil_windows AS w CROSS JOIN sa_parameters AS p
WHERE w.rule_name = 'penalty_notice' AND w.first_reached_date > p.as_of - 7
ORDER BY w.first_reached_date, w.first_reached_session, w.pupil_id`;

/** A row with its 64-bit integers (counts and sums) as numbers, to compare with the library's. */
function plain(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key, typeof value === 'bigint' ? Number(value) : value])
  );
}

const failures: string[] = [];
/** Says whether an engine's rows are the library's, and keeps the difference for the end if not. */
function check(what: string, actual: unknown, expected: unknown): string {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return 'the same';
  failures.push(`${what}:\n  SQL     ${JSON.stringify(actual)}\n  library ${JSON.stringify(expected)}`);
  return 'DIFFERENT (see below)';
}

// 1. The library on its own: the register streamed into the cohort engine, analysed and aggregated.
const { register, rowsUsed } = await importCohortRegisterCsv(createReadStream(registerFile));

function libraryFigures(asOf?: IsoDate): { cohort: Row; reachedThisWeek: Row[] } {
  const figures = analyseCohortRegister(register, {
    policy,
    calendar,
    windows: [policy.penaltyNotice],
    ...(asOf === undefined ? {} : { asOf }),
  });
  const { counts } = figures;
  const cohort = aggregateCohort(
    register.pupilIds.map((id, pupil) => ({
      id,
      counts: {
        possible: counts.possible[pupil]!,
        attended: counts.attended[pupil]!,
        absent: counts.absent[pupil]!,
        authorised: counts.authorised[pupil]!,
        unauthorised: counts.unauthorised[pupil]!,
      },
    })),
    { policy }
  );
  const weekBefore = new Date(Date.parse(`${asOf ?? '9999-12-31'}T00:00:00Z`) - 7 * 86_400_000);
  const reachedThisWeek = register.pupilIds
    .map((pupilId, pupil) => ({ pupilId, slot: figures.windows[0]!.firstReachedSlot[pupil]! }))
    .filter(({ slot }) => slot >= 0 && register.slots.dates[slot]! > weekBefore.toISOString().slice(0, 10))
    .map(({ pupilId, slot }) => ({
      pupil_id: pupilId,
      first_reached_date: register.slots.dates[slot]!,
      first_reached_session: register.slots.sessions[slot]!,
    }))
    .sort((a, b) => (Object.values(a).join(' ') < Object.values(b).join(' ') ? -1 : 1));
  return {
    cohort: {
      enrolments: cohort.enrolments,
      possible: cohort.possible,
      attended: cohort.attended,
      absent: cohort.absent,
      authorised: cohort.authorised,
      unauthorised: cohort.unauthorised,
      persistent_absentees: cohort.persistentAbsentees,
      severe_absentees: cohort.severeAbsentees,
    },
    reachedThisWeek,
  };
}

const wholeYear = libraryFigures();
const autumn = libraryFigures(endOfAutumn);
const c = wholeYear.cohort;
console.log(
  `Sample trust register: ${rowsUsed} marks of ${register.pupilIds.length} pupils; policy ${policy.name}.`
);
console.log(
  `Library:             ${String(c['enrolments'])} enrolments, ${String(c['attended'])} of ${String(c['possible'])} ` +
    `sessions attended, ${String(c['absent'])} missed (${String(c['unauthorised'])} unauthorised); ` +
    `${String(c['persistent_absentees'])} persistent, ${String(c['severe_absentees'])} severe absentees.`
);

// 2. DuckDB, as in its shell: a view of the CSV named `marks`, the script, then queries. Every column is read as
// text (a pupil id keeps its leading zeros; a date that is no real day becomes a row of sa_issues), so the script
// is compiled with `dateType: 'text'`.
const duckdbScript = compileRulesToSql({ dialect: 'duckdb', calendar, policy, marks: { dateType: 'text' } });
const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
const duckdbRows = async (sql: string): Promise<Row[]> =>
  (await duckdb.runAndReadAll(sql)).getRowObjectsJS().map(plain);
/** A path of the example's own as a SQL string literal (the generated script pastes no value). */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const directory = mkdtempSync(join(tmpdir(), 'sql-warehouse-'));
try {
  await duckdb.run(
    `CREATE VIEW marks AS SELECT pupil_id, date, session, code
     FROM read_csv(${literal(registerFile)}, header = true, all_varchar = true)`
  );
  await duckdb.run(duckdbScript.sql);
  console.log(`DuckDB, read_csv:    ${check('DuckDB over the CSV', await duckdbRows(COHORT), [c])}`);
  const absentees = await duckdbRows(`SELECT pupil_id, round(100.0 * absent / possible, 1) AS percent
    FROM sa_pupil_figures WHERE persistent_absence ORDER BY absent * 1.0 / possible DESC, pupil_id LIMIT 5`);
  console.log(
    `  Persistent absentees, most absent first: ${absentees.map((row) => `${String(row['pupil_id'])} ${String(row['percent'])} %`).join(', ')}`
  );
  const issues = await duckdbRows('SELECT count(*) AS issues FROM sa_issues');
  check('problems with marks (sa_issues)', issues, [{ issues: 0 }]);

  // The same register as Parquet, written by DuckDB, and read back through the same views.
  const parquet = join(directory, 'register.parquet');
  await duckdb.run(`COPY (SELECT * FROM marks) TO ${literal(parquet)} (FORMAT parquet)`);
  await duckdb.run(`CREATE OR REPLACE VIEW marks AS SELECT * FROM read_parquet(${literal(parquet)})`);
  console.log(`DuckDB, Parquet:     ${check('DuckDB over Parquet', await duckdbRows(COHORT), [c])}`);
} finally {
  duckdb.closeSync();
  rmSync(directory, { recursive: true, force: true });
}

// 3. PostgreSQL (PGlite): a marks table with a DATE column, loaded with bound parameters (one array per column,
// turned back into rows by unnest), then the script, as `psql -f rules.sql` runs it.
const postgresScript = compileRulesToSql({ dialect: 'postgres', calendar, policy });
const csvRows = parse<Record<string, string>>(readFileSync(registerFile), { columns: true });
// DATE values as PostgreSQL writes them (YYYY-MM-DD), not as a JS Date at midnight in the machine's time zone.
const postgres = await PGlite.create({ parsers: { [types.DATE]: (text: string) => text } });
try {
  await postgres.exec('CREATE TABLE marks (pupil_id TEXT, date DATE, session TEXT, code TEXT)');
  await postgres.query(
    'INSERT INTO marks SELECT * FROM unnest($1::text[], $2::date[], $3::text[], $4::text[])',
    ['pupil_id', 'date', 'session', 'code'].map((column) => csvRows.map((row) => row[column]))
  );
  await postgres.exec(postgresScript.sql);
  const postgresRows = async (sql: string): Promise<Row[]> =>
    (await postgres.query<Row>(sql)).rows.map(plain);
  console.log(`PostgreSQL (PGlite): ${check('PostgreSQL', await postgresRows(COHORT), [c])}`);

  // Another date, bound as a parameter: nothing is generated again.
  await postgres.query('UPDATE sa_parameters SET as_of = $1', [endOfAutumn]);
  const reached = await postgresRows(REACHED_THIS_WEEK);
  check(`the cohort as of ${endOfAutumn}`, await postgresRows(COHORT), [autumn.cohort]);
  const verdict = check(`reached in the week to ${endOfAutumn}`, reached, autumn.reachedThisWeek);
  const who = reached.map(
    (row) =>
      `${String(row['pupil_id'])} (${String(row['first_reached_date'])} ${String(row['first_reached_session'])})`
  );
  console.log(
    `  As of ${endOfAutumn}, reached the penalty-notice threshold that week: ${who.join(', ') || 'nobody'}; ${verdict}`
  );
} finally {
  await postgres.close();
}

if (failures.length > 0) {
  console.error(`\nThe SQL and the library disagree:\n${failures.join('\n')}`);
  process.exit(1);
}
console.log("Every engine gives the library's figures.");
