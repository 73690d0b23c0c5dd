import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { toPaymentDueDates } from '../../src/index.js';
import { dateBetweenArb } from '../_arbitraries/penaltyNotice.js';

const optionArb = fc.record({
  amountPence: fc.integer({ min: 0, max: 1_000_000 }),
  payWithinDays: fc.integer({ min: 1, max: 400 }),
});

/** Whole days from `from` to `to`, in UTC (independent of the library's own date arithmetic). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

test.prop([fc.array(optionArb, { maxLength: 4 }), dateBetweenArb('2004-02-27', '2030-12-31')])(
  'the last day to pay is payWithinDays − 1 days after receipt, for each option in order',
  (options, receivedOn) => {
    const due = toPaymentDueDates(options, receivedOn);
    expect(due.map(({ amountPence, payWithinDays }) => ({ amountPence, payWithinDays }))).toEqual(options);
    for (const option of due) {
      expect(daysBetween(receivedOn, option.lastDayToPay)).toBe(option.payWithinDays - 1);
    }
  }
);
