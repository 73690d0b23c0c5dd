import { describe, expect, test } from 'vitest';
import {
  analyseCohortRegister,
  assessPenaltyNotice,
  countRollingWindow,
  createCohortRegister,
  createSessionSlots,
  defineLatenessPolicy,
  definePolicy,
  defineSchoolCalendar,
  HCAT_LATENESS_POLICY,
  isoDate,
  penaltyNoticeAmountDue,
  toCompactRegister,
  toPaymentDueDates,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AttendanceIssue,
  IsoDate,
  PenaltyNoticePaymentOption,
  PenaltyNoticeRecord,
  ProposedPenaltyNotice,
  Session,
  SessionMark,
  WindowRule,
} from '../../src/index.js';
import { emptySlideOutcome, slideWindow } from '../../src/windows/slideWindow.js';
import { createWindowCollector, resetWindowCollector } from '../../src/windows/windowCollector.js';
import { clearedScratch, tallySpan } from '../../src/sessions/tally.js';
import { toCompactCode } from '../../src/codes/compactCodes.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the national framework for penalty notices (REFERENCE §4: SI 2024/210 and the DfE guidance Working
// together to improve school attendance): a first notice is £80 within 21 days of receipt or £160 within 28, the
// day of receipt being day 1; at most 2 notices per parent per child in a rolling 3 years from 19 August 2024; and
// the threshold for considering one, 10 sessions of unauthorised absence (G, N, O, U) within 10 school weeks.

const calendar = defineSchoolCalendar(exampleCalendar);
const slots = toSessionSlots(calendar);
const CALENDAR_NAME = 'Example local authority, 2024/25 and 2025/26';
const NATIONAL: WindowRule = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['G', 'N', 'O', 'U'] };
const FIRST_NOTICE: PenaltyNoticePaymentOption[] = [
  { amountPence: 8000, payWithinDays: 21 },
  { amountPence: 16000, payWithinDays: 28 },
];
const RECEIVED = isoDate('2024-09-02');
const PROPOSAL: ProposedPenaltyNotice = {
  parentId: 'P1',
  pupilId: 'C1',
  proposedIssueDate: isoDate('2025-03-03'),
};
const DAY_MS = 86_400_000;

/** The date `days` days after `date`, in UTC so that no time zone is involved. */
function addDays(date: string, days: number): IsoDate {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10));
}

/** A notice to parent P1 for child C1 unless overridden. */
function notice(
  id: string,
  issuedOn: string,
  overrides: Partial<Omit<PenaltyNoticeRecord, 'id' | 'issuedOn'>> = {}
): PenaltyNoticeRecord {
  return { id, parentId: 'P1', pupilId: 'C1', issuedOn: isoDate(issuedOn), status: 'paid', ...overrides };
}

function mark(date: string, session: Session, code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

function listed(marks: readonly SessionMark[]): { date: string; session: Session; code: string }[] {
  return marks.map(({ date, session, code }) => ({ date, session, code }));
}

function onlyIssue(run: () => unknown): AttendanceIssue {
  const { issues } = attendanceErrorOf(run);
  expect(issues).toHaveLength(1);
  return issues[0];
}

describe('assessPenaltyNotice: counted notices and input checks', () => {
  test('notices issued on the same day are listed by id, whatever their order in the history', () => {
    const inOrder = [notice('A', '2025-01-06'), notice('B', '2025-01-06')];
    const reversed = [notice('B', '2025-01-06'), notice('A', '2025-01-06')];
    for (const history of [inOrder, reversed]) {
      const result = assessPenaltyNotice(history, PROPOSAL);
      expect(result.outcome).toBe('not-allowed');
      expect(result.outcome !== 'no-regime' && result.countedNotices.map((counted) => counted.id)).toEqual([
        'A',
        'B',
      ]);
    }
  });

  test('a history that is not a list is an error saying what was received', () => {
    const history = null as unknown as PenaltyNoticeRecord[];
    expect(onlyIssue(() => assessPenaltyNotice(history, PROPOSAL))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'The penalty-notice history must be a list of notices; received null.',
      path: [],
      expected: 'a list of penalty notices',
      received: 'null',
    });
  });

  test('a proposal that is null or not an object is an error naming the proposal', () => {
    for (const [given, received] of [
      [null, 'null'],
      ['P1', 'P1'],
    ] as const) {
      const proposal = given as unknown as ProposedPenaltyNotice;
      expect(onlyIssue(() => assessPenaltyNotice([], proposal))).toEqual({
        code: 'invalid_value',
        severity: 'error',
        message: `The proposed notice must be an object with a parent, a pupil and an issue date; received ${received}.`,
        path: ['proposal'],
        field: 'proposal',
        expected: 'an object with parentId, pupilId and proposedIssueDate',
        received,
      });
    }
  });

  test('a proposed issue date that is not a real day is an error with its message and expected form', () => {
    const proposal = { ...PROPOSAL, proposedIssueDate: '2025-02-29' as IsoDate };
    expect(onlyIssue(() => assessPenaltyNotice([], proposal))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'The proposed issue date "2025-02-29" is not a date in YYYY-MM-DD form naming a real day.',
      path: ['proposedIssueDate'],
      field: 'proposedIssueDate',
      expected: 'a date as YYYY-MM-DD',
      received: '2025-02-29',
    });
  });

  test('history entries that are not objects (null, a number) are each reported by index', () => {
    const history = [notice('PN-1', '2024-10-01'), null, 42] as unknown as PenaltyNoticeRecord[];
    const expected = 'a penalty notice: an object with id, parentId, pupilId, issuedOn and status';
    expect(attendanceErrorOf(() => assessPenaltyNotice(history, PROPOSAL)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'history[1] is null, not a penalty notice.',
        path: [1],
        expected,
        received: 'null',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'history[2] is 42, not a penalty notice.',
        path: [2],
        expected,
        received: '42',
      },
    ]);
  });

  test('every bad record is reported with its message, path, pupil, field, expected and received', () => {
    const history = [
      notice('PN-1', '2024-10-01'),
      { ...notice('PN-2', '2024-11-04'), issuedOn: '04/11/2024' as IsoDate },
      { ...notice('PN-3', '2024-12-02'), paidOn: '2024-12-32' as IsoDate },
      { ...notice('PN-4', '2025-01-06'), status: 'cancelled' as PenaltyNoticeRecord['status'] },
      notice('PN-1', '2025-02-03'),
    ];
    expect(attendanceErrorOf(() => assessPenaltyNotice(history, PROPOSAL)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Penalty notice "PN-2" (history[1], pupil C1): the issue date "04/11/2024" is not a date in YYYY-MM-DD form naming a real day.',
        path: [1, 'issuedOn'],
        pupilId: 'C1',
        field: 'issuedOn',
        expected: 'a date as YYYY-MM-DD',
        received: '04/11/2024',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Penalty notice "PN-3" (history[2], pupil C1): the payment date "2024-12-32" is not a date in YYYY-MM-DD form naming a real day.',
        path: [2, 'paidOn'],
        pupilId: 'C1',
        field: 'paidOn',
        expected: 'a date as YYYY-MM-DD',
        received: '2024-12-32',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Penalty notice "PN-4" (history[3], pupil C1): the status "cancelled" is not one of issued, paid, unpaid, withdrawn.',
        path: [3, 'status'],
        pupilId: 'C1',
        field: 'status',
        expected: 'issued | paid | unpaid | withdrawn',
        received: 'cancelled',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Penalty notice "PN-1" (history[4], pupil C1) repeats the id of history[0]; each notice must appear once.',
        path: [4, 'id'],
        pupilId: 'C1',
        field: 'id',
        expected: 'an id not used by another notice',
        received: 'PN-1',
      },
    ]);
  });

  test('an issue about a record whose pupil id is not text names no pupil', () => {
    const history = [
      { ...notice('PN-1', '2024-10-01'), pupilId: 7 as unknown as string, status: 'void' as 'paid' },
    ];
    const issue = onlyIssue(() => assessPenaltyNotice(history, PROPOSAL));
    expect(issue).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message:
        'Penalty notice "PN-1" (history[0], pupil 7): the status "void" is not one of issued, paid, unpaid, withdrawn.',
      path: [0, 'status'],
      field: 'status',
      expected: 'issued | paid | unpaid | withdrawn',
      received: 'void',
    });
    expect(Object.keys(issue)).not.toContain('pupilId');
  });
});

describe('penaltyNoticeAmountDue: choosing the option and checking input', () => {
  test('after every period, the last day to pay is the latest period end, whatever the order of the options', () => {
    const reversed = [FIRST_NOTICE[1]!, FIRST_NOTICE[0]!];
    for (const options of [FIRST_NOTICE, reversed]) {
      expect(penaltyNoticeAmountDue(options, RECEIVED, isoDate('2024-09-30'))).toEqual({
        kind: 'period-ended',
        lastDayToPay: '2024-09-29',
        outcome:
          'unpaid: the local authority may prosecute the parent for the offence (section 444, Education Act 1996) or withdraw the notice',
      });
    }
  });

  test('of two options with the same amount, the last day to pay it is the later period end', () => {
    const short = { amountPence: 8000, payWithinDays: 21 };
    const long = { amountPence: 8000, payWithinDays: 28 };
    for (const options of [
      [short, long],
      [long, short],
    ]) {
      expect(penaltyNoticeAmountDue(options, RECEIVED, isoDate('2024-09-03'))).toEqual({
        kind: 'payable',
        amountPence: 8000,
        lastDayToPay: '2024-09-29',
      });
    }
  });

  test('a payment date that is not a real day is an error naming paidOn', () => {
    const paidOn = '2024-09-31' as IsoDate;
    expect(onlyIssue(() => penaltyNoticeAmountDue(FIRST_NOTICE, RECEIVED, paidOn))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'The payment date "2024-09-31" is not a date in YYYY-MM-DD form naming a real day.',
      path: ['paidOn'],
      field: 'paidOn',
      expected: 'a date as YYYY-MM-DD',
      received: '2024-09-31',
    });
  });

  test('no payment option is an error naming paymentOptions', () => {
    expect(onlyIssue(() => penaltyNoticeAmountDue([], RECEIVED, isoDate('2024-09-03')))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'A penalty notice needs at least one payment option.',
      path: ['paymentOptions'],
      field: 'paymentOptions',
      expected: 'at least one payment option',
    });
  });
});

describe('toPaymentDueDates: checking input', () => {
  test('a date of receipt that is not a real day is an error naming receivedOn', () => {
    const receivedOn = '2024-02-30' as IsoDate;
    expect(onlyIssue(() => toPaymentDueDates(FIRST_NOTICE, receivedOn))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message:
        'The date the notice was received, "2024-02-30", is not a date in YYYY-MM-DD form naming a real day.',
      path: ['receivedOn'],
      field: 'receivedOn',
      expected: 'a date as YYYY-MM-DD',
      received: '2024-02-30',
    });
  });

  test('options that are not whole days of at least 1 and whole pence of at least 0 are each reported', () => {
    const options = [
      { amountPence: -1, payWithinDays: 0 },
      { amountPence: 80.5, payWithinDays: 21 },
    ];
    expect(attendanceErrorOf(() => toPaymentDueDates(options, RECEIVED)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Payment option 0: payWithinDays must be a whole number of days, at least 1; received 0.',
        path: [0, 'payWithinDays'],
        field: 'payWithinDays',
        expected: 'a whole number of days, at least 1',
        received: '0',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Payment option 0: amountPence must be a whole number of pence, at least 0; received -1.',
        path: [0, 'amountPence'],
        field: 'amountPence',
        expected: 'a whole number of pence, at least 0',
        received: '-1',
      },
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Payment option 1: amountPence must be a whole number of pence, at least 0; received 80.5.',
        path: [1, 'amountPence'],
        field: 'amountPence',
        expected: 'a whole number of pence, at least 0',
        received: '80.5',
      },
    ]);
  });

  test('an amount of 0 pence and a period of 1 day are allowed: payable on the day of receipt only', () => {
    expect(toPaymentDueDates([{ amountPence: 0, payWithinDays: 1 }], RECEIVED)).toEqual([
      { amountPence: 0, payWithinDays: 1, lastDayToPay: '2024-09-02' },
    ]);
  });
});

describe('countRollingWindow: issues for counted sessions the calendar cannot place', () => {
  test('a counted mark outside the calendar: the full issue, with no pupil when the mark names none', () => {
    const marks = [mark('2024-09-03', 'AM', 'U'), mark('2026-09-01', 'PM', 'U')];
    const issue = onlyIssue(() => countRollingWindow(marks, calendar, NATIONAL));
    expect(issue).toEqual({
      code: 'outside_calendar',
      severity: 'error',
      message: `Counted mark "U" (2026-09-01 PM) is outside the calendar "${CALENDAR_NAME}".`,
      path: [1, 'date'],
      date: '2026-09-01',
      session: 'PM',
      field: 'date',
      expected: 'a date within the calendar',
      received: '2026-09-01',
    });
    expect(Object.keys(issue)).not.toContain('pupilId');
  });

  test('a counted mark in a holiday week when counting school weeks: the full issue, naming its pupil', () => {
    const marks = [{ ...mark('2024-10-30', 'AM', 'G'), pupilId: 'P3' }];
    expect(onlyIssue(() => countRollingWindow(marks, calendar, NATIONAL))).toEqual({
      code: 'mark_on_closed_session',
      severity: 'error',
      message: 'Counted mark "G" (2024-10-30 AM) falls in a week without school sessions.',
      path: [0, 'date'],
      pupilId: 'P3',
      date: '2024-10-30',
      session: 'AM',
      field: 'date',
      expected: 'a date in a school week',
      received: '2024-10-30',
    });
  });

  test('in the compact form the issue quotes the counted code', () => {
    const beyond = createSessionSlots([
      { date: isoDate('2026-07-20'), session: 'AM' },
      { date: isoDate('2026-09-01'), session: 'AM' },
    ]);
    const register = toCompactRegister([mark('2026-09-01', 'AM', 'N')], beyond, 'P7');
    expect(onlyIssue(() => countRollingWindow(register, calendar, NATIONAL))).toEqual({
      code: 'outside_calendar',
      severity: 'error',
      message: `Counted mark "N" (2026-09-01 AM) is outside the calendar "${CALENDAR_NAME}".`,
      path: ['codes', 1],
      pupilId: 'P7',
      date: '2026-09-01',
      session: 'AM',
      field: 'date',
      expected: 'a date within the calendar',
      received: '2026-09-01',
    });
  });

  test('in the compact form, uncounted codes and unmarked sessions in a holiday week are not reported', () => {
    // 25 October 2024 is in school week 7; 28–30 October is the half-term week.
    const holiday = createSessionSlots([
      { date: isoDate('2024-10-25'), session: 'PM' },
      { date: isoDate('2024-10-28'), session: 'AM' },
      { date: isoDate('2024-10-29'), session: 'AM' },
      { date: isoDate('2024-10-30'), session: 'AM' },
    ]);
    const register = toCompactRegister(
      [mark('2024-10-25', 'PM', 'U'), mark('2024-10-29', 'AM', 'O'), mark('2024-10-30', 'AM', '/')],
      holiday
    );
    const issue = onlyIssue(() => countRollingWindow(register, calendar, NATIONAL));
    expect(issue).toMatchObject({
      code: 'mark_on_closed_session',
      message: 'Counted mark "O" (2024-10-29 AM) falls in a week without school sessions.',
      path: ['codes', 2],
    });
  });

  test('two marks for one session: the issue is located at the second mark', () => {
    const marks = [
      mark('2024-09-03', 'AM', 'U'),
      mark('2024-09-04', 'AM', 'O'),
      mark('2024-09-03', 'AM', 'N'),
    ];
    expect(onlyIssue(() => countRollingWindow(marks, calendar, NATIONAL))).toEqual({
      code: 'duplicate_mark',
      severity: 'error',
      message: 'Two marks for the same session (2024-09-03, AM): marks 0 ("U") and 2 ("N").',
      path: [2],
      date: '2024-09-03',
      session: 'AM',
      expected: 'one mark per date and session',
      received: 'U and N',
    });
  });
});

describe('countRollingWindow: what is counted and listed', () => {
  test('a mark with a code of neither code set is not counted', () => {
    const marks = [mark('2024-09-03', 'AM', 'Q9'), mark('2024-09-04', 'AM', 'U')];
    const result = countRollingWindow(marks, calendar, { ...NATIONAL, threshold: 2 });
    expect(result.counted).toBe(1);
    expect(result.maximum).toBe(1);
    expect(result.reached).toBe(false);
  });

  test('a rule naming "-" (no mark yet) never counts unmarked sessions, as marks or in the compact form', () => {
    const rule: WindowRule = { ...NATIONAL, codes: ['-', 'U'], threshold: 2 };
    const marks = [
      mark('2024-09-03', 'PM', '-'),
      mark('2024-09-04', 'AM', 'U'),
      mark('2024-09-05', 'AM', ''),
    ];
    const result = countRollingWindow(marks, calendar, rule);
    expect(result.counted).toBe(1);
    expect(result.reached).toBe(false);
    const compact = countRollingWindow(toCompactRegister(marks, slots), calendar, rule);
    expect(compact.counted).toBe(1);
    expect(compact).toEqual(result);
  });

  test('a single counted session with a threshold of 1 is listed as a window', () => {
    const marks = [mark('2025-03-12', 'AM', 'U')];
    const result = countRollingWindow(marks, calendar, { ...NATIONAL, threshold: 1 });
    const window = { count: 1, periodStart: '2024-12-16', periodEnd: '2025-03-12', marks: listed(marks) };
    expect(result.firstReached).toEqual(window);
    expect(result.windows).toEqual([window]);
    expect(
      countRollingWindow(toCompactRegister(marks, slots), calendar, { ...NATIONAL, threshold: 1 })
    ).toEqual(result);
  });

  test('a register of more than a thousand counted sessions is counted and listed in full', () => {
    // Every session of 600 days from Monday 2 September 2024, holidays and weekends included: calendar days.
    const marks: SessionMark[] = [];
    for (let day = 0; day < 600; day += 1) {
      const date = addDays('2024-09-02', day);
      marks.push(mark(date, 'AM', 'U'), mark(date, 'PM', 'U'));
    }
    const rule: WindowRule = { length: 700, unit: 'calendar-days', threshold: 1200, codes: ['U'] };
    const result = countRollingWindow(marks, calendar, rule);
    expect(result.counted).toBe(1200);
    expect(result.maximum).toBe(1200);
    // The 700 days ending on the 600th day start 100 days before the first.
    const window = {
      count: 1200,
      periodStart: addDays('2024-09-02', -100),
      periodEnd: addDays('2024-09-02', 599),
      marks: listed(marks),
    };
    expect(result.firstReached).toEqual(window);
    expect(result.windows).toEqual([window]);
  });
});

describe('the sliding window and the cohort collector', () => {
  test('slideWindow reports -1 for both ends when the threshold is never reached', () => {
    const outcome = emptySlideOutcome();
    slideWindow(Int32Array.of(0, 0, 3, 12), 4, 10, 4, outcome, null);
    expect(outcome).toEqual({ maximum: 3, firstReachedStart: -1, firstReachedEnd: -1 });
    slideWindow(Int32Array.of(0, 0, 3, 12), 4, 10, 3, outcome, null);
    expect(outcome).toEqual({ maximum: 3, firstReachedStart: 0, firstReachedEnd: 2 });
  });

  test('a collector made for a short register grows to collect every session of a longer one', () => {
    const rule: WindowRule = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['O'] };
    const collector = createWindowCollector([rule], slots, calendar, 1);
    const codes = new Uint8Array(20).fill(toCompactCode('O')!);
    resetWindowCollector(collector, 20);
    tallySpan(codes, 0, 20, slots.first2024Index, clearedScratch(), collector, 0);
    const all = Array.from({ length: 20 }, (_, slot) => slot);
    expect(collector.counted[0]).toBe(20);
    expect(collector.countedSlots).toHaveLength(1);
    expect(Array.from(collector.countedSlots[0]!.subarray(0, 20))).toEqual(all);
    // The first 20 sessions: 8 from Tuesday 3 September 2024 (the Monday is an INSET day), 10 in the week of
    // 9 September and 2 on Monday 16 September: school weeks 0, 1 and 2.
    const weeks = all.map((slot) => (slot < 8 ? 0 : slot < 18 ? 1 : 2));
    expect(Array.from(collector.countedPositions[0]!.subarray(0, 20))).toEqual(weeks);
  });

  test('the cohort analysis applies the full 32 window rules in one pass', () => {
    // One O a week for twelve school weeks; rule r reaches its threshold r + 1 at the (r + 1)th O, up to 10.
    const codes: string[] = [];
    for (let week = 0; week < 12; week += 1) codes.push('O', ...Array.from({ length: 9 }, () => '/'));
    const marks = codes.map((code, slot) => ({
      date: slots.dates[slot]!,
      session: slots.sessions[slot]!,
      code,
    }));
    const rules: WindowRule[] = Array.from({ length: 32 }, (_, index) => ({
      length: 10,
      unit: 'school-weeks',
      threshold: index + 1,
      codes: ['O'],
    }));
    const figures = analyseCohortRegister(createCohortRegister([['P', marks]]), { calendar, windows: rules });
    expect(figures.windows).toHaveLength(32);
    expect(figures.windows.map((window) => window.counted[0])).toEqual(rules.map(() => 12));
    expect(figures.windows.map((window) => window.maximum[0])).toEqual(rules.map(() => 10));
    expect(figures.windows.map((window) => window.firstReachedSlot[0])).toEqual(
      rules.map((rule) => (rule.threshold <= 10 ? (rule.threshold - 1) * 10 : -1))
    );
    expect(figures.warnings).toEqual([]);
  });
});

describe('window rules in policies', () => {
  test('a penalty-notice rule may count calendar weeks or calendar days', () => {
    for (const unit of ['calendar-weeks', 'calendar-days'] as const) {
      const penaltyNotice: WindowRule = { length: 12, unit, threshold: 10, codes: ['O', 'U', 'G'] };
      expect(definePolicy({ penaltyNotice }).penaltyNotice).toEqual(penaltyNotice);
    }
  });

  test('an empty code or an unknown code in a window rule is unknown_code', () => {
    const rule = (codes: string[]): WindowRule => ({ ...NATIONAL, codes: codes as WindowRule['codes'] });
    expect(onlyIssue(() => definePolicy({ penaltyNotice: rule(['U', 'Q9']) }))).toEqual({
      code: 'unknown_code',
      severity: 'error',
      message: 'penaltyNotice.codes[1]: Expected a register code of either code set; received Q9.',
      path: ['penaltyNotice', 'codes', 1],
      field: 'codes',
      expected: 'a register code of either code set',
      received: 'Q9',
    });
    expect(onlyIssue(() => definePolicy({ penaltyNotice: rule(['']) }))).toMatchObject({
      code: 'unknown_code',
      path: ['penaltyNotice', 'codes', 0],
    });
  });

  test('a code listed twice in a window rule is an error', () => {
    const penaltyNotice: WindowRule = { ...NATIONAL, codes: ['U', 'O', 'U'] };
    expect(onlyIssue(() => definePolicy({ penaltyNotice }))).toEqual({
      code: 'invalid_value',
      severity: 'error',
      message: 'penaltyNotice.codes: Each code is listed once; received ["U","O","U"].',
      path: ['penaltyNotice', 'codes'],
      field: 'codes',
      expected: 'each code once',
      received: '["U","O","U"]',
    });
  });

  test('a validated lateness policy keeps its window rule’s codes and countFrom', () => {
    const persistentLateness: WindowRule = {
      length: 12,
      unit: 'calendar-weeks',
      threshold: 10,
      codes: ['U', 'L'],
      countFrom: isoDate('2024-08-19'),
    };
    const policy = defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, persistentLateness });
    expect(policy.persistentLateness).toEqual(persistentLateness);
  });
});
