import { describe, expect, test } from 'vitest';
import { importRegisterCsv, readRegisterCsv } from '../../../src/io/index.js';
import type { RegisterImportReport } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { chunksOf, fixtureBytes, fixtureText, withoutLine } from './fixtures.js';

/** The marks without their line, for comparing with what a fixture says. */
function withoutLines(report: RegisterImportReport): object[] {
  return report.marks.map(withoutLine);
}

describe('readRegisterCsv: presets on valid files', () => {
  test('generic: every row becomes a mark with its line, UPN, minutes late and comment', () => {
    const report = readRegisterCsv(fixtureText('generic.csv'), { source: 'generic.csv' });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 8, rowsUsed: 8, rowsRejected: 0 });
    expect(report.marks[0]).toEqual({
      pupilId: 'P001',
      upn: 'A123456789012',
      date: '2025-09-01',
      session: 'AM',
      code: '#',
      comment: 'INSET day',
      line: 2,
    });
    expect(report.marks[3]).toEqual({
      pupilId: 'P001',
      upn: 'A123456789012',
      date: '2025-09-02',
      session: 'PM',
      code: 'L',
      minutesLate: 12,
      comment: 'Bus late, arrived 13:42',
      line: 5,
    });
    // An empty UPN cell gives no UPN; "-" is no mark yet.
    expect(report.marks[5]).toEqual({
      pupilId: 'P002',
      date: '2025-09-02',
      session: 'PM',
      code: '-',
      line: 7,
    });
    expect(report.marks.map((mark) => mark.code)).toEqual(['#', '#', '/', 'L', 'I', '-', 'C1', 'J1']);
  });

  test('arbor: headers written as words, DD/MM/YYYY dates, minutes late', () => {
    const report = readRegisterCsv(fixtureText('arbor.csv'), { mapping: 'arbor' });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
      { pupilId: '1042', date: '2025-09-02', session: 'AM', code: '/' },
      { pupilId: '1042', date: '2025-09-02', session: 'PM', code: 'L', minutesLate: 9 },
      { pupilId: '1042', date: '2025-09-03', session: 'AM', code: 'O' },
      { pupilId: '1043', date: '2025-09-02', session: 'AM', code: '/' },
      { pupilId: '1043', date: '2025-09-02', session: 'PM', code: '\\' },
    ]);
  });

  test('sims: local date-times keep their written date; a display code maps through the code list', () => {
    const report = readRegisterCsv(fixtureText('sims.csv'), { mapping: 'sims', codeList: { '9': 'Y1' } });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
      {
        pupilId: '900001',
        upn: 'B000000000001',
        date: '2025-09-04',
        session: 'AM',
        code: 'L',
        minutesLate: 12,
      },
      { pupilId: '900001', upn: 'B000000000001', date: '2025-09-04', session: 'PM', code: '\\' },
      {
        pupilId: '900002',
        upn: 'B000000000002',
        date: '2025-09-04',
        session: 'AM',
        code: 'Y1',
        rawCode: '9',
        comment: 'Off-site provision',
      },
      { pupilId: '900002', upn: 'B000000000002', date: '2025-09-04', session: 'PM', code: '-' },
    ]);
  });

  test('sims without the code list: the display code is an unknown code that points at codeList', () => {
    const report = readRegisterCsv(fixtureText('sims.csv'), { mapping: 'sims', source: 'sims.csv' });
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsRejected: 1 });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      code: 'unknown_code',
      severity: 'error',
      line: 4,
      source: 'sims.csv',
      pupilId: '900002',
      date: '2025-09-04',
      session: 'AM',
      field: 'AttendanceMark',
      received: '9',
    });
    expect(report.issues[0]!.message).toContain('codeList');
  });

  test('assembly: its column names, with an unrelated column ignored', () => {
    const report = readRegisterCsv(fixtureText('assembly.csv'), { mapping: 'assembly' });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
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

  test('go4schools: session_mark_id values map through the codes list', () => {
    const report = readRegisterCsv(fixtureText('go4schools.csv'), {
      mapping: 'go4schools',
      codeList: { '1': '/', '4': 'L', '9': 'I' },
    });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
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

  test('wonde: a flattened export with the code in attendance_code', () => {
    const report = readRegisterCsv(fixtureText('wonde.csv'), { mapping: 'wonde' });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
      { pupilId: 'SYN-STU-1', date: '2025-09-02', session: 'AM', code: 'I' },
      { pupilId: 'SYN-STU-1', date: '2025-09-02', session: 'PM', code: 'I' },
    ]);
  });

  test('a custom mapping', () => {
    const text = 'Adno,Reg date,Half,Mark\n123,02/09/2025,Morning,/\n123,02/09/2025,Afternoon,N\n';
    const report = readRegisterCsv(text, {
      mapping: { pupilId: 'Adno', date: 'Reg date', session: 'Half', code: 'Mark' },
    });
    expect(report.issues).toEqual([]);
    expect(withoutLines(report)).toEqual([
      { pupilId: '123', date: '2025-09-02', session: 'AM', code: '/' },
      { pupilId: '123', date: '2025-09-02', session: 'PM', code: 'N' },
    ]);
  });

  test('generic falls back to the upn column for the pupil when there is no pupil_id column', () => {
    const report = readRegisterCsv('UPN,Date,Session,Mark\nA123,2025-09-02,AM,/\n');
    expect(report.issues).toEqual([]);
    // The UPN column serves as the pupil id and is not repeated as `upn`.
    expect(report.marks).toEqual([
      { pupilId: 'A123', date: '2025-09-02', session: 'AM', code: '/', line: 2 },
    ]);
  });

  test('tab-separated files with the delimiter option', () => {
    const report = readRegisterCsv('pupil_id\tdate\tsession\tcode\nP1\t2025-09-02\tPM\tB\n', {
      delimiter: '\t',
    });
    expect(withoutLines(report)).toEqual([{ pupilId: 'P1', date: '2025-09-02', session: 'PM', code: 'B' }]);
  });
});

describe('readRegisterCsv: broken files', () => {
  test('wrong columns stop the file with one missing_column issue; its rows count as rejected', () => {
    const report = readRegisterCsv(fixtureText('wrong-columns.csv'), { source: 'wrong-columns.csv' });
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2, marks: [] });
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue).toMatchObject({
      code: 'missing_column',
      severity: 'error',
      line: 1,
      source: 'wrong-columns.csv',
      field: 'pupil_id',
      received: 'Pupil, Day, AM/PM, Mark',
    });
    // It names the mapping used, the missing fields and what the header has; the names each field may have
    // are in `expected`, which keeps the message short.
    expect(issue!.message).toContain('generic preset');
    expect(issue!.message).toContain('no column for the pupil id, date and session,');
    expect(issue!.message).toContain('Pupil, Day, AM/PM, Mark');
    expect(issue!.expected).toBe('columns pupil_id or upn, date, session, code or mark');
  });

  test('a file read with the wrong preset says which preset looked', () => {
    const report = readRegisterCsv(fixtureText('generic.csv'), { mapping: 'arbor' });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]!.code).toBe('missing_column');
    expect(report.issues[0]!.message).toContain('arbor preset');
    expect(report).toMatchObject({ rowsRead: 8, rowsRejected: 8 });
  });

  test('a file with another delimiter gets a hint', () => {
    const report = readRegisterCsv(fixtureText('semicolons.csv'));
    expect(report.issues[0]!.code).toBe('missing_column');
    expect(report.issues[0]!.message).toContain('delimiter');
    const fixed = readRegisterCsv(fixtureText('semicolons.csv'), { delimiter: ';' });
    expect(fixed.issues).toEqual([]);
    expect(fixed.rowsUsed).toBe(1);
  });

  test('an empty file has no header', () => {
    for (const text of ['', '\n\n', '\uFEFF']) {
      const report = readRegisterCsv(text, { source: 'empty.csv' });
      expect(report).toMatchObject({ rowsRead: 0, rowsUsed: 0, rowsRejected: 0 });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ code: 'missing_column', source: 'empty.csv', line: 1 });
    }
  });

  test('bad dates: impossible, US-style, two-digit year, empty and not a date are each located', () => {
    const report = readRegisterCsv(fixtureText('bad-dates.csv'), { source: 'bad-dates.csv' });
    expect(report).toMatchObject({ rowsRead: 8, rowsUsed: 2, rowsRejected: 6 });
    expect(report.issues.map((issue) => [issue.code, issue.line, issue.field, issue.received])).toEqual([
      ['invalid_date', 2, 'date', '31/02/2025'],
      ['invalid_date', 3, 'date', '09/13/2025'],
      ['invalid_date', 4, 'date', '2025-13-01'],
      ['invalid_date', 5, 'date', '2/9/25'],
      ['invalid_date', 6, 'date', ''],
      ['invalid_date', 7, 'date', 'next Tuesday'],
    ]);
    expect(report.issues.every((issue) => issue.pupilId === 'P001' && issue.source === 'bad-dates.csv')).toBe(
      true
    );
    expect(report.issues[0]!.message).toContain('no real day');
    expect(report.issues[1]!.message).toContain('month/day');
    expect(report.issues[3]!.message).toContain('two-digit year');
    expect(report.issues[1]).toMatchObject({ session: 'AM', date: '09/13/2025' });
    // D/M/YYYY and a date-time are read as the day written.
    expect(withoutLines(report)).toEqual([
      { pupilId: 'P001', date: '2025-09-02', session: 'PM', code: '\\' },
      { pupilId: 'P001', date: '2025-09-02', session: 'AM', code: '/' },
    ]);
  });

  test('unknown codes are rejected; pre-2024 codes, "-" and empty cells are accepted', () => {
    const report = readRegisterCsv(fixtureText('unknown-codes.csv'));
    expect(report).toMatchObject({ rowsRead: 6, rowsUsed: 4, rowsRejected: 2 });
    expect(report.issues.map((issue) => [issue.code, issue.line, issue.field, issue.received])).toEqual([
      ['unknown_code', 3, 'code', 'Q9'],
      ['unknown_code', 4, 'code', 'l'],
    ]);
    expect(report.issues[0]).toMatchObject({ pupilId: 'P001', date: '2025-09-02', session: 'PM' });
    expect(report.marks.map((mark) => [mark.line, mark.code])).toEqual([
      [2, '/'],
      [5, 'Y'],
      [6, '-'],
      [7, '-'],
    ]);
  });

  test('duplicate and conflicting marks: the later row is rejected, naming the first line', () => {
    const report = readRegisterCsv(fixtureText('duplicate-sessions.csv'), { source: 'dup.csv' });
    // Line 4 is blank: it is skipped and not counted, but later lines keep their numbers.
    expect(report).toMatchObject({ rowsRead: 6, rowsUsed: 4, rowsRejected: 2 });
    expect(report.issues).toHaveLength(2);
    expect(report.issues[0]).toMatchObject({
      code: 'duplicate_mark',
      severity: 'error',
      line: 6,
      pupilId: 'P001',
      date: '2025-09-02',
      session: 'AM',
      source: 'dup.csv',
    });
    expect(report.issues[0]!.message).toContain('line 2');
    expect(report.issues[1]).toMatchObject({ code: 'duplicate_mark', line: 7, received: 'N' });
    expect(report.issues[1]!.message).toContain('line 2');
    expect(report.marks.map((mark) => mark.line)).toEqual([2, 3, 5, 8]);
  });

  test('ragged rows are malformed_input with their line and field counts', () => {
    const report = readRegisterCsv(fixtureText('ragged.csv'));
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
    expect(report.issues.map((issue) => [issue.code, issue.line, issue.received, issue.pupilId])).toEqual([
      ['malformed_input', 3, '4 fields', 'P001'],
      ['malformed_input', 4, '7 fields', 'P001'],
    ]);
    expect(report.marks.map((mark) => mark.line)).toEqual([2, 5]);
  });

  test('quoted fields keep commas, doubled quotes and line breaks; lines count from where a row starts', () => {
    const report = readRegisterCsv(fixtureText('quoted.csv'));
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      {
        pupilId: 'P001',
        date: '2025-09-02',
        session: 'AM',
        code: 'L',
        minutesLate: 5,
        comment: 'Late, "traffic"',
        line: 2,
      },
      { pupilId: 'P001', date: '2025-09-02', session: 'PM', code: '\\', comment: 'Two\nlines', line: 3 },
      { pupilId: 'P001', date: '2025-09-03', session: 'AM', code: '/', comment: 'plain', line: 5 },
    ]);
  });

  test('CRLF line endings, including a CRLF inside a quoted comment', () => {
    const report = readRegisterCsv(fixtureText('crlf.csv'));
    expect(report.issues).toEqual([]);
    expect(report.marks.map((mark) => [mark.line, mark.code, mark.comment])).toEqual([
      [2, '/', undefined],
      [3, 'M', 'Orthodontist\r\nletter seen'],
      [5, 'I', undefined],
    ]);
  });

  test('an unclosed quote rejects the row it opens on and says which lines it swallowed', () => {
    const report = readRegisterCsv(fixtureText('unclosed-quote.csv'), { source: 'q.csv' });
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'malformed_input', line: 3, source: 'q.csv' });
    expect(report.issues[0]!.message).toContain('never closed');
  });

  test('a UTF-8 byte order mark in text is ignored', () => {
    const report = readRegisterCsv(fixtureText('bom-utf8.csv'));
    expect(fixtureText('bom-utf8.csv').charCodeAt(0)).toBe(0xfeff);
    expect(report.issues).toEqual([]);
    expect(report.rowsUsed).toBe(2);
  });

  test('one row with several problems gets one issue for each, and is rejected once', () => {
    const report = readRegisterCsv('pupil_id,date,session,code,minutes_late\n,2025-02-30,Evening,Q9,-5\n', {
      source: 'x.csv',
    });
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    expect(report.issues.map((issue) => [issue.code, issue.field, issue.received])).toEqual([
      ['invalid_value', 'pupil_id', ''],
      ['invalid_date', 'date', '2025-02-30'],
      ['invalid_session', 'session', 'Evening'],
      ['unknown_code', 'code', 'Q9'],
      ['invalid_value', 'minutes_late', '-5'],
    ]);
    for (const issue of report.issues) {
      expect(issue).toMatchObject({ severity: 'error', line: 2, source: 'x.csv', path: [0, issue.field] });
      expect(issue.message).toMatch(/^Line 2 of x\.csv/);
      expect(issue.expected).toBeTruthy();
    }
  });

  test('minutes late must be whole minutes, 0 or more', () => {
    const rows = ['0', '15', '1.5', 'abc', ' 7 ', ''].map(
      (minutes, index) => `P${index},2025-09-02,AM,L,${minutes}`
    );
    const report = readRegisterCsv(`pupil_id,date,session,code,minutes_late\n${rows.join('\n')}`);
    expect(report.marks.map((mark) => [mark.pupilId, mark.minutesLate])).toEqual([
      ['P0', 0],
      ['P1', 15],
      ['P4', 7],
      ['P5', undefined],
    ]);
    expect(report.issues.map((issue) => [issue.line, issue.received])).toEqual([
      [4, '1.5'],
      [5, 'abc'],
    ]);
  });
});

describe('readRegisterCsv: dates and sessions', () => {
  const read = (date: string, session = 'AM', options = {}) =>
    readRegisterCsv(`pupil_id,date,session,code\nP1,"${date}",${session},/\n`, options);

  test.each([
    ['2025-09-04', '2025-09-04'],
    ['04/09/2025', '2025-09-04'],
    ['4/9/2025', '2025-09-04'],
    ['2025-09-04T08:50:00', '2025-09-04'],
    ['2025-09-04T23:30:00Z', '2025-09-04'],
    ['2025-09-04T00:30:00+01:00', '2025-09-04'],
    ['2025-09-02 00:00:00.000000', '2025-09-02'],
    ['04/09/2025 08:50', '2025-09-04'],
    ['29/02/2024', '2024-02-29'],
    [' 2025-09-04 ', '2025-09-04'],
  ])('%s is read as %s, as written', (text, expected) => {
    const report = read(text);
    expect(report.issues).toEqual([]);
    expect(report.marks[0]!.date).toBe(expected);
  });

  test.each([
    '29/02/2025',
    '2025-02-29',
    '00/01/2025',
    '2025-09-04Tlunch',
    '2025-09-04 foo',
    '25-09-04',
    '12/12',
  ])('%s is rejected', (text) => {
    expect(read(text).issues[0]!.code).toBe('invalid_date');
  });

  test('dateFormat restricts the accepted form', () => {
    expect(read('04/09/2025', 'AM', { dateFormat: 'iso' }).issues[0]!.code).toBe('invalid_date');
    expect(read('2025-09-04', 'AM', { dateFormat: 'dmy' }).issues[0]!.code).toBe('invalid_date');
    expect(read('04/09/2025', 'AM', { dateFormat: 'dmy' }).marks[0]!.date).toBe('2025-09-04');
    expect(read('2025-09-04', 'AM', { dateFormat: 'iso' }).marks[0]!.date).toBe('2025-09-04');
    expect(read('04/09/2025', 'AM', { dateFormat: 'iso' }).issues[0]!.expected).toBe(
      'a real day as YYYY-MM-DD'
    );
  });

  test.each([
    ['AM', 'AM'],
    ['am', 'AM'],
    [' A.M. ', 'AM'],
    ['a.m', 'AM'],
    ['Morning', 'AM'],
    ['MORNING  REGISTRATION', 'AM'],
    ['AM Roll Call', 'AM'],
    ['PM', 'PM'],
    ['p.m.', 'PM'],
    ['Afternoon', 'PM'],
    ['Afternoon Session', 'PM'],
  ])('session %j is %s', (text, session) => {
    const report = read('2025-09-04', `"${text}"`);
    expect(report.issues).toEqual([]);
    expect(report.marks[0]!.session).toBe(session);
  });

  test.each(['A', 'P', 'Evening', 'AM/PM', '1', ''])('session %j is rejected', (text) => {
    expect(read('2025-09-04', `"${text}"`).issues[0]).toMatchObject({
      code: 'invalid_session',
      field: 'session',
    });
  });

  test('extra session names', () => {
    const report = read('2025-09-04', 'Reg 2', { sessionNames: { 'reg 2': 'PM' } });
    expect(report.marks[0]!.session).toBe('PM');
  });
});

describe('readRegisterCsv: duplicates at scale', () => {
  test('a duplicate far down a date-sorted file names the right first line', () => {
    // 700 pupils x 100 days, sorted by date: a pupil's rows are 700 lines apart, so the distance from a pupil's
    // first row to a later one exceeds 65,535 lines.
    const days: string[] = [];
    for (let month = 1; month <= 12 && days.length < 100; month += 1) {
      for (let day = 1; day <= 28 && days.length < 100; day += 1) {
        days.push(`2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    const lines = ['pupil_id,date,session,code'];
    for (const day of days) for (let pupil = 0; pupil < 700; pupil += 1) lines.push(`P${pupil},${day},AM,/`);
    const firstLineOfLastDay = 2 + 99 * 700;
    lines.push(`P5,${days[99]!},AM,N`, `P5,${days[0]!},AM,N`);
    const report = readRegisterCsv(lines.join('\n'));
    expect(report).toMatchObject({ rowsRead: 70_002, rowsUsed: 70_000, rowsRejected: 2 });
    expect(report.issues.map((issue) => issue.line)).toEqual([70_002, 70_003]);
    expect(report.issues[0]!.message).toContain(`line ${firstLineOfLastDay + 5}`);
    expect(report.issues[1]!.message).toContain('line 7');
  });

  test('weekend and far-apart dates are tracked too', () => {
    const text = [
      'pupil_id,date,session,code',
      'P1,2025-09-06,AM,/',
      'P1,1999-01-04,AM,/',
      'P1,2040-01-02,PM,/',
      'P1,2025-09-06,AM,/',
      'P1,1999-01-04,AM,/',
      'P1,2040-01-02,PM,/',
      'P1,2040-01-02,AM,/',
    ].join('\n');
    const report = readRegisterCsv(text);
    expect(report.issues.map((issue) => [issue.line, issue.code])).toEqual([
      [5, 'duplicate_mark'],
      [6, 'duplicate_mark'],
      [7, 'duplicate_mark'],
    ]);
    expect(report.issues.map((issue) => /line (\d+) already/.exec(issue.message)?.[1])).toEqual([
      '2',
      '3',
      '4',
    ]);
    expect(report.rowsUsed).toBe(4);
  });
});

describe('readRegisterCsv: options', () => {
  test('invalid options throw an AttendanceError naming the option', () => {
    const cases: [object, string][] = [
      [{ mapping: 'bromcom' }, 'mapping'],
      [{ mapping: { pupilId: 'id', date: 'date', session: 'session' } }, 'mapping.code'],
      [{ dateFormat: 'mdy' }, 'dateFormat'],
      [{ delimiter: '' }, 'delimiter'],
      [{ delimiter: '"' }, 'delimiter'],
      [{ encoding: 'utf-32' }, 'encoding'],
      [{ sessionNames: { eve: 'EVE' } }, 'sessionNames.eve'],
      [{ codeList: { '9': 9 } }, 'codeList.9'],
    ];
    for (const [options, field] of cases) {
      const error = attendanceErrorOf(() => readRegisterCsv('pupil_id,date,session,code\n', options));
      expect(error.issues[0]).toMatchObject({ code: 'invalid_value', field });
    }
  });

  test('input that is not text throws an AttendanceError', () => {
    expect(attendanceErrorOf(() => readRegisterCsv(42 as never)).issues[0].code).toBe('invalid_value');
  });
});

describe('readRegisterCsv: text that was decoded with the wrong encoding', () => {
  // The Latin-1 fixture read as UTF-8, as readFileSync(file, 'utf8') reads it: ë and é become U+FFFD.
  const misread = fixtureText('latin1.csv');

  test('each cell holding U+FFFD is an encoding warning naming its line, column and pupil', () => {
    expect(misread).toContain('\uFFFD');
    const report = readRegisterCsv(misread, { source: 'latin1.csv' });
    // The rows still read: the damage is only in comments.
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(
      report.issues.map((issue) => [
        issue.code,
        issue.severity,
        issue.line,
        issue.field,
        issue.pupilId,
        issue.source,
      ])
    ).toEqual([
      ['encoding', 'warning', 3, 'comment', 'P001', 'latin1.csv'],
      ['encoding', 'warning', 4, 'comment', 'P002', 'latin1.csv'],
    ]);
    expect(report.issues[0]!.received).toBe('Zo\uFFFD at the dentist');
    expect(report.issues[0]!.message).toContain('U+FFFD');
    expect(report.issues[0]!.expected).toContain('windows-1252');
  });

  test('the warnings sit where the byte path puts them for the same file', async () => {
    const fromText = readRegisterCsv(misread);
    const fromBytes = await importRegisterCsv(chunksOf(fixtureBytes('latin1.csv'), 16));
    const where = (report: RegisterImportReport): unknown[] =>
      report.issues.map(({ code, severity, path, line, field, pupilId, received }) => ({
        code,
        severity,
        path,
        line,
        field,
        pupilId,
        received,
      }));
    expect(where(fromText)).toEqual(where(fromBytes));
    expect(fromText.marks).toEqual(fromBytes.marks);
  });

  test('a damaged pupil id is warned about and still used as written', () => {
    const report = readRegisterCsv('pupil_id,date,session,code\n\nRen\uFFFDe,2025-09-02,AM,/\n');
    expect(report.issues).toMatchObject([
      { code: 'encoding', severity: 'warning', line: 3, field: 'pupil_id', path: [0, 'pupil_id'] },
    ]);
    expect(report.marks[0]!.pupilId).toBe('Ren\uFFFDe');
  });

  test('a U+FFFD in a column the mapping does not read is not reported', () => {
    const report = readRegisterCsv('pupil_id,date,session,code,notes\nP1,2025-09-02,AM,/,Zo\uFFFD\n');
    expect(report.issues).toEqual([]);
  });

  test('the correctly decoded text has no warning', () => {
    const text = new TextDecoder('windows-1252').decode(fixtureBytes('latin1.csv'));
    expect(readRegisterCsv(text).issues).toEqual([]);
  });
});
