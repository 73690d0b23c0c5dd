import type { IsoDate, Session } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import type { SessionMark } from '../sessions/types.js';
import { unknownCodeIssue } from '../_internal/codeIssues.js';
import {
  CATEGORY_BY_SET,
  NOT_IN_SET,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
  UNMARKED,
} from '../_internal/codeTables.js';
import { throwIfErrors } from '../_internal/issues.js';
import type { LessonMark } from './countLessonAttendance.js';

/**
 * A day on which a pupil was registered present but missed lessons, from {@link findInternalTruancy}.
 *
 * @category Patterns
 */
export interface InternalTruancyDay {
  /** The pupil; `''` for marks that name none. */
  readonly pupilId: string;
  /** The date. */
  readonly date: IsoDate;
  /** The registration sessions at which the pupil was marked present (`/`, `\` or `L`), `AM` first. */
  readonly presentSessions: readonly Session[];
  /** The periods of the missed lessons, in the order of the lesson marks. */
  readonly periods: readonly string[];
  /** The lesson marks showing the missed lessons, in their input order. */
  readonly lessons: readonly LessonMark[];
}

const PRESENT_AT = { AM: 1, PM: 2 } as const;

/** The category of a code byte on a date, by the code set in force on the date. */
function categoryOf(date: string, byte: number): number {
  const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
  const category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  return category === NOT_IN_SET ? (CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET) : category;
}

/**
 * Finds internal truancy: days on which a pupil was marked present at registration but is recorded absent from
 * one or more lessons, listing the periods missed.
 *
 * @remarks
 * The rule is deliberately simple, since timetables differ in which periods each registration covers: a pupil and
 * date are reported when the session register shows the pupil present (`/`, `\` or `L`) at either registration
 * that day, and at least one lesson mark for the pupil that day is an unauthorised absence (G, N, O, U) or has no
 * mark yet (`-` or empty). Authorised absence from a lesson (e.g. a medical appointment, `M`) is not internal
 * truancy, and nor is a lesson mark on a day the pupil was not registered present. Session and lesson marks are
 * matched by `pupilId`; marks without one belong to one unnamed pupil, `''`. Results are ordered by pupil and date.
 *
 * @param sessionMarks - Session register marks of any number of pupils, in any order.
 * @param lessonMarks - Lesson marks of the same pupils, in any order.
 * @returns One entry per pupil and date with missed lessons.
 * @throws {@link AttendanceError} Listing every unknown code among the session and the lesson marks.
 * @example
 * const days = findInternalTruancy(
 *   [{ pupilId: 'A', date: isoDate('2024-09-09'), session: 'AM', code: '/' }],
 *   [
 *     { pupilId: 'A', date: isoDate('2024-09-09'), period: 'P1', code: '/' },
 *     { pupilId: 'A', date: isoDate('2024-09-09'), period: 'P4', code: 'N' },
 *   ]
 * );
 * days //=> [{ pupilId: 'A', date: '2024-09-09', presentSessions: ['AM'], periods: ['P4'], lessons: [ … the P4 mark ] }]
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (schools use attendance data to identify patterns of poor attendance)
 * @category Patterns
 */
export function findInternalTruancy(
  sessionMarks: readonly SessionMark[],
  lessonMarks: readonly LessonMark[]
): InternalTruancyDay[] {
  const issues: AttendanceIssue[] = [];
  // Pupil → date → bit mask of the sessions at which the pupil was present.
  const presence = new Map<string, Map<string, number>>();
  for (let index = 0; index < sessionMarks.length; index += 1) {
    const mark = sessionMarks[index]!;
    const byte = toCompactCode(mark.code);
    if (byte === undefined) {
      issues.push(
        unknownCodeIssue(mark.code, {
          path: ['sessionMarks', index, 'code'],
          pupilId: mark.pupilId,
          date: mark.date,
          session: mark.session,
        })
      );
      continue;
    }
    if (categoryOf(mark.date, byte) !== PRESENT) continue;
    const pupilId = mark.pupilId ?? '';
    let dates = presence.get(pupilId);
    if (dates === undefined) {
      dates = new Map();
      presence.set(pupilId, dates);
    }
    dates.set(mark.date, (dates.get(mark.date) ?? 0) | PRESENT_AT[mark.session]);
  }
  // Pupil → date → indexes of the missed lessons.
  const missed = new Map<string, Map<string, number[]>>();
  for (let index = 0; index < lessonMarks.length; index += 1) {
    const mark = lessonMarks[index]!;
    const byte = toCompactCode(mark.code);
    if (byte === undefined) {
      issues.push(
        unknownCodeIssue(mark.code, {
          path: ['lessonMarks', index, 'code'],
          pupilId: mark.pupilId,
          date: mark.date,
        })
      );
      continue;
    }
    const category = categoryOf(mark.date, byte);
    if (category !== UNAUTHORISED && category !== UNMARKED) continue;
    const pupilId = mark.pupilId ?? '';
    if (presence.get(pupilId)?.get(mark.date) === undefined) continue;
    let dates = missed.get(pupilId);
    if (dates === undefined) {
      dates = new Map();
      missed.set(pupilId, dates);
    }
    const indexes = dates.get(mark.date);
    if (indexes === undefined) dates.set(mark.date, [index]);
    else indexes.push(index);
  }
  throwIfErrors(issues);
  const days: InternalTruancyDay[] = [];
  for (const pupilId of [...missed.keys()].sort()) {
    const dates = missed.get(pupilId)!;
    for (const date of [...dates.keys()].sort()) {
      const mask = presence.get(pupilId)!.get(date)!;
      const lessons = dates.get(date)!.map((index) => lessonMarks[index]!);
      days.push({
        pupilId,
        date: date as IsoDate,
        presentSessions: (['AM', 'PM'] as const).filter((session) => (mask & PRESENT_AT[session]) !== 0),
        periods: lessons.map((lesson) => lesson.period),
        lessons,
      });
    }
  }
  return days;
}
