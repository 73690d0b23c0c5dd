import { describe, expect, test } from 'vitest';
import { parseCtf, readCtf, safeParseCtf } from '../../../src/io/index.js';
import type { CtfOptions } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { fixtureBytes, fixtureText } from './ctfFixtures.js';

describe('parseCtf', () => {
  test('returns the file, with warnings, when it has no error', () => {
    const ctf = parseCtf(fixtureText('totals-mismatch.ctf.xml'));
    expect(ctf.pupils[0]?.upn).toBe('SYNTHETIC0005');
    expect(ctf).toMatchObject({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
    expect(ctf.warnings.map((issue) => issue.code)).toEqual(['invalid_counts', 'totals_mismatch']);
    expect(ctf.marks).toHaveLength(8);
  });

  test('throws one AttendanceError carrying every error of the file, and only errors', () => {
    const error = attendanceErrorOf(() => parseCtf(fixtureText('bad-values.ctf.xml')));
    expect(error.issues.map((issue) => issue.field)).toEqual([
      'DOB',
      'SessionsPossible',
      'SessionsAuthorised',
      'SessionsAttended',
      'AttendanceStartDate',
    ]);
    expect(error.issues.every((issue) => issue.severity === 'error')).toBe(true);
    expect(error.message).toContain('(and 4 more issues)');
  });

  test('reads bytes as well as text', () => {
    expect(parseCtf(fixtureBytes('latin1.ctf.xml')).pupils[0]?.surname).toBe('BRONTË');
  });
});

describe('safeParseCtf', () => {
  test('success carries the same pupils and marks as the tolerant read', () => {
    const text = fixtureText('two-pupils.ctf.xml');
    const result = safeParseCtf(text);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const report = readCtf(text);
    expect(result.data.pupils).toEqual(report.pupils);
    expect(result.data.marks).toEqual(report.marks);
    expect(result.data.header).toEqual(report.header);
  });

  test('failure carries the error parseCtf would throw', () => {
    const text = fixtureText('truncated.ctf.xml');
    const result = safeParseCtf(text);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues).toEqual(attendanceErrorOf(() => parseCtf(text)).issues);
    expect(result.error.issues.map((issue) => issue.code)).toEqual(['malformed_input', 'malformed_input']);
  });

  test('does not throw for input that is not XML', () => {
    for (const input of ['', '\u0000\u0001', '<<<>>>', '<CTfile><CTFpupilData><Pupil><UPN>&bogus;</UPN>']) {
      expect(safeParseCtf(input).success).toBe(false);
    }
  });

  test('an invalid option is the error of the result, not a throw', () => {
    const text = fixtureText('synthetic-example.ctf.xml');
    const cases: [unknown, string][] = [
      [{ codeWidth: 3 }, 'codeWidth'],
      [{ dayModel: 'weekdays' }, 'dayModel'],
      [{ noMarkCharacter: '#' }, 'noMarkCharacter'],
      [{ notInSessionCharacter: 7 }, 'notInSessionCharacter'],
      [{ source: 12 }, 'source'],
      [{ codeWidth: Symbol('two') }, 'codeWidth'],
      [{ dayModel: Object.create(null) as object }, 'dayModel'],
    ];
    for (const [options, field] of cases) {
      const result = safeParseCtf(text, options as CtfOptions);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error).toBeInstanceOf(AttendanceError);
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]).toMatchObject({ code: 'invalid_value', severity: 'error', field });
    }
  });

  test('options that are not an object are the error of the result', () => {
    for (const options of [null, 'calendarDays', 2, []]) {
      const result = safeParseCtf('<CTfile/>', options as CtfOptions);
      expect(result.success).toBe(false);
    }
  });

  test('a calendar that is not a school calendar is the error of the result, located under calendar', () => {
    const text = fixtureText('synthetic-example.ctf.xml');
    for (const calendar of [5, 'LA', { name: 'Half a calendar', years: [] }, { years: [{ halfTerms: 1 }] }]) {
      const result = safeParseCtf(text, { calendar } as unknown as CtfOptions);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error.issues.every((issue) => issue.path[0] === 'calendar')).toBe(true);
    }
  });

  test('input that is neither text nor bytes is the error of the result', () => {
    for (const input of [undefined, null, 42, {}, ['<CTfile/>']]) {
      const result = safeParseCtf(input as string);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(result.error.issues[0]).toMatchObject({
        code: 'invalid_value',
        expected: 'a string or a Uint8Array',
      });
    }
  });

  test('parseCtf and readCtf still throw an AttendanceError for an invalid option', () => {
    const text = fixtureText('synthetic-example.ctf.xml');
    expect(attendanceErrorOf(() => parseCtf(text, { codeWidth: 3 as 1 })).issues[0].field).toBe('codeWidth');
    expect(
      attendanceErrorOf(() => readCtf(text, { calendar: 5 } as unknown as CtfOptions)).issues[0].path
    ).toEqual(['calendar']);
  });
});
