import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  defineSchoolCalendar,
  findHalfTerm,
  isoDate,
  safeDefineSchoolCalendar,
} from '../../src/index.js';
import type { AttendanceIssue } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the library's calendar rules: a school year has six half-terms (autumn 1 and 2, spring 1 and 2,
// summer 1 and 2) in date order, no half-term overlaps another (within a year or across years), and each planned
// closure is a weekday inside a half-term, listed once, closing sessions the day has (a one-session calendar has
// only the morning). Every problem is reported, with where it is, what was expected and what was found.

/** A calendar as a user might write it, before it is checked: any field may be missing, misspelt or wrong. */
type CalendarInput = {
  name: string;
  sessionsPerDay?: number;
  years: { name: string; halfTerms: Record<string, string>[] }[];
  closures?: Record<string, unknown>[];
} & Record<string, unknown>;

/** A plain, freely editable copy of the example local authority calendar (2024/25 and 2025/26). */
function exampleInput(): CalendarInput {
  return structuredClone(exampleCalendar);
}

/** The issues a calendar is rejected with. */
function issuesOf(input: unknown): readonly AttendanceIssue[] {
  return attendanceErrorOf(() => defineSchoolCalendar(input)).issues;
}

/** The one issue a calendar is rejected with (fails when there are more or fewer). */
function onlyIssueOf(input: unknown): AttendanceIssue {
  const issues = issuesOf(input);
  expect(issues.map((issue) => issue.message)).toHaveLength(1);
  return issues[0]!;
}

/** The year 2024/25 alone, with no closures and no defaults given. */
function oneYear(): CalendarInput {
  const input = exampleInput();
  return { name: 'One year', years: [input.years[0]!] };
}

describe('defineSchoolCalendar: valid calendars', () => {
  test('accepts the example calendar unchanged', () => {
    const calendar = defineSchoolCalendar(exampleInput());
    expect(calendar).toEqual(exampleCalendar);
    expect(calendar.years).toHaveLength(2);
    expect(calendar.years.map((year) => year.halfTerms.length)).toEqual([6, 6]);
    expect(calendar.closures).toHaveLength(11);
  });

  test('fills the defaults: two sessions a day and no closures', () => {
    const calendar = defineSchoolCalendar(oneYear());
    expect(calendar.sessionsPerDay).toBe(2);
    expect(calendar.closures).toEqual([]);
    expect(calendar).toEqual({ ...oneYear(), sessionsPerDay: 2, closures: [] });
  });

  test('keeps a one-session calendar and its morning closures', () => {
    const input = {
      ...oneYear(),
      sessionsPerDay: 1,
      closures: [{ date: '2024-09-02', sessions: ['AM'], reason: 'inset', label: 'INSET day' }],
    };
    const calendar = defineSchoolCalendar(input);
    expect(calendar.sessionsPerDay).toBe(1);
    expect(calendar.closures).toEqual(input.closures);
  });

  test('accepts a closure on the first and on the last day of a half-term, and a half-term of one day', () => {
    const input = oneYear();
    input.years[0]!.halfTerms[5] = { name: 'Summer 2', start: '2025-07-22', end: '2025-07-22' };
    const calendar = defineSchoolCalendar({
      ...input,
      closures: [
        { date: '2024-09-02', reason: 'inset' },
        { date: '2024-10-25', reason: 'other' },
        { date: '2025-07-22', sessions: ['PM'], reason: 'planned' },
      ],
    });
    expect(calendar.closures.map((closure) => closure.date)).toEqual([
      '2024-09-02',
      '2024-10-25',
      '2025-07-22',
    ]);
  });

  test('a half-term may start the day after the previous one ends (they do not overlap)', () => {
    const input = oneYear();
    input.years[0]!.halfTerms[1]!['start'] = '2024-10-26';
    expect(defineSchoolCalendar(input).years[0]!.halfTerms[1]!.start).toBe('2024-10-26');
  });
});

describe('defineSchoolCalendar: each problem, located', () => {
  test('a year with five half-terms', () => {
    const input = exampleInput();
    input.years[1]!.halfTerms.splice(3, 1); // Spring 2, which has no closures
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      path: ['years', 1, 'halfTerms'],
    });
    expect(issue.expected).toContain('6');
    expect(issue.received).toContain('Autumn 1');
    expect(issue.message).toContain('6 half-terms');
  });

  test('a year with seven half-terms', () => {
    const input = exampleInput();
    input.years[0]!.halfTerms.push({ name: 'Summer 3', start: '2025-07-28', end: '2025-08-01' });
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['years', 0, 'halfTerms'] });
    expect(issue.expected).toContain('6');
  });

  test('a year divided otherwise: five or seven half-terms, with halfTermsPerYear; its terms by month', () => {
    const five = oneYear();
    five.years[0]!.halfTerms.splice(3, 1); // Spring 2
    expect(() => defineSchoolCalendar(five)).toThrow(AttendanceError);
    const calendar = defineSchoolCalendar({ ...five, halfTermsPerYear: 5 });
    expect(calendar.years[0]!.halfTerms).toHaveLength(5);
    // A year not in six goes by the month each half-term starts in: September and November autumn, January
    // spring, April and June summer.
    expect(findHalfTerm(calendar, isoDate('2025-01-15'))?.term).toBe('spring');
    expect(findHalfTerm(calendar, isoDate('2025-04-29'))?.term).toBe('summer');
    const seven = oneYear();
    seven.years[0]!.halfTerms.push({ name: 'Summer 3', start: '2025-07-28', end: '2025-08-01' });
    expect(defineSchoolCalendar({ ...seven, halfTermsPerYear: 7 }).years[0]!.halfTerms).toHaveLength(7);
    expect(onlyIssueOf({ ...seven, halfTermsPerYear: 8 }).message).toContain('(halfTermsPerYear)');
  });

  test('a partial year may have fewer half-terms, never more; a term given is kept', () => {
    const partial = oneYear();
    partial.years[0]!.halfTerms.splice(0, 2); // the calendar starts in January
    expect(onlyIssueOf(partial).path).toEqual(['years', 0, 'halfTerms']);
    const calendar = defineSchoolCalendar({
      ...partial,
      years: [{ ...partial.years[0]!, partial: true }],
    });
    // Four half-terms from January: spring and summer by month, not autumn by position.
    expect(findHalfTerm(calendar, isoDate('2025-01-15'))?.term).toBe('spring');
    const named = oneYear();
    named.years[0]!.halfTerms[2]!['term'] = 'autumn';
    expect(findHalfTerm(defineSchoolCalendar(named), isoDate('2025-01-15'))?.term).toBe('autumn');
    const tooMany = oneYear();
    tooMany.years[0]!.halfTerms.push({ name: 'Summer 3', start: '2025-07-28', end: '2025-08-01' });
    expect(onlyIssueOf({ ...tooMany, years: [{ ...tooMany.years[0]!, partial: true }] }).expected).toBe(
      'at most 6 half-terms'
    );
  });

  test('a calendar without any school year', () => {
    const issue = onlyIssueOf({ name: 'Empty', years: [] });
    expect(issue).toMatchObject({ code: 'invalid_value', path: ['years'] });
  });

  test('a half-term that ends before it starts', () => {
    const input = exampleInput();
    input.years[1]!.halfTerms[3]!['end'] = '2026-02-20';
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      path: ['years', 1, 'halfTerms', 3, 'end'],
      field: 'end',
      received: '2026-02-20',
    });
    expect(issue.expected).toContain('2026-02-23');
    expect(issue.message).toContain('Spring 2');
  });

  test('overlapping half-terms within a year', () => {
    const input = exampleInput();
    input.years[0]!.halfTerms[3]!['start'] = '2025-02-14';
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'calendar_overlap',
      severity: 'error',
      path: ['years', 0, 'halfTerms', 3, 'start'],
      field: 'start',
      received: '2025-02-14',
    });
    expect(issue.expected).toContain('2025-02-14');
    expect(issue.message).toContain('Spring 2');
    expect(issue.message).toContain('Spring 1');
  });

  test('overlapping half-terms across school years', () => {
    const input = exampleInput();
    input.years[1]!.halfTerms[0]!['start'] = '2025-07-21';
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'calendar_overlap',
      path: ['years', 1, 'halfTerms', 0, 'start'],
      received: '2025-07-21',
    });
    expect(issue.expected).toContain('2025-07-22');
  });

  test('school years listed out of order overlap', () => {
    const input = exampleInput();
    input.years.reverse();
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({ code: 'calendar_overlap', path: ['years', 1, 'halfTerms', 0, 'start'] });
  });

  test('a closure on a Saturday', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2024-09-07', reason: 'other' });
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'outside_calendar',
      severity: 'error',
      path: ['closures', 11, 'date'],
      field: 'date',
      received: '2024-09-07',
    });
    expect(issue.expected).toContain('weekday');
  });

  test('a closure on a Sunday inside a half-term', () => {
    const input = exampleInput();
    input.closures!.unshift({ date: '2025-03-16', reason: 'planned' });
    expect(onlyIssueOf(input)).toMatchObject({ code: 'outside_calendar', path: ['closures', 0, 'date'] });
  });

  test('a closure in the October half-term holiday', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2024-10-30', reason: 'inset', label: 'INSET day' });
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'outside_calendar',
      path: ['closures', 11, 'date'],
      received: '2024-10-30',
    });
    expect(issue.expected).toContain('half-term');
  });

  test('a closure before the calendar starts and one after it ends', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2024-08-30', reason: 'inset' }, { date: '2026-07-22', reason: 'inset' });
    expect(issuesOf(input).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'outside_calendar', path: ['closures', 11, 'date'] },
      { code: 'outside_calendar', path: ['closures', 12, 'date'] },
    ]);
  });

  test('a closure listed twice', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2025-05-05', reason: 'bank-holiday' });
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'calendar_overlap',
      severity: 'error',
      path: ['closures', 11, 'date'],
      field: 'date',
      received: '2025-05-05',
    });
    expect(issue.message).toContain('2025-05-05');
  });

  test('a closure of the afternoon on a one-session calendar', () => {
    const input = {
      ...oneYear(),
      sessionsPerDay: 1,
      closures: [{ date: '2025-07-22', sessions: ['PM'], reason: 'planned' }],
    };
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      path: ['closures', 0, 'sessions'],
      field: 'sessions',
    });
    expect(issue.expected).toContain('AM');
    expect(issue.received).toContain('PM');
  });

  test('a closure listing the same session twice', () => {
    const input = {
      ...oneYear(),
      closures: [{ date: '2025-07-22', sessions: ['AM', 'AM'], reason: 'planned' }],
    };
    expect(onlyIssueOf(input)).toMatchObject({ code: 'invalid_value', path: ['closures', 0, 'sessions'] });
  });

  test('a misspelt field in a half-term names the field', () => {
    const input = exampleInput();
    const autumn2 = input.years[0]!.halfTerms[1]!;
    input.years[0]!.halfTerms[1] = { name: autumn2['name']!, strat: autumn2['start']!, end: autumn2['end']! };
    const issues = issuesOf(input);
    const unknown = issues.find((issue) => issue.message.includes('strat'));
    expect(unknown).toBeDefined();
    // The missing `start` is reported too; the unknown `strat` is located at the half-term (or the field itself).
    expect(issues.some((issue) => issue.path.join('.') === 'years.0.halfTerms.1.start')).toBe(true);
    expect([
      ['years', 0, 'halfTerms', 1],
      ['years', 0, 'halfTerms', 1, 'strat'],
    ]).toContainEqual(unknown!.path);
    expect(unknown!.field).toBe('strat');
    expect(unknown!.expected).toBeDefined();
    expect(unknown!.received).toContain('strat');
  });

  test('a misspelt top-level field names the field', () => {
    const input = exampleInput();
    input['closure'] = input.closures;
    delete input.closures;
    const issue = onlyIssueOf(input);
    expect(issue.code).toBe('invalid_value');
    expect([[], ['closure']]).toContainEqual(issue.path);
    expect(issue.message).toContain('closure');
    expect(issue.field).toBe('closure');
    expect(issue.expected).toBeDefined();
    expect(issue.received).toContain('closure');
  });

  test('an impossible date in a closure (29 February 2025)', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2025-02-29', reason: 'other' });
    const issue = onlyIssueOf(input);
    expect(issue).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      path: ['closures', 11, 'date'],
      field: 'date',
      received: '2025-02-29',
    });
    expect(issue.expected).toContain('YYYY-MM-DD');
  });

  test('an impossible date in a half-term (31 September)', () => {
    const input = exampleInput();
    input.years[1]!.halfTerms[0]!['end'] = '2025-09-31';
    expect(issuesOf(input)[0]).toMatchObject({
      code: 'invalid_value',
      path: ['years', 1, 'halfTerms', 0, 'end'],
      received: '2025-09-31',
    });
  });

  test.each([
    { value: '02/09/2024', why: 'DD/MM/YYYY' },
    { value: '2024-9-2', why: 'without leading zeros' },
    { value: '2024-09-02T00:00:00Z', why: 'an instant, not a date' },
  ])('a date written as $why', ({ value }) => {
    const input = exampleInput();
    input.years[0]!.halfTerms[0]!['start'] = value;
    expect(issuesOf(input)[0]).toMatchObject({
      code: 'invalid_value',
      path: ['years', 0, 'halfTerms', 0, 'start'],
      received: value,
    });
  });

  test('an unknown closure reason and an unknown session', () => {
    const input = exampleInput();
    input.closures![0] = { date: '2024-09-02', reason: 'snow' };
    input.closures![1] = { date: '2024-11-04', sessions: ['EVENING'], reason: 'inset' };
    const issues = issuesOf(input);
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual(
      expect.arrayContaining([
        { code: 'invalid_value', path: ['closures', 0, 'reason'] },
        { code: 'invalid_value', path: ['closures', 1, 'sessions', 0] },
      ])
    );
  });

  test.each([
    { input: null, why: 'null' },
    { input: 'calendar', why: 'a string' },
    { input: [], why: 'an array' },
  ])('$why is not a calendar', ({ input }) => {
    const issue = issuesOf(input)[0]!;
    expect(issue.code).toBe('invalid_value');
    expect(issue.path).toEqual([]);
  });
});

describe('defineSchoolCalendar: every problem at once', () => {
  test('collects every problem of one calendar, each with its path, expected and received', () => {
    const input = exampleInput();
    input.sessionsPerDay = 1;
    input.closures = [
      { date: '2024-09-02', reason: 'inset', label: 'INSET day' },
      { date: '2024-09-07', reason: 'other' }, // a Saturday
      { date: '2024-12-27', reason: 'other' }, // the Christmas holiday
      { date: '2024-09-02', reason: 'inset' }, // listed twice
      { date: '2025-03-04', sessions: ['PM'], reason: 'planned' }, // no afternoon on this calendar
      { date: '2025-02-29', reason: 'other' }, // not a real day
    ];
    input.years[0]!.halfTerms.pop(); // 2024/25 has five half-terms
    input.years[1]!.halfTerms[1]!['end'] = '2025-11-02'; // Autumn 2 ends before it starts
    input.years[1]!.halfTerms[4]!['start'] = '2026-03-27'; // Summer 1 overlaps Spring 2
    input.years[1]!.halfTerms[0]!['start'] = '2025-05-23'; // Autumn 1 overlaps the 2024/25 Summer 1
    input['sesionsPerDay'] = 2; // misspelt

    const issues = issuesOf(input);
    const located = issues.map(({ code, path }) => ({ code, path }));
    expect(located).toEqual(
      expect.arrayContaining([
        { code: 'invalid_value', path: ['years', 0, 'halfTerms'] },
        { code: 'invalid_value', path: ['years', 1, 'halfTerms', 1, 'end'] },
        { code: 'calendar_overlap', path: ['years', 1, 'halfTerms', 0, 'start'] },
        { code: 'calendar_overlap', path: ['years', 1, 'halfTerms', 4, 'start'] },
        { code: 'outside_calendar', path: ['closures', 1, 'date'] },
        { code: 'outside_calendar', path: ['closures', 2, 'date'] },
        { code: 'calendar_overlap', path: ['closures', 3, 'date'] },
        { code: 'invalid_value', path: ['closures', 4, 'sessions'] },
        { code: 'invalid_value', path: ['closures', 5, 'date'] },
      ])
    );
    // The misspelt field is reported too.
    expect(issues.some((issue) => issue.message.includes('sesionsPerDay'))).toBe(true);
    expect(issues).toHaveLength(10);
    for (const issue of issues) {
      expect(issue.severity).toBe('error');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.expected).toEqual(expect.any(String));
      expect(issue.received).toEqual(expect.any(String));
    }
    const error = attendanceErrorOf(() => defineSchoolCalendar(input));
    expect(error.message).toContain('and 9 more issues');
  });
});

describe('safeDefineSchoolCalendar', () => {
  test('returns the calendar as a value', () => {
    const result = safeDefineSchoolCalendar(exampleInput());
    expect(result).toEqual({ success: true, data: defineSchoolCalendar(exampleInput()) });
  });

  test('returns the error as a value, with the same issues as defineSchoolCalendar throws', () => {
    const input = exampleInput();
    input.closures!.push({ date: '2024-09-07', reason: 'other' }, { date: '2024-09-02', reason: 'inset' });
    const result = safeDefineSchoolCalendar(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues).toEqual(issuesOf(input));
    expect(result.error.issues.map((issue) => issue.code)).toEqual(['outside_calendar', 'calendar_overlap']);
  });

  test('does not throw for input that is not a calendar at all', () => {
    expect(safeDefineSchoolCalendar(undefined).success).toBe(false);
    expect(safeDefineSchoolCalendar({ name: 'Empty', years: [] }).success).toBe(false);
  });
});
