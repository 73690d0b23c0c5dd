import type { IsoDate, Session } from '../calendar/types.js';
import type { StatisticalCategory } from '../codes/types.js';
import type { CohortFigures } from '../cohort/types.js';
import type { EscalationAction, EscalationState } from '../escalation/types.js';
import type { BandTable } from '../policy/types.js';
import type { PublishedFigures } from './comparison/types.js';

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
  /** Each pupil's escalation state and the actions due, for the escalation picture (none without it). */
  readonly escalation?: ReportEscalationInput;
  /** Published figures to show beside the school's (from `selectPublishedFigures`). */
  readonly comparison?: PublishedFigures;
  /** The pupils to draw a one-page card for (none in aggregate-only mode). */
  readonly pupilCards?: readonly string[];
  /**
   * The bands the distribution of pupils is drawn over.
   *
   * @defaultValue `DFE_ABSENCE_BANDS`: DfE's absence bands in steps of 5 percentage points, as its
   *   absence-distribution dashboard draws them
   */
  readonly bands?: BandTable;
}

/**
 * The escalation picture's input: each pupil's state from the escalation machine (`runEscalation`) and the
 * actions due and not yet done.
 *
 * @category Report
 */
export interface ReportEscalationInput {
  /** The name of each stage of the ladder, by stage number. */
  readonly stageNames: readonly string[];
  /** Each pupil's state and the actions due. */
  readonly pupils: readonly ReportEscalationPupil[];
}

/**
 * One pupil's escalation state and the actions due.
 *
 * @category Report
 */
export interface ReportEscalationPupil {
  /** The state as of the report's date. */
  readonly state: EscalationState;
  /** The actions due and not yet done. */
  readonly due: readonly EscalationAction[];
}

/**
 * The pupils at one stage of the ladder.
 *
 * @category Report
 */
export interface ReportStage {
  /** The stage number. */
  readonly stage: number;
  /** Its name. */
  readonly name: string;
  /** Pupils at it. */
  readonly pupils: ReportCount;
}

/**
 * An action due for a pupil.
 *
 * @category Report
 */
export interface ReportDueAction {
  /** The pupil. */
  readonly pupilId: string;
  /** The stage that asks for it, and its name. */
  readonly stage: number;
  /** The stage's name. */
  readonly stageName: string;
  /** What to do, e.g. `letter-1`. */
  readonly kind: string;
  /** When it is due. */
  readonly dueOn: IsoDate;
  /** Why, in plain English. */
  readonly reason: string;
}

/**
 * The actions due of one kind.
 *
 * @category Report
 */
export interface ReportActionKind {
  /** The kind, e.g. `letter-1`. */
  readonly kind: string;
  /** How many are due. */
  readonly count: ReportCount;
}

/**
 * The escalation picture: pupils per stage and the actions due.
 *
 * @category Report
 */
export interface ReportEscalation {
  /** Every stage of the ladder with its pupils. */
  readonly stages: readonly ReportStage[];
  /** The actions due by kind. */
  readonly actionsByKind: readonly ReportActionKind[];
  /** Every action due, earliest first (empty in aggregate-only mode). */
  readonly actionsDue: readonly ReportDueAction[];
  /** How many actions are due in all. */
  readonly actionsDueCount: number;
}

/**
 * One session of a pupil's card.
 *
 * @category Report
 */
export interface ReportCardSession {
  /** The date. */
  readonly date: IsoDate;
  /** `AM` or `PM`. */
  readonly session: Session;
  /** The register code. */
  readonly code: string;
  /** Its statistical category (`unmarked` for `-`). */
  readonly category: StatisticalCategory | 'unmarked';
}

/**
 * One entry of a pupil's case history: a change of stage, or an event recorded in the case log.
 *
 * @category Report
 */
export interface ReportCaseHistoryEntry {
  /** The date. */
  readonly on: IsoDate;
  /** The event's type, e.g. `review` or `letter-sent`. */
  readonly event: string;
  /** The stage before. */
  readonly from: number;
  /** The stage after. */
  readonly to: number;
  /** Why, in plain English. */
  readonly reason: string;
}

/**
 * A one-page card of one pupil.
 *
 * @category Report
 */
export interface ReportPupilCard {
  /** The pupil. */
  readonly pupilId: string;
  /** The pupil's attributes from the pupil-attributes file. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Possible sessions, attended, authorised and unauthorised absence, and sessions missed. */
  readonly counts: ReportCardCounts;
  /** `none`, `persistent` or `severe`. */
  readonly absenceClass: 'none' | 'persistent' | 'severe';
  /** Every session up to the as-of date, in date order. */
  readonly sessions: readonly ReportCardSession[];
  /** Attendance week by week (`group` is the pupil id). */
  readonly weeks: readonly ReportWeek[];
  /** The stage, its name and the date it was entered, with an escalation picture; `null` otherwise. */
  readonly stage: ReportCardStage | null;
  /** Changes of stage and events recorded, in order. */
  readonly history: readonly ReportCaseHistoryEntry[];
  /** The actions due. */
  readonly dueActions: readonly ReportDueAction[];
}

/**
 * A pupil card's session counts.
 *
 * @category Report
 */
export interface ReportCardCounts {
  /** Possible sessions. */
  readonly possible: number;
  /** Sessions attended. */
  readonly attended: number;
  /** Authorised absence. */
  readonly authorised: number;
  /** Unauthorised absence. */
  readonly unauthorised: number;
  /** Sessions missed. */
  readonly absent: number;
}

/**
 * A pupil card's stage.
 *
 * @category Report
 */
export interface ReportCardStage {
  /** The stage number. */
  readonly stage: number;
  /** Its name. */
  readonly name: string;
  /** The date it was entered; `null` at the start. */
  readonly since: IsoDate | null;
}

/**
 * A count of pupils or actions as a report may show it: the number, or in aggregate-only mode a marker where it
 * is suppressed. `'fewer-than-limit'` is a count above 0 and below the small-number limit (primary
 * suppression); `'suppressed'` is a larger count hidden with it so that the small one cannot be worked out from
 * its table's total (secondary suppression), as DfE's statistics suppress them.
 *
 * @category Report
 */
export type ReportCount = number | 'fewer-than-limit' | 'suppressed';

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
  /** The name of the band table of `bands`. */
  readonly bandTableName: string;
  /** Pupils per band of the band table (DfE's 5-point absence bands unless another is given). */
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
  /** How many pupils reached the penalty-notice threshold; `null` without a penalty-notice window. */
  readonly penaltyThresholdReached: ReportCount | null;
  /** The escalation picture; `null` without escalation input. */
  readonly escalation: ReportEscalation | null;
  /** The published figures shown beside the school's; `null` without. */
  readonly comparison: PublishedFigures | null;
  /** The pupil cards asked for (none in aggregate-only mode). */
  readonly cards: readonly ReportPupilCard[];
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
  /** The attribute (`null` for the school). */
  readonly attribute: string | null;
  /** The attribute's value (`null` for the school). */
  readonly value: string | null;
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
