import { isIsoDate } from '../calendar/isIsoDate.js';
import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import { addIsoDays } from '../_internal/dates.js';
import type { PenaltyNoticePaymentDueDate, PenaltyNoticePaymentOption } from './types.js';

/**
 * Adds to each payment option of a penalty notice the last day on which it can be paid, counting the day the
 * notice is received as the first day of the period.
 *
 * @remarks
 * SI 2024/210 sets the reduced amount for payment within "the period of 21 days beginning with the date on
 * which the notice is received", so the day of receipt is day 1 and the last day is the day of receipt plus
 * 20: a notice received on 2 September 2024 can be paid at the reduced amount up to and including 22 September.
 * Every period is counted the same way, which for the earlier regimes' "within N days" wording gives the
 * earlier of the two possible readings, so a parent who pays by it is never late.
 *
 * The day of receipt is a parameter because it is a matter of fact or of the local code of conduct (some
 * codes presume a posted notice is received on the second working day after posting), not something the
 * library can know.
 *
 * @param paymentOptions - The payment options, e.g. `paymentOptions` of an {@link assessPenaltyNotice} result.
 * @param receivedOn - The date the parent received the notice.
 * @returns The options in the same order, each with its `lastDayToPay`.
 * @throws {@link AttendanceError} If `receivedOn` is not a real `YYYY-MM-DD` day, or an option's days are not
 * a whole number of at least 1 or its amount is not a whole number of pence of at least 0.
 * @example
 * toPaymentDueDates(
 *   [
 *     { amountPence: 8000, payWithinDays: 21 },
 *     { amountPence: 16000, payWithinDays: 28 },
 *   ],
 *   isoDate('2024-09-02')
 * )
 * //=> [
 * //   { amountPence: 8000, payWithinDays: 21, lastDayToPay: '2024-09-22' },
 * //   { amountPence: 16000, payWithinDays: 28, lastDayToPay: '2024-09-29' },
 * // ]
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/regulation/4/made} (SI 2024/210 reg 4: the 21-day period begins with the date on which the notice is received)
 * @category Penalty notices
 */
export function toPaymentDueDates(
  paymentOptions: readonly PenaltyNoticePaymentOption[],
  receivedOn: IsoDate
): readonly PenaltyNoticePaymentDueDate[] {
  const issues: AttendanceIssue[] = [];
  if (!isIsoDate(receivedOn)) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The date the notice was received, "${String(receivedOn)}", is not a date in YYYY-MM-DD form naming a real day.`,
      path: ['receivedOn'],
      field: 'receivedOn',
      expected: 'a date as YYYY-MM-DD',
      received: String(receivedOn),
    });
  }
  paymentOptions.forEach((option, index) => {
    if (!Number.isSafeInteger(option.payWithinDays) || option.payWithinDays < 1) {
      issues.push(
        invalidNumber(index, 'payWithinDays', option.payWithinDays, 'a whole number of days, at least 1')
      );
    }
    if (!Number.isSafeInteger(option.amountPence) || option.amountPence < 0) {
      issues.push(
        invalidNumber(index, 'amountPence', option.amountPence, 'a whole number of pence, at least 0')
      );
    }
  });
  throwIfErrors(issues);
  return paymentOptions.map((option) => ({
    amountPence: option.amountPence,
    payWithinDays: option.payWithinDays,
    lastDayToPay: addIsoDays(receivedOn, option.payWithinDays - 1),
  }));
}

function invalidNumber(index: number, field: string, value: number, expected: string): AttendanceIssue {
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `Payment option ${index}: ${field} must be ${expected}; received ${String(value)}.`,
    path: [index, field],
    field,
    expected,
    received: String(value),
  };
}
