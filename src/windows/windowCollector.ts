import type { SchoolCalendar } from '../calendar/types.js';
import { toCompactCode } from '../codes/compactCodes.js';
import { firstSlotFrom } from '../sessions/slotSearch.js';
import type { SessionSlots } from '../sessions/types.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../_internal/compiledCalendar.js';
import type { WindowRule, WindowUnit } from './types.js';

const DAYS_IN_WEEK = 7;
/** The unit position of a slot the rule's unit cannot place (outside the calendar, or a week without sessions). */
export const NOT_IN_CALENDAR = -1;
/** Rules one collector can carry: one bit each in a 32-bit mask per code byte. */
export const MAX_COLLECTED_RULES = 32;

/**
 * Working memory for collecting, in the pass that counts a register's bytes, the sessions each window rule
 * counts: their slots and unit positions, ready for {@link slideWindow}. Built once for a set of rules, slots and
 * calendar, and reused for every pupil; nothing is allocated per session or per pupil once it has grown to the
 * longest register.
 */
export interface WindowCollector {
  /** The rules, in order; rule `r` is bit `r` of a mask. */
  readonly rules: readonly WindowRule[];
  /** Per code byte, the bits of the rules that count it. */
  readonly masks: Uint32Array;
  /** Per code byte, 1 when any rule counts it: the counting pass's only test. */
  readonly countsAny: Uint8Array;
  /** Where the counting pass found a counted code: indexes into the code buffer. */
  hits: Int32Array;
  /** Per rule, the unit position of every slot. */
  readonly unitPositions: readonly Int32Array[];
  /** Per rule, the first slot it counts (from its `countFrom`). */
  readonly firstSlots: Int32Array;
  /** Per rule, the slots of the sessions counted so far. */
  readonly countedSlots: Int32Array[];
  /** Per rule, their unit positions. */
  readonly countedPositions: Int32Array[];
  /** Per rule, how many sessions have been counted. */
  readonly counted: Int32Array;
  /** Per rule, how many counted sessions had no unit position (see {@link NOT_IN_CALENDAR}). */
  readonly unplaced: Int32Array;
}

/**
 * The position of a day in a unit; {@link NOT_IN_CALENDAR} for a school-week position in a week without sessions.
 *
 * @param calendar - The compiled calendar.
 * @param day - The day's index in it.
 * @param unit - The unit.
 * @returns The position.
 * @example
 * positionOfDay(compiled, 14, 'calendar-weeks') //=> 2
 */
export function positionOfDay(calendar: CompiledCalendar, day: number, unit: WindowUnit): number {
  if (unit === 'school-weeks') return calendar.schoolWeekOfDay[day] ?? NOT_IN_CALENDAR;
  if (unit === 'calendar-weeks') return Math.floor(day / DAYS_IN_WEEK);
  return day;
}

const membershipByRule = new WeakMap<WindowRule, Uint8Array>();

/**
 * A 256-entry table: 1 for the bytes of the codes the rule counts. Remembered per rule object.
 *
 * @param rule - The rule.
 * @returns The table.
 * @example
 * membershipOf(rule)[toCompactCode('G')!] //=> 1
 */
export function membershipOf(rule: WindowRule): Uint8Array {
  let membership = membershipByRule.get(rule);
  if (membership === undefined) {
    membership = new Uint8Array(256);
    for (const code of rule.codes) {
      const byte = toCompactCode(code);
      if (byte !== undefined && byte !== 0) membership[byte] = 1;
    }
    membershipByRule.set(rule, membership);
  }
  return membership;
}

interface SlotPositions {
  readonly calendar: SchoolCalendar;
  readonly positions: Record<WindowUnit, Int32Array>;
}
const slotPositionsBySlots = new WeakMap<SessionSlots, SlotPositions>();

/**
 * Each slot's position in every unit of a calendar, computed once per shared slots object and calendar: the
 * school-week index of a cohort's slots is worked out once, not per pupil.
 *
 * @param slots - The session slots.
 * @param calendar - The calendar.
 * @returns Per unit, one position per slot.
 * @example
 * slotPositionsOf(slots, calendar)['school-weeks'][0] //=> the school week of the first slot
 */
export function slotPositionsOf(
  slots: SessionSlots,
  calendar: SchoolCalendar
): Record<WindowUnit, Int32Array> {
  const known = slotPositionsBySlots.get(slots);
  if (known?.calendar === calendar) return known.positions;
  const compiled = compileCalendar(calendar);
  const length = slots.dates.length;
  const positions: Record<WindowUnit, Int32Array> = {
    'school-weeks': new Int32Array(length),
    'calendar-weeks': new Int32Array(length),
    'calendar-days': new Int32Array(length),
  };
  for (let slot = 0; slot < length; slot += 1) {
    const day = compiled.dayIndexByDate.get(slots.dates[slot]!) ?? NOT_IN_CALENDAR;
    for (const unit of ['school-weeks', 'calendar-weeks', 'calendar-days'] as const) {
      positions[unit][slot] = day === NOT_IN_CALENDAR ? NOT_IN_CALENDAR : positionOfDay(compiled, day, unit);
    }
  }
  slotPositionsBySlots.set(slots, { calendar, positions });
  return positions;
}

/**
 * A collector for window rules over shared slots and a calendar.
 *
 * @param rules - Up to {@link MAX_COLLECTED_RULES} rules.
 * @param slots - The session slots the registers' bytes refer to.
 * @param calendar - The calendar that places the slots in units.
 * @param capacity - The longest register that will be scanned (the collector grows if a longer one comes).
 * @returns The collector, with nothing collected.
 * @example
 * const collector = createWindowCollector([policy.penaltyNotice], slots, calendar, slots.dates.length);
 */
export function createWindowCollector(
  rules: readonly WindowRule[],
  slots: SessionSlots,
  calendar: SchoolCalendar,
  capacity: number
): WindowCollector {
  const masks = new Uint32Array(256);
  rules.forEach((rule, index) => {
    const membership = membershipOf(rule);
    for (let byte = 0; byte < 256; byte += 1) if (membership[byte] !== 0) masks[byte]! |= 1 << index;
  });
  const positions = slotPositionsOf(slots, calendar);
  return {
    rules,
    masks,
    countsAny: Uint8Array.from(masks, (mask) => (mask === 0 ? 0 : 1)),
    hits: new Int32Array(capacity),
    unitPositions: rules.map((rule) => positions[rule.unit]),
    firstSlots: Int32Array.from(rules, (rule) =>
      rule.countFrom === undefined ? 0 : firstSlotFrom(slots, rule.countFrom, false)
    ),
    countedSlots: rules.map(() => new Int32Array(capacity)),
    countedPositions: rules.map(() => new Int32Array(capacity)),
    counted: new Int32Array(rules.length),
    unplaced: new Int32Array(rules.length),
  };
}

/**
 * Empties a collector before the next register, growing it when that register is longer than any before.
 *
 * @param collector - The collector.
 * @param length - The next register's length.
 * @example
 * resetWindowCollector(collector, lengths[pupil]!);
 */
export function resetWindowCollector(collector: WindowCollector, length: number): void {
  collector.counted.fill(0);
  collector.unplaced.fill(0);
  if (collector.hits.length < length) {
    collector.hits = new Int32Array(length * 2);
    for (let rule = 0; rule < collector.rules.length; rule += 1) {
      collector.countedSlots[rule] = new Int32Array(length * 2);
      collector.countedPositions[rule] = new Int32Array(length * 2);
    }
  }
}

/**
 * Sorts the sessions the counting pass found (`hitCount` indexes in `collector.hits`) into each rule that
 * counts them, from the rule's first slot on, with their unit positions. A session its unit cannot place is
 * counted in `unplaced` (the caller reports it) and kept out of the window.
 *
 * @param collector - The collector.
 * @param codes - The code buffer the hits index.
 * @param hitCount - How many hits the pass found.
 * @param slotOffset - Added to a hit's index to give its session slot.
 * @example
 * collectHits(collector, codes, hitCount, firstSlot - offset);
 */
export function collectHits(
  collector: WindowCollector,
  codes: Uint8Array,
  hitCount: number,
  slotOffset: number
): void {
  const { hits, masks, rules } = collector;
  for (let rule = 0; rule < rules.length; rule += 1) {
    const bit = 1 << rule;
    const firstSlot = collector.firstSlots[rule]!;
    const positions = collector.unitPositions[rule]!;
    const countedSlots = collector.countedSlots[rule]!;
    const countedPositions = collector.countedPositions[rule]!;
    let count = 0;
    let unplaced = 0;
    for (let hit = 0; hit < hitCount; hit += 1) {
      const index = hits[hit]!;
      const slot = index + slotOffset;
      if ((masks[codes[index]!]! & bit) === 0 || slot < firstSlot) continue;
      const position = positions[slot]!;
      if (position === NOT_IN_CALENDAR) {
        unplaced += 1;
        continue;
      }
      countedSlots[count] = slot;
      countedPositions[count] = position;
      count += 1;
    }
    collector.counted[rule] = count;
    collector.unplaced[rule] = unplaced;
  }
}
