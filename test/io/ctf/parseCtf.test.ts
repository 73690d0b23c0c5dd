import { describe, expect, test } from 'vitest';
import { parseCtf, readCtf, safeParseCtf } from '../../../src/io/index.js';
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
});
