/**
 * The per-pupil figures every path of the pipeline benchmark computes, as columns (one typed array per figure,
 * indexed by pupil), and the lookup tables the hand-written paths derive from the library's own code tables and
 * calendar: the DfE category of each compact code byte, and the school week of each session slot.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  findSchoolWeek,
  REGISTER_CODES_2024,
  REGISTER_CODES_PRE_2024,
  toCompactCode,
} from '../../src/index.js';
import type {
  IsoDate,
  RegisterCode,
  SchoolCalendar,
  SessionSlots,
  StatisticalCategory,
  WindowRule,
} from '../../src/index.js';

/**
 * The national penalty-notice window without its `countFrom`: 10 sessions of G, N, O or U within 10 school
 * weeks. Every mark of the benchmark's year is after 19 August 2024, so `countFrom` would change nothing.
 */
export const PENALTY_WINDOW = {
  length: 10,
  unit: 'school-weeks',
  threshold: 10,
  codes: ['G', 'N', 'O', 'U'],
} as const satisfies WindowRule;

/** Absence classes as stored in {@link PupilFigures.absenceClass}. */
export const ABSENCE_CLASS = { none: 0, persistent: 1, severe: 2 } as const;

/** A value a path does not report (the CLI's penalty list gives the window maximum only for pupils listed). */
export const NOT_REPORTED = -1;

/**
 * The figures of every pupil, one column per figure. Dates are whole numbers `YYYYMMDD` (0 for none), so that
 * a difference prints readably and every column is a typed array.
 */
export interface PupilFigures {
  readonly pupils: number;
  readonly possible: Int32Array;
  /** Present plus approved educational activity. */
  readonly attended: Int32Array;
  readonly authorised: Int32Array;
  readonly unauthorised: Int32Array;
  /** Authorised plus unauthorised. */
  readonly absent: Int32Array;
  /** {@link ABSENCE_CLASS}: 0 none, 1 persistent, 2 severe. */
  readonly absenceClass: Int32Array;
  /** The most G/N/O/U sessions within any window of {@link PENALTY_WINDOW}. */
  readonly maximumInWindow: Int32Array;
  /** The date of the session at which the window's count first reached the threshold, `YYYYMMDD`; 0 if never. */
  readonly firstReached: Int32Array;
}

/** The figure columns, in the order they are stored and compared. */
export const FIGURE_FIELDS = [
  'possible',
  'attended',
  'authorised',
  'unauthorised',
  'absent',
  'absenceClass',
  'maximumInWindow',
  'firstReached',
] as const satisfies readonly (keyof PupilFigures)[];

export type FigureField = (typeof FIGURE_FIELDS)[number];

/** Zeroed columns for `pupils` pupils. */
export function createPupilFigures(pupils: number): PupilFigures {
  return {
    pupils,
    possible: new Int32Array(pupils),
    attended: new Int32Array(pupils),
    authorised: new Int32Array(pupils),
    unauthorised: new Int32Array(pupils),
    absent: new Int32Array(pupils),
    absenceClass: new Int32Array(pupils),
    maximumInWindow: new Int32Array(pupils),
    firstReached: new Int32Array(pupils),
  };
}

/** `'2024-09-09'` as `20240909`. */
export function toDateNumber(date: string): number {
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** `20240909` as `'2024-09-09'`; 0 as `'none'`. */
export function formatDateNumber(value: number): string {
  if (value === 0) return 'none';
  const text = String(value).padStart(8, '0');
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** The absence class by the DfE thresholds in whole sessions: severe 50 %, persistent 10 %, none without sessions. */
export function absenceClassOf(possible: number, absent: number): number {
  if (possible <= 0) return ABSENCE_CLASS.none;
  if (absent * 100 >= possible * 50) return ABSENCE_CLASS.severe;
  return absent * 100 >= possible * 10 ? ABSENCE_CLASS.persistent : ABSENCE_CLASS.none;
}

/** Writes the columns to a file: a little-endian Int32 header (pupils) and then each column whole. */
export function writeFigures(file: string, figures: PupilFigures): void {
  const columns = FIGURE_FIELDS.map((field) => figures[field]);
  const buffer = new Int32Array(1 + columns.length * figures.pupils);
  buffer[0] = figures.pupils;
  columns.forEach((column, index) => {
    buffer.set(column, 1 + index * figures.pupils);
  });
  writeFileSync(file, new Uint8Array(buffer.buffer));
}

/** Reads columns written by {@link writeFigures}. */
export function readFigures(file: string): PupilFigures {
  const bytes = readFileSync(file);
  const buffer = new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const pupils = buffer[0]!;
  const figures = createPupilFigures(pupils);
  FIGURE_FIELDS.forEach((field, index) => {
    figures[field].set(buffer.subarray(1 + index * pupils, 1 + (index + 1) * pupils));
  });
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables derived from the library

/** Category numbers of {@link categoryByByte}; 0 is "no mark yet" and {@link UNKNOWN_CATEGORY} a byte of no code. */
export const CATEGORY_NUMBER = {
  present: 1,
  'approved-educational-activity': 2,
  authorised: 3,
  unauthorised: 4,
  'not-possible': 5,
} as const satisfies Record<StatisticalCategory, number>;

export const UNMARKED_CATEGORY = 0;
export const UNKNOWN_CATEGORY = 7;

/**
 * The statistical category of every register code, read from the library's 2024 table, with the pre-2024 table
 * for the four legacy codes the 2024 set does not have (as `countSessions` counts a legacy code after the
 * cut-over). The benchmark's register is all 2024/25, so the 2024 set applies to every mark.
 */
export function categoryByCode(): ReadonlyMap<RegisterCode, StatisticalCategory> {
  const categories = new Map<RegisterCode, StatisticalCategory>();
  for (const row of REGISTER_CODES_PRE_2024) categories.set(row.code, row.category);
  for (const row of REGISTER_CODES_2024) categories.set(row.code, row.category);
  return categories;
}

/** {@link categoryByCode} by compact byte: 256 entries, {@link UNKNOWN_CATEGORY} for bytes of no code. */
export function categoryByByte(): Uint8Array {
  const table = new Uint8Array(256).fill(UNKNOWN_CATEGORY);
  table[toCompactCode('-')!] = UNMARKED_CATEGORY;
  for (const [code, category] of categoryByCode()) table[toCompactCode(code)!] = CATEGORY_NUMBER[category];
  return table;
}

/** 1 for the compact bytes of the codes a window rule counts. */
export function countedByByte(rule: WindowRule): Uint8Array {
  const table = new Uint8Array(256);
  for (const code of rule.codes) table[toCompactCode(code)!] = 1;
  return table;
}

/** The school week index (from the library's `findSchoolWeek`) of each slot; -1 in a week without sessions. */
export function schoolWeekOfSlot(slots: SessionSlots, calendar: SchoolCalendar): Int32Array {
  const weeks = new Int32Array(slots.dates.length);
  const byDate = new Map<IsoDate, number>();
  slots.dates.forEach((date, slot) => {
    let week = byDate.get(date);
    if (week === undefined) {
      week = findSchoolWeek(calendar, date)?.index ?? -1;
      byDate.set(date, week);
    }
    weeks[slot] = week;
  });
  return weeks;
}
