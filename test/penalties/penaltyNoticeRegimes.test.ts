import { describe, expect, test } from 'vitest';
import { assessPenaltyNotice, isoDate, PENALTY_NOTICE_REGIMES } from '../../src/index.js';
import type { PenaltyNoticePaymentOption, PenaltyNoticeRegime } from '../../src/index.js';

// Written from SI 2024/210 (from 19 August 2024), DfE's penalty notices page of 2012 (the 2004 and 2012
// amounts) and local codes of conduct of 2013 to 2024 (the 2013 amounts).

const pay = (pounds: number, payWithinDays: number): PenaltyNoticePaymentOption => ({
  amountPence: pounds * 100,
  payWithinDays,
});

function row(id: string): PenaltyNoticeRegime {
  const found = PENALTY_NOTICE_REGIMES.find((regime) => regime.id === id);
  if (found === undefined) throw new Error(`No regime ${id}`);
  return found;
}

/** The day after an ISO date, in UTC (independent of the library's own date arithmetic). */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('the rows, as the sources give them', () => {
  test('the rows, newest first', () => {
    expect(PENALTY_NOTICE_REGIMES.map((regime) => [regime.id, regime.from, regime.to])).toEqual([
      ['national-framework-2024', '2024-08-19', null],
      ['regulations-2013', '2013-09-01', '2024-08-18'],
      ['regulations-2012', '2012-09-01', '2013-08-31'],
      ['regulations-2004', '2004-02-27', '2012-08-31'],
    ]);
  });

  test('from 19 August 2024: £80 within 21 days or £160 within 28; a second notice £160 within 28; 2 in 3 years', () => {
    expect(row('national-framework-2024')).toMatchObject({
      firstNotice: [pay(80, 21), pay(160, 28)],
      laterNotice: [pay(160, 28)],
      maximumNoticesInLookback: 2,
      lookbackYears: 3,
      countingFrom: '2024-08-19',
    });
  });

  test('1 September 2013 to 18 August 2024: £60 within 21 days or £120 within 28; no national limit', () => {
    expect(row('regulations-2013')).toMatchObject({
      firstNotice: [pay(60, 21), pay(120, 28)],
      laterNotice: [pay(60, 21), pay(120, 28)],
      maximumNoticesInLookback: null,
      lookbackYears: null,
      countingFrom: null,
    });
  });

  test('1 September 2012 to 31 August 2013: £60 within 28 days or £120 within 42; no national limit', () => {
    expect(row('regulations-2012')).toMatchObject({
      firstNotice: [pay(60, 28), pay(120, 42)],
      laterNotice: [pay(60, 28), pay(120, 42)],
      maximumNoticesInLookback: null,
    });
  });

  test('27 February 2004 to 31 August 2012: £50 within 28 days or £100 within 42; no national limit', () => {
    expect(row('regulations-2004')).toMatchObject({
      firstNotice: [pay(50, 28), pay(100, 42)],
      laterNotice: [pay(50, 28), pay(100, 42)],
      maximumNoticesInLookback: null,
    });
  });
});

describe('the table as data', () => {
  test('the rows meet without gaps or overlaps: each begins the day after the older row ends', () => {
    for (let index = 0; index + 1 < PENALTY_NOTICE_REGIMES.length; index += 1) {
      const newer = PENALTY_NOTICE_REGIMES[index]!;
      const older = PENALTY_NOTICE_REGIMES[index + 1]!;
      expect(older.to).not.toBeNull();
      expect(newer.from).toBe(nextDay(older.to ?? ''));
    }
    expect(PENALTY_NOTICE_REGIMES.filter((regime) => regime.to === null)).toHaveLength(1);
  });

  test('amounts are whole pence and periods whole days, shortest period first with the smaller amount', () => {
    for (const regime of PENALTY_NOTICE_REGIMES) {
      for (const options of [regime.firstNotice, regime.laterNotice]) {
        expect(options.length).toBeGreaterThan(0);
        for (const option of options) {
          expect(Number.isSafeInteger(option.amountPence) && option.amountPence > 0).toBe(true);
          expect(Number.isSafeInteger(option.payWithinDays) && option.payWithinDays > 0).toBe(true);
        }
        for (let index = 1; index < options.length; index += 1) {
          expect(options[index]!.payWithinDays).toBeGreaterThan(options[index - 1]!.payWithinDays);
          expect(options[index]!.amountPence).toBeGreaterThan(options[index - 1]!.amountPence);
        }
      }
    }
  });

  test('every row cites its source', () => {
    for (const regime of PENALTY_NOTICE_REGIMES) expect(regime.source.length).toBeGreaterThan(20);
    expect(row('national-framework-2024').source).toContain('SI 2024/210');
  });

  test('the table, its rows and their payment options cannot be changed at run time', () => {
    expect(Object.isFrozen(PENALTY_NOTICE_REGIMES)).toBe(true);
    for (const regime of PENALTY_NOTICE_REGIMES) {
      expect(Object.isFrozen(regime)).toBe(true);
      expect(Object.isFrozen(regime.firstNotice)).toBe(true);
      expect(Object.isFrozen(regime.laterNotice)).toBe(true);
      for (const option of [...regime.firstNotice, ...regime.laterNotice])
        expect(Object.isFrozen(option)).toBe(true);
    }
  });

  test('the table survives a JSON round trip', () => {
    expect(JSON.parse(JSON.stringify(PENALTY_NOTICE_REGIMES))).toEqual(PENALTY_NOTICE_REGIMES);
  });
});

describe('amounts of a first notice on the first and last day of each regime', () => {
  test.each([
    ['2004-02-27', 'regulations-2004', [pay(50, 28), pay(100, 42)]],
    ['2012-08-31', 'regulations-2004', [pay(50, 28), pay(100, 42)]],
    ['2012-09-01', 'regulations-2012', [pay(60, 28), pay(120, 42)]],
    ['2013-08-31', 'regulations-2012', [pay(60, 28), pay(120, 42)]],
    ['2013-09-01', 'regulations-2013', [pay(60, 21), pay(120, 28)]],
    ['2024-08-18', 'regulations-2013', [pay(60, 21), pay(120, 28)]],
    ['2024-08-19', 'national-framework-2024', [pay(80, 21), pay(160, 28)]],
    ['2099-12-31', 'national-framework-2024', [pay(80, 21), pay(160, 28)]],
  ])('issued on %s: %s', (date, id, options) => {
    const result = assessPenaltyNotice([], {
      parentId: 'P1',
      pupilId: 'C1',
      proposedIssueDate: isoDate(date),
    });
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 1, paymentOptions: options });
    expect(result.outcome === 'may-issue' && result.regime.id).toBe(id);
  });

  test('the day before the first regime has no amounts', () => {
    const result = assessPenaltyNotice([], {
      parentId: 'P1',
      pupilId: 'C1',
      proposedIssueDate: isoDate('2004-02-26'),
    });
    expect(result).toEqual({ outcome: 'no-regime' });
  });
});
