/**
 * The practical limit: one hand-written pass over the compact code bytes that computes every pupil's figures
 * into typed-array columns, about as fast as one thread of JavaScript gets, so the other paths are measured
 * against it.
 *
 * Nothing is allocated per pupil: the lookup tables are built once, and the window's per-week counts live in
 * one array that is cleared for each pupil. Per mark, the hot loop does two table lookups and one addition: the
 * three counts are packed into one word, and a second table says whether the byte needs the slow path. A
 * variant with a counter per category (`counts[category] += 1`) ran 1.5 to 2 times slower.
 */
import type { SchoolCalendar, WindowRule } from '../../src/index.js';
import type { CompactInput } from './generate.js';
import {
  absenceClassOf,
  CATEGORY_NUMBER,
  categoryByByte,
  countedByByte,
  createPupilFigures,
  PENALTY_WINDOW,
  schoolWeekOfSlot,
  toDateNumber,
  UNKNOWN_CATEGORY,
} from './figures.js';
import type { PupilFigures } from './figures.js';

/** Bits per count in a packed word (figures.ts has the categories): three counts fit in 30 bits. */
const FIELD_BITS = 10;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** Slots counted into one packed word before it is unpacked, so that no field can overflow into the next. */
const SLOTS_PER_WORD = FIELD_MASK;
/** {@link TypedLoopTables.specialOfByte}: a byte the window counts, or a byte of no register code. */
const COUNTED = 1;
const UNKNOWN = 2;

/** The tables the loop reads, all derived from the library: categories, counted codes, weeks and dates. */
export interface TypedLoopTables {
  /**
   * Per byte, its attended, authorised and unauthorised counts packed into one word
   * (`attended | authorised << 10 | unauthorised << 20`), so that one addition per mark counts all three.
   */
  readonly packedCountOfByte: Int32Array;
  /** Per byte, 0 for most; `COUNTED` for the codes the window counts, `UNKNOWN` for bytes of no code. */
  readonly specialOfByte: Uint8Array;
  /** The school week index of each slot; -1 in a week without sessions. */
  readonly weekOfSlot: Int32Array;
  /** The date of each slot as `YYYYMMDD`. */
  readonly dateOfSlot: Int32Array;
  readonly schoolWeeks: number;
  readonly rule: WindowRule;
}

/** Builds the loop's tables for the shared slots of a compact input. */
export function createTypedLoopTables(
  input: CompactInput,
  calendar: SchoolCalendar,
  rule: WindowRule = PENALTY_WINDOW
): TypedLoopTables {
  const categories = categoryByByte();
  const counted = countedByByte(rule);
  const packedCountOfByte = new Int32Array(256);
  const specialOfByte = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    const category = categories[byte];
    const attended =
      category === CATEGORY_NUMBER.present || category === CATEGORY_NUMBER['approved-educational-activity'];
    const authorised = category === CATEGORY_NUMBER.authorised;
    const unauthorised = category === CATEGORY_NUMBER.unauthorised;
    packedCountOfByte[byte] =
      Number(attended) | (Number(authorised) << FIELD_BITS) | (Number(unauthorised) << (2 * FIELD_BITS));
    specialOfByte[byte] = category === UNKNOWN_CATEGORY ? UNKNOWN : counted[byte] === 1 ? COUNTED : 0;
  }
  const weekOfSlot = schoolWeekOfSlot(input.slots, calendar);
  return {
    packedCountOfByte,
    specialOfByte,
    weekOfSlot,
    dateOfSlot: Int32Array.from(input.slots.dates, toDateNumber),
    schoolWeeks: Math.max(0, ...weekOfSlot) + 1,
    rule,
  };
}

/** The loop's cold path: a byte of no code, or a counted mark in a week without sessions. */
function invalidMark(pupilId: string | undefined, byte: number, unknownCode: boolean): never {
  throw new Error(
    unknownCode
      ? `pupil ${pupilId}: byte ${byte} is no register code`
      : `pupil ${pupilId}: a counted mark in a week without sessions`
  );
}

/**
 * Computes every pupil's figures in one pass over the bytes.
 *
 * Counting: each byte's packed counts are added to one word, unpacked every 1,023 slots (a year has about 390)
 * and at the end of the pupil. Only bytes the window counts, and bytes of no code, take the slow path.
 *
 * The rolling window slides over school weeks: `weekCounts[w]` is the pupil's counted sessions so far in
 * school week `w`, and `inWindow` their sum over the weeks `windowStart … w` of the window ending at the
 * current session. A counted session in week `w` first drops the weeks at or before `w - length`, then counts
 * itself; the largest `inWindow` is the maximum, and the session where it first reaches the threshold gives the
 * first date. The window ending at a session thus holds that session's whole school week up to the session
 * itself, and the `length - 1` school weeks before it, as `countRollingWindow` counts.
 *
 * @throws Error if a byte is no register code or a counted session falls in a week without sessions.
 */
export function computeFiguresTyped(
  input: CompactInput,
  tables: TypedLoopTables,
  figures: PupilFigures = createPupilFigures(input.pupilIds.length)
): PupilFigures {
  const { codes, offsets, lengths } = input;
  const { packedCountOfByte, specialOfByte, weekOfSlot, dateOfSlot } = tables;
  const { length: windowLength, threshold } = tables.rule;
  const weekCounts = new Int32Array(tables.schoolWeeks);
  const pupils = input.pupilIds.length;
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const offset = offsets[pupil]!;
    const length = lengths[pupil]!;
    weekCounts.fill(0);
    let attended = 0;
    let authorised = 0;
    let unauthorised = 0;
    let windowStart = 0;
    let inWindow = 0;
    let maximum = 0;
    let firstReached = 0;
    for (let wordStart = 0; wordStart < length; wordStart += SLOTS_PER_WORD) {
      const wordEnd = Math.min(length, wordStart + SLOTS_PER_WORD);
      let packed = 0;
      for (let slot = wordStart; slot < wordEnd; slot += 1) {
        const byte = codes[offset + slot]!;
        packed += packedCountOfByte[byte]!;
        const special = specialOfByte[byte]!;
        if (special === 0) continue;
        const week = weekOfSlot[slot]!;
        if (special === UNKNOWN || week < 0) invalidMark(input.pupilIds[pupil], byte, special === UNKNOWN);
        while (windowStart <= week - windowLength) {
          inWindow -= weekCounts[windowStart]!;
          windowStart += 1;
        }
        weekCounts[week]! += 1;
        inWindow += 1;
        if (inWindow > maximum) maximum = inWindow;
        if (inWindow >= threshold && firstReached === 0) firstReached = dateOfSlot[slot]!;
      }
      attended += packed & FIELD_MASK;
      authorised += (packed >>> FIELD_BITS) & FIELD_MASK;
      unauthorised += (packed >>> (2 * FIELD_BITS)) & FIELD_MASK;
    }
    const absent = authorised + unauthorised;
    const possible = attended + absent;
    figures.possible[pupil] = possible;
    figures.attended[pupil] = attended;
    figures.authorised[pupil] = authorised;
    figures.unauthorised[pupil] = unauthorised;
    figures.absent[pupil] = absent;
    figures.absenceClass[pupil] = absenceClassOf(possible, absent);
    figures.maximumInWindow[pupil] = maximum;
    figures.firstReached[pupil] = firstReached;
  }
  return figures;
}
