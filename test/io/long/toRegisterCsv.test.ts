import { describe, expect, test } from 'vitest';
import { isoDate } from '../../../src/index.js';
import type { SessionMark } from '../../../src/index.js';
import { parseRegisterCsv, toRegisterCsv, toRegisterCsvLines } from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { withoutLine } from './fixtures.js';

const marks: ImportedMark[] = [
  { pupilId: 'P1', date: isoDate('2025-09-02'), session: 'AM', code: 'L', minutesLate: 7 },
  { pupilId: 'P1', date: isoDate('2025-09-02'), session: 'PM', code: '\\', comment: 'Said "hi", left' },
  {
    pupilId: 'P2',
    date: isoDate('2025-09-02'),
    session: 'AM',
    code: 'Y1',
    rawCode: '9',
    comment: 'two\nlines',
  },
];

describe('toRegisterCsv', () => {
  test('writes the generic header and RFC 4180 rows with CRLF by default', () => {
    expect(toRegisterCsv(marks)).toBe(
      'pupil_id,date,session,code,minutes_late,comment\r\n' +
        'P1,2025-09-02,AM,L,7,\r\n' +
        'P1,2025-09-02,PM,\\,,"Said ""hi"", left"\r\n' +
        'P2,2025-09-02,AM,Y1,,"two\nlines"\r\n'
    );
  });

  test('LF line endings on request', () => {
    expect(toRegisterCsv(marks.slice(0, 1), { lineEnding: '\n' })).toBe(
      'pupil_id,date,session,code,minutes_late,comment\nP1,2025-09-02,AM,L,7,\n'
    );
  });

  test('a upn column only when some mark has a UPN', () => {
    const withUpn: ImportedMark[] = [
      { pupilId: 'P1', upn: 'A1', date: isoDate('2025-09-02'), session: 'AM', code: '/' },
      { pupilId: 'P2', date: isoDate('2025-09-02'), session: 'AM', code: '/' },
    ];
    expect(toRegisterCsv(withUpn, { lineEnding: '\n' })).toBe(
      'pupil_id,date,session,code,minutes_late,comment,upn\nP1,2025-09-02,AM,/,,,A1\nP2,2025-09-02,AM,/,,,\n'
    );
  });

  test('reads back to the same marks, writing the statutory code', () => {
    const back = parseRegisterCsv(toRegisterCsv(marks)).marks.map(withoutLine);
    expect(back).toEqual(
      marks.map((mark) => {
        const copy = { ...mark };
        delete copy.rawCode;
        return copy;
      })
    );
  });

  test('session marks with pupil ids are written; an empty list gives the header only', () => {
    const sessionMarks: SessionMark[] = [
      { pupilId: 'P9', date: isoDate('2025-09-03'), session: 'PM', code: 'N' },
    ];
    expect(toRegisterCsv(sessionMarks, { lineEnding: '\n' })).toContain('P9,2025-09-03,PM,N,,\n');
    expect(toRegisterCsv([])).toBe('pupil_id,date,session,code,minutes_late,comment\r\n');
  });

  test('marks without a pupil id throw, naming each one', () => {
    const anonymous: SessionMark[] = [
      { date: isoDate('2025-09-02'), session: 'AM', code: '/' },
      { pupilId: 'P1', date: isoDate('2025-09-02'), session: 'AM', code: '/' },
      { pupilId: ' ', date: isoDate('2025-09-03'), session: 'PM', code: '/' },
    ];
    const error = attendanceErrorOf(() => toRegisterCsv(anonymous));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      [0, 'pupilId'],
      [2, 'pupilId'],
    ]);
  });

  test('an invalid line ending throws', () => {
    expect(attendanceErrorOf(() => toRegisterCsv(marks, { lineEnding: '\r' as never })).issues[0].field).toBe(
      'lineEnding'
    );
  });

  test('a line ending of any value, a BigInt or a circular one included, is an AttendanceError', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    for (const lineEnding of [10n, circular]) {
      const [issue] = attendanceErrorOf(() =>
        toRegisterCsv(marks, { lineEnding: lineEnding as never })
      ).issues;
      expect(issue).toMatchObject({ code: 'invalid_value', field: 'lineEnding' });
    }
  });
});

describe('toRegisterCsvLines', () => {
  test('yields the header then one line per mark, which join to toRegisterCsv', () => {
    const lines = [...toRegisterCsvLines(marks)];
    expect(lines).toHaveLength(4);
    expect(lines.every((line) => line.endsWith('\r\n'))).toBe(true);
    expect(lines.join('')).toBe(toRegisterCsv(marks));
  });
});
