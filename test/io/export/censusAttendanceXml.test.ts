import { describe, expect, test } from 'vitest';
import { AttendanceError } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import {
  censusPeriods,
  parseCensusAttendanceXml,
  safeParseCensusAttendanceXml,
  toCensusAttendance,
  toCensusAttendanceXml,
} from '../../../src/io/index.js';
import type { CensusAttendance, CensusPupilAttendance } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { present, registerFrom, times } from './registers.js';

// The school census attendance module for one pupil reporting the autumn term (I×6, M×1, O×2, 142 possible),
// laid out as census examples show it.
const CENSUS_EXAMPLE = `<Attendance>
  <TermlyAttendance>
    <SessionsPossible>142</SessionsPossible>
    <SessionDetails>
      <SessionDetail><AttendanceReason>I</AttendanceReason><AbsenceSessions>6</AbsenceSessions></SessionDetail>
      <SessionDetail><AttendanceReason>M</AttendanceReason><AbsenceSessions>1</AbsenceSessions></SessionDetail>
      <SessionDetail><AttendanceReason>O</AttendanceReason><AbsenceSessions>2</AbsenceSessions></SessionDetail>
    </SessionDetails>
    <SessionsAuthorised>7</SessionsAuthorised>
    <SessionsUnauthorised>2</SessionsUnauthorised>
  </TermlyAttendance>
</Attendance>`;

const TERMLY: CensusAttendance = {
  sessionsPossible: 142,
  sessionDetails: [
    { reason: 'I', absenceSessions: 6 },
    { reason: 'M', absenceSessions: 1 },
    { reason: 'O', absenceSessions: 2 },
  ],
  sessionsAuthorised: 7,
  sessionsUnauthorised: 2,
};

/** The lines from `<Attendance>` to `</Attendance>`, with the wrapper's indentation taken off. */
function attendanceModule(xml: string): string {
  const lines = xml.split('\n');
  const start = lines.findIndex((line) => line.trim() === '<Attendance>');
  const end = lines.findIndex((line) => line.trim() === '</Attendance>');
  const indent = lines[start]!.indexOf('<');
  return lines
    .slice(start, end + 1)
    .map((line) => line.slice(indent))
    .join('\n');
}

function issuesOf(xml: string): readonly AttendanceIssue[] {
  const result = safeParseCensusAttendanceXml(xml, { source: 'census.xml' });
  if (result.success) throw new Error('expected the XML to be rejected');
  return result.error.issues;
}

function document(pupils: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CensusAttendance>\n${pupils}\n</CensusAttendance>\n`;
}

function period(body: string, element = 'TermlyAttendance'): string {
  return `<Pupil>\n<PupilId>P1</PupilId>\n<Attendance>\n<${element}>\n${body}\n</${element}>\n</Attendance>\n</Pupil>`;
}

describe('toCensusAttendanceXml', () => {
  test('a pupil with I×6, M×1, O×2 and 142 possible gives the census example exactly', () => {
    const marks = registerFrom('2024-09-02', [...present(133), ...times('I', 6), 'M', 'O', 'O']);
    const termly = toCensusAttendance(marks, censusPeriods(2024).autumn);
    expect(attendanceModule(toCensusAttendanceXml([{ pupilId: 'P1', termly }]))).toBe(CENSUS_EXAMPLE);
  });

  test('the wrapper: declaration, CensusAttendance root, one Pupil per pupil with its PupilId', () => {
    const xml = toCensusAttendanceXml([{ pupilId: 'P1', termly: TERMLY }, { pupilId: 'P2' }]);
    const lines = xml.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<CensusAttendance>',
      '  <Pupil>',
      '    <PupilId>P1</PupilId>',
    ]);
    // A pupil with no records has no Attendance element.
    expect(lines.slice(-5)).toEqual([
      '  <Pupil>',
      '    <PupilId>P2</PupilId>',
      '  </Pupil>',
      '</CensusAttendance>',
      '',
    ]);
  });

  test('periods in census order, SessionDetails left out when there is no absence', () => {
    const none: CensusAttendance = {
      sessionsPossible: 10,
      sessionDetails: [],
      sessionsAuthorised: 0,
      sessionsUnauthorised: 0,
    };
    const xml = toCensusAttendanceXml(
      [{ pupilId: 'P1', annual: TERMLY, summerHalfTerm2: none, termly: TERMLY }],
      {
        indent: '',
      }
    );
    const elements = xml
      .split('\n')
      .filter((line) => /^<(Termly|SummerHalfTerm2|Annual)Attendance>$/.test(line));
    expect(elements).toEqual(['<TermlyAttendance>', '<SummerHalfTerm2Attendance>', '<AnnualAttendance>']);
    const summer = xml.slice(
      xml.indexOf('<SummerHalfTerm2Attendance>'),
      xml.indexOf('</SummerHalfTerm2Attendance>')
    );
    expect(summer).not.toContain('SessionDetails');
  });

  test('escapes markup in pupil ids and keeps carriage returns as references', () => {
    const xml = toCensusAttendanceXml([{ pupilId: 'A&B <"x">\r\n' }]);
    expect(xml).toContain('<PupilId>A&amp;B &lt;"x"&gt;&#13;\n</PupilId>');
    expect(parseCensusAttendanceXml(xml).pupils[0]?.pupilId).toBe('A&B <"x">\r\n');
  });

  test('rejects what it cannot write faithfully, listing every problem', () => {
    const bad = [
      { pupilId: '' },
      { pupilId: 'P\u0001' },
      {
        pupilId: 'P3',
        termly: {
          sessionsPossible: 5,
          sessionDetails: [
            { reason: 'B', absenceSessions: 1 },
            { reason: 'I', absenceSessions: 1.5 },
            { reason: 'I', absenceSessions: 1 },
          ],
          sessionsAuthorised: 4,
          sessionsUnauthorised: 3,
        },
      },
    ] satisfies CensusPupilAttendance[];
    const error = attendanceErrorOf(() => toCensusAttendanceXml(bad));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', [0, 'pupilId']],
      ['unknown_code', [2, 'termly', 'sessionDetails', 0, 'reason']],
      ['invalid_counts', [2, 'termly', 'sessionDetails', 1, 'absenceSessions']],
      ['invalid_value', [2, 'termly', 'sessionDetails', 2, 'reason']],
      ['invalid_counts', [2, 'termly', 'sessionsPossible']],
      ['invalid_value', [1, 'pupilId']],
    ]);
  });
});

describe('parseCensusAttendanceXml', () => {
  test('reads the census example back, with the pupil id', () => {
    const xml = document(`<Pupil><PupilId>P1</PupilId>${CENSUS_EXAMPLE}</Pupil>`);
    expect(parseCensusAttendanceXml(xml)).toEqual({
      pupils: [{ pupilId: 'P1', termly: TERMLY }],
      warnings: [],
    });
  });

  test('reads what the writer wrote, all three periods', () => {
    const pupils = [
      { pupilId: 'P1', termly: TERMLY, summerHalfTerm2: TERMLY, annual: TERMLY },
      { pupilId: 'P2' },
    ];
    expect(parseCensusAttendanceXml(toCensusAttendanceXml(pupils)).pupils).toEqual(pupils);
  });

  test('reasons that do not sum to their totals are a totals_mismatch warning, and the file values are kept', () => {
    const xml = document(
      period(
        `<SessionsPossible>20</SessionsPossible><SessionDetails><SessionDetail><AttendanceReason>I</AttendanceReason><AbsenceSessions>3</AbsenceSessions></SessionDetail></SessionDetails>
<SessionsAuthorised>4</SessionsAuthorised><SessionsUnauthorised>1</SessionsUnauthorised>`
      )
    );
    const { pupils, warnings } = parseCensusAttendanceXml(xml, { source: 'census.xml' });
    expect(pupils[0]?.termly).toEqual({
      sessionsPossible: 20,
      sessionDetails: [{ reason: 'I', absenceSessions: 3 }],
      sessionsAuthorised: 4,
      sessionsUnauthorised: 1,
    });
    expect(
      warnings.map((warning) => [
        warning.code,
        warning.severity,
        warning.field,
        warning.expected,
        warning.received,
      ])
    ).toEqual([
      ['totals_mismatch', 'warning', 'SessionsAuthorised', '3', '4'],
      ['totals_mismatch', 'warning', 'SessionsUnauthorised', '0', '1'],
    ]);
    expect(warnings[0]).toMatchObject({
      pupilId: 'P1',
      line: 6,
      source: 'census.xml',
      path: ['CensusAttendance', 'Pupil[1]', 'Attendance', 'TermlyAttendance'],
    });
  });

  test('truncated XML is one malformed_input error at the line reached', () => {
    const xml = toCensusAttendanceXml([{ pupilId: 'P1', termly: TERMLY }]);
    const cut = xml.slice(0, xml.indexOf('<SessionsAuthorised>'));
    const issues = issuesOf(cut);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'malformed_input', severity: 'error', source: 'census.xml' });
    expect(issues[0]?.line).toBe(cut.split('\n').length);
  });

  test('text that is not XML at all, and an empty string, are malformed_input errors', () => {
    expect(issuesOf('pupil_id,possible\nP1,3\n')[0]?.code).toBe('malformed_input');
    expect(issuesOf('')[0]?.code).toBe('malformed_input');
    expect(issuesOf('<CensusAttendance><Pupil></CensusAttendance>')[0]?.code).toBe('malformed_input');
  });

  test('a bad whole number is an error naming the element, pupil, XML path and line', () => {
    const xml = document(
      period(
        '<SessionsPossible>14.5</SessionsPossible>\n<SessionsAuthorised>-1</SessionsAuthorised>\n<SessionsUnauthorised>0</SessionsUnauthorised>'
      )
    );
    const issues = issuesOf(xml);
    expect(
      issues.map((issue) => [issue.code, issue.field, issue.received, issue.line, issue.pupilId])
    ).toEqual([
      ['invalid_value', 'SessionsPossible', '14.5', 7, 'P1'],
      ['invalid_value', 'SessionsAuthorised', '-1', 8, 'P1'],
    ]);
    expect(issues[0]?.path).toEqual([
      'CensusAttendance',
      'Pupil[1]',
      'Attendance',
      'TermlyAttendance',
      'SessionsPossible',
    ]);
  });

  test('missing elements are missing_column errors; repeated ones are errors', () => {
    const xml = document(
      `${period('<SessionsPossible>5</SessionsPossible>\n<SessionsAuthorised>0</SessionsAuthorised>')}\n<Pupil><Attendance/></Pupil>\n<Pupil><PupilId>P3</PupilId><PupilId>P4</PupilId></Pupil>`
    );
    const issues = issuesOf(xml);
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['missing_column', 'SessionsUnauthorised'],
      ['missing_column', 'PupilId'],
      ['malformed_input', 'PupilId'],
    ]);
    expect(issues[1]?.path).toEqual(['CensusAttendance', 'Pupil[2]', 'PupilId']);
  });

  test('a reason that is not an absence reason, or is given twice, is an error', () => {
    const detail = (reason: string): string =>
      `<SessionDetail><AttendanceReason>${reason}</AttendanceReason><AbsenceSessions>1</AbsenceSessions></SessionDetail>`;
    const xml = document(
      period(
        `<SessionsPossible>9</SessionsPossible><SessionDetails>${detail('B')}${detail('QQ')}${detail('I')}${detail('I')}</SessionDetails><SessionsAuthorised>1</SessionsAuthorised><SessionsUnauthorised>0</SessionsUnauthorised>`
      )
    );
    const issues = issuesOf(xml);
    expect(issues.map((issue) => [issue.code, issue.received])).toEqual([
      ['invalid_value', 'B'],
      ['unknown_code', 'QQ'],
      ['invalid_value', 'I'],
    ]);
    expect(issues[2]?.path).toEqual([
      'CensusAttendance',
      'Pupil[1]',
      'Attendance',
      'TermlyAttendance',
      'SessionDetails',
      'SessionDetail[4]',
      'AttendanceReason',
    ]);
  });

  test('more absence than possible sessions is an invalid_counts error', () => {
    const xml = document(
      period(
        '<SessionsPossible>2</SessionsPossible><SessionsAuthorised>2</SessionsAuthorised><SessionsUnauthorised>1</SessionsUnauthorised>'
      )
    );
    expect(issuesOf(xml).map((issue) => issue.code)).toEqual([
      'invalid_counts',
      'totals_mismatch',
      'totals_mismatch',
    ]);
  });

  test('a wrong root element is an error; unknown elements are ignored with a warning', () => {
    expect(issuesOf('<Message><Pupil/></Message>')[0]).toMatchObject({
      code: 'malformed_input',
      received: 'Message',
    });
    const xml = document(
      `<Header/>\n${period('<SessionsPossible>0</SessionsPossible><SessionsAuthorised>0</SessionsAuthorised><SessionsUnauthorised>0</SessionsUnauthorised><Extra>1</Extra>')}`
    );
    const { pupils, warnings } = parseCensusAttendanceXml(xml);
    expect(pupils).toHaveLength(1);
    expect(warnings.map((warning) => [warning.code, warning.field])).toEqual([
      ['malformed_input', 'Header'],
      ['malformed_input', 'Extra'],
    ]);
  });

  test('elements inside a text element are ignored with a warning', () => {
    const xml = document(
      period(
        '<SessionsPossible>4<b/></SessionsPossible><SessionsAuthorised>0</SessionsAuthorised><SessionsUnauthorised>0</SessionsUnauthorised>'
      )
    );
    const { pupils, warnings } = parseCensusAttendanceXml(xml);
    expect(pupils[0]?.termly?.sessionsPossible).toBe(4);
    expect(warnings.map((warning) => [warning.code, warning.field, warning.received])).toEqual([
      ['malformed_input', 'SessionsPossible', 'b'],
    ]);
  });

  test('input that is not a string is an AttendanceError, not a TypeError', () => {
    const parse = parseCensusAttendanceXml as (xml: unknown) => unknown;
    for (const input of [undefined, null, 42, {}, ['<a/>']]) {
      expect(() => parse(input)).toThrow(AttendanceError);
    }
  });
});
