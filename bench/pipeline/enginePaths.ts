/**
 * The cohort engine as pipelines: `analyseCohortRegister` over a cohort register made from the compact bytes
 * (a view, no copy), from `{ date, session, code }` objects (`createCohortRegister`), and from the CSV file
 * (`importCohortRegisterCsv`, and `importCohortRegisterCsvFile` on two threads), each with the national
 * penalty-notice window.
 */
import { createReadStream, existsSync } from 'node:fs';
import { analyseCohortRegister, createCohortRegister } from '../../src/index.js';
import type { CohortRegister, CohortRegisterFigures, SchoolCalendar } from '../../src/index.js';
import { importCohortRegisterCsv } from '../../src/io/index.js';
import type * as ioNode from '../../src/io/node/index.js';
import { createPupilFigures, PENALTY_WINDOW, toDateNumber } from './figures.js';
import type { PupilFigures } from './figures.js';
import type { CompactInput, MarkObject } from './generate.js';

/** The compact input as a cohort register: the same bytes, each pupil's span from the first slot. */
export function cohortRegisterOf(input: CompactInput): CohortRegister {
  return {
    slots: input.slots,
    pupilIds: input.pupilIds,
    codes: input.codes,
    offsets: Uint32Array.from(input.offsets),
    firstSlots: new Uint32Array(input.pupilIds.length),
    lengths: Uint32Array.from(input.lengths),
    warnings: [],
  };
}

/** The engine's columns as the benchmark's figures, pupils in the order of `pupilIds`. */
function toPupilFigures(figures: CohortRegisterFigures, pupilIds: readonly string[]): PupilFigures {
  const { register, counts, absenceClass } = figures;
  const window = figures.windows[0]!;
  const result = createPupilFigures(pupilIds.length);
  // The compact and object paths keep the input's order; only the CSV path needs the look-up.
  const indexOf =
    register.pupilIds === pupilIds
      ? undefined
      : new Map(register.pupilIds.map((pupilId, pupil) => [pupilId, pupil]));
  // Dates as numbers once per slot, not per pupil.
  const dateNumbers = Int32Array.from(register.slots.dates, toDateNumber);
  pupilIds.forEach((pupilId, target) => {
    const pupil = indexOf === undefined ? target : indexOf.get(pupilId);
    if (pupil === undefined) return;
    result.possible[target] = counts.possible[pupil]!;
    result.attended[target] = counts.attended[pupil]!;
    result.authorised[target] = counts.authorised[pupil]!;
    result.unauthorised[target] = counts.unauthorised[pupil]!;
    result.absent[target] = counts.absent[pupil]!;
    result.absenceClass[target] = absenceClass[pupil]!;
    result.maximumInWindow[target] = window.maximum[pupil]!;
    const slot = window.firstReachedSlot[pupil]!;
    result.firstReached[target] = slot < 0 ? 0 : dateNumbers[slot]!;
  });
  return result;
}

/** The engine over a cohort register already in memory. */
export function engineFigures(register: CohortRegister, calendar: SchoolCalendar): PupilFigures {
  const figures = analyseCohortRegister(register, { calendar, windows: [PENALTY_WINDOW] });
  return toPupilFigures(figures, register.pupilIds);
}

/** `createCohortRegister` from mark objects (one code look-up per mark), then the engine. */
export function engineFiguresFromObjects(
  pupilIds: readonly string[],
  registers: readonly (readonly MarkObject[])[],
  calendar: SchoolCalendar
): PupilFigures {
  const register = createCohortRegister(registers.map((marks, pupil) => [pupilIds[pupil]!, marks] as const));
  const figures = analyseCohortRegister(register, { calendar, windows: [PENALTY_WINDOW] });
  return toPupilFigures(figures, pupilIds);
}

/** `importCohortRegisterCsv` from the file, then the engine. */
export async function engineFiguresFromCsv(
  file: string,
  pupilIds: readonly string[],
  calendar: SchoolCalendar
): Promise<PupilFigures> {
  const { register, rowsRejected } = await importCohortRegisterCsv(
    createReadStream(file, { highWaterMark: 1 << 20 }),
    { source: file }
  );
  if (rowsRejected > 0) throw new Error(`${rowsRejected} rows of ${file} were rejected`);
  const figures = analyseCohortRegister(register, { calendar, windows: [PENALTY_WINDOW] });
  return toPupilFigures(figures, pupilIds);
}

type IoNode = typeof ioNode;

/**
 * `importCohortRegisterCsvFile` as a user runs it: from the build when there is one (`npm run build`), since
 * from source each worker thread would first compile the library through tsx.
 */
async function loadImportFile(): Promise<IoNode> {
  const built = new URL('../../dist/io/node.js', import.meta.url);
  if (existsSync(built)) return (await import(built.href)) as IoNode;
  console.error(
    'bench: dist/io/node.js not built; the two-thread path runs from source, its workers through tsx'
  );
  return import('../../src/io/node/index.js');
}

/** `importCohortRegisterCsvFile` on two threads (each half of the file on a worker), then the engine. */
export async function engineFiguresFromCsvOnTwoThreads(
  file: string,
  pupilIds: readonly string[],
  calendar: SchoolCalendar
): Promise<PupilFigures> {
  const { importCohortRegisterCsvFile } = await loadImportFile();
  const { register, rowsRejected } = await importCohortRegisterCsvFile(file, { source: file, threads: 2 });
  if (rowsRejected > 0) throw new Error(`${rowsRejected} rows of ${file} were rejected`);
  const figures = analyseCohortRegister(register, { calendar, windows: [PENALTY_WINDOW] });
  return toPupilFigures(figures, pupilIds);
}

/** The bytes the cohort register's own buffers take per mark: codes plus three words per pupil. */
export function registerBytesPerMark(register: CohortRegister, marks: number): number {
  const bytes =
    register.codes.byteLength +
    register.offsets.byteLength +
    register.firstSlots.byteLength +
    register.lengths.byteLength;
  return bytes / marks;
}
