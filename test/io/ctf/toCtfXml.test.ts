import { describe, expect, test } from 'vitest';
import { parseCtf, readCtf, toCtfXml } from '../../../src/io/index.js';
import type { CtfDocumentInput, ImportedMark } from '../../../src/io/index.js';
import { isoDate } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { fixtureText } from './ctfFixtures.js';

const DOCUMENT: CtfDocumentInput = {
  header: {
    ctfVersion: '25.0',
    dateTime: '2025-09-09T10:15:00',
    documentQualifier: 'partial',
    supplierId: 'Synthetic MIS',
    sourceSchool: {
      lea: '999',
      estab: '2001',
      urn: '999001',
      schoolName: 'St Mary & St John <Primary>',
      academicYear: '2025',
    },
    destSchool: { lea: '999', estab: '2002', urn: '999002' },
  },
  pupils: [
    {
      upn: 'SYNTHETIC0001',
      surname: "O'Brien & Daughters",
      forename: 'Zoë',
      dob: isoDate('2016-05-04'),
      sex: 'F',
      years: [
        {
          year: 2025,
          lea: '999',
          estab: '2001',
          schoolName: 'St Mary & St John <Primary>',
          attendanceStartDate: isoDate('2025-09-01'),
          marks: [
            { date: isoDate('2025-09-02'), session: 'AM', code: '/' },
            { date: isoDate('2025-09-02'), session: 'PM', code: 'L' },
            { date: isoDate('2025-09-03'), session: 'AM', code: 'I' },
            { date: isoDate('2025-09-03'), session: 'PM', code: 'G' },
          ],
        },
      ],
    },
  ],
};

describe('toCtfXml', () => {
  const xml = toCtfXml(DOCUMENT);

  test('writes the envelope: declaration, CTfile, Header then CTFpupilData', () => {
    const lines = xml.split('\n');
    expect(lines[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>');
    expect(lines[1]).toBe('<CTfile>');
    expect(xml.indexOf('<Header>')).toBeLessThan(xml.indexOf('<CTFpupilData>'));
    expect(xml).toContain('<DocumentName>Common Transfer File</DocumentName>');
    expect(xml.trimEnd().endsWith('</CTfile>')).toBe(true);
  });

  test('writes the attendance block in the order YearData records carry it', () => {
    const names = [...xml.matchAll(/<([A-Za-z]+)>/g)].map((match) => match[1]);
    const yearData = names.slice(names.indexOf('YearData'));
    expect(yearData).toEqual([
      'YearData',
      'Year',
      'LEA',
      'Estab',
      'SchoolName',
      'SessionsPossible',
      'SessionsAuthorised',
      'SessionsAttended',
      'SessionsUnauthorised',
      'AttendSessions',
      'AttendanceStartDate',
      'AttendanceMarks',
    ]);
  });

  test('escapes text, counts missing totals from the marks and encodes the marks', () => {
    expect(xml).toContain("<Surname>O'Brien &amp; Daughters</Surname>");
    expect(xml).toContain('<SchoolName>St Mary &amp; St John &lt;Primary&gt;</SchoolName>');
    expect(xml).toContain('<SessionsPossible>4</SessionsPossible>');
    expect(xml).toContain('<SessionsAuthorised>1</SessionsAuthorised>');
    expect(xml).toContain('<SessionsAttended>2</SessionsAttended>');
    expect(xml).toContain('<SessionsUnauthorised>1</SessionsUnauthorised>');
    expect(xml).toContain('<AttendanceMarks>##/LIG</AttendanceMarks>');
  });

  test('reads back: the same names, totals and marks, and a reconciliation that matches', () => {
    const ctf = parseCtf(xml);
    expect(ctf.header.sourceSchool?.schoolName).toBe('St Mary & St John <Primary>');
    const pupil = ctf.pupils[0];
    expect(pupil).toMatchObject({ upn: 'SYNTHETIC0001', surname: "O'Brien & Daughters", forename: 'Zoë' });
    expect(pupil?.years[0]?.marks.map(({ date, session, code }) => ({ date, session, code }))).toEqual(
      DOCUMENT.pupils[0]?.years[0]?.marks
    );
    expect(pupil?.years[0]?.reconciliation?.matches).toBe(true);
    expect(ctf.warnings).toEqual([]);
  });

  test('a file read is written back and reads back the same', () => {
    for (const name of ['synthetic-example.ctf.xml', 'two-pupils.ctf.xml', 'totals-mismatch.ctf.xml']) {
      const first = readCtf(fixtureText(name));
      const again = readCtf(toCtfXml(first));
      expect(again.header).toEqual(first.header);
      const withoutLine = ({ pupilId, date, session, code }: ImportedMark) => ({
        pupilId,
        date,
        session,
        code,
      });
      expect(again.marks.map(withoutLine)).toEqual(first.marks.map(withoutLine));
      expect(
        again.pupils.map((pupil) => pupil.years.map((year) => [year.totals, year.attendanceMarks]))
      ).toEqual(first.pupils.map((pupil) => pupil.years.map((year) => [year.totals, year.attendanceMarks])));
      expect(again.issues.map((issue) => issue.code)).toEqual(first.issues.map((issue) => issue.code));
    }
  });

  test('two characters per session when asked', () => {
    const wide = toCtfXml(
      {
        header: {},
        pupils: [
          {
            upn: 'SYNTHETIC0002',
            years: [{ year: 2025, marks: [{ date: isoDate('2025-09-08'), session: 'AM', code: 'J1' }] }],
          },
        ],
      },
      { codeWidth: 2 }
    );
    expect(wide).toContain('<AttendanceMarks>J1# </AttendanceMarks>');
    expect(readCtf(wide, { codeWidth: 2 }).marks[0]).toMatchObject({ code: 'J1', date: '2025-09-08' });
  });

  test('reports everything that cannot be written, with its path', () => {
    const error = attendanceErrorOf(() =>
      toCtfXml({
        header: { supplierId: 'Bad\u0001Supplier' },
        pupils: [
          { upn: 'P1', years: [{ year: 2025 }] },
          {
            upn: 'P2',
            years: [
              {
                year: 25,
                totals: { sessionsPossible: 2.5, sessionsAuthorised: 0, sessionsUnauthorised: -1 },
                marks: [{ date: isoDate('2025-09-08'), session: 'AM', code: 'C1' }],
              },
              {
                year: 2025,
                attendanceMarks: '/\\',
                totals: { sessionsPossible: 2, sessionsAuthorised: 0, sessionsUnauthorised: 0 },
              },
            ],
          },
        ],
      })
    );
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'header.supplierId',
      'pupils.0.years.0.totals',
      'pupils.1.years.0.marks.0',
      'pupils.1.years.0.year',
      'pupils.1.years.0.totals.sessionsPossible',
      'pupils.1.years.0.totals.sessionsUnauthorised',
      'pupils.1.years.1.attendanceStartDate',
    ]);
  });
});
