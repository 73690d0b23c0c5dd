import { describe, expect, test } from 'vitest';
import { AttendanceError } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import {
  parseCensusAttendanceCsv,
  safeParseCensusAttendanceCsv,
  toCensusAttendanceCsv,
} from '../../../src/io/index.js';
import type { CensusAttendance } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';

const HEADER =
  'pupil_id,period,sessions_possible,sessions_authorised,sessions_unauthorised,' +
  'reason_C,reason_C1,reason_C2,reason_E,reason_F,reason_G,reason_H,reason_I,reason_J1,reason_M,reason_N,reason_O,reason_R,reason_S,reason_T,reason_U';

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

const ANNUAL: CensusAttendance = {
  sessionsPossible: 380,
  sessionDetails: [
    { reason: 'C1', absenceSessions: 4 },
    { reason: 'J1', absenceSessions: 1 },
    { reason: 'U', absenceSessions: 3 },
  ],
  sessionsAuthorised: 5,
  sessionsUnauthorised: 3,
};

function issuesOf(text: string): readonly AttendanceIssue[] {
  const result = safeParseCensusAttendanceCsv(text, { source: 'census.csv' });
  if (result.success) throw new Error('expected the CSV to be rejected');
  return result.error.issues;
}

describe('toCensusAttendanceCsv', () => {
  test('wide: one row per pupil per period, every reason column, 0 where a reason has no sessions', () => {
    const csv = toCensusAttendanceCsv([{ pupilId: 'P1', termly: TERMLY, annual: ANNUAL }, { pupilId: 'P2' }]);
    expect(csv).toBe(
      `${HEADER}\r\n` +
        'P1,termly,142,7,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0\r\n' +
        'P1,annual,380,5,3,0,4,0,0,0,0,0,0,1,0,0,0,0,0,0,3\r\n'
    );
  });

  test('LF line endings on request; ids with commas or quotes are quoted', () => {
    const csv = toCensusAttendanceCsv([{ pupilId: 'Smith, "J"', summerHalfTerm2: TERMLY }], {
      lineEnding: '\n',
    });
    expect(csv.split('\n')[1]).toBe('"Smith, ""J""",summerHalfTerm2,142,7,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0');
  });

  test('rejects a reason outside the census list', () => {
    const error = attendanceErrorOf(() =>
      toCensusAttendanceCsv([
        { pupilId: 'P1', termly: { ...TERMLY, sessionDetails: [{ reason: 'L', absenceSessions: 1 }] } },
      ])
    );
    expect(error.issues[0]).toMatchObject({
      code: 'unknown_code',
      path: [0, 'termly', 'sessionDetails', 0, 'reason'],
    });
  });
});

describe('parseCensusAttendanceCsv', () => {
  test('reads the writer back: pupils in order, periods grouped, reasons in census order', () => {
    const pupils = [
      { pupilId: 'P1', termly: TERMLY, annual: ANNUAL },
      { pupilId: 'P2', summerHalfTerm2: TERMLY },
    ];
    expect(parseCensusAttendanceCsv(toCensusAttendanceCsv(pupils))).toEqual({ pupils, warnings: [] });
  });

  test('columns in any order, a subset of reasons, empty reason cells as 0, rows of a pupil apart', () => {
    const text = [
      'reason_O,pupil_id,sessions_unauthorised,sessions_authorised,reason_M,period,sessions_possible,reason_I',
      '2,P1,2,7,1,termly,142,6',
      ',P2,0,0,,annual,10,',
      '1,P1,1,0,,annual,300,',
    ].join('\n');
    expect(parseCensusAttendanceCsv(text).pupils).toEqual([
      {
        pupilId: 'P1',
        termly: TERMLY,
        annual: {
          sessionsPossible: 300,
          sessionDetails: [{ reason: 'O', absenceSessions: 1 }],
          sessionsAuthorised: 0,
          sessionsUnauthorised: 1,
        },
      },
      {
        pupilId: 'P2',
        annual: { sessionsPossible: 10, sessionDetails: [], sessionsAuthorised: 0, sessionsUnauthorised: 0 },
      },
    ]);
  });

  test('a byte-order mark and CRLF line endings are read', () => {
    const text = `\uFEFF${toCensusAttendanceCsv([{ pupilId: 'P1', termly: TERMLY }])}`;
    expect(parseCensusAttendanceCsv(text).pupils).toEqual([{ pupilId: 'P1', termly: TERMLY }]);
  });

  test('reasons that do not sum to their totals are totals_mismatch warnings with the line', () => {
    const text = `${HEADER}\nP1,termly,142,8,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0\n`;
    const { pupils, warnings } = parseCensusAttendanceCsv(text, { source: 'census.csv' });
    expect(pupils[0]?.termly?.sessionsAuthorised).toBe(8);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'totals_mismatch',
      severity: 'warning',
      pupilId: 'P1',
      line: 2,
      source: 'census.csv',
      field: 'sessions_authorised',
      expected: '7',
      received: '8',
    });
  });

  test('bad whole numbers are errors at their line and column; every bad row is reported', () => {
    const text = `${HEADER}\nP1,termly,14x,7,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0\nP2,annual,10,0,0,0,0,0,0,0,0,0,-1,0,0,0,0,0,0,0,0\n`;
    const issues = issuesOf(text);
    expect(issues.map((issue) => [issue.code, issue.line, issue.field, issue.received])).toEqual([
      ['invalid_value', 2, 'sessions_possible', '14x'],
      ['invalid_value', 3, 'reason_I', '-1'],
    ]);
    expect(issues[0]?.path).toEqual([2, 'sessions_possible']);
  });

  test('missing columns are missing_column errors', () => {
    const issues = issuesOf('pupil_id,sessions_possible,reason_I\nP1,3,1\n');
    expect(issues.map((issue) => [issue.code, issue.field])).toEqual([
      ['missing_column', 'period'],
      ['missing_column', 'sessions_authorised'],
      ['missing_column', 'sessions_unauthorised'],
    ]);
  });

  test('an unknown reason column, an unknown period, a short row and a repeated row are errors', () => {
    const text = [
      'pupil_id,period,sessions_possible,sessions_authorised,sessions_unauthorised,reason_L,reason_I',
      'P1,termly,5,1,0,0,1',
      'P1,autumn,5,1,0,0,1',
      'P1,annual,5,1',
      'P1,termly,5,1,0,0,1',
      ',termly,5,1,0,0,1',
    ].join('\n');
    expect(issuesOf(text).map((issue) => [issue.code, issue.line])).toEqual([
      ['invalid_value', 1],
      ['invalid_value', 3],
      ['malformed_input', 4],
      ['invalid_value', 5],
      ['invalid_value', 6],
    ]);
  });

  test('an unclosed quote is a malformed_input error; problems in rows before it are still reported', () => {
    const text = `${HEADER}\nP1,termly,x,7,2,0,0,0,0,0,0,0,6,0,1,0,2,0,0,0,0\n"P2,termly\n`;
    expect(issuesOf(text).map((issue) => issue.code)).toEqual(['invalid_value', 'malformed_input']);
  });

  test('an empty file is an error; input that is not a string throws AttendanceError', () => {
    expect(issuesOf('')[0]?.code).toBe('missing_column');
    const parse = parseCensusAttendanceCsv as (text: unknown) => unknown;
    for (const input of [undefined, 7, { text: '' }]) expect(() => parse(input)).toThrow(AttendanceError);
  });

  test('more absence than possible sessions is an error', () => {
    const text = `${HEADER}\nP1,termly,5,4,2,0,0,0,0,0,0,0,4,0,0,0,2,0,0,0,0\n`;
    expect(issuesOf(text)[0]).toMatchObject({ code: 'invalid_counts', line: 2, field: 'sessions_possible' });
  });
});
