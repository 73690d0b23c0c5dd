import type { IsoDate } from '../calendar/types.js';
import type { PenaltyNoticePaymentOption, PenaltyNoticeRegime } from './types.js';

function option(amountPence: number, payWithinDays: number): PenaltyNoticePaymentOption {
  return Object.freeze({ amountPence, payWithinDays });
}

function regime(row: PenaltyNoticeRegime): PenaltyNoticeRegime {
  return Object.freeze({
    ...row,
    firstNotice: Object.freeze([...row.firstNotice]),
    laterNotice: Object.freeze([...row.laterNotice]),
  });
}

// A regime without a national limit: every notice is paid as a first notice.
function withoutLimit(
  row: Pick<PenaltyNoticeRegime, 'id' | 'name' | 'from' | 'to' | 'firstNotice' | 'source'>
): PenaltyNoticeRegime {
  return regime({
    ...row,
    laterNotice: row.firstNotice,
    maximumNoticesInLookback: null,
    lookbackYears: null,
    countingFrom: null,
  });
}

/**
 * The penalty-notice amounts of schools in England since penalty notices began, newest first: amounts in whole
 * pence, payment periods in days from receipt, and the national limit on notices from 19 August 2024.
 *
 * - From 19 August 2024 (national framework): a first notice is £80 if paid within 21 days, £160 within 28; a
 *   second notice to the same parent for the same child within 3 years is £160 within 28 days, with no reduced
 *   amount; no third notice within 3 years. Only notices issued on or after 19 August 2024 count, and withdrawn
 *   notices never do.
 * - 1 September 2013 to 18 August 2024: £60 within 21 days, £120 within 28 days; no national limit.
 * - 1 September 2012 to 31 August 2013: £60 within 28 days, £120 within 42 days; no national limit.
 * - 27 February 2004 (the first penalty notices) to 31 August 2012: £50 within 28 days, £100 within 42 days; no
 *   national limit.
 *
 * @remarks
 * Rows are chosen by the issue date of the notice. Each row cites its source in `source`. The table is frozen:
 * {@link assessPenaltyNotice} returns its rows, so they can be shared safely.
 *
 * @example
 * PENALTY_NOTICE_REGIMES[0]?.firstNotice
 * //=> [{ amountPence: 8000, payWithinDays: 21 }, { amountPence: 16000, payWithinDays: 28 }]
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/made} (SI 2024/210, in force 19 August 2024)
 * @see {@link https://www.legislation.gov.uk/uksi/2007/1867/contents} (the Education (Penalty Notices) (England) Regulations 2007, reg 4 as amended in 2012, 2013 and 2024)
 * @see {@link https://www.legislation.gov.uk/uksi/2004/181/made} (SI 2004/181, in force 27 February 2004)
 * @category Penalty notices
 */
export const PENALTY_NOTICE_REGIMES: readonly PenaltyNoticeRegime[] = Object.freeze([
  /**
   * The national framework from 19 August 2024: the Education (Penalty Notices) (England) (Amendment)
   * Regulations 2024 (SI 2024/210) set the amounts and the 21-day period "beginning with the date on which the
   * notice is received"; the DfE guidance Working together to improve school attendance (as restated in local
   * authorities' codes of conduct) sets the limit of 2 notices per parent per child in a rolling 3 years,
   * counting notices issued from 19 August 2024, unpaid ones included and withdrawn ones excluded.
   */
  regime({
    id: 'national-framework-2024',
    name: 'National framework (from 19 August 2024)',
    from: '2024-08-19' as IsoDate,
    to: null,
    firstNotice: [option(8000, 21), option(16000, 28)],
    laterNotice: [option(16000, 28)],
    maximumNoticesInLookback: 2,
    lookbackYears: 3,
    countingFrom: '2024-08-19' as IsoDate,
    source:
      'SI 2024/210 (amounts; 21-day period beginning with the date the notice is received); DfE Working together to improve school attendance (2024), national framework for penalty notices (limit of 2 per parent per child in 3 years, from 19 August 2024; withdrawn notices do not count)',
  }),
  /**
   * 1 September 2013 to 18 August 2024: the Education (Penalty Notices) (England) (Amendment) Regulations 2013
   * shortened the periods to 21 and 28 days; local codes of conduct set any limits.
   */
  withoutLimit({
    id: 'regulations-2013',
    name: 'Regulations 2013 (1 September 2013 to 18 August 2024)',
    from: '2013-09-01' as IsoDate,
    to: '2024-08-18' as IsoDate,
    firstNotice: [option(6000, 21), option(12000, 28)],
    source:
      'Education (Penalty Notices) (England) (Amendment) Regulations 2013, amending reg 4 of SI 2007/1867: £60 within 21 days, £120 within 28 days',
  }),
  /**
   * 1 September 2012 to 31 August 2013: the Education (Penalty Notices) (England) (Amendment) Regulations 2012
   * raised the amounts, keeping the 28 and 42-day periods.
   */
  withoutLimit({
    id: 'regulations-2012',
    name: 'Regulations 2012 (1 September 2012 to 31 August 2013)',
    from: '2012-09-01' as IsoDate,
    to: '2013-08-31' as IsoDate,
    firstNotice: [option(6000, 28), option(12000, 42)],
    source:
      'Education (Penalty Notices) (England) (Amendment) Regulations 2012, amending reg 4 of SI 2007/1867; DfE, Penalty notices (2012): £60 within 28 days, £120 within 42 days',
  }),
  /**
   * 27 February 2004 to 31 August 2012: the first penalty notices, under the Education (Penalty Notices)
   * (England) Regulations 2004 (SI 2004/181), replaced from 1 September 2007 by the 2007 Regulations
   * (SI 2007/1867) with the same amounts.
   */
  withoutLimit({
    id: 'regulations-2004',
    name: 'Regulations 2004 and 2007 (27 February 2004 to 31 August 2012)',
    from: '2004-02-27' as IsoDate,
    to: '2012-08-31' as IsoDate,
    firstNotice: [option(5000, 28), option(10000, 42)],
    source:
      'SI 2004/181 (in force 27 February 2004) and SI 2007/1867 (from 1 September 2007); DfE, Penalty notices (2012): £50 within 28 days, £100 within 42 days',
  }),
]);
