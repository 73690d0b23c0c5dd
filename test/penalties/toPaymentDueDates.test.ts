import { describe, expect, test } from 'vitest';
import { assessPenaltyNotice, isoDate, toPaymentDueDates } from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// SI 2024/210: the reduced amount is due within "the period of 21 days beginning with the date on which the
// notice is received", so the day of receipt is day 1.

const FIRST_NOTICE = [
  { amountPence: 8000, payWithinDays: 21 },
  { amountPence: 16000, payWithinDays: 28 },
];

describe('last day to pay, counting the day of receipt as day 1', () => {
  test('received 2 September 2024: £80 up to 22 September, £160 up to 29 September', () => {
    expect(toPaymentDueDates(FIRST_NOTICE, isoDate('2024-09-02'))).toEqual([
      { amountPence: 8000, payWithinDays: 21, lastDayToPay: '2024-09-22' },
      { amountPence: 16000, payWithinDays: 28, lastDayToPay: '2024-09-29' },
    ]);
  });

  test('a period of 1 day ends on the day of receipt', () => {
    expect(toPaymentDueDates([{ amountPence: 100, payWithinDays: 1 }], isoDate('2025-01-31'))).toEqual([
      { amountPence: 100, payWithinDays: 1, lastDayToPay: '2025-01-31' },
    ]);
  });

  test('periods cross month, year and leap-day boundaries by calendar days', () => {
    const [reduced, full] = toPaymentDueDates(FIRST_NOTICE, isoDate('2027-12-20'));
    expect(reduced?.lastDayToPay).toBe('2028-01-09');
    expect(full?.lastDayToPay).toBe('2028-01-16');
    expect(toPaymentDueDates(FIRST_NOTICE, isoDate('2028-02-15'))[0]?.lastDayToPay).toBe('2028-03-06');
    expect(toPaymentDueDates(FIRST_NOTICE, isoDate('2027-02-15'))[0]?.lastDayToPay).toBe('2027-03-07');
  });

  test('periods across the clock changes in spring and autumn are whole calendar days', () => {
    expect(toPaymentDueDates(FIRST_NOTICE, isoDate('2025-03-20'))[0]?.lastDayToPay).toBe('2025-04-09');
    expect(toPaymentDueDates(FIRST_NOTICE, isoDate('2025-10-20'))[0]?.lastDayToPay).toBe('2025-11-09');
  });

  test('the 42-day period of the 2004 and 2012 regimes', () => {
    const options = [
      { amountPence: 5000, payWithinDays: 28 },
      { amountPence: 10000, payWithinDays: 42 },
    ];
    expect(toPaymentDueDates(options, isoDate('2010-01-04')).map((due) => due.lastDayToPay)).toEqual([
      '2010-01-31',
      '2010-02-14',
    ]);
  });

  test('works on the payment options of an assessment', () => {
    const assessment = assessPenaltyNotice([], {
      parentId: 'P1',
      pupilId: 'C1',
      proposedIssueDate: isoDate('2024-09-02'),
    });
    const options = assessment.outcome === 'may-issue' ? assessment.paymentOptions : [];
    expect(toPaymentDueDates(options, isoDate('2024-09-04')).map((due) => due.lastDayToPay)).toEqual([
      '2024-09-24',
      '2024-10-01',
    ]);
  });

  test('no options give no due dates', () => {
    expect(toPaymentDueDates([], isoDate('2024-09-02'))).toEqual([]);
  });
});

describe('bad input', () => {
  test('every problem is reported: a receipt date that is not a real day, fractional days and pence', () => {
    const error = attendanceErrorOf(() =>
      toPaymentDueDates(
        [
          { amountPence: 80.5, payWithinDays: 21 },
          { amountPence: 16000, payWithinDays: 0 },
        ],
        '2024-02-30' as IsoDate
      )
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['receivedOn'],
      [0, 'amountPence'],
      [1, 'payWithinDays'],
    ]);
  });
});
