/** Helpers of the viewer tests: building sites, serving them, driving Chromium (see browser.ts). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { findBrowser } from './browser.js';
import { viewerConfig, type ViewerOptions } from '../build/config.js';
import { startServer } from '../serve.mjs';

export const viewerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(viewerRoot, '../..');
/** Where the tests build their sites; VIEWER_TEST_TMP gives two test runs at once folders of their own. */
export const tmpRoot = process.env.VIEWER_TEST_TMP
  ? path.resolve(process.env.VIEWER_TEST_TMP)
  : path.join(viewerRoot, '.tmp', 'test');
export const screenshotsDir = path.join(viewerRoot, 'screenshots');
export const benchDir = path.join(viewerRoot, '.bench');

/** The sites global-setup builds. */
export const sites = {
  default: path.join(tmpRoot, 'site-default'),
  hostile: path.join(tmpRoot, 'site-hostile'),
  exportsFixture: path.join(tmpRoot, 'exports-fixture'),
  hostileBundle: path.join(tmpRoot, 'hostile-bundle'),
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** No console error or warning, no page error, no dialog, nothing requested from another origin. */
export function expectQuiet(w: Watched): void {
  expect(w.consoleProblems, 'console errors or warnings').toEqual([]);
  expect(w.pageErrors, 'uncaught errors').toEqual([]);
  expect(w.dialogs, 'dialogs').toEqual([]);
  expect(w.foreignRequests, 'requests to other origins').toEqual([]);
}

/** Builds the viewer into `outDir` with Vite's API (the same configuration as `npm run build`). */
export async function buildSite(options: ViewerOptions & { outDir: string }): Promise<void> {
  await build({ ...viewerConfig(options), configFile: false, logLevel: 'error' });
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}
export const serve = (root: string): Promise<Served> => startServer({ root, port: 0 });

/** A page with everything it reports: console errors and warnings, page errors, dialogs, other-origin requests. */
export interface Watched {
  context: BrowserContext;
  page: Page;
  consoleProblems: string[];
  pageErrors: string[];
  dialogs: string[];
  foreignRequests: string[];
  requests: string[];
}

export async function openWatched(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
  options: { acceptDownloads?: boolean } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport,
    acceptDownloads: options.acceptDownloads ?? false,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const w: Watched = {
    context,
    page,
    consoleProblems: [],
    pageErrors: [],
    dialogs: [],
    foreignRequests: [],
    requests: [],
  };
  const own = new URL(origin).origin;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      w.consoleProblems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  context.on('request', (r) => {
    const url = r.url();
    w.requests.push(url);
    if (url.startsWith('blob:') ? !url.startsWith(`blob:${own}/`) : new URL(url).origin !== own)
      w.foreignRequests.push(url);
  });
  return w;
}

/** Goes to a hash route and waits until the app has rendered (or reported a load error). */
export async function visit(w: Watched, origin: string, hash: string): Promise<void> {
  await w.page.goto(`${origin}${hash}`, { waitUntil: 'load' });
  await w.page.waitForSelector('html[data-ready]', { timeout: 30_000 });
}

const axeSource = fs.readFileSync(
  path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * Runs axe-core in the page. The source is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so the CSP stays in force during the check (no
 * bypassCSP).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded === 'undefined') await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}  ${n.html}`).join('\n')}`,
    )
    .join('\n');
}

/** Writes a screenshot for people to look at (screenshots/ is git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  // The whole page, up to 8,000 px: a person reads no further, and huge images are slow to take.
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: path.join(screenshotsDir, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 8000) },
  });
}

/** The page's horizontal overflow: document width minus the viewport width (0 when the layout holds). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
