import type { IsoDate, SchoolCalendar } from '../calendar/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { checkPositiveInteger, scanRuns } from './absenceRuns.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { SicknessReturnAction, SicknessReturnPolicy } from './types.js';

/**
 * Lists the sickness returns due for a pupil: the school days on which the pupil's days of illness in a school
 * year reach the policy's threshold, and each later continuous illness in that year.
 *
 * @remarks
 * The rule:
 *
 * - A **sickness day** is a school day on which every open session is recorded with one of the policy's codes
 *   (`I`). Half-days of illness are not counted, as {@link findContinuousAbsence} never counts half-days.
 * - A **continuous illness** is a run of sickness days as {@link findContinuousAbsence} finds them with the
 *   policy's treatment of other absence: weekends and holidays do not end it; attendance, or a school day with
 *   no mark, does.
 * - Sickness days are counted per school year of the calendar, consecutive or not; the count starts again in
 *   the next school year.
 * - A return is due on the day the count reaches the threshold (15), for the illness that day belongs to. That
 *   illness needs no other return in the school year, however long it lasts. A new return is due only for an
 *   illness that starts after the previous return, on its first sickness day (the count is already past the
 *   threshold). An illness that runs on into a new school year is counted afresh there.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to, from {@link defineSchoolCalendar}; its school years
 * set where the count starts again.
 * @param policy - The sickness-return policy, e.g. {@link DFE_SICKNESS_RETURN}.
 * @returns The returns due, in date order; empty when the count never reaches the threshold.
 * @throws {@link AttendanceError} As {@link findContinuousAbsence} does; or at once for a policy whose codes are
 * empty or unknown, or whose threshold is not a positive whole number.
 * @example
 * // I on 5 school days in each of September, October and December 2024, present in between
 * const [sicknessReturn] = findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN);
 * sicknessReturn.dueOn //=> '2024-12-06' (the 15th day of illness in 2024/25)
 * sicknessReturn.evidence.sicknessDays //=> 15
 * @see {@link https://thegrid.org.uk/admissions-attendance-travel-to-school/attendance/15-day-sickness-absence} (15 days consecutively or cumulatively; one return for a continuous period of sickness in a school year)
 * @category Continuous absence
 */
export function findSicknessReturns(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  policy: SicknessReturnPolicy
): SicknessReturnAction[] {
  checkPositiveInteger(policy.threshold, ['threshold'], 'The threshold');
  const runs = scanRuns(register, calendar, policy);
  const compiled = compileCalendar(calendar);
  const schoolYearOf = (date: IsoDate): string => {
    // Stryker disable next-line UnaryOperator: a run's dates are open school days of the calendar, always indexed
    const day = compiled.dayIndexByDate.get(date) ?? -1;
    // Stryker disable next-line OptionalChaining,UnaryOperator,StringLiteral: and always in a half term
    return compiled.halfTerms[compiled.halfTermOfDay[day] ?? -1]?.year ?? '';
  };
  const actions: SicknessReturnAction[] = [];
  let schoolYear: string | undefined;
  let yearDates: IsoDate[] = [];
  // The run whose illness has had its return this school year, or -1 before the year's first return.
  let returnedRun = -1;
  runs.forEach((run, runIndex) => {
    for (const date of run.dates) {
      const year = schoolYearOf(date);
      if (year !== schoolYear) {
        schoolYear = year;
        yearDates = [];
        returnedRun = -1;
      }
      yearDates.push(date);
      if (yearDates.length < policy.threshold || returnedRun === runIndex) continue;
      returnedRun = runIndex;
      actions.push({
        action: policy.action,
        label: policy.label,
        dueOn: date,
        evidence: { schoolYear: year, sicknessDays: yearDates.length, dates: [...yearDates], run },
      });
    }
  });
  return actions;
}
