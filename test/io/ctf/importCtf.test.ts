import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { importCtf, readCtf } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import { CALENDAR, fixtureBytes, fixtureText } from './ctfFixtures.js';

async function* pieces<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) parts.push(bytes.subarray(start, start + size));
  return parts;
}

describe('importCtf', () => {
  test('a file cut off inside a YearData: the same counts as readCtf however it is split', async () => {
    const bytes = fixtureBytes('truncated.ctf.xml');
    const text = fixtureText('truncated.ctf.xml');
    const whole = readCtf(bytes);
    // The third pupil's complete record and the record the file breaks off in are both read and rejected.
    expect(whole).toMatchObject({ rowsRead: 4, rowsUsed: 2, rowsRejected: 2 });
    for (const size of [1, 7, 64, 100_000]) {
      expect(await importCtf(pieces(splitEvery(bytes, size)))).toEqual(whole);
      const textPieces = Array.from({ length: Math.ceil(text.length / size) }, (_, index) =>
        text.slice(index * size, (index + 1) * size)
      );
      expect(await importCtf(pieces(textPieces))).toEqual(readCtf(text));
    }
  });

  test('a piece that is neither text nor bytes stops the reading with an error, not a crash', async () => {
    const text = fixtureText('two-pupils.ctf.xml');
    const cut = text.indexOf('<Pupil>', text.indexOf('</Pupil>'));
    const report = await importCtf(
      pieces<unknown>([text.slice(0, cut), 42, text.slice(cut)]) as AsyncIterable<string>
    );
    expect(report.pupils.map((pupil) => pupil.upn)).toEqual(['SYNTHETIC0003']);
    expect(report.issues.filter((issue) => issue.severity === 'error')).toMatchObject([
      { code: 'invalid_value', expected: 'a string or a Uint8Array', received: 'number' },
    ]);
  });

  test('reads a Node stream of bytes exactly as readCtf reads the whole file', async () => {
    const bytes = fixtureBytes('two-pupils.ctf.xml');
    const streamed = await importCtf(Readable.from([Buffer.from(bytes)]), { source: 'two-pupils.ctf.xml' });
    expect(streamed).toEqual(readCtf(bytes, { source: 'two-pupils.ctf.xml' }));
    expect(streamed.rowsRead).toBe(4);
  });

  test('one byte at a time: an ISO-8859-1 declaration is found before the text is decoded', async () => {
    const bytes = fixtureBytes('latin1.ctf.xml');
    const report = await importCtf(pieces(splitEvery(bytes, 1)));
    expect(report.pupils[0]?.surname).toBe('BRONTË');
    expect(report).toEqual(readCtf(bytes));
  });

  test('a byte order mark split across pieces, and UTF-8 characters split between pieces', async () => {
    const bytes = fixtureBytes('utf8-bom.ctf.xml');
    for (const size of [1, 2, 3, 5, 7]) {
      const report = await importCtf(pieces(splitEvery(bytes, size)));
      expect(report.pupils[0]?.surname).toBe('Ó SÚILLEABHÁIN');
      expect(report.issues).toEqual([]);
    }
  });

  test('text pieces split inside tags and inside the mark string', async () => {
    const text = fixtureText('school-days.ctf.xml');
    const cut = text.indexOf('/\\/\\II') + 3;
    const report = await importCtf(pieces([text.slice(0, 10), text.slice(10, cut), text.slice(cut)]), {
      dayModel: 'schoolDays',
      calendar: CALENDAR,
    });
    expect(report).toEqual(readCtf(text, { dayModel: 'schoolDays', calendar: CALENDAR }));
    expect(report.marks).toHaveLength(12);
  });

  test('stops pulling from the source at the first fatal problem', async () => {
    let pulled = 0;
    // Whole lines are read, so the problem is seen once its line has ended.
    async function* source(): AsyncGenerator<string> {
      for (const piece of ['<Wrong>\n', '<a/>\n', '<b/>\n', '</Wrong>\n']) {
        pulled += 1;
        await Promise.resolve();
        yield piece;
      }
    }
    const report = await importCtf(source());
    expect(report.issues[0]?.code).toBe('malformed_input');
    expect(pulled).toBe(1);
  });

  test('a truncated stream keeps the completed pupils', async () => {
    const report = await importCtf(pieces(splitEvery(fixtureBytes('truncated.ctf.xml'), 100)));
    expect(report.pupils).toHaveLength(2);
    expect(report.issues[0]?.code).toBe('malformed_input');
  });

  test('an error the source raises is passed on unchanged', async () => {
    async function* failing(): AsyncGenerator<string> {
      await Promise.resolve();
      yield '<CTfile>';
      throw new Error('disk unplugged');
    }
    await expect(importCtf(failing())).rejects.toThrow('disk unplugged');
  });

  test('an invalid option is refused with an AttendanceError before anything is read', async () => {
    let pulled = false;
    async function* source(): AsyncGenerator<string> {
      pulled = true;
      await Promise.resolve();
      yield '<CTfile/>';
    }
    const rejection = importCtf(source(), { codeWidth: 0 as 1 });
    await expect(rejection).rejects.toBeInstanceOf(AttendanceError);
    await expect(rejection).rejects.toMatchObject({ issues: [{ field: 'codeWidth' }] });
    expect(pulled).toBe(false);
  });
});
