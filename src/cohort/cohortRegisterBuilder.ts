import type { IsoDate, Session } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { AttendanceIssue } from '../errors.js';
import { NO_RECORD } from '../sessions/tally.js';
import type { SessionSlots } from '../sessions/types.js';
import type { CohortRegister } from './types.js';

const INITIAL_BYTES = 1 << 16;
const INITIAL_PUPILS = 1 << 10;

/** What to do with a second mark for a pupil's session: return the byte to keep (and report it as you see fit). */
export type DuplicateResolver = (
  pupil: number,
  dateIndex: number,
  pm: boolean,
  kept: number,
  incoming: number
) => number;

function grownBytes(array: Uint8Array<ArrayBuffer>, needed: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

function grownWords(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** A pupil's marks seen apart from their first run of rows (a file not grouped by pupil); rare. */
interface LateSegment {
  readonly firstSlot: number;
  readonly bytes: Uint8Array;
}

/**
 * Builds a {@link CohortRegister} from marks that arrive one at a time, as an importer reads them, with no object
 * per mark: each pupil's marks go into a scratch row of bytes indexed by session, which is appended to the one
 * code buffer when the next pupil starts. Files grouped by pupil (every export we know) are written once; a
 * pupil whose rows come back later is merged at the end.
 *
 * Dates are interned as they arrive (`dateIndex`). With fixed slots the register uses them and marks on other
 * sessions are refused; otherwise the slots are the dates seen, in date order, each with the sessions marked on
 * it, and the bytes are laid out again at the end if the dates did not arrive in order.
 *
 * The caller validates codes, dates and sessions first (each distinct string once) and decides what a second
 * mark for a session means through the resolver.
 */
export class CohortRegisterBuilder {
  /** The pupils, in the order of their first mark. */
  readonly pupilIds: string[] = [];
  /** Problems found while building that the resolver or caller recorded. */
  readonly warnings: AttendanceIssue[] = [];
  private readonly pupilIndex = new Map<string, number>();
  private readonly dateIndexes = new Map<string, number>();
  private readonly dates: IsoDate[] = [];
  private readonly fixed: SessionSlots | undefined;
  /** For fixed slots: the slot of each date index's AM and PM, or -1. */
  private fixedSlotOf: Int32Array = new Int32Array(0);
  private readonly resolve: DuplicateResolver;
  private codes: Uint8Array<ArrayBuffer>;
  private used = 0;
  private offsets = new Uint32Array(INITIAL_PUPILS);
  private firstSlots = new Uint32Array(INITIAL_PUPILS);
  private lengths = new Uint32Array(INITIAL_PUPILS);
  private readonly lateSegments = new Map<number, LateSegment[]>();
  /** Session slots (date index × 2 + PM) marked by anyone, when the slots are open. */
  private marked: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  // The pupil being read: their marks by session slot (date index × 2 + PM), NO_RECORD where none.
  private current = -1;
  private scratch = new Uint8Array(1024).fill(NO_RECORD);
  private low = Number.MAX_SAFE_INTEGER;
  private high = -1;

  /**
   * @param options - Fixed slots (marks elsewhere are refused), the duplicate resolver and a size hint.
   * @param options.slots - The session slots to lay the register over; open when omitted.
   * @param options.resolve - Decides which of two marks for one session to keep.
   * @param options.expectedMarks - Roughly how many marks will come, to size the code buffer once.
   */
  constructor(options: { slots?: SessionSlots; resolve: DuplicateResolver; expectedMarks?: number }) {
    this.fixed = options.slots;
    this.resolve = options.resolve;
    this.codes = new Uint8Array(Math.max(INITIAL_BYTES, Math.ceil((options.expectedMarks ?? 0) * 1.05)));
    if (this.fixed !== undefined) {
      const { dates, sessions } = this.fixed;
      for (let slot = 0; slot < dates.length; slot += 1) {
        const dateIndex = this.dateIndexes.get(dates[slot]!) ?? this.internDate(dates[slot]!);
        this.fixedSlotOf[dateIndex * 2 + (sessions[slot] === 'PM' ? 1 : 0)] = slot;
      }
    }
  }

  /** The number of pupils so far. */
  get pupilCount(): number {
    return this.pupilIds.length;
  }

  /**
   * The index of a pupil, added on first sight.
   *
   * @param pupilId - The pupil.
   * @returns Its index.
   */
  pupil(pupilId: string): number {
    let index = this.pupilIndex.get(pupilId);
    if (index === undefined) {
      index = this.pupilIds.length;
      this.pupilIndex.set(pupilId, index);
      this.pupilIds.push(pupilId);
      if (index === this.offsets.length) {
        this.offsets = grownWords(this.offsets);
        this.firstSlots = grownWords(this.firstSlots);
        this.lengths = grownWords(this.lengths);
      }
    }
    return index;
  }

  /**
   * The index of a valid ISO date, or -1 when the slots are fixed and have no session on it.
   *
   * @param date - The date, already checked to be a real day.
   * @returns Its index.
   */
  dateIndex(date: IsoDate): number {
    const known = this.dateIndexes.get(date);
    if (known !== undefined) return known;
    return this.fixed === undefined ? this.internDate(date) : -1;
  }

  /**
   * Whether a date index has the session among fixed slots (always true when the slots are open).
   *
   * @param dateIndex - From {@link CohortRegisterBuilder.dateIndex}.
   * @param pm - The afternoon session.
   * @returns True when a mark can be placed there.
   */
  hasSession(dateIndex: number, pm: boolean): boolean {
    return this.fixed === undefined || this.fixedSlotOf[dateIndex * 2 + (pm ? 1 : 0)]! >= 0;
  }

  /**
   * The date of a date index.
   *
   * @param dateIndex - The index.
   * @returns The date.
   */
  dateOf(dateIndex: number): IsoDate {
    return this.dates[dateIndex]!;
  }

  /**
   * Records a mark. A second mark for the same session goes to the resolver.
   *
   * @param pupil - The pupil's index.
   * @param dateIndex - The date's index (from {@link CohortRegisterBuilder.dateIndex}, never -1).
   * @param pm - The afternoon session.
   * @param byte - The code's compact byte.
   */
  add(pupil: number, dateIndex: number, pm: boolean, byte: number): void {
    if (pupil !== this.current) this.switchTo(pupil);
    const slot = dateIndex * 2 + (pm ? 1 : 0);
    if (slot >= this.scratch.length) this.growScratch(slot);
    const kept = this.scratch[slot]!;
    if (kept === NO_RECORD) {
      this.scratch[slot] = byte;
      if (slot < this.low) this.low = slot;
      if (slot > this.high) this.high = slot;
      if (this.fixed === undefined) this.markSlot(slot);
    } else {
      this.scratch[slot] = this.resolve(pupil, dateIndex, pm, kept, byte);
    }
  }

  /**
   * The register, once every mark has been added. The builder is not used again.
   *
   * @returns The register.
   */
  finish(): CohortRegister {
    this.switchTo(-1);
    const pupils = this.pupilIds.length;
    const { slots, slotOf } = this.finalSlots();
    let codes: Uint8Array = this.codes;
    let offsets: Uint32Array = this.offsets.subarray(0, pupils);
    let firstSlots: Uint32Array = this.firstSlots.subarray(0, pupils);
    let lengths: Uint32Array = this.lengths.subarray(0, pupils);
    const identity = slotOf === null;
    if (!identity || this.lateSegments.size > 0) {
      // Lay the bytes out again: over the final slots, with late segments merged in. Rare in practice.
      const laid = this.relayout(slotOf, slots.dates.length);
      codes = laid.codes;
      offsets = laid.offsets;
      firstSlots = laid.firstSlots;
      lengths = laid.lengths;
    } else if (this.used < (codes.length * 7) / 8) {
      codes = codes.slice(0, this.used);
    } else {
      codes = codes.subarray(0, this.used);
    }
    return {
      slots,
      pupilIds: this.pupilIds,
      codes,
      offsets,
      firstSlots,
      lengths,
      warnings: this.warnings,
    };
  }

  private internDate(date: IsoDate): number {
    const index = this.dates.length;
    this.dateIndexes.set(date, index);
    this.dates.push(date);
    if (this.fixed !== undefined && index * 2 + 2 > this.fixedSlotOf.length) {
      const bigger = new Int32Array(Math.max(64, this.fixedSlotOf.length * 2)).fill(-1);
      bigger.set(this.fixedSlotOf);
      this.fixedSlotOf = bigger;
    }
    return index;
  }

  private markSlot(slot: number): void {
    if (slot >= this.marked.length) this.marked = grownBytes(this.marked, slot + 1);
    this.marked[slot] = 1;
  }

  private growScratch(slot: number): void {
    const bigger = new Uint8Array(Math.max(slot + 1, this.scratch.length * 2)).fill(NO_RECORD);
    bigger.set(this.scratch);
    this.scratch = bigger;
  }

  /** Appends the current pupil's run of marks and starts on another pupil's (or none, with -1). */
  private switchTo(pupil: number): void {
    const previous = this.current;
    if (previous >= 0 && this.high >= 0) {
      const length = this.high - this.low + 1;
      const run = this.scratch.subarray(this.low, this.high + 1);
      if (this.isFirstRun(previous)) {
        if (this.used + length > this.codes.length) this.codes = grownBytes(this.codes, this.used + length);
        this.codes.set(run, this.used);
        this.offsets[previous] = this.used;
        this.firstSlots[previous] = this.low;
        this.lengths[previous] = length;
        this.used += length;
      } else {
        const segments = this.lateSegments.get(previous) ?? [];
        segments.push({ firstSlot: this.low, bytes: run.slice() });
        this.lateSegments.set(previous, segments);
      }
      run.fill(NO_RECORD);
    }
    this.current = pupil;
    this.low = Number.MAX_SAFE_INTEGER;
    this.high = -1;
  }

  // A pupil's first run is written in place; a pupil with no bytes yet who has been seen before had only
  // runs of marks refused by the caller, so the run is still their first.
  private readonly seen = new Set<number>();
  private isFirstRun(pupil: number): boolean {
    if (this.seen.has(pupil)) return false;
    this.seen.add(pupil);
    return true;
  }

  /** The register's slots, and the final slot of each working slot (null when they are the same). */
  private finalSlots(): { slots: SessionSlots; slotOf: Int32Array | null } {
    if (this.fixed !== undefined) {
      // Working slots are date index × 2 + PM, with the fixed slots' dates interned first, in order.
      const slotOf = this.fixedSlotOf;
      let identity = true;
      for (let slot = 0; slot < this.fixed.dates.length * 2 && identity; slot += 1)
        identity = slotOf[slot] === slot;
      return { slots: this.fixed, slotOf: identity ? null : slotOf };
    }
    const order = this.dates
      .map((_, index) => index)
      .sort((a, b) => (this.dates[a]! < this.dates[b]! ? -1 : 1));
    const dates: IsoDate[] = [];
    const sessions: Session[] = [];
    const slotOf = new Int32Array(this.dates.length * 2).fill(-1);
    let identity = true;
    let first2024Index = -1;
    for (const dateIndex of order) {
      for (const pm of [0, 1]) {
        const working = dateIndex * 2 + pm;
        if (this.marked[working] !== 1) continue;
        if (first2024Index < 0 && this.dates[dateIndex]! >= CODE_SET_2024_START)
          first2024Index = dates.length;
        slotOf[working] = dates.length;
        if (working !== dates.length) identity = false;
        dates.push(this.dates[dateIndex]!);
        sessions.push(pm === 1 ? 'PM' : 'AM');
      }
    }
    return {
      slots: { dates, sessions, first2024Index: first2024Index < 0 ? dates.length : first2024Index },
      slotOf: identity ? null : slotOf,
    };
  }

  private relayout(
    slotOf: Int32Array | null,
    slotCount: number
  ): { codes: Uint8Array; offsets: Uint32Array; firstSlots: Uint32Array; lengths: Uint32Array } {
    const pupils = this.pupilIds.length;
    const map = (working: number): number => (slotOf === null ? working : slotOf[working]!);
    const row = new Uint8Array(slotCount).fill(NO_RECORD);
    // First the extent of each pupil's marks over the final slots.
    const first = new Uint32Array(pupils);
    const last = new Int32Array(pupils).fill(-1);
    const each = (pupil: number, visit: (slot: number, byte: number) => void): void => {
      const offset = this.offsets[pupil]!;
      const start = this.firstSlots[pupil]!;
      for (let index = 0; index < this.lengths[pupil]!; index += 1) {
        const byte = this.codes[offset + index]!;
        if (byte !== NO_RECORD) visit(map(start + index), byte);
      }
      for (const segment of this.lateSegments.get(pupil) ?? []) {
        for (let index = 0; index < segment.bytes.length; index += 1) {
          const byte = segment.bytes[index]!;
          if (byte !== NO_RECORD) visit(map(segment.firstSlot + index), byte);
        }
      }
    };
    let total = 0;
    for (let pupil = 0; pupil < pupils; pupil += 1) {
      let low = slotCount;
      let high = -1;
      each(pupil, (slot) => {
        if (slot < low) low = slot;
        if (slot > high) high = slot;
      });
      first[pupil] = high < 0 ? 0 : low;
      last[pupil] = high;
      total += high < 0 ? 0 : high - low + 1;
    }
    const codes = new Uint8Array(total);
    const offsets = new Uint32Array(pupils);
    const lengths = new Uint32Array(pupils);
    let used = 0;
    for (let pupil = 0; pupil < pupils; pupil += 1) {
      offsets[pupil] = used;
      if (last[pupil]! < 0) continue;
      const low = first[pupil]!;
      const length = last[pupil]! - low + 1;
      each(pupil, (slot, byte) => {
        const kept = row[slot]!;
        if (kept === NO_RECORD) row[slot] = byte;
        else {
          const dateIndex = this.dateIndexes.get(this.slotDate(slotOf, slot))!;
          row[slot] = this.resolve(pupil, dateIndex, this.slotIsPm(slotOf, slot), kept, byte);
        }
      });
      codes.set(row.subarray(low, low + length), used);
      row.fill(NO_RECORD, low, low + length);
      lengths[pupil] = length;
      used += length;
    }
    return { codes, offsets, firstSlots: first, lengths };
  }

  private workingSlotOf(slotOf: Int32Array | null, slot: number): number {
    if (slotOf === null) return slot;
    return slotOf.indexOf(slot);
  }

  private slotDate(slotOf: Int32Array | null, slot: number): IsoDate {
    return this.dates[this.workingSlotOf(slotOf, slot) >> 1]!;
  }

  private slotIsPm(slotOf: Int32Array | null, slot: number): boolean {
    return (this.workingSlotOf(slotOf, slot) & 1) === 1;
  }
}
