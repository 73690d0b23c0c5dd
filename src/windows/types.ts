import type { IsoDate, Session } from '../calendar/types.js';
import type { RegisterCode } from '../codes/types.js';

/**
 * The unit a rolling window is measured in.
 *
 * - `school-weeks`: weeks with at least one session; holiday weeks are skipped, so a window runs on across
 *   holidays, terms and school years (the national penalty-notice framework).
 * - `calendar-weeks`: Monday-to-Sunday weeks, holidays included.
 * - `calendar-days`: days, holidays and weekends included.
 *
 * @category Windows
 */
export type WindowUnit = 'school-weeks' | 'calendar-weeks' | 'calendar-days';

/**
 * A rolling-window rule: count the sessions recorded with `codes` within `length` units ending at each session,
 * and say when the count reaches `threshold`.
 *
 * @category Windows
 */
export interface WindowRule {
  /** The window's length in `unit`s, counting the unit of the session it ends at. */
  readonly length: number;
  /** What the window is measured in. */
  readonly unit: WindowUnit;
  /** The number of counted sessions that reaches the rule. */
  readonly threshold: number;
  /** The codes whose sessions are counted. */
  readonly codes: readonly RegisterCode[];
  /** Sessions before this date are not counted (e.g. the national framework's start, 19 August 2024). */
  readonly countFrom?: IsoDate;
}

/**
 * One counted session in a window: what a letter lists.
 *
 * @category Windows
 */
export interface WindowMark {
  /** The session's date. */
  readonly date: IsoDate;
  /** The session. */
  readonly session: Session;
  /** The code recorded. */
  readonly code: RegisterCode;
}

/**
 * A window: the counted sessions within `length` units ending at its last session.
 *
 * @category Windows
 */
export interface WindowMatch {
  /** The number of counted sessions in the window. */
  readonly count: number;
  /** The first day of the window's period (the start of its first unit). */
  readonly periodStart: IsoDate;
  /** The date of the window's last counted session. */
  readonly periodEnd: IsoDate;
  /** The counted sessions, in register order. */
  readonly marks: readonly WindowMark[];
}

/**
 * What a rolling window found over a pupil's register.
 *
 * @category Windows
 */
export interface RollingWindowResult {
  /** The rule applied. */
  readonly rule: WindowRule;
  /** All counted sessions in the register (from `countFrom`). */
  readonly counted: number;
  /** The largest count in any window. */
  readonly maximum: number;
  /** Whether any window reaches the threshold. */
  readonly reached: boolean;
  /** The window at the session where the count first reached the threshold; its last date is that day. */
  readonly firstReached?: WindowMatch;
  /**
   * Every distinct window that reaches the threshold: each is maximal (it is not contained in the window ending
   * at the next counted session), in date order.
   */
  readonly windows: readonly WindowMatch[];
}
