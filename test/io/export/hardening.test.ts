import { describe, expect, test } from 'vitest';
import { AttendanceError, COMPACT_CODES } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import {
  DEFAULT_MAX_LINE_BYTES,
  parseCensusAttendanceXml,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  safeParsePupilSummaryCsv,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../../src/io/index.js';
import type { CensusAttendance, PupilSummaryCounts } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { countsOf } from './summaryCounts.js';

// Hostile input to the summary and census readers and writers (issue 12, §3 and §4): one cause gives one
// message, every problem has a line, limits are refused with a located issue, and what reads writes.

/** The issues of a failed read, with the parts a person reads. */
function failureOf(
  result: ReturnType<typeof safeParsePupilSummaryCsv> | ReturnType<typeof safeParseCensusAttendanceCsv>
): readonly AttendanceIssue[] {
  if (result.success) throw new Error('expected the file to be rejected');
  return result.error.issues;
}

// 10 present, 2 authorised (I), 1 unauthorised (O): a summary with per-code columns, as the writer makes it.
const BY_CODE = Object.fromEntries(COMPACT_CODES.map((code) => [code, 0])) as Record<
  (typeof COMPACT_CODES)[number],
  number
>;
const COUNTS: PupilSummaryCounts = {
  ...countsOf({ present: 10, approvedEducationalActivity: 0, authorised: 2, unauthorised: 1 }),
  byCode: { ...BY_CODE, '/': 10, I: 2, O: 1 },
};
const SUMMARY = toPupilSummaryCsv(
  [
    { pupilId: 'P1', counts: COUNTS, attributes: { form: '9B' } },
    { pupilId: 'P2', counts: COUNTS, attributes: { form: '9C' } },
  ],
  { byCode: true, lineEnding: '\n' }
);

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
const CENSUS_CSV = toCensusAttendanceCsv(
  [
    { pupilId: 'P1', termly: TERMLY },
    { pupilId: 'P2', annual: TERMLY },
  ],
  { lineEnding: '\n' }
);

/** A CSV with one column taken out of every line (cells hold no commas in these files). */
function withoutColumn(csv: string, column: string): string {
  const lines = csv.split('\n').filter((line) => line !== '');
  const position = lines[0]!.split(',').indexOf(column);
  if (position < 0) throw new Error(`no column ${column}`);
  return (
    lines
      .map((line) =>
        line
          .split(',')
          .filter((_, index) => index !== position)
          .join(',')
      )
      .join('\n') + '\n'
  );
}

describe('one cause, one message: a missing column gets its missing_column error and nothing else', () => {
  test('a summary missing code_U: no follow-on "U undefined" or "codes NaN"', () => {
    const issues = failureOf(safeParsePupilSummaryCsv(withoutColumn(SUMMARY, 'code_U'), { source: 's.csv' }));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'missing_column',
        severity: 'error',
        line: 1,
        path: [1, 'code_U'],
        field: 'code_U',
        expected: 'a "code_U" column',
        source: 's.csv',
      }),
    ]);
    for (const issue of issues) expect(issue.message).not.toMatch(/undefined|NaN/);
  });

  test.each(
    SUMMARY.split('\n')[0]!
      .split(',')
      .filter((column) => !column.endsWith('_percent') && !column.endsWith('_absence') && column !== 'form')
  )('a summary missing %s', (column) => {
    const issues = failureOf(safeParsePupilSummaryCsv(withoutColumn(SUMMARY, column)));
    expect(issues.map((issue) => [issue.code, issue.line, issue.field])).toEqual([
      ['missing_column', 1, column],
    ]);
  });

  test.each(['pupil_id', 'period', 'sessions_possible', 'sessions_authorised', 'sessions_unauthorised'])(
    'a census CSV missing %s',
    (column) => {
      const issues = failureOf(safeParseCensusAttendanceCsv(withoutColumn(CENSUS_CSV, column)));
      expect(issues.map((issue) => [issue.code, issue.line, issue.field])).toEqual([
        ['missing_column', 1, column],
      ]);
    }
  );
});

describe('an empty file is one error at line 1, as the register importer gives', () => {
  test.each([
    ['nothing', ''],
    ['only a byte order mark', '\uFEFF'],
    ['only line breaks', '\n\r\n\r'],
    ['only white space and blank lines', '\uFEFF  \n\t\n \r\n'],
    ['only bare commas', ',,,\n'],
  ])('%s', (_, text) => {
    for (const result of [safeParsePupilSummaryCsv(text), safeParseCensusAttendanceCsv(text)]) {
      const issues = failureOf(result);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'missing_column', severity: 'error', line: 1, path: [1] });
      expect(issues[0]!.expected).toMatch(/^a header line naming the columns/);
    }
  });

  test('blank lines between rows are skipped, white space and bare commas too', () => {
    const [header, ...rows] = CENSUS_CSV.split('\n');
    const text = [header, '   ', rows[0], ',,,', '', rows[1]].join('\n');
    const result = safeParseCensusAttendanceCsv(text);
    expect(result.success && result.data.pupils.map((pupil) => pupil.pupilId)).toEqual(['P1', 'P2']);
  });
});

describe('a summary header with an empty attribute column is refused, as the writer refuses it', () => {
  test('one located error: line 1, the column position, a non-empty name expected', () => {
    const [header, ...rows] = SUMMARY.split('\n');
    const text = [
      header!.replace('pupil_id,form,', 'pupil_id,form,,'),
      ...rows.map((row) => row.replace(',9', ',9,x')),
    ].join('\n');
    const issues = failureOf(safeParsePupilSummaryCsv(text));
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'malformed_input',
        line: 1,
        path: [1, 3],
        expected: 'a non-empty attribute name',
        received: '',
      }),
    ]);
    expect(issues[0]!.message).toMatch(/^Column 3 of the header/);
    // The writer refuses the same header.
    expect(() => toPupilSummaryCsv([{ pupilId: 'P1', counts: COUNTS, attributes: { '': 'x' } }])).toThrow(
      AttendanceError
    );
  });
});

describe('unpaired surrogates: a writer refuses them, a reader of a string refuses them at their line', () => {
  const counts = countsOf({ present: 1, approvedEducationalActivity: 0, authorised: 0, unauthorised: 0 });

  test.each([
    ['pupil id', { pupilId: 'P\uD800', counts }, 'pupilId'],
    ['attribute value', { pupilId: 'P1', counts, attributes: { form: '9\uDC00B' } }, 'attributes.form'],
    ['attribute name', { pupilId: 'P1', counts, attributes: { 'f\uD83D': '9B' } }, 'attributes'],
  ])('toPupilSummaryCsv: a %s', (_, row, field) => {
    const error = attendanceErrorOf(() => toPupilSummaryCsv([row]));
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        field,
      }),
    ]);
    expect(error.issues[0].expected).toContain('surrogate');
    if (field !== 'attributes') expect(error.issues[0].pupilId).toBe(row.pupilId);
  });

  test('toCensusAttendanceCsv and toCensusAttendanceXml: a pupil id', () => {
    for (const write of [toCensusAttendanceCsv, toCensusAttendanceXml]) {
      const error = attendanceErrorOf(() => write([{ pupilId: '\uDFFFP', termly: TERMLY }]));
      expect(error.issues).toEqual([
        expect.objectContaining({ code: 'invalid_value', field: 'pupilId', path: [0, 'pupilId'] }),
      ]);
    }
  });

  test('an attribute a row does not have is an empty cell, even one named like an Object method', () => {
    const csv = toPupilSummaryCsv(
      [
        { pupilId: 'P1', counts, attributes: { toString: 'x', ['__proto__']: 'y' } },
        { pupilId: 'P2', counts, attributes: {} },
      ],
      { attributeColumns: ['toString', '__proto__'] }
    );
    const result = safeParsePupilSummaryCsv(csv);
    expect(result.success && result.data.pupils.map((pupil) => ({ ...pupil.attributes }))).toEqual([
      Object.fromEntries([
        ['toString', 'x'],
        ['__proto__', 'y'],
      ]),
      Object.fromEntries([
        ['toString', ''],
        ['__proto__', ''],
      ]),
    ]);
    // The __proto__ column read back is an attribute of its own, not the object's prototype.
    const back = result.success ? result.data.pupils[0]!.attributes : {};
    expect(Object.hasOwn(back, '__proto__')).toBe(true);
  });

  test('a well-formed pair is written and read back', () => {
    const csv = toPupilSummaryCsv([
      { pupilId: 'P\uD83D\uDE00', counts, attributes: { '\uD83D\uDE00': '\uD83D\uDE00' } },
    ]);
    const result = safeParsePupilSummaryCsv(csv);
    expect(result.success && result.data.pupils[0]).toMatchObject({
      pupilId: 'P\uD83D\uDE00',
      attributes: { '\uD83D\uDE00': '\uD83D\uDE00' },
    });
  });

  test.each([
    ['summary CSV', () => safeParsePupilSummaryCsv(SUMMARY.replace('P2', 'P\uD800'))],
    ['census CSV', () => safeParseCensusAttendanceCsv(CENSUS_CSV.replace('P2', 'P\uDC00'))],
    [
      'census XML',
      () =>
        safeParseCensusAttendanceXml(
          toCensusAttendanceXml([{ pupilId: 'P1' }, { pupilId: 'P2' }]).replace('P2', 'P\uD800x')
        ),
    ],
  ])('%s: an encoding error at the line of the surrogate', (_, read) => {
    const result = read();
    if (result.success) throw new Error('expected the file to be rejected');
    const lines = { 'summary CSV': 3, 'census CSV': 3, 'census XML': 7 } as const;
    expect(result.error.issues).toEqual([
      expect.objectContaining({ code: 'encoding', severity: 'error', line: lines[_ as keyof typeof lines] }),
    ]);
  });
});

describe('limits: a line over maxLineBytes is one too_long error, never read whole', () => {
  test('summary CSV: the default limit is 1 MiB', () => {
    const long = 'x'.repeat(DEFAULT_MAX_LINE_BYTES);
    const [header, first, second] = SUMMARY.split('\n');
    const text = [header, first, second!.replace('9C', long)].join('\n');
    const issues = failureOf(safeParsePupilSummaryCsv(text, { source: 's.csv' }));
    expect(issues).toEqual([
      expect.objectContaining({ code: 'too_long', severity: 'error', line: 3, path: [3], source: 's.csv' }),
    ]);
    expect(issues[0]!.message).toContain(String(DEFAULT_MAX_LINE_BYTES));
    // A line of exactly the limit is read.
    const fits = second!.replace('9C', 'x'.repeat(DEFAULT_MAX_LINE_BYTES - second!.length + 2));
    const read = safeParsePupilSummaryCsv([header, first, fits].join('\n'));
    expect(read.success).toBe(true);
  });

  test('census CSV: maxLineBytes is an option, counted in UTF-8 bytes, in quoted line breaks too', () => {
    const [header, first, second] = CENSUS_CSV.split('\n');
    // The header fits; the third line does not: its quoted id holds a line break and "é"s of two bytes each.
    const maxLineBytes = header!.length;
    const text = [header, first, `"${'é'.repeat(maxLineBytes / 2)}\n"${second!.slice(2)}`].join('\n');
    expect(
      failureOf(safeParseCensusAttendanceCsv(text, { maxLineBytes })).map((issue) => [issue.code, issue.line])
    ).toEqual([['too_long', 3]]);
    expect(safeParseCensusAttendanceCsv(text, { maxLineBytes: 2 * maxLineBytes }).success).toBe(true);
  });

  test('a quote never closed in a big file is reported at its line as too long, not carried to the end', () => {
    const text =
      `${CENSUS_CSV}"P3,termly${',1'.repeat(300_000)}\n`.repeat(1) + 'P4,annual,1,0,0\n'.repeat(100_000);
    const issues = failureOf(safeParseCensusAttendanceCsv(text));
    expect(issues.map((issue) => [issue.code, issue.line])).toEqual([['too_long', 4]]);
    expect(issues[0]!.message).toMatch(/quote/);
  });

  test('a bad limit is an invalid_value issue, not a throw', () => {
    for (const maxLineBytes of [0, -1, 1.5, Number.NaN, '9' as unknown as number]) {
      const issues = failureOf(safeParseCensusAttendanceCsv(CENSUS_CSV, { maxLineBytes }));
      expect(issues).toEqual([expect.objectContaining({ code: 'invalid_value', path: ['maxLineBytes'] })]);
    }
  });
});

describe('long text is read a chunk at a time, and nothing changes where a chunk ends', () => {
  // The readers encode and parse 65,536 UTF-16 units at a time: put a surrogate pair across every position
  // around that boundary.
  const CHUNK = 1 << 16;

  test.each([CHUNK - 3, CHUNK - 2, CHUNK - 1, CHUNK, CHUNK + 1])(
    'an emoji in a pupil id at unit %i of a summary, a census CSV and a census XML',
    (at) => {
      const [header, first] = SUMMARY.split('\n');
      const padding = 'p'.repeat(at - header!.length - 1);
      const summary = `${header}\n${first!.replace('P1', `${padding}\uD83D\uDE00`)}\n`;
      expect(summary.indexOf('\uD83D')).toBe(at);
      const read = safeParsePupilSummaryCsv(summary);
      expect(read.success && read.data.pupils[0]!.pupilId).toBe(`${padding}\uD83D\uDE00`);

      const census = CENSUS_CSV.replace('P1', `${'p'.repeat(at - CENSUS_CSV.indexOf('P1'))}\uD83D\uDE00`);
      expect(census.indexOf('\uD83D')).toBe(at);
      const censusRead = safeParseCensusAttendanceCsv(census);
      expect(censusRead.success && censusRead.data.pupils[0]!.pupilId.endsWith('\uD83D\uDE00')).toBe(true);

      const xml = toCensusAttendanceXml([{ pupilId: 'P1' }]);
      const id = `${'p'.repeat(at - xml.indexOf('P1'))}\uD83D\uDE00`;
      const xmlRead = safeParseCensusAttendanceXml(xml.replace('P1', id));
      expect(xmlRead.success && xmlRead.data.pupils[0]!.pupilId).toBe(id);
    }
  );

  test('many rows across many chunks read as they were written', () => {
    const counts = countsOf({ present: 1, approvedEducationalActivity: 0, authorised: 0, unauthorised: 0 });
    const rows = Array.from({ length: 6000 }, (_, index) => ({
      pupilId: `P${index}\u00E9`,
      counts,
      attributes: { note: `"quoted", ${'\u20AC'.repeat(index % 40)}\nline` },
    }));
    const result = safeParsePupilSummaryCsv(toPupilSummaryCsv(rows));
    expect(
      result.success && result.data.pupils.map(({ pupilId, attributes }) => ({ pupilId, attributes }))
    ).toEqual(rows.map(({ pupilId, attributes }) => ({ pupilId, attributes })));
  });
});

describe('census XML: depth, long text and document type declarations', () => {
  const xmlFailure = (xml: string, options = {}): readonly AttendanceIssue[] => {
    const result = safeParseCensusAttendanceXml(xml, options);
    if (result.success) throw new Error('expected the XML to be rejected');
    return result.error.issues;
  };

  test('nesting deeper than maxDepth (default 64) is too_deep at the line of the element too deep', () => {
    const deep = (levels: number): string =>
      `<CensusAttendance>\n${'<a>\n'.repeat(levels - 1)}${'</a>'.repeat(levels - 1)}</CensusAttendance>`;
    expect(xmlFailure(deep(65))).toEqual([
      expect.objectContaining({
        code: 'too_deep',
        severity: 'error',
        line: 65,
        expected: 'elements nested at most 64 deep',
      }),
    ]);
    // 64 deep is read (the unknown element is only a warning).
    expect(safeParseCensusAttendanceXml(deep(64)).success).toBe(true);
    expect(xmlFailure(deep(5), { maxDepth: 4 }).map((issue) => [issue.code, issue.line])).toEqual([
      ['too_deep', 5],
    ]);
    // Thousands deep: one issue, no stack overflow.
    expect(xmlFailure(deep(50_000)).map((issue) => issue.code)).toEqual(['too_deep']);
  });

  test('text longer than maxLineBytes is too_long at its line', () => {
    const xml = toCensusAttendanceXml([{ pupilId: 'P1' }, { pupilId: 'P2' }]);
    expect(
      xmlFailure(xml.replace('P2', 'x'.repeat(DEFAULT_MAX_LINE_BYTES + 1))).map((issue) => [
        issue.code,
        issue.line,
      ])
    ).toEqual([['too_long', 7]]);
    expect(
      xmlFailure(xml.replace('P2', 'é'.repeat(51)), { maxLineBytes: 100 }).map((issue) => [
        issue.code,
        issue.line,
      ])
    ).toEqual([['too_long', 7]]);
    expect(
      safeParseCensusAttendanceXml(xml.replace('P2', 'é'.repeat(50)), { maxLineBytes: 100 }).success
    ).toBe(true);
    // Text split by comments is still one text.
    expect(
      xmlFailure(xml.replace('P2', 'x<!---->'.repeat(20)), { maxLineBytes: 15 }).map((issue) => issue.code)
    ).toEqual(['too_long']);
  });

  test.each([
    [
      'billion laughs',
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<CensusAttendance><Pupil><PupilId>&lol2;</PupilId></Pupil></CensusAttendance>',
    ],
    [
      'an external entity',
      '<?xml version="1.0"?>\n<!DOCTYPE CensusAttendance [<!ENTITY id SYSTEM "file:///etc/passwd">]>\n<CensusAttendance><Pupil><PupilId>&id;</PupilId></Pupil></CensusAttendance>',
    ],
    ['an external DTD', '<!DOCTYPE CensusAttendance SYSTEM "http://example.com/x.dtd">\n<CensusAttendance/>'],
  ])('a DOCTYPE (%s) is refused, never expanded or fetched', (_, xml) => {
    const issues = xmlFailure(xml);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'malformed_input',
        severity: 'error',
        expected: 'no DOCTYPE declaration',
      }),
    ]);
    expect(issues[0]!.line).toBe(xml.slice(0, xml.indexOf('<!DOCTYPE')).split('\n').length);
    expect(issues[0]!.message).toMatch(/DOCTYPE/);
  });
});

describe('messages quote at most about 80 characters of input', () => {
  const LONG = 'Z'.repeat(5000);
  const tooMuch = /Z{100}/;

  test.each([
    ['summary: a bad count', () => safeParsePupilSummaryCsv(SUMMARY.replace(',10,', `,${LONG},`))],
    [
      'summary: a bad percentage and a long pupil id',
      () => safeParsePupilSummaryCsv(SUMMARY.replace('P1', LONG).replace(',76.9,', `,${LONG},`)),
    ],
    ['summary: a bad flag', () => safeParsePupilSummaryCsv(SUMMARY.replace('false', LONG))],
    ['summary: a header of garbage', () => safeParsePupilSummaryCsv(`${LONG},${LONG}x\n1,2\n`)],
    [
      'summary: a duplicated long attribute',
      () => safeParsePupilSummaryCsv(SUMMARY.replace('form', `${LONG},${LONG}`)),
    ],
    [
      'census CSV: a long period and id',
      () => safeParseCensusAttendanceCsv(CENSUS_CSV.replace('termly', LONG).replace('P2', LONG)),
    ],
    [
      'census CSV: an unknown column',
      () => safeParseCensusAttendanceCsv(CENSUS_CSV.replace('reason_C,', `${LONG},`)),
    ],
    [
      'census CSV: a long reason column',
      () => safeParseCensusAttendanceCsv(CENSUS_CSV.replace('reason_C,', `reason_${LONG},`)),
    ],
    ['census CSV: a bad count', () => safeParseCensusAttendanceCsv(CENSUS_CSV.replace(',142,', `,${LONG},`))],
    [
      'census XML: a bad count and a long id',
      () =>
        safeParseCensusAttendanceXml(
          toCensusAttendanceXml([{ pupilId: LONG, termly: TERMLY }]).replace('>142<', `>${LONG}<`)
        ),
    ],
    [
      'census XML: a long reason',
      () =>
        safeParseCensusAttendanceXml(
          toCensusAttendanceXml([{ pupilId: 'P', termly: TERMLY }]).replace('>M<', `>${LONG}<`)
        ),
    ],
    [
      'census XML: long text and a long element',
      () =>
        safeParseCensusAttendanceXml(
          toCensusAttendanceXml([{ pupilId: 'P', termly: TERMLY }]).replace(
            '<Pupil>',
            `<Pupil>${LONG}<${LONG}/>`
          )
        ),
    ],
    ['census XML: a long root', () => safeParseCensusAttendanceXml(`<${LONG}/>`)],
    ['census XML: not XML', () => safeParseCensusAttendanceXml(LONG)],
  ])('%s', (_, read) => {
    // Errors, or warnings beside the data.
    const result = read();
    const issues = result.success ? result.data.warnings : result.error.issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.message).not.toMatch(tooMuch);
      expect(issue.received ?? '').not.toMatch(tooMuch);
    }
  });
});

describe('options from JavaScript are checked, never thrown on', () => {
  const VALID_XML = toCensusAttendanceXml([{ pupilId: 'P1', termly: TERMLY }]);
  const readers = [
    ['summary CSV', (options: unknown) => safeParsePupilSummaryCsv(SUMMARY, options as never)],
    ['census CSV', (options: unknown) => safeParseCensusAttendanceCsv(CENSUS_CSV, options as never)],
    ['census XML', (options: unknown) => safeParseCensusAttendanceXml(VALID_XML, options as never)],
  ] as const;

  test.each([
    ['null', null, []],
    ['a number', 42, []],
    ['a string', 'x', []],
    ['a source that is not text', { source: 7 }, ['source']],
    ['a depth of 0', { maxDepth: 0 }, ['maxDepth']],
    ['a BigInt limit', { maxLineBytes: 10n }, ['maxLineBytes']],
  ])('%s', (_, options, path) => {
    for (const [, read] of readers) {
      const result = read(options);
      if (result.success) throw new Error('expected the options to be refused');
      expect(result.error.issues).toEqual([expect.objectContaining({ code: 'invalid_value', path })]);
    }
    expect(() => parseCensusAttendanceXml(VALID_XML, options as never)).toThrow(AttendanceError);
  });

  test.each([
    ['DfE', ['policy']],
    [{ name: 'x' }, ['policy', 'persistentAbsence']],
  ])('a policy that is not one: %j', (policy, path) => {
    const result = safeParsePupilSummaryCsv(SUMMARY, { policy: policy as never });
    if (result.success) throw new Error('expected the policy to be refused');
    expect(result.error.issues[0]).toMatchObject({ code: 'invalid_value', path });
  });

  test('an array or an empty object is no option at all', () => {
    for (const [, read] of readers) {
      expect(read([]).success).toBe(true);
      expect(read({}).success).toBe(true);
    }
  });
});
