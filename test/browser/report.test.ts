/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createNodeIo } from '../../src/cli/createNodeIo.js';
import { run } from '../../src/cli/run.js';
import {
  countSessions,
  groupMarksByPupil,
  HCAT_POLICY,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  toAbsenceRate,
  toAttendanceRate,
  toAuthorisedAbsenceRate,
  toPercentage,
  toUnauthorisedAbsenceRate,
} from '../../src/index.js';
import type { SessionCounts, SessionRate } from '../../src/index.js';
import { readRegisterCsv } from '../../src/io/index.js';
import { parsePupilAttributesCsv } from '../../src/report/index.js';
import { startChromium } from '../_support/browser.js';
import type { HeadlessBrowser } from '../_support/browser.js';

// The HTML report of the sample trust, drawn by the command-line tool as a user would draw it, then opened in
// headless Chromium: it must load with no error and no request beyond itself, show the figures the library's own
// per-pupil functions give, draw every chart with its data table, and print on A4.
//
// UPDATE_SCREENSHOT=1 also writes the top of the overview, as a 1280-px-wide browser shows it, to
// docs/images/report-overview.png.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REGISTER = join(ROOT, 'examples/data/sample-trust-register.csv');
const PUPILS = join(ROOT, 'examples/data/sample-trust-pupils.csv');
const CALENDAR = join(ROOT, 'examples/calendars/example-la-2024-2026.json');
const COMPARISON = join(ROOT, 'examples/data/dfe-pupil-attendance-ytd-sample.csv');
const SCREENSHOT = join(ROOT, 'docs/images/report-overview.png');
const CARD_PUPIL = 'T0010';
const VIEWPORT_WIDTH = 1280;
const MOST_PRINTED_PAGES = 4;

// The sections every overview draws as a chart; the attribute trends and the pupil card's are added below.
const OVERVIEW_CHARTS = ['weekly-trend', 'bands', 'reasons', 'weekday-heat-map', 'escalation', 'comparison'];

/** The six headline figures as the report should show them: the percentage, and its exact fraction. */
type Headline = Readonly<Record<string, { readonly value: string; readonly exact: string }>>;

const wholeNumber = new Intl.NumberFormat('en-GB', { useGrouping: true, maximumFractionDigits: 0 });

function shown(rate: SessionRate, numerator: number, denominator: number, unit: string) {
  const percentage = toPercentage(rate);
  if (percentage.kind !== 'percentage')
    throw new Error(`No rate for ${numerator} of ${denominator} ${unit}.`);
  return {
    value: `${percentage.text} %`,
    exact: `${wholeNumber.format(numerator)} of ${wholeNumber.format(denominator)} ${unit}`,
  };
}

type Totals = Pick<SessionCounts, 'possible' | 'attended' | 'absent' | 'authorised' | 'unauthorised'>;

/** The figures the report should show, and each pupil's counts (for the card). */
interface Expected {
  readonly headline: Headline;
  readonly perPupil: ReadonlyMap<string, Totals>;
}

let expected: Expected | undefined;

function expectedFigures(): Expected {
  expected ??= workOutFigures();
  return expected;
}

/**
 * The headline figures worked out from the register file with the per-pupil functions (the object-mark CSV
 * reader, `countSessions`, `isPersistentlyAbsent`, `isSeverelyAbsent`), not the cohort engine the report uses.
 */
function workOutFigures(): Expected {
  const imported = readRegisterCsv(readFileSync(REGISTER, 'utf8'), { source: 'sample-trust-register.csv' });
  expect(imported.rowsRejected).toBe(0);
  const perPupil = new Map<string, Totals>();
  const total = { possible: 0, attended: 0, absent: 0, authorised: 0, unauthorised: 0 };
  let enrolments = 0;
  let persistent = 0;
  let severe = 0;
  for (const [pupilId, marks] of groupMarksByPupil(imported.marks)) {
    const counts = countSessions(marks);
    perPupil.set(pupilId, counts);
    if (counts.possible === 0) continue;
    enrolments += 1;
    if (isPersistentlyAbsent(counts, HCAT_POLICY)) persistent += 1;
    if (isSeverelyAbsent(counts, HCAT_POLICY)) severe += 1;
    for (const field of ['possible', 'attended', 'absent', 'authorised', 'unauthorised'] as const) {
      total[field] += counts[field];
    }
  }
  const sessions = 'possible sessions';
  const pupils = (count: number): SessionRate => ({
    kind: 'rate',
    numerator: count,
    denominator: enrolments,
  });
  return {
    perPupil,
    headline: {
      Attendance: shown(toAttendanceRate(total), total.attended, total.possible, sessions),
      'Overall absence': shown(toAbsenceRate(total), total.absent, total.possible, sessions),
      'Authorised absence': shown(toAuthorisedAbsenceRate(total), total.authorised, total.possible, sessions),
      'Unauthorised absence': shown(
        toUnauthorisedAbsenceRate(total),
        total.unauthorised,
        total.possible,
        sessions
      ),
      'Persistent absence': shown(pupils(persistent), persistent, enrolments, 'pupils'),
      'Severe absence': shown(pupils(severe), severe, enrolments, 'pupils'),
    },
  };
}

let folder = '';
let chromium: HeadlessBrowser | undefined;
const reports = { overview: '', card: '', aggregate: '' };

/** Draws a report with the command-line tool, in this process, into the temporary folder. */
async function drawReport(name: keyof typeof reports, options: readonly string[]): Promise<void> {
  const output = join(folder, `${name}.html`);
  let messages = '';
  const io = { ...createNodeIo(), stderr: { write: (text: string) => (messages += text) } };
  const comparison = ['--compare', COMPARISON, '--compare-level', 'national'];
  const argv = ['report', REGISTER, '--calendar', CALENDAR, '--policy', 'trust', '--pupils', PUPILS];
  const exitCode = await run([...argv, ...comparison, ...options, '-o', output], io);
  expect(exitCode, messages).toBe(0);
  reports[name] = output;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'school-attendance-report-'));
  await drawReport('overview', []);
  await drawReport('card', ['--pupil', CARD_PUPIL]);
  await drawReport('aggregate', ['--aggregate-only']);
  chromium = await startChromium();
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  if (folder !== '') rmSync(folder, { recursive: true, force: true });
});

/** A page with the file loaded, every request it made, and its console errors and uncaught exceptions. */
interface OpenedReport {
  readonly page: Page;
  readonly url: string;
  readonly requests: string[];
  readonly errors: string[];
}

/**
 * Opens a file from disk (`file://`): the document is then the only request a self-contained page makes, and a
 * picture, font or style sheet it named, by a relative or an absolute address, would be another, recorded here.
 */
async function openReport(file: string): Promise<OpenedReport> {
  const page = await chromium!.browser.newPage();
  await page.setViewport({ width: VIEWPORT_WIDTH, height: 900 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, url, requests, errors };
}

/** The report loads cleanly: no error, no script, no request but for the document. */
async function expectSelfContained(opened: OpenedReport): Promise<void> {
  expect(opened.errors).toEqual([]);
  expect(opened.requests).toEqual([opened.url]);
  expect(await opened.page.$$eval('script', (scripts) => scripts.length)).toBe(0);
}

/** Each section marked as a chart: its id, its pictures' rendered sizes and the body rows of its tables. */
interface ChartSection {
  readonly id: string;
  readonly svgSizes: readonly (readonly [width: number, height: number])[];
  readonly detailsRows: readonly number[];
  readonly tableRows: readonly number[];
}

function chartSections(page: Page): Promise<ChartSection[]> {
  return page.$$eval('section[data-chart]', (sections) =>
    sections.map((section) => ({
      id: section.getAttribute('data-chart') ?? '',
      svgSizes: [...section.querySelectorAll('svg')].map((svg) => {
        const box = svg.getBoundingClientRect();
        return [box.width, box.height] as const;
      }),
      detailsRows: [...section.querySelectorAll('details table')].map(
        (table) => table.querySelectorAll('tbody tr').length
      ),
      tableRows: [...section.querySelectorAll('table')].map(
        (table) => table.querySelectorAll('tbody tr').length
      ),
    }))
  );
}

/** Every chart is drawn at a size and has its data beside it. */
function expectChartsDrawn(sections: readonly ChartSection[], expected: readonly string[]): void {
  const ids = sections.map((section) => section.id);
  expect(new Set(ids).size, `chart ids: ${ids.join(', ')}`).toBe(ids.length);
  expect(ids).toEqual(expect.arrayContaining([...expected]));
  for (const section of sections) {
    expect(section.svgSizes.length, `${section.id}: no svg`).toBeGreaterThan(0);
    for (const [width, height] of section.svgSizes) {
      expect(width, `${section.id}: svg width`).toBeGreaterThan(0);
      expect(height, `${section.id}: svg height`).toBeGreaterThan(0);
    }
    expect(section.detailsRows.length, `${section.id}: no table in details`).toBeGreaterThan(0);
    for (const rows of section.detailsRows) expect(rows, `${section.id}: data rows`).toBeGreaterThan(0);
  }
}

/** The charts an overview of the sample trust should have: its own, one trend per grouped attribute. */
function expectedOverviewCharts(): string[] {
  const { groupColumns } = parsePupilAttributesCsv(readFileSync(PUPILS, 'utf8'), { source: 'pupils.csv' });
  expect(groupColumns.length).toBeGreaterThan(0);
  return [...OVERVIEW_CHARTS, ...groupColumns.map((_, index) => `weekly-trend-${index + 1}`)];
}

/** A figure card as drawn: its value, the title on hover and the exact line beneath. */
function figureCards(
  page: Page,
  scope: string
): Promise<Record<string, { value: string; title: string; exact: string }>> {
  return page.$$eval(`${scope} .card`, (cards) =>
    Object.fromEntries(
      cards.map((card) => {
        const value = card.querySelector('[data-figure]');
        return [
          value?.getAttribute('data-figure') ?? '',
          {
            value: value?.textContent.trim() ?? '',
            title: value?.getAttribute('title') ?? '',
            exact: card.querySelector('.exact')?.textContent.trim() ?? '',
          },
        ];
      })
    )
  );
}

/** The width and height of a PNG, from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The pages of a PDF, counted as the page objects (`/Type /Page`, not the `/Pages` nodes of the page tree), and
 * checked against the page tree's root, whose `/Count` is the largest.
 */
function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Count\s+(\d+)/g)].map((match) => Number(match[1]));
  expect(Math.max(...counts)).toBe(pages);
  return pages;
}

// The A4 page box less the report's @page margins of 14 mm, in CSS pixels (96 to the inch).
const PRINTED_WIDTH_PX = ((210 - 2 * 14) / 25.4) * 96;
const PRINTED_HEIGHT_PX = ((297 - 2 * 14) / 25.4) * 96;

/** Where the printed space goes: each top-level part's height laid out for print, in A4 pages. */
async function printedHeights(page: Page): Promise<string> {
  await page.emulateMediaType('print');
  await page.setViewport({ width: Math.floor(PRINTED_WIDTH_PX), height: Math.floor(PRINTED_HEIGHT_PX) });
  const heights = await page.$$eval('header, main > section, main > article', (parts) =>
    parts.map(
      (part) =>
        [part.id === '' ? part.tagName.toLowerCase() : part.id, part.getBoundingClientRect().height] as const
    )
  );
  await page.emulateMediaType();
  await page.setViewport({ width: VIEWPORT_WIDTH, height: 900 });
  return heights.map(([id, height]) => `${id} ${(height / PRINTED_HEIGHT_PX).toFixed(2)}`).join(', ');
}

describe('the HTML report in headless Chromium', () => {
  test('the page counter and request log can fail: a report naming a picture makes a request', async () => {
    const leaky = join(folder, 'leaky.html');
    writeFileSync(
      leaky,
      '<!doctype html><meta charset="utf-8"><title>t</title><div style="height:9px;background:url(picture.png)"></div>' +
        '<img alt="" src="http://127.0.0.1:9/remote.png">'
    );
    const opened = await openReport(leaky);
    expect(opened.requests).toContain(new URL('picture.png', opened.url).href);
    expect(opened.requests).toContain('http://127.0.0.1:9/remote.png');
    expect(pdfPageCount(await opened.page.pdf({ format: 'A4' }))).toBe(1);
    await opened.page.close();
  }, 60_000);

  describe('the overview', () => {
    let overview: OpenedReport | undefined;
    const opened = async (): Promise<OpenedReport> => (overview ??= await openReport(reports.overview));
    afterAll(async () => {
      await overview?.page.close();
    });

    test('loads on its own: no error, no script, no request but for the document', async () => {
      await expectSelfContained(await opened());
    }, 60_000);

    test('shows the headline figures the library’s per-pupil functions give', async () => {
      const { page } = await opened();
      const { headline } = expectedFigures();
      const cards = await figureCards(page, '#headline');
      expect(Object.keys(cards).sort()).toEqual(Object.keys(headline).sort());
      for (const [label, figure] of Object.entries(headline)) {
        expect(cards[label], label).toEqual({
          value: figure.value,
          title: figure.exact,
          exact: figure.exact,
        });
      }
    }, 60_000);

    test('draws every chart at a size, each with its data in a table', async () => {
      const { page } = await opened();
      expectChartsDrawn(await chartSections(page), expectedOverviewCharts());
      expect(await page.$$eval('article.pupil-card', (cards) => cards.length)).toBe(0);
    }, 60_000);

    test(`is taller than 1,000 px in a ${VIEWPORT_WIDTH}-px-wide window`, async () => {
      const { page } = await opened();
      const size = pngSize(await page.screenshot({ fullPage: true }));
      expect(size.width).toBe(VIEWPORT_WIDTH);
      expect(size.height).toBeGreaterThan(1_000);
      if (process.env['UPDATE_SCREENSHOT'] === '1') {
        const top = await page.screenshot({
          clip: { x: 0, y: 0, width: VIEWPORT_WIDTH, height: Math.min(1_600, size.height) },
          captureBeyondViewport: true,
        });
        mkdirSync(dirname(SCREENSHOT), { recursive: true });
        writeFileSync(SCREENSHOT, top);
      }
    }, 60_000);

    test(`prints on A4 in at most ${MOST_PRINTED_PAGES} pages`, async () => {
      const { page } = await opened();
      const pages = pdfPageCount(await page.pdf({ format: 'A4', printBackground: true }));
      const where =
        pages > MOST_PRINTED_PAGES
          ? `; printed height by section, in pages: ${await printedHeights(page)}`
          : '';
      expect(pages, `the overview prints on ${pages} A4 pages${where}`).toBeLessThanOrEqual(
        MOST_PRINTED_PAGES
      );
    }, 60_000);
  });

  test(`a pupil card (${CARD_PUPIL}) draws its calendar and trend, with the pupil’s own figures`, async () => {
    const opened = await openReport(reports.card);
    const { page } = opened;
    await expectSelfContained(opened);

    const cardIds = await page.$$eval('article.pupil-card', (cards) =>
      cards.map((card) => card.getAttribute('data-pupil-card'))
    );
    expect(cardIds).toEqual([CARD_PUPIL]);
    const counts = expectedFigures().perPupil.get(CARD_PUPIL);
    if (counts === undefined) throw new Error(`${CARD_PUPIL} is not in the register.`);
    const attendance = shown(toAttendanceRate(counts), counts.attended, counts.possible, 'possible sessions');
    const cards = await figureCards(page, `article.pupil-card[data-pupil-card="${CARD_PUPIL}"]`);
    expect(cards['Attendance']).toEqual({
      value: attendance.value,
      title: attendance.exact,
      exact: attendance.exact,
    });

    const sections = await chartSections(page);
    expectChartsDrawn(sections, [...expectedOverviewCharts(), 'pupil-1-calendar', 'pupil-1-trend']);
    const inCard = await page.$$eval('article.pupil-card section[data-chart]', (parts) =>
      parts.map((part) => part.getAttribute('data-chart'))
    );
    expect(inCard).toEqual(expect.arrayContaining(['pupil-1-calendar', 'pupil-1-trend']));
    await page.close();
  }, 60_000);

  test('the aggregate-only report names no pupil anywhere', async () => {
    const opened = await openReport(reports.aggregate);
    const { page } = opened;
    await expectSelfContained(opened);
    const pupilId = /T0\d+/;
    // The pattern finds the ids where they are: the overview lists its persistent absentees.
    expect(readFileSync(reports.overview, 'utf8')).toMatch(pupilId);
    // The file as written (path data aside: its letters are drawing commands), then the page as parsed, text and
    // every attribute.
    const html = readFileSync(reports.aggregate, 'utf8').replace(/\sd="[^"]*"/g, '');
    expect(pupilId.exec(html)?.[0]).toBeUndefined();
    const text = await page.evaluate(() =>
      [
        document.documentElement.textContent,
        ...[...document.querySelectorAll('*')].flatMap((element) =>
          [...element.attributes]
            .filter((attribute) => attribute.name !== 'd')
            .map((attribute) => attribute.value)
        ),
      ].join('\n')
    );
    expect(pupilId.exec(text)?.[0]).toBeUndefined();
    // Not a blank page: the figures are there, with no pupil card.
    expect(await page.$$eval('#headline [data-figure]', (figures) => figures.length)).toBe(6);
    expect(await page.$$eval('article.pupil-card', (cards) => cards.length)).toBe(0);
    await page.close();
  }, 60_000);
});
