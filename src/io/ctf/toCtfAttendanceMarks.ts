import { isIsoDate } from '../../calendar/isIsoDate.js';
import type { IsoDate } from '../../calendar/types.js';
import { toCompactCode } from '../../codes/compactCodes.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import type { SessionMark } from '../../sessions/types.js';
import { compileCalendar } from '../../_internal/compiledCalendar.js';
import { differenceInIsoDays } from '../../_internal/dates.js';
import { invalidArgument } from '../../_internal/issues.js';
import { calendarDaysFrom } from './_internal/dayLayout.js';
import { resolveLayout } from './_internal/resolveOptions.js';
import type { ToCtfAttendanceMarksOptions } from './types.js';

function checkDate(value: string, field: 'startDate' | 'endDate'): void {
  if (isIsoDate(value)) return;
  invalidArgument({
    code: 'invalid_date',
    message: `The ${field} option is not a real date in YYYY-MM-DD form ("${value}").`,
    path: [field],
    field,
    expected: 'a date as YYYY-MM-DD',
    received: value,
  });
}

/** The dates the string covers, one per pair of characters. */
function daysOf(options: ToCtfAttendanceMarksOptions, schoolDays: boolean): readonly IsoDate[] {
  const { startDate, endDate, calendar } = options;
  if (!schoolDays) {
    const dayCount = differenceInIsoDays(endDate, startDate) + 1;
    return calendarDaysFrom(startDate, dayCount).slice(0, dayCount);
  }
  if (calendar === undefined) {
    return invalidArgument({
      code: 'invalid_value',
      message: 'The schoolDays model needs the school calendar: pass the calendar option.',
      path: ['calendar'],
      field: 'calendar',
      expected: 'a school calendar',
      received: 'nothing',
    });
  }
  const compiled = compileCalendar(calendar);
  const first = compiled.dayIndexByDate.get(startDate);
  const last = compiled.dayIndexByDate.get(endDate);
  if (first === undefined || last === undefined) {
    return invalidArgument({
      code: 'outside_calendar',
      message: `The period ${startDate} to ${endDate} is not inside the school calendar "${calendar.name}".`,
      path: [first === undefined ? 'startDate' : 'endDate'],
      field: first === undefined ? 'startDate' : 'endDate',
      expected: 'dates inside the school calendar',
      received: first === undefined ? startDate : endDate,
    });
  }
  const dates: IsoDate[] = [];
  for (let day = first; day <= last; day += 1) {
    if (compiled.openSessions[day] !== 0) dates.push(compiled.dates[day]!);
  }
  return dates;
}

/**
 * Writes one pupil's marks for a period as a CTF `AttendanceMarks` string: two characters a day (or four,
 * with `codeWidth: 2`), morning then afternoon, from `startDate` to `endDate`.
 *
 * @remarks
 * Every session of the period without a mark is written as not in session (`#` by default), so weekends and
 * holidays come out as `##` in the calendar-day model; write a no-mark (`-`) mark for a session that should say
 * "no mark recorded". With `dayModel: 'schoolDays'` only the calendar's school days are written. Reading the
 * string back with {@link readCtf} and the same options gives the same marks, except `#` marks (a planned
 * closure reads as not in session) and sub-codes collapsed by `collapseSubCodes`.
 *
 * @param marks - One pupil's marks (any order).
 * @param options - The period, the day model (and calendar), the filler characters and the code width.
 * @returns The mark string.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every mark that cannot be written: outside the period (or not on a
 *   school day of it), two marks for one session, an unknown code, or a two-character code with `codeWidth: 1`
 *   (unless `collapseSubCodes`); or if an option is invalid.
 * @example
 * toCtfAttendanceMarks(
 *   [
 *     { date: isoDate('2025-09-02'), session: 'AM', code: '/' },
 *     { date: isoDate('2025-09-02'), session: 'PM', code: 'I' },
 *   ],
 *   { startDate: isoDate('2025-09-01'), endDate: isoDate('2025-09-02') }
 * ) //=> '##/I'
 * @category CTF
 */
export function toCtfAttendanceMarks(
  marks: readonly SessionMark[],
  options: ToCtfAttendanceMarksOptions
): string {
  const layout = resolveLayout(options, false);
  checkDate(options.startDate, 'startDate');
  checkDate(options.endDate, 'endDate');
  if (options.endDate < options.startDate) {
    invalidArgument({
      code: 'invalid_value',
      message: `The endDate ${options.endDate} is before the startDate ${options.startDate}.`,
      path: ['endDate'],
      field: 'endDate',
      expected: `a date on or after ${options.startDate}`,
      received: options.endDate,
    });
  }
  const schoolDays = layout.dayModel === 'schoolDays';
  const dates = daysOf(options, schoolDays);
  const position = new Map<string, number>();
  dates.forEach((date, index) => position.set(date, index));
  const width = layout.codeWidth;
  const notInSession = layout.notInSession.padEnd(width, ' ');
  const slots = new Array<string>(dates.length * 2).fill(notInSession);
  const filled = new Int32Array(dates.length * 2).fill(-1);
  const issues: AttendanceIssue[] = [];
  marks.forEach((mark, index) => {
    const where = {
      path: [index],
      ...(mark.pupilId === undefined ? {} : { pupilId: mark.pupilId }),
      date: mark.date,
      session: mark.session,
    };
    const day = position.get(mark.date);
    if (day === undefined) {
      issues.push({
        ...where,
        code: 'outside_calendar',
        severity: 'error',
        message: `Mark ${index} (${mark.date} ${mark.session}) is not on a ${schoolDays ? 'school day' : 'day'} from ${options.startDate} to ${options.endDate}.`,
        field: 'date',
        expected: `a ${schoolDays ? 'school day' : 'date'} from ${options.startDate} to ${options.endDate}`,
        received: mark.date,
      });
      return;
    }
    const slot = day * 2 + (mark.session === 'AM' ? 0 : 1);
    const earlier = filled[slot]!;
    if (earlier >= 0) {
      issues.push({
        ...where,
        code: 'duplicate_mark',
        severity: 'error',
        message: `Marks ${earlier} and ${index} are both for ${mark.date} ${mark.session}.`,
        expected: 'one mark per date and session',
        received: `${marks[earlier]?.code ?? ''} and ${mark.code}`,
      });
      return;
    }
    filled[slot] = index;
    let code = mark.code;
    if (toCompactCode(code) === undefined) {
      issues.push({
        ...where,
        code: 'unknown_code',
        severity: 'error',
        message: `Mark ${index} (${mark.date} ${mark.session}) has the unknown code "${code}".`,
        field: 'code',
        expected: 'a register code of either code set, or "-" for no mark',
        received: code,
      });
      return;
    }
    if (code === '-' || code === '') code = layout.noMark;
    if (code.length > width) {
      if (options.collapseSubCodes !== true) {
        issues.push({
          ...where,
          code: 'invalid_value',
          severity: 'error',
          message: `Mark ${index} (${mark.date} ${mark.session}) has the two-character code "${code}", which a one-character mark string cannot hold: use codeWidth 2, or collapseSubCodes to write its letter.`,
          field: 'code',
          expected: 'a one-character code',
          received: code,
        });
        return;
      }
      code = code.slice(0, 1);
    }
    slots[slot] = code.padEnd(width, ' ');
  });
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return slots.join('');
}
