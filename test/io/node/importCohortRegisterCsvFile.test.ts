import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AttendanceError } from '../../../src/index.js';
import { importCohortRegisterCsv } from '../../../src/io/index.js';
import { importCohortRegisterCsvFile } from '../../../src/io/node/index.js';

// The worker threads for real: each half of the file read on its own thread and joined, against one thread.

const folder = mkdtempSync(join(tmpdir(), 'school-attendance-threads-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const SAMPLE = 'examples/data/sample-trust-register.csv';

// Each test reads the 4 MB sample register twice, once on two worker threads: about a second on an idle machine,
// but a shared machine under load has taken longer than vitest's 5 s default. Not a measurement.
describe('importCohortRegisterCsvFile', { timeout: 30_000 }, () => {
  it('reads the sample register on two threads exactly as on one, reporting progress to the last byte', async () => {
    const progress: number[] = [];
    const one = await importCohortRegisterCsv(createReadStream(SAMPLE), { mapping: 'generic' });
    const two = await importCohortRegisterCsvFile(SAMPLE, {
      mapping: 'generic',
      threads: 2,
      onProgress: ({ bytesRead }) => progress.push(bytesRead),
    });
    expect(two).toEqual(one);
    expect(two.rowsUsed).toBe(109_200);
    expect(progress.at(-1)).toBe(readFileSync(SAMPLE).length);
  });

  it('names the true line and row of problems in the second half', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    // A row near the end with a code no code set has, and one with a date that does not exist.
    lines.splice(lines.length - 40, 0, 'Z1,2025-07-01,AM,Q9,,');
    lines.splice(lines.length - 20, 0, 'Z2,2025-02-30,AM,/,,');
    const path = join(folder, 'late-problems.csv');
    writeFileSync(path, lines.join('\n'));
    const one = await importCohortRegisterCsv(createReadStream(path), { source: 'late-problems.csv' });
    const two = await importCohortRegisterCsvFile(path, { source: 'late-problems.csv', threads: 2 });
    expect(two).toEqual(one);
    const z1 = lines.findIndex((line) => line.startsWith('Z1,')) + 1;
    const z2 = lines.findIndex((line) => line.startsWith('Z2,')) + 1;
    expect(z1).toBeGreaterThan(lines.length / 2);
    expect(two.issues.map((issue) => [issue.line, issue.path[0]])).toEqual([
      [z1, z1 - 2],
      [z2, z2 - 2],
    ]);
    expect(two.issues[0]!.message).toContain(`Line ${z1} of late-problems.csv`);
  });

  it('reports a session marked in both halves as one thread does', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const [header, first] = text.split('\n');
    const path = join(folder, 'repeated.csv');
    // The first data row again at the very end: the halves cannot be joined, so the file is read on one thread.
    writeFileSync(path, `${text}${first!.replace(/,[^,]*,([^,]*),([^,]*)$/, ',O,$1,$2')}\n`);
    const one = await importCohortRegisterCsv(createReadStream(path), {});
    const two = await importCohortRegisterCsvFile(path, { threads: 2 });
    expect(header).toMatch(/^pupil_id,/);
    expect(two).toEqual(one);
    expect(two.issues.map((issue) => issue.code)).toEqual(['duplicate_mark']);
  });

  it('checks options before any thread starts', async () => {
    await expect(importCohortRegisterCsvFile(SAMPLE, { delimiter: '"' })).rejects.toBeInstanceOf(
      AttendanceError
    );
  });
});
