import fc from 'fast-check';
import { CODE_SET_2024_START } from '../../src/index.js';
import type { IsoDate, Session, SessionMark } from '../../src/index.js';
import { codeArb, unmarkedCodeArb } from './code.js';
import { DAY_SPAN, dateFromOffset, isWeekdayOffset } from './isoDate.js';

/** One register slot: a date and a session. */
export interface Slot {
  readonly date: IsoDate;
  readonly session: Session;
}

/** Every weekday from the start of 2022/23 to the end of 2025/26, in order. */
const WEEKDAYS: readonly IsoDate[] = Array.from({ length: DAY_SPAN + 1 }, (_, offset) => offset)
  .filter(isWeekdayOffset)
  .map(dateFromOffset);

/** The number of slots (two per weekday) the register arbitraries choose from. */
export const SLOT_COUNT = WEEKDAYS.length * 2;

/** The index of the first slot on or after the 2024 cut-over (19 August 2024, a Monday). */
export const CUT_OVER_SLOT = WEEKDAYS.findIndex((date) => date >= CODE_SET_2024_START) * 2;

/**
 * The slot with a given index: slots run in register order, `AM` before `PM` on each weekday.
 * @param index - 0 ≤ index < {@link SLOT_COUNT}.
 */
export function slotAt(index: number): Slot {
  const date = WEEKDAYS[index >> 1];
  if (date === undefined) throw new RangeError(`No slot ${index}`);
  return { date, session: index % 2 === 0 ? 'AM' : 'PM' };
}

/** Which part of the calendar a register covers. */
export type RegisterPeriod = 'any' | 'pre-2024' | '2024' | 'straddle';

/** How {@link registerArb} builds registers. */
export interface RegisterOptions {
  /** Fewest marks (default 0; at least 2 when straddling). */
  readonly minLength?: number;
  /** Most marks (default 60). */
  readonly maxLength?: number;
  /**
   * `'pre-2024'`: every session before 19 August 2024; `'2024'`: every session on or after it; `'straddle'`: at
   * least one session on each side; `'any'` (default): anywhere from 2022/23 to 2025/26.
   */
  readonly period?: RegisterPeriod;
  /** The code of each mark (default: any code, weighted toward common ones, sometimes no mark yet as `-` or empty). */
  readonly code?: fc.Arbitrary<string>;
}

const defaultCodeArb = fc.oneof(
  { weight: 9, arbitrary: codeArb() },
  { weight: 1, arbitrary: unmarkedCodeArb() }
);

/** Slot indices, distinct, within `[min, max]`, each paired with a code. */
function markedSlots(
  min: number,
  max: number,
  minLength: number,
  maxLength: number,
  code: fc.Arbitrary<string>
): fc.Arbitrary<(readonly [number, string])[]> {
  return fc.uniqueArray(fc.tuple(fc.integer({ min, max }), code), {
    selector: ([slot]) => slot,
    minLength,
    maxLength,
    size: 'medium',
  });
}

function toRegister(marked: readonly (readonly [number, string])[]): SessionMark[] {
  return [...marked]
    .sort(([left], [right]) => left - right)
    .map(([slot, code]) => ({ ...slotAt(slot), code }));
}

/**
 * A register: marks for distinct (date, session) slots on weekdays, in ascending order, each with a code.
 * @param options - Length, period and code of the marks.
 */
export function registerArb(options: RegisterOptions = {}): fc.Arbitrary<SessionMark[]> {
  const { period = 'any', maxLength = 60, code = defaultCodeArb } = options;
  const last = SLOT_COUNT - 1;
  if (period === 'straddle') {
    const minLength = Math.max(2, options.minLength ?? 2);
    const half = Math.max(1, Math.floor(maxLength / 2));
    const before = markedSlots(0, CUT_OVER_SLOT - 1, 1, half, code);
    const after = markedSlots(
      CUT_OVER_SLOT,
      last,
      Math.max(1, minLength - half),
      Math.max(1, maxLength - half),
      code
    );
    return fc.tuple(before, after).map(([pre, post]) => toRegister([...pre, ...post]));
  }
  const minLength = options.minLength ?? 0;
  const [min, max] =
    period === 'pre-2024' ? [0, CUT_OVER_SLOT - 1] : period === '2024' ? [CUT_OVER_SLOT, last] : [0, last];
  return markedSlots(min, max, minLength, maxLength, code).map(toRegister);
}

/**
 * A register cut in two at a random point: two registers over disjoint periods, the first wholly before the second.
 * @param options - As for {@link registerArb}.
 */
export function disjointRegistersArb(
  options: RegisterOptions = {}
): fc.Arbitrary<readonly [SessionMark[], SessionMark[]]> {
  return fc.tuple(registerArb(options), fc.nat()).map(([register, cut]) => {
    const at = cut % (register.length + 1);
    return [register.slice(0, at), register.slice(at)] as const;
  });
}

/**
 * A register of at least one mark with one of its marks taken out: the rest, and the free slot of the mark taken.
 * @param options - As for {@link registerArb}.
 */
export function registerWithFreeSlotArb(
  options: RegisterOptions = {}
): fc.Arbitrary<{ readonly register: SessionMark[]; readonly freeSlot: Slot }> {
  return fc
    .tuple(registerArb({ ...options, minLength: Math.max(1, options.minLength ?? 1) }), fc.nat())
    .map(([register, pick]) => {
      const at = pick % register.length;
      const taken = register[at]!;
      return {
        register: [...register.slice(0, at), ...register.slice(at + 1)],
        freeSlot: { date: taken.date, session: taken.session },
      };
    });
}
