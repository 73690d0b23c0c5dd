import type { IsoDate, Session } from '../calendar/types.js';
import type { RegisterCode } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';

/**
 * One register mark for one pupil's enrolment: the code recorded for a date and session.
 *
 * @category Sessions
 */
export interface SessionMark {
  /** The pupil, when marks of several pupils travel together; used to locate issues. */
  readonly pupilId?: string;
  /** The school date of the session. */
  readonly date: IsoDate;
  /** The morning or afternoon session. */
  readonly session: Session;
  /** The register code, e.g. `'/'`, `'L'`, `'C1'`; `'-'` or `''` when no mark has been entered yet. */
  readonly code: string;
  /** Minutes after the register opened that the pupil arrived, where recorded. */
  readonly minutesLate?: number;
}

/**
 * The ordered session slots of a period (each a date and session), shared by the compact registers of every
 * pupil on the same timetable. Made by {@link createSessionSlots}, which checks the order.
 *
 * @category Sessions
 */
export interface SessionSlots {
  /** The date of each slot, in ascending order. */
  readonly dates: readonly IsoDate[];
  /** The session of each slot; within a date, `AM` comes before `PM`. */
  readonly sessions: readonly Session[];
  /** The index of the first slot on or after 19 August 2024 (the length when there is none). */
  readonly first2024Index: number;
}

/**
 * The compact form of one enrolment's register: one byte per session slot, `codes[i]` being the
 * {@link COMPACT_CODES} index of the mark in slot `i` (0 when no mark has been entered).
 *
 * @remarks
 * The compact form exists for speed at trust scale: counting it touches one byte per mark and allocates
 * nothing per mark. {@link countSessions} gives identical results for both forms.
 *
 * @category Sessions
 */
export interface CompactRegister {
  /** The pupil, used to locate issues. */
  readonly pupilId?: string;
  /** The session slots the bytes refer to. */
  readonly slots: SessionSlots;
  /** One code byte per slot. */
  readonly codes: Uint8Array;
}

/**
 * Integer session counts for one enrolment over a period, as DfE statistics define them.
 *
 * @remarks
 * Invariants: `attended + absent = possible`; `present + approvedEducationalActivity = attended`;
 * `authorised + unauthorised = absent`. `late` (L) is included in `present`; `lateAfterRegisterClosed` (U) in
 * `unauthorised`.
 *
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Sessions
 */
export interface SessionCounts {
  /** Sessions the pupil could have attended: attendance plus absence. */
  readonly possible: number;
  /** Present plus approved educational activity. */
  readonly attended: number;
  /** Present in school: `/`, `\` and `L`. */
  readonly present: number;
  /** Approved educational activity off site: K, V, P, W, B (and the pre-2024 J). */
  readonly approvedEducationalActivity: number;
  /** Authorised absence: C1, M, J1, S, C2, C, T, R, I, E (and the pre-2024 H, F). */
  readonly authorised: number;
  /** Unauthorised absence: G, N, O, U. */
  readonly unauthorised: number;
  /** All absence: authorised plus unauthorised. */
  readonly absent: number;
  /** Sessions that are not possible: D, X, Q, Y1–Y7, Z, # (and the pre-2024 Y). */
  readonly notPossible: number;
  /** Sessions with no mark yet (`-` or empty): neither present nor absent. */
  readonly unmarked: number;
  /** Late before the register closed (`L`); these are also in `present`. */
  readonly late: number;
  /** Late after the register closed (`U`); these are also in `unauthorised`. */
  readonly lateAfterRegisterClosed: number;
  /**
   * The number of sessions recorded with each code, for every code of both code sets (zero where unused);
   * no mark yet is `'-'`.
   */
  readonly byCode: Readonly<Record<RegisterCode, number>>;
  /** Problems that did not stop the count, e.g. a legacy code after the 2024 cut-over. */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * The two counts an absence threshold is tested on; a {@link SessionCounts} has both.
 *
 * @category Sessions
 */
export interface AbsenceCounts {
  /** Possible sessions. */
  readonly possible: number;
  /** Absent sessions (authorised plus unauthorised). */
  readonly absent: number;
}

/**
 * An exact rate: `numerator / denominator` in whole sessions, or the explicit statement that there were no
 * possible sessions (never `NaN`).
 *
 * @category Sessions
 */
export type SessionRate =
  | {
      /** A rate exists. */
      readonly kind: 'rate';
      /** The sessions counted, e.g. absent sessions. */
      readonly numerator: number;
      /** The possible sessions (never 0). */
      readonly denominator: number;
    }
  | {
      /** There were no possible sessions, so no rate. */
      readonly kind: 'no-possible-sessions';
    };
