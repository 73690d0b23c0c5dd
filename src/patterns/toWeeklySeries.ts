import type { HalfTermInfo, SchoolCalendar, SchoolWeek } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionMark, SessionRate } from '../sessions/types.js';
import { duplicateMarkIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import type { MarkLocation } from '../_internal/codeIssues.js';
import {
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  CATEGORY_BY_SET,
  CODE_COUNT,
  NOT_IN_SET,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
} from '../_internal/codeTables.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import { checkRegister } from '../sessions/checkMarks.js';
import type { CompiledCalendar } from '../_internal/compiledCalendar.js';
import { rateOf } from '../_internal/exactRate.js';
import { throwIfErrors } from '../_internal/issues.js';
import { ascendingOrder, isAscending } from '../_internal/markOrder.js';

/**
 * The figures of one period of an attendance series: the period's own counts and rate, and the running totals
 * from the first row of the series to the end of this one.
 *
 * @remarks
 * Invariants: `attended + absent = possible`; `cumulativePossible` and `cumulativeAttended` are the sums of
 * `possible` and `attended` over this row and every earlier row.
 *
 * @category Patterns
 */
export interface AttendanceSeriesFigures {
  /** Possible sessions in the period: attended plus absent. */
  readonly possible: number;
  /** Sessions attended in the period: present plus approved educational activity. */
  readonly attended: number;
  /** Sessions missed in the period: authorised plus unauthorised absence. */
  readonly absent: number;
  /** The period's exact attendance rate, `attended / possible`. */
  readonly attendanceRate: SessionRate;
  /** Possible sessions from the first row of the series to the end of this period. */
  readonly cumulativePossible: number;
  /** Sessions attended from the first row of the series to the end of this period. */
  readonly cumulativeAttended: number;
}

/**
 * One school week of a weekly attendance series.
 *
 * @category Patterns
 */
export interface WeeklyAttendance extends AttendanceSeriesFigures {
  /** The school week: its number across the calendar and its Monday. */
  readonly week: Pick<SchoolWeek, 'index' | 'monday'>;
}

/**
 * One half-term of a half-termly attendance series.
 *
 * @category Patterns
 */
export interface HalfTermAttendance extends AttendanceSeriesFigures {
  /** The half-term, with its school year and place in it. */
  readonly halfTerm: HalfTermInfo;
}

const NO_PERIOD = -1;
const NOT_COUNTED = 0;
const ATTENDED = 1;
const ABSENT = 2;

/** What a statistical category adds to a series: attended, absent, or nothing (not possible, no mark yet). */
const OUTCOME_BY_CATEGORY = new Uint8Array(256);
OUTCOME_BY_CATEGORY[PRESENT] = ATTENDED;
OUTCOME_BY_CATEGORY[APPROVED_EDUCATIONAL_ACTIVITY] = ATTENDED;
OUTCOME_BY_CATEGORY[AUTHORISED] = ABSENT;
OUTCOME_BY_CATEGORY[UNAUTHORISED] = ABSENT;

/** The outcome of a code byte on a date: the code set in force by date, falling back to the other set's table. */
function outcomeOf(date: string, byte: number): number {
  const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
  let category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  if (category === NOT_IN_SET) category = CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET;
  return OUTCOME_BY_CATEGORY[category]!;
}

/** Per-period totals, indexed by the period number of the calendar's per-day table. */
interface PeriodTotals {
  readonly possible: Int32Array;
  readonly attended: Int32Array;
  /** 1 where at least one mark fell in the period. */
  readonly marked: Uint8Array;
}

function outsideIssue(
  location: MarkLocation,
  code: string,
  calendar: SchoolCalendar,
  periodName: string
): AttendanceIssue {
  return {
    code: 'outside_calendar',
    severity: 'error',
    message: `The mark "${code}" (${location.date ?? ''} ${location.session ?? ''}) counts as a possible session but falls outside every ${periodName} of the calendar "${calendar.name}".`,
    path: location.path,
    ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
    ...(location.date === undefined ? {} : { date: location.date }),
    ...(location.session === undefined ? {} : { session: location.session }),
    field: 'date',
    expected: `a date in a ${periodName} of the calendar`,
    received: location.date ?? '',
  };
}

/**
 * Adds a register's attended and absent sessions to the period of each mark's day, in one pass in date order.
 * Throws for unknown codes, repeated sessions and possible sessions outside every period.
 */
function totalsByPeriod(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  periodOfDay: (compiled: CompiledCalendar) => Int16Array | Int32Array,
  periodCount: (compiled: CompiledCalendar) => number,
  periodName: string
): PeriodTotals {
  // Marks are checked (real dates, AM or PM, objects at all) before they are placed in periods.
  const problems: AttendanceIssue[] = [];
  checkRegister(register, problems);
  throwIfErrors(problems);
  const compiled = compileCalendar(calendar);
  const periods = periodOfDay(compiled);
  const count = periodCount(compiled);
  const totals: PeriodTotals = {
    possible: new Int32Array(count),
    attended: new Int32Array(count),
    marked: new Uint8Array(count),
  };
  const issues: AttendanceIssue[] = [];
  /** Adds one mark; false when it counts as a possible session but falls outside every period. */
  const add = (date: string, byte: number): boolean => {
    const day = compiled.dayIndexByDate.get(date);
    const period = day === undefined ? NO_PERIOD : (periods[day] ?? NO_PERIOD);
    const outcome = outcomeOf(date, byte);
    if (period === NO_PERIOD) return outcome === NOT_COUNTED;
    totals.marked[period] = 1;
    if (outcome === NOT_COUNTED) return true;
    totals.possible[period] = totals.possible[period]! + 1;
    if (outcome === ATTENDED) totals.attended[period] = totals.attended[period]! + 1;
    return true;
  };
  if (!Array.isArray(register)) {
    const { codes, slots, pupilId } = register as CompactRegister;
    // Locations are built only when an issue is reported, so nothing is allocated per mark otherwise.
    const locate = (index: number): MarkLocation => ({
      path: ['codes', index],
      pupilId,
      date: slots.dates[index],
      session: slots.sessions[index],
    });
    for (let index = 0; index < codes.length; index += 1) {
      const byte = codes[index]!;
      if (byte >= CODE_COUNT) issues.push(unknownCodeIssue(`byte ${byte}`, locate(index)));
      else if (!add(slots.dates[index]!, byte)) {
        issues.push(outsideIssue(locate(index), COMPACT_CODES[byte]!, calendar, periodName));
      }
    }
  } else {
    const marks = register as readonly SessionMark[];
    const locate = (index: number, field?: string): MarkLocation => {
      const mark = marks[index]!;
      return {
        path: field === undefined ? [index] : [index, field],
        pupilId: mark.pupilId,
        date: mark.date,
        session: mark.session,
      };
    };
    const order = isAscending(marks) ? null : ascendingOrder(marks);
    let previous = -1;
    for (let position = 0; position < marks.length; position += 1) {
      const index = order === null ? position : order[position]!;
      const mark = marks[index]!;
      const last = previous < 0 ? undefined : marks[previous];
      if (last?.date === mark.date && last.session === mark.session) {
        issues.push(duplicateMarkIssue(previous, index, last.code, mark.code, locate(index), undefined));
        continue;
      }
      previous = index;
      const byte = toCompactCode(mark.code);
      if (byte === undefined) issues.push(unknownCodeIssue(mark.code, locate(index, 'code')));
      else if (!add(mark.date, byte)) {
        issues.push(outsideIssue(locate(index, 'date'), mark.code, calendar, periodName));
      }
    }
  }
  throwIfErrors(issues);
  return totals;
}

/** The figures of each marked period in order, with running totals. */
function toRows<Row extends AttendanceSeriesFigures>(
  totals: PeriodTotals,
  describe: (period: number) => Omit<Row, keyof AttendanceSeriesFigures>
): Row[] {
  const rows: Row[] = [];
  let cumulativePossible = 0;
  let cumulativeAttended = 0;
  for (let period = 0; period < totals.marked.length; period += 1) {
    if (totals.marked[period] === 0) continue;
    const possible = totals.possible[period]!;
    const attended = totals.attended[period]!;
    cumulativePossible += possible;
    cumulativeAttended += attended;
    rows.push({
      ...describe(period),
      possible,
      attended,
      absent: possible - attended,
      attendanceRate: rateOf(attended, possible),
      cumulativePossible,
      cumulativeAttended,
    } as Row);
  }
  return rows;
}

/**
 * Turns one enrolment's register into a weekly attendance series: one row per school week that has marks, with
 * the week's possible, attended and absent sessions, its exact attendance rate and the running totals.
 *
 * @remarks
 * Sessions are read as {@link countSessions} reads them by default: by the code set in force on each date (a
 * code of the other set counts by its own table), with no mark yet (`-` or empty) and not-possible codes
 * counting in neither possible nor attended sessions. A week with marks but no possible session has a row whose
 * rate is `{ kind: 'no-possible-sessions' }`. The rows therefore sum to the register's `possible`, `attended`
 * and `absent` from `countSessions`, and the last row's cumulative figures equal them. Running totals start at
 * the first row, across terms and school years: pass one year's marks for a year-to-date series.
 *
 * The register is read once, in date order, and nothing is allocated per mark. For a cohort, build each pupil's
 * series and add them with {@link sumSeries}: rows for the same week are summed and the rates and running
 * totals recomputed from the sums (never averaged).
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @returns The rows, in week order; empty for an empty register.
 * @throws {@link AttendanceError} Listing every unknown code, every repeated session and every mark that counts
 * as a possible session but falls in a week without sessions or outside the calendar (`outside_calendar`).
 * @example
 * const series = toWeeklySeries(
 *   [
 *     { date: isoDate('2024-09-03'), session: 'AM', code: '/' },
 *     { date: isoDate('2024-09-03'), session: 'PM', code: 'I' },
 *     { date: isoDate('2024-09-09'), session: 'AM', code: '/' },
 *   ],
 *   calendar
 * );
 * series.map((row) => [row.week.index, row.possible, row.attended]) //=> [[0, 2, 1], [1, 1, 1]]
 * series[1].cumulativeAttended //=> 2
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/contents/made} (national framework: a school week is any week with at least one session)
 * @category Patterns
 */
export function toWeeklySeries(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar
): WeeklyAttendance[] {
  const totals = totalsByPeriod(
    register,
    calendar,
    (compiled) => compiled.schoolWeekOfDay,
    (compiled) => compiled.schoolWeekMondays.length,
    'school week'
  );
  const mondays = compileCalendar(calendar).schoolWeekMondays;
  return toRows<WeeklyAttendance>(totals, (index) => ({ week: { index, monday: mondays[index]! } }));
}

/**
 * Turns one enrolment's register into a half-termly attendance series: one row per half-term that has marks,
 * with its possible, attended and absent sessions, its exact attendance rate and the running totals.
 *
 * @remarks
 * Reads the register exactly as {@link toWeeklySeries} does, grouping by half-term instead of school week, so
 * the rows sum to the register's totals from {@link countSessions}. Running totals run on across school years;
 * pass one year's marks for a year-to-date series. For a cohort, add the pupils' series with {@link sumSeries}.
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @returns The rows, in calendar order; empty for an empty register.
 * @throws {@link AttendanceError} Listing every unknown code, every repeated session and every mark that counts
 * as a possible session but falls in a holiday or outside the calendar (`outside_calendar`).
 * @example
 * const series = toHalfTermSeries(
 *   [
 *     { date: isoDate('2024-10-25'), session: 'AM', code: 'N' },
 *     { date: isoDate('2024-11-05'), session: 'PM', code: '/' },
 *   ],
 *   calendar
 * );
 * series.map((row) => [row.halfTerm.name, row.possible, row.absent]) //=> [['Autumn 1', 1, 1], ['Autumn 2', 1, 0]]
 * @category Patterns
 */
export function toHalfTermSeries(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar
): HalfTermAttendance[] {
  const totals = totalsByPeriod(
    register,
    calendar,
    (compiled) => compiled.halfTermOfDay,
    (compiled) => compiled.halfTerms.length,
    'half-term'
  );
  const halfTerms = compileCalendar(calendar).halfTerms;
  return toRows<HalfTermAttendance>(totals, (index) => ({ halfTerm: halfTerms[index]! }));
}

/** The date that orders and identifies a row: its week's Monday or its half-term's first day. */
function keyOf(row: WeeklyAttendance | HalfTermAttendance): string {
  return 'week' in row ? row.week.monday : row.halfTerm.start;
}

/**
 * Adds the attendance series of several pupils (a class, a year group, a school) into one cohort series.
 *
 * @remarks
 * Rows for the same school week (or half-term) are summed: possible, attended and absent sessions add up, and
 * the rate is recomputed from the sums, so every pupil weighs by the sessions they could attend (the DfE way of
 * aggregating, never an average of pupils' rates). A period appears when any pupil has a row for it. Running
 * totals are recomputed over the summed rows. Pass series of one kind only, built with the same calendar.
 *
 * @typeParam Row - {@link WeeklyAttendance} or {@link HalfTermAttendance}.
 * @param series - Each pupil's series, from {@link toWeeklySeries} or {@link toHalfTermSeries}.
 * @returns The cohort series, in date order.
 * @example
 * const cohort = sumSeries([toWeeklySeries(pupilA, calendar), toWeeklySeries(pupilB, calendar)]);
 * cohort[0].possible //=> pupil A's plus pupil B's possible sessions in the first week either has marks in
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: rates from summed sessions)
 * @category Patterns
 */
export function sumSeries<Row extends WeeklyAttendance | HalfTermAttendance>(
  series: readonly (readonly Row[])[]
): Row[] {
  const byKey = new Map<string, { row: Row; possible: number; attended: number }>();
  for (const rows of series) {
    for (const row of rows) {
      const key = keyOf(row);
      const sum = byKey.get(key);
      if (sum === undefined) byKey.set(key, { row, possible: row.possible, attended: row.attended });
      else {
        sum.possible += row.possible;
        sum.attended += row.attended;
      }
    }
  }
  const keys = [...byKey.keys()].sort();
  let cumulativePossible = 0;
  let cumulativeAttended = 0;
  return keys.map((key) => {
    const { row, possible, attended } = byKey.get(key)!;
    cumulativePossible += possible;
    cumulativeAttended += attended;
    return {
      ...row,
      possible,
      attended,
      absent: possible - attended,
      attendanceRate: rateOf(attended, possible),
      cumulativePossible,
      cumulativeAttended,
    };
  });
}
