import { describe, expect, test } from 'vitest';
import { readRegisterJson } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { fixtureBytes, fixtureJson, fixtureText } from './fixtures.js';

describe('readRegisterJson: presets on valid payloads', () => {
  test('arbor: linked records as objects (student id, roll call short name, mark code)', () => {
    const report = readRegisterJson(fixtureJson('arbor.json'), { mapping: 'arbor', source: 'arbor.json' });
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      { pupilId: '1042', date: '2025-09-02', session: 'AM', code: '/' },
      { pupilId: '1042', date: '2025-09-02', session: 'PM', code: 'L', minutesLate: 9 },
    ]);
  });

  test('arbor: plain values work too', () => {
    const report = readRegisterJson(
      [
        {
          student: 1042,
          recordDate: '2025-09-02',
          attendanceRollCall: 'PM',
          attendanceMark: 'LATE',
          minutesLate: 3,
        },
      ],
      { mapping: 'arbor', codeList: { LATE: 'L' } }
    );
    expect(report.marks).toEqual([
      { pupilId: '1042', date: '2025-09-02', session: 'PM', code: 'L', rawCode: 'LATE', minutesLate: 3 },
    ]);
  });

  test('sims: the 2024 extended record with Minute, a display code and empty comments', () => {
    const report = readRegisterJson(fixtureJson('sims.json'), { mapping: 'sims', codeList: { '9': 'K' } });
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      { pupilId: '900001', date: '2025-09-04', session: 'AM', code: 'L', minutesLate: 12 },
      {
        pupilId: '900001',
        date: '2025-09-04',
        session: 'PM',
        code: 'K',
        rawCode: '9',
        comment: 'Alternative provision',
      },
    ]);
  });

  test('assembly: a { data } envelope, numeric ids and nulls', () => {
    const report = readRegisterJson(fixtureJson('assembly.json'), { mapping: 'assembly' });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(report.marks).toEqual([
      { pupilId: '5001', date: '2025-09-02', session: 'AM', code: '/' },
      {
        pupilId: '5001',
        date: '2025-09-02',
        session: 'PM',
        code: 'U',
        minutesLate: 35,
        comment: 'Arrived after registers closed',
      },
      { pupilId: '5002', date: '2025-09-02', session: 'AM', code: 'M', comment: 'Dentist' },
    ]);
  });

  test('wonde: date objects give their written date; the code is read from the included attendance code', () => {
    const report = readRegisterJson(fixtureJson('wonde.json'), { mapping: 'wonde' });
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      { pupilId: 'SYN-STU-1', date: '2025-09-02', session: 'AM', code: 'I' },
      { pupilId: 'SYN-STU-1', date: '2025-09-02', session: 'PM', code: 'L', minutesLate: 4, comment: 'Bus' },
    ]);
  });

  test('wonde: a date object late in the evening in another zone keeps its written date', () => {
    const record = {
      student_id: 'S1',
      session: 'PM',
      date: { date: '2025-09-02 23:30:00.000000', timezone_type: 3, timezone: 'America/New_York' },
      attendance_code_id: 'C-ILL',
    };
    const report = readRegisterJson({ data: [record] }, { mapping: 'wonde', codeList: { 'C-ILL': 'I' } });
    expect(report.marks).toEqual([
      { pupilId: 'S1', date: '2025-09-02', session: 'PM', code: 'I', rawCode: 'C-ILL' },
    ]);
  });

  test('go4schools: session_mark_id through a code list built from the codes endpoint', () => {
    const codes = fixtureJson('go4schools-codes.json') as { id: number; code: string }[];
    const codeList = Object.fromEntries(codes.map(({ id, code }) => [String(id), code]));
    const report = readRegisterJson(fixtureJson('go4schools.json'), { mapping: 'go4schools', codeList });
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      { pupilId: '7001', date: '2025-09-02', session: 'AM', code: '/', rawCode: '1', minutesLate: 0 },
      {
        pupilId: '7001',
        date: '2025-09-02',
        session: 'PM',
        code: 'L',
        rawCode: '4',
        minutesLate: 6,
        comment: 'Late from music lesson',
      },
      { pupilId: '7002', date: '2025-09-02', session: 'AM', code: 'I', rawCode: '9', comment: 'Illness' },
    ]);
  });

  test('generic: keys match ignoring case and separators', () => {
    const report = readRegisterJson([
      { PupilId: 'P1', Date: '02/09/2025', Session: 'am', Mark: 'B', UPN: 'U1' },
    ]);
    expect(report.marks).toEqual([
      { pupilId: 'P1', upn: 'U1', date: '2025-09-02', session: 'AM', code: 'B' },
    ]);
  });
});

describe('readRegisterJson: broken payloads', () => {
  test('issues carry the JSON path of the record and key', () => {
    const payload = fixtureJson('assembly.json') as { data: Record<string, unknown>[] };
    payload.data[1]!['session_date'] = '2025-02-30';
    payload.data[2]!['session_name'] = 'Evening';
    const report = readRegisterJson(payload, { mapping: 'assembly', source: 'attendances.json' });
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
    expect(report.issues).toHaveLength(2);
    expect(report.issues[0]).toMatchObject({
      code: 'invalid_date',
      path: ['data', 1, 'session_date'],
      field: 'session_date',
      pupilId: '5001',
      session: 'PM',
      received: '2025-02-30',
      source: 'attendances.json',
    });
    expect(report.issues[0]!.line).toBeUndefined();
    expect(report.issues[0]!.message).toMatch(/^data\[1\] in attendances\.json \(pupil 5001/);
    expect(report.issues[1]).toMatchObject({ code: 'invalid_session', path: ['data', 2, 'session_name'] });
  });

  test('a nested key path appears in full in the issue path', () => {
    const payload = fixtureJson('wonde.json') as { data: { attendance_code: { data: { code: string } } }[] };
    payload.data[0]!.attendance_code.data.code = 'Q9';
    const report = readRegisterJson(payload, { mapping: 'wonde' });
    expect(report.issues[0]).toMatchObject({
      code: 'unknown_code',
      path: ['data', 0, 'attendance_code', 'data', 'code'],
      field: 'attendance_code.data.code',
    });
  });

  test('the wrong preset stops the input with one missing_column issue listing the keys found', () => {
    const report = readRegisterJson(fixtureJson('assembly.json'), {
      mapping: 'go4schools',
      source: 'a.json',
    });
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 0, rowsRejected: 3, marks: [] });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'missing_column', path: ['data', 0], source: 'a.json' });
    expect(report.issues[0]!.message).toContain('go4schools preset');
    expect(report.issues[0]!.message).toContain('session_date');
  });

  test('records that are not objects, and values of the wrong type, are rejected', () => {
    const report = readRegisterJson([
      'P1,2025-09-02,AM,/',
      { pupil_id: { id: 1 }, date: '2025-09-02', session: 'AM', code: '/' },
      { pupil_id: 'P2', date: true, session: 'AM', code: '/' },
      { pupil_id: 'P3', date: '2025-09-02', session: 'AM', code: '/', comment: ['a'] },
      { pupil_id: 'P4', date: '2025-09-02', session: 'AM' },
      null,
    ]);
    expect(report).toMatchObject({ rowsRead: 6, rowsUsed: 1, rowsRejected: 5 });
    expect(report.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['malformed_input', [0]],
      ['invalid_value', [1, 'pupil_id']],
      ['invalid_value', [2, 'date']],
      ['invalid_value', [3, 'comment']],
      ['malformed_input', [5]],
    ]);
    // A missing code is "no mark yet".
    expect(report.marks).toEqual([{ pupilId: 'P4', date: '2025-09-02', session: 'AM', code: '-' }]);
  });

  test('duplicates name the earlier record', () => {
    const report = readRegisterJson({
      data: [
        { pupil_id: 'P1', date: '2025-09-02', session: 'AM', code: '/' },
        { pupil_id: 'P1', date: '2025-09-02', session: 'PM', code: '/' },
        { pupil_id: 'P1', date: '02/09/2025', session: 'Morning', code: 'O' },
      ],
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'duplicate_mark', path: ['data', 2] });
    expect(report.issues[0]!.message).toContain('data[0] already has one');
  });

  test('input that is neither an array nor { data: [...] }', () => {
    for (const value of [undefined, null, 'text', 42, { items: [] }, { data: 'x' }]) {
      const report = readRegisterJson(value);
      expect(report).toMatchObject({ rowsRead: 0, rowsUsed: 0, rowsRejected: 0 });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ code: 'malformed_input', severity: 'error', path: [] });
    }
  });

  test('an empty list reads nothing and reports nothing', () => {
    expect(readRegisterJson({ data: [] })).toEqual({
      rowsRead: 0,
      rowsUsed: 0,
      rowsRejected: 0,
      marks: [],
      issues: [],
    });
  });

  test('an invalid option throws', () => {
    expect(
      attendanceErrorOf(() => readRegisterJson([], { mapping: 'xporter' as never })).issues[0].field
    ).toBe('mapping');
  });
});

describe('readRegisterJson: text that was decoded with the wrong encoding', () => {
  test('a string value holding U+FFFD is an encoding warning naming its record and key', () => {
    // A Latin-1 JSON file read as UTF-8 before JSON.parse: ë and é become U+FFFD.
    const report = readRegisterJson(JSON.parse(fixtureText('latin1.json')), { source: 'latin1.json' });
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(
      report.issues.map((issue) => [issue.code, issue.severity, issue.path, issue.field, issue.pupilId])
    ).toEqual([
      ['encoding', 'warning', ['data', 1, 'comment'], 'comment', 'P001'],
      ['encoding', 'warning', ['data', 2, 'pupil_id'], 'pupil_id', 'Ren\uFFFDe'],
      ['encoding', 'warning', ['data', 2, 'comment'], 'comment', 'Ren\uFFFDe'],
    ]);
    expect(report.issues[0]!.message).toContain('data[1] in latin1.json');
    expect(report.issues[0]!.received).toBe('Zo\uFFFD at the dentist');
  });

  test('the correctly decoded file has no warning', () => {
    const text = new TextDecoder('windows-1252').decode(fixtureBytes('latin1.json'));
    expect(readRegisterJson(JSON.parse(text)).issues).toEqual([]);
  });

  test('a value of the wrong type holding U+FFFD has its own error only', () => {
    const report = readRegisterJson([
      { pupil_id: 'P1', date: '2025-09-02', session: 'AM', code: '/', comment: { text: 'Zo\uFFFD' } },
    ]);
    expect(report.issues.map((issue) => [issue.code, issue.severity])).toEqual([['invalid_value', 'error']]);
  });
});
