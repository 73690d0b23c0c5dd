import type { IsoDate } from '../../../calendar/types.js';
import type { RegisterDate } from './dateReader.js';
import type { SessionClaims } from './registerRows.js';

/** What the claims need of the register being built. */
export interface ClaimedRegister {
  /** The index of a pupil, added on first sight. */
  pupil(pupilId: string): number;
  /** The index of a real day. */
  dateIndex(date: IsoDate): number;
  /** Whether the pupil already has a mark for the session. */
  has(pupil: number, dateIndex: number, pm: boolean): boolean;
  /** Visits the working slot (date index × 2 + PM) of each of the pupil's marks, in that order. */
  forEachMark(pupil: number, visit: (workingSlot: number) => void): void;
  /** The number of the pupil's marks on working slots before `workingSlot`. */
  marksBefore(pupil: number, workingSlot: number): number;
}

/** A pupil whose rows were not consecutive lines in session order: the line of each mark, by working slot. */
interface LineRow {
  base: number;
  lines: Uint32Array;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Which sessions each pupil has a mark for, asked of the cohort register being built rather than kept again, and
 * the line of each mark recovered when a second mark for the session needs it. A pupil's rows are nearly always
 * consecutive lines in session order, and then the line of a mark is the pupil's first line plus the number of
 * the pupil's marks before it: three numbers per pupil. Only a pupil whose rows break that pattern (a file
 * sorted by date, rows interleaved, a rejected row between two of the pupil's) gets a line per session.
 */
export class CohortClaims implements SessionClaims {
  private readonly register: ClaimedRegister;
  private firstLines = new Int32Array(1024);
  private lastLines = new Int32Array(1024);
  private lastSlots = new Int32Array(1024);
  private readonly lineRows = new Map<number, LineRow>();

  /** @param register - The register being built. */
  constructor(register: ClaimedRegister) {
    this.register = register;
  }

  claim(pupilId: string, date: RegisterDate, session: 0 | 1, position: number): number {
    return this.claimAt(this.register.pupil(pupilId), this.register.dateIndex(date.iso), session, position);
  }

  /**
   * {@link CohortClaims.claim} for a pupil and date already reduced to indexes (the fast path's).
   *
   * @param pupil - The pupil's index.
   * @param dateIndex - The date's index.
   * @param session - 0 for AM, 1 for PM.
   * @param position - The row's line.
   * @returns 0 when the session was free (it is now taken), else the line of the row that holds it.
   */
  claimAt(pupil: number, dateIndex: number, session: 0 | 1, position: number): number {
    const slot = dateIndex * 2 + session;
    if (this.register.has(pupil, dateIndex, session === 1)) return this.lineOf(pupil, slot);
    this.record(pupil, slot, position);
    return 0;
  }

  private lineOf(pupil: number, slot: number): number {
    const row = this.lineRows.get(pupil);
    if (row !== undefined) return row.lines[slot - row.base]!;
    return this.firstLines[pupil]! + this.register.marksBefore(pupil, slot);
  }

  private record(pupil: number, slot: number, line: number): void {
    while (pupil >= this.firstLines.length) {
      this.firstLines = grown(this.firstLines);
      this.lastLines = grown(this.lastLines);
      this.lastSlots = grown(this.lastSlots);
    }
    if (this.firstLines[pupil] === 0) {
      this.firstLines[pupil] = line;
      this.lastLines[pupil] = line;
      this.lastSlots[pupil] = slot;
      return;
    }
    let row = this.lineRows.get(pupil);
    if (row === undefined) {
      if (line === this.lastLines[pupil]! + 1 && slot > this.lastSlots[pupil]!) {
        this.lastLines[pupil] = line;
        this.lastSlots[pupil] = slot;
        return;
      }
      row = this.explicitLines(pupil);
    }
    setLine(row, slot, line);
  }

  /** Turns a pupil's lines from the pattern into one per session. */
  private explicitLines(pupil: number): LineRow {
    const row: LineRow = { base: 0, lines: new Uint32Array(0) };
    let line = this.firstLines[pupil]!;
    this.register.forEachMark(pupil, (slot) => {
      setLine(row, slot, line);
      line += 1;
    });
    this.lineRows.set(pupil, row);
    return row;
  }
}

function setLine(row: LineRow, slot: number, line: number): void {
  if (row.lines.length === 0) {
    row.base = slot;
    row.lines = new Uint32Array(64);
  }
  if (slot < row.base || slot >= row.base + row.lines.length) {
    const low = Math.min(row.base, slot);
    const high = Math.max(row.base + row.lines.length - 1, slot);
    const lines = new Uint32Array((high - low + 1) * 2);
    lines.set(row.lines, row.base - low);
    row.base = low;
    row.lines = lines;
  }
  row.lines[slot - row.base] = line;
}
