import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { assessPenaltyNotice } from '../../src/index.js';
import type { IsoDate, PenaltyNoticeRecord, ProposedPenaltyNotice } from '../../src/index.js';
import {
  dateAfter,
  dateBetweenArb,
  daysBetween,
  historyArb,
  nationalFrameworkDateArb,
  noticeWithoutIdArb,
  PARENTS,
  PUPILS,
} from '../_arbitraries/penaltyNotice.js';

const NATIONAL_FRAMEWORK_START = '2024-08-19';

interface Case {
  readonly history: PenaltyNoticeRecord[];
  readonly proposal: ProposedPenaltyNotice;
}

/** A proposal for one of the arbitraries' parents and children on `dates`. */
function proposalArb(dates: fc.Arbitrary<IsoDate>): fc.Arbitrary<ProposedPenaltyNotice> {
  return fc.record({
    parentId: fc.constantFrom(...PARENTS),
    pupilId: fc.constantFrom(...PUPILS),
    proposedIssueDate: dates,
  });
}

/**
 * A proposal under the national framework with a history around it: notices from 4 years before the proposed
 * date (so some fall before 19 August 2024, some just outside the 3 years) to 60 days after it.
 */
const caseArb: fc.Arbitrary<Case> = nationalFrameworkDateArb.chain((date) =>
  fc.record({
    history: historyArb({ from: dateAfter(date, -4 * 366), to: dateAfter(date, 60) }),
    proposal: proposalArb(fc.constant(date)),
  })
);

/** A proposal under the earlier regimes (27 February 2004 to 18 August 2024), with any history. */
const olderCaseArb: fc.Arbitrary<Case> = fc.record({
  history: historyArb({ from: '2003-01-01', to: '2024-12-31' }),
  proposal: proposalArb(dateBetweenArb('2004-02-27', '2024-08-18')),
});

/** The same calendar date 3 years earlier (29 February to 28 February), by string arithmetic alone. */
function threeYearsBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 3).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** A naive recount, straight from the rules: the ids of the notices that count, oldest first. */
function naiveCount({ history, proposal }: Case): string[] {
  const date = proposal.proposedIssueDate;
  return history
    .filter(
      (notice) =>
        notice.parentId === proposal.parentId &&
        notice.pupilId === proposal.pupilId &&
        notice.status !== 'withdrawn' &&
        notice.issuedOn >= NATIONAL_FRAMEWORK_START &&
        notice.issuedOn > threeYearsBefore(date) &&
        notice.issuedOn <= date
    )
    .sort((a, b) => (a.issuedOn === b.issuedOn ? (a.id < b.id ? -1 : 1) : a.issuedOn < b.issuedOn ? -1 : 1))
    .map((notice) => notice.id);
}

test.prop([caseArb])(
  'may-issue counts fewer than 2 notices and numbers the notice one more; not-allowed counts 2 or more',
  ({ history, proposal }) => {
    const result = assessPenaltyNotice(history, proposal);
    if (result.outcome === 'may-issue') {
      expect(result.countedNotices.length).toBeLessThan(2);
      expect(result.noticeNumber).toBe(result.countedNotices.length + 1);
      // Only a first notice offers the reduced amount.
      expect(result.paymentOptions.some((option) => option.amountPence === 8000)).toBe(
        result.noticeNumber === 1
      );
    } else if (result.outcome === 'not-allowed') {
      expect(result.countedNotices.length).toBeGreaterThanOrEqual(2);
    } else {
      expect.unreachable('every date from 19 August 2024 has a regime');
    }
  }
);

test.prop([caseArb])(
  'two routes agree: the counted notices are exactly those of a naive recount from the rules',
  (testCase) => {
    const result = assessPenaltyNotice(testCase.history, testCase.proposal);
    const counted = result.outcome === 'no-regime' ? [] : result.countedNotices.map((notice) => notice.id);
    expect(counted).toEqual(naiveCount(testCase));
  }
);

test.prop([
  caseArb,
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  fc.constantFrom(...(['issued', 'paid', 'unpaid'] as const)),
])(
  'a third notice within 3 years is always not allowed',
  ({ history, proposal }, [first, second], status) => {
    // Two counting notices anywhere from the first day that counts to the proposed date itself.
    const date = proposal.proposedIssueDate;
    const lookbackStart = dateAfter(threeYearsBefore(date), 1);
    const start = lookbackStart > NATIONAL_FRAMEWORK_START ? lookbackStart : NATIONAL_FRAMEWORK_START;
    const span = daysBetween(start, date);
    const at = (fraction: number): IsoDate => dateAfter(start, Math.floor(fraction * span));
    const { parentId, pupilId } = proposal;
    const earlier: PenaltyNoticeRecord[] = [
      { id: 'EARLIER-1', parentId, pupilId, issuedOn: at(first), status },
      { id: 'EARLIER-2', parentId, pupilId, issuedOn: at(second), status },
    ];
    expect(assessPenaltyNotice([...history, ...earlier], proposal).outcome).toBe('not-allowed');
  }
);

test.prop([caseArb, fc.array(noticeWithoutIdArb('2020-01-01', '2030-12-31'), { maxLength: 6 })])(
  'withdrawn notices never change the outcome',
  ({ history, proposal }, extra) => {
    const withdrawn = extra.map((notice, index) => ({
      ...notice,
      id: `W-${index}`,
      status: 'withdrawn' as const,
    }));
    expect(assessPenaltyNotice([...history, ...withdrawn], proposal)).toEqual(
      assessPenaltyNotice(history, proposal)
    );
  }
);

test.prop([caseArb])(
  "other parents' and other children's notices never change the outcome",
  ({ history, proposal }) => {
    const own = history.filter(
      (notice) => notice.parentId === proposal.parentId && notice.pupilId === proposal.pupilId
    );
    expect(assessPenaltyNotice(history, proposal)).toEqual(assessPenaltyNotice(own, proposal));
  }
);

test.prop([
  caseArb.chain(({ history, proposal }) =>
    fc.record({
      history: fc.constant(history),
      shuffled: fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }),
      proposal: fc.constant(proposal),
    })
  ),
])('the result does not depend on the order of the history', ({ history, shuffled, proposal }) => {
  expect(assessPenaltyNotice(shuffled, proposal)).toEqual(assessPenaltyNotice(history, proposal));
});

test.prop([fc.oneof(caseArb, olderCaseArb)])(
  'the result survives a JSON round trip',
  ({ history, proposal }) => {
    const result = assessPenaltyNotice(history, proposal);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }
);

test.prop([olderCaseArb])(
  'before 19 August 2024 every notice may be issued as a first notice and nothing is counted',
  ({ history, proposal }) => {
    expect(assessPenaltyNotice(history, proposal)).toMatchObject({
      outcome: 'may-issue',
      noticeNumber: 1,
      countedNotices: [],
      countingPeriod: null,
    });
  }
);
