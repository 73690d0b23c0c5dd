import type { SchoolCalendar } from '../calendar/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { checkPositiveInteger, scanRuns } from './absenceRuns.js';
import type { AbsenceNotificationPolicy, AbsenceNotificationStep, ContinuousAbsenceAction } from './types.js';

/**
 * Lists the actions a policy makes due on runs of continuous absence: for every run of the policy's codes that
 * lasts long enough, each step's action dated on the run's school day of that number.
 *
 * @remarks
 * Runs are found by {@link findContinuousAbsence} with the policy's codes and its treatment of other absence, so
 * school days are counted, never calendar days: a run's 10th day may fall weeks after its first across a
 * holiday. Each step is due at most once per run, on the run's `schoolDay`-th counted day; a run shorter than a
 * step's day number does not make that step due. The actions come in date order (steps of one run in the order
 * of their day numbers). A result describes the register as it stands: when an `N` is replaced by the reason
 * found, run the policy again.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to, from {@link defineSchoolCalendar}.
 * @param policy - The policy, e.g. {@link DFE_CONTINUOUS_ABSENCE_RETURN} or {@link HCAT_UNEXPLAINED_ABSENCE_PROTOCOL}.
 * @returns The dated actions, in date order; empty when no run is long enough.
 * @throws {@link AttendanceError} As {@link findContinuousAbsence} does; or at once for a policy whose codes are
 * empty or unknown, or whose step day numbers are not positive whole numbers.
 * @example
 * // N from Tuesday 22 October 2024 to Tuesday 12 November 2024 (half term 28 October–1 November, INSET 4 November)
 * findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL).map(({ action, dueOn }) => [action, dueOn])
 * //=> [['home-visit', '2024-10-23'], ['home-visit', '2024-10-25'],
 * //    ['refer-children-missing-education-officer', '2024-11-12']]
 * @see {@link https://www.legislation.gov.uk/uksi/2006/1751/regulation/12/made} (SI 2006/1751 reg 12: the continuous-absence return)
 * @category Continuous absence
 */
export function findAbsenceActions(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  policy: AbsenceNotificationPolicy
): ContinuousAbsenceAction[] {
  policy.steps.forEach((step, index) => {
    checkPositiveInteger(step.schoolDay, ['steps', index, 'schoolDay'], 'A step’s school day');
  });
  const runs = scanRuns(register, calendar, policy);
  const steps: AbsenceNotificationStep[] = [...policy.steps].sort((a, b) => a.schoolDay - b.schoolDay);
  const actions: ContinuousAbsenceAction[] = [];
  for (const run of runs) {
    for (const step of steps) {
      const dueOn = run.dates[step.schoolDay - 1];
      if (dueOn === undefined) break;
      actions.push({ action: step.action, label: step.label, dueOn, schoolDay: step.schoolDay, run });
    }
  }
  return actions;
}
