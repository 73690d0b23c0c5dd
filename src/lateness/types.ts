import type { HalfTermInfo, IsoDate } from '../calendar/types.js';
import type { RollingWindowResult, WindowRule } from '../windows/types.js';

/**
 * The two late codes: `L` (late, arrived before the register closed: present) and `U` (arrived after the
 * register closed: unauthorised absence).
 *
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10, Table 1: codes L and U)
 * @category Lateness
 */
export type LateCode = 'L' | 'U';

/**
 * The code an arrival time gives: `/` (present, morning) or `\` (present, afternoon) when on time, `L` or `U` when
 * late.
 *
 * @category Lateness
 */
export type LateMarkCode = '/' | '\\' | LateCode;

/**
 * When a session's register opens and closes, as 24-hour `HH:MM` times.
 *
 * @category Lateness
 */
export interface RegisterTimes {
  /** When the register opens: arriving at or before this time is on time. */
  readonly registerOpens: string;
  /**
   * When the register closes: arriving after `registerOpens` up to and including this time is `L`; later is `U`.
   * No more than 30 minutes after `registerOpens`.
   */
  readonly registerCloses: string;
}

/**
 * An action a school takes when a pupil's late marks in one half-term reach a number, e.g. a letter at the third.
 *
 * @category Lateness
 */
export interface LatenessAction {
  /** The late codes counted towards the action: `['L']`, `['U']` or both. */
  readonly codes: readonly LateCode[];
  /** The number of counted marks in one half-term at which the action is taken (a positive whole number). */
  readonly atLeast: number;
  /**
   * The last number of counted marks the action covers, when the policy gives a range (e.g. "three to six late
   * marks"); left out when it has no upper end. Never below `atLeast`.
   */
  readonly atMost?: number;
  /** A stable identifier for software, e.g. `'lateness-letter'`. */
  readonly action: string;
  /** What happens, for people, e.g. `'Letter to parents/carers listing the dates of the late marks'`. */
  readonly label: string;
}

/**
 * A school's lateness rules: when the register opens and closes, the actions taken on the number of late marks in
 * a half-term, and the rolling window that defines persistent lateness. Check one with
 * {@link defineLatenessPolicy}; {@link HCAT_LATENESS_POLICY} is a preset.
 *
 * @category Lateness
 */
export interface LatenessPolicy {
  /** When the register opens, as a 24-hour `HH:MM` time: arriving at or before it is on time. */
  readonly registerOpens: string;
  /**
   * When the register closes, as a 24-hour `HH:MM` time: arriving after `registerOpens` up to and including it is
   * `L`, later is `U`. DfE guidance: the register may stay open no longer than 30 minutes.
   *
   * @see {@link DFE_REGISTER_MAXIMUM_OPEN_MINUTES}
   */
  readonly registerCloses: string;
  /**
   * The afternoon register's times, when they differ from the morning's; left out, afternoon arrivals are read
   * against `registerOpens` and `registerCloses` too.
   */
  readonly afternoonRegister?: RegisterTimes;
  /** The actions triggered by the number of late marks in one half-term, in the order they are reported. */
  readonly halfTermActions: readonly LatenessAction[];
  /** Persistent lateness: a rolling window over `U` marks (or other codes), e.g. 10 within 12 weeks. */
  readonly persistentLateness: WindowRule;
}

/**
 * What an arrival time gives under a lateness policy: the register code and the minutes late.
 *
 * @category Lateness
 */
export interface LateMark {
  /** `/` or `\` when on time, `L` when late before the register closed, `U` when after. */
  readonly code: LateMarkCode;
  /** Whole minutes after the register opened; 0 when on time. */
  readonly minutesLate: number;
}

/**
 * A half-term action that a pupil's late marks reached.
 *
 * @category Lateness
 */
export interface LatenessActionReached {
  /** The action's identifier, from the policy. */
  readonly action: string;
  /** The action's label, from the policy. */
  readonly label: string;
  /** The date of the mark that brought the half-term's count to the action's `atLeast`. */
  readonly reachedOn: IsoDate;
}

/**
 * One half-term's late marks for one pupil.
 *
 * @category Lateness
 */
export interface HalfTermLateness {
  /** The half-term. */
  readonly halfTerm: HalfTermInfo;
  /** Sessions recorded `L` (late before the register closed). */
  readonly late: number;
  /** Sessions recorded `U` (late after the register closed). */
  readonly lateAfterRegisterClosed: number;
  /** The date of each `L` session, in date order; a date appears twice when both its sessions are `L`. */
  readonly lateDates: readonly IsoDate[];
  /** The date of each `U` session, in date order; a date appears twice when both its sessions are `U`. */
  readonly lateAfterRegisterClosedDates: readonly IsoDate[];
  /** The minutes late recorded on the half-term's `L` and `U` marks, summed (0 when none recorded any). */
  readonly minutesLate: number;
  /** How many of the half-term's `L` and `U` marks recorded minutes late (the rest add nothing to `minutesLate`). */
  readonly lateMarksWithMinutes: number;
  /** The policy's half-term actions reached, in the order they were reached (policy order on the same mark). */
  readonly actions: readonly LatenessActionReached[];
}

/**
 * A pupil's lateness over a register: per half-term counts and actions, totals, and persistent lateness.
 *
 * @category Lateness
 */
export interface LatenessCounts {
  /** One row for each half-term with at least one `L` or `U` mark, in date order. */
  readonly halfTerms: readonly HalfTermLateness[];
  /** All `L` sessions. */
  readonly late: number;
  /** All `U` sessions. */
  readonly lateAfterRegisterClosed: number;
  /** All minutes late recorded on `L` and `U` marks. */
  readonly minutesLate: number;
  /** How many `L` and `U` marks recorded minutes late. */
  readonly lateMarksWithMinutes: number;
  /** The policy's persistent-lateness window over the whole register. */
  readonly persistentLateness: RollingWindowResult;
}
