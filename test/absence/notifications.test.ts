import { describe, expect, test } from 'vitest';
import {
  defineSchoolCalendar,
  DFE_CONTINUOUS_ABSENCE_DELETION_GROUND,
  DFE_CONTINUOUS_ABSENCE_RETURN,
  DFE_SICKNESS_RETURN,
  eachSessionSlot,
  findAbsenceActions,
  findContinuousAbsence,
  findSicknessReturns,
  HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AbsenceNotificationPolicy,
  ContinuousAbsenceAction,
  Session,
  SessionMark,
  SicknessReturnAction,
  SicknessReturnPolicy,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Written from the returns a school makes to its local authority and from the trust policy:
// - the continuous-absence return: pupils absent without authorisation (G, N, O, U) for a continuous period of 10
//   school days or more (SI 2006/1751 reg 12, restated in the 2024 Regulations and guidance);
// - the sickness return (from 19 August 2024): pupils recorded as ill (I) who miss 15 days, consecutively or
//   cumulatively, with one return for a continuous period of sickness in a school year;
// - the deletion ground for continuous absence: 20 school days of G, N or O (SI 2024/208 reg 9(1)(i));
// - the trust policy's unexplained-absence protocol: home visits on days 2 and 4, and a referral to the local
//   authority's children-missing-education officer after 10 days without contact.
//
// Dates are on the example calendar: half term is 28 October to 1 November 2024, Monday 4 November 2024 and Monday
// 6 January 2025 are INSET days, and 2025/26 starts with an INSET day on Wednesday 3 September 2025.

const calendar = defineSchoolCalendar(exampleCalendar);

/** Marks with `code` on every open session of the calendar from `from` to `to`. */
function fill(from: string, to: string, code: string): SessionMark[] {
  return eachSessionSlot(calendar, { from: isoDate(from), to: isoDate(to) }).map((slot) => ({
    ...slot,
    code,
  }));
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

/** Each action as [action, dueOn]. */
function dated(actions: readonly (ContinuousAbsenceAction | SicknessReturnAction)[]): [string, string][] {
  return actions.map((action) => [action.action, action.dueOn]);
}

/** Present all autumn 2024, with `absence` laid over it. */
function autumnWith(...absence: readonly (readonly SessionMark[])[]): SessionMark[] {
  return merge(fill('2024-09-03', '2024-12-20', '/'), ...absence);
}

describe('the continuous-absence return: 10 school days of G, N, O or U', () => {
  test('9 school days are not enough: N from Monday 21 October to Friday 8 November 2024', () => {
    const marks = autumnWith(fill('2024-10-21', '2024-11-08', 'N'));
    expect(findContinuousAbsence(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)[0]?.schoolDays).toBe(9);
    expect(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)).toEqual([]);
  });

  test('10 school days make the return due on the 10th: Monday 11 November 2024, across half term and INSET', () => {
    const marks = autumnWith(fill('2024-10-21', '2024-11-11', 'N'));
    const actions = findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN);
    expect(dated(actions)).toEqual([['notify-local-authority-continuous-absence', '2024-11-11']]);
    expect(actions[0]).toMatchObject({
      schoolDay: 10,
      label: DFE_CONTINUOUS_ABSENCE_RETURN.steps[0]!.label,
      run: { startDate: '2024-10-21', endDate: '2024-11-11', schoolDays: 10, sessions: 20, codes: ['N'] },
    });
  });

  test('any mix of G, N, O and U counts', () => {
    const marks = autumnWith(
      fill('2024-09-09', '2024-09-10', 'G'),
      fill('2024-09-11', '2024-09-12', 'N'),
      fill('2024-09-13', '2024-09-16', 'O'),
      fill('2024-09-17', '2024-09-20', 'U')
    );
    const actions = findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN);
    expect(dated(actions)).toEqual([['notify-local-authority-continuous-absence', '2024-09-20']]);
    expect(actions[0]!.run.codes).toEqual(['G', 'N', 'O', 'U']);
  });

  test('once per run, however long the run lasts', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-10-25', 'O'));
    const actions = findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN);
    expect(dated(actions)).toEqual([['notify-local-authority-continuous-absence', '2024-09-20']]);
    expect(actions[0]!.run.schoolDays).toBe(35);
  });

  test('a day of authorised absence ends the run: 5 + 4 days make no return; each run of 10 makes its own', () => {
    const broken = autumnWith(fill('2024-09-09', '2024-09-20', 'N'), fill('2024-09-16', '2024-09-16', 'I'));
    expect(findAbsenceActions(broken, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)).toEqual([]);
    const twoRuns = autumnWith(fill('2024-09-09', '2024-09-20', 'N'), fill('2024-09-30', '2024-10-11', 'G'));
    expect(dated(findAbsenceActions(twoRuns, calendar, DFE_CONTINUOUS_ABSENCE_RETURN))).toEqual([
      ['notify-local-authority-continuous-absence', '2024-09-20'],
      ['notify-local-authority-continuous-absence', '2024-10-11'],
    ]);
  });

  test('a day of approved educational activity ends the run', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-09-20', 'N'), fill('2024-09-13', '2024-09-13', 'K'));
    expect(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)).toEqual([]);
  });

  test('the compact form gives the same actions', () => {
    const marks = autumnWith(fill('2024-10-21', '2024-11-11', 'N'));
    const slots = toSessionSlots(calendar, { from: isoDate('2024-09-03'), to: isoDate('2024-12-20') });
    expect(
      findAbsenceActions(toCompactRegister(marks, slots), calendar, DFE_CONTINUOUS_ABSENCE_RETURN)
    ).toEqual(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN));
  });
});

describe('the deletion ground for continuous absence: 20 school days of G, N or O', () => {
  test('due on the 20th school day: N from 9 September 2024 gives Friday 4 October 2024', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-10-11', 'N'));
    expect(dated(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_DELETION_GROUND))).toEqual([
      ['consider-deletion-continuous-absence', '2024-10-04'],
    ]);
  });

  test('a U day ends the run: a pupil who arrives late was in school', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-10-11', 'N'), fill('2024-09-23', '2024-09-23', 'U'));
    expect(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_DELETION_GROUND)).toEqual([]);
    expect(findAbsenceActions(marks, calendar, DFE_CONTINUOUS_ABSENCE_RETURN)).toHaveLength(1);
  });
});

describe("the trust policy's unexplained-absence protocol", () => {
  test('home visits on days 2 and 4 and a referral on day 10, dated on school days across half term', () => {
    // Day 1 Tuesday 22 October; days 5–8 are 5–8 November (4 November is INSET); day 10 is Tuesday 12 November.
    const marks = autumnWith(fill('2024-10-22', '2024-11-15', 'N'));
    const actions = findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL);
    expect(dated(actions)).toEqual([
      ['home-visit', '2024-10-23'],
      ['home-visit', '2024-10-25'],
      ['refer-children-missing-education-officer', '2024-11-12'],
    ]);
    expect(actions.map((action) => action.schoolDay)).toEqual([2, 4, 10]);
    expect(new Set(actions.map((action) => action.run))).toHaveProperty('size', 1);
  });

  test('three days of N give the first home visit only', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-09-11', 'N'));
    expect(dated(findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL))).toEqual([
      ['home-visit', '2024-09-10'],
    ]);
  });

  test('contact ends the protocol: once the N is recoded as illness, the run is broken', () => {
    // N on Monday and Tuesday, then the parent calls and Wednesday to Friday are recorded as illness.
    const marks = autumnWith(fill('2024-09-09', '2024-09-10', 'N'), fill('2024-09-11', '2024-09-13', 'I'));
    expect(dated(findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL))).toEqual([
      ['home-visit', '2024-09-10'],
    ]);
  });

  test('O is not unexplained absence under the preset, but a school can add it', () => {
    const marks = autumnWith(fill('2024-09-09', '2024-09-13', 'N'), fill('2024-09-16', '2024-09-20', 'O'));
    expect(findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL)).toHaveLength(2);
    const withO: AbsenceNotificationPolicy = { ...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL, codes: ['N', 'O'] };
    expect(dated(findAbsenceActions(marks, calendar, withO))).toEqual([
      ['home-visit', '2024-09-10'],
      ['home-visit', '2024-09-12'],
      ['refer-children-missing-education-officer', '2024-09-20'],
    ]);
  });

  test('steps given out of order come out in date order', () => {
    const reversed = {
      ...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
      steps: [...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL.steps].reverse(),
    };
    const marks = autumnWith(fill('2024-09-09', '2024-09-20', 'N'));
    expect(findAbsenceActions(marks, calendar, reversed)).toEqual(
      findAbsenceActions(marks, calendar, HCAT_UNEXPLAINED_ABSENCE_PROTOCOL)
    );
  });

  test('a step on a day that is not a positive whole number is an error', () => {
    for (const schoolDay of [0, -1, 2.5, Number.NaN]) {
      const policy = {
        ...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
        steps: [{ schoolDay, action: 'x', label: 'x' }],
      };
      expect(attendanceErrorOf(() => findAbsenceActions([], calendar, policy)).issues).toMatchObject([
        { code: 'invalid_value', path: ['steps', 0, 'schoolDay'] },
      ]);
    }
  });

  test('a policy without codes is an error', () => {
    const policy = { ...HCAT_UNEXPLAINED_ABSENCE_PROTOCOL, codes: [] };
    expect(attendanceErrorOf(() => findAbsenceActions([], calendar, policy)).issues).toMatchObject([
      { code: 'invalid_value', path: ['codes'] },
    ]);
  });
});

describe('the sickness return: 15 school days of illness in a school year', () => {
  test('15 consecutive days: I from Tuesday 7 January 2025 makes it due on Monday 27 January 2025', () => {
    const marks = merge(fill('2025-01-07', '2025-02-14', '/'), fill('2025-01-07', '2025-02-07', 'I'));
    const returns = findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN);
    expect(dated(returns)).toEqual([['notify-local-authority-sickness', '2025-01-27']]);
    expect(returns[0]!.evidence).toMatchObject({
      schoolYear: '2024/25',
      sicknessDays: 15,
      run: { startDate: '2025-01-07', endDate: '2025-02-07', schoolDays: 24 },
    });
    expect(returns[0]!.evidence.dates).toHaveLength(15);
  });

  test('14 days are not enough', () => {
    const marks = merge(fill('2025-01-07', '2025-02-14', '/'), fill('2025-01-07', '2025-01-24', 'I'));
    expect(findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN)).toEqual([]);
  });

  test('15 cumulative days: a week of illness in each of September, October and December 2024', () => {
    const marks = autumnWith(
      fill('2024-09-09', '2024-09-13', 'I'),
      fill('2024-10-07', '2024-10-11', 'I'),
      fill('2024-12-02', '2024-12-06', 'I')
    );
    const returns = findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN);
    expect(dated(returns)).toEqual([['notify-local-authority-sickness', '2024-12-06']]);
    expect(returns[0]!.evidence.sicknessDays).toBe(15);
    expect(returns[0]!.evidence.dates[0]).toBe('2024-09-09');
    expect(returns[0]!.evidence.run).toMatchObject({ startDate: '2024-12-02', endDate: '2024-12-06' });
  });

  test('one return for one continuous illness, and a new one for a later illness in the same year', () => {
    const marks = merge(
      autumnWith(
        fill('2024-09-09', '2024-09-13', 'I'),
        fill('2024-10-07', '2024-10-11', 'I'),
        fill('2024-12-02', '2024-12-13', 'I')
      ),
      fill('2025-01-07', '2025-01-31', '/'),
      fill('2025-01-13', '2025-01-14', 'I')
    );
    const returns = findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN);
    expect(dated(returns)).toEqual([
      ['notify-local-authority-sickness', '2024-12-06'],
      ['notify-local-authority-sickness', '2025-01-13'],
    ]);
    expect(returns[1]!.evidence.sicknessDays).toBe(21);
  });

  test('the count starts again in a new school year', () => {
    const marks = merge(
      fill('2025-06-02', '2025-07-21', '/'),
      fill('2025-07-08', '2025-07-21', 'I'),
      fill('2025-09-04', '2025-10-23', '/'),
      fill('2025-09-04', '2025-09-17', 'I')
    );
    // 10 days in July 2025 and 10 in September 2025: one continuous illness across the summer, in two years.
    expect(findContinuousAbsence(marks, calendar, DFE_SICKNESS_RETURN)[0]?.schoolDays).toBe(20);
    expect(findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN)).toEqual([]);
  });

  test('a medical appointment neither counts nor ends an illness; attending does end it', () => {
    const withAppointment = merge(
      fill('2025-01-07', '2025-02-14', '/'),
      fill('2025-01-07', '2025-02-07', 'I'),
      fill('2025-01-15', '2025-01-15', 'M')
    );
    const returns = findSicknessReturns(withAppointment, calendar, DFE_SICKNESS_RETURN);
    expect(dated(returns)).toEqual([['notify-local-authority-sickness', '2025-01-28']]);
    expect(returns[0]!.evidence.run.startDate).toBe('2025-01-07');
  });

  test('half-days of illness are not counted', () => {
    const marks = merge(fill('2025-01-07', '2025-02-14', '/'), fill('2025-01-07', '2025-02-07', 'I'), [
      mark('2025-01-15', 'PM', '\\'),
    ]);
    // Wednesday 15 January is half a day of illness: not a sickness day, and attending ends the first illness.
    expect(dated(findSicknessReturns(marks, calendar, DFE_SICKNESS_RETURN))).toEqual([
      ['notify-local-authority-sickness', '2025-01-28'],
    ]);
  });

  test('a threshold that is not a positive whole number is an error', () => {
    const policy: SicknessReturnPolicy = { ...DFE_SICKNESS_RETURN, threshold: 0 };
    expect(attendanceErrorOf(() => findSicknessReturns([], calendar, policy)).issues).toMatchObject([
      { code: 'invalid_value', path: ['threshold'] },
    ]);
  });
});

describe('the presets', () => {
  test('are plain data that survive a JSON round trip', () => {
    for (const preset of [
      DFE_CONTINUOUS_ABSENCE_RETURN,
      DFE_CONTINUOUS_ABSENCE_DELETION_GROUND,
      HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
      DFE_SICKNESS_RETURN,
    ]) {
      expect(JSON.parse(JSON.stringify(preset))).toEqual(preset);
    }
  });

  test('hold the numbers of their sources', () => {
    expect(DFE_CONTINUOUS_ABSENCE_RETURN).toMatchObject({
      codes: ['G', 'N', 'O', 'U'],
      otherAbsence: 'breaks',
    });
    expect(DFE_CONTINUOUS_ABSENCE_RETURN.steps.map((step) => step.schoolDay)).toEqual([10]);
    expect(DFE_CONTINUOUS_ABSENCE_DELETION_GROUND.codes).toEqual(['G', 'N', 'O']);
    expect(DFE_CONTINUOUS_ABSENCE_DELETION_GROUND.steps.map((step) => step.schoolDay)).toEqual([20]);
    expect(HCAT_UNEXPLAINED_ABSENCE_PROTOCOL.codes).toEqual(['N']);
    expect(HCAT_UNEXPLAINED_ABSENCE_PROTOCOL.steps.map((step) => step.schoolDay)).toEqual([2, 4, 10]);
    expect(DFE_SICKNESS_RETURN).toMatchObject({ codes: ['I'], threshold: 15 });
  });
});
