import type { Closure, IsoDate, SchoolCalendar, Session } from '../calendar/types.js';
import { addIsoDays, differenceInIsoDays, isoWeekdayOf } from './dates.js';

export const AM_OPEN = 1;
export const PM_OPEN = 2;
const DAYS_IN_WEEK = 7;
const TERMS = ['autumn', 'autumn', 'spring', 'spring', 'summer', 'summer'] as const;

/** A half-term with its place in the calendar. */
export interface CompiledHalfTerm {
  readonly year: string;
  readonly name: string;
  readonly index: number;
  readonly term: 'autumn' | 'spring' | 'summer';
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/**
 * A calendar laid out as per-day arrays, so that per-mark code looks up integers instead of doing date
 * arithmetic. Day 0 is the Monday on or before the first half-term; the range ends on a Sunday.
 */
export interface CompiledCalendar {
  readonly dates: readonly IsoDate[];
  readonly dayIndexByDate: ReadonlyMap<string, number>;
  /** Bit mask of open sessions per day: AM_OPEN | PM_OPEN; 0 when closed. */
  readonly openSessions: Uint8Array;
  /** Index into halfTerms, or -1 outside every half-term. */
  readonly halfTermOfDay: Int16Array;
  /** The school week of the day's Monday-to-Sunday week, or -1 when that week has no session. */
  readonly schoolWeekOfDay: Int32Array;
  readonly closureOfDay: readonly (Closure | undefined)[];
  readonly halfTerms: readonly CompiledHalfTerm[];
  /** The Monday of each school week, by school week index. */
  readonly schoolWeekMondays: readonly IsoDate[];
  readonly sessionsPerDay: 1 | 2;
}

function sessionBit(session: Session): number {
  return session === 'AM' ? AM_OPEN : PM_OPEN;
}

/** The term of a half-term by the month it starts in, for years not divided into six: see `HalfTerm.term`. */
function termByMonth(start: string): 'autumn' | 'spring' | 'summer' {
  const month = Number(start.slice(5, 7));
  return month >= 8 ? 'autumn' : month <= 3 ? 'spring' : 'summer';
}

function compile(calendar: SchoolCalendar): CompiledCalendar {
  const halfTerms: CompiledHalfTerm[] = calendar.years.flatMap((year) =>
    year.halfTerms.map((halfTerm, index) => ({
      year: year.name,
      name: halfTerm.name,
      index,
      // Six half-terms pair in order; any other number goes by the month each one starts in.
      term:
        halfTerm.term ??
        (year.partial !== true && year.halfTerms.length === TERMS.length
          ? (TERMS[index] ?? 'summer')
          : termByMonth(halfTerm.start)),
      start: halfTerm.start,
      end: halfTerm.end,
    }))
  );
  const first = halfTerms[0];
  const last = halfTerms[halfTerms.length - 1];
  if (first === undefined || last === undefined) {
    return {
      dates: [],
      dayIndexByDate: new Map(),
      openSessions: new Uint8Array(0),
      halfTermOfDay: new Int16Array(0),
      schoolWeekOfDay: new Int32Array(0),
      closureOfDay: [],
      halfTerms,
      schoolWeekMondays: [],
      sessionsPerDay: calendar.sessionsPerDay,
    };
  }
  const firstMonday = addIsoDays(first.start, 1 - isoWeekdayOf(first.start));
  const lastSunday = addIsoDays(last.end, DAYS_IN_WEEK - isoWeekdayOf(last.end));
  const dayCount = differenceInIsoDays(lastSunday, firstMonday) + 1;
  const dates: IsoDate[] = [];
  const dayIndexByDate = new Map<string, number>();
  for (let day = 0; day < dayCount; day += 1) {
    const date = addIsoDays(firstMonday, day);
    dates.push(date);
    dayIndexByDate.set(date, day);
  }
  const allSessions = calendar.sessionsPerDay === 2 ? AM_OPEN | PM_OPEN : AM_OPEN;
  const openSessions = new Uint8Array(dayCount);
  const halfTermOfDay = new Int16Array(dayCount).fill(-1);
  halfTerms.forEach((halfTerm, halfTermIndex) => {
    const from = dayIndexByDate.get(halfTerm.start) ?? 0;
    const to = dayIndexByDate.get(halfTerm.end) ?? -1;
    for (let day = from; day <= to; day += 1) {
      halfTermOfDay[day] = halfTermIndex;
      // Day 0 is a Monday, so days 5 and 6 of every week are the weekend.
      if (day % DAYS_IN_WEEK < 5) openSessions[day] = allSessions;
    }
  });
  const closureOfDay: (Closure | undefined)[] = new Array<Closure | undefined>(dayCount).fill(undefined);
  for (const closure of calendar.closures) {
    const day = dayIndexByDate.get(closure.date);
    if (day === undefined) continue;
    closureOfDay[day] = closure;
    const closed = (closure.sessions ?? ['AM', 'PM']).reduce(
      (mask, session) => mask | sessionBit(session),
      0
    );
    openSessions[day] = openSessions[day]! & ~closed;
  }
  const schoolWeekOfDay = new Int32Array(dayCount).fill(-1);
  const schoolWeekMondays: IsoDate[] = [];
  for (let monday = 0; monday < dayCount; monday += DAYS_IN_WEEK) {
    let open = false;
    for (let day = monday; day < monday + DAYS_IN_WEEK; day += 1) open ||= openSessions[day]! !== 0;
    if (!open) continue;
    schoolWeekOfDay.fill(schoolWeekMondays.length, monday, monday + DAYS_IN_WEEK);
    schoolWeekMondays.push(dates[monday]!);
  }
  return {
    dates,
    dayIndexByDate,
    openSessions,
    halfTermOfDay,
    schoolWeekOfDay,
    closureOfDay,
    halfTerms,
    schoolWeekMondays,
    sessionsPerDay: calendar.sessionsPerDay,
  };
}

// Compiling is deterministic, so remembering the result per calendar object changes nothing but the cost.
const compiled = new WeakMap<SchoolCalendar, CompiledCalendar>();

export function compileCalendar(calendar: SchoolCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (result === undefined) {
    result = compile(calendar);
    compiled.set(calendar, result);
  }
  return result;
}

export function isSessionOpen(calendar: CompiledCalendar, day: number, session: Session): boolean {
  return ((calendar.openSessions[day] ?? 0) & sessionBit(session)) !== 0;
}
