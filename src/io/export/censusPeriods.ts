import { isIsoDate } from '../../calendar/isIsoDate.js';
import type { IsoDate } from '../../calendar/types.js';
import { addIsoDays, isoWeekdayOf } from '../../_internal/dates.js';
import { invalidArgument } from '../../_internal/issues.js';
import { easterSunday } from './_internal/easterSunday.js';
import type { CensusPeriods } from './types.js';

/**
 * How {@link censusPeriods} places the spring bank holiday.
 *
 * @category Export
 */
export interface CensusPeriodsOptions {
  /**
   * The spring bank holiday, where it was moved from the last Monday in May by proclamation: for royal
   * jubilees it fell on Tuesday 4 June 2002, Monday 4 June 2012 and Thursday 2 June 2022. Whether the census
   * followed a moved holiday is not stated in the published methodology, so the default is the usual rule.
   *
   * @defaultValue the last Monday in May
   */
  readonly springBankHoliday?: IsoDate;
}

const FIRST_YEAR = 1583;
const LAST_YEAR = 9998;
const MONDAY = 1;

function isoDateOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}

/** 31 May stepped back to the Monday on or before it. */
function lastMondayInMay(year: number): IsoDate {
  const thirtyFirstOfMay = isoDateOf(year, 5, 31);
  return addIsoDays(thirtyFirstOfMay, -((isoWeekdayOf(thirtyFirstOfMay) - MONDAY + 7) % 7));
}

/**
 * The school census attendance collection periods of one school year: the autumn term, the spring term, the
 * two halves of the summer term, and the whole year.
 *
 * @remarks
 * DfE collects attendance one term in arrears: the spring census carries the autumn term (1 August to
 * 31 December), the summer census the spring term (1 January to Easter Sunday), and the next autumn census the
 * first half of the summer term (Easter Monday to the Sunday before the spring bank holiday) and, separately,
 * the second half (the spring bank holiday, the last Monday in May, to 31 July). Easter Sunday is worked out by
 * the Gregorian computus. With a moved bank holiday the first half ends the day before it. The periods are fixed by date, not by a school's own term dates, so together they
 * cover the year with no gap and no overlap.
 *
 * @param schoolYearStartYear - The calendar year the school year starts in, e.g. `2024` for 2024/25.
 * @param options - A moved spring bank holiday.
 * @returns The five periods, each with its first and last date.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If the year is not a whole number from 1583 to 9998, or the spring bank
 * holiday given is not a date in May or June of the year the school year ends in.
 * @example
 * const periods = censusPeriods(2024);
 * periods.spring //=> { from: '2025-01-01', to: '2025-04-20' }
 * periods.summerFirstHalf //=> { from: '2025-04-21', to: '2025-05-25' }
 * periods.summerSecondHalf //=> { from: '2025-05-26', to: '2025-07-31' }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: census collection periods)
 * @category Export
 */
export function censusPeriods(
  schoolYearStartYear: number,
  options: CensusPeriodsOptions = {}
): CensusPeriods {
  if (
    !Number.isInteger(schoolYearStartYear) ||
    schoolYearStartYear < FIRST_YEAR ||
    schoolYearStartYear > LAST_YEAR
  ) {
    return invalidArgument({
      code: 'invalid_value',
      message: `The school year must start in a whole-numbered year from ${FIRST_YEAR} to ${LAST_YEAR}; received ${String(schoolYearStartYear)}.`,
      path: ['schoolYearStartYear'],
      field: 'schoolYearStartYear',
      expected: `a whole number from ${FIRST_YEAR} to ${LAST_YEAR}`,
      received: String(schoolYearStartYear),
    });
  }
  const endYear = schoolYearStartYear + 1;
  const springBankHoliday = options.springBankHoliday ?? lastMondayInMay(endYear);
  const easter = easterSunday(endYear);
  const easterMonday = addIsoDays(easter, 1);
  // Easter Monday is at the latest 26 April, so a holiday in May or June always leaves a first half.
  const earliest = isoDateOf(endYear, 5, 1);
  const latest = isoDateOf(endYear, 6, 30);
  if (!isIsoDate(springBankHoliday) || springBankHoliday < earliest || springBankHoliday > latest) {
    return invalidArgument({
      code: 'invalid_value',
      message: `The spring bank holiday of ${schoolYearStartYear}/${String(endYear).slice(-2)} must be a date in May or June ${endYear}; received ${String(springBankHoliday)}.`,
      path: ['springBankHoliday'],
      field: 'springBankHoliday',
      expected: `a date from ${earliest} to ${latest}`,
      received: String(springBankHoliday),
    });
  }
  return {
    autumn: { from: isoDateOf(schoolYearStartYear, 8, 1), to: isoDateOf(schoolYearStartYear, 12, 31) },
    spring: { from: isoDateOf(endYear, 1, 1), to: easter },
    summerFirstHalf: { from: easterMonday, to: addIsoDays(springBankHoliday, -1) },
    summerSecondHalf: { from: springBankHoliday, to: isoDateOf(endYear, 7, 31) },
    year: { from: isoDateOf(schoolYearStartYear, 8, 1), to: isoDateOf(endYear, 7, 31) },
  };
}
