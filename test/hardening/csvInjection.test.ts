import { describe, expect, test } from 'vitest';
import { formatCsv } from '../../src/cli/output/formatCsv.js';
import { isoDate } from '../../src/index.js';
import {
  importCohortRegisterCsv,
  importRegisterCsv,
  parseCensusAttendanceCsv,
  parsePupilSummaryCsv,
  parseRegisterCsv,
  readRegisterCsv,
  toCensusAttendanceCsv,
  toPupilSummaryCsv,
  toRegisterCsv,
  toRegisterCsvLines,
} from '../../src/io/index.js';
import type { CensusAttendance, ImportedMark } from '../../src/io/index.js';
import { fromSpreadsheetSafe, toSpreadsheetSafe } from '../../src/io/export/_internal/spreadsheetSafe.js';
import { countsOf } from '../io/export/summaryCounts.js';
import { withoutLine } from '../io/long/fixtures.js';

// CSV injection (OWASP): a spreadsheet runs a cell starting with =, +, -, @, tab or CR as a formula. The CSV
// writers put a single quote before such free-text cells and the readers take it off again; codes, dates,
// sessions and numbers are never touched.

const HEADER = 'pupil_id,date,session,code,minutes_late,comment';

const MARKS: readonly ImportedMark[] = [
  { pupilId: '=1+2', date: isoDate('2025-09-02'), session: 'AM', code: '-', comment: '@SUM(A1)' },
  {
    pupilId: '+44',
    upn: '-A123',
    date: isoDate('2025-09-02'),
    session: 'PM',
    code: 'L',
    minutesLate: 5,
    comment: '\tcmd',
  },
  { pupilId: "'=x", date: isoDate('2025-09-03'), session: 'AM', code: '/', comment: "''" },
  { pupilId: "'abc", date: isoDate('2025-09-03'), session: 'PM', code: 'O', comment: '\r=evil' },
];

async function* chunks(text: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield text;
}

describe('the escape and its inverse', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'=x", "''=x"],
    ["''", "'''"],
    ["'abc", "'abc"],
    ["'", "'"],
    ['P1', 'P1'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j is written as %j and read back', (text, written) => {
    expect(toSpreadsheetSafe(text)).toBe(written);
    expect(fromSpreadsheetSafe(written)).toBe(text);
  });
});

describe('toRegisterCsv and toRegisterCsvLines', () => {
  const expected =
    `${HEADER},upn\n` +
    "'=1+2,2025-09-02,AM,-,,'@SUM(A1),\n" +
    "'+44,2025-09-02,PM,L,5,'\tcmd,'-A123\n" +
    "''=x,2025-09-03,AM,/,,''',\n" +
    '\'abc,2025-09-03,PM,O,,"\'\r=evil",\n';

  test('prefix free text that a spreadsheet would run, and leave the "-" code alone', () => {
    expect(toRegisterCsv(MARKS, { lineEnding: '\n' })).toBe(expected);
    expect([...toRegisterCsvLines(MARKS, { lineEnding: '\n' })].join('')).toBe(expected);
  });

  test('formulaSafe: false writes the cells as given', () => {
    const text = toRegisterCsv(MARKS.slice(0, 1), { lineEnding: '\n', formulaSafe: false });
    expect(text).toBe(`${HEADER}\n=1+2,2025-09-02,AM,-,,@SUM(A1)\n`);
  });

  test('parseRegisterCsv, readRegisterCsv and importRegisterCsv read back the marks as written', async () => {
    const text = toRegisterCsv(MARKS);
    expect(text).toContain("\r\n'=1+2,");
    const strip = (marks: readonly ImportedMark[]) => marks.map(withoutLine);
    expect(strip(parseRegisterCsv(text).marks)).toEqual(MARKS);
    expect(strip(readRegisterCsv(text).marks)).toEqual(MARKS);
    expect(strip((await importRegisterCsv(chunks(text))).marks)).toEqual(MARKS);
  });

  test('importCohortRegisterCsv reads back the pupil ids, though its fast path declines the quoted ones', async () => {
    const marks: ImportedMark[] = ['=1', "'=2", "'abc", '-', "''"].flatMap((pupilId) => [
      { pupilId, date: isoDate('2025-09-02'), session: 'AM', code: '/' },
      { pupilId, date: isoDate('2025-09-02'), session: 'PM', code: 'O' },
    ]);
    const text = toRegisterCsv(marks);
    expect(text).toContain("\r\n'=1,");
    const { register, issues } = await importCohortRegisterCsv(chunks(text));
    expect(issues).toEqual([]);
    expect([...register.pupilIds]).toEqual(['=1', "'=2", "'abc", '-', "''"]);
  });

  test('a reader takes one quote off only before =, +, -, @, tab, CR or another quote', () => {
    const text = `${HEADER},upn\n'abc,2025-09-02,AM,/,,'x,'y\n'-1,2025-09-02,PM,/,,''',''=\n`;
    const marks = parseRegisterCsv(text).marks;
    expect(marks.map((mark) => [mark.pupilId, mark.comment, mark.upn])).toEqual([
      ["'abc", "'x", "'y"],
      ['-1', "''", "'="],
    ]);
  });
});

describe('toPupilSummaryCsv and parsePupilSummaryCsv', () => {
  const counts = countsOf({ present: 9, approvedEducationalActivity: 0, authorised: 1, unauthorised: 0 });
  const rows = [
    { pupilId: '=HYPERLINK("http://x")', counts, attributes: { '@group': '+tutor', year: -3 } },
    { pupilId: "'abc", counts, attributes: { '@group': "'=y", year: 7 } },
  ];

  test('prefix pupil ids, attribute names and text attribute values, but not numbers', () => {
    const lines = toPupilSummaryCsv(rows, { lineEnding: '\n' }).split('\n');
    expect(lines[0]).toMatch(/^pupil_id,'@group,year,possible,/);
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",'\+tutor,-3,10,/);
    expect(lines[2]).toMatch(/^'abc,''=y,7,10,/);
    const raw = toPupilSummaryCsv(rows, { lineEnding: '\n', formulaSafe: false }).split('\n');
    expect(raw[0]).toMatch(/^pupil_id,@group,year,/);
    expect(raw[1]).toMatch(/^"=HYPERLINK\(""http:\/\/x""\)",\+tutor,-3,/);
  });

  test('read back equal', () => {
    const text = toPupilSummaryCsv(rows);
    expect(text).toContain('\r\n"\'=HYPERLINK(');
    const { pupils } = parsePupilSummaryCsv(text);
    expect(pupils.map((pupil) => [pupil.pupilId, pupil.attributes])).toEqual([
      ['=HYPERLINK("http://x")', { '@group': '+tutor', year: '-3' }],
      ["'abc", { '@group': "'=y", year: '7' }],
    ]);
  });
});

describe('toCensusAttendanceCsv and parseCensusAttendanceCsv', () => {
  const termly: CensusAttendance = {
    sessionsPossible: 10,
    sessionDetails: [{ reason: 'I', absenceSessions: 1 }],
    sessionsAuthorised: 1,
    sessionsUnauthorised: 0,
  };
  const pupils = [
    { pupilId: '-2+3', termly },
    { pupilId: "'@x", termly },
  ];

  test('prefix pupil ids, and read them back equal', () => {
    const lines = toCensusAttendanceCsv(pupils, { lineEnding: '\n' }).split('\n');
    expect(lines[1]).toMatch(/^'-2\+3,termly,10,1,0,/);
    expect(lines[2]).toMatch(/^''@x,termly,/);
    expect(toCensusAttendanceCsv(pupils, { formulaSafe: false }).split('\r\n')[1]).toMatch(/^-2\+3,termly,/);
    expect(parseCensusAttendanceCsv(toCensusAttendanceCsv(pupils)).pupils).toEqual(pupils);
  });
});

describe("the command line's CSV output", () => {
  test('prefixes text cells a spreadsheet would run, never numbers, booleans or the "-" code', () => {
    const text = formatCsv(
      ['pupil_id', 'received', 'absent', 'flag', 'comment'],
      [
        ['=1+2', '-', -1, true, '@cmd'],
        ['P1', '-5', 0, false, ' padded '],
      ]
    );
    expect(text).toBe(
      "pupil_id,received,absent,flag,comment\r\n'=1+2,-,-1,true,'@cmd\r\nP1,'-5,0,false,\" padded \"\r\n"
    );
    expect(formatCsv(['pupil_id'], [['=1+2']], { formulaSafe: false })).toBe('pupil_id\r\n=1+2\r\n');
  });
});
