import type { IsoDate } from '../../calendar/types.js';
import type { ImportedMark } from '../../io/types.js';

const INITIAL_CAPACITY = 4096;
const NO_MINUTES = -1;
const NO_LINE = 0;

function grown<T extends Uint16Array | Uint32Array | Int32Array>(array: T, make: (length: number) => T): T {
  const bigger = make(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * A register's marks held compactly: a few bytes per mark in parallel typed arrays, with dates and codes
 * interned, so that a local authority's year (tens of millions of marks) fits in memory. One pupil's marks are
 * turned back into mark objects only while that pupil is worked on.
 *
 * @remarks
 * Only what the commands use is kept: pupil, date, session, code, minutes late and file line (a UPN, the file's
 * own code and comments are dropped). Marks are added in file order; {@link MarkStore.marksOf} gives a pupil's
 * marks in that order.
 */
export class MarkStore {
  private readonly pupilIndex = new Map<string, number>();
  private readonly dateIndex = new Map<string, number>();
  private readonly codeIndex = new Map<string, number>();
  private readonly dateList: IsoDate[] = [];
  private readonly codeList: string[] = [];
  private pupils = new Uint32Array(INITIAL_CAPACITY);
  private dates = new Uint32Array(INITIAL_CAPACITY);
  // The code's index times two, plus 1 for the afternoon.
  private codeSessions = new Uint16Array(INITIAL_CAPACITY);
  private lines = new Uint32Array(INITIAL_CAPACITY);
  private minutes = new Int32Array(INITIAL_CAPACITY);
  private byPupil: { readonly order: Uint32Array; readonly offsets: Uint32Array } | undefined;
  /** The pupils, in the order of their first mark. */
  readonly pupilIds: string[] = [];
  /** The number of marks. */
  size = 0;
  /** The latest date of any mark. */
  lastDate: IsoDate | undefined;

  /**
   * Adds a mark (in file order).
   *
   * @param mark - The mark.
   * @example
   * store.add({ pupilId: 'P1', date: isoDate('2024-09-03'), session: 'AM', code: '/', line: 2 });
   */
  add(mark: ImportedMark): void {
    if (this.size === this.pupils.length) this.grow();
    const index = this.size;
    this.pupils[index] = this.intern(this.pupilIndex, this.pupilIds, mark.pupilId);
    this.dates[index] = this.intern(this.dateIndex, this.dateList, mark.date);
    this.codeSessions[index] =
      this.intern(this.codeIndex, this.codeList, mark.code) * 2 + (mark.session === 'PM' ? 1 : 0);
    this.lines[index] = mark.line ?? NO_LINE;
    this.minutes[index] = mark.minutesLate ?? NO_MINUTES;
    if (this.lastDate === undefined || mark.date > this.lastDate) this.lastDate = mark.date;
    this.size += 1;
    this.byPupil = undefined;
  }

  /**
   * One pupil's marks as objects, in file order, optionally only those up to a date.
   *
   * @param pupilId - The pupil.
   * @param asOf - The last date to include.
   * @returns The marks (empty for a pupil with none).
   * @example
   * store.marksOf('P1', isoDate('2024-12-20')).length
   */
  marksOf(pupilId: string, asOf?: IsoDate): ImportedMark[] {
    const pupil = this.pupilIndex.get(pupilId);
    if (pupil === undefined) return [];
    const { order, offsets } = this.groupByPupil();
    const marks: ImportedMark[] = [];
    for (let position = offsets[pupil]!; position < offsets[pupil + 1]!; position += 1) {
      const index = order[position]!;
      const date = this.dateList[this.dates[index]!]!;
      if (asOf !== undefined && date > asOf) continue;
      const codeSession = this.codeSessions[index]!;
      const line = this.lines[index]!;
      const minutes = this.minutes[index]!;
      marks.push({
        pupilId,
        date,
        session: codeSession % 2 === 1 ? 'PM' : 'AM',
        code: this.codeList[codeSession >> 1]!,
        ...(minutes === NO_MINUTES ? {} : { minutesLate: minutes }),
        ...(line === NO_LINE ? {} : { line }),
      });
    }
    return marks;
  }

  private intern(index: Map<string, number>, list: string[], value: string): number {
    let found = index.get(value);
    if (found === undefined) {
      found = list.length;
      index.set(value, found);
      list.push(value);
    }
    return found;
  }

  private grow(): void {
    this.pupils = grown(this.pupils, (length) => new Uint32Array(length));
    this.dates = grown(this.dates, (length) => new Uint32Array(length));
    this.codeSessions = grown(this.codeSessions, (length) => new Uint16Array(length));
    this.lines = grown(this.lines, (length) => new Uint32Array(length));
    this.minutes = grown(this.minutes, (length) => new Int32Array(length));
  }

  // A counting sort by pupil, made once: each pupil's marks are then a contiguous run, still in file order.
  private groupByPupil(): { readonly order: Uint32Array; readonly offsets: Uint32Array } {
    if (this.byPupil !== undefined) return this.byPupil;
    const offsets = new Uint32Array(this.pupilIds.length + 1);
    for (let index = 0; index < this.size; index += 1) offsets[this.pupils[index]! + 1]! += 1;
    for (let pupil = 0; pupil < this.pupilIds.length; pupil += 1) offsets[pupil + 1]! += offsets[pupil]!;
    const next = offsets.slice(0, -1);
    const order = new Uint32Array(this.size);
    for (let index = 0; index < this.size; index += 1) order[next[this.pupils[index]!]!++] = index;
    this.byPupil = { order, offsets };
    return this.byPupil;
  }
}
