import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, importCtf, parseCtf, readCtf, safeParseCtf } from '../../../src/io/index.js';
import type { CtfImportReport, CtfOptions } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { errorsOf, fixtureBytes, fixtureText, lineOf } from './ctfFixtures.js';

const TWO_PUPILS = fixtureText('two-pupils.ctf.xml');
const encoder = new TextEncoder();

/** The text as UTF-8 bytes, with `needle` (its first occurrence after `after`) written as the given bytes. */
function withBytes(text: string, needle: string, bytes: readonly number[], after = ''): Uint8Array {
  const at = text.indexOf(needle, Math.max(0, after === '' ? 0 : text.indexOf(after)));
  if (at < 0) throw new Error(`"${needle}" not found`);
  return new Uint8Array([
    ...encoder.encode(text.slice(0, at)),
    ...bytes,
    ...encoder.encode(text.slice(at + needle.length)),
  ]);
}

async function* pieces<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

function errorIssues(report: CtfImportReport): AttendanceIssue[] {
  return errorsOf(report.issues);
}

/** The longest stretch of `hostile` quoted in any message of the issues. */
function longestQuote(issues: readonly AttendanceIssue[], hostile: string): number {
  let longest = 0;
  for (const issue of issues) {
    for (let length = longest + 1; length <= issue.message.length; length += 1) {
      // Look for any `length` characters of the hostile text in the message.
      let found = false;
      for (let start = 0; start + length <= hostile.length && !found; start += Math.max(1, length >> 1)) {
        if (issue.message.includes(hostile.slice(start, start + length))) found = true;
      }
      if (!found) break;
      longest = length;
    }
  }
  return longest;
}

describe('an undecodable byte: the same result however the file is split, located by line and record', () => {
  // "SECOND" written as Latin-1 "SÉCOND" in a file that declares UTF-8: one byte 0xE9.
  const latin1Surname = withBytes(TWO_PUPILS, 'SECOND', [0x53, 0xe9, 0x43, 0x4f, 0x4e, 0x44]);

  test('readCtf keeps the pupil completed before the byte and names the line, column, element and pupil', () => {
    const report = readCtf(latin1Surname);
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003']);
    const [encoding, cutOff, ...rest] = errorIssues(report);
    expect(rest).toEqual([]);
    expect(encoding).toMatchObject({
      code: 'encoding',
      line: lineOf(TWO_PUPILS, 'SECOND'),
      path: ['CTfile', 'CTFpupilData', 'Pupil[2]', 'Surname'],
      pupilId: 'SYNTHETIC0004',
      field: 'Surname',
      expected: 'text encoded as UTF-8',
      received: 'the byte 0xE9',
    });
    expect(encoding?.message).toContain('The byte 0xE9 at column 17, in <Surname> of pupil SYNTHETIC0004');
    expect(encoding?.message).toContain(`(line ${lineOf(TWO_PUPILS, 'SECOND')}, `);
    expect(encoding?.message).toContain('encoding="iso-8859-1"');
    expect(encoding?.message).not.toMatch(/between byte/);
    expect(cutOff).toMatchObject({ code: 'malformed_input', pupilId: 'SYNTHETIC0004' });
    expect(cutOff?.message).toContain('cut off by the bytes that are not UTF-8 on line 62');
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
    expect(report.rowsUsed).toBe(2);
  });

  test('importCtf gives exactly that, cut into two pieces at every byte near it and every few bytes elsewhere', async () => {
    const whole = readCtf(latin1Surname);
    const bad = latin1Surname.indexOf(0xe9);
    for (let cut = 0; cut <= latin1Surname.length; cut += Math.abs(cut - bad) < 200 ? 1 : 13) {
      const split = [latin1Surname.subarray(0, cut), latin1Surname.subarray(cut)];
      expect(await importCtf(pieces(split))).toEqual(whole);
    }
  });

  test('importCtf gives exactly that, one byte at a time', async () => {
    const bytes = [...latin1Surname].map((byte) => new Uint8Array([byte]));
    expect(await importCtf(pieces(bytes))).toEqual(readCtf(latin1Surname));
  });

  test('a source that reuses one buffer for every piece reads the same', async () => {
    for (const size of [2, 3, 7, 64]) {
      const buffer = new Uint8Array(size);
      async function* reused(): AsyncGenerator<Uint8Array> {
        for (let start = 0; start < latin1Surname.length; start += size) {
          const piece = latin1Surname.subarray(start, start + size);
          buffer.set(piece);
          await Promise.resolve();
          yield buffer.subarray(0, piece.length);
        }
      }
      expect(await importCtf(reused())).toEqual(readCtf(latin1Surname));
    }
  });

  test('a Latin-1 byte in AttendanceMarks names the record it is in', async () => {
    const bytes = withBytes(TWO_PUPILS, '/\\HH/\\/\\O\\', [...encoder.encode('/\\HH'), 0xe9, 0x2f]);
    const report = readCtf(bytes);
    const [encoding] = errorIssues(report);
    expect(encoding).toMatchObject({
      code: 'encoding',
      line: 41,
      pupilId: 'SYNTHETIC0003',
      field: 'AttendanceMarks',
      path: [
        'CTfile',
        'CTFpupilData',
        'Pupil[1]',
        'Attendance',
        'YearData[1]',
        'AttendSessions',
        'AttendanceMarks',
      ],
    });
    expect(encoding?.message).toContain('column 34, in <AttendanceMarks> of pupil SYNTHETIC0003');
    expect(report.pupils).toEqual([]);
    // The record the byte falls in is read and rejected with its pupil.
    expect([report.rowsRead, report.rowsUsed, report.rowsRejected]).toEqual([1, 0, 1]);
    for (let cut = 0; cut <= bytes.length; cut += 7) {
      const split = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 13), bytes.subarray(cut + 13)];
      expect(await importCtf(pieces(split))).toEqual(report);
    }
  });

  test('a byte inside the UPN names the pupil by its place in the file', () => {
    const bytes = withBytes(TWO_PUPILS, 'SYNTHETIC0004', [...encoder.encode('SYNTH'), 0xff]);
    const [encoding] = errorIssues(readCtf(bytes));
    expect(encoding?.message).toContain('in <UPN> of the pupil at CTfile/CTFpupilData/Pupil[2]');
    expect(encoding?.pupilId).toBeUndefined();
  });

  test('a character cut off by the end of the file is located at the end', async () => {
    const bytes = new Uint8Array([...encoder.encode(TWO_PUPILS.trimEnd()), 0xc3]);
    const report = readCtf(bytes);
    expect(report.pupils).toHaveLength(2);
    const [encoding] = errorIssues(report);
    expect(encoding).toMatchObject({ code: 'encoding', line: 94, received: 'the byte 0xC3' });
    expect(encoding?.message).toContain('column 10, before the root element');
    expect(await importCtf(pieces([bytes.subarray(0, bytes.length - 1), bytes.subarray(-1)]))).toEqual(
      report
    );
  });

  test.each([false, true])(
    'a lone surrogate in a UTF-16 file (big-endian: %s) is located too, however it is split',
    async (bigEndian) => {
      const text = `\uFEFF${TWO_PUPILS.replace('SECOND', 'SEC\uD800OND')}`;
      const bytes = new Uint8Array(text.length * 2);
      for (let index = 0; index < text.length; index += 1) {
        bytes[index * 2 + (bigEndian ? 1 : 0)] = text.charCodeAt(index) & 0xff;
        bytes[index * 2 + (bigEndian ? 0 : 1)] = text.charCodeAt(index) >> 8;
      }
      const report = readCtf(bytes);
      expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003']);
      expect(errorIssues(report)[0]).toMatchObject({
        code: 'encoding',
        line: 62,
        pupilId: 'SYNTHETIC0004',
        received: bigEndian ? 'the bytes 0xD8 0x00' : 'the bytes 0x00 0xD8',
      });
      expect(errorIssues(report)[0]?.message).toContain('column 19, in <Surname>');
      for (let cut = 1; cut < bytes.length; cut += 11) {
        expect(await importCtf(pieces([bytes.subarray(0, cut), bytes.subarray(cut)]))).toEqual(report);
      }
      // A line is measured in bytes: two a character.
      const longest = Math.max(...TWO_PUPILS.split('\n').map((line) => line.length));
      expect(errorIssues(readCtf(bytes, { maxLineBytes: 2 * longest }))[0]?.code).toBe('encoding');
      expect(errorIssues(readCtf(bytes, { maxLineBytes: 2 * longest - 1 }))[0]?.code).toBe('too_long');
    }
  );

  test('the same Latin-1 file declared as ISO-8859-1 reads whole', () => {
    const declared = withBytes(
      TWO_PUPILS.replace('encoding="utf-8"', 'encoding="iso-8859-1"'),
      'SECOND',
      [0x53, 0xe9, 0x43, 0x4f, 0x4e, 0x44]
    );
    const report = readCtf(declared);
    expect(errorIssues(report)).toEqual([]);
    expect(report.pupils[1]?.surname).toBe('SéCOND');
  });
});

describe('limits: lines, XML items and nesting', () => {
  const lineOfSecondPupil = lineOf(TWO_PUPILS, '<Pupil>', 'SYNTHETIC0003</UPN>');

  test('a line over maxLineBytes stops the reading before it, keeping the pupils completed before', async () => {
    const long = TWO_PUPILS.replace('SECOND', 'S'.repeat(300));
    for (const input of [long, encoder.encode(long)]) {
      const report = readCtf(input, { maxLineBytes: 200 });
      expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003']);
      const [tooLong, cutOff] = errorIssues(report);
      expect(tooLong).toMatchObject({
        code: 'too_long',
        line: lineOfSecondPupil + 2,
        path: ['CTfile', 'CTFpupilData', 'Pupil[2]'],
      });
      expect(tooLong?.message).toContain(
        `longer than 200 ${typeof input === 'string' ? 'characters' : 'bytes'} (the maxLineBytes option)`
      );
      expect(cutOff?.message).toContain(`cut off by the over-long line ${lineOfSecondPupil + 2}`);
      const cuts = [0, 1, 1700, 1800, 1850, 1900, 2000, input.length];
      const split = cuts.slice(1).map((end, index) => input.slice(cuts[index], end));
      expect(await importCtf(pieces(split), { maxLineBytes: 200 })).toEqual(report);
    }
  });

  test('a line of exactly maxLineBytes is read', () => {
    const longest = Math.max(...TWO_PUPILS.split('\n').map((line) => line.length));
    expect(errorIssues(readCtf(TWO_PUPILS, { maxLineBytes: longest }))).toEqual([]);
    expect(errorIssues(readCtf(TWO_PUPILS, { maxLineBytes: longest - 1 }))[0]?.code).toBe('too_long');
  });

  test('an element text over the limit across many short lines is refused at its start tag', () => {
    const text = TWO_PUPILS.replace('SECOND', 'SECOND\n'.repeat(60));
    const report = readCtf(text, { maxLineBytes: 200 });
    const [tooLong] = errorIssues(report);
    expect(tooLong).toMatchObject({
      code: 'too_long',
      line: lineOf(TWO_PUPILS, 'SECOND'),
      path: ['CTfile', 'CTFpupilData', 'Pupil[2]', 'Surname'],
    });
    expect(tooLong?.message).toContain('longer than 200 characters');
  });

  test('a wanted text in pieces (split by a comment) over the limit is refused too', () => {
    const piece = `${'/\\'.repeat(40)}\n`;
    const text = TWO_PUPILS.replace('##/\\/\\GG/\\', `${piece.repeat(2)}<!-- -->${piece.repeat(2)}`);
    const [tooLong] = errorIssues(readCtf(text, { maxLineBytes: 250 }));
    expect(tooLong).toMatchObject({ code: 'too_long', field: 'AttendanceMarks', pupilId: 'SYNTHETIC0003' });
    expect(tooLong?.message).toContain('The text of <AttendanceMarks> is longer than 250 characters');
  });

  test('a comment over the limit is refused, whatever its line breaks', () => {
    const text = TWO_PUPILS.replace('<CTFpupilData>', `<!--${'<a> b\n'.repeat(100)}--><CTFpupilData>`);
    const [tooLong] = errorIssues(readCtf(text, { maxLineBytes: 300 }));
    // The comment starts on the line of <CTFpupilData>.
    expect(tooLong).toMatchObject({ code: 'too_long', line: lineOf(TWO_PUPILS, '<CTFpupilData>') });
  });

  test('nesting deeper than maxDepth is refused where it passes the limit', () => {
    const deep = TWO_PUPILS.replace('<Sex>M</Sex>', `${'<x>'.repeat(70)}${'</x>'.repeat(70)}<Sex>M</Sex>`);
    const report = readCtf(deep);
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003']);
    const [tooDeep, cutOff] = errorIssues(report);
    expect(tooDeep).toMatchObject({
      code: 'too_deep',
      line: lineOf(TWO_PUPILS, '<Sex>M</Sex>'),
      expected: 'at most 64 levels of nested elements',
      received: '65 levels',
    });
    expect(tooDeep?.path).toHaveLength(65);
    expect(tooDeep?.message.length).toBeLessThan(300);
    expect(cutOff?.message).toContain('cut off by the nesting too deep on line');
    expect(errorIssues(readCtf(TWO_PUPILS, { maxDepth: 6 }))[0]).toMatchObject({
      code: 'too_deep',
      received: '7 levels',
      path: [
        'CTfile',
        'CTFpupilData',
        'Pupil[1]',
        'Attendance',
        'YearData[1]',
        'AttendSessions',
        'AttendanceStartDate',
      ],
    });
    expect(errorIssues(readCtf(TWO_PUPILS, { maxDepth: 7 }))).toEqual([]);
  });

  test('100,000 levels of nesting end quickly with one error, not a stack overflow', () => {
    const text = `<CTfile>\n${'<a>\n'.repeat(100_000)}${'</a>\n'.repeat(100_000)}</CTfile>\n`;
    const started = performance.now();
    const error = attendanceErrorOf(() => parseCtf(text));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'too_deep', line: 65 });
  });

  test('invalid limits are refused as options', () => {
    for (const maxLineBytes of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '1000']) {
      const error = attendanceErrorOf(() => readCtf(TWO_PUPILS, { maxLineBytes } as unknown as CtfOptions));
      expect(error.issues[0]).toMatchObject({ code: 'invalid_value', field: 'maxLineBytes' });
    }
    const error = attendanceErrorOf(() => readCtf(TWO_PUPILS, { maxDepth: 0 }));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', field: 'maxDepth' });
  });
});

describe('huge input ends quickly with one short located error', () => {
  test('5 MB of NUL bytes: one too_long error on line 1, quoting nothing', () => {
    const started = performance.now();
    const report = readCtf(new Uint8Array(5 * 1024 * 1024));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'too_long', line: 1, path: [] });
    expect(report.issues[0]?.message.length).toBeLessThan(300);
    expect(report.issues[0]?.message).not.toContain('\0');
  });

  test('a stream of NUL bytes (100 MB promised) is no longer pulled once a line passes the limit', async () => {
    const zeros = new Uint8Array(64 * 1024);
    let pulled = 0;
    async function* source(): AsyncGenerator<Uint8Array> {
      for (let index = 0; index < 1600; index += 1) {
        pulled += 1;
        await Promise.resolve();
        yield zeros;
      }
    }
    const report = await importCtf(source());
    expect(report.issues.map((issue) => issue.code)).toEqual(['too_long']);
    expect(pulled).toBe(DEFAULT_MAX_LINE_BYTES / zeros.length + 1);
  });

  test('a 2 MB file on one line, at the default limit, as text and as bytes', () => {
    const line = `<?xml version="1.0"?><CTfile>${'<x>1</x>'.repeat(256 * 1024)}</CTfile>`;
    for (const input of [line, encoder.encode(line)]) {
      const started = performance.now();
      const result = safeParseCtf(input);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]).toMatchObject({ code: 'too_long', line: 1 });
      expect(result.error.issues[0].message).toContain(`longer than ${DEFAULT_MAX_LINE_BYTES}`);
    }
  });

  test('a 2 MB element text on many lines, at the default limit', () => {
    const text = TWO_PUPILS.replace('SECOND', `${'S'.repeat(99)}\n`.repeat(21 * 1024));
    const report = readCtf(text);
    expect(report.pupils).toHaveLength(1);
    expect(errorIssues(report)[0]).toMatchObject({
      code: 'too_long',
      line: lineOf(TWO_PUPILS, 'SECOND'),
      path: ['CTfile', 'CTFpupilData', 'Pupil[2]', 'Surname'],
    });
  });
});

describe('XML entities are never expanded or fetched', () => {
  const laughs = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE CTfile [',
    '  <!ENTITY lol "lol">',
    ...Array.from(
      { length: 9 },
      (_, level) => `  <!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`
    ),
    ']>',
    '<CTfile><Header><DocumentName>&lol9;</DocumentName></Header></CTfile>',
  ].join('\n');

  test('billion laughs: the DOCTYPE declaring entities is refused where it starts', () => {
    const started = performance.now();
    const report = readCtf(laughs);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'malformed_input', severity: 'error', line: 2 });
    expect(report.issues[0]?.message).toContain(
      'The DOCTYPE declares XML entities ("<!ENTITY lol \\"lol\\">")'
    );
    expect(report.issues[0]?.message).toContain('never expands or fetches them');
    expect(JSON.stringify(report)).not.toContain('lollollol');
  });

  test('an external entity (XXE) is refused, and nothing is fetched or read', () => {
    const xxe = TWO_PUPILS.replace(
      '<CTfile>',
      '<!DOCTYPE CTfile [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CTfile>'
    ).replace('SECOND', '&xxe;');
    const result = safeParseCtf(xxe);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({ code: 'malformed_input', line: 2 });
    expect(JSON.stringify(result.error.issues)).not.toContain('root:');
  });

  test('a parameter entity is refused the same way', () => {
    const text = TWO_PUPILS.replace(
      '<CTfile>',
      '<!DOCTYPE CTfile [\n<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd">\n%remote;\n]>\n<CTfile>'
    );
    expect(errorIssues(readCtf(text))[0]).toMatchObject({ code: 'malformed_input', line: 2 });
  });

  test('a DOCTYPE without entity declarations is ignored (its DTD is never fetched)', () => {
    const text = TWO_PUPILS.replace(
      '<CTfile>',
      '<!DOCTYPE CTfile SYSTEM "http://example.invalid/ctf.dtd">\n<CTfile>'
    );
    const report = readCtf(text);
    expect(errorIssues(report)).toEqual([]);
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003', 'SYNTHETIC0004']);
  });

  test('a reference to an entity nobody declared is malformed XML, never expanded', () => {
    const report = readCtf(TWO_PUPILS.replace('SECOND', '&xxe;'));
    expect(errorIssues(report)[0]).toMatchObject({ code: 'malformed_input', line: 62 });
    expect(errorIssues(report)[0]?.message).toContain('undefined entity');
  });
});

describe('messages quote at most about 80 characters of the file', () => {
  const hostile = '0123456789'.repeat(1000);

  test.each([
    ['a UPN', (text: string) => text.replace('SYNTHETIC0004', hostile).replace('2014-11-30', 'never')],
    [
      'a UPN in a warning from the counting',
      (text: string) => text.replace('SYNTHETIC0004', hostile).replace('/\\M/', '/\\H/'),
    ],
    ['a DOB', (text: string) => text.replace('2014-11-30', hostile)],
    ['a Year', (text: string) => text.replace('<Year>2023</Year>', `<Year>${hostile}</Year>`)],
    ['a total', (text: string) => text.replace('<SessionsPossible>10<', `<SessionsPossible>${hostile}<`)],
    ['a start date', (text: string) => text.replace('2024-07-15', hostile)],
    [
      'a repeated element',
      (text: string) => text.replace('<Sex>M</Sex>', `<Sex>M</Sex><Sex>${hostile}</Sex>`),
    ],
    ['the root element name', () => `<a${hostile}/>`],
    ['an unmatched closing tag', (text: string) => text.replace('</Surname>', `</a${hostile}>`)],
    ['a DOCTYPE entity', (text: string) => `<!DOCTYPE CTfile [<!ENTITY a "${hostile}">]>\n${text}`],
    [
      'an element name in the path',
      (text: string) => text.replace('<Sex>M</Sex>', `<a${hostile}>&bad;</a${hostile}>`),
    ],
  ])('%s', (_, edit) => {
    const report = readCtf(edit(TWO_PUPILS));
    expect(report.issues.length).toBeGreaterThan(0);
    expect(longestQuote(report.issues, hostile)).toBeLessThanOrEqual(80);
    for (const issue of report.issues) {
      expect(issue.message.length).toBeLessThan(400);
      expect(issue.received?.length ?? 0).toBeLessThan(120);
      for (const step of issue.path) expect(String(step).length).toBeLessThanOrEqual(80);
    }
  });
});

describe('safe and strict', () => {
  test('options whose properties throw when read are an AttendanceError, not some other error', () => {
    const options = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      }
    );
    const result = safeParseCtf(TWO_PUPILS, options);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]).toMatchObject({ code: 'invalid_value', path: [], field: 'options' });
    expect(() => parseCtf(TWO_PUPILS, options)).toThrow(AttendanceError);
  });

  test('a huge option value is quoted short', () => {
    for (const options of [
      { dayModel: 'x'.repeat(10_000) },
      'x'.repeat(10_000),
      { source: ['y'.repeat(10_000)] },
    ]) {
      const error = attendanceErrorOf(() => readCtf(TWO_PUPILS, options as unknown as CtfOptions));
      expect(error.issues[0].message.length).toBeLessThan(200);
      expect(error.issues[0].received?.length).toBeLessThanOrEqual(80);
    }
  });

  test('circular and BigInt options', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    const cases: unknown[] = [
      { calendar: circular },
      { dayModel: circular },
      { maxDepth: 10n },
      { maxLineBytes: circular },
      circular,
    ];
    for (const options of cases) {
      const result = safeParseCtf(TWO_PUPILS, options as CtfOptions);
      if (options === circular) expect(result.success).toBe(true);
      else expect(result.success).toBe(false);
    }
  });

  test('a bad byte in a file that reads otherwise fails safeParseCtf with the encoding error first', () => {
    const bytes = withBytes(TWO_PUPILS, 'SECOND', [0xe9]);
    const result = safeParseCtf(bytes, { source: 'pupils.xml' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]).toMatchObject({ code: 'encoding', line: 62, source: 'pupils.xml' });
    expect(attendanceErrorOf(() => parseCtf(bytes, { source: 'pupils.xml' })).issues).toEqual(
      result.error.issues
    );
  });

  test('the fixture that is Latin-1 with its declaration still reads', () => {
    expect(safeParseCtf(fixtureBytes('latin1.ctf.xml')).success).toBe(true);
  });
});
