import { describe, expect, test } from 'vitest';
import {
  COMPACT_CODES,
  countLateness,
  defineLatenessPolicy,
  defineSchoolCalendar,
  eachSessionSlot,
  findAbsenceActions,
  findContinuousAbsence,
  findSicknessReturns,
  HCAT_LATENESS_POLICY,
  HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
  DFE_SICKNESS_RETURN,
  isoDate,
  safeDefineLatenessPolicy,
  toCompactRegister,
  toLateMark,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AttendanceIssue,
  CompactRegister,
  FindContinuousAbsenceOptions,
  LatenessPolicy,
  Session,
  SessionMark,
  SessionSlots,
} from '../../src/index.js';
import { checkPositiveInteger, checkRunOptions } from '../../src/absence/absenceRuns.js';
import type { RunScanOptions } from '../../src/absence/absenceRuns.js';
import type * as LatenessSchemaModule from '../../src/lateness/schema.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../../src/_internal/fromZodIssues.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Exact results and exact issues of the continuous-absence runs, the sickness and absence-action policies, and the
// lateness rules (late marks per half-term, register times), for the cases the other tests leave loose: issue
// messages and fields, partial days, compact registers, one-session calendars and hand-made options.
//
// The example calendar: Autumn 1 2024 (its first half-term) runs 2 September (an INSET day) to 25 October, Autumn 2
// from 4 November (an INSET day); Tuesday 21 July 2026, its last day, closes at lunchtime.

const calendar = defineSchoolCalendar(exampleCalendar);
const CALENDAR_NAME = 'Example local authority, 2024/25 and 2025/26';

/** The example calendar with Wednesday 11 September 2024 closed in the morning only. */
const lateStartCalendar = defineSchoolCalendar({
  ...exampleCalendar,
  closures: [
    ...exampleCalendar.closures,
    { date: '2024-09-11', sessions: ['AM'], reason: 'planned', label: 'Staff training morning' },
  ],
});

/** The example calendar with one session (AM) a day, and so without its closure of an afternoon. */
const oneSessionCalendar = defineSchoolCalendar({
  ...exampleCalendar,
  sessionsPerDay: 1,
  closures: exampleCalendar.closures.filter((closure) => !('sessions' in closure)),
});

const UNAUTHORISED: FindContinuousAbsenceOptions = { codes: ['G', 'N', 'O', 'U'] };

/** One mark. */
function mark(date: string, session: Session, code: string, pupilId?: string): SessionMark {
  return pupilId === undefined
    ? { date: isoDate(date), session, code }
    : { pupilId, date: isoDate(date), session, code };
}

/** Marks with `code` on every session `on` has open from `from` to `to`. */
function fill(from: string, to: string, code: string, on = calendar): SessionMark[] {
  return eachSessionSlot(on, { from: isoDate(from), to: isoDate(to) }).map((slot) => ({ ...slot, code }));
}

/** The byte of a register code in the compact form. */
function byteOf(code: string): number {
  return COMPACT_CODES.indexOf(code as (typeof COMPACT_CODES)[number]);
}

/** Hand-made session slots (all after 19 August 2024, so the first 2024 slot is the first). */
function slotsOf(...slots: readonly [string, Session][]): SessionSlots {
  return {
    dates: slots.map(([date]) => isoDate(date)),
    sessions: slots.map(([, session]) => session),
    first2024Index: 0,
  };
}

describe('continuous absence: options made by hand are checked, every problem named exactly', () => {
  test('a run needs at least one code: an empty list is named as such', () => {
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, { codes: [] })).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A run needs at least one register code to look for.',
        path: ['codes'],
        field: 'codes',
        expected: 'one or more register codes',
        received: 'an empty list',
      },
    ]);
  });

  test('codes that are not a list are named by their type', () => {
    const options = { codes: 'N' } as unknown as FindContinuousAbsenceOptions;
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, options)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A run needs at least one register code to look for.',
        path: ['codes'],
        field: 'codes',
        expected: 'one or more register codes',
        received: 'string',
      },
    ]);
  });

  test('"no mark yet" among the codes is refused: an unmarked session is not known to be an absence', () => {
    expect(
      attendanceErrorOf(() => findContinuousAbsence([], calendar, { codes: ['N', '-'] })).issues
    ).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'A run cannot be made of sessions with no mark yet: an unmarked session is not known to be an absence.',
        path: ['codes', 1],
        field: 'codes',
        expected: 'a register code',
        received: '-',
      },
    ]);
  });

  test('an otherAbsence that is neither "breaks" nor "continues" is quoted when it is text', () => {
    const options = { codes: ['N'], otherAbsence: 'ignores' } as unknown as FindContinuousAbsenceOptions;
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, options)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'otherAbsence must be "breaks" or "continues", not "ignores".',
        path: ['otherAbsence'],
        field: 'otherAbsence',
        expected: '"breaks" or "continues"',
        received: 'ignores',
      },
    ]);
  });

  test('an otherAbsence that is not text is named by its type', () => {
    const options = { codes: ['N'], otherAbsence: 1 } as unknown as FindContinuousAbsenceOptions;
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, options)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'otherAbsence must be "breaks" or "continues", not "number".',
        path: ['otherAbsence'],
        field: 'otherAbsence',
        expected: '"breaks" or "continues"',
        received: 'number',
      },
    ]);
  });

  test('checkRunOptions locates its issues under the path it is given, and at the top by default', () => {
    const options = { codes: [] } as RunScanOptions;
    expect(
      attendanceErrorOf(() => {
        checkRunOptions(options);
      }).issues[0].path
    ).toEqual(['codes']);
    expect(
      attendanceErrorOf(() => {
        checkRunOptions(options, ['options']);
      }).issues[0].path
    ).toEqual(['options', 'codes']);
    expect(() => {
      checkRunOptions({ codes: ['N'], otherAbsence: 'continues' });
    }).not.toThrow();
  });
});

describe('continuous absence: policy counts must be positive whole numbers', () => {
  test('a sickness threshold of 0 is refused with the threshold named', () => {
    const policy = { ...DFE_SICKNESS_RETURN, threshold: 0 };
    expect(attendanceErrorOf(() => findSicknessReturns([], calendar, policy)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The threshold must be a whole number of school days, 1 or more; received 0.',
        path: ['threshold'],
        field: 'threshold',
        expected: 'a positive whole number',
        received: '0',
      },
    ]);
  });

  test('a step on school day 2.5 is refused with the step located and its field named', () => {
    const policy = {
      ...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
      steps: [{ schoolDay: 2.5, action: 'visit', label: 'Visit' }],
    };
    expect(attendanceErrorOf(() => findAbsenceActions([], calendar, policy)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'A step’s school day must be a whole number of school days, 1 or more; received 2.5.',
        path: ['steps', 0, 'schoolDay'],
        field: 'schoolDay',
        expected: 'a positive whole number',
        received: '2.5',
      },
    ]);
  });

  test('checkPositiveInteger accepts 1 and names no field when given no path', () => {
    expect(() => {
      checkPositiveInteger(1, ['days'], 'The days');
    }).not.toThrow();
    expect(
      attendanceErrorOf(() => {
        checkPositiveInteger(-3, [], 'The days');
      }).issues
    ).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The days must be a whole number of school days, 1 or more; received -3.',
        path: [],
        field: '',
        expected: 'a positive whole number',
        received: '-3',
      },
    ]);
  });
});

describe('continuous absence: runs', () => {
  test('a code asked for twice is listed once, in the place it was first asked for', () => {
    const marks = [...fill('2024-09-09', '2024-09-09', 'N'), ...fill('2024-09-10', '2024-09-10', 'G')];
    const [run] = findContinuousAbsence(marks, calendar, { codes: ['N', 'G', 'N'] });
    expect(run).toEqual({
      startDate: '2024-09-09',
      endDate: '2024-09-10',
      schoolDays: 2,
      sessions: 4,
      codes: ['N', 'G'],
      dates: ['2024-09-09', '2024-09-10'],
    });
  });

  test('a day closed in the morning counts on its afternoon alone, as one session', () => {
    const marks = fill('2024-09-09', '2024-09-13', 'N', lateStartCalendar);
    expect(findContinuousAbsence(marks, lateStartCalendar, UNAUTHORISED)).toEqual([
      {
        startDate: '2024-09-09',
        endDate: '2024-09-13',
        schoolDays: 5,
        sessions: 9,
        codes: ['N'],
        dates: ['2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13'],
      },
    ]);
  });

  test('in a compact register, the morning of a day closed at lunchtime counts on its own', () => {
    const marks = fill('2026-07-20', '2026-07-21', 'N');
    const slots = toSessionSlots(calendar, { from: isoDate('2026-07-20'), to: isoDate('2026-07-21') });
    expect(slots.sessions).toEqual(['AM', 'PM', 'AM']);
    expect(findContinuousAbsence(toCompactRegister(marks, slots), calendar, UNAUTHORISED)).toEqual([
      {
        startDate: '2026-07-20',
        endDate: '2026-07-21',
        schoolDays: 2,
        sessions: 3,
        codes: ['N'],
        dates: ['2026-07-20', '2026-07-21'],
      },
    ]);
  });
});

describe('continuous absence: register problems, named exactly', () => {
  test('a counted mark on a weekend names the pupil, the mark and the calendar', () => {
    const marks = [mark('2024-09-13', 'AM', 'N', 'P7'), mark('2024-09-14', 'AM', 'N', 'P7')];
    expect(attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues).toEqual([
      {
        code: 'mark_on_closed_session',
        severity: 'error',
        message: `Counted mark "N" (2024-09-14 AM) falls on a session the calendar "${CALENDAR_NAME}" has closed (a weekend, a holiday or a closure).`,
        path: [1, 'date'],
        pupilId: 'P7',
        date: '2024-09-14',
        session: 'AM',
        field: 'date',
        expected: 'a session the calendar has open',
        received: '2024-09-14 AM',
      },
    ]);
  });

  test('a counted mark outside the calendar, without a pupil id, names no pupil', () => {
    const marks = [mark('2024-09-13', 'AM', 'N'), mark('2023-09-11', 'AM', 'O')];
    const issues = attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues;
    expect(issues).toStrictEqual([
      {
        code: 'outside_calendar',
        severity: 'error',
        message: `Counted mark "O" (2023-09-11 AM) is outside the calendar "${CALENDAR_NAME}".`,
        path: [1, 'date'],
        date: '2023-09-11',
        session: 'AM',
        field: 'date',
        expected: 'a date within the calendar',
        received: '2023-09-11 AM',
      },
    ]);
  });

  test('a counted mark on the closed afternoon of a day open in the morning is an error', () => {
    const marks = [mark('2026-07-21', 'AM', 'N'), mark('2026-07-21', 'PM', 'N')];
    const issues = attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues;
    expect(issues.map((issue) => [issue.code, issue.path, issue.session])).toEqual([
      ['mark_on_closed_session', [1, 'date'], 'PM'],
    ]);
  });

  test('an unknown code is located at the mark’s code', () => {
    const marks = [mark('2024-09-10', 'AM', 'N'), mark('2024-09-11', 'AM', 'Q9')];
    expect(attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues).toEqual([
      {
        code: 'unknown_code',
        severity: 'error',
        message:
          'Unknown register code "Q9" (2024-09-11, AM): it is in neither the 2024 nor the pre-2024 code set.',
        path: [1, 'code'],
        date: '2024-09-11',
        session: 'AM',
        field: 'code',
        expected: 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet',
        received: 'Q9',
      },
    ]);
  });

  test('a second mark for the register’s first session is an error located at the second mark', () => {
    const marks = [mark('2024-09-09', 'AM', 'N'), mark('2024-09-09', 'AM', '/')];
    expect(attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues).toEqual([
      {
        code: 'duplicate_mark',
        severity: 'error',
        message: 'Two marks for the same session (2024-09-09, AM): marks 0 ("N") and 1 ("/").',
        path: [1],
        date: '2024-09-09',
        session: 'AM',
        expected: 'one mark per date and session',
        received: 'N and /',
      },
    ]);
  });

  test('in a compact register, the first byte past the code list is an unknown code', () => {
    const register: CompactRegister = {
      slots: slotsOf(['2024-09-09', 'AM'], ['2024-09-09', 'PM']),
      codes: Uint8Array.from([byteOf('N'), COMPACT_CODES.length]),
    };
    const issues = attendanceErrorOf(() => findContinuousAbsence(register, calendar, UNAUTHORISED)).issues;
    expect(issues.map((issue) => [issue.code, issue.path, issue.received])).toEqual([
      ['unknown_code', ['codes', 1], `byte ${COMPACT_CODES.length}`],
    ]);
  });

  test('in a compact register, a counted byte on a closed slot names its code, slot and pupil', () => {
    const register: CompactRegister = {
      pupilId: 'P7',
      slots: slotsOf(['2024-09-13', 'AM'], ['2024-09-14', 'AM']),
      codes: Uint8Array.from([byteOf('N'), byteOf('N')]),
    };
    expect(attendanceErrorOf(() => findContinuousAbsence(register, calendar, UNAUTHORISED)).issues).toEqual([
      {
        code: 'mark_on_closed_session',
        severity: 'error',
        message: `Counted mark "N" (2024-09-14 AM) falls on a session the calendar "${CALENDAR_NAME}" has closed (a weekend, a holiday or a closure).`,
        path: ['codes', 1],
        pupilId: 'P7',
        date: '2024-09-14',
        session: 'AM',
        field: 'date',
        expected: 'a session the calendar has open',
        received: '2024-09-14 AM',
      },
    ]);
  });
});

describe('countLateness: late marks the calendar cannot place, named exactly', () => {
  test('an L on an afternoon of a one-session calendar falls on a day without a PM session (first half-term)', () => {
    const register = [mark('2024-09-10', 'PM', 'L')];
    const issues = attendanceErrorOf(() =>
      countLateness(register, oneSessionCalendar, HCAT_LATENESS_POLICY)
    ).issues;
    expect(issues).toStrictEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        date: '2024-09-10',
        session: 'PM',
        field: 'date',
        code: 'mark_on_closed_session',
        message:
          'Late mark "L" (2024-09-10 PM) falls on a day without a PM session, when no register is taken.',
        expected: 'a session the calendar has open',
        received: '2024-09-10 PM "L"',
      },
    ]);
  });

  test('an L on an afternoon of a one-session calendar in a later half-term is not called a holiday', () => {
    const register = [mark('2024-11-05', 'PM', 'L', 'P7')];
    const issues = attendanceErrorOf(() =>
      countLateness(register, oneSessionCalendar, HCAT_LATENESS_POLICY)
    ).issues;
    expect(issues.map((issue) => [issue.message, issue.pupilId])).toEqual([
      ['Late mark "L" (2024-11-05 PM) falls on a day without a PM session, when no register is taken.', 'P7'],
    ]);
  });

  test('a late mark outside the calendar belongs to no half-term', () => {
    const register = [mark('2027-01-05', 'AM', 'L')];
    expect(attendanceErrorOf(() => countLateness(register, calendar, HCAT_LATENESS_POLICY)).issues).toEqual([
      {
        severity: 'error',
        path: [0, 'date'],
        date: '2027-01-05',
        session: 'AM',
        field: 'date',
        code: 'outside_calendar',
        message: `Late mark "L" (2027-01-05 AM) is outside the calendar "${CALENDAR_NAME}", so it belongs to no half-term.`,
        expected: 'a date within the calendar’s school years',
        received: '2027-01-05',
      },
    ]);
  });

  test('in a compact register, a U on a closed slot is named as U', () => {
    const register: CompactRegister = {
      slots: slotsOf(['2024-09-13', 'AM'], ['2024-09-14', 'AM']),
      codes: Uint8Array.from([byteOf('U'), byteOf('U')]),
    };
    const issues = attendanceErrorOf(() => countLateness(register, calendar, HCAT_LATENESS_POLICY)).issues;
    expect(issues.map((issue) => [issue.code, issue.path, issue.message, issue.received])).toEqual([
      [
        'mark_on_closed_session',
        ['codes', 1],
        'Late mark "U" (2024-09-14 AM) falls on a weekend, when no register is taken.',
        '2024-09-14 AM "U"',
      ],
    ]);
  });

  test('an error that is not an AttendanceError (a policy getter that throws) is passed on, not swallowed', () => {
    const policy = {
      ...HCAT_LATENESS_POLICY,
      get persistentLateness(): LatenessPolicy['persistentLateness'] {
        throw new RangeError('no window configured');
      },
    };
    expect(() => countLateness([mark('2024-09-10', 'AM', 'L')], calendar, policy)).toThrow(
      new RangeError('no window configured')
    );
  });
});

describe('toLateMark: times that are not HH:MM, named exactly', () => {
  const CLOCK_TIME = 'a 24-hour time as HH:MM, e.g. "09:00"';

  test('a morning register time is named by its field alone, even when the policy has an afternoon register', () => {
    const policy = {
      ...HCAT_LATENESS_POLICY,
      registerOpens: '9am',
      afternoonRegister: { registerOpens: '13:15', registerCloses: '13:30' },
    };
    expect(attendanceErrorOf(() => toLateMark('09:10', 'AM', policy)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'The lateness policy\'s registerOpens "9am" is not a 24-hour time as HH:MM.',
        path: ['policy', 'registerOpens'],
        session: 'AM',
        field: 'registerOpens',
        expected: CLOCK_TIME,
        received: '9am',
      },
    ]);
  });

  test('an afternoon register time is named by its dotted path', () => {
    const policy = {
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '13:15', registerCloses: '1.30pm' },
    };
    expect(attendanceErrorOf(() => toLateMark('13:20', 'PM', policy)).issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'The lateness policy\'s afternoonRegister.registerCloses "1.30pm" is not a 24-hour time as HH:MM.',
        path: ['policy', 'afternoonRegister', 'registerCloses'],
        session: 'PM',
        field: 'registerCloses',
        expected: CLOCK_TIME,
        received: '1.30pm',
      },
    ]);
  });

  test('an arrival with a session that is not text (from JavaScript) names no session', () => {
    const issues = attendanceErrorOf(() =>
      toLateMark('nine', 42 as unknown as Session, HCAT_LATENESS_POLICY)
    ).issues;
    expect(issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Arrival time "nine" (42) is not a 24-hour time as HH:MM.',
        path: ['arrival'],
        field: 'arrival',
        expected: CLOCK_TIME,
        received: 'nine',
      },
    ]);
  });
});

// The schema of lateness policies is built once, on first use, and kept. So that each of these tests checks a schema
// built while it runs (and not one that an earlier test built), they also read issues from an instance of the
// schema module of their own, turned into issues exactly as defineLatenessPolicy does.
let schemaInstances = 0;

/** The issues defineLatenessPolicy's checks report for `input`, from a schema module loaded and built afresh. */
async function freshLatenessPolicyIssues(input: unknown): Promise<readonly AttendanceIssue[]> {
  schemaInstances += 1;
  const specifier = `../../src/lateness/schema.js?instance=${String(schemaInstances)}`;
  const fresh = (await import(/* @vite-ignore */ specifier)) as typeof LatenessSchemaModule;
  const result = fresh.latenessPolicySchema().safeParse(input, ZOD_PARSE_CONTEXT);
  return result.success ? [] : fromZodIssues(result.error.issues);
}

/** The issues defineLatenessPolicy reports for `input` (none when it is valid). */
function latenessPolicyIssues(input: unknown): readonly AttendanceIssue[] {
  const result = safeDefineLatenessPolicy(input);
  return result.success ? [] : result.error.issues;
}

describe('defineLatenessPolicy: every problem named exactly', () => {
  test('the fresh schema reports what defineLatenessPolicy reports', async () => {
    for (const input of [
      HCAT_LATENESS_POLICY,
      { ...HCAT_LATENESS_POLICY, registerOpens: '9:00', registerCloses: '08:00' },
      null,
    ]) {
      expect(await freshLatenessPolicyIssues(input)).toEqual(latenessPolicyIssues(input));
    }
  });

  test('a register time that is not HH:MM', async () => {
    const input = { ...HCAT_LATENESS_POLICY, registerOpens: '9:00' };
    const expected = [
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'registerOpens: Expected a 24-hour time as HH:MM; received 9:00.',
        path: ['registerOpens'],
        field: 'registerOpens',
        expected: 'a 24-hour time as HH:MM, e.g. "09:00"',
        received: '9:00',
      },
    ];
    expect(await freshLatenessPolicyIssues(input)).toEqual(expected);
    expect(latenessPolicyIssues(input)).toEqual(expected);
  });

  test('a register that closes before it opens', async () => {
    const input = { ...HCAT_LATENESS_POLICY, registerCloses: '08:55' };
    const expected = [
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'registerCloses: The register closes (08:55) no later than it opens (09:00); received 08:55.',
        path: ['registerCloses'],
        field: 'registerCloses',
        expected: 'a time after 09:00',
        received: '08:55',
      },
    ];
    expect(await freshLatenessPolicyIssues(input)).toEqual(expected);
    expect(latenessPolicyIssues(input)).toEqual(expected);
  });

  test('an afternoon register with both times is accepted and kept', async () => {
    const input = {
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '13:15', registerCloses: '13:30' },
    };
    expect(await freshLatenessPolicyIssues(input)).toEqual([]);
    expect(defineLatenessPolicy(input).afternoonRegister).toEqual({
      registerOpens: '13:15',
      registerCloses: '13:30',
    });
  });

  test('an afternoon register that is null is one located issue', () => {
    expect(latenessPolicyIssues({ ...HCAT_LATENESS_POLICY, afternoonRegister: null })).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'afternoonRegister: Invalid input: expected object, received null; received null.',
        path: ['afternoonRegister'],
        field: 'afternoonRegister',
        expected: 'object',
        received: 'null',
      },
    ]);
  });

  test('a code listed twice in an action', async () => {
    const [letter] = HCAT_LATENESS_POLICY.halfTermActions;
    const input = { ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, codes: ['L', 'L'] }] };
    const expected = [
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'halfTermActions[0].codes: Each code is listed once; received ["L","L"].',
        path: ['halfTermActions', 0, 'codes'],
        field: 'codes',
        expected: 'each code once',
        received: '["L","L"]',
      },
    ];
    expect(await freshLatenessPolicyIssues(input)).toEqual(expected);
    expect(latenessPolicyIssues(input)).toEqual(expected);
  });

  test('an action whose upper end is below its lower end', () => {
    const [letter] = HCAT_LATENESS_POLICY.halfTermActions;
    const input = { ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, atLeast: 4, atMost: 3 }] };
    expect(latenessPolicyIssues(input)).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'halfTermActions[0].atMost: Action "lateness-letter" covers 4 to 3 marks: its upper end is below its lower end; received 3.',
        path: ['halfTermActions', 0, 'atMost'],
        field: 'atMost',
        expected: 'at least 4',
        received: '3',
      },
    ]);
  });

  test('the register times are checked along with every other problem, a field of the wrong type included', async () => {
    const input = {
      ...HCAT_LATENESS_POLICY,
      registerCloses: '10:00',
      halfTermActions: [{ ...HCAT_LATENESS_POLICY.halfTermActions[0], atLeast: 0 }],
      persistentLateness: 'U',
    };
    const expected = [['halfTermActions', 0, 'atLeast'], ['persistentLateness'], ['registerCloses']];
    expect((await freshLatenessPolicyIssues(input)).map((issue) => issue.path)).toEqual(expected);
    expect(latenessPolicyIssues(input).map((issue) => issue.path)).toEqual(expected);
  });

  test('input that is null or nothing is one issue at the top, never a crash', async () => {
    for (const input of [null, undefined]) {
      const issues = [
        {
          code: 'invalid_value',
          severity: 'error',
          message: `the input: Invalid input: expected object, received ${String(input)}; received ${input === null ? 'null' : 'nothing'}.`,
          path: [],
          expected: 'object',
          received: input === null ? 'null' : 'nothing',
        },
      ];
      expect(latenessPolicyIssues(input)).toEqual(issues);
      expect(await freshLatenessPolicyIssues(input)).toEqual(issues);
    }
  });

  test('safeDefineLatenessPolicy passes on an error thrown by the input itself (a getter), as defineLatenessPolicy does', () => {
    const input = {
      ...HCAT_LATENESS_POLICY,
      get registerOpens(): string {
        throw new RangeError('settings not loaded');
      },
    };
    expect(() => defineLatenessPolicy(input)).toThrow(new RangeError('settings not loaded'));
    expect(() => safeDefineLatenessPolicy(input)).toThrow(new RangeError('settings not loaded'));
  });
});
