import type { IsoDate } from '../calendar/types.js';

/**
 * Where a penalty notice stands.
 *
 * - `issued`: issued; the payment period may still be running.
 * - `paid`: paid within the payment period.
 * - `unpaid`: not paid within the payment period (whether or not a prosecution followed).
 * - `withdrawn`: withdrawn by the local authority; it never counts toward the limit on notices.
 *
 * @category Penalty notices
 */
export type PenaltyNoticeStatus = 'issued' | 'paid' | 'unpaid' | 'withdrawn';

/**
 * One penalty notice issued to one parent in respect of one child, as kept in a local authority's history.
 *
 * @category Penalty notices
 */
export interface PenaltyNoticeRecord {
  /** The notice's own reference; unique within a history. */
  readonly id: string;
  /** The parent the notice was issued to. Each parent liable for the absence receives a notice of their own. */
  readonly parentId: string;
  /** The child whose absence the notice was issued for. */
  readonly pupilId: string;
  /** The date the notice was issued. */
  readonly issuedOn: IsoDate;
  /** Whether the notice is issued, paid, unpaid or withdrawn. */
  readonly status: PenaltyNoticeStatus;
  /** The date the penalty was paid, where it was. Informational only: it never changes an assessment. */
  readonly paidOn?: IsoDate;
}

/**
 * One way to pay a penalty notice: an amount, due within a number of days of the notice being received.
 *
 * @category Penalty notices
 */
export interface PenaltyNoticePaymentOption {
  /** The amount in whole pence, e.g. `8000` for £80. */
  readonly amountPence: number;
  /** The number of days, counting the day the notice is received as the first, within which it must be paid. */
  readonly payWithinDays: number;
}

/**
 * A payment option with the last day on which it can be paid, from {@link toPaymentDueDates}.
 *
 * @category Penalty notices
 */
export interface PenaltyNoticePaymentDueDate extends PenaltyNoticePaymentOption {
  /** The last day to pay this amount: the day of receipt plus `payWithinDays` − 1. */
  readonly lastDayToPay: IsoDate;
}

/**
 * One row of the penalty-notice amounts table: the amounts and payment periods that apply to notices issued
 * between two dates, and the limit, if any, on notices to the same parent for the same child.
 *
 * @category Penalty notices
 */
export interface PenaltyNoticeRegime {
  /** A stable identifier, e.g. `'national-framework-2024'`. */
  readonly id: string;
  /** A short name for people. */
  readonly name: string;
  /** The first issue date the row applies to. */
  readonly from: IsoDate;
  /** The last issue date the row applies to; `null` while it is still in force. */
  readonly to: IsoDate | null;
  /** The ways to pay a first notice, shortest period first. */
  readonly firstNotice: readonly PenaltyNoticePaymentOption[];
  /**
   * The ways to pay a later notice to the same parent for the same child within the lookback, shortest period
   * first. Where the row has no limit on notices, the same as `firstNotice`.
   */
  readonly laterNotice: readonly PenaltyNoticePaymentOption[];
  /**
   * The most notices a parent may receive for the same child within the lookback; a further one is not allowed.
   * `null` where no national limit applies (each notice is then treated as a first notice).
   */
  readonly maximumNoticesInLookback: number | null;
  /**
   * The length of the lookback in years, ending on the proposed issue date; `null` where there is no limit, or
   * (with a limit) where every notice since `countingFrom` counts.
   */
  readonly lookbackYears: number | null;
  /** The first issue date of the notices that count toward the limit; `null` where none count or all do. */
  readonly countingFrom: IsoDate | null;
  /** The legislation or guidance the row is taken from. */
  readonly source: string;
}

/**
 * The notice a caseworker proposes to issue, for {@link assessPenaltyNotice}.
 *
 * @category Penalty notices
 */
export interface ProposedPenaltyNotice {
  /** The parent the notice would be issued to. */
  readonly parentId: string;
  /** The child whose absence it would be issued for. */
  readonly pupilId: string;
  /** The date it would be issued; the regime and the lookback are read from this date. */
  readonly proposedIssueDate: IsoDate;
}

/**
 * The first and last issue dates whose notices count toward the limit, both included.
 *
 * @category Penalty notices
 */
export interface PenaltyNoticeCountingPeriod {
  /** The first issue date that counts. */
  readonly from: IsoDate;
  /** The last issue date that counts: the proposed issue date. */
  readonly to: IsoDate;
}

/**
 * What {@link assessPenaltyNotice} found: the notice may be issued (with its number and payment options), it is
 * not allowed because the limit has been reached (with the other actions open to the authority), or no
 * penalty-notice regime covers the proposed date.
 *
 * @remarks
 * Plain, JSON-safe data. Both `may-issue` and `not-allowed` list the notices that were counted, oldest first, so
 * a caseworker can check the result against the records.
 *
 * @category Penalty notices
 */
export type PenaltyNoticeAssessment =
  | {
      /** A notice may be issued to this parent for this child on the proposed date. */
      readonly outcome: 'may-issue';
      /** `1` for a first notice, `2` for a later notice within the lookback (no reduced amount). */
      readonly noticeNumber: 1 | 2;
      /** The regime in force on the proposed issue date. */
      readonly regime: PenaltyNoticeRegime;
      /** The ways the notice may be paid, shortest period first. */
      readonly paymentOptions: readonly PenaltyNoticePaymentOption[];
      /** The earlier notices that count toward the limit, oldest first; empty where the regime has no limit. */
      readonly countedNotices: readonly PenaltyNoticeRecord[];
      /** The issue dates that were searched for earlier notices; `null` where the regime has no limit. */
      readonly countingPeriod: PenaltyNoticeCountingPeriod | null;
    }
  | {
      /** The notice may not be issued. */
      readonly outcome: 'not-allowed';
      /** The parent has already received the most notices allowed for this child within the lookback. */
      readonly reason: 'limit-reached';
      /** The regime in force on the proposed issue date. */
      readonly regime: PenaltyNoticeRegime;
      /** The earlier notices that count toward the limit, oldest first. */
      readonly countedNotices: readonly PenaltyNoticeRecord[];
      /** The issue dates that were searched for earlier notices. */
      readonly countingPeriod: PenaltyNoticeCountingPeriod;
      /** The other actions open to the local authority, in words. */
      readonly otherAction: readonly string[];
    }
  | {
      /** No penalty-notice regime covers the proposed issue date (it is before 27 February 2004). */
      readonly outcome: 'no-regime';
    };
