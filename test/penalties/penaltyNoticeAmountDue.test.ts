import { describe, expect, test } from 'vitest';
import { AttendanceError, assessPenaltyNotice, isoDate, penaltyNoticeAmountDue } from '../../src/index.js';
import type { PenaltyNoticePaymentOption } from '../../src/index.js';

// REFERENCE §4.1, from SI 2024/210: a first notice is £80 if paid within 21 days of receipt (the day of receipt
// being day 1), £160 within 28; a second notice to the same parent for the same child within three years is a
// flat £160 within 28 days. Not paid: the LA may prosecute under s444 of the Education Act 1996.

const FIRST: PenaltyNoticePaymentOption[] = [
  { amountPence: 8000, payWithinDays: 21 },
  { amountPence: 16000, payWithinDays: 28 },
];
const RECEIVED = isoDate('2024-09-02');

describe('penaltyNoticeAmountDue', () => {
  test.each([
    ['2024-09-02', 8000, '2024-09-22'],
    ['2024-09-22', 8000, '2024-09-22'],
    ['2024-09-23', 16000, '2024-09-29'],
    ['2024-09-29', 16000, '2024-09-29'],
    // Paid before the notice arrived (say, on hearing of it): the reduced amount.
    ['2024-08-30', 8000, '2024-09-22'],
  ])('a first notice received on 2 September, paid on %s: %i pence, until %s', (paidOn, amount, lastDay) => {
    expect(penaltyNoticeAmountDue(FIRST, RECEIVED, isoDate(paidOn))).toEqual({
      kind: 'payable',
      amountPence: amount,
      lastDayToPay: lastDay,
    });
  });

  test('unpaid after the 28th day: the period has ended, and the LA may prosecute', () => {
    const due = penaltyNoticeAmountDue(FIRST, RECEIVED, isoDate('2024-09-30'));
    expect(due).toMatchObject({ kind: 'period-ended', lastDayToPay: '2024-09-29' });
    expect(due.kind === 'period-ended' && due.outcome).toContain('may prosecute');
    expect(due.kind === 'period-ended' && due.outcome).toContain('section 444');
  });

  test("a second notice's flat £160, from assessPenaltyNotice's own options", () => {
    const assessment = assessPenaltyNotice(
      [{ id: 'PN-1', parentId: 'M', pupilId: 'P1', issuedOn: isoDate('2024-10-01'), status: 'paid' }],
      { parentId: 'M', pupilId: 'P1', proposedIssueDate: isoDate('2025-03-03') }
    );
    if (assessment.outcome !== 'may-issue') throw new Error('expected a second notice to be allowed');
    const received = isoDate('2025-03-05');
    expect(penaltyNoticeAmountDue(assessment.paymentOptions, received, isoDate('2025-03-06'))).toEqual({
      kind: 'payable',
      amountPence: 16000,
      lastDayToPay: '2025-04-01',
    });
    expect(penaltyNoticeAmountDue(assessment.paymentOptions, received, isoDate('2025-04-02')).kind).toBe(
      'period-ended'
    );
  });

  test('the options may come in any order', () => {
    expect(penaltyNoticeAmountDue([...FIRST].reverse(), RECEIVED, isoDate('2024-09-10'))).toMatchObject({
      amountPence: 8000,
    });
  });

  test('a date that names no day, or no option at all, is an AttendanceError naming the field', () => {
    expect(() => penaltyNoticeAmountDue(FIRST, RECEIVED, isoDate('2024-09-31'))).toThrow(AttendanceError);
    expect(() => penaltyNoticeAmountDue([], RECEIVED, isoDate('2024-09-10'))).toThrow(/payment option/);
    expect(() => penaltyNoticeAmountDue(FIRST, '2024-02-30' as never, isoDate('2024-09-10'))).toThrow(
      /received/
    );
  });
});
