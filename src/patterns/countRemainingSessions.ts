import type { IsoDate, SchoolCalendar } from '../calendar/types.js';
import { AM_OPEN, compileCalendar, PM_OPEN } from '../_internal/compiledCalendar.js';

/**
 * Counts the sessions a school calendar has open after a date: the possible sessions left in the school year
 * (or up to a chosen date) for projections such as {@link sessionsThatCanBeMissed}.
 *
 * @remarks
 * Counts every open session (weekends, holidays and closed sessions of planned closures excluded) on the days
 * strictly after `after`, up to and including `to`. When `to` is left out, the count runs to the last day of
 * the school year `after` falls in; a date in the summer holiday counts the whole of the next school year
 * (the first year of the calendar that ends on or after `after`), and a date after the calendar's last year
 * gives 0. The calendar's sessions are the most a pupil can have: sessions that will not be possible for a
 * particular pupil (e.g. after they leave) are not known here.
 *
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}.
 * @param after - The last date already counted (e.g. the date of the latest register mark); excluded.
 * @param to - The last date to count, included; the end of the school year when left out.
 * @returns The number of open sessions; 0 when `to` is not after `after`.
 * @example
 * countRemainingSessions(calendar, isoDate('2025-07-18')) //=> 2 (Monday 21 July 2025; Tuesday 22 July is an INSET day)
 * countRemainingSessions(calendar, isoDate('2024-09-02'), isoDate('2024-09-06')) //=> 8 (Tuesday to Friday)
 * countRemainingSessions(calendar, isoDate('2024-08-31')) //=> 380 (the whole of 2024/25)
 * @category Patterns
 */
export function countRemainingSessions(calendar: SchoolCalendar, after: IsoDate, to?: IsoDate): number {
  const compiled = compileCalendar(calendar);
  let end = to;
  if (end === undefined) {
    const current = compiled.halfTerms.find((halfTerm) => halfTerm.end >= after);
    if (current === undefined) return 0;
    end = compiled.halfTerms.filter((halfTerm) => halfTerm.year === current.year).at(-1)!.end;
  }
  let sessions = 0;
  const start = compiled.dayIndexByDate.get(after);
  const first =
    start === undefined ? (after < (compiled.dates[0] ?? after) ? 0 : compiled.dates.length) : start + 1;
  for (let day = first; day < compiled.dates.length && compiled.dates[day]! <= end; day += 1) {
    const open = compiled.openSessions[day]!;
    if ((open & AM_OPEN) !== 0) sessions += 1;
    if ((open & PM_OPEN) !== 0) sessions += 1;
  }
  return sessions;
}
