import { describe, expect, test } from 'vitest';
import { assessPenaltyNotice, isoDate, PENALTY_NOTICE_REGIMES } from '../../src/index.js';
import type {
  IsoDate,
  PenaltyNoticeAssessment,
  PenaltyNoticeRecord,
  ProposedPenaltyNotice,
} from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Written from the national framework for penalty notices (SI 2024/210 and the DfE guidance Working together to
// improve school attendance, as restated in local authorities' codes of conduct): 2 notices per parent per child
// in a rolling 3 years, from 19 August 2024; unpaid notices count, withdrawn ones do not.

const FIRST_NOTICE = [
  { amountPence: 8000, payWithinDays: 21 },
  { amountPence: 16000, payWithinDays: 28 },
];
const SECOND_NOTICE = [{ amountPence: 16000, payWithinDays: 28 }];

/** A notice to parent P1 for child C1 unless overridden. */
function notice(
  id: string,
  issuedOn: string,
  overrides: Partial<Omit<PenaltyNoticeRecord, 'id' | 'issuedOn'>> = {}
): PenaltyNoticeRecord {
  return { id, parentId: 'P1', pupilId: 'C1', issuedOn: isoDate(issuedOn), status: 'paid', ...overrides };
}

/** Assesses a notice to parent P1 for child C1 on `date` unless overridden. */
function assess(
  history: readonly PenaltyNoticeRecord[],
  date: string,
  overrides: Partial<ProposedPenaltyNotice> = {}
): PenaltyNoticeAssessment {
  return assessPenaltyNotice(history, {
    parentId: 'P1',
    pupilId: 'C1',
    proposedIssueDate: isoDate(date),
    ...overrides,
  });
}

function countedIds(result: PenaltyNoticeAssessment): string[] {
  return result.outcome === 'no-regime' ? [] : result.countedNotices.map((counted) => counted.id);
}

describe('first and second notices under the national framework (from 19 August 2024)', () => {
  test('with no earlier notice, a first notice: £80 within 21 days or £160 within 28 days', () => {
    const result = assess([], '2024-09-16');
    expect(result).toEqual({
      outcome: 'may-issue',
      noticeNumber: 1,
      regime: PENALTY_NOTICE_REGIMES[0],
      paymentOptions: FIRST_NOTICE,
      countedNotices: [],
      countingPeriod: { from: '2024-08-19', to: '2024-09-16' },
    });
  });

  test('after one notice within 3 years, a second notice: £160 within 28 days, no reduced amount', () => {
    const result = assess([notice('PN-1', '2024-10-01')], '2025-03-03');
    expect(result.outcome).toBe('may-issue');
    if (result.outcome !== 'may-issue') return;
    expect(result.noticeNumber).toBe(2);
    expect(result.paymentOptions).toEqual(SECOND_NOTICE);
    expect(countedIds(result)).toEqual(['PN-1']);
  });

  test('after two notices within 3 years, a third is not allowed and other action is named', () => {
    const result = assess([notice('PN-2', '2025-03-03'), notice('PN-1', '2024-10-01')], '2025-11-10');
    expect(result).toEqual({
      outcome: 'not-allowed',
      reason: 'limit-reached',
      regime: PENALTY_NOTICE_REGIMES[0],
      countedNotices: [notice('PN-1', '2024-10-01'), notice('PN-2', '2025-03-03')],
      countingPeriod: { from: '2024-08-19', to: '2025-11-10' },
      otherAction: [
        'prosecution under section 444 of the Education Act 1996',
        'an education supervision order',
        'another attendance legal intervention',
      ],
    });
  });

  test('a history that already holds three notices in 3 years is still not allowed, listing all three', () => {
    const history = [notice('A', '2024-09-02'), notice('B', '2025-01-06'), notice('C', '2025-06-02')];
    const result = assess(history, '2025-09-08');
    expect(result.outcome).toBe('not-allowed');
    expect(countedIds(result)).toEqual(['A', 'B', 'C']);
  });

  test('counted notices are listed oldest first, then by id', () => {
    const history = [notice('Z', '2025-01-06'), notice('B', '2024-11-04'), notice('A', '2025-01-06')];
    expect(countedIds(assess(history, '2025-06-02'))).toEqual(['B', 'A', 'Z']);
  });
});

describe('which earlier notices count', () => {
  test('an unpaid notice counts', () => {
    const result = assess([notice('PN-1', '2024-10-01', { status: 'unpaid' })], '2025-03-03');
    expect(result.outcome === 'may-issue' && result.noticeNumber).toBe(2);
  });

  test('a notice still within its payment period (issued) counts', () => {
    const result = assess([notice('PN-1', '2025-02-24', { status: 'issued' })], '2025-03-03');
    expect(result.outcome === 'may-issue' && result.noticeNumber).toBe(2);
  });

  test('a withdrawn notice never counts', () => {
    const withdrawn = notice('PN-W', '2024-10-01', { status: 'withdrawn' });
    expect(assess([withdrawn], '2025-03-03')).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
    const result = assess([withdrawn, notice('PN-1', '2024-12-02')], '2025-03-03');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2, paymentOptions: SECOND_NOTICE });
    expect(countedIds(result)).toEqual(['PN-1']);
  });

  test("another parent's notices for the same child never count (each parent is assessed separately)", () => {
    const history = [
      notice('PN-1', '2024-10-01', { parentId: 'P2' }),
      notice('PN-2', '2025-03-03', { parentId: 'P2' }),
    ];
    expect(assess(history, '2025-06-02')).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
    expect(assess(history, '2025-06-02', { parentId: 'P2' }).outcome).toBe('not-allowed');
  });

  test("the same parent's notices for another child never count (the limit is per child)", () => {
    const history = [
      notice('PN-1', '2024-10-01', { pupilId: 'C2' }),
      notice('PN-2', '2025-03-03', { pupilId: 'C2' }),
    ];
    expect(assess(history, '2025-06-02')).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
    expect(assess(history, '2025-06-02', { pupilId: 'C2' }).outcome).toBe('not-allowed');
  });

  test('a notice issued before 19 August 2024 never counts, even within 3 years', () => {
    const history = [notice('OLD-1', '2024-03-04'), notice('OLD-2', '2024-08-18')];
    const result = assess(history, '2024-09-16');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 1, paymentOptions: FIRST_NOTICE });
    expect(countedIds(result)).toEqual([]);
  });

  test('a notice issued on 19 August 2024 itself counts', () => {
    const result = assess([notice('PN-1', '2024-08-19'), notice('OLD', '2024-08-18')], '2024-09-16');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2 });
    expect(countedIds(result)).toEqual(['PN-1']);
  });

  test('a notice issued on the proposed date itself counts', () => {
    const result = assess([notice('PN-1', '2025-03-03')], '2025-03-03');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2 });
  });

  test('notices issued after the proposed date are ignored', () => {
    const history = [notice('LATER-1', '2025-03-04'), notice('LATER-2', '2025-06-02')];
    expect(assess(history, '2025-03-03')).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
  });
});

describe('the 3-year lookback ends on the proposed issue date', () => {
  // Decision: the lookback is the period of 3 years ending with the proposed date, which begins the day after
  // the same date 3 years earlier. A notice issued exactly 3 years before the proposed date is outside it,
  // just as the first notice's 3 years (beginning with its issue date) end the day before its anniversary.
  const history = [notice('PN-1', '2024-09-02'), notice('PN-2', '2025-01-06')];

  test('the day before the third anniversary of the first notice, both notices count: not allowed', () => {
    const result = assess(history, '2027-09-01');
    expect(result.outcome).toBe('not-allowed');
    expect(countedIds(result)).toEqual(['PN-1', 'PN-2']);
    expect(result.outcome !== 'no-regime' && result.countingPeriod).toEqual({
      from: '2024-09-02',
      to: '2027-09-01',
    });
  });

  test('exactly 3 years after the first notice, it no longer counts: a second notice', () => {
    const result = assess(history, '2027-09-02');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2, paymentOptions: SECOND_NOTICE });
    expect(countedIds(result)).toEqual(['PN-2']);
    expect(result.outcome === 'may-issue' && result.countingPeriod).toEqual({
      from: '2024-09-03',
      to: '2027-09-02',
    });
  });

  test('a single notice exactly 3 years earlier leaves a first notice with the reduced amount', () => {
    const result = assess([notice('PN-1', '2024-09-02')], '2027-09-02');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 1, paymentOptions: FIRST_NOTICE });
  });

  test('a single notice one day less than 3 years earlier still makes a second notice', () => {
    const result = assess([notice('PN-1', '2024-09-03')], '2027-09-02');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2, paymentOptions: SECOND_NOTICE });
  });

  test('from 29 February, 3 years earlier is 28 February: a notice then is out, one on 1 March is in', () => {
    const result = assess([notice('FEB-28', '2025-02-28'), notice('MAR-1', '2025-03-01')], '2028-02-29');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 2 });
    expect(countedIds(result)).toEqual(['MAR-1']);
    expect(result.outcome === 'may-issue' && result.countingPeriod).toEqual({
      from: '2025-03-01',
      to: '2028-02-29',
    });
  });

  test('within 3 years of 19 August 2024 the counting period starts on 19 August 2024', () => {
    expect(assess([], '2026-05-05')).toMatchObject({
      countingPeriod: { from: '2024-08-19', to: '2026-05-05' },
    });
    // The last day on which both starts agree.
    expect(assess([], '2027-08-18')).toMatchObject({
      countingPeriod: { from: '2024-08-19', to: '2027-08-18' },
    });
  });

  test('3 years after 19 August 2024 the counting period starts the day after the date 3 years earlier', () => {
    const result = assess([notice('PN-1', '2024-08-19')], '2027-08-19');
    expect(result).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
    expect(result.outcome === 'may-issue' && result.countingPeriod).toEqual({
      from: '2024-08-20',
      to: '2027-08-19',
    });
  });
});

describe('before 19 August 2024 there was no national limit', () => {
  test('every notice may be issued, with the first-notice amounts, and nothing is counted', () => {
    const history = ['2018-10-01', '2019-01-14', '2019-05-06', '2019-11-11'].map((date, index) =>
      notice(`PN-${index}`, date)
    );
    const result = assess(history, '2020-01-13');
    expect(result).toEqual({
      outcome: 'may-issue',
      noticeNumber: 1,
      regime: PENALTY_NOTICE_REGIMES.find((row) => row.id === 'regulations-2013'),
      paymentOptions: [
        { amountPence: 6000, payWithinDays: 21 },
        { amountPence: 12000, payWithinDays: 28 },
      ],
      countedNotices: [],
      countingPeriod: null,
    });
  });

  test('the last day of the 2013 regime, 18 August 2024, has no limit even after notices earlier that year', () => {
    const history = [notice('PN-1', '2024-01-08'), notice('PN-2', '2024-05-13')];
    expect(assess(history, '2024-08-18')).toMatchObject({ outcome: 'may-issue', noticeNumber: 1 });
  });

  test('a date before the first penalty notices (27 February 2004) has no regime', () => {
    expect(assess([], '2004-02-26')).toEqual({ outcome: 'no-regime' });
    expect(assess([], '1999-09-01')).toEqual({ outcome: 'no-regime' });
  });
});

describe('the result is plain data', () => {
  test('every outcome survives a JSON round trip', () => {
    const history = [notice('PN-1', '2024-10-01'), notice('PN-2', '2025-03-03')];
    for (const date of ['2024-09-02', '2025-01-06', '2025-06-02', '2019-06-03', '2003-01-06']) {
      const result = assess(history, date);
      expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    }
  });

  test('the history is not changed', () => {
    const history = [notice('B', '2025-03-03'), notice('A', '2024-10-01')];
    const copy = structuredClone(history);
    assess(history, '2025-06-02');
    expect(history).toEqual(copy);
  });
});

describe('bad input', () => {
  test('a proposed date that is not a real day is an error naming the field', () => {
    const error = attendanceErrorOf(() =>
      assessPenaltyNotice([], { parentId: 'P1', pupilId: 'C1', proposedIssueDate: '2025-02-29' as IsoDate })
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'invalid_value',
      path: ['proposedIssueDate'],
      field: 'proposedIssueDate',
      received: '2025-02-29',
    });
  });

  test('every bad record is reported: a bad issue date, a bad payment date, an unknown status, a repeated id', () => {
    const history = [
      notice('PN-1', '2024-10-01'),
      { ...notice('PN-2', '2024-11-04'), issuedOn: '04/11/2024' as IsoDate },
      { ...notice('PN-3', '2024-12-02'), paidOn: '2024-12-32' as IsoDate },
      { ...notice('PN-4', '2025-01-06'), status: 'cancelled' as PenaltyNoticeRecord['status'] },
      notice('PN-1', '2025-02-03'),
    ];
    const error = attendanceErrorOf(() => assess(history, '2025-03-03'));
    expect(error.issues.map((issue) => [issue.path, issue.received])).toEqual([
      [[1, 'issuedOn'], '04/11/2024'],
      [[2, 'paidOn'], '2024-12-32'],
      [[3, 'status'], 'cancelled'],
      [[4, 'id'], 'PN-1'],
    ]);
    expect(error.issues.every((issue) => issue.pupilId === 'C1' && issue.severity === 'error')).toBe(true);
    expect(error.issues[3]?.message).toContain('history[0]');
  });
});
