import type { IsoDate } from '../calendar/types.js';

/**
 * Where a school year begins, for deciding in which school year a child turns 16.
 *
 * @remarks
 * - `'1-september'`: every school year begins on 1 September. This is the common reading, used by local
 *   authorities and by the DfE's "16 by the end of the summer holidays".
 * - `{ autumnTermStarts }`: the strict reading of the Education Act 1996, whose school year begins with the first
 *   term to start after July. Give the first day of the autumn term for a calendar year, as a function of the
 *   year or as a record keyed by year; it must fall between 1 August and 31 December of that year.
 *
 * @category Age
 */
export type SchoolYearBoundary =
  | '1-september'
  | {
      /** The first day of the autumn term starting in each calendar year. */
      readonly autumnTermStarts: ((year: number) => IsoDate) | Readonly<Record<number, IsoDate>>;
    };

/**
 * Options for the end of compulsory school age.
 *
 * @category Age
 */
export interface CompulsorySchoolAgeOptions {
  /**
   * Where a school year begins.
   *
   * @defaultValue `'1-september'`
   */
  readonly schoolYearBoundary?: SchoolYearBoundary;
}
