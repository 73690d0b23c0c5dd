import { describe, expect, test } from 'vitest';
import { AttendanceError, isAttendanceError } from '../src/index.js';
import type { AttendanceIssue } from '../src/index.js';
import type * as Errors from '../src/errors.js';

function issue(message: string, path: readonly (string | number)[] = []): AttendanceIssue {
  return { code: 'invalid_value', severity: 'error', message, path };
}

const FIRST = issue('[0].date: Invalid ISO date', [0, 'date']);
const SECOND = issue('[1].session: Invalid option', [1, 'session']);
const THIRD = issue('[2].code: Unknown register code', [2, 'code']);
const WARNING: AttendanceIssue = {
  code: 'code_outside_code_set',
  severity: 'warning',
  message: 'Code "H" (2024-09-02) is not in the 2024 code set.',
  path: [3, 'code'],
  date: '2024-09-02',
  field: 'code',
  expected: 'a code of the 2024 code set',
  received: 'H',
};

describe('AttendanceError', () => {
  test('is named AttendanceError', () => {
    expect(new AttendanceError([FIRST]).name).toBe('AttendanceError');
  });

  test('is an Error and an AttendanceError', () => {
    const error = new AttendanceError([FIRST]);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AttendanceError);
  });

  test('with one issue, the message is that issue’s message alone', () => {
    expect(new AttendanceError([FIRST]).message).toBe('[0].date: Invalid ISO date');
  });

  test('with two issues, the message counts one more issue (singular)', () => {
    expect(new AttendanceError([FIRST, SECOND]).message).toBe(
      '[0].date: Invalid ISO date (and 1 more issue)'
    );
  });

  test('with three issues, the message counts two more issues (plural)', () => {
    expect(new AttendanceError([FIRST, SECOND, THIRD]).message).toBe(
      '[0].date: Invalid ISO date (and 2 more issues)'
    );
  });

  test('with many issues, the message counts all but the first', () => {
    const issues = Array.from({ length: 12 }, (_, index) => issue(`problem ${index}`, [index]));
    const [first, ...rest] = issues;
    expect(new AttendanceError([first!, ...rest]).message).toBe('problem 0 (and 11 more issues)');
  });

  test('the message starts with the first issue, whatever the others say', () => {
    expect(new AttendanceError([SECOND, FIRST]).message).toBe(
      '[1].session: Invalid option (and 1 more issue)'
    );
  });

  test('keeps every issue, in order, unchanged', () => {
    const issues = [FIRST, SECOND, THIRD, WARNING] as const;
    const error = new AttendanceError(issues);
    expect(error.issues).toHaveLength(4);
    expect(error.issues).toEqual([FIRST, SECOND, THIRD, WARNING]);
    expect(error.issues[0]).toBe(FIRST);
    expect(error.issues[3]).toBe(WARNING);
  });

  test('issues are plain JSON-safe data that survive a JSON round trip', () => {
    const error = new AttendanceError([FIRST, WARNING]);
    expect(JSON.parse(JSON.stringify(error.issues))).toEqual([FIRST, WARNING]);
  });

  test('can be thrown and caught as an Error with its issues', () => {
    const thrower = (): never => {
      throw new AttendanceError([FIRST, SECOND]);
    };
    expect(thrower).toThrow(AttendanceError);
    expect(thrower).toThrow('[0].date: Invalid ISO date (and 1 more issue)');
  });
});

describe('isAttendanceError', () => {
  test('recognises the library’s errors and nothing else', () => {
    expect(isAttendanceError(new AttendanceError([FIRST]))).toBe(true);
    const lookalike = Object.assign(new Error('x'), { name: 'AttendanceError', issues: [FIRST] });
    for (const value of [lookalike, new Error('x'), null, undefined, 'AttendanceError', 0, {}, [FIRST]])
      expect(isAttendanceError(value)).toBe(false);
    expect(lookalike instanceof AttendanceError).toBe(false);
  });

  test('recognises an error from a second copy of the module, as a second build of the package would be', async () => {
    // The query makes the module loader evaluate errors.ts again: a second AttendanceError class, as the
    // CommonJS build is beside the ES module one.
    const secondCopy = '../src/errors.ts?second-copy';
    const copy = (await import(/* @vite-ignore */ secondCopy)) as typeof Errors;
    expect(copy.AttendanceError).not.toBe(AttendanceError);
    const fromCopy = new copy.AttendanceError([FIRST]);
    expect(isAttendanceError(fromCopy)).toBe(true);
    expect(fromCopy instanceof AttendanceError).toBe(true);
    expect(copy.isAttendanceError(new AttendanceError([FIRST]))).toBe(true);
  });

  test('the brand is not an enumerable field: JSON and logs show the error’s own fields', () => {
    expect(Object.keys(new AttendanceError([FIRST]))).toEqual(['name', 'issues']);
  });
});
