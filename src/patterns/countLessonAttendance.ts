import type { IsoDate } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import type { SessionRate } from '../sessions/types.js';
import { unknownCodeIssue } from '../_internal/codeIssues.js';
import {
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  CATEGORY_BY_SET,
  NOT_IN_SET,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
} from '../_internal/codeTables.js';
import { rateOf } from '../_internal/exactRate.js';
import { throwIfErrors } from '../_internal/issues.js';

/**
 * One lesson-level mark: the code recorded for a pupil in one lesson (timetabled period) of a day.
 *
 * @remarks
 * Lesson marks use the session register codes (e.g. `'/'`, `'L'`, `'N'`, `'-'` for no mark yet) and are read
 * against the code set in force on their date, as session marks are.
 *
 * @category Patterns
 */
export interface LessonMark {
  /** The pupil, when marks of several pupils travel together. */
  readonly pupilId?: string;
  /** The school date of the lesson. */
  readonly date: IsoDate;
  /** The timetabled period, e.g. `'P3'`. */
  readonly period: string;
  /** The lesson or teaching group, e.g. `'10X/Ma1'`. */
  readonly lesson?: string;
  /** The subject, e.g. `'Mathematics'`. */
  readonly subject?: string;
  /** The register code recorded for the lesson. */
  readonly code: string;
}

/**
 * How {@link countLessonAttendance} groups lesson marks.
 *
 * @category Patterns
 */
export interface CountLessonAttendanceOptions {
  /** Group by the marks' `subject` or by their `lesson`. */
  readonly by: 'subject' | 'lesson';
}

/**
 * Lesson attendance for one subject or lesson, from {@link countLessonAttendance}.
 *
 * @remarks
 * Invariants: `attended + absent = possible`; `authorised + unauthorised = absent`.
 *
 * @category Patterns
 */
export interface LessonAttendance {
  /** The subject or lesson; `null` for marks that do not name one. */
  readonly key: string | null;
  /** Lessons the pupils could have attended: attended plus absent. */
  readonly possible: number;
  /** Lessons attended: present plus approved educational activity. */
  readonly attended: number;
  /** Lessons missed: authorised plus unauthorised absence. */
  readonly absent: number;
  /** Authorised absence from lessons. */
  readonly authorised: number;
  /** Unauthorised absence from lessons. */
  readonly unauthorised: number;
  /** Lessons not yet marked (`-` or empty): in no other count. */
  readonly unmarked: number;
  /** The exact lesson attendance rate, `attended / possible`. */
  readonly attendanceRate: SessionRate;
}

const ATTENDED = 1;
const AUTHORISED_OUTCOME = 2;
const UNAUTHORISED_OUTCOME = 3;
const UNMARKED_OUTCOME = 4;
const OUTCOME_BY_CATEGORY = new Uint8Array(256);
OUTCOME_BY_CATEGORY[PRESENT] = ATTENDED;
OUTCOME_BY_CATEGORY[APPROVED_EDUCATIONAL_ACTIVITY] = ATTENDED;
OUTCOME_BY_CATEGORY[AUTHORISED] = AUTHORISED_OUTCOME;
OUTCOME_BY_CATEGORY[UNAUTHORISED] = UNAUTHORISED_OUTCOME;

/** Counters per key: index = outcome (0 not possible, 1 attended, 2 authorised, 3 unauthorised, 4 unmarked). */
const OUTCOMES = 5;

/** The outcome of a code byte on a date, by the code set in force on the date; byte 0 is no mark yet. */
function outcomeOf(date: string, byte: number): number {
  if (byte === 0) return UNMARKED_OUTCOME;
  const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
  let category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  if (category === NOT_IN_SET) category = CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET;
  return OUTCOME_BY_CATEGORY[category] ?? 0;
}

/**
 * Counts lesson-level attendance per subject or per lesson: possible, attended and absent lessons with the exact
 * attendance rate, to show where in the timetable a pupil or a cohort misses learning.
 *
 * @remarks
 * Each lesson mark counts once, by the same code categories as session marks (the code set in force on its date):
 * present and approved educational activity are attended, authorised and unauthorised absence are absent, and
 * not-possible codes and no mark yet count in neither (no mark yet is reported as `unmarked`). Marks of any number
 * of pupils may be passed together, so the figures can be a pupil's or a cohort's; repeated marks for the same
 * lesson are not merged. Marks without the grouping field are grouped under the key `null`. Rows are in key order,
 * with `null` last. Nothing is allocated per mark beyond a counter block per key.
 *
 * @param lessonMarks - The lesson marks, in any order.
 * @param options - Whether to group by subject or by lesson.
 * @returns One row per subject (or lesson) that has marks.
 * @throws {@link AttendanceError} Listing every unknown code.
 * @example
 * const rows = countLessonAttendance(
 *   [
 *     { date: isoDate('2024-09-09'), period: 'P1', subject: 'Mathematics', code: '/' },
 *     { date: isoDate('2024-09-09'), period: 'P2', subject: 'Science', code: 'N' },
 *     { date: isoDate('2024-09-10'), period: 'P1', subject: 'Mathematics', code: 'L' },
 *   ],
 *   { by: 'subject' }
 * );
 * rows.map((row) => [row.key, row.possible, row.attended]) //=> [['Mathematics', 2, 2], ['Science', 1, 0]]
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (schools use attendance data to identify patterns of poor attendance)
 * @category Patterns
 */
export function countLessonAttendance(
  lessonMarks: readonly LessonMark[],
  options: CountLessonAttendanceOptions
): LessonAttendance[] {
  const bySubject = options.by === 'subject';
  const countersByKey = new Map<string | null, Int32Array>();
  const issues: AttendanceIssue[] = [];
  for (let index = 0; index < lessonMarks.length; index += 1) {
    const mark = lessonMarks[index]!;
    const byte = toCompactCode(mark.code);
    if (byte === undefined) {
      issues.push(
        unknownCodeIssue(mark.code, { path: [index, 'code'], pupilId: mark.pupilId, date: mark.date })
      );
      continue;
    }
    const key = (bySubject ? mark.subject : mark.lesson) ?? null;
    let counters = countersByKey.get(key);
    if (counters === undefined) {
      counters = new Int32Array(OUTCOMES);
      countersByKey.set(key, counters);
    }
    const outcome = outcomeOf(mark.date, byte);
    counters[outcome] = counters[outcome]! + 1;
  }
  throwIfErrors(issues);
  const keys = [...countersByKey.keys()].sort((left, right) => {
    if (left === right) return 0;
    if (left === null) return 1;
    if (right === null) return -1;
    return left < right ? -1 : 1;
  });
  return keys.map((key) => {
    const counters = countersByKey.get(key)!;
    const attended = counters[ATTENDED]!;
    const authorised = counters[AUTHORISED_OUTCOME]!;
    const unauthorised = counters[UNAUTHORISED_OUTCOME]!;
    const absent = authorised + unauthorised;
    return {
      key,
      possible: attended + absent,
      attended,
      absent,
      authorised,
      unauthorised,
      unmarked: counters[UNMARKED_OUTCOME]!,
      attendanceRate: rateOf(attended, attended + absent),
    };
  });
}
