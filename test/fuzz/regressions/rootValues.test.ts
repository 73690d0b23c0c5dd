import { describe, expect, test } from 'vitest';
import {
  assessPenaltyNotice,
  countByDayOfWeek,
  createSessionSlots,
  safeDefineEscalationPolicy,
  safeDefineSchoolCalendar,
  HCAT_LATENESS_POLICY,
  isoDate,
  toCompactRegister,
  toLateMark,
} from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';

// Inputs the fuzz suite (test/fuzz/rootValues.fuzz.ts) found, minimised. Each broke a contract of the functions
// that take values from outside: throw only an AttendanceError, whose issues are plain JSON-safe text, with no
// message quoting more than about 80 characters of the input.

/** Every issue is plain JSON-safe data and quotes at most ~80 characters of input. */
function expectBriefTextIssues(issues: readonly AttendanceIssue[]): void {
  for (const issue of issues) {
    expect(() => JSON.stringify(issue)).not.toThrow();
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeLessThan(300);
    if (issue.received !== undefined) {
      expect(typeof issue.received).toBe('string');
      expect(issue.received.length).toBeLessThanOrEqual(110);
    }
  }
}

const HUGE = 'x'.repeat(200);

describe('fuzz regressions: root functions given hostile values', () => {
  test('isoDate of a BigInt throws an AttendanceError whose received is text', () => {
    // Was: the issue carried the BigInt itself as `received`, so JSON.stringify of the error threw.
    const error = attendanceErrorOf(() => isoDate(12n as never));
    expect(error.issues[0].received).toBe('12n');
    expectBriefTextIssues(error.issues);
  });

  test('isoDate of a symbol throws an AttendanceError, not a TypeError', () => {
    // Was: TypeError "Cannot convert a Symbol value to a string" from the message's template literal.
    expectBriefTextIssues(attendanceErrorOf(() => isoDate(Symbol('day') as never)).issues);
  });

  test('isoDate of a 200-character string quotes at most 80 of them', () => {
    expectBriefTextIssues(attendanceErrorOf(() => isoDate(HUGE)).issues);
  });

  test('a mark whose date is 200 characters long is named briefly', () => {
    // Was: "Mark 0 (xxx…200…, AM) has date "xxx…200…"": a 470-character message.
    const error = attendanceErrorOf(() =>
      countByDayOfWeek([{ date: HUGE as never, session: 'AM', code: '/' }])
    );
    expect(error.issues[0].code).toBe('invalid_date');
    expectBriefTextIssues(error.issues);
  });

  test('a register that is a 200-character string is named briefly', () => {
    expectBriefTextIssues(attendanceErrorOf(() => countByDayOfWeek(HUGE as never)).issues);
  });

  test('an unknown code 200 characters long is quoted briefly', () => {
    // Was: "Unknown register code "xxx…200…" …" with the whole code as `received`.
    const error = attendanceErrorOf(() =>
      countByDayOfWeek([{ date: isoDate('2024-09-02'), session: 'AM', code: HUGE }])
    );
    expect(error.issues[0].code).toBe('unknown_code');
    expectBriefTextIssues(error.issues);
  });

  test('an escalation policy that is not an object gets a short message, the fields listed in expected', () => {
    // Was: a 390-character message listing all sixteen fields, twice as long as any other.
    const result = safeDefineEscalationPolicy([] as never);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0].expected).toContain('monitoringWeeks');
    expectBriefTextIssues(result.error.issues);
  });

  test('a half-term whose name is 200 characters long is named briefly', () => {
    // Was: "Half-term "xxx…200…" ends (…) before it starts (…)": the whole name in the message.
    const result = safeDefineSchoolCalendar({
      name: 'LA',
      years: [{ name: '2024/25', halfTerms: [{ name: HUGE, start: '2024-10-25', end: '2024-09-02' }] }],
    });
    expect(result.success).toBe(false);
    if (!result.success) expectBriefTextIssues(result.error.issues);
  });

  test('toLateMark with a BigInt arrival throws an AttendanceError whose received is text', () => {
    // Was: `received: 0n`, an issue JSON.stringify cannot write.
    const error = attendanceErrorOf(() => toLateMark(0n as never, 'AM', HCAT_LATENESS_POLICY));
    expect(error.issues[0]).toMatchObject({ field: 'arrival', received: '0n' });
    expectBriefTextIssues(error.issues);
  });

  test('toCompactRegister with a pupil id that is not text refuses it', () => {
    // Was: the Map went into every issue's pupilId ("Mark 0 of pupil [object Map] …").
    const slots = createSessionSlots([{ date: isoDate('2024-09-02'), session: 'AM' }]);
    const error = attendanceErrorOf(() => toCompactRegister([0n as never], slots, new Map() as never));
    expect(error.issues[0]).toMatchObject({ field: 'pupilId', received: 'an object' });
    expectBriefTextIssues(error.issues);
  });

  test('assessPenaltyNotice with a history that is not a list throws an AttendanceError', () => {
    // Was: TypeError "history.forEach is not a function".
    const proposal = { parentId: 'P1', pupilId: 'C1', proposedIssueDate: isoDate('2025-03-03') };
    expectBriefTextIssues(attendanceErrorOf(() => assessPenaltyNotice(0n as never, proposal)).issues);
    expectBriefTextIssues(attendanceErrorOf(() => assessPenaltyNotice([null] as never, proposal)).issues);
    expectBriefTextIssues(
      attendanceErrorOf(() =>
        assessPenaltyNotice([{ id: Symbol('n'), pupilId: 1, status: Symbol('s') }] as never, proposal)
      ).issues
    );
    expectBriefTextIssues(attendanceErrorOf(() => assessPenaltyNotice([], null as never)).issues);
    // Was: RangeError from String() of an array nested thousands deep as the proposed date.
    let deep: unknown = '2025-03-03';
    for (let level = 0; level < 10_000; level += 1) deep = [deep];
    expectBriefTextIssues(
      attendanceErrorOf(() => assessPenaltyNotice([], { ...proposal, proposedIssueDate: deep as never }))
        .issues
    );
  });
});
