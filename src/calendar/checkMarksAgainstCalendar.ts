import type { AttendanceIssue } from '../errors.js';
import { checkMarks } from '../sessions/checkMarks.js';
import type { SessionMark } from '../sessions/types.js';
import { compileCalendar, isSessionOpen } from '../_internal/compiledCalendar.js';
import type { SchoolCalendar } from './types.js';

/**
 * How {@link checkMarksAgainstCalendar} reports what it finds.
 *
 * @category Calendar
 */
export interface CheckMarksAgainstCalendarOptions {
  /**
   * Whether a mark that the calendar contradicts is an error or a warning.
   *
   * @defaultValue `'error'`
   */
  readonly severity?: 'error' | 'warning';
}

const PLANNED_CLOSURE_CODE = '#';

function describeClosedDay(
  calendar: ReturnType<typeof compileCalendar>,
  day: number,
  session: string
): string {
  const closure = calendar.closureOfDay[day];
  if (closure !== undefined) return `a planned closure (${closure.label ?? closure.reason})`;
  if (day % 7 >= 5) return 'a weekend';
  if ((calendar.halfTermOfDay[day] ?? -1) < 0) return 'a school holiday';
  return `a day without a ${session} session`;
}

/**
 * Checks marks against a school calendar and reports, never guesses: a mark dated outside the calendar, or on a
 * session the calendar says is closed (a weekend, a holiday, a closure), is an issue naming the mark. A planned
 * closure mark (`#`) on a closed session agrees with the calendar and is not reported.
 *
 * @param marks - The marks to check.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param options - Whether problems are errors (the default) or warnings.
 * @returns Every issue found, in the order of the marks; empty when the marks fit the calendar.
 * @example
 * checkMarksAgainstCalendar([{ date: isoDate('2024-09-07'), session: 'AM', code: 'O' }], calendar)[0].code
 * //=> 'mark_on_closed_session' (7 September 2024 is a Saturday)
 * @category Calendar
 */
export function checkMarksAgainstCalendar(
  marks: readonly SessionMark[],
  calendar: SchoolCalendar,
  options: CheckMarksAgainstCalendarOptions = {}
): AttendanceIssue[] {
  // A mark that is no mark (a date that names no real day, a session other than AM or PM) cannot be placed in
  // the calendar: those problems are the report.
  const malformed: AttendanceIssue[] = [];
  checkMarks(marks, malformed);
  if (malformed.length > 0) return malformed;
  const compiled = compileCalendar(calendar);
  const severity = options.severity ?? 'error';
  const issues: AttendanceIssue[] = [];
  marks.forEach((mark, index) => {
    const day = compiled.dayIndexByDate.get(mark.date);
    const where = {
      path: [index, 'date'],
      ...(mark.pupilId === undefined ? {} : { pupilId: mark.pupilId }),
      date: mark.date,
      session: mark.session,
      field: 'date',
    };
    if (day === undefined) {
      issues.push({
        code: 'outside_calendar',
        severity,
        message: `Mark ${index} (${mark.date} ${mark.session}, "${mark.code}") is outside the calendar "${calendar.name}".`,
        ...where,
        expected: 'a date within the calendar’s school years',
        received: mark.date,
      });
      return;
    }
    if (isSessionOpen(compiled, day, mark.session) || mark.code === PLANNED_CLOSURE_CODE) return;
    issues.push({
      code: 'mark_on_closed_session',
      severity,
      message: `Mark ${index} (${mark.date} ${mark.session}, "${mark.code}") falls on ${describeClosedDay(compiled, day, mark.session)}.`,
      ...where,
      expected: 'a session the calendar has open, or "#" for a planned closure',
      received: `${mark.date} ${mark.session} "${mark.code}"`,
    });
  });
  return issues;
}
