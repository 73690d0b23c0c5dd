import type { IsoDate, SchoolCalendar } from '../calendar/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import { toHalfTermSeries } from './toWeeklySeries.js';

/**
 * How {@link findFullAttendance} divides the calendar.
 *
 * @category Patterns
 */
export interface FindFullAttendanceOptions {
  /** Look for full attendance in each half-term, each term (two half-terms) or each school year. */
  readonly period: 'half-term' | 'term' | 'year';
}

/**
 * A half-term, term or school year in which a pupil attended every possible session, from
 * {@link findFullAttendance}.
 *
 * @category Patterns
 */
export interface FullAttendancePeriod {
  /** The kind of period. */
  readonly period: 'half-term' | 'term' | 'year';
  /** The school year's name, e.g. `'2024/25'`. */
  readonly year: string;
  /** The period's name: the half-term's (e.g. `'Autumn 1'`), the term's (`'autumn'`) or the year's. */
  readonly name: string;
  /** The first day of the period in the calendar. */
  readonly start: IsoDate;
  /** The last day of the period in the calendar. */
  readonly end: IsoDate;
  /** The possible sessions in the period, every one of them attended; at least 1. */
  readonly possible: number;
}

/**
 * Finds the half-terms, terms or school years in which a pupil attended every possible session: 100 %
 * attendance, which the trust policy recognises each term and rewards for the whole school year.
 *
 * @remarks
 * The register is read as {@link toHalfTermSeries} reads it (attended is present plus approved educational
 * activity; authorised and unauthorised absence are absent), and a period qualifies when its attended sessions
 * equal its possible sessions and there is at least one. Sessions that are not possible (e.g. `Y1`, `D`, `Z`,
 * `#`) are not attendance and not absence, so they neither count nor break full attendance; nor do sessions with
 * no mark yet, so check that the register is complete before giving a reward for a period still in progress. Any
 * absence, authorised or not, breaks it. Only the sessions in the register count: a pupil who joined in the second
 * half of a term is judged on the sessions they were on roll for. Terms group each year's half-terms in pairs
 * (autumn, spring, summer).
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param options - The kind of period.
 * @returns The periods with full attendance, in calendar order.
 * @throws {@link AttendanceError} Listing every unknown code, every repeated session and every mark that counts
 * as a possible session but falls outside every half-term of the calendar (`outside_calendar`).
 * @example
 * const periods = findFullAttendance(
 *   [
 *     { date: isoDate('2024-09-03'), session: 'AM', code: '/' },
 *     { date: isoDate('2024-09-03'), session: 'PM', code: 'V' },
 *     { date: isoDate('2024-11-05'), session: 'AM', code: 'I' },
 *   ],
 *   calendar,
 *   { period: 'half-term' }
 * );
 * periods.map((period) => [period.name, period.possible]) //=> [['Autumn 1', 2]]
 * @category Patterns
 */
export function findFullAttendance(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  options: FindFullAttendanceOptions
): FullAttendancePeriod[] {
  const series = toHalfTermSeries(register, calendar);
  const halfTerms = compileCalendar(calendar).halfTerms;
  const keyOf = (halfTerm: {
    readonly year: string;
    readonly name: string;
    readonly term: string;
  }): string =>
    options.period === 'half-term'
      ? `${halfTerm.year}\u0000${halfTerm.name}`
      : options.period === 'term'
        ? `${halfTerm.year}\u0000${halfTerm.term}`
        : halfTerm.year;
  const groups = new Map<string, { possible: number; attended: number; first: number }>();
  for (const row of series) {
    const key = keyOf(row.halfTerm);
    const group = groups.get(key);
    if (group === undefined) {
      const first = halfTerms.findIndex((halfTerm) => keyOf(halfTerm) === key);
      groups.set(key, { possible: row.possible, attended: row.attended, first });
    } else {
      group.possible += row.possible;
      group.attended += row.attended;
    }
  }
  const periods: FullAttendancePeriod[] = [];
  for (const [key, group] of groups) {
    if (group.possible === 0 || group.attended !== group.possible) continue;
    const first = halfTerms[group.first]!;
    let last = first;
    for (let index = group.first; index < halfTerms.length && keyOf(halfTerms[index]!) === key; index += 1) {
      last = halfTerms[index]!;
    }
    periods.push({
      period: options.period,
      year: first.year,
      name: options.period === 'half-term' ? first.name : options.period === 'term' ? first.term : first.year,
      start: first.start,
      end: last.end,
      possible: group.possible,
    });
  }
  return periods;
}
