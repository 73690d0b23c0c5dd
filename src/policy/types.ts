import type { PercentageFormat } from '../sessions/toPercentage.js';
import type { WindowRule } from '../windows/types.js';

/**
 * A threshold on the share of possible sessions missed, compared exactly on whole sessions.
 *
 * @category Policy
 */
export interface AbsenceThreshold {
  /** The threshold as a percentage of possible sessions missed, with at most two decimal places. */
  readonly percent: number;
  /**
   * `'at-least'` flags a pupil whose absence equals the threshold (DfE: "10 per cent or more"); `'more-than'`
   * does not, as in policies worded on attendance ("below 90 % attendance" means absence above 10 %).
   */
  readonly comparison: 'at-least' | 'more-than';
  /** Pupils with fewer possible sessions than this are never flagged (DfE's live figures leave out 10 or fewer). */
  readonly minimumPossibleSessions: number;
}

/**
 * One band of a {@link BandTable}: the rates from `from` to `to`, each end included or not, so that every
 * boundary belongs to exactly one band.
 *
 * @category Policy
 */
export interface Band {
  /** A stable identifier, e.g. `'persistent'`. */
  readonly id: string;
  /** The label shown to people, e.g. `'Persistent absentee'`. */
  readonly label: string;
  /** The lower end, as a percentage with at most two decimals. */
  readonly from: number;
  /** Whether a rate equal to `from` is in this band. */
  readonly fromInclusive: boolean;
  /** The upper end, as a percentage with at most two decimals. */
  readonly to: number;
  /** Whether a rate equal to `to` is in this band. */
  readonly toInclusive: boolean;
  /** A display colour, where the policy gives one (e.g. RAG letters). */
  readonly colour?: string;
}

/**
 * A table of bands over attendance or absence rates that covers 0–100 % with no gap and no overlap. Build one
 * with {@link defineBandTable}, which checks that.
 *
 * @category Policy
 */
export interface BandTable {
  /** A stable identifier, e.g. `'dfe-absence-5'`. */
  readonly id: string;
  /** A name for people. */
  readonly name: string;
  /** Which rate the bands are over. */
  readonly measure: 'attendance' | 'absence';
  /** Where the bands come from, and how any inconsistency in the source was resolved. */
  readonly source: string;
  /** The bands in ascending order of rate. */
  readonly bands: readonly Band[];
}

/**
 * Every number a school, trust or local authority may set for the rules in this library. Build one with
 * {@link definePolicy}, which starts from the DfE defaults and validates.
 *
 * @category Policy
 */
export interface AttendancePolicy {
  /** A name for the policy, e.g. `'dfe'`. */
  readonly name: string;
  /** When a pupil is a persistent absentee. */
  readonly persistentAbsence: AbsenceThreshold;
  /** When a pupil is severely absent; its percentage is never below the persistent one. */
  readonly severeAbsence: AbsenceThreshold;
  /** How percentages are displayed. */
  readonly display: Required<PercentageFormat>;
  /** The policy's main band table. */
  readonly bands: BandTable;
  /** A second band table for letter colours, where the policy has one. */
  readonly letterColours?: BandTable;
  /** The penalty-notice threshold: a rolling window over unauthorised sessions. */
  readonly penaltyNotice: WindowRule;
}

/**
 * Changes to make to a policy in {@link definePolicy}: any field may be left out; band tables are replaced
 * whole, never merged band by band.
 *
 * @category Policy
 */
export interface PolicyOverrides {
  /** A new name. */
  readonly name?: string;
  /** Changes to the persistent-absence threshold. */
  readonly persistentAbsence?: Partial<AbsenceThreshold>;
  /** Changes to the severe-absence threshold. */
  readonly severeAbsence?: Partial<AbsenceThreshold>;
  /** Changes to the display format. */
  readonly display?: PercentageFormat;
  /** A replacement main band table. */
  readonly bands?: BandTable;
  /** A replacement letter-colour table. */
  readonly letterColours?: BandTable;
  /** A replacement penalty-notice rule (replaced whole). */
  readonly penaltyNotice?: WindowRule;
}
