import { describe, expect, test } from 'vitest';
import { readCtf } from '../../../src/io/index.js';
import type { CtfImportReport, CtfYearData } from '../../../src/io/index.js';
import { defineSchoolCalendar } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { CALENDAR, codesOf, errorsOf, fixtureBytes, fixtureText, lineOf } from './ctfFixtures.js';

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

function firstYear(report: CtfImportReport, pupil = 0, year = 0): CtfYearData {
  const found = report.pupils[pupil]?.years[year];
  if (found === undefined) throw new Error(`no year ${year} for pupil ${pupil}`);
  return found;
}

function triples(year: CtfYearData): string[] {
  return year.marks.map((mark) => `${mark.date} ${mark.session} ${mark.code}`);
}

describe('readCtf: the synthetic example of a CTF 25 file (calendar-day model)', () => {
  const text = fixtureText('synthetic-example.ctf.xml');
  const report = readCtf(text, { source: 'synthetic-example.ctf.xml' });

  test('reads the header, with both schools', () => {
    expect(report.header).toEqual({
      documentName: 'Common Transfer File',
      ctfVersion: '25.0',
      dateTime: '2025-09-09T10:15:00',
      documentQualifier: 'partial',
      supplierId: 'Synthetic MIS',
      sourceSchool: {
        lea: '999',
        estab: '2001',
        urn: '999001',
        schoolName: 'Synthetic Primary School',
        academicYear: '2025',
      },
      destSchool: { lea: '999', estab: '2002', urn: '999002' },
    });
  });

  test('reads the pupil', () => {
    const pupil = only(report.pupils);
    expect(pupil).toMatchObject({
      upn: 'SYNTHETIC0001',
      surname: 'EXAMPLE',
      forename: 'ALEX',
      dob: '2016-05-04',
      sex: 'F',
      path: 'CTfile/CTFpupilData/Pupil[1]',
      line: lineOf(text, '<Pupil>'),
    });
  });

  test('decodes two characters a day from 1 September: closed Monday, weekend ## and Monday 8th', () => {
    const year = firstYear(report);
    expect(triples(year)).toEqual([
      '2025-09-02 AM /',
      '2025-09-02 PM \\',
      '2025-09-03 AM I',
      '2025-09-03 PM I',
      '2025-09-04 AM L',
      '2025-09-04 PM \\',
      '2025-09-05 AM /',
      '2025-09-05 PM M',
      '2025-09-08 AM /',
      '2025-09-08 PM \\',
    ]);
    for (const mark of year.marks) {
      expect(mark.pupilId).toBe('SYNTHETIC0001');
      expect(mark.line).toBe(lineOf(text, '<AttendanceMarks>'));
    }
    expect(report.marks).toEqual(year.marks);
  });

  test('counts possible 10, attended 7 (/ \\ L), authorised 3 (I I M), unauthorised 0, matching the totals', () => {
    const year = firstYear(report);
    expect(year.totals).toEqual({
      sessionsPossible: 10,
      sessionsAuthorised: 3,
      sessionsAttended: 7,
      sessionsUnauthorised: 0,
    });
    expect(year.decodedCounts).toEqual({
      possible: 10,
      attended: 7,
      authorised: 3,
      unauthorised: 0,
      unmarked: 0,
    });
    expect(year.reconciliation).toEqual({
      sessionsPossible: { file: 10, decoded: 10, difference: 0 },
      sessionsAuthorised: { file: 3, decoded: 3, difference: 0 },
      sessionsAttended: { file: 7, decoded: 7, difference: 0 },
      sessionsUnauthorised: { file: 0, decoded: 0, difference: 0 },
      matches: true,
    });
  });

  test('keeps the record’s own fields, the raw string and its location', () => {
    const year = firstYear(report);
    expect(year).toMatchObject({
      year: 2025,
      lea: '999',
      estab: '2001',
      schoolName: 'Synthetic Primary School',
      attendanceStartDate: '2025-09-01',
      attendanceMarks: '##/\\IIL\\/M####/\\',
      dayModel: 'calendarDays',
      path: 'CTfile/CTFpupilData/Pupil[1]/Attendance/YearData[1]',
      line: lineOf(text, '<YearData>'),
    });
  });

  test('one row read and used, no issues', () => {
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
    expect(report.issues).toEqual([]);
  });
});

describe('readCtf: the day model', () => {
  const text = fixtureText('school-days.ctf.xml');

  test('schoolDays places one pair per school day: Tuesday 3 to Friday 6, then Monday 9 and Tuesday 10', () => {
    const report = readCtf(text, { dayModel: 'schoolDays', calendar: CALENDAR });
    const year = firstYear(report);
    expect(year.dayModel).toBe('schoolDays');
    expect(triples(year)).toEqual([
      '2024-09-03 AM /',
      '2024-09-03 PM \\',
      '2024-09-04 AM /',
      '2024-09-04 PM \\',
      '2024-09-05 AM I',
      '2024-09-05 PM I',
      '2024-09-06 AM /',
      '2024-09-06 PM \\',
      '2024-09-09 AM L',
      '2024-09-09 PM N',
      '2024-09-10 AM /',
      '2024-09-10 PM \\',
    ]);
    expect(year.reconciliation?.matches).toBe(true);
    expect(report.issues).toEqual([]);
  });

  test('the same string read by calendar days puts the fifth and sixth pairs on the weekend', () => {
    const report = readCtf(text, { calendar: CALENDAR });
    const year = firstYear(report);
    expect(year.dayModel).toBe('calendarDays');
    expect(triples(year).slice(8)).toEqual([
      '2024-09-07 AM L',
      '2024-09-07 PM N',
      '2024-09-08 AM /',
      '2024-09-08 PM \\',
    ]);
    const closed = report.issues.filter((issue) => issue.code === 'mark_on_closed_session');
    expect(closed.map((issue) => `${issue.date ?? ''} ${issue.session ?? ''}`)).toEqual([
      '2024-09-07 AM',
      '2024-09-07 PM',
      '2024-09-08 AM',
      '2024-09-08 PM',
    ]);
    expect(closed.every((issue) => issue.severity === 'warning' && issue.pupilId === 'SYNTHETIC0002')).toBe(
      true
    );
    expect(errorsOf(report.issues)).toEqual([]);
  });

  test('schoolDays without a calendar is an error for the record, which is rejected', () => {
    const report = readCtf(text, { dayModel: 'schoolDays' });
    const error = only(errorsOf(report.issues));
    expect(error).toMatchObject({
      code: 'invalid_value',
      field: 'AttendanceMarks',
      pupilId: 'SYNTHETIC0002',
      line: lineOf(text, '<AttendanceMarks>'),
    });
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    expect(report.pupils[0]?.years).toEqual([]);
  });

  test('auto picks school days when a weekend pair holds a mark, and says so once', () => {
    const report = readCtf(text, { dayModel: 'auto', calendar: CALENDAR });
    expect(firstYear(report).dayModel).toBe('schoolDays');
    expect(triples(firstYear(report))[8]).toBe('2024-09-09 AM L');
    const note = only(report.issues);
    expect(note).toMatchObject({ code: 'inferred_format', severity: 'warning', field: 'dayModel' });
    expect(note.message).toContain('1 by school days');
  });

  test('auto picks calendar days when every weekend pair is ##', () => {
    const report = readCtf(fixtureText('synthetic-example.ctf.xml'), { dayModel: 'auto' });
    expect(firstYear(report).dayModel).toBe('calendarDays');
    expect(firstYear(report).decodedCounts?.possible).toBe(10);
    expect(only(report.issues).message).toContain('1 by calendar days (no weekend pair holds a mark)');
  });

  test('auto falls back to calendar days, and says why, when the string reaches no weekend', () => {
    const report = readCtf(fixtureText('totals-mismatch.ctf.xml'), { dayModel: 'auto' });
    expect(firstYear(report).dayModel).toBe('calendarDays');
    const note = report.issues.find((issue) => issue.code === 'inferred_format');
    expect(note?.message).toContain('1 by calendar days for want of evidence');
  });

  test('auto without a calendar cannot read a school-day string: an error, not a guess', () => {
    const report = readCtf(text, { dayModel: 'auto' });
    expect(only(errorsOf(report.issues)).code).toBe('invalid_value');
    expect(report.rowsRejected).toBe(1);
  });

  test('with a calendar, ## on a session the calendar has open is noted', () => {
    const noClosures = defineSchoolCalendar({
      name: 'No INSET',
      years: [
        {
          name: '2025/26',
          halfTerms: [
            { name: 'Autumn 1', start: '2025-09-01', end: '2025-10-24' },
            { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
            { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
            { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
            { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
            { name: 'Summer 2', start: '2026-06-01', end: '2026-07-21' },
          ],
        },
      ],
    });
    const report = readCtf(fixtureText('synthetic-example.ctf.xml'), { calendar: noClosures });
    expect(report.issues.map((issue) => `${issue.code} ${issue.date ?? ''} ${issue.session ?? ''}`)).toEqual([
      'closure_not_in_calendar 2025-09-01 AM',
      'closure_not_in_calendar 2025-09-01 PM',
    ]);
    expect(report.issues.every((issue) => issue.severity === 'warning')).toBe(true);
    expect(firstYear(report).decodedCounts?.possible).toBe(10);
  });
});

describe('readCtf: the not-in-session and no-mark characters', () => {
  const text = fixtureText('custom-characters.ctf.xml');

  test('with * and . declared, * is not in session, . is no mark, and # is the 2024 closure code', () => {
    const report = readCtf(text, { notInSessionCharacter: '*', noMarkCharacter: '.' });
    const year = firstYear(report);
    expect(year.marks.map((mark) => [mark.date, mark.session, mark.code, mark.rawCode])).toEqual([
      ['2025-09-09', 'AM', '/', undefined],
      ['2025-09-09', 'PM', '\\', undefined],
      ['2025-09-10', 'AM', '-', '.'],
      ['2025-09-10', 'PM', '-', '.'],
      ['2025-09-11', 'AM', 'I', undefined],
      ['2025-09-11', 'PM', '#', undefined],
      ['2025-09-12', 'AM', '/', undefined],
      ['2025-09-12', 'PM', '\\', undefined],
    ]);
    expect(year.decodedCounts).toEqual({
      possible: 5,
      attended: 4,
      authorised: 1,
      unauthorised: 0,
      unmarked: 2,
    });
    expect(year.reconciliation?.matches).toBe(true);
    expect(errorsOf(report.issues)).toEqual([]);
  });

  test('with the defaults (# and -), the same string has unknown characters * and .', () => {
    const report = readCtf(text);
    const unknown = report.issues.filter((issue) => issue.code === 'unknown_code');
    expect(
      unknown.map((issue) => `${issue.received ?? ''} ${issue.date ?? ''} ${issue.session ?? ''}`)
    ).toEqual(['* 2025-09-08 AM', '* 2025-09-08 PM', '. 2025-09-10 AM', '. 2025-09-10 PM']);
    expect(report.rowsRejected).toBe(1);
  });

  test('the default no-mark character - reads as no mark, neither present nor absent', () => {
    const xml = fixtureText('synthetic-example.ctf.xml').replace(
      '##/\\IIL\\/M####/\\',
      '##-\\IIL\\/M####/\\'
    );
    const year = firstYear(readCtf(xml));
    expect(year.marks[0]).toMatchObject({ date: '2025-09-02', session: 'AM', code: '-' });
    expect(year.marks[0]?.rawCode).toBeUndefined();
    expect(year.decodedCounts).toEqual({
      possible: 9,
      attended: 6,
      authorised: 3,
      unauthorised: 0,
      unmarked: 1,
    });
  });

  test('options that cannot work are refused at once', () => {
    const text = fixtureText('synthetic-example.ctf.xml');
    expect(attendanceErrorOf(() => readCtf(text, { noMarkCharacter: '#' })).issues[0].field).toBe(
      'noMarkCharacter'
    );
    expect(attendanceErrorOf(() => readCtf(text, { notInSessionCharacter: '##' })).issues[0].field).toBe(
      'notInSessionCharacter'
    );
    expect(attendanceErrorOf(() => readCtf(text, { codeWidth: 3 as 1 })).issues[0].field).toBe('codeWidth');
    expect(attendanceErrorOf(() => readCtf(text, { dayModel: 'weekdays' as 'auto' })).issues[0].field).toBe(
      'dayModel'
    );
  });
});

describe('readCtf: one or two characters per session', () => {
  test('codeWidth 2 reads padded codes and the 2024 sub-codes in full', () => {
    const report = readCtf(fixtureText('width-two.ctf.xml'), { codeWidth: 2 });
    const year = firstYear(report);
    expect(triples(year)).toEqual([
      '2025-09-08 AM /',
      '2025-09-08 PM \\',
      '2025-09-09 AM C1',
      '2025-09-09 PM C1',
      '2025-09-10 AM J1',
      '2025-09-10 PM \\',
      '2025-09-11 AM Y1',
      '2025-09-11 PM Y1',
      '2025-09-12 AM -',
      '2025-09-12 PM -',
      '2025-09-15 AM L',
      '2025-09-15 PM \\',
    ]);
    expect(year.decodedCounts).toEqual({
      possible: 8,
      attended: 5,
      authorised: 3,
      unauthorised: 0,
      unmarked: 2,
    });
    expect(year.reconciliation?.matches).toBe(true);
    expect(report.issues).toEqual([]);
  });

  test('the same file read one character per session has spaces where codes should be', () => {
    const report = readCtf(fixtureText('width-two.ctf.xml'));
    expect(errorsOf(report.issues).length).toBeGreaterThan(0);
    expect(errorsOf(report.issues).every((issue) => issue.code === 'unknown_code')).toBe(true);
    expect(report.rowsRejected).toBe(1);
  });

  test('codeWidth 1 after 19 August 2024: C, J and Y are read as written, with one warning per letter per pupil', () => {
    const text = fixtureText('sub-codes-collapsed.ctf.xml');
    const report = readCtf(text);
    const ambiguous = report.issues.filter((issue) => issue.code === 'ambiguous_code');
    expect(
      ambiguous.map((issue) => `${issue.received ?? ''} ${issue.date ?? ''} ${issue.session ?? ''}`)
    ).toEqual(['C 2025-09-08 AM', 'J 2025-09-09 AM', 'Y 2025-09-10 AM']);
    for (const issue of ambiguous) {
      expect(issue).toMatchObject({
        severity: 'warning',
        pupilId: 'SYNTHETIC0013',
        field: 'AttendanceMarks',
      });
      expect(issue.message).toContain('sub-code is unknown');
    }
    expect(ambiguous[1]?.message).toContain('J1');
    expect(report.pupils[0]?.years).toHaveLength(2);
    expect(triples(firstYear(report, 0, 1))).toEqual(['2025-10-06 AM C', '2025-10-06 PM C']);
  });

  test('consequence: C counts as authorised (like C1, C2), Y as not possible (like Y1–Y7), J as attended, unlike J1', () => {
    const report = readCtf(fixtureText('sub-codes-collapsed.ctf.xml'));
    const year = firstYear(report);
    // C C | J / | Y Y | / \ : the exporter's totals count J1 as authorised absence.
    expect(year.decodedCounts).toEqual({
      possible: 6,
      attended: 4,
      authorised: 2,
      unauthorised: 0,
      unmarked: 0,
    });
    expect(year.reconciliation).toMatchObject({
      sessionsPossible: { difference: 0 },
      sessionsAuthorised: { file: 3, decoded: 2, difference: -1 },
      sessionsAttended: { file: 3, decoded: 4, difference: 1 },
      matches: false,
    });
    expect(errorsOf(report.issues)).toEqual([]);
  });

  test('before 19 August 2024, C is not ambiguous', () => {
    const xml = fixtureText('sub-codes-collapsed.ctf.xml')
      .replace('<AttendanceStartDate>2025-09-08', '<AttendanceStartDate>2024-07-15')
      .replace('<AttendanceStartDate>2025-10-06', '<AttendanceStartDate>2024-07-22');
    const report = readCtf(xml);
    expect(report.issues.filter((issue) => issue.code === 'ambiguous_code')).toEqual([]);
  });
});

describe('readCtf: several pupils and records', () => {
  const text = fixtureText('two-pupils.ctf.xml');
  const report = readCtf(text);

  test('reads every record of every pupil, in order, with its path and line', () => {
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003', 'SYNTHETIC0004']);
    const years = report.pupils.flatMap((pupil) => pupil.years);
    expect(years.map((year) => [year.year, year.estab, year.path])).toEqual([
      [2023, '2005', 'CTfile/CTFpupilData/Pupil[1]/Attendance/YearData[1]'],
      [2024, '2001', 'CTfile/CTFpupilData/Pupil[1]/Attendance/YearData[2]'],
      [2024, '2007', 'CTfile/CTFpupilData/Pupil[2]/Attendance/YearData[1]'],
      [2024, '2001', 'CTfile/CTFpupilData/Pupil[2]/Attendance/YearData[2]'],
    ]);
    expect(years[2]?.line).toBe(lineOf(text, '<YearData>', 'SYNTHETIC0004'));
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 4, rowsRejected: 0 });
    expect(report.issues).toEqual([]);
  });

  test('a record without AttendSessions keeps its totals and has no marks or reconciliation', () => {
    const year = firstYear(report, 1, 0);
    expect(year.totals).toEqual({
      sessionsPossible: 300,
      sessionsAuthorised: 10,
      sessionsAttended: 280,
      sessionsUnauthorised: 10,
    });
    expect(year.marks).toEqual([]);
    expect(year.decodedCounts).toBeUndefined();
    expect(year.reconciliation).toBeUndefined();
  });

  test('a July 2024 record is read by the pre-2024 codes (H is authorised), and reconciles', () => {
    const year = firstYear(report, 0, 0);
    expect(triples(year).slice(2, 4)).toEqual(['2024-07-16 AM H', '2024-07-16 PM H']);
    expect(year.decodedCounts).toEqual({
      possible: 10,
      attended: 7,
      authorised: 2,
      unauthorised: 1,
      unmarked: 0,
    });
    expect(year.reconciliation?.matches).toBe(true);
  });

  test('the top-level marks are every record’s marks, with the UPN as pupil id', () => {
    expect(report.marks).toHaveLength(10 + 8 + 0 + 4);
    expect(report.marks.filter((mark) => mark.pupilId === 'SYNTHETIC0004')).toHaveLength(4);
    expect(report.marks.at(-1)).toMatchObject({ date: '2024-09-10', session: 'PM', code: '/' });
  });
});

describe('readCtf: totals that disagree with the marks', () => {
  const text = fixtureText('totals-mismatch.ctf.xml');
  const report = readCtf(text);

  test('SessionsAttended without L is a totals_mismatch warning naming pupil, year, field, expected and found', () => {
    const mismatch = only(report.issues.filter((issue) => issue.code === 'totals_mismatch'));
    expect(mismatch).toMatchObject({
      severity: 'warning',
      pupilId: 'SYNTHETIC0005',
      field: 'SessionsAttended',
      expected: '6',
      received: '8',
      line: lineOf(text, '<SessionsAttended>'),
      path: ['CTfile', 'CTFpupilData', 'Pupil[1]', 'Attendance', 'YearData[1]', 'SessionsAttended'],
    });
    expect(mismatch.message).toContain('2025/26');
    expect(firstYear(report).reconciliation?.sessionsAttended).toEqual({
      file: 6,
      decoded: 8,
      difference: 2,
    });
  });

  test('totals that do not add up are reported too, and neither stops the record', () => {
    expect(report.issues.find((issue) => issue.code === 'invalid_counts')).toMatchObject({
      severity: 'warning',
      field: 'SessionsPossible',
    });
    expect(errorsOf(report.issues)).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 1, rowsRejected: 0 });
    expect(firstYear(report).marks).toHaveLength(8);
  });
});

describe('readCtf: broken files', () => {
  test('truncated XML keeps the pupils completed before the break and reports it with line and path', () => {
    const text = fixtureText('truncated.ctf.xml');
    const report = readCtf(text);
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0017', 'SYNTHETIC0018']);
    const [truncation, cutOff] = errorsOf(report.issues);
    expect(truncation).toMatchObject({
      code: 'malformed_input',
      line: text.split('\n').length,
      path: ['CTfile', 'CTFpupilData', 'Pupil[3]', 'Attendance', 'YearData[2]'],
    });
    expect(truncation?.message).toContain('ends before the document is complete');
    expect(truncation?.message).toContain('CTfile/CTFpupilData/Pupil[3]/Attendance/YearData[2]');
    expect(cutOff).toMatchObject({ code: 'malformed_input', pupilId: 'SYNTHETIC0019' });
    expect(cutOff?.message).toContain('its 1 complete YearData record');
    expect(cutOff?.message).toContain('the YearData record it breaks off in');
    // Three complete records and the one the file breaks off in were read; the third pupil's two were not used.
    expect(report).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
  });

  test('a file cut off inside the first YearData of a pupil counts that record as read and rejected', () => {
    const whole = fixtureText('synthetic-example.ctf.xml');
    const text = whole.slice(0, whole.indexOf('<SessionsAuthorised>'));
    const report = readCtf(text);
    expect(report.pupils).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    const [truncation, cutOff] = errorsOf(report.issues);
    expect(truncation?.path).toEqual(['CTfile', 'CTFpupilData', 'Pupil[1]', 'Attendance', 'YearData[1]']);
    expect(cutOff?.message).toContain('nor the YearData record it breaks off in');
    expect(cutOff?.message).not.toContain('complete YearData');
  });

  test('a file cut off between records counts only the complete ones', () => {
    const whole = fixtureText('two-pupils.ctf.xml');
    const text = whole.slice(0, whole.indexOf('</YearData>') + '</YearData>'.length);
    const report = readCtf(text);
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
    expect(errorsOf(report.issues)[1]?.message).not.toContain('breaks off in');
  });

  test('a close tag that does not match stops reading there, naming line, column and the enclosing path', () => {
    const text = fixtureText('malformed-middle.ctf.xml');
    const report = readCtf(text);
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0020']);
    const error = errorsOf(report.issues)[0];
    expect(error).toMatchObject({
      code: 'malformed_input',
      line: lineOf(text, '</Yr>'),
      path: ['CTfile', 'CTFpupilData', 'Pupil[2]', 'Attendance', 'YearData[1]'],
    });
    expect(error?.message).toMatch(/column \d+/);
    // The break falls inside the second pupil's first record: read, and rejected with the pupil.
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
  });

  test('a root other than CTfile is not a CTF', () => {
    const report = readCtf(fixtureText('wrong-root.xml'));
    expect(only(report.issues)).toMatchObject({
      code: 'malformed_input',
      severity: 'error',
      line: 2,
      path: ['ATfile'],
      expected: 'a <CTfile> root element',
      received: '<ATfile>',
    });
    expect(report.pupils).toEqual([]);
    expect(report.header).toEqual({});
  });

  test('an odd-length mark string rejects its record only', () => {
    const text = fixtureText('odd-length.ctf.xml');
    const report = readCtf(text);
    const error = only(errorsOf(report.issues));
    expect(error).toMatchObject({
      code: 'invalid_value',
      pupilId: 'SYNTHETIC0006',
      field: 'AttendanceMarks',
      expected: 'a multiple of 2 characters',
      received: '3 characters',
      line: lineOf(text, '<AttendanceMarks>'),
    });
    expect(report.pupils.map((pupil) => pupil.years.length)).toEqual([0, 1]);
    expect(report).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
  });

  test('with codeWidth 2 the string must be a multiple of 4 characters', () => {
    const report = readCtf(fixtureText('totals-mismatch.ctf.xml').replace('/\\L\\/L/\\', '/ \\ L '), {
      codeWidth: 2,
    });
    expect(only(errorsOf(report.issues))).toMatchObject({ expected: 'a multiple of 4 characters' });
  });

  test('an unknown character names the date and session it falls on', () => {
    const text = fixtureText('unknown-character.ctf.xml');
    const report = readCtf(text);
    expect(only(errorsOf(report.issues))).toMatchObject({
      code: 'unknown_code',
      pupilId: 'SYNTHETIC0008',
      date: '2025-09-09',
      session: 'PM',
      received: '?',
      line: lineOf(text, '<AttendanceMarks>'),
      path: [
        'CTfile',
        'CTFpupilData',
        'Pupil[1]',
        'Attendance',
        'YearData[1]',
        'AttendSessions',
        'AttendanceMarks',
        3,
      ],
    });
    expect(report.rowsRejected).toBe(1);
    expect(report.marks).toEqual([]);
  });

  test('totals that are not whole numbers and dates that do not exist are located errors; the next pupil is read', () => {
    const text = fixtureText('bad-values.ctf.xml');
    const report = readCtf(text);
    const errors = errorsOf(report.issues);
    // In file order: the pupil's DOB comes before its Attendance.
    expect(errors.map((issue) => [issue.code, issue.field, issue.received])).toEqual([
      ['invalid_date', 'DOB', '2016-13-01'],
      ['invalid_value', 'SessionsPossible', '1O'],
      ['invalid_value', 'SessionsAuthorised', '-3'],
      ['invalid_value', 'SessionsAttended', '4.5'],
      ['invalid_date', 'AttendanceStartDate', '2025-02-30'],
    ]);
    expect(errors[0]?.line).toBe(lineOf(text, '<DOB>'));
    expect(errors[1]?.line).toBe(lineOf(text, '<SessionsPossible>1O'));
    expect(errors[4]?.line).toBe(lineOf(text, '2025-02-30'));
    expect(report.pupils.map((pupil) => [pupil.upn, pupil.years.length])).toEqual([
      ['SYNTHETIC0014', 0],
      ['SYNTHETIC0015', 1],
    ]);
    expect(report.pupils[0]?.dob).toBeUndefined();
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 1, rowsRejected: 2 });
  });

  test('random text, an empty string and a lone start tag are malformed input, not exceptions', () => {
    for (const input of ['not xml at all', '', '<CTfile>', '<CTfile><Header></CTfile>']) {
      const report = readCtf(input);
      expect(codesOf(errorsOf(report.issues))).toContain('malformed_input');
    }
  });

  test('the file name is copied into every issue', () => {
    const report = readCtf(fixtureText('odd-length.ctf.xml'), { source: 'odd.xml' });
    expect(report.issues.every((issue) => issue.source === 'odd.xml')).toBe(true);
  });
});

describe('readCtf: versions and encodings', () => {
  test('CTFVersion and Gender are read as the version and sex', () => {
    const report = readCtf(fixtureText('version-gender-variants.ctf.xml'));
    expect(report.header.ctfVersion).toBe('22.0');
    expect(report.pupils[0]?.sex).toBe('F');
    expect(firstYear(report).year).toBe(2022);
    expect(report.issues).toEqual([]);
  });

  test('an ISO-8859-1 file, given as bytes, keeps its non-ASCII surname', () => {
    const report = readCtf(fixtureBytes('latin1.ctf.xml'));
    expect(report.pupils[0]).toMatchObject({ surname: 'BRONTË', forename: 'ZOË' });
    expect(report.issues).toEqual([]);
  });

  test('the same bytes without their declaration are not valid UTF-8: an encoding error, never a silent guess', () => {
    const bytes = fixtureBytes('latin1.ctf.xml');
    const text = new TextDecoder('latin1').decode(bytes).replace(' encoding="ISO-8859-1"', '');
    const undeclared = Uint8Array.from(text, (character) => character.charCodeAt(0));
    const report = readCtf(undeclared);
    expect(errorsOf(report.issues)[0]).toMatchObject({ code: 'encoding' });
    expect(report.pupils).toEqual([]);
  });

  test('a UTF-8 file with a byte order mark reads the same as bytes and as text', () => {
    const bytes = fixtureBytes('utf8-bom.ctf.xml');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fromBytes = readCtf(bytes);
    expect(fromBytes.pupils[0]?.surname).toBe('Ó SÚILLEABHÁIN');
    expect(fromBytes.issues).toEqual([]);
    expect(readCtf(fixtureText('utf8-bom.ctf.xml'))).toEqual(fromBytes);
  });

  test('a UTF-16 file with a byte order mark is read too', () => {
    const text = fixtureText('synthetic-example.ctf.xml').replace('encoding="utf-8"', 'encoding="utf-16"');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let index = 0; index < text.length; index += 1) {
      bytes[2 + index * 2] = text.charCodeAt(index) & 0xff;
      bytes[3 + index * 2] = text.charCodeAt(index) >> 8;
    }
    expect(firstYear(readCtf(bytes)).decodedCounts?.possible).toBe(10);
  });

  test('an encoding the declaration names but no decoder knows is an encoding error', () => {
    const bytes = new TextEncoder().encode(
      fixtureText('synthetic-example.ctf.xml').replace('encoding="utf-8"', 'encoding="x-unknown-7"')
    );
    expect(only(readCtf(bytes).issues)).toMatchObject({ code: 'encoding', received: 'x-unknown-7' });
  });
});

describe('readCtf: records and pupils with something missing', () => {
  function ctf(pupil: string, header = '<Header><CTFversion>25.0</CTFversion></Header>'): string {
    return `<CTfile>\n${header}\n<CTFpupilData>\n${pupil}\n</CTFpupilData>\n</CTfile>\n`;
  }
  function yearData(inner: string): string {
    return `<Pupil><UPN>P1</UPN><Attendance><YearData><Year>2024</Year><SessionsPossible>2</SessionsPossible><SessionsAuthorised>0</SessionsAuthorised><SessionsUnauthorised>0</SessionsUnauthorised>${inner}</YearData></Attendance></Pupil>`;
  }

  test('a file without a Header is read, with a warning', () => {
    const report = readCtf(ctf(yearData(''), ''));
    expect(report.header).toEqual({});
    expect(only(report.issues)).toMatchObject({
      code: 'invalid_value',
      severity: 'warning',
      field: 'Header',
    });
    expect(report.rowsUsed).toBe(1);
  });

  test('a pupil without a UPN is kept, but its records are rejected', () => {
    const report = readCtf(ctf(yearData('').replace('<UPN>P1</UPN>', '')));
    expect(only(report.issues)).toMatchObject({ code: 'invalid_value', severity: 'error', field: 'UPN' });
    expect(report.pupils).toHaveLength(1);
    expect(report).toMatchObject({ rowsRead: 1, rowsUsed: 0, rowsRejected: 1 });
  });

  test('an element given twice is an error for its record', () => {
    const report = readCtf(ctf(yearData('<SessionsPossible>4</SessionsPossible>')));
    expect(only(report.issues)).toMatchObject({
      code: 'invalid_value',
      field: 'SessionsPossible',
      received: '4',
    });
    expect(report.rowsRejected).toBe(1);
  });

  test('a mark string without a start date cannot be placed on dates', () => {
    const report = readCtf(
      ctf(yearData('<AttendSessions><AttendanceMarks>/\\</AttendanceMarks></AttendSessions>'))
    );
    expect(only(report.issues)).toMatchObject({ code: 'invalid_value', field: 'AttendanceStartDate' });
    expect(report.rowsRejected).toBe(1);
  });

  test('a record without SessionsAttended is reconciled on the other three totals', () => {
    const report = readCtf(
      ctf(
        yearData(
          '<AttendSessions><AttendanceStartDate>2024-09-09</AttendanceStartDate><AttendanceMarks>/\\</AttendanceMarks></AttendSessions>'
        )
      )
    );
    const year = firstYear(report);
    expect(year.totals.sessionsAttended).toBeUndefined();
    expect(year.reconciliation).toEqual({
      sessionsPossible: { file: 2, decoded: 2, difference: 0 },
      sessionsAuthorised: { file: 0, decoded: 0, difference: 0 },
      sessionsUnauthorised: { file: 0, decoded: 0, difference: 0 },
      matches: true,
    });
  });

  test('school days from a start date that is not a school day begin on the next one, with a warning', () => {
    const xml = ctf(
      yearData(
        '<AttendSessions><AttendanceStartDate>2024-09-02</AttendanceStartDate><AttendanceMarks>/\\</AttendanceMarks></AttendSessions>'
      )
    );
    const report = readCtf(xml, { dayModel: 'schoolDays', calendar: CALENDAR });
    expect(triples(firstYear(report))).toEqual(['2024-09-03 AM /', '2024-09-03 PM \\']);
    expect(only(report.issues)).toMatchObject({
      code: 'invalid_date',
      severity: 'warning',
      date: '2024-09-02',
    });
  });

  test('school days that run past the calendar, or start outside it, are errors', () => {
    const late = ctf(
      yearData(
        '<AttendSessions><AttendanceStartDate>2026-07-21</AttendanceStartDate><AttendanceMarks>/\\/\\</AttendanceMarks></AttendSessions>'
      )
    );
    expect(only(readCtf(late, { dayModel: 'schoolDays', calendar: CALENDAR }).issues)).toMatchObject({
      code: 'outside_calendar',
      severity: 'error',
      expected: 'at most 1 days of marks',
    });
    const early = late.replace('2026-07-21', '2020-09-01');
    expect(only(readCtf(early, { dayModel: 'schoolDays', calendar: CALENDAR }).issues)).toMatchObject({
      code: 'outside_calendar',
      received: '2020-09-01',
    });
  });

  test('calendar days outside the calendar are read, with one warning for the record', () => {
    // Tuesday 21 July 2026 is the last school day; the calendar runs to Sunday 26 July; Monday 27 is outside it.
    const xml = ctf(
      yearData(
        '<AttendSessions><AttendanceStartDate>2026-07-21</AttendanceStartDate><AttendanceMarks>/\\/\\########/\\</AttendanceMarks></AttendSessions>'
      ).replace('<SessionsPossible>2</SessionsPossible>', '<SessionsPossible>6</SessionsPossible>')
    );
    const report = readCtf(xml, { calendar: CALENDAR });
    expect(report.marks).toHaveLength(6);
    expect(report.issues.map((issue) => [issue.code, issue.severity, issue.date, issue.session])).toEqual([
      ['mark_on_closed_session', 'warning', '2026-07-22', 'AM'],
      ['mark_on_closed_session', 'warning', '2026-07-22', 'PM'],
      ['outside_calendar', 'warning', '2026-07-27', undefined],
    ]);
    expect(report.issues[2]?.received).toBe('2 marks outside it');
  });

  test('a string of more than a school year is refused', () => {
    const xml = ctf(
      yearData(
        `<AttendSessions><AttendanceStartDate>2024-09-02</AttendanceStartDate><AttendanceMarks>${'##'.repeat(401)}</AttendanceMarks></AttendSessions>`
      )
    );
    expect(only(readCtf(xml).issues)).toMatchObject({ code: 'invalid_value', received: '401 days' });
  });

  test('CDATA and entities in text are read as text', () => {
    const xml = ctf(
      yearData(
        '<AttendSessions><AttendanceStartDate>2024-09-09</AttendanceStartDate><AttendanceMarks><![CDATA[/\\]]></AttendanceMarks></AttendSessions>'
      ).replace('<UPN>P1</UPN>', '<UPN>P1</UPN><Surname>O&apos;Neill &amp; Co</Surname>')
    );
    const report = readCtf(xml);
    expect(report.pupils[0]?.surname).toBe("O'Neill & Co");
    expect(triples(firstYear(report))).toEqual(['2024-09-09 AM /', '2024-09-09 PM \\']);
  });
});
