/**
 * The generated SQL (`school-attendance/sql`) against the hand-tuned DuckDB query of the pipeline benchmark and
 * the library's own engine, on the pipeline benchmark's synthetic register, in one run:
 *
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/sql.bench.ts
 *
 * 1. One in-memory DuckDB on 2 threads, the register loaded ONCE by the pipeline baseline's `read_csv` (date typed
 *    DATE) into `marks`. The hand-tuned query (bench/pipeline/duckdb.ts `figuresSql`) and the generated SQL
 *    (`compileRulesToSql` for DuckDB with `DFE_POLICY` and the baseline's penalty-notice rule) both read that
 *    table. The generated SQL runs twice over: as it is by default, looking for a second mark for a session,
 *    and with `marks.uniqueSessions` (prefix `su_`), trusting a key on pupil, date and session as the hand-tuned
 *    query does (it would count a duplicate twice); the default run's figures show the register has no
 *    duplicate. Each script is run once ("setup", timed) and then its figures view is queried. Each query is
 *    timed cold (its first run) and warm (best of `BENCH_ROUNDS` later runs), results read into JavaScript in
 *    both cases. The warm runs alternate (hand-tuned, generated, trusted, hand-tuned, …) so that a burst of other
 *    work on the machine falls on all alike.
 * 2. The library's engine end to end from the CSV (`importCohortRegisterCsv` + `analyseCohortRegister`),
 *    `BENCH_ROUNDS` times; the first run is "cold", the best "warm".
 *
 * The generated SQL's figures must equal the hand-tuned query's for every pupil (and so must the engine's); any
 * difference exits with 1. The table gives each time as a multiple of the hand-tuned query's warm time, and the
 * run says whether the generated SQL for the same figures (the key trusted, as the hand-tuned query trusts it)
 * is within 1.5× of it; the default script's ratio is printed beside it. Missing that target exits with 1 only under
 * `BENCH_SQL_STRICT=1`: CI runs this at 2,000 pupils on a shared machine, where the hand-tuned query takes a
 * fraction of a second and the ratio moves too much from run to run to gate on.
 *
 * Settings (environment): `BENCH_PUPILS` (default 100,000, about 38 million marks; 2,000 is a quick check),
 * `BENCH_SEED` (default 20240902), `BENCH_ROUNDS` (default 5), `BENCH_REGENERATE=1` (as the pipeline benchmark,
 * whose cached input this shares), `BENCH_SQL_STRICT=1`.
 */
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DFE_POLICY } from '../src/index.js';
import { compileRulesToSql } from '../src/sql/index.js';
import { compareFigures, describeComparison } from './pipeline/compare.js';
import { codeTableSql, loadSql, runFiguresQuery, schoolWeekTableSql } from './pipeline/duckdb.js';
import { engineFiguresFromCsv } from './pipeline/enginePaths.js';
import { ABSENCE_CLASS, createPupilFigures, PENALTY_WINDOW } from './pipeline/figures.js';
import type { PupilFigures } from './pipeline/figures.js';
import { ensureInput, loadCalendar, loadCompactInput } from './pipeline/generate.js';
import { collectGarbage, startStopwatch } from './pipeline/stopwatch.js';
import type { Elapsed } from './pipeline/stopwatch.js';
import { formatMarkdownTable, formatRatio, formatSeconds } from './pipeline/table.js';
import { wholeNumberSetting } from './pipeline/settings.js';

const PUPILS = wholeNumberSetting('BENCH_PUPILS', 100_000);
const SEED = wholeNumberSetting('BENCH_SEED', 20240902);
const ROUNDS = wholeNumberSetting('BENCH_ROUNDS', 5);
const STRICT = process.env['BENCH_SQL_STRICT'] === '1';
/** The generated SQL's warm query may take at most this multiple of the hand-tuned query's. */
const TARGET_RATIO = 1.5;
const GB = 1024 ** 3;

function log(line: string): void {
  console.error(line);
}

function loadLine(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

/** As bench/pipeline/index.ts prints them: the machine, its load and the command that started the run. */
function machineLines(): string[] {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const settings = Object.entries(process.env)
    .filter(([key, value]) => key.startsWith('BENCH_') && value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`);
  const script = relative(process.cwd(), process.argv[1] ?? 'bench/sql.bench.ts');
  return [
    `machine: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / GB).toFixed(0)} GB; ` +
      `Node ${process.version}, ${process.platform} ${release()} ${process.arch}; load average ${loadLine()}`,
    `command: ${[...settings, 'node', ...process.execArgv, script].join(' ')}`,
  ];
}

/**
 * The figures from the generated view, in the shape of the baseline's: `pupil_figures` holds each window rule's
 * results as columns (`penalty_notice_maximum`, `penalty_notice_first_reached_date`), worked out in the same
 * query as the counts. (An earlier layout joined two views, each of which read the marks again: 1.17 s against
 * the hand-tuned 0.14 s at 2,000 pupils.)
 */
function generatedQuery(prefix: string): string {
  return `SELECT pupil_id, possible, attended, authorised, unauthorised, absent, absence_class,
  penalty_notice_maximum AS maximum, penalty_notice_first_reached_date AS first_reached_date
FROM ${prefix}pupil_figures`;
}

/** A BIGINT (or INTEGER) cell as a number; anything else is an error. */
function wholeNumber(value: unknown, what: string): number {
  if (typeof value === 'bigint' || typeof value === 'number') return Number(value);
  throw new Error(`the generated SQL gave ${what} ${String(value)}, not a whole number`);
}

/** `absence_class` ('none', 'persistent', 'severe') as the baseline's number. */
function absenceClassNumber(value: unknown): number {
  if (value === 'none' || value === 'persistent' || value === 'severe') return ABSENCE_CLASS[value];
  throw new Error(`the generated SQL gave absence_class ${String(value)}`);
}

/** A DATE cell (a JavaScript Date at UTC midnight) as `YYYYMMDD`, NULL as 0 (never reached). */
function dateNumber(value: unknown): number {
  if (value === null) return 0;
  if (!(value instanceof Date))
    throw new Error(`the generated SQL gave a first_reached_date of type ${typeof value}, not a date`);
  return value.getUTCFullYear() * 10_000 + (value.getUTCMonth() + 1) * 100 + value.getUTCDate();
}

/** Runs {@link generatedQuery} and reads its rows into figure columns by pupil id, as `runFiguresQuery` does. */
async function runGeneratedQuery(
  connection: DuckDBConnection,
  pupilIds: readonly string[],
  prefix: string
): Promise<{ figures: PupilFigures; rows: number }> {
  const reader = await connection.runAndReadAll(generatedQuery(prefix));
  const columns = reader.getColumnsObjectJS();
  const column = (name: string): readonly unknown[] => columns[name] ?? [];
  const ids = column('pupil_id');
  const [possible, attended, authorised, unauthorised, absent, absenceClass, maximum, firstReached] = [
    'possible',
    'attended',
    'authorised',
    'unauthorised',
    'absent',
    'absence_class',
    'maximum',
    'first_reached_date',
  ].map(column) as [
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
    readonly unknown[],
  ];
  const indexOf = new Map(pupilIds.map((pupilId, index) => [pupilId, index]));
  const figures = createPupilFigures(pupilIds.length);
  for (let row = 0; row < ids.length; row += 1) {
    const pupilId = ids[row];
    if (typeof pupilId !== 'string') throw new Error(`the generated SQL gave no pupil id in row ${row}`);
    const pupil = indexOf.get(pupilId);
    if (pupil === undefined)
      throw new Error(`the generated SQL gave pupil ${pupilId}, who was not generated`);
    figures.possible[pupil] = wholeNumber(possible[row], 'possible');
    figures.attended[pupil] = wholeNumber(attended[row], 'attended');
    figures.authorised[pupil] = wholeNumber(authorised[row], 'authorised');
    figures.unauthorised[pupil] = wholeNumber(unauthorised[row], 'unauthorised');
    figures.absent[pupil] = wholeNumber(absent[row], 'absent');
    figures.absenceClass[pupil] = absenceClassNumber(absenceClass[row]);
    figures.maximumInWindow[pupil] = wholeNumber(maximum[row], 'maximum');
    figures.firstReached[pupil] = dateNumber(firstReached[row]);
  }
  return { figures, rows: ids.length };
}

/** Times one piece of work after a garbage collection. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsed: Elapsed }> {
  collectGarbage();
  const stopwatch = startStopwatch();
  const result = await work();
  return { result, elapsed: stopwatch() };
}

/** The fastest of some runs. */
function best(runs: readonly Elapsed[]): Elapsed {
  return runs.reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest));
}

/** The median of some runs, for the notes. */
function median(runs: readonly Elapsed[]): number {
  const sorted = runs.map((run) => run.seconds).sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const line of machineLines()) console.log(line);

const input = await ensureInput(PUPILS, SEED, log);
const { pupilIds } = loadCompactInput(input.folder);
const calendar = loadCalendar();
console.log(
  `input: ${PUPILS.toLocaleString('en-GB')} pupils, ${input.marks.toLocaleString('en-GB')} marks, CSV ` +
    `${(input.csvBytes / 1024 ** 2).toFixed(0)} MB (${input.generated ? 'generated' : 'cached'} in ${input.folder})`
);

// The same rule as the baseline's: the national one without countFrom (no mark of the year precedes it).
const compileStopwatch = startStopwatch();
const rulesSql = compileRulesToSql({
  dialect: 'duckdb',
  calendar,
  policy: { ...DFE_POLICY, penaltyNotice: PENALTY_WINDOW },
});
const compiled = compileStopwatch();
const trustedSql = compileRulesToSql({
  dialect: 'duckdb',
  calendar,
  policy: { ...DFE_POLICY, penaltyNotice: PENALTY_WINDOW },
  marks: { uniqueSessions: true },
  output: { prefix: 'su_' },
});

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
let load: Elapsed;
let setup: Elapsed;
let trustedSetup: Elapsed;
let handCold: Elapsed;
let generatedCold: Elapsed;
let trustedCold: Elapsed;
const handRuns: Elapsed[] = [];
const generatedRuns: Elapsed[] = [];
const trustedRuns: Elapsed[] = [];
let handFigures: PupilFigures;
let generatedFigures: PupilFigures;
let trustedFigures: PupilFigures;
let generatedRows: number;
try {
  await connection.run('SET threads = 2');
  // The baseline's lookup tables (codes, school_weeks); the generated script makes its own, prefixed sa_.
  await connection.run(codeTableSql(PENALTY_WINDOW));
  await connection.run(schoolWeekTableSql(calendar));

  log('DuckDB: read_csv …');
  ({ elapsed: load } = await timed(() => connection.run(loadSql(input.csvFile))));

  log('DuckDB: hand-tuned query, cold …');
  const hand = await timed(() => runFiguresQuery(connection, pupilIds));
  handCold = hand.elapsed;
  handFigures = hand.result.figures;

  log('DuckDB: generated script …');
  ({ elapsed: setup } = await timed(() => connection.run(rulesSql.sql)));

  log('DuckDB: generated SQL, cold …');
  const generated = await timed(() => runGeneratedQuery(connection, pupilIds, 'sa_'));
  generatedCold = generated.elapsed;
  generatedFigures = generated.result.figures;
  generatedRows = generated.result.rows;

  log('DuckDB: generated script with uniqueSessions …');
  ({ elapsed: trustedSetup } = await timed(() => connection.run(trustedSql.sql)));
  log('DuckDB: generated SQL with uniqueSessions, cold …');
  const trusted = await timed(() => runGeneratedQuery(connection, pupilIds, 'su_'));
  trustedCold = trusted.elapsed;
  trustedFigures = trusted.result.figures;

  for (let round = 0; round < ROUNDS; round += 1) {
    log(`DuckDB: warm round ${round + 1} of ${ROUNDS} …`);
    handRuns.push((await timed(() => runFiguresQuery(connection, pupilIds))).elapsed);
    generatedRuns.push((await timed(() => runGeneratedQuery(connection, pupilIds, 'sa_'))).elapsed);
    trustedRuns.push((await timed(() => runGeneratedQuery(connection, pupilIds, 'su_'))).elapsed);
  }
} finally {
  connection.closeSync();
  instance.closeSync();
}

const engineRuns: Elapsed[] = [];
let engineFigures: PupilFigures | undefined;
for (let round = 0; round < ROUNDS; round += 1) {
  log(`engine from the CSV: round ${round + 1} of ${ROUNDS} …`);
  const run = await timed(() => engineFiguresFromCsv(input.csvFile, pupilIds, calendar));
  engineFigures ??= run.result;
  engineRuns.push(run.elapsed);
}

const handWarm = best(handRuns);
const generatedWarm = best(generatedRuns);
const trustedWarm = best(trustedRuns);
const engineCold = engineRuns[0]!;
const engineWarm = best(engineRuns);
const reference = handWarm.seconds;
const duckDbEndToEnd = load.seconds + handCold.seconds;
const rows: string[][] = [
  ['DuckDB read_csv into marks (once)', 'CSV file', formatSeconds(load.seconds), '–', '–', '–'],
  [
    'hand-tuned query (figuresSql)',
    'DuckDB table',
    formatSeconds(handCold.seconds),
    formatSeconds(handWarm.seconds),
    formatRatio(handWarm.seconds, reference),
    formatSeconds(handWarm.cpuSeconds),
  ],
  ['generated script (setup, once)', 'DuckDB table', formatSeconds(setup.seconds), '–', '–', '–'],
  [
    'generated SQL: pupil_figures (duplicates looked for)',
    'DuckDB table',
    formatSeconds(generatedCold.seconds),
    formatSeconds(generatedWarm.seconds),
    formatRatio(generatedWarm.seconds, reference),
    formatSeconds(generatedWarm.cpuSeconds),
  ],
  [
    'generated script, uniqueSessions (setup, once)',
    'DuckDB table',
    formatSeconds(trustedSetup.seconds),
    '–',
    '–',
    '–',
  ],
  [
    'generated SQL: pupil_figures, uniqueSessions (key trusted)',
    'DuckDB table',
    formatSeconds(trustedCold.seconds),
    formatSeconds(trustedWarm.seconds),
    formatRatio(trustedWarm.seconds, reference),
    formatSeconds(trustedWarm.cpuSeconds),
  ],
  [
    'engine (importCohortRegisterCsv + analyse)',
    'CSV file',
    formatSeconds(engineCold.seconds),
    formatSeconds(engineWarm.seconds),
    formatRatio(engineWarm.seconds, reference),
    formatSeconds(engineWarm.cpuSeconds),
  ],
];
console.log('');
console.log(
  formatMarkdownTable(
    ['path', 'starts from', 'cold', `warm (best of ${ROUNDS})`, '× hand-tuned query (warm)', 'CPU (warm)'],
    rows,
    new Set([0, 1])
  )
);
console.log('');
console.log(
  `DuckDB: in memory, 2 threads; queries include reading every row into JavaScript; warm runs alternate ` +
    `between the two queries. compileRulesToSql took ${formatSeconds(compiled.seconds)}; the generated query ` +
    `returned ${generatedRows.toLocaleString('en-GB')} rows. CPU: user + system time of the whole process.`
);
console.log(
  `engine: one thread, from the CSV file, where the queries start from a loaded table; against DuckDB end to ` +
    `end (read_csv + cold hand-tuned query, ${formatSeconds(duckDbEndToEnd)}) its warm run is ` +
    `${formatRatio(engineWarm.seconds, duckDbEndToEnd)}.`
);
console.log(
  `medians of the warm runs: hand-tuned ${formatSeconds(median(handRuns))}, generated ` +
    `${formatSeconds(median(generatedRuns))}, generated with uniqueSessions ${formatSeconds(median(trustedRuns))}, ` +
    `engine ${formatSeconds(median(engineRuns))} (its first run included).`
);
console.log(`load average at the end: ${loadLine()}`);

console.log('');
let failed = false;
for (const [name, figures] of [
  ['generated SQL', generatedFigures],
  ['generated SQL with uniqueSessions', trustedFigures],
  ['engine', engineFigures!],
] as const) {
  const comparison = compareFigures('hand-tuned query', handFigures, name, figures, pupilIds);
  for (const line of describeComparison(comparison)) console.log(line);
  if (comparison.differences > 0) failed = true;
}

// The same figures on the same assumption: the hand-tuned query trusts that no session has two marks.
const ratio = trustedWarm.seconds / reference;
const defaultNote = `; looking for duplicates as well (the default), ${formatRatio(generatedWarm.seconds, reference)}`;
if (ratio <= TARGET_RATIO) {
  console.log(
    `generated SQL (uniqueSessions) within ${TARGET_RATIO}× of the hand-tuned query (warm): ` +
      `${formatRatio(trustedWarm.seconds, reference)}${defaultNote}`
  );
} else {
  console.log(
    `generated SQL (uniqueSessions) over ${TARGET_RATIO}× the hand-tuned query (warm): ` +
      `${formatRatio(trustedWarm.seconds, reference)}${defaultNote}` +
      (STRICT ? ' (BENCH_SQL_STRICT=1: failing)' : ' (not failing the run; set BENCH_SQL_STRICT=1 to)')
  );
  if (STRICT) failed = true;
}
if (failed) {
  console.log('\nFAILED: see above.');
  process.exitCode = 1;
}
