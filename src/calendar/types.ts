declare const isoDateBrand: unique symbol;

/**
 * A school (calendar) date as an ISO `YYYY-MM-DD` string, checked to be a real day.
 *
 * @remarks
 * A register mark belongs to a day, not an instant, so dates are never `Date` objects here: a time zone
 * can never move a mark. ISO strings also sort correctly as strings and survive JSON unchanged. Obtain one
 * with {@link isoDate} (or the parsers), which check the value.
 *
 * @category Calendar
 */
export type IsoDate = string & {
  /** A compile-time brand only: it marks a string as a checked date and does not exist at run time. */
  readonly [isoDateBrand]: true;
};

/**
 * A register session: the morning (`AM`) or afternoon (`PM`) half of a school day.
 *
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10: registers are taken at the start of the morning session and once during the afternoon session)
 * @category Calendar
 */
export type Session = 'AM' | 'PM';

/**
 * One session of one day: the unit a register mark is recorded against.
 *
 * @category Calendar
 */
export interface SessionSlot {
  /** The school date. */
  readonly date: IsoDate;
  /** The morning or afternoon session. */
  readonly session: Session;
}

/**
 * One half-term: the school days from `start` to `end` inclusive (weekends and closures inside excepted).
 *
 * @category Calendar
 */
export interface HalfTerm {
  /** A name for people, e.g. `'Autumn 1'`. */
  readonly name: string;
  /** The first day of the half-term. */
  readonly start: IsoDate;
  /** The last day of the half-term. */
  readonly end: IsoDate;
  /**
   * The term it belongs to. Left out, a whole year of six half-terms pairs them in order (autumn 1 and 2, spring 1
   * and 2, summer 1 and 2); in a partial year, or a year of another number, a half-term starting in August to
   * December is autumn, January to March spring, and April to July summer.
   */
  readonly term?: 'autumn' | 'spring' | 'summer';
}

/**
 * One school year: its half-terms in order, six by default (autumn 1 and 2, spring 1 and 2, summer 1 and 2).
 *
 * @category Calendar
 */
export interface SchoolYear {
  /** A name for people, e.g. `'2024/25'`. */
  readonly name: string;
  /** The half-terms, in date order: the calendar's `halfTermsPerYear` (six by default), or fewer in a partial year. */
  readonly halfTerms: readonly HalfTerm[];
  /** A year the calendar holds only part of (it starts or ends part-way): fewer half-terms are allowed. */
  readonly partial?: boolean;
}

/**
 * Why a planned closure closes the school.
 *
 * @category Calendar
 */
export type ClosureReason = 'inset' | 'bank-holiday' | 'planned' | 'other';

/**
 * A planned closure inside a half-term: a whole day, or only some of its sessions.
 *
 * @category Calendar
 */
export interface Closure {
  /** The date of the closure. */
  readonly date: IsoDate;
  /** The sessions closed; both when left out. */
  readonly sessions?: readonly Session[];
  /** Why the school is closed. */
  readonly reason: ClosureReason;
  /** A label for people, e.g. `'INSET day'`. */
  readonly label?: string;
}

/**
 * A school's calendar: its school years and half-terms, its planned closures and how many sessions a day
 * has. Build one with {@link defineSchoolCalendar}, which checks it.
 *
 * @remarks
 * School days are the weekdays inside a half-term that are not closed all day. A school week is a
 * Monday-to-Friday week with at least one session; holiday weeks are not school weeks, and school weeks run
 * on across terms and school years. The penalty-notice framework counts in school weeks.
 *
 * @category Calendar
 */
export interface SchoolCalendar {
  /** A name for people, e.g. `'Example LA 2024–26'`. */
  readonly name: string;
  /**
   * Sessions in a school day: 2 (morning and afternoon) or 1 (morning only).
   *
   * @defaultValue `2`
   * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10: a morning and an afternoon session)
   */
  readonly sessionsPerDay: 1 | 2;
  /**
   * Half-terms in a full school year: six in most schools; five or seven where the year is divided otherwise.
   *
   * @defaultValue `6`
   */
  readonly halfTermsPerYear?: number;
  /** The school years, in date order. */
  readonly years: readonly SchoolYear[];
  /** Planned closures inside half-terms (INSET days, bank holidays, partial closures). */
  readonly closures: readonly Closure[];
}

/**
 * An optional range of dates, both ends included; an end left out is open.
 *
 * @category Calendar
 */
export interface DateRange {
  /** The first date included. */
  readonly from?: IsoDate;
  /** The last date included. */
  readonly to?: IsoDate;
}

/**
 * A half-term found in a calendar, with its place in the school year.
 *
 * @category Calendar
 */
export interface HalfTermInfo {
  /** The school year's name, e.g. `'2024/25'`. */
  readonly year: string;
  /** The half-term's name, e.g. `'Autumn 1'`. */
  readonly name: string;
  /** Its place in the year, 0 (autumn 1) to 5 (summer 2). */
  readonly index: number;
  /** The term it belongs to. */
  readonly term: 'autumn' | 'spring' | 'summer';
  /** Its first day. */
  readonly start: IsoDate;
  /** Its last day. */
  readonly end: IsoDate;
}

/**
 * A school week: a Monday-to-Friday week with at least one session, numbered from 0 across the whole calendar.
 *
 * @category Calendar
 */
export interface SchoolWeek {
  /** The week's number: 0 for the calendar's first school week, counting only school weeks. */
  readonly index: number;
  /** The Monday of the week. */
  readonly monday: IsoDate;
  /** The school days of the week (days with at least one session). */
  readonly schoolDays: readonly IsoDate[];
}
