import type { SchoolCalendar } from '../calendar/types.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { countRollingWindow } from './countRollingWindow.js';
import type { RollingWindowResult } from './types.js';

/**
 * What {@link assessPenaltyNoticeThreshold} found: the window's findings and the outcome in the framework's words.
 *
 * @category Windows
 */
export interface PenaltyNoticeThresholdResult extends RollingWindowResult {
  /**
   * `'consider-penalty-notice'` when the threshold is reached: the framework requires a notice to be
   * considered, not issued; whether one may be issued depends on the notice history ({@link assessPenaltyNotice}).
   */
  readonly outcome: 'consider-penalty-notice' | 'below-threshold';
}

/**
 * Applies a policy's penalty-notice threshold to a pupil's register: by default the national framework, 10
 * sessions of G, N, O or U within a rolling 10 school weeks, counting sessions from 19 August 2024.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to.
 * @param policy - The policy whose `penaltyNotice` rule applies.
 * @returns The window's findings, the first date the threshold was reached and the sessions behind it.
 * @throws {@link AttendanceError} Listing repeated sessions and counted sessions the calendar cannot place.
 * @example
 * const result = assessPenaltyNoticeThreshold(marks, calendar);
 * result.outcome //=> 'consider-penalty-notice'
 * result.firstReached?.marks.map((mark) => mark.date) // the dates a letter lists
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/contents/made} (SI 2024/210 and the national framework)
 * @category Windows
 */
export function assessPenaltyNoticeThreshold(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  policy: AttendancePolicy = DFE_POLICY
): PenaltyNoticeThresholdResult {
  const result = countRollingWindow(register, calendar, policy.penaltyNotice);
  return { ...result, outcome: result.reached ? 'consider-penalty-notice' : 'below-threshold' };
}
