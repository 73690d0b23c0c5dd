import type { IsoDate } from '../calendar/types.js';
import type { RegisterCode } from '../codes/types.js';

/**
 * What a day of absence recorded with codes outside a run's codes does to the run.
 *
 * - `breaks`: the day ends the run (an authorised day of illness ends a run of unauthorised absence: the
 *   absence was not continuously unauthorised).
 * - `continues`: the day neither counts nor breaks the run; the run carries on across it without it being
 *   counted.
 *
 * @category Continuous absence
 */
export type OtherAbsenceTreatment = 'breaks' | 'continues';

/**
 * A run of continuous absence: consecutive school days on which every open session is recorded with one of the
 * run's codes, from {@link findContinuousAbsence}.
 *
 * @remarks
 * Plain, JSON-safe data. The run's length is counted in school days, never in calendar days: weekends,
 * holidays, planned closures and days that neither count nor break the run lie inside it without being counted.
 *
 * @category Continuous absence
 */
export interface ContinuousAbsenceRun {
  /** The first counted school day. */
  readonly startDate: IsoDate;
  /** The last counted school day. */
  readonly endDate: IsoDate;
  /** The number of counted school days: the length of `dates`. */
  readonly schoolDays: number;
  /** The number of counted sessions: two for each full day, one for each day with only one open session. */
  readonly sessions: number;
  /** The codes seen on the counted sessions, each once, in the order the codes were asked for. */
  readonly codes: readonly RegisterCode[];
  /** Every counted school day, in date order: `dates[n - 1]` is the run's n-th school day. */
  readonly dates: readonly IsoDate[];
}

/**
 * One action of an {@link AbsenceNotificationPolicy}: what to do on which school day of a run.
 *
 * @category Continuous absence
 */
export interface AbsenceNotificationStep {
  /** The school day of the run on which the action is due: 1 for the run's first day. A positive integer. */
  readonly schoolDay: number;
  /** A stable identifier for the action, in kebab case, e.g. `'home-visit'`. */
  readonly action: string;
  /** A sentence for people saying what is due and why. */
  readonly label: string;
}

/**
 * A rule that turns runs of continuous absence into dated actions: the codes that make a run, what other
 * absence does to a run, and the actions due on given school days of each run. Used by
 * {@link findAbsenceActions}.
 *
 * @remarks
 * Plain, JSON-safe data; presets are {@link DFE_CONTINUOUS_ABSENCE_RETURN},
 * {@link DFE_CONTINUOUS_ABSENCE_DELETION_GROUND} and {@link HCAT_UNEXPLAINED_ABSENCE_PROTOCOL}. To change one
 * number, spread a preset: `{ ...DFE_CONTINUOUS_ABSENCE_RETURN, codes: ['G', 'N', 'O'] }`.
 *
 * @category Continuous absence
 */
export interface AbsenceNotificationPolicy {
  /** A stable name for the policy, e.g. `'dfe-continuous-absence-return'`. */
  readonly name: string;
  /** The codes whose sessions make a run; at least one, and never "no mark yet". */
  readonly codes: readonly RegisterCode[];
  /** What a day of absence recorded with other codes does to a run. */
  readonly otherAbsence: OtherAbsenceTreatment;
  /** The actions due on given school days of every run that lasts that long. */
  readonly steps: readonly AbsenceNotificationStep[];
  /** Where the rule comes from. */
  readonly source: string;
}

/**
 * An action due on a school day of a run of continuous absence, from {@link findAbsenceActions}.
 *
 * @category Continuous absence
 */
export interface ContinuousAbsenceAction {
  /** The step's identifier, e.g. `'notify-local-authority-continuous-absence'`. */
  readonly action: string;
  /** The step's sentence for people. */
  readonly label: string;
  /** The school day on which the action is due: the run's `schoolDay`-th day. */
  readonly dueOn: IsoDate;
  /** The school day of the run on which it is due (1 for the first). */
  readonly schoolDay: number;
  /** The run the action is for, as the register shows it: it may run on past `dueOn`. */
  readonly run: ContinuousAbsenceRun;
}

/**
 * The rule for sickness returns: which codes make a sickness day, how many sickness days in a school year make a
 * return due, and what other absence does to a continuous illness. Used by {@link findSicknessReturns}.
 *
 * @remarks
 * Plain, JSON-safe data; the preset is {@link DFE_SICKNESS_RETURN}.
 *
 * @category Continuous absence
 */
export interface SicknessReturnPolicy {
  /** A stable name for the policy, e.g. `'dfe-sickness-return'`. */
  readonly name: string;
  /** The codes that make a sickness day when every open session of the day has one of them. */
  readonly codes: readonly RegisterCode[];
  /** The number of sickness days in one school year, consecutive or not, that makes a return due. */
  readonly threshold: number;
  /** What a day of absence recorded with other codes does to a continuous illness. */
  readonly otherAbsence: OtherAbsenceTreatment;
  /** The identifier of the action, e.g. `'notify-local-authority-sickness'`. */
  readonly action: string;
  /** A sentence for people saying what is due and why. */
  readonly label: string;
  /** Where the rule comes from. */
  readonly source: string;
}

/**
 * Why a sickness return is due: the sickness days of the school year up to the due date, and the continuous
 * illness the return is for.
 *
 * @category Continuous absence
 */
export interface SicknessReturnEvidence {
  /** The name of the school year, as the calendar gives it, e.g. `'2024/25'`. */
  readonly schoolYear: string;
  /** The number of sickness days in the school year up to and including the due date. */
  readonly sicknessDays: number;
  /** Those sickness days, in date order. */
  readonly dates: readonly IsoDate[];
  /** The continuous illness the return is for, as the register shows it: it may run on past the due date. */
  readonly run: ContinuousAbsenceRun;
}

/**
 * A sickness return due to the local authority, from {@link findSicknessReturns}.
 *
 * @category Continuous absence
 */
export interface SicknessReturnAction {
  /** The policy's action identifier, e.g. `'notify-local-authority-sickness'`. */
  readonly action: string;
  /** The policy's sentence for people. */
  readonly label: string;
  /** The school day on which the return became due. */
  readonly dueOn: IsoDate;
  /** The sickness days and the illness that make it due. */
  readonly evidence: SicknessReturnEvidence;
}
