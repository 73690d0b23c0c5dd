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
   * In aggregate-only mode, counts below this are suppressed (DfE's statistics suppress counts below 5).
   *
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
  readonly firstReached: { readonly date: IsoDate; readonly session: Session };
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
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /** The headline figures, by the DfE method. */
  readonly headline: CohortFigures;
  /** Pupils per band of the policy's band table. */
  readonly bands: readonly {
    readonly id: string;
    readonly label: string;
    readonly enrolments: ReportCount;
  }[];
  /** The school and each group of `groupBy`, with its number of pupils. */
  readonly groups: readonly { readonly name: string; readonly pupils: number }[];
  /** Attendance week by week, for the school and each group. */
  readonly weeks: readonly ReportWeek[];
  /** Sessions per register code, with the code's statistical category, most used first. */
  readonly reasons: readonly {
    readonly code: string;
    readonly category: string;
    readonly sessions: number;
  }[];
  /** Possible sessions and sessions missed by weekday (1 Monday … 5 Friday) and session. */
  readonly weekdays: readonly {
    readonly weekday: number;
    readonly session: Session;
    readonly absent: number;
    readonly possible: number;
  }[];
  /** Persistent and severe absentees (empty in aggregate-only mode). */
  readonly absentees: readonly ReportPupil[];
  /** Pupils whose penalty-notice window reached its threshold (empty in aggregate-only mode). */
  readonly penaltyCandidates: readonly ReportPenaltyCandidate[];
  /** How many pupils reached the penalty-notice threshold. */
  readonly penaltyThresholdReached: ReportCount;
}
