import type { IsoDate, Session } from '../calendar/types.js';
import type { CohortFigures } from '../cohort/types.js';

/**
 * What a report is built for and how much of it may be shown.
 *
 * @category Report
 */
export interface AttendanceReportOptions {
  /**
   * The report's title.
   *
   * @defaultValue `'Attendance report'`
   */
  readonly title?: string;
  /** Each pupil's attributes (year group, FSM, SEN…), by pupil id, as the pupil-attributes CSV gives them. */
  readonly pupilAttributes?: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /**
   * The attributes whose groups get a weekly trend of their own.
   *
   * @defaultValue every attribute in `pupilAttributes`
   */
  readonly groupBy?: readonly string[];
  /**
   * For governors and partners: no pupil ids or lists, and every count below `smallNumbers` shown as "fewer
   * than N", as DfE statistics suppress them.
   *
   * @defaultValue `false`
   */
  readonly aggregateOnly?: boolean;
  /**
   * In aggregate-only mode, counts below this are suppressed.
   *
   * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE
   *   methodology: small counts are suppressed, shown as "c", so that no pupil can be identified)
   * @defaultValue `5`
   */
  readonly smallNumbers?: number;
  /** The as-of date the figures were analysed to (as given to `analyseCohortRegister`): later marks are not drawn. */
  readonly asOf?: IsoDate;
  /** The index of the window rule whose reached threshold makes a pupil a penalty-notice candidate. */
  readonly penaltyWindow?: number;
}

/**
 * A count that may be suppressed: the number, or `null` where aggregate-only mode hides a small number.
 *
 * @category Report
 */
export type ReportCount = number | null;

/**
 * One week of one group's attendance: sessions attended over possible sessions in the week starting `week`.
 *
 * @category Report
 */
export interface ReportWeek {
  /** The Monday the week starts on. */
  readonly week: IsoDate;
  /** `'School'` or `attribute = value`. */
  readonly group: string;
  /** Sessions attended (present or approved educational activity). */
  readonly attended: number;
  /** Possible sessions. */
  readonly possible: number;
}

/**
 * A pupil in the tables of a report.
 *
 * @category Report
 */
export interface ReportPupil {
  /** The pupil. */
  readonly pupilId: string;
  /** Possible sessions. */
  readonly possible: number;
  /** Sessions missed. */
  readonly absent: number;
  /** `'persistent'` or `'severe'`. */
  readonly absenceClass: 'persistent' | 'severe';
}

/**
 * A pupil whose penalty-notice window reached its threshold.
 *
 * @category Report
 */
export interface ReportPenaltyCandidate {
  /** The pupil. */
  readonly pupilId: string;
  /** The most sessions of the rule's codes in any window. */
  readonly maximum: number;
  /** The session at which the threshold was first reached. */
  readonly firstReached: ReportSession;
}

/**
 * Everything a report shows, worked out once from the cohort engine's figures: plain, JSON-able data that
 * {@link renderAttendanceReport} draws.
 *
 * @category Report
 */
export interface AttendanceReport {
  /** The title. */
  readonly title: string;
  /** Pupil ids, names and lists are left out, and small numbers suppressed. */
  readonly aggregateOnly: boolean;
  /** Counts below this are suppressed in aggregate-only mode. */
  readonly smallNumbers: number;
  /** The policy the figures follow. */
  readonly policyName: string;
  /** The first and last dates with a counted mark; `null` with none. */
  readonly period: ReportPeriod | null;
  /** The headline figures, by the DfE method. */
  readonly headline: CohortFigures;
  /** Pupils per band of the policy's band table. */
  readonly bands: readonly ReportBand[];
  /** The school and each group of `groupBy`, with its number of pupils. */
  readonly groups: readonly ReportGroup[];
  /** Attendance week by week, for the school and each group. */
  readonly weeks: readonly ReportWeek[];
  /** Sessions per register code, with the code's statistical category, most used first. */
  readonly reasons: readonly ReportReason[];
  /** Possible sessions and sessions missed by weekday (1 Monday … 5 Friday) and session. */
  readonly weekdays: readonly ReportWeekdaySession[];
  /** Persistent and severe absentees (empty in aggregate-only mode). */
  readonly absentees: readonly ReportPupil[];
  /** Pupils whose penalty-notice window reached its threshold (empty in aggregate-only mode). */
  readonly penaltyCandidates: readonly ReportPenaltyCandidate[];
  /** How many pupils reached the penalty-notice threshold. */
  readonly penaltyThresholdReached: ReportCount;
}

/**
 * One register session.
 *
 * @category Report
 */
export interface ReportSession {
  /** The date. */
  readonly date: IsoDate;
  /** `AM` or `PM`. */
  readonly session: Session;
}

/**
 * The first and last dates of a report's counted marks.
 *
 * @category Report
 */
export interface ReportPeriod {
  /** The first date. */
  readonly from: IsoDate;
  /** The last date. */
  readonly to: IsoDate;
}

/**
 * One band of the band table and its pupils.
 *
 * @category Report
 */
export interface ReportBand {
  /** The band's id. */
  readonly id: string;
  /** The band's label. */
  readonly label: string;
  /** Pupils in the band. */
  readonly enrolments: ReportCount;
}

/**
 * The school or one group of pupils.
 *
 * @category Report
 */
export interface ReportGroup {
  /** `'School'` or `attribute = value`. */
  readonly name: string;
  /** Pupils in it. */
  readonly pupils: number;
}

/**
 * Sessions of one register code.
 *
 * @category Report
 */
export interface ReportReason {
  /** The code. */
  readonly code: string;
  /** Its DfE statistical category. */
  readonly category: string;
  /** Sessions marked with it. */
  readonly sessions: number;
}

/**
 * Absence on one weekday's morning or afternoon.
 *
 * @category Report
 */
export interface ReportWeekdaySession {
  /** 1 Monday … 5 Friday. */
  readonly weekday: number;
  /** `AM` or `PM`. */
  readonly session: Session;
  /** Sessions missed. */
  readonly absent: number;
  /** Possible sessions. */
  readonly possible: number;
}
