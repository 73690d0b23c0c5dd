import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { createProgressBar } from '../../src/cli/output/createProgressBar.js';
import { formatCsv } from '../../src/cli/output/formatCsv.js';
import { formatIssue } from '../../src/cli/output/formatIssue.js';
import { formatTable } from '../../src/cli/output/formatTable.js';
import fc from 'fast-check';
import { jsonErrorLine, jsonSyntaxErrorOffset } from '../../src/io/_internal/jsonErrorLine.js';

describe('formatCsv', () => {
  test('quotes by RFC 4180 and reads back through a CSV parser unchanged', () => {
    const rows = [
      ['P1', 'said "ill", phoned', 3, true, null],
      ['P2', 'two\nlines', 0, false, undefined],
      ['P3', ' padded ', -1, '', 'x'],
    ] as const;
    const text = formatCsv(['pupil', 'comment', 'count', 'flag', 'other'], rows);
    expect(text).toBe(
      'pupil,comment,count,flag,other\r\nP1,"said ""ill"", phoned",3,true,\r\nP2,"two\nlines",0,false,\r\nP3," padded ",-1,,x\r\n'
    );
    expect(parse(text)).toEqual([
      ['pupil', 'comment', 'count', 'flag', 'other'],
      ['P1', 'said "ill", phoned', '3', 'true', ''],
      ['P2', 'two\nlines', '0', 'false', ''],
      ['P3', ' padded ', '-1', '', 'x'],
    ]);
  });
});

describe('formatTable', () => {
  test('aligns text left and numbers right, two spaces apart, without trailing spaces', () => {
    expect(
      formatTable(
        [{ heading: 'Pupil' }, { heading: 'Possible', align: 'right' }, { heading: 'Note' }],
        [
          ['P1', '380', ''],
          ['LONGER', '7', 'x'],
        ]
      )
    ).toEqual([
      'Pupil   Possible  Note',
      '----------------------',
      'P1           380',
      'LONGER         7  x',
    ]);
  });
});

describe('formatIssue', () => {
  test('leads with file:line, and adds expected and received only where the message lacks them', () => {
    expect(
      formatIssue({
        code: 'unknown_code',
        severity: 'error',
        message: 'Code "Q9" is unknown.',
        path: [3, 'code'],
        source: 'r.csv',
        line: 5,
        pupilId: 'P1',
        expected: 'a register code',
        received: 'Q9',
      })
    ).toBe('r.csv:5: error: pupil P1: Code "Q9" is unknown. (expected a register code) [unknown_code]');
    expect(
      formatIssue({
        code: 'invalid_value',
        severity: 'warning',
        message: 'Too high.',
        path: ['persistentAbsence', 'percent'],
        source: 'policy.json',
        received: '120',
      })
    ).toBe('policy.json (persistentAbsence.percent): warning: Too high. (received "120") [invalid_value]');
  });
});

describe('createProgressBar', () => {
  test('redraws only when the whole percentage changes, and erases its line when done', () => {
    let written = '';
    const bar = createProgressBar({ write: (text: string) => (written += text) }, 'f.csv', 1000, true);
    bar.update(0);
    bar.update(4);
    bar.update(9);
    bar.update(500, 12);
    bar.update(1000);
    bar.done();
    const draws = written.split('\r').filter((part) => part.startsWith('Reading'));
    expect(draws).toHaveLength(3);
    expect(draws[1]).toContain(' 50 %');
    expect(draws[1]).toContain('12 rows');
    expect(written.endsWith('\r\u001b[2K')).toBe(true);
  });

  test('shows the time left once a second has passed, from the rate so far', () => {
    let written = '';
    let clock = 5_000;
    const bar = createProgressBar(
      { write: (text: string) => (written += text) },
      'f.csv',
      1000,
      true,
      () => clock
    );
    bar.update(10);
    expect(written).not.toContain('left');
    clock += 2_000;
    // 250 of 1000 bytes in 2 s: 750 more take about 6 s.
    bar.update(250);
    expect(written).toContain('about 6 s left');
    clock += 120_000;
    bar.update(500);
    expect(written).toContain('about 2 min 02 s left');
  });

  test('keeps its line narrower than the terminal', () => {
    let written = '';
    const stream = { write: (text: string) => (written += text), columns: 40 };
    createProgressBar(stream, 'a-long-file-name.csv', 1000, true).update(500, 12);
    expect(written).toHaveLength(1 + 39);
    expect(written.startsWith('\rReading a-long-file-name.csv [')).toBe(true);
  });

  test('draws nothing when not enabled', () => {
    let written = '';
    const bar = createProgressBar({ write: (text: string) => (written += text) }, 'f.csv', 1000, false);
    bar.update(500);
    bar.done();
    expect(written).toBe('');
  });
});

describe('jsonErrorLine', () => {
  // The texts are parsed here, so the messages are whatever this Node.js version's JSON.parse says.
  const lineOf = (text: string): number | undefined => {
    try {
      JSON.parse(text);
    } catch (error) {
      return jsonErrorLine(text, (error as Error).message);
    }
    throw new Error('The text parsed.');
  };

  test.each([
    ['a trailing comma before a closing brace', '{\n  "a": 1,\n}', 3],
    ['an unexpected closing brace deep in the file', '{\n  "name": "broken",\n  "years": [\n}\n', 4],
    ['a bad token on the first line', '{"a": x}', 1],
    ['an unterminated array, at its last line', '[\n  1,\n  2\n', 3],
    ['a bare word far into a long line', `[${'1, '.repeat(30)}@]`, 1],
  ])('%s', (_name, text, line) => {
    expect(lineOf(text)).toBe(line);
  });

  test('when the quoted excerpt occurs more than once, finds the line by reading the JSON itself', () => {
    const text = '[\n  1, 2, 3, 4, 5, 6,\n  1, 2, 3, 4, 5, 6, @\n  1, 2, 3, 4, 5, 6,\n]';
    const message = 'Unexpected token \'@\', ..." 4, 5, 6, @\n  1, 2, 3"... is not valid JSON';
    expect(jsonErrorLine(text, message)).toBe(3);
    expect(jsonErrorLine(`${text}\n 4, 5, 6, @\n  1, 2, 3`, message)).toBe(3);
  });
});

describe('jsonSyntaxErrorOffset', () => {
  test.each([
    ['[1, 2 x]', 6],
    ['{"a": [1]}', undefined],
    ['{"a" 1}', 5],
    ['["ab\ncd"]', 4],
    ['[1,]', 3],
    ['{}', undefined],
    ['[] []', 3],
    ['[-01]', 3],
    ['"\\u12G4"', 1],
    ['', 0],
  ])('%j stops being JSON at %j', (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset);
  });

  test('agrees with JSON.parse on which texts are JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
          fc.string({
            unit: fc.constantFrom('[', ']', '{', '}', ',', ':', '"', '1', ' ', 'a', '\\', '-', '.', 'e'),
          })
        ),
        (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          expect(jsonSyntaxErrorOffset(text) === undefined).toBe(valid);
        }
      ),
      { numRuns: 2000, seed: 7 }
    );
  });
});
