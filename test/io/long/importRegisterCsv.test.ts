import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importRegisterCsv, readRegisterCsv } from '../../../src/io/index.js';
import type { ImportedMark, RegisterImportProgress } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { chunksOf, cutAt, fixtureBytes, fixtureText } from './fixtures.js';

async function* once(chunk: string | Uint8Array): AsyncGenerator<string | Uint8Array> {
  await Promise.resolve();
  yield chunk;
}

describe('importRegisterCsv: encodings', () => {
  test('a UTF-8 byte order mark is dropped', async () => {
    const bytes = fixtureBytes('bom-utf8.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const report = await importRegisterCsv(chunksOf(bytes, 2));
    expect(report.issues).toEqual([]);
    expect(report.marks.map((mark) => [mark.pupilId, mark.session, mark.line])).toEqual([
      ['P001', 'AM', 2],
      ['P001', 'PM', 3],
    ]);
  });

  test('UTF-16LE with a byte order mark is decoded, including characters outside ASCII', async () => {
    const bytes = fixtureBytes('utf16le.csv');
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const report = await importRegisterCsv(chunksOf(bytes, 5));
    expect(report.issues).toEqual([]);
    expect(report.marks).toEqual([
      { pupilId: 'P001', date: '2025-09-02', session: 'AM', code: '/', line: 2 },
      { pupilId: 'P001', date: '2025-09-02', session: 'PM', code: 'M', comment: 'Zoë’s dentist', line: 3 },
    ]);
  });

  test('UTF-16BE with a byte order mark is decoded too', async () => {
    const le = Buffer.from('pupil_id,date,session,code\nP1,2025-09-02,AM,/\n', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let index = 0; index < le.length; index += 2) {
      be[index] = le[index + 1]!;
      be[index + 1] = le[index]!;
    }
    const report = await importRegisterCsv(once(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
    expect(report.marks).toEqual([{ pupilId: 'P1', date: '2025-09-02', session: 'AM', code: '/', line: 2 }]);
  });

  test('a Latin-1 file read as UTF-8 warns for each spoiled cell, naming its line and column', async () => {
    const report = await importRegisterCsv(chunksOf(fixtureBytes('latin1.csv'), 16), {
      source: 'latin1.csv',
    });
    // The rows still read: the bad bytes are only in comments.
    expect(report).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(report.issues).toHaveLength(2);
    expect(
      report.issues.map((issue) => [issue.code, issue.severity, issue.line, issue.field, issue.pupilId])
    ).toEqual([
      ['encoding', 'warning', 3, 'comment', 'P001'],
      ['encoding', 'warning', 4, 'comment', 'P002'],
    ]);
    expect(report.issues[0]!.message).toContain('latin1');
    expect(report.issues[0]!.received).toBe('Zo\uFFFD at the dentist');
  });

  test('the same file read with encoding latin1 (Windows-1252) is clean', async () => {
    const report = await importRegisterCsv(chunksOf(fixtureBytes('latin1.csv'), 16), { encoding: 'latin1' });
    expect(report.issues).toEqual([]);
    expect(report.marks.map((mark) => mark.comment)).toEqual([
      undefined,
      'Zoë at the dentist',
      'Café trip – back by 10',
    ]);
  });

  test('an explicit utf-16le encoding reads a file without a byte order mark', async () => {
    const bytes = Buffer.from('pupil_id,date,session,code\nP1,2025-09-02,PM,\\\n', 'utf16le');
    const report = await importRegisterCsv(chunksOf(bytes, 3), { encoding: 'utf-16le' });
    expect(report.marks.map((mark) => mark.code)).toEqual(['\\']);
  });

  test('a pupil id spoiled by bad bytes is warned about and still used as written', async () => {
    const bytes = Buffer.concat([
      Buffer.from('pupil_id,date,session,code\nZo'),
      Buffer.from([0xeb]),
      Buffer.from(',2025-09-02,AM,/\n'),
    ]);
    const report = await importRegisterCsv(once(bytes));
    expect(report.issues).toMatchObject([{ code: 'encoding', line: 2, field: 'pupil_id' }]);
    expect(report.marks[0]!.pupilId).toBe('Zo\uFFFD');
  });

  test('a file saved after a wrong decoding (valid UTF-8 holding U+FFFD) warns, wherever the chunks are cut', async () => {
    const text = 'pupil_id,date,session,code,comment\nP1,2025-09-02,AM,/,Zo\uFFFD at the dentist\n';
    const bytes = Buffer.from(text, 'utf8');
    const whole = readRegisterCsv(text);
    expect(whole.issues).toMatchObject([
      { code: 'encoding', severity: 'warning', line: 2, field: 'comment' },
    ]);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(await importRegisterCsv(cutAt(bytes, [cut]))).toEqual(whole);
    }
  });

  test('text chunks holding U+FFFD warn as readRegisterCsv does', async () => {
    const text = fixtureText('latin1.csv');
    async function* pieces(): AsyncGenerator<string> {
      for (let start = 0; start < text.length; start += 10) {
        await Promise.resolve();
        yield text.slice(start, start + 10);
      }
    }
    const report = await importRegisterCsv(pieces());
    expect(report.issues.map((issue) => [issue.code, issue.line, issue.field])).toEqual([
      ['encoding', 3, 'comment'],
      ['encoding', 4, 'comment'],
    ]);
    expect(report).toEqual(readRegisterCsv(text));
  });

  test('a character cut by a chunk boundary is not mistaken for a bad byte', async () => {
    const text = 'pupil_id,date,session,code,comment\nP1,2025-09-02,AM,/,naïve café 😀\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const report = await importRegisterCsv(cutAt(bytes, [cut]));
      expect(report.issues).toEqual([]);
      expect(report.marks[0]!.comment).toBe('naïve café 😀');
    }
  });

  test('a truncated character at the very end is reported', async () => {
    const bytes = Buffer.concat([
      Buffer.from('pupil_id,date,session,code,comment\nP1,2025-09-02,AM,/,x'),
      Buffer.from([0xe2, 0x82]),
    ]);
    const report = await importRegisterCsv(chunksOf(bytes, 4));
    expect(report.issues).toMatchObject([{ code: 'encoding', line: 2, field: 'comment' }]);
  });

  test('text chunks are read as they are, with a leading byte order mark dropped', async () => {
    async function* text(): AsyncGenerator<string> {
      await Promise.resolve();
      yield '\uFEFFpupil_id,date,session,code\nP1,2025-0';
      yield '9-02,AM,/\n';
    }
    const report = await importRegisterCsv(text());
    expect(report.marks).toEqual([{ pupilId: 'P1', date: '2025-09-02', session: 'AM', code: '/', line: 2 }]);
  });
});

describe('importRegisterCsv: streaming', () => {
  const fixtures = [
    'generic.csv',
    'bad-dates.csv',
    'duplicate-sessions.csv',
    'quoted.csv',
    'crlf.csv',
    'ragged.csv',
    'unclosed-quote.csv',
    'wrong-columns.csv',
    'unknown-codes.csv',
  ];

  test.each(fixtures)(
    '%s gives the same report in 1-byte, 7-byte and whole chunks as readRegisterCsv',
    async (name) => {
      const expected = readRegisterCsv(fixtureText(name), { source: name });
      for (const size of [1, 7, 1 << 20]) {
        expect(await importRegisterCsv(chunksOf(fixtureBytes(name), size), { source: name })).toEqual(
          expected
        );
      }
    }
  );

  test('with onMarks, marks arrive in batches in file order and are not kept', async () => {
    const batches: (readonly ImportedMark[])[] = [];
    const report = await importRegisterCsv(chunksOf(fixtureBytes('generic.csv'), 10), {
      onMarks: (batch) => batches.push(batch),
      batchSize: 3,
    });
    expect(report.marks).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 8, rowsUsed: 8 });
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 2]);
    expect(batches.flat()).toEqual(readRegisterCsv(fixtureText('generic.csv')).marks);
  });

  test('onProgress reports bytes and rows as they grow', async () => {
    const bytes = fixtureBytes('generic.csv');
    const progress: RegisterImportProgress[] = [];
    await importRegisterCsv(chunksOf(bytes, 64), { onProgress: (step) => progress.push(step) });
    expect(progress.length).toBe(Math.ceil(bytes.length / 64));
    expect(progress.at(-1)!.bytesRead).toBe(bytes.length);
    for (let index = 1; index < progress.length; index += 1) {
      expect(progress[index]!.bytesRead).toBeGreaterThan(progress[index - 1]!.bytesRead);
      expect(progress[index]!.rowsRead).toBeGreaterThanOrEqual(progress[index - 1]!.rowsRead);
    }
    expect(progress.at(-1)!.rowsRead).toBeGreaterThanOrEqual(7);
  });

  test('reads a file stream', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'register-'));
    try {
      const file = join(folder, 'generic.csv');
      writeFileSync(file, fixtureBytes('generic.csv'));
      const report = await importRegisterCsv(createReadStream(file, { highWaterMark: 32 }), {
        source: 'generic.csv',
      });
      expect(report).toEqual(readRegisterCsv(fixtureText('generic.csv'), { source: 'generic.csv' }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('an empty source reports an empty file', async () => {
    async function* nothing(): AsyncGenerator<Uint8Array> {
      await Promise.resolve();
      yield* [];
    }
    const report = await importRegisterCsv(nothing());
    expect(report.issues.map((issue) => issue.code)).toEqual(['missing_column']);
  });

  test('an error from the source is passed on', async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      await Promise.resolve();
      yield Buffer.from('pupil_id,date,session,code\n');
      throw new Error('disk gone');
    }
    await expect(importRegisterCsv(failing())).rejects.toThrow('disk gone');
  });

  test('invalid options throw an AttendanceError before reading', async () => {
    for (const options of [{ batchSize: 0 }, { encoding: 'ebcdic' }, { mapping: 'nope' }]) {
      const error = await importRegisterCsv(once(''), options as never).catch((caught: unknown) => caught);
      expect(
        attendanceErrorOf(() => {
          throw error;
        }).issues[0].code
      ).toBe('invalid_value');
    }
  });
});
