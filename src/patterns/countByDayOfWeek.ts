import type { Session } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { toCompactCode } from '../codes/compactCodes.js';
import { countSessions } from '../sessions/countSessions.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
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
import { isoWeekdayOf } from '../_internal/dates.js';

/**
 * Integer session counts for one day of the week, one session, or a whole register.
 *
 * @remarks
 * Invariant: `authorised + unauthorised = absent <= possible`.
 *
 * @category Patterns
 */
export interface DayOfWeekCounts {
  /** Possible sessions: attended plus absent. */
  readonly possible: number;
  /** Absent sessions: authorised plus unauthorised. */
  readonly absent: number;
  /** Authorised absence. */
  readonly authorised: number;
  /** Unauthorised absence. */
  readonly unauthorised: number;
}

/**
 * The ISO number of a school weekday: 1 for Monday to 5 for Friday.
 *
 * @category Patterns
 */
export type SchoolWeekday = 1 | 2 | 3 | 4 | 5;

/**
 * The counts of one day of the week, for both sessions and for each.
 *
 * @category Patterns
 */
export interface DayOfWeekAttendance extends DayOfWeekCounts {
  /** The ISO weekday number: 1 for Monday to 5 for Friday. */
  readonly weekday: SchoolWeekday;
  /** The day's English name, e.g. `'Monday'`. */
  readonly name: 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday';
  /** The morning sessions of this weekday. */
  readonly AM: DayOfWeekCounts;
  /** The afternoon sessions of this weekday. */
  readonly PM: DayOfWeekCounts;
}

/**
 * A register's sessions counted by day of the week, from {@link countByDayOfWeek}.
 *
 * @remarks
 * Invariant: the five days plus `weekend` add up to `totals`, and `totals` equals the `possible`, `absent`,
 * `authorised` and `unauthorised` of {@link countSessions} for the same register.
 *
 * @category Patterns
 */
export interface AttendanceByDayOfWeek {
  /** Monday to Friday, in that order. */
  readonly days: readonly [
    DayOfWeekAttendance,
    DayOfWeekAttendance,
    DayOfWeekAttendance,
    DayOfWeekAttendance,
    DayOfWeekAttendance,
  ];
  /** Sessions recorded on a Saturday or Sunday (usually none), so that nothing is dropped. */
  readonly weekend: DayOfWeekCounts;
  /** The whole register. */
  readonly totals: DayOfWeekCounts;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;
const WEEKEND = 5;
// Three counters (possible, authorised, unauthorised) per session of each of the six buckets (five days, weekend).
const COUNTERS = 3;
const POSSIBLE = 0;
const AUTHORISED_COUNTER = 1;
const UNAUTHORISED_COUNTER = 2;

/** What a statistical category adds: 0 nothing, else the counter (besides `possible`) it increments, plus one. */
const COUNTER_BY_CATEGORY = new Uint8Array(256);
COUNTER_BY_CATEGORY[PRESENT] = 1 + POSSIBLE;
COUNTER_BY_CATEGORY[APPROVED_EDUCATIONAL_ACTIVITY] = 1 + POSSIBLE;
COUNTER_BY_CATEGORY[AUTHORISED] = 1 + AUTHORISED_COUNTER;
COUNTER_BY_CATEGORY[UNAUTHORISED] = 1 + UNAUTHORISED_COUNTER;

/** The counter a code byte adds to on a date, plus one (0: none), by the code set in force on the date. */
function counterOf(date: string, byte: number): number {
  const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
  let category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  if (category === NOT_IN_SET) category = CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET;
  return COUNTER_BY_CATEGORY[category] ?? 0;
}

/** The bucket of a date: 0 (Monday) to 4 (Friday), or {@link WEEKEND}. */
function bucketOf(date: string): number {
  const weekday = isoWeekdayOf(date as SessionMark['date']);
  return weekday >= 6 ? WEEKEND : weekday - 1;
}

function sessionIndex(session: Session): number {
  return session === 'AM' ? 0 : 1;
}

function countsAt(table: Int32Array, bucket: number, session: number): DayOfWeekCounts {
  const base = (bucket * 2 + session) * COUNTERS;
  const authorised = table[base + AUTHORISED_COUNTER]!;
  const unauthorised = table[base + UNAUTHORISED_COUNTER]!;
  return { possible: table[base + POSSIBLE]!, absent: authorised + unauthorised, authorised, unauthorised };
}

function add(left: DayOfWeekCounts, right: DayOfWeekCounts): DayOfWeekCounts {
  return {
    possible: left.possible + right.possible,
    absent: left.absent + right.absent,
    authorised: left.authorised + right.authorised,
    unauthorised: left.unauthorised + right.unauthorised,
  };
}

/**
 * Counts one enrolment's possible sessions and absences by day of the week (Monday to Friday) and by session
 * (morning and afternoon), to show whether absence gathers on particular days.
 *
 * @remarks
 * The register is read as {@link countSessions} reads it by default (and is checked by it first, so the same
 * errors are thrown): by the code set in force on each date, a code of the other set counting by its own table;
 * attendance and absence count as possible sessions, not-possible codes and no mark yet count in nothing. The
 * five days plus the `weekend` bucket (sessions recorded on a Saturday or Sunday, normally none) therefore add up
 * to `countSessions`' possible, absent, authorised and unauthorised sessions.
 *
 * The weekday comes from each mark's date, worked out once per distinct date, and the counting loop allocates
 * nothing per mark. For a cohort (a class, a year group), call this once per pupil and add the counts field by
 * field: every figure is a whole number of sessions, so sums are exact and rates come from the sums.
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @returns The counts for each weekday and session, the weekend and the whole register.
 * @throws {@link AttendanceError} Listing every unknown code and every repeated session, as {@link countSessions}.
 * @example
 * const byDay = countByDayOfWeek([
 *   { date: isoDate('2024-09-09'), session: 'AM', code: 'N' }, // a Monday
 *   { date: isoDate('2024-09-09'), session: 'PM', code: 'N' },
 *   { date: isoDate('2024-09-10'), session: 'AM', code: '/' }, // a Tuesday
 * ]);
 * byDay.days[0].absent //=> 2
 * byDay.days[0].AM.unauthorised //=> 1
 * byDay.days[1].possible //=> 1
 * byDay.totals.possible //=> 3
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (schools use attendance data to identify patterns of poor attendance)
 * @category Patterns
 */
export function countByDayOfWeek(register: readonly SessionMark[] | CompactRegister): AttendanceByDayOfWeek {
  // Checks the codes and repeated sessions exactly as countSessions does, so both agree on what is an error.
  countSessions(register);
  const table = new Int32Array((WEEKEND + 1) * 2 * COUNTERS);
  const weekdayCache = new Map<string, number>();
  let lastDate = '';
  let lastBucket = 0;
  const bucketFor = (date: string): number => {
    if (date === lastDate) return lastBucket;
    let bucket = weekdayCache.get(date);
    if (bucket === undefined) {
      bucket = bucketOf(date);
      weekdayCache.set(date, bucket);
    }
    lastDate = date;
    lastBucket = bucket;
    return bucket;
  };
  const tally = (date: string, session: Session, byte: number): void => {
    const counter = counterOf(date, byte);
    if (counter === 0) return;
    const base = (bucketFor(date) * 2 + sessionIndex(session)) * COUNTERS;
    table[base + POSSIBLE] = table[base + POSSIBLE]! + 1;
    if (counter - 1 !== POSSIBLE) table[base + counter - 1] = table[base + counter - 1]! + 1;
  };
  if (Array.isArray(register)) {
    for (const mark of register as readonly SessionMark[]) {
      // countSessions has already rejected unknown codes, so every code has a byte.
      tally(mark.date, mark.session, toCompactCode(mark.code) ?? 0);
    }
  } else {
    const { codes, slots } = register as CompactRegister;
    for (let index = 0; index < codes.length; index += 1) {
      tally(slots.dates[index]!, slots.sessions[index]!, codes[index]!);
    }
  }
  const days = DAY_NAMES.map((name, bucket) => {
    const morning = countsAt(table, bucket, 0);
    const afternoon = countsAt(table, bucket, 1);
    return {
      weekday: (bucket + 1) as SchoolWeekday,
      name,
      ...add(morning, afternoon),
      AM: morning,
      PM: afternoon,
    };
  }) as unknown as AttendanceByDayOfWeek['days'];
  const weekend = add(countsAt(table, WEEKEND, 0), countsAt(table, WEEKEND, 1));
  const totals = days.reduce<DayOfWeekCounts>((sum, day) => add(sum, day), weekend);
  return { days, weekend, totals };
}
