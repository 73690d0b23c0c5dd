import { describe, expect, test } from 'vitest';
import type { AttendanceIssue } from '../../../src/index.js';
import { readCsv } from '../../../src/io/export/_internal/readCsv.js';

// The census and pupil summary readers' CSV reading, on the library's byte scanner: records with the line each
// starts on, and the three faults of strict CSV in the words csv-parse (which read these files before) used.

function read(text: string): { records: [number, ...string[]][]; issues: AttendanceIssue[] } {
  const issues: AttendanceIssue[] = [];
  const records = readCsv(text, issues, 'f.csv').map((record): [number, ...string[]] => [
    record.line,
    ...record.fields,
  ]);
  return { records, issues };
}

describe('readCsv', () => {
  test('records and lines: byte order mark, blank lines, mixed line endings, quoted line breaks', () => {
    expect(read('\uFEFFa,b\r\n\r\n"x\r\ny",1\n"p""q",\rz,"2\n3"\n').records).toEqual([
      [1, 'a', 'b'],
      [3, 'x\r\ny', '1'],
      // A CRLF inside quotes is one line break, as outside them.
      [5, 'p"q', ''],
      [6, 'z', '2\n3'],
    ]);
    expect(read('')).toEqual({ records: [], issues: [] });
  });

  test('a quote never closed: the line where the input ends, the records before it kept', () => {
    const { records, issues } = read('a,b\n1,2\n"x,3\n4\n');
    expect(records).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2'],
    ]);
    const reason = 'Quote Not Closed: the parsing is finished with an opening quote at line 4';
    expect(issues).toEqual([
      {
        code: 'malformed_input',
        severity: 'error',
        message: `The CSV text cannot be read at line 4: ${reason}`,
        path: [4],
        expected: 'well-formed CSV (RFC 4180)',
        received: reason,
        line: 4,
        source: 'f.csv',
      },
    ]);
  });

  test.each([
    [
      'a,b\n1,"x"y\n2,3\n',
      2,
      'Invalid Closing Quote: got "y" at line 2 instead of delimiter, record delimiter, trimable character (if activated) or comment',
    ],
    [
      'a,b\n"p\nq","x""\n"y\n',
      4,
      'Invalid Closing Quote: got "y" at line 4 instead of delimiter, record delimiter, trimable character (if activated) or comment',
    ],
    ['a,b\n1,x"y\n', 2, 'Invalid Opening Quote: a quote is found on field 1 at line 2, value is "x"'],
    [
      'a,b\n\uFEFF"x",1\n',
      2,
      'Invalid Opening Quote: a quote is found on field 0 at line 2, value is "\uFEFF" (utf8 bom)',
    ],
    [
      'a,b\n"q"\u0000r"s,1\n',
      2,
      'Invalid Opening Quote: a quote is found on field 0 at line 2, value is "q\\u0000r"',
    ],
  ])('%j: a fault of strict CSV at line %i', (text, line, reason) => {
    const { records, issues } = read(text);
    expect(records).toEqual([[1, 'a', 'b']]);
    // The message gives the whole reason; `received`, like every quotation of input, stops at 80 characters.
    const received = reason.length > 80 ? `${reason.slice(0, 79)}…` : reason;
    expect(issues.map((issue) => [issue.line, issue.received, issue.message])).toEqual([
      [line, received, `The CSV text cannot be read at line ${line}: ${reason}`],
    ]);
  });
});
