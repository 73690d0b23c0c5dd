import { describe, expect, test } from 'vitest';
import {
  defineSchoolCalendar,
  eachSessionSlot,
  findContinuousAbsence,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  ContinuousAbsenceRun,
  FindContinuousAbsenceOptions,
  SchoolCalendar,
  Session,
  SessionMark,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Written from the rules for continuous absence: a continuous period of absence is counted in school days
// (SI 2006/1751 reg 12, restated from 2024), so weekends, holidays and planned closures neither count nor break it;
// attendance and approved educational activity are not absence, so they end it; a day that is not known (no mark)
// cannot be called a day of absence.
//
// The example calendar (2024/25 and 2025/26): autumn 1 runs to Friday 25 October 2024, half term is 28 October to
// 1 November, and Monday 4 November 2024 is an INSET day, so autumn 2's first school day is Tuesday 5 November.
// Monday 5 May 2025 is a bank holiday; the calendar's last day, Tuesday 21 July 2026, closes at lunchtime.

const calendar = defineSchoolCalendar(exampleCalendar);
const UNAUTHORISED: FindContinuousAbsenceOptions = { codes: ['G', 'N', 'O', 'U'] };

/** Marks with `code` on every open session of the calendar from `from` to `to`. */
function fill(from: string, to: string, code: string, on: SchoolCalendar = calendar): SessionMark[] {
  return eachSessionSlot(on, { from: isoDate(from), to: isoDate(to) }).map((slot) => ({ ...slot, code }));
}

/** One mark. */
function mark(date: string, session: Session, code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

/** Marks merged by session: a later list's mark replaces an earlier one's for the same session. */
function merge(...lists: readonly (readonly SessionMark[])[]): SessionMark[] {
  const bySession = new Map<string, SessionMark>();
  for (const list of lists) for (const one of list) bySession.set(`${one.date} ${one.session}`, one);
  return [...bySession.values()].sort((a, b) =>
    a.date === b.date ? (a.session < b.session ? -1 : 1) : a.date < b.date ? -1 : 1
  );
}

/** The marks with the sessions of `date` (or only `session`) taken out. */
function without(marks: readonly SessionMark[], date: string, session?: Session): SessionMark[] {
  return marks.filter((one) => one.date !== date || (session !== undefined && one.session !== session));
}

/** Each run as [startDate, endDate, schoolDays]. */
function spans(runs: readonly ContinuousAbsenceRun[]): [string, string, number][] {
  return runs.map((run) => [run.startDate, run.endDate, run.schoolDays]);
}

/** N from Monday 9 to Friday 20 September 2024, present the weeks before and after. */
const twoWeeksOfN = merge(fill('2024-09-03', '2024-09-27', '/'), fill('2024-09-09', '2024-09-20', 'N'));

describe('school days, not calendar days', () => {
  test('weekends continue a run: N from Monday 9 to Friday 20 September 2024 is one run of 10 school days', () => {
    expect(findContinuousAbsence(twoWeeksOfN, calendar, UNAUTHORISED)).toEqual([
      {
        startDate: '2024-09-09',
        endDate: '2024-09-20',
        schoolDays: 10,
        sessions: 20,
        codes: ['N'],
        dates: [
          '2024-09-09',
          '2024-09-10',
          '2024-09-11',
          '2024-09-12',
          '2024-09-13',
          '2024-09-16',
          '2024-09-17',
          '2024-09-18',
          '2024-09-19',
          '2024-09-20',
        ],
      },
    ]);
  });

  test('a half-term holiday and an INSET day continue a run: 14 October to 8 November 2024 is 14 school days', () => {
    const marks = merge(
      fill('2024-10-07', '2024-11-15', '/'),
      fill('2024-10-14', '2024-11-08', 'N'),
      // The register records the INSET day as a planned closure; marks on closed sessions are not looked at.
      [mark('2024-11-04', 'AM', '#'), mark('2024-11-04', 'PM', '#')]
    );
    const [run] = findContinuousAbsence(marks, calendar, UNAUTHORISED);
    expect(spans([run!])).toEqual([['2024-10-14', '2024-11-08', 14]]);
    expect(run!.dates).not.toContain('2024-11-04');
    expect(run!.dates.slice(9, 11)).toEqual(['2024-10-25', '2024-11-05']);
  });

  test('an INSET day in mid-week continues a run and is not counted', () => {
    const withInset = defineSchoolCalendar({
      ...exampleCalendar,
      closures: [...exampleCalendar.closures, { date: '2024-09-18', reason: 'inset', label: 'INSET day' }],
    });
    const marks = merge(
      fill('2024-09-09', '2024-09-27', '/', withInset),
      fill('2024-09-16', '2024-09-20', 'N', withInset)
    );
    const runs = findContinuousAbsence(marks, withInset, UNAUTHORISED);
    expect(spans(runs)).toEqual([['2024-09-16', '2024-09-20', 4]]);
    expect(runs[0]!.dates).toEqual(['2024-09-16', '2024-09-17', '2024-09-19', '2024-09-20']);
  });

  test('a bank holiday continues a run: 28 April to 9 May 2025 is 9 school days', () => {
    const marks = merge(fill('2025-04-22', '2025-05-16', '/'), fill('2025-04-28', '2025-05-09', 'O'));
    expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toEqual([
      ['2025-04-28', '2025-05-09', 9],
    ]);
  });

  test('a run spans the summer holiday into the next school year', () => {
    const marks = merge(fill('2025-07-14', '2025-07-21', 'G'), fill('2025-09-04', '2025-09-05', 'G'));
    // 14–18 and 21 July (22 July is an INSET day), then Thursday 4 and Friday 5 September (3 September is INSET).
    expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toEqual([
      ['2025-07-14', '2025-09-05', 8],
    ]);
  });

  test('a day closed in the afternoon counts on its morning alone', () => {
    const marks = merge(fill('2026-07-20', '2026-07-21', 'N'));
    expect(marks).toHaveLength(3);
    expect(findContinuousAbsence(marks, calendar, UNAUTHORISED)).toMatchObject([
      { startDate: '2026-07-20', endDate: '2026-07-21', schoolDays: 2, sessions: 3 },
    ]);
  });

  test('with one session a day, each morning is a whole day', () => {
    const oneSession = defineSchoolCalendar({ ...exampleCalendar, sessionsPerDay: 1, closures: [] });
    const marks = fill('2024-09-09', '2024-09-20', 'N', oneSession);
    expect(marks.every((one) => one.session === 'AM')).toBe(true);
    expect(findContinuousAbsence(marks, oneSession, UNAUTHORISED)).toMatchObject([
      { schoolDays: 10, sessions: 10 },
    ]);
  });
});

describe('what breaks a run', () => {
  test('a present afternoon breaks a run: the day is not a day of absence', () => {
    const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'PM', '\\')]);
    expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toEqual([
      ['2024-09-09', '2024-09-10', 2],
      ['2024-09-12', '2024-09-20', 7],
    ]);
  });

  test.each(['/', 'L', 'K', 'V', 'P', 'W', 'B', 'J'])(
    'a session of %s (present or approved educational activity) breaks a run',
    (code) => {
      const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'AM', code)]);
      expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toEqual([
        ['2024-09-09', '2024-09-10', 2],
        ['2024-09-12', '2024-09-20', 7],
      ]);
    }
  );

  test('a session with no mark yet (- or empty) breaks a run: an unknown day cannot be called absent', () => {
    for (const code of ['-', '']) {
      const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'PM', code)]);
      expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toHaveLength(2);
    }
  });

  test('a school day missing from the register breaks a run', () => {
    expect(spans(findContinuousAbsence(without(twoWeeksOfN, '2024-09-11'), calendar, UNAUTHORISED))).toEqual([
      ['2024-09-09', '2024-09-10', 2],
      ['2024-09-12', '2024-09-20', 7],
    ]);
  });

  test('a session missing from the register breaks a run', () => {
    const marks = without(twoWeeksOfN, '2024-09-11', 'PM');
    expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toHaveLength(2);
  });

  test('a register that starts and ends inside the absence gives the run it shows', () => {
    expect(
      spans(findContinuousAbsence(fill('2024-09-10', '2024-09-12', 'N'), calendar, UNAUTHORISED))
    ).toEqual([['2024-09-10', '2024-09-12', 3]]);
  });
});

describe('other absence breaks a run by default, or continues it by option', () => {
  const illnessOnWednesday = merge(twoWeeksOfN, fill('2024-09-11', '2024-09-11', 'I'));

  test('an authorised day of illness breaks a run of unauthorised absence by default', () => {
    expect(spans(findContinuousAbsence(illnessOnWednesday, calendar, UNAUTHORISED))).toEqual([
      ['2024-09-09', '2024-09-10', 2],
      ['2024-09-12', '2024-09-20', 7],
    ]);
  });

  test("with otherAbsence 'continues', the day of illness neither counts nor breaks the run", () => {
    const runs = findContinuousAbsence(illnessOnWednesday, calendar, {
      ...UNAUTHORISED,
      otherAbsence: 'continues',
    });
    expect(spans(runs)).toEqual([['2024-09-09', '2024-09-20', 9]]);
    expect(runs[0]!.sessions).toBe(18);
    expect(runs[0]!.dates).not.toContain('2024-09-11');
  });

  test('an unauthorised code outside the codes is other absence too', () => {
    const marks = merge(fill('2024-09-09', '2024-09-13', 'N'), fill('2024-09-11', '2024-09-11', 'G'));
    expect(spans(findContinuousAbsence(marks, calendar, { codes: ['N'] }))).toHaveLength(2);
    expect(
      spans(findContinuousAbsence(marks, calendar, { codes: ['N'], otherAbsence: 'continues' }))
    ).toEqual([['2024-09-09', '2024-09-13', 4]]);
  });

  test('half a day of illness with half a day of N breaks by default and is not counted with continues', () => {
    const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'PM', 'I')]);
    expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toHaveLength(2);
    expect(
      spans(findContinuousAbsence(marks, calendar, { ...UNAUTHORISED, otherAbsence: 'continues' }))
    ).toEqual([['2024-09-09', '2024-09-20', 9]]);
  });
});

describe('codes that are not possible sessions neither count nor break a run', () => {
  test.each(['#', 'D', 'X', 'Q', 'Y1', 'Y4', 'Y7', 'Z', 'Y'])(
    'a whole day of %s inside a run of N',
    (code) => {
      const marks = merge(twoWeeksOfN, fill('2024-09-11', '2024-09-11', code));
      expect(spans(findContinuousAbsence(marks, calendar, UNAUTHORISED))).toEqual([
        ['2024-09-09', '2024-09-20', 9],
      ]);
    }
  );

  test('a morning of N and an afternoon of Y4 is not a whole day of N: it neither counts nor breaks', () => {
    const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'PM', 'Y4')]);
    const runs = findContinuousAbsence(marks, calendar, UNAUTHORISED);
    expect(spans(runs)).toEqual([['2024-09-09', '2024-09-20', 9]]);
    expect(runs[0]!.sessions).toBe(18);
  });

  test('a run made only of not-possible days does not exist', () => {
    expect(findContinuousAbsence(fill('2024-09-09', '2024-09-13', 'Y4'), calendar, UNAUTHORISED)).toEqual([]);
  });
});

describe('the run record', () => {
  test('lists the codes seen once each, in the order they were asked for', () => {
    const marks = merge(fill('2024-09-09', '2024-09-09', 'U'), fill('2024-09-10', '2024-09-10', 'O'), [
      mark('2024-09-11', 'AM', 'N'),
      mark('2024-09-11', 'PM', 'U'),
    ]);
    expect(findContinuousAbsence(marks, calendar, UNAUTHORISED)[0]!.codes).toEqual(['N', 'O', 'U']);
    expect(findContinuousAbsence(marks, calendar, { codes: ['U', 'O', 'N', 'U'] })[0]!.codes).toEqual([
      'U',
      'O',
      'N',
    ]);
  });

  test('a session of a counted code counts whatever its category', () => {
    const marks = fill('2024-09-09', '2024-09-13', 'I');
    expect(spans(findContinuousAbsence(marks, calendar, { codes: ['I'] }))).toEqual([
      ['2024-09-09', '2024-09-13', 5],
    ]);
  });

  test('no runs for a register without the codes, or an empty register', () => {
    expect(findContinuousAbsence(fill('2024-09-09', '2024-09-20', '/'), calendar, UNAUTHORISED)).toEqual([]);
    expect(findContinuousAbsence([], calendar, UNAUTHORISED)).toEqual([]);
  });

  test('marks in any order give the same runs', () => {
    const marks = merge(twoWeeksOfN, fill('2024-09-11', '2024-09-11', 'I'));
    expect(findContinuousAbsence([...marks].reverse(), calendar, UNAUTHORISED)).toEqual(
      findContinuousAbsence(marks, calendar, UNAUTHORISED)
    );
  });

  test('the compact form gives the same runs', () => {
    const marks = merge(twoWeeksOfN, [mark('2024-09-11', 'PM', 'Y4')], [mark('2024-09-18', 'AM', '-')]);
    const slots = toSessionSlots(calendar, { from: isoDate('2024-09-02'), to: isoDate('2024-09-30') });
    const compact = toCompactRegister(marks, slots);
    expect(findContinuousAbsence(compact, calendar, UNAUTHORISED)).toEqual(
      findContinuousAbsence(marks, calendar, UNAUTHORISED)
    );
    expect(spans(findContinuousAbsence(compact, calendar, UNAUTHORISED))).toEqual([
      ['2024-09-09', '2024-09-17', 6],
      ['2024-09-19', '2024-09-20', 2],
    ]);
  });
});

describe('bad input', () => {
  test('an unknown code is an error naming the mark', () => {
    const error = attendanceErrorOf(() =>
      findContinuousAbsence(merge(twoWeeksOfN, [mark('2024-09-11', 'AM', 'Q9')]), calendar, UNAUTHORISED)
    );
    expect(error.issues).toMatchObject([
      { code: 'unknown_code', severity: 'error', date: '2024-09-11', session: 'AM', received: 'Q9' },
    ]);
  });

  test('two marks for one session are an error naming both', () => {
    const marks = [...twoWeeksOfN, mark('2024-09-11', 'AM', '/')];
    const error = attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED));
    expect(error.issues).toMatchObject([
      { code: 'duplicate_mark', date: '2024-09-11', session: 'AM', received: 'N and /' },
    ]);
  });

  test('every problem is reported, not only the first', () => {
    const marks = [...twoWeeksOfN, mark('2024-09-11', 'AM', '/'), mark('2024-09-12', 'PM', 'Q9')];
    expect(attendanceErrorOf(() => findContinuousAbsence(marks, calendar, UNAUTHORISED)).issues).toHaveLength(
      2
    );
  });

  test('a counted mark on a weekend or outside the calendar is an error; other marks there are not looked at', () => {
    const saturday = [...twoWeeksOfN, mark('2024-09-14', 'AM', 'N')];
    expect(
      attendanceErrorOf(() => findContinuousAbsence(saturday, calendar, UNAUTHORISED)).issues
    ).toMatchObject([{ code: 'mark_on_closed_session', date: '2024-09-14', session: 'AM' }]);
    const outside = [mark('2023-09-11', 'AM', 'O'), ...twoWeeksOfN];
    expect(
      attendanceErrorOf(() => findContinuousAbsence(outside, calendar, UNAUTHORISED)).issues
    ).toMatchObject([{ code: 'outside_calendar', date: '2023-09-11' }]);
    const present = [...twoWeeksOfN, mark('2024-09-14', 'AM', '/'), mark('2026-09-01', 'AM', '/')];
    expect(findContinuousAbsence(present, calendar, UNAUTHORISED)).toHaveLength(1);
  });

  test('a compact register with an unknown byte is an error', () => {
    const slots = toSessionSlots(calendar, { from: isoDate('2024-09-09'), to: isoDate('2024-09-09') });
    const error = attendanceErrorOf(() =>
      findContinuousAbsence({ slots, codes: Uint8Array.from([30, 200]) }, calendar, UNAUTHORISED)
    );
    expect(error.issues).toMatchObject([{ code: 'unknown_code', path: ['codes', 1], received: 'byte 200' }]);
  });

  test('options without codes, with "no mark yet" or with an unknown code are errors', () => {
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, { codes: [] })).issues).toMatchObject([
      { code: 'invalid_value', path: ['codes'] },
    ]);
    expect(
      attendanceErrorOf(() => findContinuousAbsence([], calendar, { codes: ['N', '-'] })).issues
    ).toMatchObject([{ code: 'invalid_value', path: ['codes', 1] }]);
    const unknown = { codes: ['N9'] } as unknown as FindContinuousAbsenceOptions;
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, unknown)).issues).toMatchObject([
      { code: 'unknown_code', path: ['codes', 0] },
    ]);
    const badOption = { codes: ['N'], otherAbsence: 'ignores' } as unknown as FindContinuousAbsenceOptions;
    expect(attendanceErrorOf(() => findContinuousAbsence([], calendar, badOption)).issues).toMatchObject([
      { code: 'invalid_value', path: ['otherAbsence'] },
    ]);
  });
});
