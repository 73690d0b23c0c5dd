import type { IsoDate } from '../calendar/types.js';
import { invalidArgument } from '../_internal/issues.js';

/**
 * Leaves out the marks dated from one date to another, both included, keeping the others in their order: for
 * DfE's rule that the second half of the summer term is removed for pupils aged 15 at the start of the year.
 *
 * @remarks
 * DfE removes both the possible sessions and the absence of Year 11 pupils (aged 15 on 31 August before the year)
 * in the second half of the summer term, when they are leaving. The rule concerns marks, so it is applied before
 * counting: leave those marks out, then pass the rest to {@link countSessions} and the counts to
 * {@link aggregateCohort}. The dates of the half-term come from the school calendar ({@link findHalfTerm}).
 *
 * @typeParam Mark - The kind of mark, e.g. {@link SessionMark}; any object with a `date`.
 * @param marks - The marks of one or more enrolments.
 * @param from - The first date to leave out.
 * @param to - The last date to leave out, on or after `from`.
 * @returns A new array of the marks dated before `from` or after `to`.
 * @throws {@link AttendanceError} If `to` is before `from`.
 * @example
 * const marks = [
 *   { date: isoDate('2025-05-23'), session: 'AM', code: 'O' },
 *   { date: isoDate('2025-06-02'), session: 'AM', code: 'O' },
 * ] as const;
 * excludeDates(marks, isoDate('2025-06-02'), isoDate('2025-07-22')).map((mark) => mark.date) //=> ['2025-05-23']
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: Year 11 second half of summer term removed)
 * @category Cohorts
 */
export function excludeDates<
  Mark extends {
    /** The school date of the mark. */
    readonly date: IsoDate;
  },
>(marks: readonly Mark[], from: IsoDate, to: IsoDate): Mark[] {
  if (to < from) {
    invalidArgument({
      code: 'invalid_value',
      message: `The last date to leave out (${to}) is before the first (${from}).`,
      path: ['to'],
      field: 'to',
      expected: `a date on or after ${from}`,
      received: to,
    });
  }
  // ISO dates order as strings, so no date is parsed.
  return marks.filter((mark) => mark.date < from || mark.date > to);
}
