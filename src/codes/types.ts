import type { IsoDate } from '../calendar/types.js';

/**
 * How DfE statistics count a register code.
 *
 * - `present`: attending the school (`/`, `\`, `L`).
 * - `approved-educational-activity`: attending approved off-site education (counts as attendance).
 * - `authorised`: authorised absence.
 * - `unauthorised`: unauthorised absence.
 * - `not-possible`: not a possible session (neither attendance nor absence).
 *
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Codes
 */
export type StatisticalCategory =
  'present' | 'approved-educational-activity' | 'authorised' | 'unauthorised' | 'not-possible';

/**
 * The code set a mark is read against: the 2024 Regulations' codes (from 19 August 2024), or the codes of the
 * 2006 Regulations as amended (before it).
 *
 * @category Codes
 */
export type CodeSetId = '2024' | 'pre-2024';

/**
 * The group a code is listed under in the DfE guidance (2024 groups), or in the 2006-era guidance.
 *
 * @category Codes
 */
export type CodeGroup =
  | 'attending-the-school'
  | 'attending-a-place-other-than-the-school'
  | 'leave-of-absence'
  | 'absent-other-authorised-reasons'
  | 'unable-to-attend-unavoidable-cause'
  | 'unauthorised-absence'
  | 'administrative'
  | 'present'
  | 'approved-educational-activity'
  | 'authorised-absence'
  | 'attendance-not-required';

/**
 * One row of a register code table: what a code means and how it counts.
 *
 * @category Codes
 */
export interface RegisterCodeDefinition {
  /** The code as written in the register, e.g. `'C1'`. */
  readonly code: RegisterCode;
  /** What the code records, paraphrased from the regulations and guidance. */
  readonly meaning: string;
  /** The group the guidance lists the code under. */
  readonly group: CodeGroup;
  /** How DfE statistics count it. */
  readonly category: StatisticalCategory;
  /** Whether the session is a possible session (counts as attendance or absence). */
  readonly possibleSession: boolean;
  /** Whether the code counts toward the penalty-notice threshold by default (national framework: G, N, O, U). */
  readonly countsTowardPenaltyNotice: boolean;
  /** The code set the row belongs to. */
  readonly codeSet: CodeSetId;
  /** The first day the code is valid in this set. */
  readonly validFrom: IsoDate;
  /** The last day the code is valid in this set; `null` while it is in force. */
  readonly validTo: IsoDate | null;
  /** Where the meaning and treatment come from. */
  readonly source: string;
  /** History worth knowing, e.g. a change of treatment. */
  readonly notes?: string;
}

/**
 * Every register code of either code set, and `'-'` for "no mark yet": the keys of
 * {@link SessionCounts.byCode} and the entries of {@link COMPACT_CODES}.
 *
 * @category Codes
 */
export type RegisterCode =
  | '-'
  | '/'
  | '\\'
  | 'L'
  | 'K'
  | 'V'
  | 'P'
  | 'W'
  | 'B'
  | 'D'
  | 'C1'
  | 'M'
  | 'J1'
  | 'S'
  | 'X'
  | 'C2'
  | 'C'
  | 'T'
  | 'R'
  | 'I'
  | 'E'
  | 'Q'
  | 'Y1'
  | 'Y2'
  | 'Y3'
  | 'Y4'
  | 'Y5'
  | 'Y6'
  | 'Y7'
  | 'G'
  | 'N'
  | 'O'
  | 'U'
  | 'Z'
  | '#'
  | 'J'
  | 'F'
  | 'H'
  | 'Y';
