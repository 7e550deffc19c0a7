/**
 * The site data file as the browser reads it fast: whole numbers packed into strings
 * (`src/data/packed.ts`), the file ASCII (`asciiJson`), columns decoded on first use with their
 * problems named, series ids made by the dataset package's `seriesId`, and the file preloaded by
 * `index.html` and fetched once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeries, claimsTable, dataset } from '@encrochat-ledger/dataset';
import { asciiJson, encodeSiteData } from '../build/site-data.js';
import { DataFileError, openSiteData } from '../src/data/dataset.js';
import { DATA_FORMAT, type SiteData } from '../src/data/format.js';
import { packInts, unpackInts, PackedIntsError } from '../src/data/packed.js';
import { browserSession, DESKTOP, expectQuiet, sites, visit } from './support.js';

const session = browserSession(sites.default);

describe('packed whole numbers', () => {
  it('round-trips with as few digits as the largest number needs', () => {
    const cases: [number[], number][] = [
      [[], 1],
      [[0, 1, 63], 1],
      [[0, 64], 2],
      [[4095, 7, 0], 2],
      [[4096], 3],
      [[262_143, 262_144], 4],
      [[2 ** 30 - 1], 5],
    ];
    for (const [numbers, width] of cases) {
      const packed = packInts(numbers);
      expect(packed.width, `${numbers}`).toBe(width);
      expect(packed.digits).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(packed.digits.length).toBe(numbers.length * width);
      expect(Array.from(unpackInts(JSON.parse(JSON.stringify(packed))))).toEqual(numbers);
    }
    expect(packInts([0, 1, 64])).toEqual({ width: 2, digits: 'AAABBA' });
  });

  it('refuses what it cannot pack, and text that is not packed numbers', () => {
    for (const bad of [[-1], [1.5], [NaN], [2 ** 30]])
      expect(() => packInts(bad), `${bad}`).toThrow(PackedIntsError);
    const refused: [unknown, RegExp][] = [
      [{ width: 1, digits: 'AB"' }, /not a base-64 digit/],
      [{ width: 1, digits: 'ABé' }, /not a base-64 digit/],
      [{ width: 2, digits: 'AAĀA' }, /not a base-64 digit/],
      [{ width: 2, digits: 'ABC' }, /3 digits are not a whole count of 2-digit numbers/],
      [{ width: 0, digits: '' }, /width of 1 to 5/],
      [{ width: 6, digits: 'AAAAAA' }, /width of 1 to 5/],
      [{ width: 1, digits: [0, 1] }, /string of digits/],
      [null, /width of 1 to 5/],
    ];
    for (const [packed, message] of refused)
      expect(() => unpackInts(packed as never), JSON.stringify(packed)).toThrow(message);
  });
});

describe('the data file is ASCII', () => {
  it('escapes every other character and parses back to the same value', () => {
    const value = {
      quote: 'Cocaïne, £54m, 2 000 €, “quoted” — 𝔼ncroChat 🔒',
      separators: 'a\u2028b\u2029c',
      lone: 'x\ud800y\udc00z',
      bom: '\ufeffstart',
      controls: '\u0000\u001f\u007f',
      nested: [{ clé: 'Île-de-France' }],
    };
    const text = asciiJson(value);
    // Printable ASCII and DEL: JSON writes the other control characters as escapes.
    expect([...text].filter((c) => c < ' ' || c > '\x7f')).toEqual([]);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('holds the real dataset in the built site: ASCII, the current format, every claim as the package has it', () => {
    const file = path.join(sites.default, 'data', 'dataset.json');
    const bytes = fs.readFileSync(file);
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const ds = openSiteData(JSON.parse(bytes.toString('latin1')));
    expect(ds.meta.claims).toBe(claimsTable.length);
    const nonAscii = claimsTable.filter((r) => [...r.quote].some((c) => c > '\x7f'));
    expect(nonAscii.length).toBeGreaterThan(0);
    for (let i = 0; i < claimsTable.length; i++) expect(ds.table.row(i)).toEqual(claimsTable[i]);
    expect((JSON.parse(bytes.toString('latin1')) as SiteData).format).toBe(DATA_FORMAT);
  });
});

describe('opening the data file', () => {
  const encoded = () =>
    JSON.parse(
      JSON.stringify(encodeSiteData(dataset, claimsTable, { downloads: [], changelog: null })),
    ) as SiteData;

  it('checks the length of every column at once, and decodes a column on its first use', () => {
    const data = encoded();
    const note = data.table.columns.note!;
    if (!('codes' in note)) throw new Error('the note column is expected as codes');
    // Same length, one character that is not a digit: opens, and fails where the column is read.
    note.codes.digits = `!${note.codes.digits.slice(1)}`;
    const ds = openSiteData(data);
    expect(ds.table.get(0, 'metric')).toBe(claimsTable[0]!.metric);
    expect(() => ds.table.get(0, 'note')).toThrow(DataFileError);
    expect(() => ds.table.get(0, 'note')).toThrow(/column "note": .*not a base-64 digit/);
    expect(() => ds.table.col('note').codes).toThrow(/column "note": .*not a base-64 digit/);
    // Read one by one or all at once, the rows are the package's.
    const fresh = openSiteData(encoded());
    expect(fresh.table.row(5)).toEqual(claimsTable[5]);
    expect(fresh.table.col('source_title').codes).toHaveLength(claimsTable.length);
    for (let i = 0; i < claimsTable.length; i++) expect(fresh.table.row(i)).toEqual(claimsTable[i]);

    const short = encoded();
    const metric = short.table.columns.metric!;
    if (!('codes' in metric)) throw new Error('the metric column is expected as codes');
    metric.codes.digits = metric.codes.digits.slice(metric.codes.width);
    expect(() => openSiteData(short)).toThrow(
      `column "metric" has ${claimsTable.length - 1} rows, expected ${claimsTable.length}`,
    );

    const stale = { ...encoded(), format: 'encrochat-ledger-viewer/2' };
    expect(() => openSiteData(stale)).toThrow(/not a encrochat-ledger-viewer\/3 file/);
  });

  it('names every series as the dataset package does, and finds each by its id', () => {
    const ds = openSiteData(encoded());
    const points = buildSeries(claimsTable);
    const ids = [...new Set(points.map((p) => p.series_id))];
    expect(ds.points.seriesCount).toBe(ids.length);
    ids.forEach((id, s) => {
      expect(ds.seriesIdOf(s)).toBe(id);
      expect(ds.seriesIndexOf(id)).toBe(s);
    });
    expect(ds.seriesIndexOf('arrests::count:nowhere:::encrochat')).toBe(-1);
    expect(ds.seriesIndexOf('')).toBe(-1);
  });
});

describe('in the browser', () => {
  it('fetches the data file once: the page uses the request index.html preloads', async () => {
    const w = await session.open(DESKTOP);
    await visit(w, session.url, '#/');
    expect(await w.page.locator('html').getAttribute('data-ready')).toBe('true');
    expect(w.requests.filter((u) => u.endsWith('/data/dataset.json'))).toHaveLength(1);
    const timing = await w.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('/data/dataset.json'))
        .map((e) => (e as PerformanceResourceTiming).initiatorType),
    );
    // Requested by the <link rel="preload"> of the page, not by the script after it loaded.
    expect(timing).toEqual(['link']);
    expectQuiet(w);
  });
});
