import type { IsoDate, SchoolCalendar, Session } from '../../src/index.js';

/**
 * A pattern of attendance that a synthetic pupil follows for the whole register.
 *
 * - `good-attender`: misses a day or two a term, nearly all illness.
 * - `typical`: some illness, the odd appointment, a little unauthorised absence and lateness.
 * - `persistent-absentee`: misses 11–25 % of sessions, a good share of it unauthorised.
 * - `severe-absentee`: misses half the sessions or more; some have a part-time timetable (C2), education
 *   arranged by the local authority (K) or a suspension (E).
 * - `term-time-holiday`: a typical attender whose family takes a block of unauthorised holiday (G) next to a
 *   half-term or end-of-term break.
 * - `persistent-late`: often late before the register closes (L) and regularly after it (U).
 * - `monday-friday`: absence concentrated on Mondays and Fridays.
 * - `improving`: high absence early in the register, then good attendance.
 * - `declining`: good attendance, then high absence from a point that varies from pupil to pupil.
 */
export type SyntheticProfile =
  | 'good-attender'
  | 'typical'
  | 'persistent-absentee'
  | 'severe-absentee'
  | 'term-time-holiday'
  | 'persistent-late'
  | 'monday-friday'
  | 'improving'
  | 'declining';

/** Relative weights of the profiles; a profile left out (or weighted 0) is never chosen. */
export type SyntheticProfileMix = Readonly<Partial<Record<SyntheticProfile, number>>>;

/** What to generate. The same options always give the same pupils and marks. */
export interface SyntheticRegisterOptions {
  /** How many pupils. */
  readonly pupils: number;
  /** The seed: any 32-bit integer. */
  readonly seed: number;
  /** The school calendar whose sessions are marked, from `defineSchoolCalendar`. */
  readonly calendar: SchoolCalendar;
  /** The first date marked; the calendar's first day when left out. */
  readonly from?: IsoDate;
  /** The last date marked; the calendar's last day when left out. */
  readonly to?: IsoDate;
  /**
   * Put before the pupil's number to make its id: `'P'` gives `P0001` (at least four digits, more for 10,000
   * pupils or more).
   *
   * @defaultValue `'P'`
   */
  readonly pupilIdPrefix?: string;
  /** The profile weights; the mix in `DEFAULT_PROFILE_MIX` when left out. A given mix replaces it whole. */
  readonly profileMix?: SyntheticProfileMix;
  /**
   * The national curriculum year groups pupils are spread over, evenly.
   *
   * @defaultValue Years 1 to 11
   */
  readonly yearGroups?: readonly number[];
  /**
   * The share of pupils who join after the first day (marked `Z` before).
   *
   * @defaultValue `0.03`
   */
  readonly midYearJoinerShare?: number;
}

/** A synthetic pupil. Nothing here is real: ids, UPNs and dates of birth are made up. */
export interface SyntheticPupil {
  /** The pupil's id, e.g. `P0001`. */
  readonly pupilId: string;
  /**
   * A made-up 13-character UPN: a letter and 12 digits. The letter is not computed as a UPN check letter, so
   * most of these fail a UPN validity check, which is deliberate.
   */
  readonly upn: string;
  /** The national curriculum year group in the school year of the first date marked (1 for Year 1). */
  readonly yearGroup: number;
  /** A date of birth that places the pupil in `yearGroup` (born 1 September to 31 August). */
  readonly dateOfBirth: IsoDate;
  /** Eligible for free school meals. */
  readonly fsm: boolean;
  /** Special educational needs provision: none, SEN support (`K`) or an EHC plan (`E`). */
  readonly sen: 'none' | 'K' | 'E';
  /** The attendance pattern the pupil's marks follow. */
  readonly profile: SyntheticProfile;
  /** The first day on roll, when the pupil joined after the first date marked. */
  readonly joinedOn?: IsoDate;
}

/** One generated register mark. */
export interface SyntheticMark {
  /** The pupil's id. */
  readonly pupilId: string;
  /** The school date. */
  readonly date: IsoDate;
  /** The session. */
  readonly session: Session;
  /** The register code. */
  readonly code: string;
  /** Minutes after the register opened, on `L` and `U` marks. */
  readonly minutesLate?: number;
}
