import type { IsoDate, SchoolCalendar } from '../../calendar/types.js';
import { CODE_SET_2024_START } from '../../codes/codeSetDates.js';
import { COMPACT_CODES, toCompactCode } from '../../codes/compactCodes.js';
import { CohortRegisterBuilder } from '../../cohort/cohortRegisterBuilder.js';
import type { CohortRegister } from '../../cohort/types.js';
import type { ImportedMark } from '../../io/types.js';
import { firstSlotFrom } from '../../sessions/slotSearch.js';
import type { CompactRegister, SessionSlots } from '../../sessions/types.js';
import { NO_RECORD } from '../../sessions/tally.js';
import { CATEGORY_BY_SET, NOT_IN_SET, SET_2024, SET_PRE_2024 } from '../../_internal/codeTables.js';
import { compileCalendar, isSessionOpen } from '../../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../../_internal/compiledCalendar.js';

const PLANNED_CLOSURE = COMPACT_CODES.indexOf('#');
// Per date index: what is known of the date, worked out on its first mark.
const KNOWN = 1;
const SET_2024_DATE = 2;
const AM_CONTRADICTED = 4;
const PM_CONTRADICTED = 8;
// Outside the calendar altogether: contradicted whatever the code, `#` included.
const OUTSIDE_CALENDAR = 16;

/** Marks' extra facts, kept only for the few marks that have them: a growable list of (pupil, session, value). */
class SparseFacts {
  pupils = new Uint32Array(256);
  sessions = new Uint32Array(256);
  values = new Int32Array(256);
  size = 0;
  /** After {@link SparseFacts.index}: each pupil's entries, sorted by slot, as `[start, end)` into `order`. */
  private starts: Uint32Array = new Uint32Array(0);
  private order: Uint32Array = new Uint32Array(0);
  private slots: Int32Array = new Int32Array(0);

  push(pupil: number, session: number, value: number): void {
    if (this.size === this.pupils.length) {
      const grow = <T extends Uint32Array | Int32Array>(array: T, make: (length: number) => T): T => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.pupils = grow(this.pupils, (length) => new Uint32Array(length));
      this.sessions = grow(this.sessions, (length) => new Uint32Array(length));
      this.values = grow(this.values, (length) => new Int32Array(length));
    }
    this.pupils[this.size] = pupil;
    this.sessions[this.size] = session;
    this.values[this.size] = value;
    this.size += 1;
  }

  /** Groups the entries by pupil and orders each pupil's by slot, once the slots are final. */
  index(pupilCount: number, slotOf: (session: number) => number): void {
    this.slots = new Int32Array(this.size);
    for (let entry = 0; entry < this.size; entry += 1) this.slots[entry] = slotOf(this.sessions[entry]!);
    this.starts = new Uint32Array(pupilCount + 1);
    for (let entry = 0; entry < this.size; entry += 1) this.starts[this.pupils[entry]! + 1]! += 1;
    for (let pupil = 0; pupil < pupilCount; pupil += 1) this.starts[pupil + 1]! += this.starts[pupil]!;
    const next = this.starts.slice(0, -1);
    this.order = new Uint32Array(this.size);
    for (let entry = 0; entry < this.size; entry += 1) this.order[next[this.pupils[entry]!]!++] = entry;
    for (let pupil = 0; pupil < pupilCount; pupil += 1) {
      const run = this.order.subarray(this.starts[pupil], this.starts[pupil + 1]);
      if (run.length > 1) run.sort((left, right) => this.slots[left]! - this.slots[right]!);
    }
  }

  /** A pupil's entries as a map from slot to value (empty for most pupils). */
  of(pupil: number): Map<number, number> | undefined {
    const start = this.starts[pupil] ?? 0;
    const end = this.starts[pupil + 1] ?? 0;
    if (end <= start) return undefined;
    const map = new Map<number, number>();
    for (let position = start; position < end; position += 1) {
      const entry = this.order[position]!;
      map.set(this.slots[entry]!, this.values[entry]!);
    }
    return map;
  }
}

/**
 * A register file read for the command-line tool: every pupil's marks as one byte per session in a
 * {@link CohortRegister} (the form the cohort engine reads), so that a local authority's year of tens of millions
 * of marks takes little more than a byte each. Minutes late, and the file line of any mark that a check or count
 * may report (a code outside its date's code set, or a mark the calendar contradicts), are kept on the side for
 * the few marks that have them; one pupil's marks are turned back into objects only while that pupil is worked on.
 *
 * @remarks
 * Marks are added in file order, in any order of pupils and dates; {@link RegisterStore.finish} lays the register
 * out once every mark is in. {@link RegisterStore.marksOf} gives a pupil's marks in date and session order.
 */
export class RegisterStore {
  /** The pupils, in the order of their first mark. */
  readonly pupilIds: string[];
  /** The latest date of any mark. */
  lastDate: IsoDate | undefined;
  private readonly builder = new CohortRegisterBuilder({ resolve: (_pupil, _date, _pm, kept) => kept });
  private readonly calendar: CompiledCalendar | undefined;
  private readonly minutes = new SparseFacts();
  private readonly lines = new SparseFacts();
  private dateFacts = new Uint8Array(256);
  private built: CohortRegister | undefined;
  private lastPupilId = '';
  private lastPupil = -1;
  private lastDateText = '';
  private lastDateIndex = -1;

  /**
   * @param calendar - The calendar the marks will be checked against, if any: the lines of the marks it
   * contradicts are kept so that the check can name them.
   */
  constructor(calendar?: SchoolCalendar) {
    this.calendar = calendar === undefined ? undefined : compileCalendar(calendar);
    this.pupilIds = this.builder.pupilIds;
  }

  /** The number of marks. */
  get size(): number {
    return this.builder.size;
  }

  /**
   * Adds a mark, as an importer hands it over.
   *
   * @param mark - The mark (its code a register code, its date a real day).
   */
  add(mark: ImportedMark): void {
    if (mark.pupilId !== this.lastPupilId || this.lastPupil < 0) {
      this.lastPupilId = mark.pupilId;
      this.lastPupil = this.builder.pupil(mark.pupilId);
    }
    if (mark.date !== this.lastDateText) {
      this.lastDateText = mark.date;
      this.lastDateIndex = this.builder.dateIndex(mark.date);
    }
    this.addMark(
      this.lastPupil,
      this.lastDateIndex,
      mark.session === 'PM',
      toCompactCode(mark.code) ?? 0,
      mark.minutesLate ?? -1,
      mark.line ?? 0
    );
  }

  /**
   * The pupil index of a pupil id, for {@link RegisterStore.addMark}.
   *
   * @param pupilId - The pupil.
   * @returns Its index.
   */
  pupil(pupilId: string): number {
    return this.builder.pupil(pupilId);
  }

  /**
   * The date index of a real day, for {@link RegisterStore.addMark}.
   *
   * @param date - The day.
   * @returns Its index.
   */
  dateIndex(date: IsoDate): number {
    return this.builder.dateIndex(date);
  }

  /**
   * Says roughly how many marks will come, so that the register's buffer is made once.
   *
   * @param marks - The expected number.
   */
  expectMarks(marks: number): void {
    this.builder.expectMarks(marks);
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
    return this.builder.has(pupil, dateIndex, pm);
  }

  /**
   * Visits the working slot of each of a pupil's marks, in order.
   *
   * @param pupil - The pupil's index.
   * @param visit - Called once per mark.
   */
  forEachMark(pupil: number, visit: (workingSlot: number) => void): void {
    this.builder.forEachMark(pupil, visit);
  }

  /**
   * The number of a pupil's marks before a working slot.
   *
   * @param pupil - The pupil's index.
   * @param workingSlot - Date index × 2 + PM.
   * @returns The count.
   */
  marksBefore(pupil: number, workingSlot: number): number {
    return this.builder.marksBefore(pupil, workingSlot);
  }

  /**
   * Adds a mark already reduced to indexes: the importers' fast path, with no object per mark.
   *
   * @param pupil - From {@link RegisterStore.pupil}.
   * @param dateIndex - From {@link RegisterStore.dateIndex}.
   * @param pm - The afternoon session.
   * @param byte - The code's compact byte.
   * @param minutes - Minutes late, or -1.
   * @param line - The file line, or 0.
   */
  addMark(pupil: number, dateIndex: number, pm: boolean, byte: number, minutes: number, line: number): void {
    this.builder.add(pupil, dateIndex, pm, byte);
    const session = dateIndex * 2 + (pm ? 1 : 0);
    if (minutes >= 0) this.minutes.push(pupil, session, minutes);
    if (line > 0 && this.isReportable(dateIndex, pm, byte)) this.lines.push(pupil, session, line);
  }

  /**
   * Lays the register out; call once every mark is in.
   *
   * @returns The register.
   */
  finish(): CohortRegister {
    if (this.built !== undefined) return this.built;
    const register = this.builder.finish();
    const slotOf = (session: number): number => this.builder.slotOf(session >> 1, (session & 1) === 1);
    this.minutes.index(register.pupilIds.length, slotOf);
    this.lines.index(register.pupilIds.length, slotOf);
    const { dates } = register.slots;
    this.lastDate = dates.length === 0 ? undefined : dates[dates.length - 1];
    this.built = register;
    return register;
  }

  /** The register, laid out. */
  get register(): CohortRegister {
    return this.finish();
  }

  /**
   * One pupil's marks as objects, in date and session order, optionally only those up to a date.
   *
   * @param pupilId - The pupil.
   * @param asOf - The last date to include.
   * @returns The marks (empty for a pupil with none).
   */
  marksOf(pupilId: string, asOf?: IsoDate): ImportedMark[] {
    const pupil = this.builder.findPupil(pupilId);
    return pupil < 0 ? [] : this.marksOfIndex(pupil, asOf);
  }

  /**
   * One pupil's register in the compact form the per-pupil functions read, with no object per mark: a view of
   * the pupil's bytes over their span of the slots (slots up to `asOf`). Sessions within the span that the file
   * has no mark for hold a byte those functions pass over, as they pass over a missing mark.
   *
   * @param pupil - The pupil's index.
   * @param asOf - The last date to include.
   * @returns The register, or undefined when the pupil has no mark up to the date.
   */
  compactOf(pupil: number, asOf?: IsoDate): CompactRegister | undefined {
    const register = this.finish();
    const { slots } = register;
    const first = register.firstSlots[pupil]!;
    let length = register.lengths[pupil]!;
    if (asOf !== undefined) length = Math.min(length, firstSlotFrom(slots, asOf, true) - first);
    if (length <= 0) return undefined;
    const offset = register.offsets[pupil]!;
    return {
      pupilId: register.pupilIds[pupil]!,
      slots: this.slotSpan(first, length),
      codes: register.codes.subarray(offset, offset + length),
    };
  }

  // Pupils on roll for the same sessions share one slots object, so its calendar positions are worked out once.
  private readonly spans = new Map<string, SessionSlots>();

  private slotSpan(first: number, length: number): SessionSlots {
    const key = `${first}:${length}`;
    let span = this.spans.get(key);
    if (span === undefined) {
      const { dates, sessions, first2024Index } = this.finish().slots;
      span = {
        dates: dates.slice(first, first + length),
        sessions: sessions.slice(first, first + length),
        first2024Index: Math.min(Math.max(first2024Index - first, 0), length),
      };
      this.spans.set(key, span);
    }
    return span;
  }

  /**
   * One pupil's marks as objects, by the pupil's index.
   *
   * @param pupil - The pupil's index.
   * @param asOf - The last date to include.
   * @returns The marks.
   */
  marksOfIndex(pupil: number, asOf?: IsoDate): ImportedMark[] {
    const register = this.finish();
    const { codes, offsets, firstSlots, lengths, slots } = register;
    const pupilId = register.pupilIds[pupil]!;
    const minutes = this.minutes.of(pupil);
    const lines = this.lines.of(pupil);
    const marks: ImportedMark[] = [];
    const from = offsets[pupil]!;
    const firstSlot = firstSlots[pupil]!;
    // The as-of date is found once, not compared at every mark.
    const length =
      asOf === undefined
        ? lengths[pupil]!
        : Math.min(lengths[pupil]!, firstSlotFrom(slots, asOf, true) - firstSlot);
    for (let index = 0; index < length; index += 1) {
      const byte = codes[from + index]!;
      if (byte === NO_RECORD) continue;
      const slot = firstSlot + index;
      const date = slots.dates[slot]!;
      const minutesLate = minutes?.get(slot);
      const line = lines?.get(slot);
      marks.push({
        pupilId,
        date,
        session: slots.sessions[slot]!,
        code: COMPACT_CODES[byte]!,
        ...(minutesLate === undefined ? {} : { minutesLate }),
        ...(line === undefined ? {} : { line }),
      });
    }
    return marks;
  }

  /**
   * The pupils with a mark on a session the calendar contradicts (outside it, a weekend, a holiday or a closure,
   * other than `#`), found from the bytes; every pupil when the store has no calendar.
   *
   * @returns Their indexes, in order.
   */
  pupilsWithContradictedMarks(): number[] {
    const register = this.finish();
    const { codes, offsets, firstSlots, lengths, slots, pupilIds } = register;
    if (this.calendar === undefined) return pupilIds.map((_, pupil) => pupil);
    const contradicted = new Uint8Array(slots.dates.length);
    let any = false;
    for (let slot = 0; slot < slots.dates.length; slot += 1) {
      const dateIndex = this.builder.dateIndex(slots.dates[slot]!);
      let facts = this.dateFacts[dateIndex] ?? 0;
      if (facts === 0) facts = this.learnDate(dateIndex);
      const flag = slots.sessions[slot] === 'PM' ? PM_CONTRADICTED : AM_CONTRADICTED;
      // 1: contradicted unless marked `#`; 2: contradicted whatever the mark.
      if ((facts & flag) !== 0) contradicted[slot] = (facts & OUTSIDE_CALENDAR) !== 0 ? 2 : 1;
      any ||= (facts & flag) !== 0;
    }
    if (!any) return [];
    const found: number[] = [];
    for (let pupil = 0; pupil < pupilIds.length; pupil += 1) {
      const from = offsets[pupil]!;
      const firstSlot = firstSlots[pupil]!;
      for (let index = 0; index < lengths[pupil]!; index += 1) {
        const byte = codes[from + index]!;
        const flag = contradicted[firstSlot + index]!;
        if (flag !== 0 && byte !== NO_RECORD && (flag === 2 || byte !== PLANNED_CLOSURE)) {
          found.push(pupil);
          break;
        }
      }
    }
    return found;
  }

  /** Whether a check or a count may report the mark: a code outside its date's set, or a contradicted session. */
  private isReportable(dateIndex: number, pm: boolean, byte: number): boolean {
    let facts = this.dateFacts[dateIndex] ?? 0;
    if (facts === 0) facts = this.learnDate(dateIndex);
    const set = (facts & SET_2024_DATE) !== 0 ? SET_2024 : SET_PRE_2024;
    if (CATEGORY_BY_SET[set][byte] === NOT_IN_SET) return true;
    if ((facts & OUTSIDE_CALENDAR) !== 0) return true;
    return (facts & (pm ? PM_CONTRADICTED : AM_CONTRADICTED)) !== 0 && byte !== PLANNED_CLOSURE;
  }

  private learnDate(dateIndex: number): number {
    if (dateIndex >= this.dateFacts.length) {
      const bigger = new Uint8Array(Math.max(dateIndex + 1, this.dateFacts.length * 2));
      bigger.set(this.dateFacts);
      this.dateFacts = bigger;
    }
    const date = this.builder.dateOf(dateIndex);
    let facts = KNOWN | (date >= CODE_SET_2024_START ? SET_2024_DATE : 0);
    const calendar = this.calendar;
    if (calendar !== undefined) {
      const day = calendar.dayIndexByDate.get(date);
      if (day === undefined) facts |= OUTSIDE_CALENDAR;
      if (day === undefined || !isSessionOpen(calendar, day, 'AM')) facts |= AM_CONTRADICTED;
      if (day === undefined || !isSessionOpen(calendar, day, 'PM')) facts |= PM_CONTRADICTED;
    }
    this.dateFacts[dateIndex] = facts;
    return facts;
  }
}
