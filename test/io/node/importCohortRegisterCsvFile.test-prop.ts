import { fc, test } from '@fast-check/vitest';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { isoDate } from '../../../src/index.js';
import { importCohortRegisterCsv, toRegisterCsv } from '../../../src/io/index.js';
import { importFileWith } from '../../../src/io/node/importCohortRegisterCsvFile.js';
import type { SliceRunner } from '../../../src/io/node/importCohortRegisterCsvFile.js';
import { readSlice } from '../../../src/io/node/sliceJob.js';
import {
  BAD_ROWS,
  csvishArb,
  groupedTextArb,
  optionsArb,
  registerTextArb,
} from '../long/registerTextArbitraries.js';

// Two threads must give what one gives: the halves are read here on this thread (through the same structured
// clone a worker's message goes through), so that many files can be tried; the worker threads themselves are
// tried in the unit test.

const folder = mkdtempSync(join(tmpdir(), 'school-attendance-split-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const inThisThread: SliceRunner = async (job, onProgress) =>
  structuredClone(
    await readSlice(structuredClone(job), (progress) => {
      onProgress(progress.bytesRead, progress.rowsRead);
    })
  );

/** A grouped register long enough that its middle falls among many rows, with bad rows anywhere. */
const longerTextArb = fc
  .tuple(
    fc.array(groupedTextArb, { minLength: 2, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_ROWS)))
  )
  .map(([texts, bad]) => {
    const [first, ...rest] = texts;
    const rows = [first!, ...rest.map((text) => text.slice(text.indexOf('\n') + 1))]
      .join('')
      .split(/(?<=\n)/);
    for (const [at, row] of bad) rows.splice(1 + (at % rows.length), 0, row);
    return rows.join('');
  });

/** A grouped register with one mark per session, in pupil then session order. */
const cleanGroupedArb = fc
  .uniqueArray(
    fc.record({
      pupilId: fc.constantFrom('A1', 'A2', 'A3', 'A4', 'A5', 'A6'),
      date: fc.constantFrom(
        ...['2024-09-02', '2024-09-03', '2025-01-06', '2025-03-03', '2025-07-14'].map(isoDate)
      ),
      session: fc.constantFrom('AM' as const, 'PM' as const),
      code: fc.constantFrom('/', '\\', 'L', 'O', 'I', 'G', 'U', 'N', '#'),
    }),
    { selector: (mark) => `${mark.pupilId} ${mark.date} ${mark.session}`, minLength: 4, maxLength: 60 }
  )
  .map((marks) => {
    const key = (mark: (typeof marks)[number]): string => `${mark.pupilId} ${mark.date} ${mark.session}`;
    return toRegisterCsv(
      [...marks].sort((left, right) => (key(left) < key(right) ? -1 : 1)),
      { lineEnding: '\n' }
    );
  });

/** Rows that are rejected or warned about without touching any other row's session. */
const LONE_BAD_ROWS = [
  'Z1,2025-13-45,AM,/,,\n',
  'Z2,2025-09-02,AM,Q9,,\n',
  'Z3,2025-09-02,XX,/,,\n',
  'Z4,2025-09-02,AM\n',
  'Z5,2025-09-02,PM,"/",,\n',
  '"Z6\n",2025-09-02,PM,/,,\n',
];

/** Clean rows of many pupils, with lone bad rows anywhere: the halves join, and the second has issues. */
const issuesInBothHalvesArb = fc
  .tuple(
    cleanGroupedArb,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...LONE_BAD_ROWS)), { minLength: 1, maxLength: 6 })
  )
  .map(([text, bad]) => {
    const rows = text.split(/(?<=\n)/);
    for (const [at, row] of bad) rows.splice(1 + (at % rows.length), 0, row);
    return rows.join('');
  });

let files = 0;

describe('importCohortRegisterCsvFile on two threads', () => {
  test.prop(
    [fc.oneof(registerTextArb, groupedTextArb, longerTextArb, issuesInBothHalvesArb, csvishArb), optionsArb],
    { numRuns: 250 }
  )(
    'gives the register, counts and issues (lines and rows included) that one thread gives',
    async (text, options) => {
      files += 1;
      const path = join(folder, `${files}.csv`);
      writeFileSync(path, text);
      const whole = await importCohortRegisterCsv(createReadStream(path, { highWaterMark: 7 }), options);
      const split = await importFileWith(path, { ...options, threads: 2 }, inThisThread);
      expect(split.issues).toEqual(whole.issues);
      expect([split.rowsRead, split.rowsUsed, split.rowsRejected]).toEqual([
        whole.rowsRead,
        whole.rowsUsed,
        whole.rowsRejected,
      ]);
      expect(split.register).toEqual(whole.register);
    },
    // 250 files written and read twice: about a second when the machine is idle, but a shared machine under load
    // has taken longer than vitest's 5 s default. Not a measurement, so a generous limit.
    30_000
  );
});
