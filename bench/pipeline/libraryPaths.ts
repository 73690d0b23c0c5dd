/**
 * The library's existing per-pupil functions as pipelines: for each pupil `countSessions`, `classifyAbsence`
 * and `countRollingWindow` with the national penalty-notice window, over the compact bytes or the marks as
 * objects (csvImportPath.ts feeds them from the CSV file).
 */
import { classifyAbsence, countRollingWindow, countSessions } from '../../src/index.js';
import type { CompactRegister, SchoolCalendar, SessionMark } from '../../src/index.js';
import { ABSENCE_CLASS, createPupilFigures, PENALTY_WINDOW, toDateNumber } from './figures.js';
import type { PupilFigures } from './figures.js';
import type { CompactInput, MarkObject } from './generate.js';

/** One pupil's figures, by the library's functions, written into the columns at `pupil`. */
export function storePupilFigures(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  figures: PupilFigures,
  pupil: number
): void {
  const counts = countSessions(register);
  const window = countRollingWindow(register, calendar, PENALTY_WINDOW);
  figures.possible[pupil] = counts.possible;
  figures.attended[pupil] = counts.attended;
  figures.authorised[pupil] = counts.authorised;
  figures.unauthorised[pupil] = counts.unauthorised;
  figures.absent[pupil] = counts.absent;
  figures.absenceClass[pupil] = ABSENCE_CLASS[classifyAbsence(counts)];
  figures.maximumInWindow[pupil] = window.maximum;
  figures.firstReached[pupil] =
    window.firstReached === undefined ? 0 : toDateNumber(window.firstReached.periodEnd);
}

/**
 * Each pupil as a `CompactRegister` over the shared slots: a `subarray` view of the bytes, no copy. A compact
 * register's bytes must cover its slots exactly, so a pupil with a shorter span would need slots of its own;
 * the generator gives every pupil the whole year, which is checked.
 */
export function computeFiguresCompact(input: CompactInput, calendar: SchoolCalendar): PupilFigures {
  const { pupilIds, slots, codes, offsets, lengths } = input;
  const slotCount = slots.dates.length;
  const figures = createPupilFigures(pupilIds.length);
  for (let pupil = 0; pupil < pupilIds.length; pupil += 1) {
    const offset = offsets[pupil]!;
    if (lengths[pupil] !== slotCount) {
      throw new Error(`pupil ${pupilIds[pupil]} has ${lengths[pupil]} marks, not one per shared slot`);
    }
    const register: CompactRegister = {
      pupilId: pupilIds[pupil]!,
      slots,
      codes: codes.subarray(offset, offset + slotCount),
    };
    storePupilFigures(register, calendar, figures, pupil);
  }
  return figures;
}

/** Each pupil's marks as `{ date, session, code }` objects. */
export function computeFiguresObjects(
  registers: readonly (readonly MarkObject[])[],
  calendar: SchoolCalendar
): PupilFigures {
  const figures = createPupilFigures(registers.length);
  registers.forEach((marks, pupil) => {
    storePupilFigures(marks, calendar, figures, pupil);
  });
  return figures;
}
