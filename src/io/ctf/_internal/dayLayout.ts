import type { IsoDate, SchoolCalendar } from '../../../calendar/types.js';
import { compileCalendar } from '../../../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../../../_internal/compiledCalendar.js';
import { addIsoDays } from '../../../_internal/dates.js';
import type { CtfDayModel } from '../types.js';

// Runs of consecutive dates, kept per start date: the records of one file share a handful of start dates, so
// each date is computed once per file instead of once per record. Bounded, so a long-lived process that reads
// files of many years does not grow without limit.
const MAX_CACHED_RUNS = 64;
const runsByStart = new Map<string, IsoDate[]>();

/**
 * The `count` consecutive calendar dates from `start` (the returned array may be longer: only the first
 * `count` entries are meant).
 *
 * @param start - The first date.
 * @param count - How many dates are needed.
 * @returns The dates, shared between calls: never modify it.
 * @example
 * calendarDaysFrom(isoDate('2024-02-28'), 3).slice(0, 3) //=> ['2024-02-28', '2024-02-29', '2024-03-01']
 */
export function calendarDaysFrom(start: IsoDate, count: number): readonly IsoDate[] {
  let run = runsByStart.get(start);
  if (run === undefined) {
    if (runsByStart.size >= MAX_CACHED_RUNS) runsByStart.clear();
    run = [start];
    runsByStart.set(start, run);
  }
  while (run.length < count) run.push(addIsoDays(run[run.length - 1]!, 1));
  return run;
}

/** Where each pair of characters of a mark string falls. */
export type DayLayout =
  | {
      readonly ok: true;
      /** The date of each pair (only the first `dayCount` entries are meant). */
      readonly dates: readonly IsoDate[];
      /** The compiled calendar, when one was given. */
      readonly compiled: CompiledCalendar | undefined;
      /** The calendar's day index of each pair, -1 outside the calendar; undefined without a calendar. */
      readonly calendarDays: Int32Array | undefined;
      /** The school-days model started on the next school day because the start date is not one. */
      readonly startMoved: boolean;
    }
  | {
      readonly ok: false;
      /** The start date is outside the calendar, or the string runs past the calendar's last school day. */
      readonly reason: 'start-outside-calendar' | 'past-calendar-end';
      /** How many school days the calendar had from the start date. */
      readonly daysAvailable: number;
    };

/**
 * Lays `dayCount` pairs of characters out on dates from `start`: every calendar day, or every school day of
 * the calendar (the caller makes sure a calendar is given for that model).
 *
 * @param start - The date of the first pair.
 * @param dayCount - The number of pairs.
 * @param model - The day model.
 * @param calendar - The school calendar, if any.
 * @returns The layout, or why the pairs cannot be laid out.
 * @example
 * const layout = layOutDays(isoDate('2024-09-02'), 7, 'calendarDays', undefined);
 * layout.ok && layout.dates[5] //=> '2024-09-07'
 */
export function layOutDays(
  start: IsoDate,
  dayCount: number,
  model: CtfDayModel,
  calendar: SchoolCalendar | undefined
): DayLayout {
  const compiled = calendar === undefined ? undefined : compileCalendar(calendar);
  if (model === 'calendarDays' || compiled === undefined) {
    const dates = calendarDaysFrom(start, dayCount);
    let calendarDays: Int32Array | undefined;
    if (compiled !== undefined) {
      calendarDays = new Int32Array(dayCount);
      const first = compiled.dayIndexByDate.get(start);
      for (let day = 0; day < dayCount; day += 1) {
        // The compiled calendar's days are consecutive, so from a start inside it the index simply counts on.
        calendarDays[day] =
          first === undefined
            ? (compiled.dayIndexByDate.get(dates[day]!) ?? -1)
            : first + day < compiled.dates.length
              ? first + day
              : -1;
      }
    }
    return { ok: true, dates, compiled, calendarDays, startMoved: false };
  }
  const first = compiled.dayIndexByDate.get(start);
  if (first === undefined) return { ok: false, reason: 'start-outside-calendar', daysAvailable: 0 };
  const dates: IsoDate[] = [];
  const calendarDays = new Int32Array(dayCount);
  let index = first;
  while (dates.length < dayCount && index < compiled.dates.length) {
    if (compiled.openSessions[index] !== 0) {
      calendarDays[dates.length] = index;
      dates.push(compiled.dates[index]!);
    }
    index += 1;
  }
  if (dates.length < dayCount) {
    return { ok: false, reason: 'past-calendar-end', daysAvailable: dates.length };
  }
  return { ok: true, dates, compiled, calendarDays, startMoved: compiled.openSessions[first] === 0 };
}
