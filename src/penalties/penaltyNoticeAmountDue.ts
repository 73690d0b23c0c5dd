import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { isIsoDate } from '../calendar/isIsoDate.js';
import { throwIfErrors } from '../_internal/issues.js';
import { toPaymentDueDates } from './toPaymentDueDates.js';
import type { PenaltyNoticePaymentOption } from './types.js';

/**
 * What a penalty notice costs if paid on a given day, or that its payment period is over.
 *
 * @category Penalty notices
 */
export type PenaltyNoticeAmountDue =
  | {
      /** The notice can still be paid on that day. */
      readonly kind: 'payable';
      /** The amount in whole pence. */
      readonly amountPence: number;
      /** The last day that amount can be paid. */
      readonly lastDayToPay: IsoDate;
    }
  | {
      /** Every payment period ended before that day: the notice can no longer be paid. */
      readonly kind: 'period-ended';
      /** The last day the notice could have been paid. */
      readonly lastDayToPay: IsoDate;
      /**
       * What follows, in words: the local authority may prosecute the parent for the offence (section 444 of
       * the Education Act 1996), or withdraw the notice; it may not proceed before the period has ended.
       */
      readonly outcome: string;
    };

/**
 * The amount due on a penalty notice if paid on a given day: the lowest amount whose period includes that day
 * (£80 up to the 21st day from receipt, then £160 up to the 28th, for a first notice under the 2024 framework),
 * or, once every period has ended unpaid, that the local authority may prosecute. Periods are counted as
 * {@link toPaymentDueDates} counts them, the day of receipt being day 1.
 *
 * @param paymentOptions - The notice's payment options, e.g. from {@link assessPenaltyNotice}.
 * @param receivedOn - The date the parent received the notice.
 * @param paidOn - The day of payment (or the day asked about, such as today).
 * @returns The amount and its last day, or that the period has ended and what follows.
 * @throws {@link AttendanceError} If a date is not a real `YYYY-MM-DD` day, there is no payment option, or an
 * option is not whole days and pence.
 * @example
 * const options = [{ amountPence: 8000, payWithinDays: 21 }, { amountPence: 16000, payWithinDays: 28 }];
 * penaltyNoticeAmountDue(options, isoDate('2024-09-02'), isoDate('2024-09-22')) //=> { kind: 'payable', amountPence: 8000, lastDayToPay: '2024-09-22' }
 * penaltyNoticeAmountDue(options, isoDate('2024-09-02'), isoDate('2024-09-30')).kind //=> 'period-ended'
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/made} (SI 2024/210: £80 within 21 days, £160 within 28)
 * @see REFERENCE §4.1: not paid, the LA may prosecute under s444 Education Act 1996
 * @category Penalty notices
 */
export function penaltyNoticeAmountDue(
  paymentOptions: readonly PenaltyNoticePaymentOption[],
  receivedOn: IsoDate,
  paidOn: IsoDate
): PenaltyNoticeAmountDue {
  const issues: AttendanceIssue[] = [];
  if (!isIsoDate(paidOn)) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The payment date "${String(paidOn)}" is not a date in YYYY-MM-DD form naming a real day.`,
      path: ['paidOn'],
      field: 'paidOn',
      expected: 'a date as YYYY-MM-DD',
      received: String(paidOn),
    });
  }
  if (paymentOptions.length === 0) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: 'A penalty notice needs at least one payment option.',
      path: ['paymentOptions'],
      field: 'paymentOptions',
      expected: 'at least one payment option',
    });
  }
  throwIfErrors(issues);
  const dueDates = toPaymentDueDates(paymentOptions, receivedOn);
  // The lowest amount still open on that day; of two options with that amount, the one open longer.
  let payable: (typeof dueDates)[number] | undefined;
  let lastDayToPay = dueDates[0]!.lastDayToPay;
  for (const due of dueDates) {
    if (due.lastDayToPay > lastDayToPay) lastDayToPay = due.lastDayToPay;
    if (paidOn > due.lastDayToPay) continue;
    if (
      payable === undefined ||
      due.amountPence < payable.amountPence ||
      (due.amountPence === payable.amountPence && due.lastDayToPay > payable.lastDayToPay)
    )
      payable = due;
  }
  if (payable !== undefined) {
    return { kind: 'payable', amountPence: payable.amountPence, lastDayToPay: payable.lastDayToPay };
  }
  return {
    kind: 'period-ended',
    lastDayToPay,
    outcome:
      'unpaid: the local authority may prosecute the parent for the offence (section 444, Education Act 1996) or withdraw the notice',
  };
}
