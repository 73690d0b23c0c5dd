import type { RegisterDate } from './dateReader.js';
// 1970-01-01 was a Thursday: (day + 3) mod 7 gives 0 for Monday to 6 for Sunday.
const THURSDAY_OFFSET = 3;
// A school year of weekdays (48 weeks); a pupil's range grows by half again when a date falls outside it.
const INITIAL_WEEKDAYS = 240;
// Beyond about twelve years of weekdays, far-off dates go to the overflow map, so odd input cannot make one
// pupil's slots huge.
const MAX_WEEKDAYS = 5 * 52 * 12;
const UINT16_LIMIT = 0xffff;

interface PupilSlots {
  /** The weekday index of slot pair 0. */
  base: number;
  /** The first position recorded for the pupil; slots hold positions relative to it, plus one. */
  firstPosition: number;
  /** Two slots (AM, PM) per weekday; 0 is empty. 16-bit until a relative position needs more. */
  slots: Uint16Array | Uint32Array;
  /** Weekend and far-off sessions, rare enough for a map: key `day * 2 + session`, value the position. */
  overflow: Map<number, number> | undefined;
}

/**
 * Remembers which sessions each pupil already has a mark for, and where that mark was, without keeping the
 * marks: one small integer per weekday session per pupil (about 1 KB per pupil-year), so duplicate detection
 * stays light on a streamed file of millions of rows.
 *
 * A position is any increasing positive number that locates a row: the file line for CSV, index + 1 for JSON.
 */
export class MarkSlots {
  private readonly pupils = new Map<string, PupilSlots>();
  // Rows come grouped by pupil in most files: the last pupil's slots are kept at hand.
  private lastPupilId: string | undefined;
  private lastPupil: PupilSlots | undefined;

  /**
   * Claims a pupil's session for the row at `position`.
   *
   * @returns 0 when the session was free (it is now taken), else the position of the row that holds it.
   */
  claim(pupilId: string, date: RegisterDate, session: 0 | 1, position: number): number {
    const day = date.day;
    const shifted = day + THURSDAY_OFFSET;
    const week = Math.floor(shifted / 7);
    const weekday = shifted - week * 7;
    const weekdayIndex = week * 5 + weekday;
    let pupil = pupilId === this.lastPupilId ? this.lastPupil : this.pupils.get(pupilId);
    if (pupil === undefined) {
      pupil = {
        base: weekdayIndex,
        firstPosition: position,
        slots: new Uint16Array(INITIAL_WEEKDAYS * 2),
        overflow: undefined,
      };
      this.pupils.set(pupilId, pupil);
    }
    this.lastPupilId = pupilId;
    this.lastPupil = pupil;
    if (weekday >= 5) return claimOverflow(pupil, day * 2 + session, position);
    let offset = weekdayIndex - pupil.base;
    if (offset < 0 || offset * 2 >= pupil.slots.length) {
      if (!grow(pupil, offset)) return claimOverflow(pupil, day * 2 + session, position);
      offset = weekdayIndex - pupil.base;
    }
    const index = offset * 2 + session;
    const held = pupil.slots[index]!;
    if (held !== 0) return held + pupil.firstPosition - 1;
    const relative = position - pupil.firstPosition + 1;
    if (relative > UINT16_LIMIT && pupil.slots instanceof Uint16Array)
      pupil.slots = Uint32Array.from(pupil.slots);
    pupil.slots[index] = relative;
    return 0;
  }
}

function claimOverflow(pupil: PupilSlots, key: number, position: number): number {
  pupil.overflow ??= new Map();
  const held = pupil.overflow.get(key);
  if (held !== undefined) return held;
  pupil.overflow.set(key, position);
  return 0;
}

/** Widens a pupil's range of weekdays to take `offset` (relative to the current base); false if too wide. */
function grow(pupil: PupilSlots, offset: number): boolean {
  const weekdays = pupil.slots.length / 2;
  const margin = Math.max(Math.ceil(weekdays / 2), 5);
  const start = offset < 0 ? offset - margin : 0;
  const end = offset >= weekdays ? offset + 1 + margin : weekdays;
  if (end - start > MAX_WEEKDAYS) return false;
  const slots =
    pupil.slots instanceof Uint16Array
      ? new Uint16Array((end - start) * 2)
      : new Uint32Array((end - start) * 2);
  slots.set(pupil.slots, -start * 2);
  pupil.slots = slots;
  pupil.base += start;
  return true;
}
