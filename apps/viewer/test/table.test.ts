/**
 * The claims table, the Download and About pages and the timeline on the real data, in Chromium:
 * each filter (network, reliability, disagreement, this place only…) with the count beside every
 * option, Back through the filters, the JSON of a view against its rows, selects the arrow keys can
 * go through without applying every option, the searchable source picker, page sizes and labels;
 * the Download page of a site built without exports (the bundle and the claims CSV it makes) and of
 * one whose exports hold the release archive; the repository, corrections and changelog links; the
 * timeline's years and search; axe at desktop and phone width, the keyboard, and screenshots.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSeries,
  claimsTable,
  dataset,
  findConflicts,
  type ClaimsTableRow,
} from '@encrochat-ledger/dataset';
import { claimsCsv } from '../src/csv.js';
import { formatBytes, vocabularyLabel } from '../src/format.js';
import { fold } from '../src/query.js';
import type { ClaimFilters } from '../src/state.js';
import { datasetPackageDir } from '../build/config.js';
import {
  browserSession,
  buildSite,
  expectCleanPage,
  expectQuiet,
  DESKTOP,
  openDetails,
  PHONE,
  sites,
  tmpRoot,
  visit,
  WIDTHS,
  type Served,
  type Watched,
} from './support.js';

const noExportsSite = path.join(tmpRoot, 'site-table-no-exports');
const archiveSite = path.join(tmpRoot, 'site-table-archive');
const archiveExports = path.join(tmpRoot, 'exports-table-archive');
const ARCHIVE_NAME = `encrochat-ledger-${dataset.version}-tables.tar.gz`;

const session = browserSession(sites.default);
let bare: Served;
let withArchive: Served;

beforeAll(async () => {
  const bundle = path.join(datasetPackageDir(), 'dist', 'data.json');
  // The exports of a release: a table with its row count in datapackage.json, and the archive.
  fs.rmSync(archiveExports, { recursive: true, force: true });
  const inner = path.join(archiveExports, '.staging', `encrochat-ledger-${dataset.version}-tables`);
  fs.mkdirSync(inner, { recursive: true });
  fs.writeFileSync(path.join(archiveExports, 'claims.csv'), claimsCsv(claimsTable.slice(0, 3)));
  fs.writeFileSync(
    path.join(archiveExports, 'datapackage.json'),
    JSON.stringify({ resources: [{ path: 'claims.csv', 'encrochat:rows': 3 }] }),
  );
  fs.copyFileSync(path.join(archiveExports, 'claims.csv'), path.join(inner, 'claims.csv'));
  execFileSync('tar', [
    '-czf',
    path.join(archiveExports, ARCHIVE_NAME),
    '-C',
    path.dirname(inner),
    path.basename(inner),
  ]);
  fs.rmSync(path.join(archiveExports, '.staging'), { recursive: true });
  await buildSite({ outDir: noExportsSite, dataset: bundle, exportsDir: null, changelog: null });
  await buildSite({
    outDir: archiveSite,
    dataset: bundle,
    exportsDir: archiveExports,
    changelog: null,
  });
  [bare, withArchive] = await Promise.all([
    session.serve(noExportsSite),
    session.serve(archiveSite),
  ]);
});

// The filters, written plainly over the dataset package's claims table.
const parentOf = new Map(dataset.places.map((p) => [p.id, p.parent ?? undefined]));
const opParent = new Map(dataset.operations.map((o) => [o.id, o.parent ?? undefined]));
const within = (id: string | null, ancestor: string, parents: Map<string, string | undefined>) => {
  for (let p: string | undefined = id ?? undefined, n = 0; p && n < 20; p = parents.get(p), n++)
    if (p === ancestor) return true;
  return false;
};
const points = buildSeries(claimsTable);
const conflictIds = new Set(findConflicts(points).map((c) => c.conflict_id));
const disagreeing = new Set(
  points
    .filter((p) => conflictIds.has(`${p.series_id}@${p.period}`))
    .flatMap((p) => p.candidates.map((c) => c.claim_id)),
);

function plainFilter(f: ClaimFilters): ClaimsTableRow[] {
  const words = f.q ? fold(f.q).split(/\s+/).filter(Boolean) : [];
  return claimsTable.filter(
    (r) =>
      (!f.metric || r.metric === f.metric) &&
      (!f.place || (f.placeonly ? r.place === f.place : within(r.place, f.place, parentOf))) &&
      (!f.org || r.organisations?.includes(f.org) || r.attributed_organisation === f.org) &&
      (!f.op || within(r.operation, f.op, opParent)) &&
      (!f.network ||
        (r.networks?.includes(f.network) && (!f.networkonly || r.networks.length === 1))) &&
      (!f.source || r.source_id === f.source) &&
      (!f.kind || r.source_kind === f.kind) &&
      (!f.reliability || r.source_reliability === f.reliability) &&
      (!f.disagree || disagreeing.has(r.claim_id) === (f.disagree === 'yes')) &&
      (!f.from || (r.as_of_end !== null ? r.as_of_end >= f.from : r.as_of_start !== null)) &&
      (!f.to || (r.as_of_start !== null && r.as_of_start <= f.to)) &&
      words.every((w) => fold(r.quote).includes(w)),
  );
}

const SELECTS = {
  metric: 'f-metric',
  place: 'f-place',
  network: 'f-network',
  org: 'f-org',
  op: 'f-op',
  kind: 'f-kind',
  reliability: 'f-reliability',
  disagree: 'f-disagree',
} as const;

const shownCount = async (w: Watched) =>
  Number(
    ((await w.page.locator('#result-count').textContent()) ?? '')
      .replace(/,/g, '')
      .match(/^(\d+) claim/)![1],
  );

/** The count beside every option of a select, by option value ('' for "any"). */
async function optionCounts(w: Watched, id: string): Promise<Map<string, number>> {
  const options = await w.page.$$eval(`#${id} option`, (els) =>
    els.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const),
  );
  return new Map(
    options.map(([value, text]) => [
      value,
      Number(/\(([\d,]+)\)$/.exec(text)![1]!.replace(/,/g, '')),
    ]),
  );
}

/** Every select's counts are those of the plain filter with that one option changed. */
async function expectCounts(w: Watched, f: ClaimFilters): Promise<void> {
  expect(await shownCount(w)).toBe(plainFilter(f).length);
  for (const [facet, id] of Object.entries(SELECTS) as [keyof typeof SELECTS, string][]) {
    const counts = await optionCounts(w, id);
    for (const [value, n] of counts) {
      const other = { ...f, [facet]: value || undefined };
      if (!value && facet === 'place') delete other.placeonly;
      if (!value && facet === 'network') delete other.networkonly;
      expect(n, `${facet}=${value || '(any)'} with ${JSON.stringify(f)}`).toBe(
        plainFilter(other).length,
      );
    }
  }
}

describe('claims table: the new filters', () => {
  it('filters by network, reliability, disagreement and this place only, with the count beside every option', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    await expectCounts(w, {});
    // Options are labelled for people.
    const kindLabels = await w.page.$$eval('#f-kind option', (els) =>
      els.map((o) => o.textContent ?? ''),
    );
    expect(kindLabels.some((t) => t.startsWith('court summary ('))).toBe(true);
    expect(kindLabels.join(' ')).not.toMatch(/court-summary|news-article|press-release/);
    expect(
      await w.page.$$eval('#f-reliability option', (els) => els.map((o) => o.textContent ?? '')),
    ).toContain(`official copy (${plainFilter({ reliability: 'official-copy' }).length})`);

    const steps: [string, string, ClaimFilters, string][] = [
      ['#f-network', 'sky-ecc', { network: 'sky-ecc' }, '#/claims?network=sky-ecc'],
      [
        '#f-reliability',
        'press',
        { network: 'sky-ecc', reliability: 'press' },
        '#/claims?network=sky-ecc&reliability=press',
      ],
      [
        '#f-network',
        'encrochat',
        { network: 'encrochat', reliability: 'press' },
        '#/claims?network=encrochat&reliability=press',
      ],
      [
        '#f-disagree',
        'yes',
        { network: 'encrochat', reliability: 'press', disagree: 'yes' },
        '#/claims?network=encrochat&reliability=press&disagree=yes',
      ],
      [
        '#f-reliability',
        '',
        { network: 'encrochat', disagree: 'yes' },
        '#/claims?network=encrochat&disagree=yes',
      ],
      [
        '#f-place',
        'united-kingdom',
        { place: 'united-kingdom', network: 'encrochat', disagree: 'yes' },
        '#/claims?place=united-kingdom&network=encrochat&disagree=yes',
      ],
      [
        '#f-disagree',
        'no',
        { place: 'united-kingdom', network: 'encrochat', disagree: 'no' },
        '#/claims?place=united-kingdom&network=encrochat&disagree=no',
      ],
    ];
    for (const [selector, value, f, hash] of steps) {
      await w.page.selectOption(selector, value);
      expect(new URL(w.page.url()).hash).toBe(hash);
      await expectCounts(w, f);
    }
    // This place only: the checkbox gives its count, then the place's options count their own claims.
    const placeOnly = plainFilter({
      place: 'united-kingdom',
      placeonly: '1',
      network: 'encrochat',
      disagree: 'no',
    }).length;
    expect(placeOnly).toBeLessThan(
      plainFilter({ place: 'united-kingdom', network: 'encrochat', disagree: 'no' }).length,
    );
    expect(await w.page.locator('label[for="f-placeonly"]').textContent()).toContain(
      `(${placeOnly})`,
    );
    await w.page.check('#f-placeonly');
    expect(new URL(w.page.url()).hash).toBe(
      '#/claims?place=united-kingdom&placeonly=1&network=encrochat&disagree=no',
    );
    await expectCounts(w, {
      place: 'united-kingdom',
      placeonly: '1',
      network: 'encrochat',
      disagree: 'no',
    });
    // This network alone: EncroChat figures, not totals combined with Sky ECC or ANOM.
    const alone = plainFilter({
      place: 'united-kingdom',
      placeonly: '1',
      network: 'encrochat',
      networkonly: '1',
      disagree: 'no',
    }).length;
    expect(await w.page.locator('label[for="f-networkonly"]').textContent()).toContain(
      `(${alone})`,
    );
    await w.page.check('#f-networkonly');
    await expectCounts(w, {
      place: 'united-kingdom',
      placeonly: '1',
      network: 'encrochat',
      networkonly: '1',
      disagree: 'no',
    });
    // The summary names them in words.
    const summary = (await w.page.locator('#result-count').textContent())!;
    expect(summary).toContain('in United Kingdom only');
    expect(summary).toContain('about EncroChat alone');
    expect(summary).toContain('where no source disagrees');
    // The address restores it all.
    const hash = new URL(w.page.url()).hash;
    await w.page.reload();
    await w.page.waitForSelector('html[data-ready]');
    expect(new URL(w.page.url()).hash).toBe(hash);
    expect(await w.page.isChecked('#f-placeonly')).toBe(true);
    expect(await w.page.isChecked('#f-networkonly')).toBe(true);
    await expectCounts(w, {
      place: 'united-kingdom',
      placeonly: '1',
      network: 'encrochat',
      networkonly: '1',
      disagree: 'no',
    });
    // Kind of source: its label, not its id, in the summary.
    await visit(w, session.url, '#/claims?kind=court-summary');
    expect(await w.page.locator('#result-count').textContent()).toContain('“court summary”');
    expect(await w.page.locator('#result-count').textContent()).not.toContain('court-summary');
    expectQuiet(w);
  });

  it('Back returns to the previous filters, and a burst of typing is one step', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    const length = () => w.page.evaluate(() => history.length);
    const start = await length();
    await w.page.selectOption('#f-metric', 'arrests');
    await w.page.selectOption('#f-reliability', 'official');
    await w.page.click('#f-q');
    await w.page.keyboard.type('police');
    expect(new URL(w.page.url()).hash).toBe(
      '#/claims?metric=arrests&reliability=official&q=police',
    );
    expect(await length()).toBe(start + 3);
    expect(await shownCount(w)).toBe(
      plainFilter({ metric: 'arrests', reliability: 'official', q: 'police' }).length,
    );

    const back = async (hash: string, f: ClaimFilters) => {
      await w.page.goBack();
      await w.page.waitForFunction((h) => location.hash === h, hash);
      await expect.poll(() => shownCount(w)).toBe(plainFilter(f).length);
      expect(await w.page.inputValue('#f-metric')).toBe(f.metric ?? '');
      expect(await w.page.inputValue('#f-reliability')).toBe(f.reliability ?? '');
      expect(await w.page.inputValue('#f-q')).toBe(f.q ?? '');
    };
    await back('#/claims?metric=arrests&reliability=official', {
      metric: 'arrests',
      reliability: 'official',
    });
    await back('#/claims?metric=arrests', { metric: 'arrests' });
    await back('#/claims', {});
    await w.page.goForward();
    await w.page.waitForFunction(() => location.hash === '#/claims?metric=arrests');
    await expect.poll(() => shownCount(w)).toBe(plainFilter({ metric: 'arrests' }).length);
    // Pages and sorting are steps too.
    await w.page.click('.pager button:has-text("Next")');
    expect(new URL(w.page.url()).hash).toBe('#/claims?metric=arrests&page=2');
    await w.page.goBack();
    await w.page.waitForFunction(() => location.hash === '#/claims?metric=arrests');
    expectQuiet(w);
  });

  it('the arrow keys move through a select without applying each option; Enter, Tab or Escape settle it', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    const options = await w.page.$$eval('#f-metric option', (els) =>
      els.map((o) => (o as HTMLOptionElement).value),
    );
    const length = await w.page.evaluate(() => history.length);
    const measures = () =>
      w.page.evaluate(() => performance.getEntriesByName('viewer:filter').length);
    const before = await measures();
    await w.page.focus('#f-metric');
    for (let k = 0; k < 3; k++) await w.page.keyboard.press('ArrowDown');
    // Moved, not applied: no filter run, no address, no history entry; the select says Enter applies.
    expect(await w.page.inputValue('#f-metric')).toBe(options[3]);
    expect(await measures()).toBe(before);
    expect(new URL(w.page.url()).hash).toBe('#/claims');
    expect(await w.page.evaluate(() => history.length)).toBe(length);
    expect(await shownCount(w)).toBe(claimsTable.length);
    expect(await w.page.isVisible('#f-metric-pending')).toBe(true);
    expect(await w.page.getAttribute('#f-metric', 'aria-describedby')).toBe('select-keys');
    expect(await w.page.textContent('#select-keys')).toContain('Enter');
    await w.page.keyboard.press('Enter');
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${options[3]}`);
    expect(await w.page.evaluate(() => history.length)).toBe(length + 1);
    expect(await measures()).toBe(before + 1);
    expect(await shownCount(w)).toBe(plainFilter({ metric: options[3] }).length);
    expect(await w.page.isVisible('#f-metric-pending')).toBe(false);
    // Escape undoes a choice not yet applied.
    await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Escape');
    expect(await w.page.inputValue('#f-metric')).toBe(options[3]);
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${options[3]}`);
    // Leaving the select applies what it shows.
    await w.page.keyboard.press('ArrowUp');
    await w.page.keyboard.press('Tab');
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${options[2]}`);
    expect(await shownCount(w)).toBe(plainFilter({ metric: options[2] }).length);
    // The same on the page size.
    await w.page.focus('#f-size');
    await w.page.keyboard.press('ArrowDown');
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${options[2]}`);
    await w.page.keyboard.press('Enter');
    expect(new URL(w.page.url()).hash).toBe(`#/claims?metric=${options[2]}&size=100`);
    expectQuiet(w);
  });

  it('the source picker finds a source by words of its title, from the keyboard, and shows counts', async () => {
    const counts = new Map<string, number>();
    for (const r of claimsTable) counts.set(r.source_id, (counts.get(r.source_id) ?? 0) + 1);
    const source = dataset.sources.find((s) => s.id.startsWith('europol-2023-06-27'))!;
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    await w.page.focus('#f-source');
    expect(await w.page.getAttribute('#f-source', 'role')).toBe('combobox');
    await w.page.keyboard.type('europol dismantling');
    expect(await w.page.getAttribute('#f-source', 'aria-expanded')).toBe('true');
    const listed = await w.page.$$eval('#f-source-list li[data-value]', (els) =>
      els.map((e) => ({ value: e.getAttribute('data-value')!, text: e.textContent ?? '' })),
    );
    expect(listed.map((o) => o.value)).toContain(source.id);
    for (const o of listed) expect(o.text).toMatch(new RegExp(`\\(${counts.get(o.value)}\\)$`));
    // Typing did not filter anything yet; the arrows move, Enter chooses.
    expect(new URL(w.page.url()).hash).toBe('#/claims');
    const k = listed.findIndex((o) => o.value === source.id);
    for (let i = 0; i <= k; i++) if (i > 0) await w.page.keyboard.press('ArrowDown');
    expect(await w.page.getAttribute('#f-source', 'aria-activedescendant')).toBe(
      `f-source-option-${k}`,
    );
    expect(new URL(w.page.url()).hash).toBe('#/claims');
    await w.page.keyboard.press('Enter');
    expect(new URL(w.page.url()).hash).toBe(`#/claims?source=${source.id}`);
    expect(await shownCount(w)).toBe(counts.get(source.id));
    expect(await w.page.inputValue('#f-source')).toContain(source.title.slice(0, 30));
    // With another filter, the picker's counts follow it.
    await w.page.selectOption('#f-metric', 'arrests');
    await w.page.focus('#f-source');
    await w.page.keyboard.press('ArrowDown');
    const first = await w.page.$$eval('#f-source-list li[data-value]', (els) =>
      els
        .slice(0, 5)
        .map((e) => ({ value: e.getAttribute('data-value')!, text: e.textContent ?? '' })),
    );
    for (const o of first)
      expect(o.text).toMatch(
        new RegExp(`\\(${plainFilter({ metric: 'arrests', source: o.value }).length}\\)$`),
      );
    await w.page.keyboard.press('Escape');
    // Clearing the box and leaving it removes the filter.
    await w.page.fill('#f-source', '');
    await w.page.keyboard.press('Tab');
    expect(new URL(w.page.url()).hash).toBe('#/claims?metric=arrests');
    expectQuiet(w);
  });

  it('the JSON of a view is its rows, in its order; the CSV has the same rows', async () => {
    const f: ClaimFilters = { network: 'encrochat', reliability: 'press', disagree: 'yes' };
    const w = await session.open(DESKTOP, { acceptDownloads: true });
    await visit(
      w,
      session.url,
      '#/claims?network=encrochat&reliability=press&disagree=yes&sort=value&size=25',
    );
    const shown = await w.page.$$eval('tr[data-claim]', (els) =>
      els.map((e) => e.getAttribute('data-claim')!),
    );
    expect(shown).toHaveLength(Math.min(25, plainFilter(f).length));
    const [json] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#json-button'),
    ]);
    expect(json.suggestedFilename()).toBe(
      `encrochat-ledger-${dataset.version}-claims-encrochat-press-disagree-yes.json`,
    );
    const rows = JSON.parse(fs.readFileSync((await json.path())!, 'utf8')) as ClaimsTableRow[];
    const expected = plainFilter(f);
    expect(rows).toHaveLength(expected.length);
    const byId = new Map(claimsTable.map((r) => [r.claim_id, r]));
    for (const row of rows) expect(row).toEqual(byId.get(row.claim_id));
    expect(new Set(rows.map((r) => r.claim_id))).toEqual(new Set(expected.map((r) => r.claim_id)));
    // In the order of the view: its first page first.
    expect(rows.slice(0, shown.length).map((r) => r.claim_id)).toEqual(shown);
    const [csv] = await Promise.all([w.page.waitForEvent('download'), w.page.click('#csv-button')]);
    expect(fs.readFileSync((await csv.path())!, 'utf8')).toBe(claimsCsv(rows));
    expectQuiet(w);
  });

  it('shows 25 to 200 rows a page', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims');
    expect(await w.page.locator('tr[data-claim]').count()).toBe(50);
    await w.page.selectOption('#f-size', '200');
    expect(new URL(w.page.url()).hash).toBe('#/claims?size=200');
    expect(await w.page.locator('tr[data-claim]').count()).toBe(200);
    await w.page.click('.pager button:has-text("Next")');
    expect(new URL(w.page.url()).hash).toBe('#/claims?size=200&page=2');
    expect(await w.page.locator('.pager span').textContent()).toBe(
      `Page 2 of ${Math.ceil(claimsTable.length / 200)}`,
    );
    await visit(w, session.url, '#/claims?size=7');
    expect(await w.page.locator('[role="alert"]').textContent()).toContain(
      '“size” must be one of 25, 50, 100, 200',
    );
    expectQuiet(w);
  });

  it('every control is reachable with Tab, in the order it is read', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/claims?place=united-kingdom&network=encrochat');
    await w.page.focus('#f-q');
    const order: string[] = [];
    for (let k = 0; k < 40; k++) {
      const id = await w.page.evaluate(
        () => document.activeElement?.id || document.activeElement?.className || '',
      );
      // A date input takes one Tab per part of the date.
      if (order.at(-1) !== id) order.push(id);
      if (id === 'json-button') break;
      await w.page.keyboard.press('Tab');
    }
    const controls = [
      'f-q',
      'f-metric',
      'f-place',
      'f-placeonly',
      'f-network',
      'f-networkonly',
      'f-org',
      'f-op',
      'f-source',
      'f-kind',
      'f-reliability',
      'f-disagree',
      'f-from',
      'f-to',
      'clear-filters',
      'f-size',
      'csv-button',
      'json-button',
    ];
    expect(order.filter((id) => controls.includes(id))).toEqual(controls);
    expectQuiet(w);
  });
});

describe('download and about', () => {
  it('a site built without exports offers the JSON bundle and the claims CSV it makes, with rows and sizes', async () => {
    const w = await session.open(DESKTOP, { origin: bare.url, acceptDownloads: true });
    await visit(w, bare.url, '#/download');
    const text = (await w.page.locator('main').textContent())!;
    expect(text).not.toContain('npm start');
    expect(text).not.toContain('build the viewer again');
    expect(await w.page.locator('#export-files').count()).toBe(0);
    // The bundle: the package's data.json, byte for byte.
    const bundle = w.page.locator('tr[data-file="bundle"]');
    expect(await bundle.locator('a').getAttribute('href')).toBe('data/bundle.json');
    expect(await bundle.locator('a').getAttribute('download')).toBe(
      `encrochat-ledger-${dataset.version}-data.json`,
    );
    const packaged = fs.readFileSync(path.join(datasetPackageDir(), 'dist', 'data.json'));
    expect(await bundle.textContent()).toContain(formatBytes(packaged.length));
    expect(await bundle.textContent()).toContain(
      `${dataset.sources.length} sources, ${claimsTable.length} claims`,
    );
    const served = await w.page.evaluate(
      async () => new Uint8Array(await (await fetch('data/bundle.json')).arrayBuffer()).length,
    );
    expect(served).toBe(packaged.length);
    // Every claim as CSV, made in the browser: the size it announces is the size it makes.
    const csvRow = w.page.locator('tr[data-file="claims-csv"]');
    const csvText = claimsCsv(claimsTable);
    expect(await csvRow.textContent()).toContain(`${claimsTable.length} rows`);
    expect(await csvRow.textContent()).toContain(formatBytes(Buffer.byteLength(csvText)));
    const [csv] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#all-claims-csv'),
    ]);
    expect(csv.suggestedFilename()).toBe(`encrochat-ledger-${dataset.version}-claims.csv`);
    expect(fs.readFileSync((await csv.path())!, 'utf8')).toBe(csvText);
    const [json] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.click('#all-claims-json'),
    ]);
    expect(JSON.parse(fs.readFileSync((await json.path())!, 'utf8'))).toEqual(claimsTable);
    expect(await w.page.locator('tr[data-file="claims-json"]').textContent()).toContain(
      formatBytes(fs.statSync((await json.path())!).size),
    );
    // Where the archive of every table comes from.
    const how = (await w.page.locator('#get-tables').textContent())!;
    expect(how).toContain(`encrochat-ledger-${dataset.version}-tables.tar.gz`);
    expect(how).toContain('npx -p @encrochat-ledger/exporter encrochat-ledger-export');
    expect(await w.page.locator('tr[data-file="archive"]').count()).toBe(0);
    // The repository, corrections and changes.
    expect(await w.page.getAttribute('#repository-link', 'href')).toBe(
      'https://github.com/encrochat-ledger/encrochat-ledger',
    );
    expect(await w.page.getAttribute('#corrections-link', 'href')).toBe(
      'https://github.com/encrochat-ledger/encrochat-ledger/issues',
    );
    expect(await w.page.getAttribute('#changelog-link', 'href')).toMatch(
      /^https:\/\/github\.com\/encrochat-ledger\/encrochat-ledger\//,
    );
    for (const rel of await w.page.$$eval('a.external', (els) =>
      els.map((a) => a.getAttribute('rel')),
    ))
      expect(rel).toBe('noopener noreferrer');
    expectQuiet(w);
  });

  it('a site whose exports hold the release archive offers it first, and the tables with their row counts', async () => {
    const w = await session.open(DESKTOP, { origin: withArchive.url });
    await visit(w, withArchive.url, '#/download');
    const first = w.page.locator('#ready-files tbody tr').first();
    expect(await first.getAttribute('data-file')).toBe('archive');
    expect(await first.locator('a').getAttribute('href')).toBe(`downloads/${ARCHIVE_NAME}`);
    expect(await first.textContent()).toContain(
      formatBytes(fs.statSync(path.join(archiveExports, ARCHIVE_NAME)).size),
    );
    const archive = await w.page.evaluate(
      async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer()).length,
      `downloads/${ARCHIVE_NAME}`,
    );
    expect(archive).toBe(fs.statSync(path.join(archiveExports, ARCHIVE_NAME)).size);
    const claimsRow = w.page.locator('#export-files tr:has(a[href="downloads/claims.csv"])');
    expect(await claimsRow.locator('td').nth(2).textContent()).toBe('3 rows');
    expect(await w.page.locator('#get-tables').count()).toBe(0);
    expectQuiet(w);
  });

  it('About links to the repository, corrections and the changelog', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/about');
    const section = w.page.locator('section[aria-labelledby="h-project"]');
    expect(await section.locator('#repository-link').getAttribute('href')).toBe(
      'https://github.com/encrochat-ledger/encrochat-ledger',
    );
    expect(await section.locator('#corrections-link').getAttribute('href')).toBe(
      'https://github.com/encrochat-ledger/encrochat-ledger/issues',
    );
    expect(await section.locator('#changelog-link').getAttribute('href')).toBeTruthy();
    expectQuiet(w);
  });
});

describe('timeline', () => {
  const yearOf = (date: string) => /^(\d{4})/.exec(date.replace(/^\.\.\//, ''))?.[1] ?? 'Undated';

  it('lists the years and jumps to one; search keeps the events holding every word; the address keeps both', async () => {
    const w = await session.open();
    await visit(w, session.url, '#/timeline');
    const years = [...new Set(dataset.events.map((e) => yearOf(e.date)))].sort();
    expect(await w.page.$$eval('.year-list a', (els) => els.map((a) => a.textContent))).toEqual(
      years,
    );
    const year = years[Math.floor(years.length / 2)]!;
    await w.page.click(`.year-list a[data-year="${year}"]`);
    expect(new URL(w.page.url()).hash).toBe(`#/timeline?year=${year}`);
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.id)).toBe(`y-${year}`);
    // The year from the address, on a fresh load.
    await w.page.goto('about:blank');
    await visit(w, session.url, `#/timeline?year=${year}`);
    await expect.poll(() => w.page.evaluate(() => document.activeElement?.id)).toBe(`y-${year}`);
    const top = await w.page.evaluate(() =>
      Math.round(document.activeElement!.getBoundingClientRect().top),
    );
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);

    await w.page.fill('#t-q', 'Court of Appeal');
    const matching = dataset.events.filter((e) => {
      const court = e.court_case
        ? [
            e.court_case.court
              ? (dataset.organisations.find((o) => o.id === e.court_case!.court)?.name ?? '')
              : '',
            e.court_case.citation,
            e.court_case.outcome,
          ]
        : [];
      const sources = e.sources.flatMap((s) => {
        const src = dataset.sources.find((x) => x.id === s.source);
        return [src?.publisher, src?.title, s.quote];
      });
      const text = fold(
        [
          e.title,
          e.description,
          e.kind,
          e.place ? dataset.places.find((p) => p.id === e.place)?.name : null,
          ...court,
          ...sources,
        ]
          .filter(Boolean)
          .join(' '),
      );
      return ['court', 'of', 'appeal'].every((word) => text.includes(word));
    });
    expect(matching.length).toBeGreaterThan(0);
    expect(await w.page.locator('li.event').count()).toBe(matching.length);
    expect(new URL(w.page.url()).hash).toBe('#/timeline?q=Court+of+Appeal');
    expect(await w.page.locator('#timeline-count').textContent()).toBe(
      `${matching.length} event${matching.length === 1 ? '' : 's'} of ${dataset.events.length} match “Court of Appeal”.`,
    );
    expect(await w.page.$$eval('.year-list a', (els) => els.map((a) => a.textContent))).toEqual(
      [...new Set(matching.map((e) => yearOf(e.date)))].sort(),
    );
    // Kinds are words, not ids, in the list and on the events.
    expect(
      await w.page.$$eval('li.event .badge', (els) =>
        els.every((b) => !/-/.test(b.textContent ?? '')),
      ),
    ).toBe(true);
    await w.page.reload();
    await w.page.waitForSelector('html[data-ready]');
    expect(await w.page.inputValue('#t-q')).toBe('Court of Appeal');
    expect(await w.page.locator('li.event').count()).toBe(matching.length);
    expect(vocabularyLabel('court-summary')).toBe('court summary');
    expectQuiet(w);
  });
});

describe('pages of this part at desktop and phone width', () => {
  const pages: [
    name: string,
    origin: () => string,
    hash: string,
    prepare?: (w: Watched) => Promise<void>,
  ][] = [
    [
      'claims-new-filters',
      () => session.url,
      '#/claims?place=united-kingdom&placeonly=1&network=encrochat&reliability=press&disagree=yes&size=25',
    ],
    [
      'claims-source-picker',
      () => session.url,
      '#/claims',
      async (w) => {
        await w.page.focus('#f-source');
        await w.page.keyboard.type('police');
        await w.page.keyboard.press('ArrowDown');
      },
    ],
    [
      'claims-pending-choice',
      () => session.url,
      '#/claims',
      async (w) => {
        await w.page.focus('#f-metric');
        await w.page.keyboard.press('ArrowDown');
      },
    ],
    ['download-no-exports', () => bare.url, '#/download'],
    ['download-archive', () => withArchive.url, '#/download'],
    ['download-filtered', () => session.url, '#/download?metric=arrests&reliability=official'],
    ['about-links', () => session.url, '#/about'],
    ['timeline-search', () => session.url, '#/timeline?q=venetic'],
    ['timeline-year', () => session.url, '#/timeline?year=2021'],
  ];
  for (const [label, viewport] of WIDTHS) {
    it.each(pages)(
      `%s: axe clean, no overflow, at ${label} width`,
      async (name, origin, hash, prepare) => {
        const w = await session.open(viewport, { origin: origin() });
        await visit(w, origin(), hash);
        await w.page.locator('h1').first().waitFor({ state: 'visible' });
        if (viewport === PHONE) await openDetails(w.page, 'details.more-filters');
        await prepare?.(w);
        await expectCleanPage(w, `${name}-${label}`);
      },
    );
  }
});
