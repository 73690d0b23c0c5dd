/// <reference lib="dom" />
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage, serveFiles, startChromium } from '../_support/browser.js';
import type { HeadlessBrowser, Site } from '../_support/browser.js';

// The library in a real browser, bundled from `school-attendance` and `school-attendance/io` as an app's bundler
// would (for the browser: no Node built-ins to fall back on), running the quick start and a CSV import from text.

const PAGE_SCRIPT = `
import { classifyAbsence, countSessions, isoDate, toAttendanceRate, toPercentage } from 'school-attendance';
import { readRegisterCsv } from 'school-attendance/io';

const show = (id, value) => { document.getElementById(id).textContent = typeof value === 'string' ? value : JSON.stringify(value); };

const week = [
  ['2024-09-09', 'AM', '/'], ['2024-09-09', 'PM', '\\\\'], ['2024-09-10', 'AM', 'L'], ['2024-09-10', 'PM', '\\\\'],
  ['2024-09-11', 'AM', 'I'], ['2024-09-11', 'PM', 'I'], ['2024-09-12', 'AM', 'Y4'], ['2024-09-12', 'PM', 'Y4'],
  ['2024-09-13', 'AM', '/'], ['2024-09-13', 'PM', 'G'],
].map(([date, session, code]) => ({ date: isoDate(date), session, code }));
const counts = countSessions(week);
show('counts', [counts.possible, counts.present, counts.authorised, counts.unauthorised, counts.notPossible]);
show('attendance', toPercentage(toAttendanceRate(counts)).text);
show('class', classifyAbsence(counts));

const csv = 'pupil_id,date,session,code\\nP1,2024-09-09,AM,/\\nP1,2024-09-09,PM,O\\nP2,2024-09-09,AM,Q9\\n';
const imported = readRegisterCsv(csv, { source: 'register.csv' });
show('csv', { marks: imported.marks.length, rejected: imported.rowsRejected, issue: imported.issues[0]?.message });
const worker = new Worker('/worker.js', { type: 'module' });
worker.onmessage = (event) => {
  show('worker', event.data);
  show('done', 'yes');
};
worker.onerror = (event) => console.error('worker failed: ' + event.message);
worker.postMessage(JSON.stringify(week));
`;

// The same rules in a Web Worker: a module worker, bundled the same way, counting marks the page posts to it.
const WORKER_SCRIPT = `
import { classifyAbsence, countSessions } from 'school-attendance';
self.onmessage = (event) => {
  const counts = countSessions(JSON.parse(event.data));
  self.postMessage(JSON.stringify({ possible: counts.possible, absenceClass: classifyAbsence(counts) }));
};
`;

let site: Site | undefined;
let chromium: HeadlessBrowser | undefined;

beforeAll(async () => {
  const bundle = (contents: string) =>
    build({
      stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      alias: { 'school-attendance/io': './src/io/index.ts', 'school-attendance': './src/index.ts' },
    }).then((result) => result.outputFiles[0]!.contents);
  const html = `<!doctype html><meta charset="utf-8"><title>school-attendance</title>
    <p id="counts"></p><p id="attendance"></p><p id="class"></p><p id="csv"></p><p id="worker"></p><p id="done"></p>
    <script type="module" src="/app.js"></script>`;
  site = await serveFiles({
    '/index.html': html,
    '/app.js': await bundle(PAGE_SCRIPT),
    '/worker.js': await bundle(WORKER_SCRIPT),
  });
  chromium = await startChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

describe('in headless Chromium', () => {
  test('the quick start, an in-memory CSV import and a Web Worker give the guidance’s figures, with no console error', async () => {
    const { page, errors } = await openPage(chromium!.browser, site!.url);
    await page.waitForFunction(() => document.getElementById('done')?.textContent === 'yes', {
      timeout: 20_000,
    });
    const text = (id: string): Promise<string> => page.$eval(`#${id}`, (element) => element.textContent);
    expect(JSON.parse(await text('counts'))).toEqual([8, 5, 2, 1, 2]);
    expect(await text('attendance')).toBe('62.5');
    expect(await text('class')).toBe('persistent');
    const csv = JSON.parse(await text('csv')) as { marks: number; rejected: number; issue: string };
    expect(csv.marks).toBe(2);
    expect(csv.rejected).toBe(1);
    expect(csv.issue).toContain('Line 4 of register.csv');
    expect(JSON.parse(await text('worker'))).toEqual({ possible: 8, absenceClass: 'persistent' });
    expect(errors).toEqual([]);
  }, 60_000);
});
