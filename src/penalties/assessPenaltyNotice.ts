import { isIsoDate } from '../calendar/isIsoDate.js';
import type { IsoDate } from '../calendar/types.js';
import type { AttendanceIssue } from '../errors.js';
import { invalidArgument, throwIfErrors } from '../_internal/issues.js';
import { describeValue } from '../sessions/checkMarks.js';
import { addIsoDays, subtractIsoYears } from '../_internal/dates.js';
import { PENALTY_NOTICE_REGIMES } from './penaltyNoticeRegimes.js';
import type {
  PenaltyNoticeAssessment,
  PenaltyNoticeCountingPeriod,
  PenaltyNoticeRecord,
  PenaltyNoticeRegime,
  PenaltyNoticeStatus,
  ProposedPenaltyNotice,
} from './types.js';

const STATUSES: readonly PenaltyNoticeStatus[] = ['issued', 'paid', 'unpaid', 'withdrawn'];

// What the national framework leaves open once the limit is reached: it names prosecution first and "other
// attendance legal interventions", of which local codes name the education supervision order.
const OTHER_ACTION: readonly string[] = Object.freeze([
  'prosecution under section 444 of the Education Act 1996',
  'an education supervision order',
  'another attendance legal intervention',
]);

/**
 * Tells whether a penalty notice may be issued to a parent for a child on a date and, if so, whether it is a
 * first or second notice and how it may be paid; or that the limit has been reached.
 *
 * @remarks
 * The regime is the row of {@link PENALTY_NOTICE_REGIMES} in force on the proposed issue date. From 19 August
 * 2024 a parent may receive at most 2 notices for the same child in 3 years. The earlier notices that count
 * are those in the history that:
 * - were issued to the same parent for the same child (other parents' and other children's never count);
 * - were issued on or after 19 August 2024 (notices under the earlier local codes never count);
 * - were not withdrawn (issued, paid and unpaid notices all count);
 * - were issued within the 3 years ending on the proposed issue date: after the same date three years earlier,
 *   and on or before the proposed date itself. A notice issued exactly 3 years earlier no longer counts, because
 *   a period of 3 years ending with the proposed date begins the day after that date (as the 21-day payment
 *   period that begins with the day of receipt ends on day 21). From 29 February, 3 years earlier is 28 February.
 *
 * With none counted the notice is a first notice (£80 within 21 days or £160 within 28); with one it is a second
 * notice (£160 within 28 days); with two or more it is not allowed. Before 19 August 2024 there was no national
 * limit: every notice may be issued as a first notice with that regime's amounts, and nothing is counted.
 * Notices in the history issued after the proposed date are ignored. The order of the history does not matter.
 *
 * The regime is read from the issue date. Where a local authority applies its earlier code of conduct to absence
 * before 19 August 2024, choose the row yourself from {@link PENALTY_NOTICE_REGIMES}.
 *
 * @param history - The penalty notices on record, for any parents and children, in any order.
 * @param proposal - The parent, the child and the proposed issue date.
 * @returns `may-issue` with the notice number, regime, payment options and counted notices; `not-allowed` with
 * the counted notices and the other actions open; or `no-regime` for a date before 27 February 2004.
 * @throws {@link AttendanceError} Listing every record with a date that is not a real `YYYY-MM-DD` day, an
 * unknown status or a repeated id, and a proposed issue date that is not a real day.
 * @example
 * const history = [
 *   { id: 'PN-1', parentId: 'P1', pupilId: 'C1', issuedOn: isoDate('2024-10-01'), status: 'paid' },
 * ] as const;
 * const result = assessPenaltyNotice(history, {
 *   parentId: 'P1',
 *   pupilId: 'C1',
 *   proposedIssueDate: isoDate('2025-03-03'),
 * });
 * result.outcome //=> 'may-issue'
 * result.outcome === 'may-issue' && result.noticeNumber //=> 2
 * result.outcome === 'may-issue' && result.paymentOptions //=> [{ amountPence: 16000, payWithinDays: 28 }]
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/made} (SI 2024/210: the amounts from 19 August 2024)
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE, Working together to improve school attendance: the national framework and the limit of 2 notices in 3 years)
 * @category Penalty notices
 */
export function assessPenaltyNotice(
  history: readonly PenaltyNoticeRecord[],
  proposal: ProposedPenaltyNotice
): PenaltyNoticeAssessment {
  checkInput(history, proposal);
  const { parentId, pupilId, proposedIssueDate } = proposal;
  const regime = PENALTY_NOTICE_REGIMES.find(
    (row) => row.from <= proposedIssueDate && (row.to === null || proposedIssueDate <= row.to)
  );
  if (regime === undefined) return { outcome: 'no-regime' };

  const limit = regime.maximumNoticesInLookback;
  if (limit === null) {
    return {
      outcome: 'may-issue',
      noticeNumber: 1,
      regime,
      paymentOptions: regime.firstNotice,
      countedNotices: [],
      countingPeriod: null,
    };
  }

  const countingPeriod = countingPeriodOf(regime, proposedIssueDate);
  const countedNotices = history
    .filter(
      (notice) =>
        notice.parentId === parentId &&
        notice.pupilId === pupilId &&
        notice.status !== 'withdrawn' &&
        notice.issuedOn >= countingPeriod.from &&
        notice.issuedOn <= countingPeriod.to
    )
    .sort(byIssueDateThenId);

  if (countedNotices.length >= limit) {
    return {
      outcome: 'not-allowed',
      reason: 'limit-reached',
      regime,
      countedNotices,
      countingPeriod,
      otherAction: OTHER_ACTION,
    };
  }
  const isFirst = countedNotices.length === 0;
  return {
    outcome: 'may-issue',
    noticeNumber: isFirst ? 1 : 2,
    regime,
    paymentOptions: isFirst ? regime.firstNotice : regime.laterNotice,
    countedNotices,
    countingPeriod,
  };
}

function countingPeriodOf(
  regime: PenaltyNoticeRegime,
  proposedIssueDate: IsoDate
): PenaltyNoticeCountingPeriod {
  // The period of N years ending with the proposed date starts the day after the same date N years earlier.
  const lookbackStart =
    regime.lookbackYears === null
      ? null
      : addIsoDays(subtractIsoYears(proposedIssueDate, regime.lookbackYears), 1);
  const starts = [lookbackStart, regime.countingFrom].filter((date): date is IsoDate => date !== null);
  const from = starts.reduce<IsoDate | null>(
    (latest, date) => (latest === null || date > latest ? date : latest),
    null
  );
  // With neither a lookback nor a counting start, every earlier notice counts: the earliest possible date.
  return { from: from ?? ('0000-01-01' as IsoDate), to: proposedIssueDate };
}

function byIssueDateThenId(a: PenaltyNoticeRecord, b: PenaltyNoticeRecord): number {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn < b.issuedOn ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

function checkInput(history: readonly PenaltyNoticeRecord[], proposal: ProposedPenaltyNotice): void {
  // Histories and proposals often arrive as JSON: the shapes are checked before any field is read.
  const given: unknown = history;
  if (!Array.isArray(given)) {
    invalidArgument({
      code: 'invalid_value',
      message: `The penalty-notice history must be a list of notices; received ${describeValue(given)}.`,
      path: [],
      expected: 'a list of penalty notices',
      received: describeValue(given),
    });
  }
  const proposed: unknown = proposal;
  if (typeof proposed !== 'object' || proposed === null) {
    invalidArgument({
      code: 'invalid_value',
      message: `The proposed notice must be an object with a parent, a pupil and an issue date; received ${describeValue(proposed)}.`,
      path: ['proposal'],
      field: 'proposal',
      expected: 'an object with parentId, pupilId and proposedIssueDate',
      received: describeValue(proposed),
    });
  }
  const issues: AttendanceIssue[] = [];
  if (!isIsoDate(proposal.proposedIssueDate)) {
    issues.push(
      invalidDate(
        ['proposedIssueDate'],
        'The proposed issue date',
        proposal.proposedIssueDate,
        'proposedIssueDate'
      )
    );
  }
  const firstIndexOfId = new Map<string, number>();
  history.forEach((notice, index) => {
    const entry: unknown = notice;
    if (typeof entry !== 'object' || entry === null) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `history[${index}] is ${describeValue(entry)}, not a penalty notice.`,
        path: [index],
        expected: 'a penalty notice: an object with id, parentId, pupilId, issuedOn and status',
        received: describeValue(entry),
      });
      return;
    }
    const name = `Penalty notice "${describeValue(notice.id)}" (history[${index}], pupil ${describeValue(notice.pupilId)})`;
    const pupilId: unknown = notice.pupilId;
    const located = typeof pupilId === 'string' ? { pupilId } : {};
    if (!isIsoDate(notice.issuedOn)) {
      issues.push({
        ...invalidDate([index, 'issuedOn'], `${name}: the issue date`, notice.issuedOn, 'issuedOn'),
        ...located,
      });
    }
    if (notice.paidOn !== undefined && !isIsoDate(notice.paidOn)) {
      issues.push({
        ...invalidDate([index, 'paidOn'], `${name}: the payment date`, notice.paidOn, 'paidOn'),
        ...located,
      });
    }
    // Histories often arrive as JSON, so the status is checked as the unknown value it may be.
    const status: unknown = notice.status;
    if (!STATUSES.includes(notice.status)) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `${name}: the status "${describeValue(status)}" is not one of ${STATUSES.join(', ')}.`,
        path: [index, 'status'],
        ...located,
        field: 'status',
        expected: STATUSES.join(' | '),
        received: describeValue(status),
      });
    }
    const earlier = firstIndexOfId.get(notice.id);
    if (earlier === undefined) {
      firstIndexOfId.set(notice.id, index);
    } else {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `${name} repeats the id of history[${earlier}]; each notice must appear once.`,
        path: [index, 'id'],
        ...located,
        field: 'id',
        expected: 'an id not used by another notice',
        received: describeValue(notice.id),
      });
    }
  });
  throwIfErrors(issues);
}

function invalidDate(
  path: (string | number)[],
  what: string,
  value: unknown,
  field: string
): AttendanceIssue {
  return {
    code: 'invalid_value',
    severity: 'error',
    // The value may be anything (a symbol, an array nested thousands deep): named briefly, never converted.
    message: `${what} "${describeValue(value)}" is not a date in YYYY-MM-DD form naming a real day.`,
    path,
    field,
    expected: 'a date as YYYY-MM-DD',
    received: describeValue(value),
  };
}
