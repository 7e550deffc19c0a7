/**
 * Reading the figures, on the real dataset: the Disagreements page (every date where sources
 * disagree, and parts larger than their whole), charts people can read and take away (titles that
 * tell series apart, axis names, the latest value, the legend, marks that never cover each other,
 * PNG, SVG and CSV, copy link, cite), and claim and source pages in words (breakdowns, bounds,
 * languages, the second reading, citations with their address). Plus the rules behind them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildSeries,
  citation as CITATION,
  claimsById,
  claimsTable,
  claimsTableFields,
  dataset,
  findConflicts,
  formatCitation,
  latestTable,
  type LatestRow,
} from '@encrochat-ledger/dataset';
import { markSpacing, spreadApart, TARGET_PX } from '../src/chart.js';
import { datasetBibtex, datasetCitation } from '../src/citation.js';
import { formatEdtf, formatWorded } from '../src/format.js';
import { certainlyAbove, partsAboveWholes, wholeDatedSameOrLater } from '../src/parts.js';
import { toHash } from '../src/state.js';
import { boundsWords, languageName, reviewWords, richText } from '../src/words.js';
import {
  browserSession,
  expectCleanPage,
  expectQuiet,
  openNextClaimByKeyboard,
  DESKTOP,
  horizontalOverflow,
  openDetails,
  repoRoot,
  screenshot,
  sites,
  visit,
  WIDTHS,
} from './support.js';

const byId = new Map(claimsTable.map((r) => [r.claim_id, r]));
const points = buildSeries(claimsTable);
const conflicts = findConflicts(points);
const WORLD_ARRESTS = 'arrests::count:world:::encrochat';
const EUROPOL = 'europol-2023-06-27-dismantling-encrochat-6500-arrests/world-arrests';
const RTL = 'rtl-2023-06-27-demantelement-encrochat-tournant-crime-organise/world-arrests';
const CANNABIS = 'daily-record-2020-07-03-biggest-gangland-bust-ever/scotland-cannabis';
/** A claim whose second reading differed on its date only. */
const AS_OF_REVIEWED = dataset.sources
  .flatMap((s) => s.claims)
  .find((c) => c.review?.differences?.join() === 'as_of' && c.review.note)!;
const AGREED = dataset.sources
  .flatMap((s) => s.claims)
  .find((c) => c.review && !c.review.differences?.length && c.breakdown)!;

describe('rules (no browser)', () => {
  it('a part larger than its whole: on the real data, and each condition', () => {
    const found = partsAboveWholes(
      latestTable,
      dataset.places,
      dataset.operations,
      dataset.metrics,
    );
    const pairs = found.map((f) => `${f.part.series_id} > ${f.whole.series_id}`);
    // 200 murder plots foiled in the UK (5 July 2020) against about 100 worldwide (27 June 2023).
    expect(pairs).toContain(
      'murder_plots_foiled::count:united-kingdom:venetic::encrochat > murder_plots_foiled::count:world:::encrochat',
    );
    for (const f of found) {
      expect(f.whole.organisations ?? []).toEqual([]);
      expect(f.part.metric).toBe(f.whole.metric);
      expect(f.part.unit).toBe(f.whole.unit);
      expect(f.part.breakdown_value).toBe(f.whole.breakdown_value);
      expect((f.part.headline_date_end ?? '') <= (f.whole.headline_date_end ?? '')).toBe(true);
    }
    // A whole dated before the part is not compared (Germany's 3,200 investigations of 2022 against Europe's 1,500 of 2020).
    expect(pairs.some((p) => p.startsWith('investigations_opened::count:germany'))).toBe(false);
    // A whole counted by one organisation is not the place's total (England counted by EMSOU alone).
    expect(pairs.some((p) => p.includes(':england:venetic:emsou:'))).toBe(false);

    const row = (over: Partial<LatestRow>): LatestRow =>
      ({
        series_id: `${over.place}`,
        metric: 'arrests',
        breakdown_key: null,
        breakdown_value: null,
        unit: 'count',
        operation: null,
        organisations: null,
        networks: ['encrochat'],
        headline_qualifier: 'exact',
        headline_min: null,
        headline_max: null,
        headline_date_start: '2021-01-01',
        headline_date_end: '2021-01-01',
        ...over,
      }) as LatestRow;
    const places = [{ id: 'world' }, { id: 'uk', parent: 'world' }, { id: 'kent', parent: 'uk' }];
    const check = (part: Partial<LatestRow>, whole: Partial<LatestRow>) =>
      partsAboveWholes(
        [row({ place: 'kent', ...part }), row({ place: 'world', ...whole })],
        places,
        [],
        [{ id: 'arrests', cumulative: true }],
      ).length;
    expect(check({ headline_value: 10 }, { headline_value: 9 })).toBe(1);
    expect(check({ headline_value: 9 }, { headline_value: 9 })).toBe(0);
    expect(check({ headline_value: 10, headline_qualifier: 'nearly' }, { headline_value: 9 })).toBe(
      0,
    );
    expect(
      check({ headline_value: 9, headline_qualifier: 'more_than' }, { headline_value: 9 }),
    ).toBe(1);
    expect(
      check({ headline_value: 10 }, { headline_value: 9, headline_qualifier: 'more_than' }),
    ).toBe(0);
    expect(
      check(
        { headline_value: 10 },
        { headline_value: 9, headline_date_start: '2020-12-31', headline_date_end: '2020-12-31' },
      ),
    ).toBe(0);
    expect(check({ headline_value: 10 }, { headline_value: 9, organisations: ['nca'] })).toBe(0);
    expect(check({ headline_value: 10 }, { headline_value: 9, unit: 'EUR' })).toBe(0);
    expect(
      check({ headline_value: 10, metric: 'price' }, { headline_value: 9, metric: 'price' }),
    ).toBe(0);
    expect(
      certainlyAbove(
        { low: 9, lowInclusive: false, high: Infinity, highInclusive: false },
        { low: 9, lowInclusive: true, high: 9, highInclusive: true },
      ),
    ).toBe(true);
    // A whole year starting after the part's count began is not its total.
    expect(
      wholeDatedSameOrLater(
        { headline_date_start: '2020-07-02', headline_date_end: '2020-07-02' },
        { headline_date_start: '2021-01-01', headline_date_end: '2021-12-31' },
        true,
      ),
    ).toBe(false);
    expect(
      wholeDatedSameOrLater(
        { headline_date_start: '2020-07-02', headline_date_end: '2020-07-02' },
        { headline_date_start: '2021-03-01', headline_date_end: '2021-03-31' },
        true,
      ),
    ).toBe(true);
  });

  it('marks are spread apart by at least the spacing, each as near its own place as it can be', () => {
    const marks = [
      { x: 100, y: 100 },
      { x: 100, y: 100 },
      { x: 104, y: 102 },
      { x: 300, y: 100 },
      { x: 100, y: 300 },
      ...Array.from({ length: 8 }, () => ({ x: 100, y: 100 })),
    ];
    const box = { left: 0, right: 1000, top: 0, bottom: 1000 };
    const placed = spreadApart(marks, 22, box);
    expect(placed[0]).toEqual({ x: 100, y: 100 });
    expect(placed[3]).toEqual({ x: 300, y: 100 });
    expect(placed[4]).toEqual({ x: 100, y: 300 });
    // The first moved goes sideways, not up or down.
    expect(placed[1]!.y).toBe(100);
    for (let a = 0; a < marks.length; a++)
      for (let b = a + 1; b < marks.length; b++)
        expect(
          Math.hypot(placed[a]!.x - placed[b]!.x, placed[a]!.y - placed[b]!.y),
        ).toBeGreaterThanOrEqual(22 - 1e-9);
    // Packed: eleven marks on one spot stay within two and a half spacings of it (five sideways, then around).
    for (const p of placed.filter((_, k) => k !== 3 && k !== 4))
      expect(Math.hypot(p.x - 100, p.y - 100)).toBeLessThanOrEqual(2.5 * 22 + 1e-9);
    // 24 px targets: about one unit a pixel on a phone, fewer units on a wide screen, never below 14.
    expect(markSpacing(336, 340)).toBeGreaterThanOrEqual(25);
    expect(markSpacing(1114, 720)).toBeLessThan(18);
    expect(markSpacing(5000, 720)).toBe(14);
    // Within the box: no mark pushed past its edge.
    for (const p of spreadApart(
      [
        { x: 10, y: 10 },
        { x: 10, y: 10 },
        { x: 10, y: 10 },
      ],
      22,
      { left: 10, right: 100, top: 10, bottom: 100 },
    )) {
      expect(p.x).toBeGreaterThanOrEqual(10);
      expect(p.y).toBeGreaterThanOrEqual(10);
    }
  });

  it('cites the dataset in the one form of CITATION.cff, as @encrochat-ledger/dataset renders it', () => {
    // The package's citation is CITATION.cff's: packages/dataset/test/citation.test.ts checks it for drift.
    const cff = fs.readFileSync(path.join(repoRoot, 'CITATION.cff'), 'utf8');
    expect(cff).toContain(`  title: '${CITATION.title}'`);
    expect(datasetCitation('1.2.3')).toBe(formatCitation('1.2.3'));
    expect(datasetCitation('1.2.3')).toBe(
      `${CITATION.authors[0]!.name}. ${CITATION.title}, version 1.2.3 [data set]. CC BY 4.0. ${CITATION.artifact}/v/1.2.3`,
    );
    expect(datasetBibtex('1.2.3')).toBe(formatCitation('1.2.3', { format: 'bibtex' }));
  });

  it('puts fields in words: languages, bounds, second readings, code spans', () => {
    expect(languageName('nl')).toBe('Dutch');
    expect(languageName('fr')).toBe('French');
    expect(
      boundsWords({ qualifier: 'more_than', value: 6500, min: 6500, max: null, unit: 'count' }),
    ).toBe('more than 6,500 (not 6,500 itself), with no upper limit');
    expect(boundsWords({ qualifier: 'range', value: null, min: 2000, max: 3000, unit: 'kg' })).toBe(
      'between 2 tonnes and 3 tonnes, both included',
    );
    expect(
      reviewWords({ status: 'reviewed', date: '2026-12-02', method: 'independent-second-reading' })
        .summary,
    ).toBe('Read twice: a second reader, blind, agreed.');
    expect(
      reviewWords({
        status: 'reviewed',
        date: '2026-12-02',
        method: 'independent-second-reading',
        differences: ['as_of'],
        note: 'x',
      }).summary,
    ).toBe(
      'Read twice: a second reader, blind, differed on the date it refers to (as_of); resolved:',
    );
    // Code spans need a DOM (richText makes elements): the pages are checked for backticks in the browser.
    expect(richText('no code here')).toEqual(['no code here']);
  });
});

const session = browserSession(sites.default);

const PAGES: [name: string, hash: string][] = [
  ['disagreements', '#/disagreements'],
  ['disagreements-world-arrests', '#/disagreements?metric=arrests&place=world'],
  ['charts-uk-arrests', '#/charts?metric=arrests&place=united-kingdom'],
  ['charts-uk-drugs', '#/charts?metric=drugs_seized&place=united-kingdom'],
  [
    'chart-world-arrests',
    `#/charts?metric=arrests&place=world&series=${encodeURIComponent(WORLD_ARRESTS)}`,
  ],
  ['claim-breakdown', `#/claim/${encodeURIComponent(CANNABIS)}`],
  ['claim-review', `#/claim/${encodeURIComponent(AS_OF_REVIEWED.id)}`],
  ['source-europol', `#/source/${EUROPOL.split('/')[0]}`],
  ['overview-marks', '#/'],
];

describe('pages of this part', () => {
  for (const [label, viewport] of WIDTHS) {
    it.each(PAGES)(
      `%s at ${label} width: axe clean, within the screen, quiet`,
      async (name, hash) => {
        const w = await session.open(viewport);
        await visit(w, session.url, hash);
        await w.page.locator('h1').first().waitFor({ state: 'visible' });
        expect(await w.page.locator('html').getAttribute('data-ready')).toBe('true');
        await expectCleanPage(w, `figures-${name}-${label}`, async (page) => {
          await openDetails(page);
          // Open the citation panels so that axe checks them too.
          for (const b of await page.locator('button[data-action="cite"]').all()) await b.click();
        });
      },
    );
  }
});

describe('disagreements', () => {
  it('lists every date where sources disagree, with figures, sources, reliability and dates, and the worldwide arrests of 27 June 2023', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/disagreements');
    const listed = await w.page.$$eval('article.disagreement', (els) =>
      els.map((e) => e.getAttribute('data-conflict')!),
    );
    expect(listed.sort()).toEqual(conflicts.map((c) => c.conflict_id).sort());
    const world = w.page.locator(
      `article.disagreement[data-conflict="${WORLD_ARRESTS}@2023-06-27"]`,
    );
    const text = (await world.textContent())!;
    expect(text).toContain('27 June 2023');
    expect(text).toContain('Arrests — World, 27 June 2023');
    const europol = world.locator(`li[data-claim="${EUROPOL}"]`);
    expect(await europol.locator('a.figure-link').textContent()).toBe('6,558');
    expect(await europol.locator('a.figure-link').getAttribute('href')).toBe(
      `#/claim/${encodeURIComponent(EUROPOL)}`,
    );
    expect(await europol.textContent()).toContain('Europol via Il Metropolitano');
    expect(await europol.textContent()).toContain('official copy');
    expect(await europol.textContent()).toContain('best figure');
    const rtl = world.locator(`li[data-claim="${RTL}"]`);
    expect(await rtl.locator('a.figure-link').textContent()).toBe('6,658');
    expect(await rtl.textContent()).toContain('RTL Info');
    expect(await rtl.textContent()).toContain('press');
    expect(await rtl.textContent()).toContain('disagrees with the best figure');
    expect(await rtl.textContent()).toContain('as of 27 June 2023');
    // Every claim of each conflict is listed.
    for (const c of conflicts.slice(0, 5)) {
      const ids = await w.page.$$eval(
        `article.disagreement[data-conflict="${c.conflict_id}"] li[data-claim]`,
        (els) => els.map((e) => e.getAttribute('data-claim')!),
      );
      expect(ids.sort()).toEqual(c.claims.map((r) => r.claim_id).sort());
    }
    // Parts larger than their whole, saying what is compared.
    const part = w.page.locator(
      'article.part-above-whole[data-place="united-kingdom"][data-metric="murder_plots_foiled"]',
    );
    expect(await part.count()).toBe(1);
    expect(await part.locator('.compared').textContent()).toContain(
      'same metric, unit (count) and breakdown',
    );
    expect(await w.page.locator('article.part-above-whole').count()).toBe(
      partsAboveWholes(latestTable, dataset.places, dataset.operations, dataset.metrics).length,
    );
    expectQuiet(w);
  });

  it('is linked from the navigation and from a card’s mark, which opens its own', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/');
    expect(
      await w.page.locator('nav[aria-label="Main"] a[href="#/disagreements"]').textContent(),
    ).toBe('Disagreements');
    const mark = w.page.locator(
      'article.card[data-metric="arrests"][data-place="world"] a[data-disagreement="conflict"]',
    );
    expect(await mark.textContent()).toBe('sources disagree');
    await mark.click();
    await w.page.waitForFunction(
      () => location.hash === '#/disagreements?metric=arrests&place=world',
    );
    await expect
      .poll(() => w.page.locator('article.disagreement').count())
      .toBe(
        conflicts.filter((c) => c.series_id.startsWith('arrests:') && c.best.place === 'world')
          .length,
      );
    expect(
      await w.page
        .locator(`article.disagreement[data-conflict="${WORLD_ARRESTS}@2023-06-27"]`)
        .count(),
    ).toBe(1);
    expect(await w.page.inputValue('#d-metric')).toBe('arrests');
    // The overview says how many parts are larger than their whole.
    await visit(w, session.url, '#/');
    expect(await w.page.locator('.page-head').textContent()).toMatch(
      /of a place above that of a place containing it/,
    );
    expectQuiet(w);
  });

  it('works with the keyboard: the filters and a claim', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/disagreements');
    await w.page.focus('#d-metric');
    await w.page.keyboard.press('ArrowDown');
    const metric = await w.page.inputValue('#d-metric');
    expect(metric).not.toBe('');
    // A keyboard choice waits for Enter.
    expect(new URL(w.page.url()).hash).toBe('#/disagreements');
    await w.page.keyboard.press('Enter');
    expect(new URL(w.page.url()).hash).toBe(`#/disagreements?metric=${metric}`);
    await openNextClaimByKeyboard(w.page);
    expectQuiet(w);
  });
});

describe('charts people can read', () => {
  it('titles tell series apart, the axis names what is counted, the latest value is written, and the legend has every mark drawn', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/charts?metric=drugs_seized&place=united-kingdom');
    const titles = await w.page.$$eval('.chart-title', (els) => els.map((e) => e.textContent!));
    expect(titles.length).toBeGreaterThan(1);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.some((t) => /^Drugs seized \(cannabis\) — United Kingdom/.test(t))).toBe(true);

    await visit(w, session.url, '#/charts?metric=arrests&place=united-kingdom');
    const charts = w.page.locator('figure.chart');
    for (const chart of await charts.all()) {
      expect(await chart.locator('.axis-label').textContent()).toMatch(/^people arrested/);
      expect(await chart.locator('.latest-label').count()).toBe(1);
      const legend = new Set(
        await chart
          .locator('.legend li')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!)),
      );
      const drawn = await chart.locator('a.mark').evaluateAll((els) =>
        els.flatMap((e) => {
          const keys = [e.classList.contains('best') ? 'best' : 'alt'];
          if (e.querySelector('.period')) keys.push('period');
          if (e.querySelector('.ring')) keys.push('conflict');
          if (e.querySelector('.moved')) keys.push('moved');
          const q = [...e.classList].find((c) => c.startsWith('q-'))!.slice(2);
          keys.push(
            {
              exact: 'exact',
              approximate: 'approximate',
              more_than: 'above',
              at_least: 'above',
              nearly: 'below',
              up_to: 'below',
              range: 'range',
            }[q] ?? q,
          );
          return keys;
        }),
      );
      for (const key of drawn)
        expect(legend, `legend of ${await chart.locator('.chart-title').textContent()}`).toContain(
          key,
        );
    }
    // The latest value written is the latest best figure of the first chart.
    const first = charts.first();
    const latestClaim = byId.get(
      (await first.locator('.latest-label').getAttribute('data-claim'))!,
    )!;
    expect(await first.locator('.latest-label').textContent()).toBe(formatWorded(latestClaim));
    // Period bars at 3:1 contrast or more against the plot.
    const contrast = await w.page.evaluate(() => {
      const lum = (rgb: string) => {
        const [r, g, b] = rgb
          .match(/\d+/g)!
          .slice(0, 3)
          .map((v) => Number(v) / 255)
          .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      return [...document.querySelectorAll('.mark .period')].map((el) => {
        const style = getComputedStyle(el);
        return Number(style.opacity) === 1 ? 1.05 / (lum(style.stroke) + 0.05) : 0;
      });
    });
    expect(contrast.length).toBeGreaterThan(0);
    for (const c of contrast) expect(c).toBeGreaterThanOrEqual(3);
    expectQuiet(w);
  });

  for (const [label, viewport] of WIDTHS)
    it(`spreads overlapping marks so that each can be hovered and tapped (${label})`, async () => {
      const w = await session.open(viewport);
      for (const hash of [
        '#/charts?metric=arrests&place=united-kingdom',
        '#/charts?metric=arrests&place=world',
        '#/charts?metric=drugs_seized&place=netherlands',
      ]) {
        await visit(w, session.url, hash);
        const result = await w.page.$$eval('figure.chart', (figures) =>
          figures.map((figure) => {
            // Centres of the targets as shown, in CSS pixels.
            const hits = [...figure.querySelectorAll('a.mark .hit')].map((c) => {
              const box = c.getBoundingClientRect();
              return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
            });
            let closest = Infinity;
            for (let a = 0; a < hits.length; a++)
              for (let b = a + 1; b < hits.length; b++)
                closest = Math.min(
                  closest,
                  Math.hypot(hits[a]!.x - hits[b]!.x, hits[a]!.y - hits[b]!.y),
                );
            // The mark found at the centre of each target is that mark: none is covered by another.
            const reachable = [...figure.querySelectorAll('a.mark')].every((mark) => {
              const box = mark.querySelector('.hit')!.getBoundingClientRect();
              mark.scrollIntoView({ block: 'center' });
              const again = mark.querySelector('.hit')!.getBoundingClientRect();
              const found = document.elementFromPoint(
                again.left + again.width / 2,
                again.top + again.height / 2,
              );
              return box.width > 0 && found?.closest('a.mark') === mark;
            });
            const target = Math.min(
              ...[...figure.querySelectorAll('a.mark .hit')].map(
                (c) => c.getBoundingClientRect().width,
              ),
            );
            return { closest, reachable, target, marks: hits.length };
          }),
        );
        for (const chart of result) {
          if (chart.marks > 1) expect(chart.closest).toBeGreaterThanOrEqual(TARGET_PX);
          expect(chart.reachable).toBe(true);
          // Targets of 24 CSS pixels or more.
          expect(chart.target).toBeGreaterThanOrEqual(TARGET_PX);
        }
      }
      expectQuiet(w);
    });

  it('draws a series of one date compactly', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/charts?metric=arrests&place=united-kingdom');
    const heights = await w.page.$$eval('figure.chart', (els) =>
      els.map((e) => ({
        single: e.classList.contains('single'),
        height: e.querySelector('svg')!.getBoundingClientRect().height,
      })),
    );
    const single = heights.filter((c) => c.single);
    const several = heights.filter((c) => !c.single);
    expect(single.length).toBeGreaterThan(0);
    expect(several.length).toBeGreaterThan(0);
    expect(Math.max(...single.map((c) => c.height))).toBeLessThan(
      Math.min(...several.map((c) => c.height)) * 0.75,
    );
    expectQuiet(w);
  });

  it('downloads a chart as PNG and SVG, and its figures as CSV', async () => {
    const w = await session.open(DESKTOP, { acceptDownloads: true });
    await visit(
      w,
      session.url,
      `#/charts?metric=arrests&place=world&series=${encodeURIComponent(WORLD_ARRESTS)}`,
    );
    expect(await w.page.locator('figure.chart').count()).toBe(1);
    // The table of its figures names Europol's release as Europol's, copied by the site it was read on.
    const europolRow = w.page.locator(
      `.chart-table tr:has(a[href="#/claim/${encodeURIComponent(EUROPOL)}"])`,
    );
    expect(await europolRow.locator('td').nth(2).textContent()).toContain(
      '— Europol via Il Metropolitano, 27 June 2023',
    );
    const take = async (format: string) => {
      const [download] = await Promise.all([
        w.page.waitForEvent('download'),
        w.page.click(`button[data-download="${format}"]`),
      ]);
      return {
        name: download.suggestedFilename(),
        bytes: fs.readFileSync((await download.path())!),
      };
    };
    const png = await take('png');
    expect(png.name).toMatch(
      /^encrochat-ledger-\d+\.\d+\.\d+.*-arrests-count-world-encrochat\.png$/,
    );
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the drawing's size, and not blank: the IHDR width and height.
    expect(png.bytes.readUInt32BE(16)).toBe(1440);
    expect(png.bytes.length).toBeGreaterThan(5000);

    const svg = await take('svg');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).toContain('Arrests — World');
    expect(text).toContain('Source: encrochat-ledger');
    expect(text).not.toMatch(/\bhref=|class="hit"|<a\b|var\(--/);
    // The SVG opens on its own in the browser.
    const opensAlone = await w.page.evaluate(async (source) => {
      const image = new Image();
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
      await image.decode();
      return image.naturalWidth;
    }, text);
    expect(opensAlone).toBe(720);

    const csv = await take('csv');
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(claimsTableFields.map((f) => f.name).join(','));
    const expected = claimsTable.filter((r) =>
      points.some((p) => p.series_id === WORLD_ARRESTS && p.candidates.includes(r)),
    );
    expect(
      lines
        .slice(1, -1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(expected.map((r) => r.claim_id).sort());
    expectQuiet(w);
  });

  it('copies the chart’s link and cites it with its address, from the keyboard', async () => {
    const w = await session.open();
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.url,
    });
    await visit(w, session.url, '#/charts?metric=arrests&place=world');
    const chart = w.page.locator('figure.chart').first();
    const address = `${session.url}${toHash('charts', { metric: 'arrests', place: 'world', series: WORLD_ARRESTS })}`;
    // Tab from the place select to the first chart's buttons.
    await w.page.focus('#chart-place');
    await w.page.keyboard.press('Tab');
    let guard = 0;
    while (
      (await w.page.evaluate(() => document.activeElement?.getAttribute('data-action'))) !==
        'copy-link' &&
      guard++ < 10
    )
      await w.page.keyboard.press('Tab');
    await w.page.keyboard.press('Enter');
    await expect
      .poll(() => chart.locator('.copy-status').first().textContent())
      .toBe('Link copied');
    const copied = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(address);
    // The copied address opens that chart alone.
    await visit(w, session.url, new URL(copied).hash);
    expect(await w.page.locator('figure.chart').count()).toBe(1);
    expect(await w.page.locator('.chart-title').textContent()).toMatch(/^Arrests — World/);

    await w.page.keyboard.press('Tab');
    guard = 0;
    while (
      (await w.page.evaluate(() => document.activeElement?.getAttribute('data-action'))) !==
        'cite' &&
      guard++ < 40
    )
      await w.page.keyboard.press('Tab');
    await w.page.keyboard.press('Enter');
    const citation = (await w.page.locator('[data-citation="chart"]').textContent())!;
    expect(citation).toContain(CITATION.title);
    expect(citation).toContain(`version ${dataset.version} [data set]`);
    expect(citation).toContain('Chart “Arrests — World');
    expect(citation).toContain(copied);
    await w.page.keyboard.press('Tab');
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    expectQuiet(w);
  });
});

describe('claim and source pages in words', () => {
  it('a claim shows its breakdown, its bounds in words, the language by name, the second reading and a citation with its address', async () => {
    const w = await session.open();
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.url,
    });
    const row = byId.get(CANNABIS)!;
    await visit(w, session.url, `#/claim/${encodeURIComponent(CANNABIS)}`);
    expect(await w.page.locator('h1 .metric').textContent()).toBe('Drugs seized (cannabis): ');
    expect(await w.page.title()).toMatch(/^Drugs seized \(cannabis\): /);
    const facts = (await w.page.locator('.facts').first().textContent())!;
    expect(facts).not.toContain('Bounds');
    expect(facts).toContain('Figures it allows');
    expect(await w.page.locator('main').textContent()).not.toContain('`');
    expect(await w.page.locator('.facts').nth(1).textContent()).toContain(
      languageName(row.source_language),
    );
    const citation = (await w.page.locator('#claim-citation').textContent())!;
    expect(citation).toContain(`${session.url}#/claim/${encodeURIComponent(CANNABIS)}`);
    expect(citation).toContain(CITATION.title);
    await w.page.click('button[data-action="copy-citation"]');
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText())).toBe(citation);

    // The second reading, in words.
    await visit(w, session.url, `#/claim/${encodeURIComponent(AS_OF_REVIEWED.id)}`);
    const review = w.page.locator('section.review');
    expect(await review.getAttribute('data-review')).toBe('resolved');
    expect(await review.locator('.review-summary').textContent()).toContain(
      'Read twice: a second reader, blind, differed on the date it refers to (as_of); resolved:',
    );
    expect(await review.locator('.review-summary').textContent()).toContain(
      AS_OF_REVIEWED.review!.note!.slice(0, 30),
    );
    await visit(w, session.url, `#/claim/${encodeURIComponent(AGREED.id)}`);
    expect(await w.page.locator('section.review .review-summary').textContent()).toContain(
      'Read twice: a second reader, blind, agreed.',
    );
    expect(await w.page.locator('h1 .metric').textContent()).toContain('(');
    expectQuiet(w);
  });

  it('the About page cites the release in the same form, text and BibTeX, with a button that copies it', async () => {
    const w = await session.open();
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: session.url,
    });
    await visit(w, session.url, '#/about');
    const text = formatCitation(dataset.version);
    expect(await w.page.locator('#citation').textContent()).toBe(text);
    expect(await w.page.locator('#citation-bibtex').textContent()).toBe(
      formatCitation(dataset.version, { format: 'bibtex' }),
    );
    await w.page.click('button[data-action="copy-citation"]');
    await expect.poll(() => w.page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    expectQuiet(w);
  });

  it('a source shows its language by name, its claims with their breakdowns, and a citation with its address', async () => {
    const w = await session.open();
    const sourceId = CANNABIS.split('/')[0]!;
    await visit(w, session.url, `#/source/${sourceId}`);
    const source = dataset.sources.find((s) => s.id === sourceId)!;
    expect(await w.page.locator('.facts').textContent()).toContain(
      `Language${languageName(source.language)}`,
    );
    expect(
      await w.page.locator('a.figure-link', { hasText: 'Drugs seized (cannabis):' }).count(),
    ).toBeGreaterThan(0);
    expect(await w.page.locator('#source-citation').textContent()).toContain(
      `${session.url}#/source/${sourceId}`,
    );
    expect(await w.page.locator('main').textContent()).not.toContain('`');
    // A French source: "French", not "fr".
    const french = dataset.sources.find((s) => s.language === 'fr')!;
    await visit(w, session.url, `#/source/${french.id}`);
    expect(await w.page.locator('.facts').textContent()).toContain('LanguageFrench');
    expect(formatEdtf(source.published ?? '')).not.toBe('');
    expect(claimsById.get(CANNABIS)).toBeDefined();
    expectQuiet(w);
  });
});

describe('hostile strings stay inert on these pages and in the files they make', () => {
  it('on the Disagreements page, a chart’s citation and its SVG', async () => {
    const hostile = await session.serve(sites.hostile);
    const w = await session.open(DESKTOP, { origin: hostile.url, acceptDownloads: true });
    const inspect = () =>
      w.page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        handlers: [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes]
            .filter((a) => /^on/i.test(a.name))
            .map((a) => `${el.tagName}[${a.name}]`),
        ),
        scripts: [...document.scripts].map((s) => s.getAttribute('src') ?? 'inline'),
        links: [...document.querySelectorAll('a[href]')]
          .map((a) => a.getAttribute('href')!)
          .filter((href) => !/^(#\/|#main$|https?:\/\/)/.test(href)),
      }));
    for (const hash of ['#/disagreements', '#/charts?metric=arrests&place=united-kingdom']) {
      await visit(w, hostile.url, hash);
      for (const b of await w.page.locator('button[data-action="cite"]').all()) await b.click();
      const dom = await inspect();
      expect(dom.pwned).toBeNull();
      expect(dom.handlers).toEqual([]);
      expect(dom.scripts.every((s) => /^\.\/assets\/[\w.-]+\.js$/.test(s))).toBe(true);
      expect(dom.links).toEqual([]);
      expect(await horizontalOverflow(w.page)).toBeLessThanOrEqual(0);
    }
    if (await w.page.locator('button[data-download="svg"]').count()) {
      const [download] = await Promise.all([
        w.page.waitForEvent('download'),
        w.page.locator('button[data-download="svg"]').first().click(),
      ]);
      const svg = fs.readFileSync((await download.path())!, 'utf8');
      // Parsed as the SVG document it is: the hostile strings are text, never elements or attributes.
      const parsed = await w.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const all = [...doc.querySelectorAll('*')];
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          tags: [...new Set(all.map((el) => el.tagName))].sort(),
          attributes: [
            ...new Set(all.flatMap((el) => [...el.attributes].map((a) => a.name))),
          ].filter((a) => /^on|href$/i.test(a)),
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(
        parsed.tags.every((t) =>
          ['svg', 'g', 'rect', 'text', 'line', 'circle', 'path', 'polyline'].includes(t),
        ),
        parsed.tags.join(),
      ).toBe(true);
      expect(parsed.attributes).toEqual([]);
    }
    await screenshot(w.page, 'figures-hostile-charts-desktop');
    expectQuiet(w);
  });
});
