import type { SchoolCalendar } from '../calendar/types.js';
import type { RegisterCode } from '../codes/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { scanRuns } from './absenceRuns.js';
import type { ContinuousAbsenceRun, OtherAbsenceTreatment } from './types.js';

/**
 * What {@link findContinuousAbsence} looks for.
 *
 * @category Continuous absence
 */
export interface FindContinuousAbsenceOptions {
  /**
   * The codes that make a run, e.g. `['G', 'N', 'O', 'U']` for unauthorised absence. A session recorded with one
   * of them counts, whatever the code's category. At least one code; never "no mark yet".
   */
  readonly codes: readonly RegisterCode[];
  /**
   * What a day of absence recorded with other codes (authorised or unauthorised absence outside `codes`) does to
   * a run: ends it, or neither counts nor breaks it.
   *
   * @defaultValue `'breaks'`
   */
  readonly otherAbsence?: OtherAbsenceTreatment;
}

/**
 * Finds the runs of continuous absence in a pupil's register: the runs of consecutive school days (not calendar
 * days) on which every open session is recorded with one of the given codes.
 *
 * @remarks
 * The rule, day by day over the calendar's school days:
 *
 * - Weekends, holidays and whole-day planned closures (INSET days, bank holidays) are not school days: they
 *   neither count nor break a run, so a run carries on across a weekend, a half-term holiday or an INSET day.
 * - A school day **counts** when every session the calendar has open that day is recorded with one of `codes`.
 *   A day with one open session (a partial closure, or a one-session calendar) counts on that session alone.
 * - A school day **breaks** the run when any open session is present (`/`, `\`, `L`) or in approved educational
 *   activity (`K`, `V`, `P`, `W`, `B`, and the pre-2024 `J`); when any open session has no mark yet (`-` or
 *   empty) or no mark at all (a day the register does not cover, or a missing session): a day that is not known
 *   cannot be called a day of absence; and, by default, when any open session is an absence outside `codes`
 *   (an authorised day of illness in a run of unauthorised absence).
 * - Any other school day **neither counts nor breaks** the run: its open sessions are a mix of counted codes,
 *   codes that are not possible sessions (`#`, `D`, `X`, `Q`, `Y1`–`Y7`, `Z`, and the pre-2024 `Y`) and, with
 *   `otherAbsence: 'continues'`, absences outside `codes`. So half-days are never counted: a morning of `N` and an
 *   afternoon of `Y4` neither counts as a day of `N` nor breaks a run of `N`.
 *
 * A run's school days are its counted days only. Every code has the same category in both code sets, so no
 * code set is needed. One pass over the register in date order, linear in its length (marks as objects are
 * sorted first when they are not in order); the compact form gives the same runs. Marks on sessions the calendar
 * has closed are not looked at unless they carry a counted code, which is an error (use
 * {@link checkMarksAgainstCalendar} to check a whole register). A run that reaches the register's last day may
 * run on when later marks arrive.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to, from {@link defineSchoolCalendar}.
 * @param options - The codes that make a run, and what other absence does to one.
 * @returns The runs, in date order; empty when there is none.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions}
 * does); once they are well formed, every unknown code, every repeated session and every counted mark on a
 * session the calendar has closed or does not cover; or at once for options without codes, with "no mark yet"
 * or an unknown code among them.
 * @example
 * // N from Monday 21 October 2024 to Friday 8 November 2024 (a half-term holiday and an INSET day between)
 * const [run] = findContinuousAbsence(marks, calendar, { codes: ['G', 'N', 'O', 'U'] });
 * run.startDate //=> '2024-10-21'
 * run.endDate //=> '2024-11-08'
 * run.schoolDays //=> 9
 * run.sessions //=> 18
 * @see {@link https://www.legislation.gov.uk/uksi/2006/1751/regulation/12/made} (SI 2006/1751 reg 12: a continuous period of absence counted in school days; approved educational activity is not absence)
 * @category Continuous absence
 */
export function findContinuousAbsence(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  options: FindContinuousAbsenceOptions
): ContinuousAbsenceRun[] {
  return scanRuns(register, calendar, options);
}
