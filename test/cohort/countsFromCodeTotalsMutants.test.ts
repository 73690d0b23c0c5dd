import { describe, expect, test } from 'vitest';
import { countsFromCodeTotals, safeCountsFromCodeTotals } from '../../src/index.js';
import type { AttendanceIssue, CodeTotals, CountsFromCodeTotalsOptions } from '../../src/index.js';

// Counts from totals by register code (src/cohort/countsFromCodeTotals.ts): the exact issue each problem raises
// (code, path, field, expected, received, message, with and without the enrolment's id), the order of errors and
// warnings, and how it reads options and totals that are not plain objects.

/** The issues of a refused count; fails the test when the count succeeds. */
function issuesOf(totals: unknown, options: unknown): readonly AttendanceIssue[] {
  const result = safeCountsFromCodeTotals(totals as CodeTotals, options as CountsFromCodeTotalsOptions);
  if (result.success)
    throw new Error(`Expected the totals to be refused, got ${JSON.stringify(result.data)}`);
  return result.error.issues;
}

describe('the code set option', () => {
  test('an unknown code set is the one issue, with no received field and no pupil without an id', () => {
    const issues = issuesOf({ byCode: { '/': 1 } }, { codeSet: '2025' });
    expect(issues).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'The code set must be "2024" or "pre-2024"; received 2025.',
        path: ['options', 'codeSet'],
        field: 'codeSet',
        expected: '"2024" or "pre-2024"',
      },
    ]);
  });

  test('with an id, the issue names the enrolment in its message and as pupilId', () => {
    const issues = issuesOf({ byCode: { '/': 1 } }, { id: 'A1' });
    expect(issues).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Enrolment "A1": The code set must be "2024" or "pre-2024"; received nothing.',
        path: ['options', 'codeSet'],
        field: 'codeSet',
        expected: '"2024" or "pre-2024"',
        pupilId: 'A1',
      },
    ]);
  });

  test('an id that is not a string is ignored', () => {
    const issues = issuesOf({ possible: 5, byCode: { Q9: 1 } }, { codeSet: '2024', id: 42 });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('"Q9" is not a register code.');
    expect('pupilId' in issues[0]!).toBe(false);
  });

  test('options that are not an object are read as no options, even a function carrying a code set', () => {
    const carrier = Object.assign(() => 0, { codeSet: '2024', id: 'F1' });
    const issues = issuesOf({ byCode: { '/': 1 } }, carrier);
    expect(issues.map((issue) => [issue.field, issue.message])).toEqual([
      ['codeSet', 'The code set must be "2024" or "pre-2024"; received nothing.'],
    ]);
    expect(issuesOf({ byCode: { '/': 1 } }, null)[0]!.field).toBe('codeSet');
  });
});

describe('the totals’ shape', () => {
  test('missing byCode is the one issue, with no received field when nothing was received', () => {
    expect(issuesOf({ possible: 3 }, { codeSet: '2024', id: 'B2' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Enrolment "B2": The totals need byCode: the sessions of each register code.',
        path: ['byCode'],
        field: 'byCode',
        expected: 'an object of whole numbers by code',
        pupilId: 'B2',
      },
    ]);
  });

  test('a null byCode is refused, not read', () => {
    expect(issuesOf({ byCode: null }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'The totals need byCode: the sessions of each register code.',
        path: ['byCode'],
        field: 'byCode',
        expected: 'an object of whole numbers by code',
        received: 'null',
      },
    ]);
  });

  test('totals that are not an object are read as empty totals, even a function carrying byCode', () => {
    const carrier = Object.assign(() => 0, { possible: 2, byCode: { '/': 2 } });
    expect(issuesOf(carrier, { codeSet: '2024' }).map((issue) => issue.field)).toEqual(['byCode']);
    expect(issuesOf(null, { codeSet: '2024' }).map((issue) => [issue.field, 'received' in issue])).toEqual([
      ['byCode', false],
    ]);
  });
});

describe('the issue for each code', () => {
  test('a count that is not a whole number of sessions', () => {
    expect(issuesOf({ possible: 5, byCode: { O: 2.5 } }, { codeSet: '2024', id: 'C3' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'Enrolment "C3": The sessions of code "O" must be a whole number, 0 or more; received 2.5.',
        path: ['byCode', 'O'],
        field: 'byCode.O',
        expected: 'a whole number of sessions',
        received: '2.5',
        pupilId: 'C3',
      },
    ]);
  });

  test('an unknown code, whose field keeps the first 20 characters of its name', () => {
    const code = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(issuesOf({ possible: 5, byCode: { [code]: 1 } }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: `"${code}" is not a register code.`,
        path: ['byCode', code],
        field: 'byCode.ABCDEFGHIJKLMNOPQRST',
        expected: 'a register code',
        received: code,
      },
    ]);
  });

  test('sessions with no mark', () => {
    expect(issuesOf({ possible: 5, byCode: { '-': 2 } }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: '2 sessions have no mark; totals count marked sessions only.',
        path: ['byCode', '-'],
        field: 'byCode.-',
        expected: 'no unmarked sessions',
        received: '2',
      },
    ]);
  });

  test('a zero of no-mark and not-possible codes count nothing', () => {
    expect(
      countsFromCodeTotals({ possible: 4, byCode: { '-': 0, X: 3, Y1: 2 } }, { codeSet: '2024' })
    ).toEqual({ possible: 4, attended: 4, absent: 0, authorised: 0, unauthorised: 0, warnings: [] });
  });
});

describe('the issue for the possible sessions', () => {
  test('possible sessions that are not a whole number', () => {
    expect(issuesOf({ possible: 2.5, byCode: { I: 1 } }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'The possible sessions must be a whole number, 0 or more; received 2.5.',
        path: ['possible'],
        field: 'possible',
        expected: 'a whole number of sessions',
        received: '2.5',
      },
    ]);
  });

  test('neither possible sessions nor presence', () => {
    expect(issuesOf({ byCode: { I: 1 } }, { codeSet: '2024', id: 'D4' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message:
          'Enrolment "D4": Give the possible sessions, or the sessions of the present and approved-activity codes: without either, attendance cannot be told.',
        path: ['possible'],
        field: 'possible',
        expected: 'possible sessions, or present codes',
        pupilId: 'D4',
      },
    ]);
  });

  test('more absence than possible sessions', () => {
    expect(issuesOf({ possible: 3, byCode: { I: 2, O: 2 } }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'invalid_counts',
        severity: 'error',
        message: 'The absence (4 sessions) is more than the possible sessions (3).',
        path: ['possible'],
        field: 'possible',
        expected: 'at least 4 possible sessions',
        received: '3',
      },
    ]);
  });

  test('presence and absence that do not add up to the possible sessions, without an id', () => {
    expect(issuesOf({ possible: 10, byCode: { '/': 5, I: 2 } }, { codeSet: '2024' })).toStrictEqual([
      {
        code: 'totals_mismatch',
        severity: 'error',
        message:
          'The present and approved-activity sessions (5) and the absence (2) add up to 7, not the 10 possible sessions.',
        path: ['possible'],
        field: 'possible',
        expected: '8 attended sessions',
        received: '5',
      },
    ]);
  });

  test('presence and absence that do not add up, with an id', () => {
    expect(issuesOf({ possible: 4, byCode: { '/': 5, O: 2 } }, { codeSet: '2024', id: 'E5' })).toStrictEqual([
      {
        code: 'totals_mismatch',
        severity: 'error',
        message:
          'Enrolment "E5": The present and approved-activity sessions (5) and the absence (2) add up to 7, not the 4 possible sessions.',
        path: ['possible'],
        field: 'possible',
        expected: '2 attended sessions',
        received: '5',
        pupilId: 'E5',
      },
    ]);
  });
});

describe('errors and warnings together', () => {
  test('a refusal lists the errors first, then the warnings, which keep the id', () => {
    const issues = issuesOf({ possible: 10, byCode: { H: 2, O: 1.5, I: -1 } }, { codeSet: '2024', id: 'F6' });
    expect(issues.map((issue) => [issue.code, issue.severity, issue.field, issue.pupilId])).toEqual([
      ['invalid_counts', 'error', 'byCode.O', 'F6'],
      ['invalid_counts', 'error', 'byCode.I', 'F6'],
      ['code_outside_code_set', 'warning', 'code', 'F6'],
    ]);
  });

  test('warnings alone do not refuse the totals', () => {
    const counts = countsFromCodeTotals({ possible: 10, byCode: { H: 2 } }, { codeSet: '2024' });
    expect(counts).toMatchObject({ possible: 10, attended: 8, absent: 2, authorised: 2, unauthorised: 0 });
    expect(counts.warnings.map((issue) => [issue.code, issue.severity])).toEqual([
      ['code_outside_code_set', 'warning'],
    ]);
  });
});
