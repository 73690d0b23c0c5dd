import type { AbsenceNotificationPolicy, SicknessReturnPolicy } from './types.js';

/**
 * The continuous-absence return (the children-missing-education return): a school tells the local authority
 * about every pupil absent without authorisation for a continuous period of 10 school days or more.
 *
 * - Codes: `G`, `N`, `O`, `U`, the codes statistically classified as unauthorised absence.
 * - Other absence breaks a run: a day of authorised absence means the absence was not continuously unauthorised.
 *   Approved educational activity is not absence (reg 12(2) of the 2006 Regulations), so it breaks a run too.
 *   Codes that are not possible sessions neither count nor break it: a dual-registered pupil's days at the other
 *   school (`D`) leave a run at this school unbroken.
 * - One action, `notify-local-authority-continuous-absence`, due on the run's 10th school day, once per run.
 *   The return itself is made at the intervals the school and the local authority agree (at least once a
 *   calendar month, as local authorities restate the guidance), so the due date is the day the pupil first
 *   belongs on it.
 *
 * @example
 * findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)[0]?.dueOn
 * //=> the 10th school day of the first run of 10 or more days of G, N, O or U
 * @see {@link https://www.legislation.gov.uk/uksi/2006/1751/regulation/12/made} (SI 2006/1751 reg 12(1)(b): absence not treated as authorised for a continuous period of not less than ten school days)
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/13/made} (SI 2024/208 reg 13: returns to the local authority, from 19 August 2024)
 * @see {@link https://schoolsnet.derbyshire.gov.uk/childrens-support-services/attendance-management/statutory-absence-reporting.aspx} (a local authority restating the guidance: codes G, N, O and U; returns at least once a calendar month)
 * @category Continuous absence
 */
export const DFE_CONTINUOUS_ABSENCE_RETURN: AbsenceNotificationPolicy = {
  name: 'dfe-continuous-absence-return',
  codes: ['G', 'N', 'O', 'U'],
  otherAbsence: 'breaks',
  steps: [
    {
      schoolDay: 10,
      action: 'notify-local-authority-continuous-absence',
      label:
        'Continuous-absence return: tell the local authority that the pupil has been absent without authorisation for 10 consecutive school days.',
    },
  ],
  source:
    'SI 2006/1751 reg 12(1)(b); SI 2024/208 reg 13; DfE, Working together to improve school attendance (2024), as restated by local authorities',
};

/**
 * The deletion ground for continuous absence (ground (i) of the 2024 Regulations): a pupil continuously absent for
 * 20 school days or more, every session recorded as `G`, `N` or `O`, may be deleted from the admission register
 * only when the school has no reasonable grounds to believe the pupil is unable to attend through sickness or an
 * unavoidable cause, and the school and the local authority have both failed, after reasonable enquiries, to
 * find where the pupil is.
 *
 * - Codes: `G`, `N`, `O` (not `U`: a pupil who arrives late was in school). Any other absence breaks a run.
 * - One action, `consider-deletion-continuous-absence`, due on the run's 20th school day: the register ground is
 *   met; the other conditions are for people to establish, so the action is to consider, never to delete.
 *
 * @example
 * findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_DELETION_GROUND).map((action) => action.dueOn)
 * //=> the 20th school day of each run of 20 or more days of G, N or O
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/9/made} (SI 2024/208 reg 9(1)(i): 20 school days of continuous absence; joint reasonable enquiries)
 * @category Continuous absence
 */
export const DFE_CONTINUOUS_ABSENCE_DELETION_GROUND: AbsenceNotificationPolicy = {
  name: 'dfe-continuous-absence-deletion-ground',
  codes: ['G', 'N', 'O'],
  otherAbsence: 'breaks',
  steps: [
    {
      schoolDay: 20,
      action: 'consider-deletion-continuous-absence',
      label:
        'Deletion ground (continuous absence) may be met: 20 consecutive school days of G, N or O. Delete only if the pupil is not believed unable to attend through sickness or an unavoidable cause and the school and the local authority have failed, after reasonable enquiries, to find the pupil.',
    },
  ],
  source: 'SI 2024/208 reg 9(1)(i) (before 19 August 2024: SI 2006/1751 reg 8(1)(f)(iii))',
};

/**
 * The trust policy's unexplained-absence protocol (HCAT): when parents have not said why their child is absent
 * and the absence stays unexplained, a home visit on the 2nd and the 4th day of the absence, and after 10 days'
 * absence without contact a referral to the local authority's children-missing-education officer.
 *
 * - Codes: `N` only. `N` is the register's code for an absence whose reason has not yet been established, which
 *   is what "unexplained" means: once a parent makes contact, the `N` is replaced by the code for the reason
 *   given, and that ends the run (other absence breaks it). `O` and `G` record absences whose circumstances are
 *   known, so they are left out. The guidance expects an `N` to be resolved within 5 school days; a school that
 *   then records an absence still unexplained as `O` should add `O` to the codes.
 * - Steps on school days 2, 4 and 10 of the run, dated on those school days (weekends and holidays are not
 *   counted). The protocol's first-day home visit where there is a safeguarding concern depends on that concern,
 *   which a register does not record, so it is not a step.
 *
 * @example
 * findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL).map((action) => action.action)
 * //=> ['home-visit', 'home-visit', 'refer-children-missing-education-officer'] for a run of 10 days of N
 * @see The HCAT trust attendance policy, "Unexplained Absence Protocol (After Day One)"
 * @category Continuous absence
 */
export const HCAT_UNEXPLAINED_ABSENCE_PROTOCOL: AbsenceNotificationPolicy = {
  name: 'hcat-unexplained-absence-protocol',
  codes: ['N'],
  otherAbsence: 'breaks',
  steps: [
    {
      schoolDay: 2,
      action: 'home-visit',
      label: 'Home visit: the second school day of absence that remains unexplained.',
    },
    {
      schoolDay: 4,
      action: 'home-visit',
      label: 'Home visit: the fourth school day of absence that remains unexplained.',
    },
    {
      schoolDay: 10,
      action: 'refer-children-missing-education-officer',
      label:
        "Refer to the local authority's children-missing-education officer as a serious safeguarding concern: 10 school days of absence without contact.",
    },
  ],
  source: 'The HCAT trust attendance policy, Unexplained Absence Protocol (After Day One)',
};

/**
 * The sickness return (new from 19 August 2024): a school tells the local authority about pupils recorded as
 * ill (`I`) who miss 15 school days through sickness, consecutively or cumulatively, in a school year; one return
 * is enough for one continuous illness.
 *
 * - A sickness day is a school day on which every open session is `I`. Half-days of illness are not counted.
 * - The count runs over one school year and starts again in the next.
 * - An illness is continuous until the pupil attends (present or approved educational activity) or a school day
 *   is not known (no mark): other absence between days of illness (a medical appointment, `M`) neither counts
 *   nor ends it.
 * - The action `notify-local-authority-sickness` is due on the 15th sickness day of the school year, and then on
 *   the first day of each later illness that starts after it in the same school year.
 *
 * The law asks for a return when the school has reasonable grounds to believe the pupil *will* miss 15 days; a
 * register shows only the days already missed, so the due date is the latest the register alone allows, and a
 * school expecting a long illness may make the return earlier.
 *
 * @example
 * findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN)[0]?.dueOn
 * //=> the 15th school day of illness in the school year
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/13/made} (SI 2024/208 reg 13: returns to the local authority)
 * @see {@link https://thegrid.org.uk/admissions-attendance-travel-to-school/attendance/15-day-sickness-absence} (a local authority restating the guidance: code I, 15 days consecutively or cumulatively, one return for a continuous period of sickness in a school year)
 * @category Continuous absence
 */
export const DFE_SICKNESS_RETURN: SicknessReturnPolicy = {
  name: 'dfe-sickness-return',
  codes: ['I'],
  threshold: 15,
  otherAbsence: 'continues',
  action: 'notify-local-authority-sickness',
  label:
    'Sickness return: tell the local authority that the pupil has missed 15 school days through illness this school year.',
  source:
    'SI 2024/208 reg 13; DfE, Working together to improve school attendance (2024), as restated by local authorities',
};
