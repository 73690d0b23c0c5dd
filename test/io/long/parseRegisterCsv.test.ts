import { describe, expect, test } from 'vitest';
import {
  parseRegisterCsv,
  parseRegisterJson,
  safeParseRegisterCsv,
  safeParseRegisterJson,
} from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { fixtureJson, fixtureText } from './fixtures.js';

describe('parseRegisterCsv and safeParseRegisterCsv', () => {
  test('a good file gives its marks and counts, with no warnings', () => {
    const result = parseRegisterCsv(fixtureText('generic.csv'));
    expect(result).toMatchObject({ rowsRead: 8, rowsUsed: 8, rowsRejected: 0, warnings: [] });
    expect(result.marks).toHaveLength(8);
    expect(safeParseRegisterCsv(fixtureText('generic.csv'))).toEqual({ success: true, data: result });
  });

  test('a bad file throws one error carrying every error issue', () => {
    const error = attendanceErrorOf(() =>
      parseRegisterCsv(fixtureText('bad-dates.csv'), { source: 'bad-dates.csv' })
    );
    expect(error.issues).toHaveLength(6);
    expect(error.issues.map((issue) => issue.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(error.message).toMatch(/^Line 2 of bad-dates\.csv .*\(and 5 more issues\)$/);
    const safe = safeParseRegisterCsv(fixtureText('bad-dates.csv'), { source: 'bad-dates.csv' });
    expect(safe.success).toBe(false);
    expect(safe.success ? [] : safe.error.issues).toEqual(error.issues);
  });

  test('warnings alone do not fail: they come back beside the marks', () => {
    const text = 'pupil_id,date,session,code,comment\nP1,2025-09-02,AM,/,Zo\uFFFD\n';
    // A replacement character in text is the mark of a wrong decoding: a warning, not an error.
    const parsed = parseRegisterCsv(text);
    expect(parsed.marks).toHaveLength(1);
    expect(parsed.warnings).toMatchObject([
      { code: 'encoding', severity: 'warning', line: 2, field: 'comment' },
    ]);
    const safe = safeParseRegisterCsv(text);
    expect(safe.success && safe.data.warnings).toEqual(parsed.warnings);
  });

  test('a missing column fails with the missing_column issue', () => {
    const result = safeParseRegisterCsv(fixtureText('wrong-columns.csv'));
    expect(result.success ? [] : result.error.issues.map((issue) => issue.code)).toEqual(['missing_column']);
  });

  test('safeParse never throws: invalid options come back as the error too', () => {
    const result = safeParseRegisterCsv('', { mapping: 'nope' as never });
    expect(result.success ? undefined : result.error.issues[0].field).toBe('mapping');
    expect(attendanceErrorOf(() => parseRegisterCsv('', { mapping: 'nope' as never })).issues[0].field).toBe(
      'mapping'
    );
  });
});

describe('parseRegisterJson and safeParseRegisterJson', () => {
  test('a good payload', () => {
    const result = parseRegisterJson(fixtureJson('assembly.json'), { mapping: 'assembly' });
    expect(result).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0, warnings: [] });
    expect(safeParseRegisterJson(fixtureJson('assembly.json'), { mapping: 'assembly' })).toEqual({
      success: true,
      data: result,
    });
  });

  test('a bad payload throws every issue', () => {
    const payload = [
      { pupil_id: 'P1', date: 'soon', session: 'AM', code: '/' },
      { pupil_id: 'P1', date: '2025-09-02', session: 'AM', code: 'Q9' },
    ];
    const error = attendanceErrorOf(() => parseRegisterJson(payload));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_date', [0, 'date']],
      ['unknown_code', [1, 'code']],
    ]);
    const safe = safeParseRegisterJson(payload);
    expect(safe.success ? [] : safe.error.issues).toEqual(error.issues);
  });

  test('input of the wrong shape fails', () => {
    expect(safeParseRegisterJson({ rows: [] }).success).toBe(false);
  });
});
