/** Helpers of the viewer tests: building sites, serving them, driving Chromium (see browser.ts). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { systemTmpdir } from '@encrochat-ledger/test-support/temp-guard';
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

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;
/** The two widths every page is checked at, with the word that names its screenshots. */
export const WIDTHS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

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

/**
 * Where Chromium gets its temporary folder: it puts a Unix socket there, whose path may not exceed
 * 104–108 bytes, so under /tmp when there is one (inside a test run's own temporary folder the path
 * reached 118 bytes and Chromium stopped at launch; macOS's temporary folder is longer still).
 */
const SHORT_TMP = fs.existsSync('/tmp') ? '/tmp' : systemTmpdir();

/**
 * Chromium, with a temporary folder of its own: what it keeps there (org.chromium.Chromium.*, left
 * behind when it crashes or is killed) is removed with the folder after the test or the file that
 * launched it, once the browser is closed.
 */
export async function launchBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: tempDir('chromium', SHORT_TMP) },
  });
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
  viewport: Viewport,
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

/** What the browser tests of one file share: Chromium, the site they test, the pages they open. */
export interface BrowserSession {
  /** The address of the site the session serves, ending in "/". */
  readonly url: string;
  /** A watched page, on the session's site unless `origin` names another; closed with the session unless the test closes it. */
  open(
    viewport?: Viewport,
    options?: { origin?: string; acceptDownloads?: boolean },
  ): Promise<Watched>;
  /** Serves another folder until the session ends. */
  serve(root: string): Promise<Served>;
}

/**
 * Called at the top of a test file: before its tests, serves the built site `root` and launches
 * Chromium; after them, closes every page still open, the browser and every server the session
 * started. `url` is there from the file's first test (and in its own `beforeAll` hooks, which
 * run after the session's).
 */
export function browserSession(root: string): BrowserSession {
  let browser: Browser | undefined;
  let site: Served | undefined;
  const servers: Served[] = [];
  const opened: Watched[] = [];
  const serveFor = async (folder: string) => {
    const served = await serve(folder);
    servers.push(served);
    return served;
  };
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`${what} starts in the session's beforeAll: use it inside a test or a hook.`);
    return value;
  };
  beforeAll(async () => {
    [site, browser] = await Promise.all([serveFor(root), launchBrowser()]);
  });
  afterAll(async () => {
    for (const w of opened) await w.context.close().catch(() => {});
    await browser?.close();
    await Promise.all(servers.map((s) => s.close()));
  });
  return {
    get url() {
      return started(site, 'The site').url;
    },
    async open(viewport = DESKTOP, options = {}) {
      const origin = options.origin ?? started(site, 'The site').url;
      const w = await openWatched(started(browser, 'The browser'), origin, viewport, options);
      opened.push(w);
      return w;
    },
    serve: serveFor,
  };
}

/**
 * The checks every page gets, then closes it: nothing wider than the screen, a screenshot for
 * people to look at, no axe violation, quiet (`expectQuiet`). `reveal` runs after the width is
 * measured and before the screenshot (to open what is folded, so that axe checks it too).
 */
export async function expectCleanPage(
  w: Watched,
  screenshotName: string,
  reveal?: (page: Page) => Promise<void>,
): Promise<void> {
  expect(await horizontalOverflow(w.page), 'horizontal overflow (px)').toBeLessThanOrEqual(0);
  await reveal?.(w.page);
  await screenshot(w.page, screenshotName);
  const violations = await runAxe(w.page);
  expect(violations, describeViolations(violations)).toEqual([]);
  expectQuiet(w);
  await w.context.close();
}

/** Opens every `details` the selector finds ("tables of the figures", folded filters). */
export async function openDetails(page: Page, selector = 'details'): Promise<void> {
  for (const d of await page.locator(selector).all())
    await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
}

/** Tabs on to the next claim link (`.figure-link`, 40 presses at most), opens it with Enter and waits for its address. */
export async function openNextClaimByKeyboard(page: Page): Promise<void> {
  let guard = 0;
  while (
    !(await page.evaluate(() => document.activeElement?.classList.contains('figure-link'))) &&
    guard++ < 40
  )
    await page.keyboard.press('Tab');
  const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  expect(href).toMatch(/^#\/claim\//);
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, href!);
}

/** Goes to a hash route and waits until the app has rendered (or reported a load error). */
export async function visit(w: Watched, origin: string, hash: string): Promise<void> {
  await w.page.goto(`${origin}${hash}`, { waitUntil: 'load' });
  await w.page.waitForSelector('html[data-ready]', { timeout: 300_000 });
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
