import { describe, expect, test } from 'vitest';
import { isoDate } from '../../../src/index.js';
import {
  parseRegisterCsv,
  readRegisterCsv,
  readRegisterJson,
  safeParseRegisterJson,
  toRegisterCsv,
  toRegisterCsvLines,
} from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';

// Issue 12 §3: "a pupil id with a lone surrogate passes JSON import and comes back changed through CSV. A file
// that reads must write, and what writes must read back equal." Half of a UTF-16 surrogate pair cannot be
// carried by UTF-8: the JSON importer refuses such text, and the CSV writers refuse it rather than write U+FFFD.

const record = (fields: Record<string, unknown>): Record<string, unknown> => ({
  pupil_id: 'P1',
  date: '2025-09-02',
  session: 'AM',
  code: '/',
  ...fields,
});

describe('readRegisterJson: text with a lone surrogate', () => {
  test('a pupil id with a lone high surrogate is an invalid_value error naming the record and key', () => {
    const report = readRegisterJson({ data: [record({ pupil_id: 'P\uD800' }), record({ pupil_id: 'P2' })] });
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(report.issues).toMatchObject([
      {
        code: 'invalid_value',
        severity: 'error',
        path: ['data', 0, 'pupil_id'],
        field: 'pupil_id',
        date: '2025-09-02',
        session: 'AM',
        expected: 'well-formed Unicode text (every surrogate half paired)',
        received: '"P\\ud800"',
      },
    ]);
    expect(report.issues[0]!.message).toContain('"P\\ud800" holds a lone UTF-16 surrogate');
    expect(report.issues[0]!.pupilId).toBeUndefined();
  });

  test('so does a lone low surrogate in a UPN, a comment or a code; the record is rejected', () => {
    for (const [key, value] of [
      ['upn', '\uDC00A123'],
      ['comment', 'late \uDFFF'],
      ['code', '/\uD83D'],
    ] as const) {
      const report = readRegisterJson([record({ [key]: value })]);
      expect(report.rowsUsed).toBe(0);
      expect(report.issues).toMatchObject([{ code: 'invalid_value', path: [0, key], pupilId: 'P1' }]);
    }
  });

  test('a whole surrogate pair is ordinary text', () => {
    const result = safeParseRegisterJson([record({ pupil_id: 'P😀', comment: '𝄞' })]);
    expect(result.success && result.data.marks).toEqual([
      { pupilId: 'P😀', date: '2025-09-02', session: 'AM', code: '/', comment: '𝄞' },
    ]);
  });
});

describe('toRegisterCsv and toRegisterCsvLines: text with a lone surrogate', () => {
  const good: ImportedMark = { pupilId: 'P1', date: isoDate('2025-09-02'), session: 'AM', code: '/' };

  test('is refused with an AttendanceError naming the mark, its pupil and the field', () => {
    const error = attendanceErrorOf(() =>
      toRegisterCsv([good, { ...good, pupilId: 'P2', session: 'PM', comment: 'x\uDC00' }])
    );
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'Mark 1 (pupil "P2", 2025-09-02, PM): comment "x\\udc00" holds a lone UTF-16 surrogate (half of a character\'s pair), which UTF-8 cannot carry, so it would be written as U+FFFD and read back changed; expected well-formed Unicode text.',
        path: [1, 'comment'],
        pupilId: 'P2',
        date: '2025-09-02',
        session: 'PM',
        field: 'comment',
        expected: 'well-formed Unicode text (every surrogate half paired)',
        received: '"x\\udc00"',
      },
    ]);
  });

  test('every such field of every mark is reported, before any line is written', () => {
    const error = attendanceErrorOf(() =>
      toRegisterCsvLines([
        { ...good, pupilId: 'P\uD800' },
        { ...good, upn: '\uDBFF', code: '\uDC01' },
      ])
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, 'pupilId'],
      [1, 'upn'],
      [1, 'code'],
    ]);
  });

  test('a whole surrogate pair is written and read back as it was', () => {
    const marks: ImportedMark[] = [{ ...good, pupilId: 'P😀', comment: '𝄞 and "quotes"' }];
    expect(parseRegisterCsv(toRegisterCsv(marks)).marks).toEqual([{ ...marks[0], line: 2 }]);
  });
});

describe('readRegisterCsv: text with a lone surrogate', () => {
  test('the cell it spoils is an encoding warning with its line, not a silent U+FFFD', () => {
    const report = readRegisterCsv('pupil_id,date,session,code\nP\uD800,2025-09-02,AM,/\n');
    expect(report.issues).toMatchObject([
      { code: 'encoding', severity: 'warning', line: 2, field: 'pupil_id' },
    ]);
  });
});
