import type { DateRange, IsoDate, SchoolCalendar } from '../calendar/types.js';
import { countSessions } from '../sessions/countSessions.js';
import type { CompactRegister, SessionMark, SessionRate } from '../sessions/types.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import { BASIS_POINTS_IN_WHOLE, rateOf, toBasisPoints } from '../_internal/exactRate.js';
import { invalidArgument } from '../_internal/issues.js';
import { checkPercent } from '../_internal/argumentChecks.js';

/**
 * How {@link compareAttendancePeriods} decides what counts as a change.
 *
 * @category Patterns
 */
export interface CompareAttendancePeriodsOptions {
  /**
   * The smallest change in the attendance rate, in percentage points (0 to 100, at most two decimals), that
   * counts as an improvement or a decline; a smaller change is `'unchanged'`. A change of exactly this many
   * points counts. With 0, any change at all counts and only equal rates are unchanged.
   *
   * @defaultValue `0`
   */
  readonly minimumChangePercent?: number;
}

/**
 * The attendance of one period of a comparison.
 *
 * @category Patterns
 */
export interface AttendancePeriodFigures {
  /** The first date counted: the range's `from`, or the first day of the calendar's first half-term when the range leaves it open. */
  readonly from: IsoDate | undefined;
  /** The last date counted: the range's `to`, or the last day of the calendar's last half-term when the range leaves it open. */
  readonly to: IsoDate | undefined;
  /** Possible sessions in the period. */
  readonly possible: number;
  /** Sessions attended in the period. */
  readonly attended: number;
  /** The exact attendance rate, `attended / possible`. */
  readonly attendanceRate: SessionRate;
}

/**
 * Two periods' attendance and the direction of the change from the first to the second.
 *
 * @category Patterns
 */
export interface AttendancePeriodComparison {
  /** The earlier (or reference) period. */
  readonly first: AttendancePeriodFigures;
  /** The later (or compared) period. */
  readonly second: AttendancePeriodFigures;
  /**
   * `'improved'` or `'declined'` when the second rate is above or below the first by at least the minimum
   * change; `'unchanged'` otherwise; `'not-comparable'` when either period has no possible sessions.
   */
  readonly change: 'improved' | 'declined' | 'unchanged' | 'not-comparable';
}

/** The first index whose date is at least `date` (or greater than it, with `after`), in ascending dates. */
function searchDates(dates: readonly IsoDate[], date: IsoDate, after: boolean): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const value = dates[middle]!;
    if (value < date || (after && value === date)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The part of a register dated within `[from, to]`, in the same form; marks are not copied. */
function withinRange(
  register: readonly SessionMark[] | CompactRegister,
  from: IsoDate | undefined,
  to: IsoDate | undefined
): readonly SessionMark[] | CompactRegister {
  if (Array.isArray(register)) {
    const marks = register as readonly SessionMark[];
    return marks.filter(
      (mark) => (from === undefined || mark.date >= from) && (to === undefined || mark.date <= to)
    );
  }
  const { codes, slots, pupilId } = register as CompactRegister;
  const start = from === undefined ? 0 : searchDates(slots.dates, from, false);
  const end = Math.max(start, to === undefined ? slots.dates.length : searchDates(slots.dates, to, true));
  return {
    ...(pupilId === undefined ? {} : { pupilId }),
    slots: {
      dates: slots.dates.slice(start, end),
      sessions: slots.sessions.slice(start, end),
      first2024Index: Math.min(Math.max(slots.first2024Index - start, 0), end - start),
    },
    codes: codes.subarray(start, end),
  };
}

function periodFigures(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  range: DateRange,
  field: string
): AttendancePeriodFigures {
  const halfTerms = compileCalendar(calendar).halfTerms;
  const from = range.from ?? halfTerms[0]?.start;
  const to = range.to ?? halfTerms[halfTerms.length - 1]?.end;
  if (from !== undefined && to !== undefined && from > to) {
    invalidArgument({
      code: 'invalid_value',
      message: `The ${field} period runs backwards: from ${from} to ${to}.`,
      path: [field],
      field,
      expected: 'a range whose `from` is on or before its `to`',
      received: `${from} to ${to}`,
    });
  }
  const { possible, attended } = countSessions(withinRange(register, from, to));
  return { from, to, possible, attended, attendanceRate: rateOf(attended, possible) };
}

/**
 * Compares an enrolment's attendance in two periods (two half-terms, this term and last, before and after a
 * meeting) and says whether it improved, declined or stayed the same, exactly.
 *
 * @remarks
 * Each period's sessions are counted by {@link countSessions} from the marks dated within it (both ends
 * included; an open end is the first day of the calendar's first half-term or the last day of its last). The change is the second rate minus the first,
 * in percentage points. It is compared with `minimumChangePercent` by cross-multiplication in integers, with
 * no rounding: with attended `a₁`, `a₂` and possible `p₁`, `p₂`, and the threshold in hundredths of a point
 * `b`, the attendance **improved** when `a₂·p₁ − a₁·p₂ > 0` and `10 000 · (a₂·p₁ − a₁·p₂) ≥ b · p₁ · p₂`,
 * **declined** likewise with the sign reversed, and is **unchanged** otherwise. A change of exactly the
 * threshold counts as a change. When either period has no possible sessions there is no rate to compare and
 * the result is `'not-comparable'`.
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @param calendar - The school calendar, from {@link defineSchoolCalendar}; fills in open range ends.
 * @param first - The earlier (or reference) period.
 * @param second - The later (or compared) period.
 * @param options - The smallest change in percentage points that counts.
 * @returns Both periods' counts and exact rates, and the direction of the change.
 * @throws {@link AttendanceError} If a range runs backwards, `minimumChangePercent` is not a percentage with at
 * most two decimals, or the register has unknown codes or repeated sessions.
 * @example
 * // 9 of 10 sessions in the week of 9 September 2024 (90 %), 10 of 10 the week after (100 %): up 10 points.
 * const comparison = compareAttendancePeriods(marks, calendar,
 *   { from: isoDate('2024-09-09'), to: isoDate('2024-09-13') },
 *   { from: isoDate('2024-09-16'), to: isoDate('2024-09-20') },
 *   { minimumChangePercent: 10 });
 * comparison.change //=> 'improved' (10 points is at least 10 points)
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Patterns
 */
export function compareAttendancePeriods(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  first: DateRange,
  second: DateRange,
  options: CompareAttendancePeriodsOptions = {}
): AttendancePeriodComparison {
  const minimumChangePercent = options.minimumChangePercent ?? 0;
  checkPercent(minimumChangePercent, 'minimumChangePercent');
  const firstFigures = periodFigures(register, calendar, first, 'first');
  const secondFigures = periodFigures(register, calendar, second, 'second');
  if (firstFigures.possible === 0 || secondFigures.possible === 0) {
    return { first: firstFigures, second: secondFigures, change: 'not-comparable' };
  }
  // Products of session counts can pass 2^53 for whole-country figures, so the comparison runs in BigInt.
  const firstPossible = BigInt(firstFigures.possible);
  const secondPossible = BigInt(secondFigures.possible);
  const difference =
    BigInt(secondFigures.attended) * firstPossible - BigInt(firstFigures.attended) * secondPossible;
  const size = difference < 0n ? -difference : difference;
  const threshold = BigInt(toBasisPoints(minimumChangePercent)) * firstPossible * secondPossible;
  const counts = size > 0n && size * BigInt(BASIS_POINTS_IN_WHOLE) >= threshold;
  const change = !counts ? 'unchanged' : difference > 0n ? 'improved' : 'declined';
  return { first: firstFigures, second: secondFigures, change };
}
