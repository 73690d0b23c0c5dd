import type { CompactRegister, SessionMark, SessionRate } from '../sessions/types.js';
import { checkPercent, checkWholeNumber } from '../_internal/argumentChecks.js';
import { BASIS_POINTS_IN_WHOLE, rateOf, toBasisPoints } from '../_internal/exactRate.js';
import { invalidArgument } from '../_internal/issues.js';
import { countByDayOfWeek } from './countByDayOfWeek.js';
import type { SchoolWeekday } from './countByDayOfWeek.js';

/**
 * How {@link findConcentratedAbsenceDays} tests a register.
 *
 * @category Patterns
 */
export interface FindConcentratedAbsenceDaysOptions {
  /**
   * The weekdays to test, as ISO numbers (1 Monday to 5 Friday); at least one.
   *
   * @defaultValue `[1, 5]` (Mondays and Fridays)
   */
  readonly days?: readonly SchoolWeekday[];
  /**
   * The fewest absent sessions (over the whole register) before a pattern is looked for.
   *
   * @defaultValue `6`
   */
  readonly minimumAbsentSessions?: number;
  /**
   * The smallest share of the absent sessions, as a percentage with at most two decimals, that must fall on the
   * chosen days.
   *
   * @defaultValue `60`
   */
  readonly shareAtLeastPercent?: number;
}

/**
 * The decision of {@link findConcentratedAbsenceDays} and the figures behind it.
 *
 * @category Patterns
 */
export interface ConcentratedAbsenceDays {
  /** Whether all three tests are met. */
  readonly flagged: boolean;
  /** The weekdays tested, ascending, each once. */
  readonly days: readonly SchoolWeekday[];
  /** Absent sessions in the whole register. */
  readonly absentSessions: number;
  /** Absent sessions on the chosen days. */
  readonly absentOnDays: number;
  /** Possible sessions on the chosen days. */
  readonly possibleOnDays: number;
  /** Absent sessions on every other day (weekend sessions included). */
  readonly absentOnOtherDays: number;
  /** Possible sessions on every other day (weekend sessions included). */
  readonly possibleOnOtherDays: number;
  /** The absence rate on the chosen days, `absentOnDays / possibleOnDays`. */
  readonly absenceRateOnDays: SessionRate;
  /** The absence rate on the other days, `absentOnOtherDays / possibleOnOtherDays`. */
  readonly absenceRateOnOtherDays: SessionRate;
  /** Test 1: `absentSessions` is at least `minimumAbsentSessions`. */
  readonly meetsMinimum: boolean;
  /** Test 2: `absentOnDays / absentSessions` is at least `shareAtLeastPercent`. */
  readonly meetsShare: boolean;
  /** Test 3: both rates exist and the chosen days' rate is above zero and at least twice the other days'. */
  readonly meetsRateRatio: boolean;
}

const DEFAULT_DAYS: readonly SchoolWeekday[] = [1, 5];

function checkedDays(days: readonly SchoolWeekday[]): SchoolWeekday[] {
  const chosen = new Set<number>();
  for (const day of days) {
    if (!Number.isInteger(day) || day < 1 || day > 5) {
      invalidArgument({
        code: 'invalid_value',
        message: `days must hold weekday numbers from 1 (Monday) to 5 (Friday); received ${String(day)}.`,
        path: ['days'],
        field: 'days',
        expected: 'weekday numbers from 1 to 5',
        received: String(day),
      });
    }
    chosen.add(day);
  }
  if (chosen.size === 0) {
    invalidArgument({
      code: 'invalid_value',
      message: 'days must name at least one weekday.',
      path: ['days'],
      field: 'days',
      expected: 'at least one weekday number from 1 to 5',
      received: '[]',
    });
  }
  return [...chosen].sort((left, right) => left - right) as SchoolWeekday[];
}

/**
 * Tests whether a pupil's absence concentrates on particular weekdays (by default Mondays and Fridays), the
 * pattern schools are asked to spot early, and returns the figures behind the decision.
 *
 * @remarks
 * The register is counted by {@link countByDayOfWeek}; a pupil is flagged when all three tests hold:
 *
 * 1. **Enough absence to speak of a pattern**: at least `minimumAbsentSessions` absent sessions in the register
 *    (by default 6, three days), so that one long weekend is not a pattern.
 * 2. **Most absence on the chosen days**: `absentOnDays / absentSessions` at least `shareAtLeastPercent` (by
 *    default 60 %), compared in integers (`absentOnDays × 10 000 ≥ basis points × absentSessions`).
 * 3. **Absence more likely on those days than on others**: the absence rate on the chosen days is above zero and
 *    at least twice the rate on the other days (`absentOnDays × possibleOnOtherDays ≥ 2 × absentOnOtherDays ×
 *    possibleOnDays`). The share alone is not enough: a pupil whose timetable or enrolment gives them more sessions
 *    on the chosen days, or one who is absent evenly across the week, can have most of their absence on those days
 *    without missing them any more often; test 3 keeps such a pupil from being flagged. When either set of days
 *    has no possible session there is nothing to compare and test 3 fails.
 *
 * DfE guidance asks schools to spot such patterns but sets no numbers for them, and neither does the trust
 * policy: the defaults (6 sessions, 60 %, twice the rate) are this library's own, and the first two are options.
 *
 * Only counts are used, so the result does not depend on the order of the marks.
 *
 * @param register - The enrolment's marks (any order), or its compact register.
 * @param options - The weekdays to test, the fewest absent sessions and the share required.
 * @returns The decision, the counts and rates it rests on, and the outcome of each test.
 * @throws {@link AttendanceError} Listing every unknown code and every repeated session; or at once for days
 * outside 1–5 or none, a minimum that is not a whole number, or a share that is not a percentage with at most two
 * decimals.
 * @example
 * // Absent every Monday and Friday of two weeks, present otherwise.
 * const result = findConcentratedAbsenceDays(twoWeeksAbsentMondaysAndFridays);
 * result.flagged //=> true
 * [result.absentOnDays, result.possibleOnDays] //=> [8, 8]
 * [result.absentOnOtherDays, result.possibleOnOtherDays] //=> [0, 12]
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (schools use attendance data to identify patterns of poor attendance)
 * @category Patterns
 */
export function findConcentratedAbsenceDays(
  register: readonly SessionMark[] | CompactRegister,
  options: FindConcentratedAbsenceDaysOptions = {}
): ConcentratedAbsenceDays {
  const days = checkedDays(options.days ?? DEFAULT_DAYS);
  const minimumAbsentSessions = options.minimumAbsentSessions ?? 6;
  const shareAtLeastPercent = options.shareAtLeastPercent ?? 60;
  checkWholeNumber(minimumAbsentSessions, 'minimumAbsentSessions');
  checkPercent(shareAtLeastPercent, 'shareAtLeastPercent');
  const byDay = countByDayOfWeek(register);
  let absentOnDays = 0;
  let possibleOnDays = 0;
  for (const day of byDay.days) {
    if (!days.includes(day.weekday)) continue;
    absentOnDays += day.absent;
    possibleOnDays += day.possible;
  }
  const absentSessions = byDay.totals.absent;
  const absentOnOtherDays = absentSessions - absentOnDays;
  const possibleOnOtherDays = byDay.totals.possible - possibleOnDays;
  const meetsMinimum = absentSessions >= minimumAbsentSessions;
  const meetsShare =
    absentOnDays * BASIS_POINTS_IN_WHOLE >= toBasisPoints(shareAtLeastPercent) * absentSessions;
  const meetsRateRatio =
    possibleOnDays > 0 &&
    possibleOnOtherDays > 0 &&
    absentOnDays > 0 &&
    absentOnDays * possibleOnOtherDays >= 2 * absentOnOtherDays * possibleOnDays;
  return {
    flagged: meetsMinimum && meetsShare && meetsRateRatio,
    days,
    absentSessions,
    absentOnDays,
    possibleOnDays,
    absentOnOtherDays,
    possibleOnOtherDays,
    absenceRateOnDays: rateOf(absentOnDays, possibleOnDays),
    absenceRateOnOtherDays: rateOf(absentOnOtherDays, possibleOnOtherDays),
    meetsMinimum,
    meetsShare,
    meetsRateRatio,
  };
}
