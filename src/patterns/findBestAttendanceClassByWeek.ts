import type { SchoolCalendar, SchoolWeek } from '../calendar/types.js';
import type { CompactRegister, SessionMark, SessionRate } from '../sessions/types.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import { rateOf } from '../_internal/exactRate.js';
import { invalidArgument } from '../_internal/issues.js';
import { toWeeklySeries } from './toWeeklySeries.js';

/**
 * One class and the registers of its pupils, for {@link findBestAttendanceClassByWeek}.
 *
 * @category Patterns
 */
export interface ClassRegisters {
  /** The class, e.g. `'4B'`; unique among the classes compared. */
  readonly classId: string;
  /** One register per pupil enrolment in the class (marks in any order, or compact registers). */
  readonly registers: readonly (readonly SessionMark[] | CompactRegister)[];
}

/**
 * A class's attendance in one school week.
 *
 * @category Patterns
 */
export interface ClassWeekAttendance {
  /** The class. */
  readonly classId: string;
  /** The possible sessions of all the class's pupils in the week. */
  readonly possible: number;
  /** The sessions they attended. */
  readonly attended: number;
  /** The exact attendance rate, `attended / possible`. */
  readonly attendanceRate: SessionRate;
}

/**
 * The class or classes with the best attendance in one school week, from {@link findBestAttendanceClassByWeek}.
 *
 * @category Patterns
 */
export interface BestAttendanceClassWeek {
  /** The school week: its number across the calendar and its Monday. */
  readonly week: Pick<SchoolWeek, 'index' | 'monday'>;
  /** The class with the highest attendance rate, or every class sharing it, in input order. */
  readonly best: readonly ClassWeekAttendance[];
}

/**
 * Finds, for each school week, the class with the highest attendance rate, for the trust policy's weekly
 * recognition of classes' attendance.
 *
 * @remarks
 * Each pupil's register is read by {@link toWeeklySeries}; a class's week sums its pupils' possible and attended
 * sessions, so the rate is the class's sessions attended over its possible sessions (never an average of pupils'
 * rates). Rates are compared exactly, by cross-multiplying whole numbers (`attendedA × possibleB` against
 * `attendedB × possibleA`), so classes whose rates are equal as fractions (e.g. 9/10 and 27/30) tie and are listed
 * together, in input order (the products stay exact for classes of under 90 million possible sessions a
 * week). A class with no possible session in a week is left out of that week; a week in which
 * no class has one is left out.
 *
 * @param classes - The classes, each with its pupils' registers.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @returns One entry per school week in which at least one class had a possible session, in week order.
 * @throws {@link AttendanceError} For two classes with the same `classId`; listing every unknown code, repeated
 * session and mark outside the calendar's school weeks in a register, as {@link toWeeklySeries} does.
 * @example
 * const weeks = findBestAttendanceClassByWeek(
 *   [
 *     { classId: '4A', registers: [[{ date: isoDate('2024-09-09'), session: 'AM', code: 'N' }]] },
 *     { classId: '4B', registers: [[{ date: isoDate('2024-09-09'), session: 'AM', code: '/' }]] },
 *   ],
 *   calendar
 * );
 * weeks.map((week) => [week.week.monday, week.best.map((entry) => entry.classId)]) //=> [['2024-09-09', ['4B']]]
 * @category Patterns
 */
export function findBestAttendanceClassByWeek(
  classes: readonly ClassRegisters[],
  calendar: SchoolCalendar
): BestAttendanceClassWeek[] {
  const seen = new Set<string>();
  for (const [index, entry] of classes.entries()) {
    if (seen.has(entry.classId)) {
      invalidArgument({
        code: 'invalid_value',
        message: `The class "${entry.classId}" is listed more than once.`,
        path: [index, 'classId'],
        field: 'classId',
        expected: 'a classId not used by another class',
        received: entry.classId,
      });
    }
    seen.add(entry.classId);
  }
  const weekCount = compileCalendar(calendar).schoolWeekMondays.length;
  const mondays = compileCalendar(calendar).schoolWeekMondays;
  const totals = classes.map(() => ({
    possible: new Float64Array(weekCount),
    attended: new Float64Array(weekCount),
  }));
  classes.forEach((entry, classIndex) => {
    const { possible, attended } = totals[classIndex]!;
    for (const register of entry.registers) {
      for (const row of toWeeklySeries(register, calendar)) {
        possible[row.week.index] = possible[row.week.index]! + row.possible;
        attended[row.week.index] = attended[row.week.index]! + row.attended;
      }
    }
  });
  const weeks: BestAttendanceClassWeek[] = [];
  for (let week = 0; week < weekCount; week += 1) {
    let best: number[] = [];
    for (let classIndex = 0; classIndex < classes.length; classIndex += 1) {
      const possible = totals[classIndex]!.possible[week]!;
      if (possible === 0) continue;
      const attended = totals[classIndex]!.attended[week]!;
      const leader = best[0];
      if (leader === undefined) {
        best = [classIndex];
        continue;
      }
      const leaderPossible = totals[leader]!.possible[week]!;
      const leaderAttended = totals[leader]!.attended[week]!;
      // attended / possible against leaderAttended / leaderPossible, in whole numbers.
      const difference = attended * leaderPossible - leaderAttended * possible;
      if (difference > 0) best = [classIndex];
      else if (difference === 0) best.push(classIndex);
    }
    if (best.length === 0) continue;
    weeks.push({
      week: { index: week, monday: mondays[week]! },
      best: best.map((classIndex) => {
        const possible = totals[classIndex]!.possible[week]!;
        const attended = totals[classIndex]!.attended[week]!;
        return {
          classId: classes[classIndex]!.classId,
          possible,
          attended,
          attendanceRate: rateOf(attended, possible),
        };
      }),
    });
  }
  return weeks;
}
