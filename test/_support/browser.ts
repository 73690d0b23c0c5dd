/**
 * A small harness for tests in a real browser: Debian's Chromium (never a browser a tool downloads), driven
 * through the DevTools protocol by puppeteer-core, loading pages from a throwaway HTTP server on the loopback
 * address (a `file://` page cannot import modules). Any console error or uncaught exception on a page is kept,
 * for the test to fail on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's package. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Files served by path, e.g. `{ '/index.html': '<!doctype html>…', '/app.js': bundle }`. */
export type SiteFiles = Readonly<Record<string, string | Uint8Array>>;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml',
};

/** A site served on 127.0.0.1 until closed. */
export interface Site {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves files from memory on a free port of the loopback address.
 *
 * @param files - The files, by path.
 * @returns The site's address and a way to stop it.
 */
export async function serveFiles(files: SiteFiles): Promise<Site> {
  const server = createServer((request, response) => {
    const asked = new URL(request.url ?? '/', 'http://localhost').pathname;
    const path = asked === '/' ? '/index.html' : asked;
    const body = files[path];
    if (body === undefined) {
      // The browser asks for an icon of its own accord: no content, rather than an error on the console.
      response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    const extension = path.split('.').pop() ?? 'html';
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A headless Chromium and the profile folder it was given; `close` removes both. */
export interface HeadlessBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless with a fresh profile. As root it needs `--no-sandbox`; the other flags stop
 * it reaching for the network this machine does not have.
 *
 * @returns The browser.
 */
export async function startChromium(): Promise<HeadlessBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'school-attendance-chromium-'));
  const browser = await launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page and every console error and uncaught exception it has had. */
export interface WatchedPage {
  readonly page: Page;
  readonly errors: string[];
}

/**
 * Opens a URL in a new page, keeping its console errors, uncaught exceptions and failed requests.
 *
 * @param browser - The browser.
 * @param url - The page.
 * @returns The page once loaded, and its errors so far (the list keeps growing).
 */
export async function openPage(browser: Browser, url: string): Promise<WatchedPage> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors };
}
