import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCohortRegisterCsv, toRegisterCsv } from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import { importFileWith } from '../../../src/io/node/importCohortRegisterCsvFile.js';
import type { SliceRunner } from '../../../src/io/node/importCohortRegisterCsvFile.js';
import { readSlice } from '../../../src/io/node/sliceJob.js';
import { AttendanceError, isoDate } from '../../../src/index.js';

// Issue 12 §3: the two-thread route honours maxLineBytes as one thread does: a line over the limit in either half
// is one too_long error with its true line, and the halves still join.

const folder = mkdtempSync(join(tmpdir(), 'school-attendance-line-limit-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

let slicesRead = 0;
const inThisThread: SliceRunner = async (job, onProgress) => {
  slicesRead += 1;
  return structuredClone(
    await readSlice(structuredClone(job), (progress) => {
      onProgress(progress.bytesRead, progress.rowsRead);
    })
  );
};

function register(pupils: number): string {
  const marks: ImportedMark[] = [];
  for (let pupil = 1; pupil <= pupils; pupil += 1) {
    for (const day of ['2025-09-02', '2025-09-03']) {
      for (const session of ['AM', 'PM'] as const) {
        marks.push({ pupilId: `P${pupil}`, date: isoDate(day), session, code: '/' });
      }
    }
  }
  return toRegisterCsv(marks, { lineEnding: '\n' });
}

describe('importCohortRegisterCsvFile: maxLineBytes on two threads', () => {
  it('reports a long line in each half at its true line, as one thread does', async () => {
    const rows = register(40).split(/(?<=\n)/);
    const long = `P999,2025-09-02,AM,/,,"${'x'.repeat(300)}"\n`;
    rows.splice(20, 0, long);
    rows.splice(rows.length - 10, 0, long);
    const path = join(folder, 'long-lines.csv');
    writeFileSync(path, rows.join(''));
    const options = { maxLineBytes: 200, source: 'long-lines.csv' };
    const one = await importCohortRegisterCsv(createReadStream(path, { highWaterMark: 64 }), options);
    slicesRead = 0;
    const two = await importFileWith(path, { ...options, threads: 2 }, inThisThread);
    // Two halves, the second read again with its true first line, since it has an issue to report.
    expect(slicesRead).toBe(3);
    expect(one.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['too_long', 21],
      ['too_long', rows.length - 10],
    ]);
    expect(two).toEqual(one);
    expect(two).toMatchObject({ rowsRead: 162, rowsUsed: 160, rowsRejected: 2 });
  });

  it('a header over the limit stops both halves with one error', async () => {
    const text = register(20).replace('comment', `comment,${'c'.repeat(300)}`);
    const path = join(folder, 'long-header.csv');
    writeFileSync(path, text);
    const options = { maxLineBytes: 200 };
    const one = await importCohortRegisterCsv(createReadStream(path), options);
    slicesRead = 0;
    const two = await importFileWith(path, { ...options, threads: 2 }, inThisThread);
    expect(slicesRead).toBeGreaterThanOrEqual(2);
    expect(one.issues.map((issue) => [issue.code, issue.line])).toEqual([['too_long', 1]]);
    expect(two).toEqual(one);
    expect(two).toMatchObject({ rowsRead: 80, rowsUsed: 0, rowsRejected: 80 });
  });
});

describe('importCohortRegisterCsvFile: a bad limit', () => {
  it('throws an AttendanceError on this thread before any worker starts', async () => {
    const path = join(folder, 'small.csv');
    writeFileSync(path, register(2));
    const run: SliceRunner = () => Promise.reject(new Error('no slice should be read'));
    await expect(importFileWith(path, { maxLineBytes: 0, threads: 2 }, run)).rejects.toBeInstanceOf(
      AttendanceError
    );
  });
});
