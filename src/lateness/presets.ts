import type { LatenessPolicy } from './types.js';

/**
 * The longest a register may stay open, in minutes after it opens: 30. A pupil who arrives after the register
 * closes is recorded `U` (or a more fitting absence code), not `L`. {@link defineLatenessPolicy} rejects a policy
 * whose register stays open longer.
 *
 * @example
 * DFE_REGISTER_MAXIMUM_OPEN_MINUTES //=> 30
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE, Working together to improve school attendance: how long the register stays open is set by the school's policy, is the same for every session and is no longer than 30 minutes)
 * @see {@link https://nottinghamshire.gov.uk/schoolsportal/services/school-support/improving-school-attendance-toolkit/attendance-register-codes} (Nottinghamshire County Council, attendance register codes: the same restatement)
 * @category Lateness
 */
export const DFE_REGISTER_MAXIMUM_OPEN_MINUTES = 30;

/**
 * The trust policy's lateness rules.
 *
 * - The register opens at 09:00: arriving after 09:00 is late (`L`). The policy says both that "registers close at
 *   9am" and that arrivals up to 9:30 are late marks, so 09:00 is read as when the register opens (the late
 *   cut-off) and 09:30 as when it closes, the DfE maximum of 30 minutes later.
 * - The register closes at 09:30: arriving after 09:30 is `U` (on site, but an unauthorised absence for the
 *   session).
 * - Three late marks in a half-term: a letter to parents/carers listing the dates of the late marks
 *   (`'lateness-letter'`, at exactly 3).
 * - Four to six late marks in a half-term: a meeting with the EWO and the Head of School, where an action plan and
 *   monitoring period are agreed (`'lateness-meeting'`, from 4 to 6).
 * - Five `U` marks in a half-term: a warning letter that a penalty notice may be issued if lateness after the
 *   register closes continues (`'unauthorised-lateness-warning'`).
 * - Persistent lateness: 10 `U` marks within a 12-week period, for which a penalty notice may be issued once all
 *   supportive options have been exhausted.
 *
 * The policy gives the letter at "three late marks" and the meeting at "three to six late marks", so the third
 * mark would trigger both at once and leave the meeting no step after the letter. The preset sends the letter at
 * exactly 3 (`atLeast: 3, atMost: 3`) and holds the meeting from the fourth to the sixth (`atLeast: 4, atMost: 6`),
 * so each further mark escalates one step while the meeting still covers the policy's range up to six. Both are
 * ordinary {@link LatenessAction}s: for the literal reading, give the meeting `atLeast: 3`. The half-term actions
 * count `L` only, as the policy's "late marks" are the marks given for arriving after 9:00; add `'U'` to their
 * `codes` to count every late arrival, as DfE's late sessions (L + U) do.
 *
 * The policy's "12 week period" does not say school weeks, so it is read as 12 Monday-to-Sunday weeks, holidays
 * included (`unit: 'calendar-weeks'`); `{ unit: 'calendar-days', length: 84 }` is the other reading, and
 * `'school-weeks'` the national framework's unit. The trust policy states only morning register times, so the
 * preset has no `afternoonRegister`: afternoon arrivals are read against 09:00 and 09:30 unless one is added.
 *
 * @example
 * toLateMark('09:10', 'AM', HCAT_LATENESS_POLICY) //=> { code: 'L', minutesLate: 10 }
 * toLateMark('09:35', 'AM', HCAT_LATENESS_POLICY) //=> { code: 'U', minutesLate: 35 }
 * HCAT_LATENESS_POLICY.persistentLateness.threshold //=> 10
 * @see The HCAT trust attendance policy ("How we manage lateness", and its late arrivals paragraph: arrivals after 09:00 are L, after 09:30 U; 5 U sessions in a half term bring a warning letter; persistent lateness is 10 U sessions within a 12 week period)
 * @category Lateness
 */
export const HCAT_LATENESS_POLICY: LatenessPolicy = {
  registerOpens: '09:00',
  registerCloses: '09:30',
  halfTermActions: [
    {
      codes: ['L'],
      atLeast: 3,
      atMost: 3,
      action: 'lateness-letter',
      label: 'Letter to parents/carers listing the dates of the late marks',
    },
    {
      codes: ['L'],
      atLeast: 4,
      atMost: 6,
      action: 'lateness-meeting',
      label: 'Meeting with the EWO and Head of School; action plan and monitoring period agreed',
    },
    {
      codes: ['U'],
      atLeast: 5,
      action: 'unauthorised-lateness-warning',
      label: 'Warning letter: a penalty notice may be issued if lateness after the register closes continues',
    },
  ],
  persistentLateness: { length: 12, unit: 'calendar-weeks', threshold: 10, codes: ['U'] },
};
