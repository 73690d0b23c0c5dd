import type { IsoDate, Session } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { AttendanceIssue } from '../errors.js';
import { NO_RECORD } from '../sessions/tally.js';
import type { SessionSlots } from '../sessions/types.js';
import type { CohortRegister } from './types.js';

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

function grownInts(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Builds a {@link CohortRegister} from marks that arrive one at a time, in any order, as an importer reads them,
 * with no object per mark: each pupil has a row of bytes indexed by session that grows as their marks arrive, and
 * the rows are laid end to end in one buffer at the end. A file grouped by pupil, one sorted by date and one in no
 * order at all cost the same.
 *
 * Dates are interned as they arrive (`dateIndex`). With fixed slots the register uses them and marks on other
 * sessions are refused; otherwise the slots are the dates seen, in date order, each with the sessions marked on
 * it, and rows are mapped onto them at the end if the dates did not arrive in order.
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
  /** For fixed slots: the slot of each working slot (date index × 2 + PM), or -1. */
  private fixedSlotOf: Int32Array = new Int32Array(0);
  private readonly resolve: DuplicateResolver;
  /** Each pupil's bytes by working slot, from `bases[pupil]`; NO_RECORD where there is no mark. */
  private readonly rows: (Uint8Array | undefined)[] = [];
  private bases = new Int32Array(INITIAL_PUPILS);
  private lows = new Int32Array(INITIAL_PUPILS);
  private highs = new Int32Array(INITIAL_PUPILS);
  /** Working slots marked by anyone, when the slots are open. */
  private marked: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  /** The longest row so far: a new pupil's row starts this long, so rows rarely grow. */
  private typicalLength = 64;
  private markCount = 0;
  // Files grouped by pupil (nearly all) are laid out as they are read: when the next pupil starts, the last
  // pupil's row is appended to one growing buffer and let go, so only one row is held at a time. A pupil who
  // comes back is taken out again (their old bytes become garbage); if that keeps happening the file is not
  // grouped, and rows are kept until the end instead.
  private main: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private used = 0;
  private garbage = 0;
  private reopened = 0;
  private appending = true;
  // Stryker disable next-line UnaryOperator: before the first switch no pupil has been appended, so any index can stand for the live pupil
  private current = -1;
  /** A cleared row, kept from the last pupil appended, for the next pupil to use. */
  private spareRow: Uint8Array | undefined;
  /** Where each pupil's appended bytes start in `main`, or -1 while the pupil has a row. */
  private appendedAt = new Int32Array(INITIAL_PUPILS).fill(-1);
  /** After {@link CohortRegisterBuilder.finish}: the final slot of each working slot (null when the same). */
  private finalSlotOf: Int32Array | null = null;

  /**
   * @param options - Fixed slots (marks elsewhere are refused) and the duplicate resolver.
   * @param options.slots - The session slots to lay the register over; open when omitted.
   * @param options.resolve - Decides which of two marks for one session to keep.
   */
  constructor(options: { slots?: SessionSlots; resolve: DuplicateResolver }) {
    this.fixed = options.slots;
    this.resolve = options.resolve;
    if (this.fixed !== undefined) {
      const { dates, sessions } = this.fixed;
      for (let slot = 0; slot < dates.length; slot += 1) {
        const dateIndex = this.dateIndexes.get(dates[slot]!) ?? this.internDate(dates[slot]!);
        this.fixedSlotOf[dateIndex * 2 + (sessions[slot] === 'PM' ? 1 : 0)] = slot;
      }
    }
  }

  /** The number of marks kept so far (a second mark for a session is not counted again). */
  get size(): number {
    return this.markCount;
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
      this.rows.push(undefined);
      if (index === this.bases.length) {
        this.bases = grownInts(this.bases);
        this.lows = grownInts(this.lows);
        this.highs = grownInts(this.highs);
        const appendedAt = new Int32Array(this.appendedAt.length * 2).fill(-1);
        appendedAt.set(this.appendedAt);
        this.appendedAt = appendedAt;
      }
      this.highs[index] = -1;
    }
    return index;
  }

  /**
   * The index of a pupil already seen, or -1.
   *
   * @param pupilId - The pupil.
   * @returns Its index, or -1.
   */
  findPupil(pupilId: string): number {
    return this.pupilIndex.get(pupilId) ?? -1;
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
    let row = this.rows[pupil];
    let index = slot - this.bases[pupil]!;
    if (row === undefined || index < 0 || index >= row.length) {
      row = this.growRow(pupil, slot);
      index = slot - this.bases[pupil]!;
    }
    const kept = row[index]!;
    if (kept === NO_RECORD) {
      row[index] = byte;
      this.markCount += 1;
      if (slot < this.lows[pupil]! || this.highs[pupil]! < 0) this.lows[pupil] = slot;
      if (slot > this.highs[pupil]!) this.highs[pupil] = slot;
      if (this.fixed === undefined && this.marked[slot] !== 1) this.markSlot(slot);
    } else {
      row[index] = this.resolve(pupil, dateIndex, pm, kept, byte);
    }
  }

  /**
   * Whether a pupil already has a mark for a session.
   *
   * @param pupil - The pupil's index.
   * @param dateIndex - The date's index.
   * @param pm - The afternoon session.
   * @returns True when a mark is there.
   */
  has(pupil: number, dateIndex: number, pm: boolean): boolean {
    if (pupil !== this.current) this.switchTo(pupil);
    const row = this.rows[pupil];
    if (row === undefined) return false;
    const index = dateIndex * 2 + (pm ? 1 : 0) - this.bases[pupil]!;
    return index >= 0 && index < row.length && row[index] !== NO_RECORD;
  }

  /**
   * Calls `visit` with the working slot (date index × 2 + PM) of each of a pupil's marks, in that order.
   *
   * @param pupil - The pupil's index.
   * @param visit - Called once per mark.
   */
  forEachMark(pupil: number, visit: (workingSlot: number) => void): void {
    if (pupil !== this.current) this.switchTo(pupil);
    const row = this.rows[pupil];
    if (row === undefined || this.highs[pupil]! < 0) return;
    const base = this.bases[pupil]!;
    for (let slot = this.lows[pupil]!; slot <= this.highs[pupil]!; slot += 1) {
      if (row[slot - base] !== NO_RECORD) visit(slot);
    }
  }

  /**
   * The number of a pupil's marks on working slots before a given one.
   *
   * @param pupil - The pupil's index.
   * @param workingSlot - Date index × 2 + PM.
   * @returns The count.
   */
  marksBefore(pupil: number, workingSlot: number): number {
    let count = 0;
    this.forEachMark(pupil, (slot) => {
      if (slot < workingSlot) count += 1;
    });
    return count;
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
    this.finalSlotOf = slotOf;
    const slotCount = slots.dates.length;
    const appended = this.appendedAt.subarray(0, pupils);
    if (
      slotOf === null &&
      this.garbage === 0 &&
      appended.every((at, pupil) => at >= 0 || this.highs[pupil]! < 0)
    ) {
      // Laid out as read: the buffer is the register.
      const offsets = new Uint32Array(pupils);
      const firstSlots = new Uint32Array(pupils);
      const lengths = new Uint32Array(pupils);
      for (let pupil = 0; pupil < pupils; pupil += 1) {
        if (this.highs[pupil]! < 0) continue;
        offsets[pupil] = appended[pupil]!;
        firstSlots[pupil] = this.lows[pupil]!;
        lengths[pupil] = this.highs[pupil]! - this.lows[pupil]! + 1;
      }
      // Little slack is kept as it is; much is copied away, once.
      const codes =
        this.used >= this.main.length * 0.9
          ? this.main.subarray(0, this.used)
          : this.main.slice(0, this.used);
      this.main = new Uint8Array(0);
      return { slots, pupilIds: this.pupilIds, codes, offsets, firstSlots, lengths, warnings: this.warnings };
    }
    // Otherwise every pupil is laid out again; appended pupils are read where they lie.
    for (let pupil = 0; pupil < pupils; pupil += 1) {
      const at = appended[pupil]!;
      if (at < 0) continue;
      this.rows[pupil] = this.main.subarray(at, at + this.highs[pupil]! - this.lows[pupil]! + 1);
      this.bases[pupil] = this.lows[pupil]!;
    }
    // Each pupil's span over the final slots.
    const firstSlots = new Uint32Array(pupils);
    const lengths = new Uint32Array(pupils);
    let total = 0;
    for (let pupil = 0; pupil < pupils; pupil += 1) {
      const high = this.highs[pupil]!;
      if (high < 0) continue;
      let first = slotCount;
      let last = -1;
      if (slotOf === null) {
        first = this.lows[pupil]!;
        last = high;
      } else {
        const row = this.rows[pupil]!;
        const base = this.bases[pupil]!;
        for (let working = this.lows[pupil]!; working <= high; working += 1) {
          if (row[working - base] === NO_RECORD) continue;
          const slot = slotOf[working]!;
          if (slot < first) first = slot;
          if (slot > last) last = slot;
        }
      }
      firstSlots[pupil] = first;
      lengths[pupil] = last - first + 1;
      total += last - first + 1;
    }
    const codes = new Uint8Array(total);
    const offsets = new Uint32Array(pupils);
    let used = 0;
    for (let pupil = 0; pupil < pupils; pupil += 1) {
      offsets[pupil] = used;
      const length = lengths[pupil]!;
      if (length === 0) continue;
      const row = this.rows[pupil]!;
      const base = this.bases[pupil]!;
      if (slotOf === null) {
        const from = firstSlots[pupil]! - base;
        codes.set(row.subarray(from, from + length), used);
      } else {
        const span = codes.subarray(used, used + length).fill(NO_RECORD);
        const first = firstSlots[pupil]!;
        for (let working = this.lows[pupil]!; working <= this.highs[pupil]!; working += 1) {
          const byte = row[working - base]!;
          if (byte !== NO_RECORD) span[slotOf[working]! - first] = byte;
        }
      }
      // The row is no longer needed; letting it go keeps the peak near one copy of the marks.
      this.rows[pupil] = undefined;
      used += length;
    }
    return { slots, pupilIds: this.pupilIds, codes, offsets, firstSlots, lengths, warnings: this.warnings };
  }

  /**
   * The register's slot of a date index and session, once {@link CohortRegisterBuilder.finish} has run.
   *
   * @param dateIndex - The date's index.
   * @param pm - The afternoon session.
   * @returns The slot, or -1 when no mark was placed on that session.
   */
  slotOf(dateIndex: number, pm: boolean): number {
    const working = dateIndex * 2 + (pm ? 1 : 0);
    return this.finalSlotOf === null ? working : (this.finalSlotOf[working] ?? -1);
  }

  /**
   * Says roughly how many marks will come, so that the buffer is made once at about the right size.
   *
   * @param marks - The expected number of marks.
   */
  expectMarks(marks: number): void {
    const wanted = Math.ceil(marks * 1.02);
    if (this.appending && wanted > this.main.length) this.main = grownBytes(this.main, wanted);
  }

  /** Appends the current pupil's row (when appending) and takes a returning pupil's bytes out again. */
  private switchTo(pupil: number): void {
    const previous = this.current;
    this.current = pupil;
    if (!this.appending) return;
    if (previous >= 0) {
      const row = this.rows[previous];
      const high = this.highs[previous]!;
      if (row !== undefined && high >= 0) {
        const low = this.lows[previous]!;
        const length = high - low + 1;
        if (this.used + length > this.main.length) {
          this.main = grownBytes(this.main, Math.max(this.used + length, Math.ceil(this.main.length * 1.5)));
        }
        const from = low - this.bases[previous]!;
        this.main.set(row.subarray(from, from + length), this.used);
        this.appendedAt[previous] = this.used;
        this.used += length;
        this.rows[previous] = undefined;
        // The row is cleared and kept for the next pupil: allocating one per pupil made the garbage collector
        // walk the caller's whole heap again and again when the marks came as millions of objects.
        row.fill(NO_RECORD, from, from + length);
        if (this.spareRow === undefined || row.length > this.spareRow.length) this.spareRow = row;
      }
    }
    if (pupil < 0) return;
    const at = this.appendedAt[pupil]!;
    if (at < 0) return;
    // A pupil seen again: their bytes back into a row of their own.
    const low = this.lows[pupil]!;
    const length = this.highs[pupil]! - low + 1;
    const row = new Uint8Array(Math.max(this.typicalLength, length)).fill(NO_RECORD);
    row.set(this.main.subarray(at, at + length));
    this.rows[pupil] = row;
    this.bases[pupil] = low;
    this.appendedAt[pupil] = -1;
    // Stryker disable next-line AssignmentOperator: garbage is only compared with 0, and a returning pupil always has bytes
    this.garbage += length;
    // Stryker disable next-line AssignmentOperator: when to stop appending is a memory heuristic; the register is the same either way
    this.reopened += 1;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,ArithmeticOperator: a memory heuristic; rows held or appended give the same register
    if (this.reopened > 64 && this.reopened * 4 > this.pupilIds.length) this.stopAppending();
  }

  /** The file is not grouped by pupil: every pupil gets their row back, and rows are kept to the end. */
  private stopAppending(): void {
    // Stryker disable next-line BooleanLiteral: appending again after the rows are taken back only moves bytes; the register is the same
    this.appending = false;
    for (let pupil = 0; pupil < this.pupilIds.length; pupil += 1) {
      const at = this.appendedAt[pupil]!;
      if (at < 0) continue;
      const low = this.lows[pupil]!;
      const length = this.highs[pupil]! - low + 1;
      this.rows[pupil] = this.main.slice(at, at + length);
      this.bases[pupil] = low;
      this.appendedAt[pupil] = -1;
    }
    this.main = new Uint8Array(0);
    this.used = 0;
    this.garbage = 0;
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

  /** A pupil's row, made or grown (at either end) to hold a working slot. */
  private growRow(pupil: number, slot: number): Uint8Array {
    const row = this.rows[pupil];
    // Stryker disable next-line BlockStatement: a pupil with no row has no marks, and the growing branch makes them a row just the same
    if (row === undefined) {
      // Room for a typical pupil's year from here, and a little before it for marks that come out of order.
      // Stryker disable next-line MethodExpression: how much room to leave before the first mark only sizes the row
      const before = Math.min(slot, 8);
      const spare = this.spareRow;
      // Stryker disable next-line ArithmeticOperator,BlockStatement: reusing a spare row or making a fresh one only changes allocation (any row holds the slot)
      if (spare !== undefined && spare.length >= this.typicalLength + before) {
        this.spareRow = undefined;
        this.bases[pupil] = slot - before;
        this.rows[pupil] = spare;
        return spare;
      }
      // Stryker disable next-line ArithmeticOperator: the fresh row's length only sizes it; it always holds the slot, and rows grow on demand
      const fresh = new Uint8Array(this.typicalLength + before).fill(NO_RECORD);
      this.bases[pupil] = slot - before;
      this.rows[pupil] = fresh;
      return fresh;
    }
    const base = this.bases[pupil]!;
    // Sized from the marks, not the old row: a reused spare row may be far longer than this pupil needs, and
    // growing it whole would lengthen every later pupil's row (a file whose first pupil joined mid-year did that).
    const marked = this.highs[pupil]! >= 0;
    const low = marked ? Math.min(this.lows[pupil]!, slot) : slot;
    const high = marked ? Math.max(this.highs[pupil]!, slot) : slot;
    // Grow by half again beyond what is needed, on the side that needed it.
    // Stryker disable next-line MethodExpression,ArithmeticOperator: the extra room is any non-negative size; the grown row holds low to high either way
    const extra = Math.max(16, (high - low + 1) >> 1);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: any base at or below low holds the marks; slot equals base never reaches here
    const newBase = slot < base ? Math.max(0, low - extra) : low;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: extra room past high only sizes the row
    const newLength = high - newBase + 1 + (slot < base ? 0 : extra);
    const grown = new Uint8Array(newLength).fill(NO_RECORD);
    if (marked) {
      const from = this.lows[pupil]! - base;
      grown.set(row.subarray(from, this.highs[pupil]! - base + 1), this.lows[pupil]! - newBase);
    }
    this.bases[pupil] = newBase;
    this.rows[pupil] = grown;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,MethodExpression: the typical length only sizes later rows, which grow on demand
    if (newLength > this.typicalLength) this.typicalLength = Math.min(newLength, 1 << 12);
    return grown;
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
}
