import { describe, expect, test } from 'vitest';
import {
  checkMarksAgainstCalendar,
  defineSchoolCalendar,
  findFullAttendance,
  isAttendanceError,
  toHalfTermSeries,
  toWeeklySeries,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Series, rewards and the calendar check take object marks too: a mark that is no mark is a located error (or,
// for the calendar check, which reports rather than throws, a located issue), never a TypeError or a count.

const calendar = defineSchoolCalendar(exampleCalendar);
const BAD: readonly [string, unknown[], string][] = [
  ['null mark', [null], 'an object'],
  ['impossible date', [{ date: '2024-09-31', session: 'AM', code: '/' }], 'date'],
  ['not a date', [{ date: 'banana', session: 'AM', code: '/' }], 'date'],
  ['unknown session', [{ date: '2024-09-09', session: 'XX', code: '/' }], 'session'],
];

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(BAD)('a register with a %s', (_name, marks, located) => {
  const register = marks as SessionMark[];
  test.each([
    ['toWeeklySeries', () => toWeeklySeries(register, calendar)],
    ['toHalfTermSeries', () => toHalfTermSeries(register, calendar)],
    ['findFullAttendance', () => findFullAttendance(register, calendar, { period: 'half-term' })],
  ])('%s throws an AttendanceError naming the mark', (_function, run) => {
    const error = thrownBy(run);
    expect(isAttendanceError(error)).toBe(true);
    const issue = (error as { issues: { path: unknown[]; expected?: string }[] }).issues[0]!;
    expect(issue.path[0]).toBe(0);
    expect(JSON.stringify(issue)).toContain(located);
  });

  test('checkMarksAgainstCalendar reports it as an error issue naming the mark', () => {
    const issues = checkMarksAgainstCalendar(register, calendar);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.severity).toBe('error');
    expect(issues[0]!.path[0]).toBe(0);
  });
});
