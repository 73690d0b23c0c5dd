import type { IsoDate, SchoolCalendar, SessionSlot } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { AttendancePolicy, Band } from '../policy/types.js';
import type { CountSessionsOptions } from '../sessions/countSessions.js';
import type { AbsenceClass } from '../sessions/classifyAbsence.js';
import type { SessionCounts, SessionRate, SessionSlots } from '../sessions/types.js';
import type { WindowRule } from '../windows/types.js';

/**
 * The value of one attribute of an enrolment used to filter or group a cohort, e.g. a year group (`9`), free
 * school meals (`true`) or a school (`'URN 123456'`); `null` when it is not known.
 *
 * @category Cohorts
 */
export type CohortAttributeValue = string | number | boolean | null;

/**
 * The session counts of one enrolment that cohort figures are built from; a full {@link SessionCounts} from
 * {@link countSessions} has them all.
 *
 * @category Cohorts
 */
export type CohortEnrolmentCounts = Pick<
  SessionCounts,
  'possible' | 'attended' | 'absent' | 'authorised' | 'unauthorised'
>;

/**
 * One enrolment of a cohort: a pupil on roll at one school over the period. DfE statistics count enrolments, not
 * pupils, so a pupil who moved school is two enrolments.
 *
 * @category Cohorts
 */
export interface CohortEnrolment {
  /** Identifies the enrolment in reports of counts that were left out, e.g. a UPN with a school number. */
  readonly id: string;
  /** The enrolment's session counts over the period. */
  readonly counts: CohortEnrolmentCounts;
  /** Attributes to filter and group by, e.g. `{ yearGroup: 9, fsm: true }`. */
  readonly attributes?: Readonly<Record<string, CohortAttributeValue>>;
}

/**
 * How {@link aggregateCohort} and {@link aggregateCohortBy} build cohort figures.
 *
 * @category Cohorts
 */
export interface AggregateCohortOptions {
  /**
   * The policy whose persistent-absence and severe-absence thresholds and main band table apply.
   *
   * @defaultValue {@link DFE_POLICY}
   */
  readonly policy?: AttendancePolicy;
  /**
   * Which enrolments belong to the cohort, e.g. the DfE statistical cohort of pupils aged 5 to 15 at the start of
   * the school year ({@link isInDfeStatisticalCohort}). Enrolments it rejects are not part of the cohort and appear
   * in no count.
   *
   * @defaultValue every enrolment
   */
  readonly include?: (enrolment: CohortEnrolment) => boolean;
}

/**
 * The number of enrolments of a cohort whose rate falls in one band of a band table.
 *
 * @category Cohorts
 */
export interface CohortBandCount {
  /** The band, as the policy's band table defines it. */
  readonly band: Band;
  /** The number of included enrolments whose own rate falls in the band. */
  readonly enrolments: number;
}

/**
 * Attendance figures for a cohort of enrolments, built the DfE way: sessions are summed over enrolments and rates
 * are sums over sums, never averages of pupils' rates.
 *
 * @remarks
 * Session rates have the summed possible sessions as denominator. `persistentAbsenceRate` and
 * `severeAbsenceRate` have the number of included enrolments as denominator instead, and are
 * `{ kind: 'no-possible-sessions' }` when no enrolment is included. Every rate is an exact fraction of whole
 * numbers; display it with {@link toPercentage}.
 *
 * @category Cohorts
 */
export interface CohortFigures {
  /** The enrolments included: those with possible sessions and consistent counts. */
  readonly enrolments: number;
  /** Enrolments left out because they had no possible sessions (DfE removes them). */
  readonly excludedNoPossibleSessions: number;
  /** Enrolments left out because their counts are inconsistent, e.g. more absence than possible sessions. */
  readonly excludedInconsistent: number;
  /**
   * One warning (`invalid_counts`) per enrolment left out for inconsistent counts, with the enrolment's `id` as
   * `pupilId` and its index in the input as the first element of `path`.
   */
  readonly issues: readonly AttendanceIssue[];
  /** Possible sessions, summed over included enrolments. */
  readonly possible: number;
  /** Attended sessions (present plus approved educational activity), summed over included enrolments. */
  readonly attended: number;
  /** Absent sessions (authorised plus unauthorised), summed over included enrolments. */
  readonly absent: number;
  /** Authorised absence, summed over included enrolments. */
  readonly authorised: number;
  /** Unauthorised absence, summed over included enrolments. */
  readonly unauthorised: number;
  /** Attended sessions over possible sessions. */
  readonly attendanceRate: SessionRate;
  /** Overall absence (authorised plus unauthorised) over possible sessions. */
  readonly overallAbsenceRate: SessionRate;
  /** Authorised absence over possible sessions. */
  readonly authorisedRate: SessionRate;
  /** Unauthorised absence over possible sessions. */
  readonly unauthorisedRate: SessionRate;
  /** Included enrolments that are persistent absentees under the policy (severe absentees among them). */
  readonly persistentAbsentees: number;
  /** Included enrolments that are severely absent under the policy. */
  readonly severeAbsentees: number;
  /** Persistent absentees over included enrolments. */
  readonly persistentAbsenceRate: SessionRate;
  /** Severe absentees over included enrolments. */
  readonly severeAbsenceRate: SessionRate;
  /** For every band of the policy's band table, in the table's order, the included enrolments in it. */
  readonly bands: readonly CohortBandCount[];
}

/**
 * The figures of one group of a cohort: the enrolments sharing one value of each named attribute.
 *
 * @category Cohorts
 */
export interface CohortGroup extends CohortFigures {
  /** The group's value of each named attribute, `null` where its enrolments lack the attribute. */
  readonly key: Readonly<Record<string, CohortAttributeValue>>;
}

/**
 * A cohort broken down by attributes: the figures of every group present, and of the whole cohort.
 *
 * @category Cohorts
 */
export interface CohortBreakdown {
  /** The attributes grouped by, in the order given. */
  readonly attributes: readonly string[];
  /** One group for every combination of attribute values present, sorted by the values of the key. */
  readonly groups: readonly CohortGroup[];
  /** The figures of the whole cohort, equal to the groups' figures added together. */
  readonly overall: CohortFigures;
}

/**
 * A whole cohort's registers in columns: every pupil's code bytes in one buffer over session slots they share,
 * each pupil a span of those slots (so a joiner or leaver has a shorter one). Made by
 * {@link createCohortRegister} (or the importers in `school-attendance/io`), which check every mark once, so that
 * {@link analyseCohortRegister} can read it at the speed of the bytes.
 *
 * @remarks
 * Pupil `p`'s mark for slot `firstSlots[p] + k` is `codes[offsets[p] + k]`, for `k` below `lengths[p]`: a
 * {@link COMPACT_CODES} index, or 255 for a slot within the span that has no mark at all (counted as nothing,
 * as a missing mark object would be). Within a span, slot `s` is read against the 2024 code set from
 * `slots.first2024Index` on. One byte per mark plus 12 bytes per pupil.
 *
 * @category Cohorts
 */
export interface CohortRegister {
  /** The session slots the pupils share, in date order. */
  readonly slots: SessionSlots;
  /** The pupils, in the order of the columns. */
  readonly pupilIds: readonly string[];
  /** Every pupil's code bytes, one after another. */
  readonly codes: Uint8Array;
  /** Where each pupil's bytes start in `codes`. */
  readonly offsets: Uint32Array;
  /** The slot of each pupil's first byte. */
  readonly firstSlots: Uint32Array;
  /** The number of each pupil's bytes (slots from the first to the last of their marks). */
  readonly lengths: Uint32Array;
  /** Problems found while building that did not stop it, e.g. a second mark for a session resolved by precedence. */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * What {@link analyseCohortRegister} computes, and how.
 *
 * @category Cohorts
 */
export interface AnalyseCohortRegisterOptions {
  /**
   * The policy whose persistent and severe absence thresholds and band table are applied.
   *
   * @defaultValue `DFE_POLICY`
   */
  readonly policy?: AttendancePolicy;
  /** The calendar that places slots in school weeks, calendar weeks and days; needed for `windows`. */
  readonly calendar?: SchoolCalendar;
  /**
   * Rolling-window rules to apply to every pupil (at most 32), e.g. the policy's `penaltyNotice` and a lateness
   * policy's `persistentLateness`.
   *
   * @defaultValue none
   */
  readonly windows?: readonly WindowRule[];
  /** The last date to read: sessions after it are left out, as if the register ended there. */
  readonly asOf?: IsoDate;
  /** As {@link CountSessionsOptions.codeSet}. */
  readonly codeSet?: CountSessionsOptions['codeSet'];
  /** As {@link CountSessionsOptions.unmarked}. */
  readonly unmarked?: CountSessionsOptions['unmarked'];
}

/**
 * One column per session count, one entry per pupil.
 *
 * @category Cohorts
 */
export type CohortCountColumns = Readonly<
  Record<Exclude<keyof SessionCounts, 'byCode' | 'warnings'>, Int32Array>
>;

/**
 * One window rule's results, one entry per pupil.
 *
 * @category Cohorts
 */
export interface CohortWindowColumns {
  /** The rule. */
  readonly rule: WindowRule;
  /** Sessions the rule counted. */
  readonly counted: Int32Array;
  /** The largest count in any window. */
  readonly maximum: Int32Array;
  /** The slot at which the count first reached the threshold, or -1 (its date is `slots.dates[slot]`). */
  readonly firstReachedSlot: Int32Array;
}

/**
 * One pupil's figures as an object, made on request from the columns.
 *
 * @category Cohorts
 */
export interface CohortPupilFigures {
  /** The pupil. */
  readonly pupilId: string;
  /** The session counts, as {@link countSessions} gives them (with `byCode` and the pupil's warnings). */
  readonly counts: SessionCounts;
  /** The absence class, as {@link classifyAbsence} gives it. */
  readonly absenceClass: AbsenceClass;
  /** The band of the policy's table, or null when there were no possible sessions. */
  readonly band: Band | null;
  /** Per window rule: counted sessions, the maximum and the date and session the threshold was first reached. */
  readonly windows: readonly CohortPupilWindow[];
}

/**
 * One window rule's result for one pupil, in {@link CohortPupilFigures}.
 *
 * @category Cohorts
 */
export interface CohortPupilWindow {
  /** The rule. */
  readonly rule: WindowRule;
  /** Sessions the rule counted. */
  readonly counted: number;
  /** The largest count in any window. */
  readonly maximum: number;
  /** The session at which the count first reached the threshold, or null when it never did. */
  readonly firstReached: SessionSlot | null;
}

/**
 * Every pupil's figures as typed-array columns (one entry per pupil, in the register's order).
 *
 * @category Cohorts
 */
export interface CohortRegisterFigures {
  /** The register analysed. */
  readonly register: CohortRegister;
  /** The session counts. */
  readonly counts: CohortCountColumns;
  /** 0 neither, 1 persistent, 2 severe absence (severe absence is also persistent absence). */
  readonly absenceClass: Uint8Array;
  /** The index of the pupil's band in the policy's band table, or -1 with no possible sessions. */
  readonly band: Int16Array;
  /** Per window rule, in the order given. */
  readonly windows: readonly CohortWindowColumns[];
  /** Problems that did not stop the analysis (e.g. a legacy code after the 2024 cut-over), each naming its pupil. */
  readonly warnings: readonly AttendanceIssue[];
  /** The policy applied. */
  readonly policy: AttendancePolicy;
  /**
   * One pupil's figures as an object.
   *
   * @param pupil - The pupil's index in the register.
   * @returns The figures.
   */
  pupil(pupil: number): CohortPupilFigures;
}
