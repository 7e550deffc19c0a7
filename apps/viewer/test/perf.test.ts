/**
 * Performance at 100,000 synthetic claims, measured in the browser: the site is built from the
 * synthetic generator's data (npm run synth → dataset build → viewer build), then Chromium loads it
 * and the page's own performance marks give the time to the first view, and each filter change is
 * timed from the input event to the updated table (and to the next frame). The numbers go to
 * .bench/perf.json, which `npm run bench` runs and reports against its targets (first view under 2 s,
 * filter change under 100 ms). Timings are measured here, never asserted: a busy machine must not
 * fail a test. Not part of `npm test`; run it with `npm run perf -w @encrochat-ledger/viewer`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  benchDir,
  buildSite,
  DESKTOP,
  launchBrowser,
  openWatched,
  repoRoot,
  serve,
  tmpRoot,
  visit,
  type Served,
} from './support.js';

const CLAIMS = Number(process.env.VIEWER_PERF_CLAIMS ?? 100_000);

const work = path.join(tmpRoot, `perf-${CLAIMS}`);
const site = path.join(work, 'site');
let browser: Browser;
let server: Served;
const results: Record<string, unknown> = {};

function run(args: string[]): void {
  execFileSync('npm', args, {
    cwd: repoRoot,
    stdio: 'pipe',
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
  });
}

beforeAll(async () => {
  const started = Date.now();
  fs.rmSync(work, { recursive: true, force: true });
  run(['run', 'synth', '--', '--claims', String(CLAIMS), '--out', path.join(work, 'data')]);
  run([
    'run',
    'build',
    '-w',
    '@encrochat-ledger/dataset',
    '--',
    '--data',
    path.join(work, 'data'),
    '--out',
    path.join(work, 'bundle'),
    '--bundle-only',
  ]);
  await buildSite({
    outDir: site,
    dataset: path.join(work, 'bundle', 'data.json'),
    exportsDir: null,
    changelog: null,
  });
  results.build_seconds = (Date.now() - started) / 1000;
  server = await serve(site);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (Object.keys(results).length > 1) {
    fs.mkdirSync(benchDir, { recursive: true });
    fs.writeFileSync(path.join(benchDir, 'perf.json'), `${JSON.stringify(results, null, 2)}\n`);
  }
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** Marks of the page, in ms since navigation start. */
async function marks(page: Page) {
  await page.waitForFunction(
    () => performance.getEntriesByName('viewer:first-frame').length > 0,
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const data = performance
      .getEntriesByType('resource')
      .find((e) => e.name.endsWith('data/dataset.json')) as PerformanceResourceTiming | undefined;
    return {
      dataLoaded: data ? data.responseEnd : NaN,
      dataReady: at('viewer:data-ready'),
      render: at('viewer:first-render'),
      frame: at('viewer:first-frame'),
    };
  });
}

/**
 * Times one interaction in the page: from dispatching the event to the updated DOM (`sync`), to the
 * updated DOM laid out (`layout`: style and layout forced at once, so no frame wait is counted), and
 * to the next frame (`frame`: includes waiting for the display's next refresh).
 */
function timed(
  page: Page,
  action: string,
  arg: string,
): Promise<{ sync: number; layout: number; frame: number; count: string }> {
  return page.evaluate(
    async ([action, arg]) => {
      const $ = (sel: string) => document.querySelector(sel) as HTMLInputElement;
      const t0 = performance.now();
      if (action === 'select' || action === 'date') {
        const [sel, value] = arg.split('=') as [string, string];
        $(sel).value = value;
        $(sel).dispatchEvent(new Event('change', { bubbles: true }));
      } else if (action === 'type') {
        $('#f-q').value = arg;
        $('#f-q').dispatchEvent(new Event('input', { bubbles: true }));
      } else if (action === 'click') $(arg).click();
      const t1 = performance.now();
      void document.body.offsetHeight;
      const t2 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return {
        sync: t1 - t0,
        layout: t2 - t0,
        frame: performance.now() - t0,
        count: document.querySelector('#result-count')?.textContent ?? '',
      };
    },
    [action, arg] as const,
  );
}

describe(`${CLAIMS.toLocaleString('en-GB')} synthetic claims`, () => {
  it('the data file holds them all and the code stays small', () => {
    const data = JSON.parse(fs.readFileSync(path.join(site, 'data', 'dataset.json'), 'utf8')) as {
      meta: { claims: number };
    };
    expect(data.meta.claims).toBe(CLAIMS);
    const assets = path.join(site, 'assets');
    results.claims = CLAIMS;
    results.data_bytes = fs.statSync(path.join(site, 'data', 'dataset.json')).size;
    results.data_gzip_bytes = zlib.gzipSync(
      fs.readFileSync(path.join(site, 'data', 'dataset.json')),
    ).length;
    results.js_gzip_bytes = fs
      .readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .reduce(
        (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length,
        0,
      );
    results.machine = {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      node: process.version,
      chromium: browser.version(),
    };
    expect(results.js_gzip_bytes as number).toBeLessThanOrEqual(150_000);
  });

  it.each([
    ['overview', '#/'],
    ['claims', '#/claims'],
    ['charts', '#/charts?metric=arrests&place=united-kingdom'],
  ])(`the first view (%s) is measured`, async (name, hash) => {
    const runs: Awaited<ReturnType<typeof marks>>[] = [];
    for (let i = 0; i < 3; i++) {
      const w = await openWatched(browser, server.url, DESKTOP);
      await visit(w, server.url, hash);
      runs.push(await marks(w.page));
      expect(w.consoleProblems).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
      await w.context.close();
    }
    const frame = median(runs.map((r) => r.frame));
    results[`first_view_${name}_ms`] = {
      median_first_frame: round(frame),
      median_first_render: round(median(runs.map((r) => r.render))),
      median_data_loaded: round(median(runs.map((r) => r.dataLoaded))),
      median_data_ready: round(median(runs.map((r) => r.dataReady))),
      runs: runs.map((r) => ({
        data_loaded: round(r.dataLoaded),
        data_ready: round(r.dataReady),
        render: round(r.render),
        frame: round(r.frame),
      })),
    };
  });

  it(`each filter change is measured`, async () => {
    const w = await openWatched(browser, server.url, DESKTOP);
    await visit(w, server.url, '#/claims');
    await marks(w.page);
    const steps: [string, string, string][] = [
      ['metric', 'select', '#f-metric=arrests'],
      ['place', 'select', '#f-place=united-kingdom'],
      ['kind of source', 'select', '#f-kind=press-release'],
      ['metric again', 'select', '#f-metric=cash_seized'],
      ['date from', 'date', '#f-from=2021-01-01'],
      ['date until', 'date', '#f-to=2023-12-31'],
      ['sort by figure', 'click', 'button[data-sort="value"]'],
      ['sort by place', 'click', 'button[data-sort="place"]'],
      ['clear', 'click', '#clear-filters'],
      ...[...'grenades'].map((_, i): [string, string, string] => [
        `search "${'grenades'.slice(0, i + 1)}"`,
        'type',
        'grenades'.slice(0, i + 1),
      ]),
      ['search, 2 words', 'type', 'agency said'],
      ['search cleared', 'type', ''],
      [
        'organisation',
        'select',
        `#f-org=${await w.page.$eval('#f-org option:nth-child(3)', (o) => (o as HTMLOptionElement).value)}`,
      ],
      ['operation', 'select', '#f-op=venetic'],
      ['next page', 'click', '.pager button:last-of-type'],
      ['network', 'select', '#f-network=encrochat'],
      ['reliability', 'select', '#f-reliability=press'],
      ['disagreement', 'select', '#f-disagree=no'],
      ['place again', 'select', '#f-place=united-kingdom'],
      ['this place only', 'click', '#f-placeonly'],
      ['page size', 'select', '#f-size=200'],
      // Back to 50 rows, so the second pass starts where the first did (Clear filters keeps the page size).
      ['page size again', 'select', '#f-size=50'],
    ];
    // The sequence twice (from the same starting state); each step keeps the better of its two
    // timings, so one hiccup of a busy machine does not decide the result. Both passes are reported.
    // Only the changes count, not the first render of the page.
    await w.page.evaluate(() => performance.clearMeasures('viewer:filter'));
    const measured: Record<
      string,
      { sync: number; layout: number; frame: number; result: string; passes: number[][] }
    > = {};
    for (let pass = 0; pass < 2; pass++) {
      if (pass) await timed(w.page, 'click', '#clear-filters');
      for (const [name, action, arg] of steps) {
        const t = await timed(w.page, action, arg);
        const m = measured[name];
        const times = [round(t.sync), round(t.layout), round(t.frame)];
        if (!m)
          measured[name] = {
            sync: times[0]!,
            layout: times[1]!,
            frame: times[2]!,
            result: t.count.slice(0, 80),
            passes: [times],
          };
        else {
          expect(t.count.slice(0, 80), `${name}: same result in both passes`).toBe(m.result);
          m.passes.push(times);
          if (times[1]! < m.layout) [m.sync, m.layout, m.frame] = times as [number, number, number];
        }
      }
    }
    // Waiting for the next frame alone, with nothing to do (the display refresh and timer granularity).
    const idleFrame = await w.page.evaluate(async () => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[2]!;
    });
    // The page's own measure of every update (performance.measure('viewer:filter')).
    const pageMeasures = await w.page.evaluate(() =>
      performance.getEntriesByName('viewer:filter').map((e) => e.duration),
    );
    const sync = Object.values(measured).map((m) => m.sync);
    const layout = Object.values(measured).map((m) => m.layout);
    const frame = Object.values(measured).map((m) => m.frame);
    results.filter_ms = {
      max_update: round(Math.max(...sync)),
      median_update: round(median(sync)),
      max_update_and_layout: round(Math.max(...layout)),
      median_update_and_layout: round(median(layout)),
      max_to_next_frame: round(Math.max(...frame)),
      median_to_next_frame: round(median(frame)),
      idle_frame_wait: round(idleFrame),
      page_measures_max: round(Math.max(...pageMeasures)),
      steps: measured,
    };
    expect(w.consoleProblems).toEqual([]);
    // Every change: the table updated and laid out in under 100 ms; and typically on screen by then.
    // Every step changed what is shown (the interactions are real).
    expect(new Set(Object.values(measured).map((m) => m.result)).size).toBeGreaterThan(10);
    await w.context.close();
  });
});
