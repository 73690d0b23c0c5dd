/**
 * The paths the pipeline benchmark measures, one entry each. Every path runs in a child process of its own
 * (runPath.ts), so that its peak resident memory is its own, and returns every pupil's figures, which the
 * benchmark checks against the typed loop's and DuckDB's.
 *
 * To add a path, add an entry: a name, what its timed work starts from, and `run`, which gets the input and
 * returns the figures with one or more timings. Each `run` imports what it needs itself, so that a path's
 * process loads no other path's code (DuckDB's native library alone adds tens of megabytes of resident
 * memory). `timeRounds` times in-memory work as the best of `BENCH_ROUNDS` rounds, for example:
 *
 * ```ts
 * {
 *   name: 'engine (compact)',
 *   input: 'compact bytes in memory',
 *   run: async (input) => {
 *     const { engineFigures } = await import('./engine.js');
 *     const compact = input.compact(); // loaded before the timed rounds
 *     return timeRounds('engine (compact)', input.rounds, () => engineFigures(compact, input.calendar));
 *   },
 * },
 * ```
 */
import type { SchoolCalendar } from '../../src/index.js';
import type { PupilFigures } from './figures.js';
import type { CompactInput } from './generate.js';
import { collectGarbage, startStopwatch } from './stopwatch.js';
import type { ReferenceRole } from './table.js';

/** What a path gets: the cached input and the calendar. Load what the timed work needs before timing it. */
export interface BenchInput {
  /** The cache folder of the input (generate.ts). */
  readonly folder: string;
  readonly csvFile: string;
  readonly calendar: SchoolCalendar;
  readonly calendarFile: string;
  /** How many rounds in-memory paths time (`BENCH_ROUNDS`, default 5); the best is reported. */
  readonly rounds: number;
  /** A scratch folder for the path's own files. */
  readonly workFolder: string;
  /** The compact form, loaded from the cache on first use (not timed). */
  readonly compact: () => CompactInput;
  /** Writes a progress line to stderr. */
  readonly log: (line: string) => void;
}

/** One timed piece of a path: a row of the table. */
export interface PathTiming {
  /** The row's name. */
  readonly label: string;
  readonly seconds: number;
  readonly cpuSeconds?: number;
  /** What this piece starts from, when it is not the path's input. */
  readonly input?: string;
  /** The peak RSS of the process that ran this piece, when it is not the path's own process (the CLI's). */
  readonly peakRssBytes?: number;
  /** Set on the timings the ratio columns divide by. */
  readonly role?: ReferenceRole;
}

/** What a path returns. */
export interface PathRun {
  readonly figures: PupilFigures;
  /** The first timing is the path's headline; DuckDB and the CLI add rows for their parts. */
  readonly timings: readonly PathTiming[];
  /** Lines printed below the table: rounds, setup costs, caveats. */
  readonly notes?: readonly string[];
}

/** One path of the benchmark. */
export interface BenchPath {
  /** Unique; also the argument of runPath.ts. */
  readonly name: string;
  /** What the timed work starts from, e.g. `'compact bytes'` or `'CSV file'`. */
  readonly input: string;
  /** Every other path's figures are checked against those of the reference paths. */
  readonly reference?: boolean;
  readonly run: (input: BenchInput) => Promise<PathRun>;
}

function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(3)} s`;
}

/**
 * Times `work` `rounds` times (after two untimed warm-up runs when there is more than one round), collecting
 * garbage before each, and reports the fastest round (the one least
 * disturbed by other work on a shared machine) with the median in a note.
 */
export async function timeRounds(
  label: string,
  rounds: number,
  work: () => PupilFigures | Promise<PupilFigures>,
  role?: ReferenceRole
): Promise<PathRun> {
  let figures: PupilFigures | undefined;
  const elapsed: { seconds: number; cpuSeconds: number }[] = [];
  // In-memory paths run twice untimed first, so that every path is timed with its code optimised, not while the
  // JIT is still compiling it (which penalises the paths with more code more than the typed loop).
  if (rounds > 1) for (let warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp += 1) await work();
  for (let round = 0; round < Math.max(1, rounds); round += 1) {
    collectGarbage();
    const stopwatch = startStopwatch();
    figures = await work();
    elapsed.push(stopwatch());
  }
  const sorted = [...elapsed].sort((left, right) => left.seconds - right.seconds);
  const best = sorted[0]!;
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return {
    figures: figures!,
    timings: [{ label, seconds: best.seconds, cpuSeconds: best.cpuSeconds, ...(role ? { role } : {}) }],
    notes:
      elapsed.length > 1
        ? [
            `${label}: best of ${elapsed.length} rounds ${formatSeconds(best.seconds)}, median ${formatSeconds(median.seconds)}`,
          ]
        : [],
  };
}

const WARM_UP_ROUNDS = 2;

/** Rounds for the paths that read the whole CSV file: one, as each takes seconds to minutes. */
const FILE_ROUNDS = 1;

export const PATHS: readonly BenchPath[] = [
  {
    name: 'typed loop',
    input: 'compact bytes in memory',
    reference: true,
    run: async (input) => {
      const { computeFiguresTyped, createTypedLoopTables } = await import('./typedLoop.js');
      const compact = input.compact();
      return timeRounds(
        'typed loop',
        input.rounds,
        () => computeFiguresTyped(compact, createTypedLoopTables(compact, input.calendar)),
        'typed-loop'
      );
    },
  },
  {
    name: 'DuckDB',
    input: 'CSV file',
    reference: true,
    run: async (input) => {
      const { runDuckDb } = await import('./duckdb.js');
      const { figures, timings, rows } = await runDuckDb(
        input.csvFile,
        input.calendar,
        input.compact().pupilIds,
        {
          threads: 2,
          warmRounds: input.rounds,
        }
      );
      return {
        figures,
        timings: [
          { label: 'DuckDB read_csv into a table', ...timings.load },
          { label: 'DuckDB query, cold', input: 'DuckDB table in memory', ...timings.queryCold },
          {
            label: 'DuckDB query, warm',
            input: 'DuckDB table in memory',
            role: 'duckdb-warm',
            ...timings.queryWarm,
          },
          { label: 'DuckDB end-to-end', role: 'duckdb-end-to-end', ...timings.endToEnd },
        ],
        notes: [
          `DuckDB: 2 threads, in memory; end-to-end = setup ${formatSeconds(timings.setup.seconds)} + read_csv + ` +
            `cold query; warm = best of ${input.rounds} later runs; ${rows.toLocaleString('en-GB')} rows returned`,
        ],
      };
    },
  },
  {
    name: 'per-pupil compact',
    input: 'compact bytes in memory',
    run: async (input) => {
      const { computeFiguresCompact } = await import('./libraryPaths.js');
      const compact = input.compact();
      return timeRounds('per-pupil compact', input.rounds, () =>
        computeFiguresCompact(compact, input.calendar)
      );
    },
  },
  {
    name: 'objects',
    input: 'mark objects in memory',
    run: async (input) => {
      const { computeFiguresObjects } = await import('./libraryPaths.js');
      const { toMarkObjects } = await import('./generate.js');
      const building = startStopwatch();
      const registers = toMarkObjects(input.compact());
      const built = building();
      const run = await timeRounds('objects', input.rounds, () =>
        computeFiguresObjects(registers, input.calendar)
      );
      return {
        ...run,
        notes: [
          ...(run.notes ?? []),
          `objects: building the { date, session, code } arrays from the bytes took ${formatSeconds(built.seconds)} (not timed)`,
        ],
      };
    },
  },
  {
    name: 'engine (compact)',
    input: 'compact bytes in memory',
    run: async (input) => {
      const { cohortRegisterOf, engineFigures, registerBytesPerMark } = await import('./enginePaths.js');
      const compact = input.compact();
      const register = cohortRegisterOf(compact);
      const run = await timeRounds('engine (compact)', input.rounds, () =>
        engineFigures(register, input.calendar)
      );
      return {
        ...run,
        notes: [
          ...(run.notes ?? []),
          `engine: the cohort register's own buffers take ${registerBytesPerMark(register, compact.marks).toFixed(3)} bytes per mark`,
        ],
      };
    },
  },
  {
    name: 'engine (objects)',
    input: 'mark objects in memory',
    run: async (input) => {
      const { engineFiguresFromObjects } = await import('./enginePaths.js');
      const { toMarkObjects } = await import('./generate.js');
      const compact = input.compact();
      const registers = toMarkObjects(compact);
      return timeRounds('engine (objects: createCohortRegister + analyse)', input.rounds, () =>
        engineFiguresFromObjects(compact.pupilIds, registers, input.calendar)
      );
    },
  },
  {
    name: 'engine (CSV)',
    input: 'CSV file',
    run: async (input) => {
      const { engineFiguresFromCsv } = await import('./enginePaths.js');
      const { pupilIds } = input.compact();
      return timeRounds('engine (CSV: importCohortRegisterCsv + analyse)', FILE_ROUNDS, () =>
        engineFiguresFromCsv(input.csvFile, pupilIds, input.calendar)
      );
    },
  },
  {
    name: 'engine (CSV on two threads)',
    input: 'CSV file',
    run: async (input) => {
      const { engineFiguresFromCsvOnTwoThreads } = await import('./enginePaths.js');
      const { pupilIds } = input.compact();
      return timeRounds(
        'engine (CSV on two threads: importCohortRegisterCsvFile + analyse)',
        FILE_ROUNDS,
        () => engineFiguresFromCsvOnTwoThreads(input.csvFile, pupilIds, input.calendar)
      );
    },
  },
  {
    name: 'CSV import',
    input: 'CSV file',
    run: async (input) => {
      const { computeFiguresFromCsv } = await import('./csvImportPath.js');
      const { pupilIds } = input.compact();
      return timeRounds('CSV import (importRegisterCsv + per-pupil)', FILE_ROUNDS, () =>
        computeFiguresFromCsv(input.csvFile, pupilIds, input.calendar)
      );
    },
  },
  {
    name: 'CLI',
    input: 'CSV file',
    run: async (input) => {
      const { runCli } = await import('./cli.js');
      const { figures, commands, entry } = await runCli(
        input.csvFile,
        input.calendarFile,
        input.compact().pupilIds,
        input.workFolder
      );
      const compared = commands.filter((command) => command.command !== 'escalation');
      const peaks = compared.map((command) => command.usage?.maxRssBytes);
      const known = peaks.every((peak) => peak !== undefined);
      const seconds = (name: string): number =>
        commands.find((command) => command.command === name)?.seconds ?? Number.NaN;
      return {
        figures,
        timings: [
          {
            label: 'CLI summary + penalty --json',
            seconds: compared.reduce((sum, command) => sum + command.seconds, 0),
            cpuSeconds: compared.reduce((sum, command) => sum + (command.usage?.cpuSeconds ?? 0), 0),
            ...(known ? { peakRssBytes: Math.max(...peaks) } : {}),
          },
          ...commands.map((command) => ({
            label: `  CLI ${command.command}`,
            seconds: command.seconds,
            ...(command.usage === undefined
              ? {}
              : { cpuSeconds: command.usage.cpuSeconds, peakRssBytes: command.usage.maxRssBytes }),
          })),
        ],
        notes: [
          `CLI: ${entry} as child processes, process start and module loading included; ` +
            `the window maximum is compared only for the pupils penalty lists (those who reached 10)`,
          `CLI escalation (timed only; nothing else computes it) took ${(seconds('escalation') / seconds('summary')).toFixed(2)}× summary's time`,
        ],
      };
    },
  },
];

/** The path of a name, or an error listing the names. */
export function findPath(name: string): BenchPath {
  const path = PATHS.find((candidate) => candidate.name === name);
  if (path === undefined) {
    throw new Error(
      `no path "${name}"; the paths are ${PATHS.map((candidate) => `"${candidate.name}"`).join(', ')}`
    );
  }
  return path;
}
