/**
 * The viewer's logic without a browser: formatting, CSV, URL state, the site data file (a lossless
 * copy of the dataset package's claims table, series and conflicts), the headline rule and the
 * claim filters — each checked against the real dataset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildLatest,
  buildSeries,
  claimsTable,
  claimsTableFields,
  dataset,
  findConflicts,
  latestTable,
  type ClaimsTableRow,
  type SeriesPoint,
} from '@encrochat-ledger/dataset';
import { encodeSiteData } from '../build/site-data.js';
import { claimsCsv, csvCell } from '../src/csv.js';
import { openSiteData, type Dataset } from '../src/data/dataset.js';
import {
  edtfSortKey,
  formatAmount,
  formatCompact,
  formatEdtf,
  formatWorded,
} from '../src/format.js';
import {
  compareLatest,
  HEADLINE_METRICS,
  isHeadlineCandidate,
  selectHeadlines,
} from '../src/headline.js';
import { ClaimQuery, fold } from '../src/query.js';
import { CLAIM_ID, METRIC_ID, parseHash, RECORD_ID, type ClaimFilters } from '../src/state.js';
import { repoRoot } from './support.js';

/** A strict RFC 4180 reader, to read back what the viewer writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length) throw new Error('the last line has no CRLF');
  return rows;
}

let opened: Dataset | undefined;
function site(): Dataset {
  opened ??= openSiteData(
    JSON.parse(
      JSON.stringify(encodeSiteData(dataset, claimsTable, { downloads: [], changelog: null })),
    ),
  );
  return opened;
}

describe('format', () => {
  it('writes numbers with thousands separators, currencies and masses', () => {
    expect(formatAmount(2864, 'count')).toBe('2,864');
    expect(formatAmount(76914575, 'GBP')).toBe('£76,914,575');
    expect(formatAmount(90000000, 'EUR')).toBe('€90,000,000');
    expect(formatAmount(52000000, 'SEK')).toBe('SEK\u00a052,000,000');
    expect(formatAmount(6300, 'kg')).toBe('6.3 tonnes');
    expect(formatAmount(1000, 'kg')).toBe('1 tonne');
    expect(formatAmount(590, 'kg')).toBe('590 kg');
    expect(formatAmount(1, 'years')).toBe('1 year');
    expect(formatAmount(14000, 'years')).toBe('14,000 years');
    expect(formatAmount(158000, 'tablets')).toBe('158,000 tablets');
    expect(formatCompact(54000000, 'GBP')).toMatch(/^£54[mM]$/);
    expect(formatCompact(2500, 'kg')).toBe('2.5 t');
  });
  it('words figures as the sources do', () => {
    const row = (
      qualifier: string,
      value: number | null,
      min: number | null = null,
      max: number | null = null,
      unit = 'count',
    ) => ({ qualifier, value, min, max, unit });
    expect(formatWorded(row('nearly', 700))).toBe('nearly 700');
    expect(formatWorded(row('more_than', 54000000, 54000000, null, 'GBP'))).toBe(
      'more than £54,000,000',
    );
    expect(formatWorded(row('approximate', 60000))).toBe('about 60,000');
    expect(formatWorded(row('range', null, 2000, 3000, 'kg'))).toBe(
      'between 2 tonnes and 3 tonnes',
    );
    expect(formatWorded(row('unspecified', null))).toBe('an unspecified amount');
  });
  it('reads EDTF dates for people', () => {
    expect(formatEdtf('2020-07-02')).toBe('2 July 2020');
    expect(formatEdtf('2020-07-02', true)).toBe('2 Jul 2020');
    expect(formatEdtf('2020-07')).toBe('July 2020');
    expect(formatEdtf('2022-08~')).toBe('about August 2022');
    expect(formatEdtf('2020?')).toBe('2020 (uncertain)');
    expect(formatEdtf('2020-07-02T13:41:00')).toBe('2 July 2020, 13:41');
    expect(formatEdtf('2021-04-01/2022-03-31')).toBe('1 April 2021 – 31 March 2022');
    expect(formatEdtf('2020-10/..')).toBe('from October 2020');
    expect(formatEdtf('2020-21')).toBe('Spring 2020');
    expect(formatEdtf('not a date')).toBe('not a date');
    expect(edtfSortKey('2020-07~')).toBe('2020-07-01');
    expect(edtfSortKey('../2021-03-02')).toBe('2021-03-02');
  });
});

describe('CSV of a filtered view', () => {
  it('is RFC 4180 with the claims-table columns, and reads back to the same cells', () => {
    const rows = claimsTable.slice(0, 60);
    const csv = claimsCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(claimsTableFields.map((f) => f.name));
    expect(parsed).toHaveLength(rows.length + 1);
    rows.forEach((row, r) => {
      claimsTableFields.forEach((f, c) => {
        const v = row[f.name];
        const cell = parsed[r + 1]![c]!;
        if (v === null) expect(cell).toBe('');
        else if (typeof v === 'number') expect(Number(cell)).toBe(v);
        else if (typeof v === 'boolean') expect(cell).toBe(String(v));
        else {
          const text = Array.isArray(v) ? v.join(';') : String(v);
          expect(cell).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        }
      });
    });
  });
  it('quotes what must be quoted and keeps spreadsheets from running formulas', () => {
    expect(csvCell('a,b', 'string')).toBe('"a,b"');
    expect(csvCell('say "hi"', 'string')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines', 'string')).toBe('"two\r\nlines"');
    expect(csvCell('=HYPERLINK("http://x")', 'string')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1', 'string')).toBe("'+1");
    expect(csvCell('@SUM(A1)', 'string')).toBe("'@SUM(A1)");
    expect(csvCell('-3', 'string')).toBe("'-3");
    expect(csvCell(-3, 'number')).toBe('-3');
    expect(csvCell('2020-07-02', 'date')).toBe('2020-07-02');
    expect(csvCell(['a', 'b'], 'list')).toBe('a;b');
    expect(csvCell('', 'string')).toBe('""');
    expect(csvCell(null, 'string')).toBe('');
    expect(csvCell(false, 'boolean')).toBe('false');
  });
});

describe('URL state', () => {
  it('uses the id patterns of the JSON Schemas', () => {
    const defs = JSON.parse(
      fs.readFileSync(path.join(repoRoot, 'schemas/1.0/defs.schema.json'), 'utf8'),
    ) as { $defs: Record<string, { pattern?: string }> };
    const patterns = Object.values(defs.$defs)
      .map((d) => d.pattern)
      .filter((p): p is string => Boolean(p))
      .map((p) => new RegExp(p).source);
    expect(patterns).toContain(RECORD_ID.source);
    expect(patterns).toContain(METRIC_ID.source);
    expect(patterns).toContain(CLAIM_ID.source);
  });
  it('parses every page and its settings', () => {
    expect(parseHash('')).toEqual({ ok: true, route: { page: 'overview' } });
    expect(parseHash('#/')).toEqual({ ok: true, route: { page: 'overview' } });
    expect(
      parseHash(
        '#/claims?metric=arrests&place=united-kingdom&from=2020-01-01&to=2021-12-31&q=tonnes%20of&sort=value&dir=asc&page=3',
      ),
    ).toEqual({
      ok: true,
      route: {
        page: 'claims',
        params: {
          metric: 'arrests',
          place: 'united-kingdom',
          from: '2020-01-01',
          to: '2021-12-31',
          q: 'tonnes of',
          sort: 'value',
          dir: 'asc',
          page: 3,
        },
      },
    });
    expect(parseHash('#/claim/bbc-2020-07-02-x%2Fuk-arrests')).toEqual({
      ok: true,
      route: { page: 'claim', id: 'bbc-2020-07-02-x/uk-arrests' },
    });
    expect(parseHash('#/claim/bbc-2020-07-02-x/uk-arrests')).toEqual({
      ok: true,
      route: { page: 'claim', id: 'bbc-2020-07-02-x/uk-arrests' },
    });
    expect(parseHash('#/source/nca-2022')).toEqual({
      ok: true,
      route: { page: 'source', id: 'nca-2022' },
    });
    expect(parseHash('#/timeline?kind=ruling')).toEqual({
      ok: true,
      route: { page: 'timeline', params: { kind: 'ruling' } },
    });
    expect(parseHash('#/download?metric=arrests')).toEqual({
      ok: true,
      route: { page: 'download', params: { metric: 'arrests' } },
    });
  });
  it('says what is wrong with a bad address, and offers one that works', () => {
    const bad = (hash: string) => {
      const parsed = parseHash(hash);
      if (parsed.ok) throw new Error(`${hash} parsed`);
      return parsed.problem;
    };
    expect(bad('#/claims?page=0').issues).toEqual(['“page” must be 1 or more']);
    expect(bad('#/claims?page=two').issues).toEqual(['“page” must be a whole number such as 2']);
    expect(bad('#/claims?metric=Arrests!').issues[0]).toMatch(/“metric” must be a metric id/);
    expect(bad('#/claims?from=2021-02-30').issues).toEqual(['“from” is not a real calendar date']);
    const unknown = bad('#/claims?metric=arrests&colour=red');
    expect(unknown.issues).toEqual(['“colour” is not a setting of this page']);
    expect(unknown.fallback).toBe('#/claims?metric=arrests');
    expect(bad('#/claims?from=2022-01-01&to=2021-01-01').fallback).toBe(
      '#/claims?from=2021-01-01&to=2022-01-01',
    );
    expect(bad('#/claims?metric=arrests&metric=charges').title).toMatch(/twice/);
    expect(bad('#/nowhere').title).toMatch(/does not name a page/);
    expect(bad('#/claim/%E0%A4%A').title).toMatch(/garbled/);
    expect(bad('#/claim/not an id').fallback).toBe('#/claims');
    expect(bad('#/about?x=1').fallback).toBe('#/about');
    expect(bad('#main').title).toMatch(/does not name a page/);
    expect(bad(`#/claims?q=${'x'.repeat(201)}`).issues).toEqual([
      '“q” is longer than 200 characters',
    ]);
  });
});

describe('site data', () => {
  it('holds exactly the claims table of the dataset package', () => {
    const ds = site();
    expect(ds.table.rows).toBe(claimsTable.length);
    for (let i = 0; i < claimsTable.length; i++) expect(ds.table.row(i)).toEqual(claimsTable[i]);
  });
  it('holds exactly the series and conflicts of the dataset package', () => {
    const ds = site();
    const points = buildSeries(claimsTable);
    expect(ds.points.count).toBe(points.length);
    points.forEach((p, k) => {
      expect(ds.seriesIdOf(ds.points.series[k]!)).toBe(p.series_id);
      expect(ds.seriesIndexOf(p.series_id)).toBe(ds.points.series[k]);
      expect(ds.points.periods[ds.points.period[k]!]).toBe(p.period);
      expect(ds.candidatesOf(k).map((i) => claimsTable[i]!.claim_id)).toEqual(
        p.candidates.map((c) => c.claim_id),
      );
      expect(ds.decidedByOf(k)).toBe(p.decided_by);
    });
    const conflicts = new Set(findConflicts(points).map((c) => c.conflict_id));
    const flagged = new Set<string>();
    for (let k = 0; k < points.length; k++)
      if (ds.points.conflict[k]) flagged.add(`${points[k]!.series_id}@${points[k]!.period}`);
    expect(flagged).toEqual(conflicts);
    expect(conflicts.size).toBeGreaterThan(0);
  });
  it('keeps the data out of the page scripts: the file is JSON the page fetches', () => {
    const text = JSON.stringify(
      encodeSiteData(dataset, claimsTable, { downloads: [], changelog: null }),
    );
    expect(JSON.parse(text).format).toBe('encrochat-ledger-viewer/3');
  });
});

describe('headline figures', () => {
  const row = (over: Partial<ClaimsTableRow>): ClaimsTableRow =>
    ({
      ...claimsTable[0]!,
      claim_id: 's/c',
      source_id: 's',
      metric: 'arrests',
      breakdown_key: null,
      breakdown_value: null,
      unit: 'count',
      place: 'united-kingdom',
      operation: 'venetic',
      organisations: null,
      networks: ['encrochat'],
      value: 1,
      min: 1,
      max: 1,
      qualifier: 'exact',
      as_of_basis: 'stated',
      source_reliability: 'official',
      source_published_start: '2020-01-01',
      withdrawn: false,
      ...over,
    }) as ClaimsTableRow;
  const day = (d: string) => ({ as_of: d, as_of_start: d, as_of_end: d });
  const headlinesOf = (rows: ClaimsTableRow[]) => {
    const points = buildSeries(rows);
    return selectHeadlines(points, buildLatest(points));
  };
  const pick = (rows: ClaimsTableRow[]) =>
    headlinesOf(rows).map((h) => `${h.metric}@${h.place}=${h.point.best.claim_id}`);

  it('takes the series with the latest figure, preferring precise dates, whole places, the main unit, EncroChat alone and totals', () => {
    expect(
      pick([
        row({ claim_id: 'a/old', ...day('2020-07-02') }),
        row({ claim_id: 'b/new', ...day('2022-06-08') }),
      ]),
    ).toEqual(['arrests@united-kingdom=b/new']);
    // Between series (with and without an operation), a year-long period ending later loses to a precisely dated figure.
    expect(
      pick([
        row({ claim_id: 'a/day', ...day('2023-10-09') }),
        row({
          claim_id: 'b/year',
          operation: null,
          as_of: '2025',
          as_of_start: '2025-01-01',
          as_of_end: '2025-12-31',
        }),
      ]),
    ).toEqual(['arrests@united-kingdom=a/day']);
    // …but is used when it is all there is.
    expect(
      pick([
        row({
          claim_id: 'b/year',
          as_of: '2025',
          as_of_start: '2025-01-01',
          as_of_end: '2025-12-31',
        }),
      ]),
    ).toEqual(['arrests@united-kingdom=b/year']);
    // The most current series is the one with the latest figure, even when that figure does not displace its official one.
    expect(
      pick([
        row({
          claim_id: 'commission/europe',
          place: 'europe',
          operation: null,
          qualifier: 'at_least',
          value: 1000,
          min: 1000,
          max: null,
          as_of_basis: 'publication',
          ...day('2020-07-24'),
        }),
        row({
          claim_id: 'paper/europe',
          place: 'europe',
          operation: null,
          source_reliability: 'press',
          qualifier: 'approximate',
          value: 1800,
          min: null,
          max: null,
          as_of_basis: 'publication',
          as_of: '2021-04',
          as_of_start: '2021-04-01',
          as_of_end: '2021-04-30',
        }),
        row({
          claim_id: 'vg/emma',
          place: 'europe',
          operation: 'emma',
          source_reliability: 'press',
          qualifier: 'at_least',
          value: 1000,
          min: 1000,
          max: null,
          as_of_basis: 'publication',
          as_of: '2021-02',
          as_of_start: '2021-02-01',
          as_of_end: '2021-02-28',
        }),
      ]),
    ).toEqual(['arrests@europe=commission/europe']);
    // Figures of some organisations of a place only when there is no whole-place figure.
    expect(
      pick([
        row({ claim_id: 'a/whole', ...day('2020-07-02') }),
        row({ claim_id: 'b/met', organisations: ['metropolitan-police'], ...day('2021-01-01') }),
      ]),
    ).toEqual(['arrests@united-kingdom=a/whole']);
    // One unit: the one with most dates.
    expect(
      pick([
        row({ claim_id: 'a/gbp1', metric: 'cash_seized', unit: 'GBP', ...day('2020-07-02') }),
        row({ claim_id: 'b/gbp2', metric: 'cash_seized', unit: 'GBP', ...day('2020-08-02') }),
        row({ claim_id: 'c/eur', metric: 'cash_seized', unit: 'EUR', ...day('2021-01-01') }),
      ]),
    ).toEqual(['cash_seized@united-kingdom=b/gbp2']);
    // Not a breakdown, not a combined network, not another metric.
    expect(
      pick([
        row({
          claim_id: 'a/cocaine',
          metric: 'drugs_seized',
          unit: 'kg',
          breakdown_key: 'drug',
          breakdown_value: 'cocaine',
          ...day('2020-07-02'),
        }),
        row({ claim_id: 'b/sky', networks: ['encrochat', 'sky-ecc'], ...day('2020-07-02') }),
        row({ claim_id: 'c/users', metric: 'users', ...day('2020-07-02') }),
      ]),
    ).toEqual([]);
    // Same date: the best figure by the series rule, and every source of the date is counted.
    const both = headlinesOf([
      row({
        claim_id: 'a/press',
        source_id: 'a',
        source_reliability: 'press',
        value: 700,
        ...day('2020-07-02'),
      }),
      row({ claim_id: 'b/nca', source_id: 'b', value: 746, ...day('2020-07-02') }),
    ]);
    expect(both.map((h) => [h.point.best.claim_id, h.sources])).toEqual([['b/nca', 2]]);
  });

  it('shows the figure the latest rule puts first: the official figure over a later restatement, a later new figure beside the official one', () => {
    const official = row({
      claim_id: 'europol/world',
      source_id: 'europol',
      place: 'world',
      operation: null,
      source_reliability: 'official-copy',
      as_of_basis: 'publication',
      value: 6558,
      ...day('2023-06-27'),
    });
    const restatement = row({
      claim_id: 'sunday-world/world',
      source_id: 'sunday-world',
      place: 'world',
      operation: null,
      source_reliability: 'low',
      as_of_basis: 'publication',
      qualifier: 'more_than',
      value: 6500,
      min: 6500,
      max: null,
      ...day('2023-06-30'),
    });
    const [world] = headlinesOf([official, restatement]);
    expect(world!.point.best.claim_id).toBe('europol/world');
    expect(world!.latest).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'restates',
      latest_claim_id: 'sunday-world/world',
    });
    expect(world!.index).toBe(world!.officialIndex);
    const nca = row({ claim_id: 'nca/uk', source_id: 'nca', value: 2864, ...day('2022-06-08') });
    const press = row({
      claim_id: 'telegraph/uk',
      source_id: 'telegraph',
      source_reliability: 'press',
      as_of_basis: 'publication',
      value: 3100,
      ...day('2023-10-09'),
    });
    const points = buildSeries([nca, press]);
    const [uk] = selectHeadlines(points, buildLatest(points));
    expect(uk!.point.best.claim_id).toBe('telegraph/uk');
    expect(uk!.latest.headline_kind).toBe('newer-non-official');
    expect(points[uk!.officialIndex]!.best.claim_id).toBe('nca/uk');
  });

  it('on the real data, each headline is the latest table row of the candidate series no other candidate beats', () => {
    const points = buildSeries(claimsTable);
    const headlines = selectHeadlines(points, latestTable);
    expect(headlines.length).toBeGreaterThan(20);
    const uk = headlines.filter((h) => h.place === 'united-kingdom').map((h) => h.metric);
    expect(uk).toEqual([...HEADLINE_METRICS]);
    const latestBySeries = new Map(latestTable.map((r) => [r.series_id, r]));
    const bestPoint = new Map(points.map((p) => [p.best.claim_id, p]));
    for (const h of headlines) {
      expect(isHeadlineCandidate(h.point.best)).toBe(true);
      expect(latestBySeries.get(h.point.series_id)).toBe(h.latest);
      expect(h.point.best.claim_id).toBe(h.latest.headline_claim_id);
      const rivals = latestTable.filter(
        (r) =>
          isHeadlineCandidate(r) &&
          r.metric === h.metric &&
          r.place === h.place &&
          r.unit === h.unit &&
          (h.point.best.organisations?.length ? true : !r.organisations?.length),
      );
      for (const r of rivals)
        expect(
          compareLatest(
            bestPoint.get(h.latest.latest_claim_id)! as SeriesPoint,
            bestPoint.get(r.latest_claim_id)! as SeriesPoint,
          ),
        ).toBeLessThanOrEqual(0);
      expect(h.sources).toBe(new Set(h.point.candidates.map((c) => c.source_id)).size);
    }
    // Worldwide arrests: Europol's figure of the 27 June 2023 release, not a later restatement.
    const world = headlines.find((h) => h.metric === 'arrests' && h.place === 'world')!;
    expect(world.point.best.source_id).toBe(
      'europol-2023-06-27-dismantling-encrochat-6500-arrests',
    );
    expect(world.point.best.value).toBe(6558);
  });
});

describe('claim filters', () => {
  const naive = (f: ClaimFilters) => {
    const ds = site();
    const places = f.place ? ds.placeAndInside(f.place) : null;
    const ops = f.op ? ds.operationAndParts(f.op) : null;
    const words = f.q ? fold(f.q).split(/\s+/).filter(Boolean) : [];
    return claimsTable
      .filter(
        (r) =>
          (!f.metric || r.metric === f.metric) &&
          (!places || places.has(r.place)) &&
          (!f.org || r.organisations?.includes(f.org) || r.attributed_organisation === f.org) &&
          (!ops || (r.operation !== null && ops.has(r.operation))) &&
          (!f.source || r.source_id === f.source) &&
          (!f.kind || r.source_kind === f.kind) &&
          (!f.from || (r.as_of_end !== null ? r.as_of_end >= f.from : r.as_of_start !== null)) &&
          (!f.to || (r.as_of_start !== null && r.as_of_start <= f.to)) &&
          words.every((w) => fold(r.quote).includes(w)),
      )
      .map((r) => r.claim_id)
      .sort();
  };
  const cases: ClaimFilters[] = [
    {},
    { metric: 'arrests' },
    { metric: 'arrests', place: 'united-kingdom' },
    { place: 'england' },
    { org: 'metropolitan-police' },
    { op: 'venetic' },
    { kind: 'press-release' },
    { from: '2021-01-01' },
    { to: '2020-07-02' },
    { from: '2020-07-01', to: '2020-07-31', metric: 'cash_seized' },
    { q: 'tonnes' },
    { q: 'COCAINE kilo' },
    { q: 'cocaïne' },
    { source: claimsTable[0]!.source_id },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))(
    '%s matches the same claims as a plain filter of the claims table',
    (_, f) => {
      const ds = site();
      const got = [...new ClaimQuery(ds).run(f)].map((i) => claimsTable[i]!.claim_id).sort();
      expect(got).toEqual(naive(f));
    },
  );
  it('gives the same answers when one query object serves many searches in a row (cached words)', () => {
    const q = new ClaimQuery(site());
    for (const text of [
      't',
      'to',
      'ton',
      'tonnes',
      'tonnes of',
      'tonnes of cocaine',
      'of',
      'tonnes',
      'cocaïne tonnes',
      'zzz',
      ...'abcdefghijklmnopqrstu',
    ]) {
      const got = [...q.run({ q: text })].map((i) => claimsTable[i]!.claim_id).sort();
      expect(got, text).toEqual(naive({ q: text }));
    }
  });
  it('sorts by date, value, metric, place and source, both ways', () => {
    const ds = site();
    const q = new ClaimQuery(ds);
    const dates = [...q.run({ sort: 'date', dir: 'desc' })].map(
      (i) => claimsTable[i]!.as_of_start ?? '',
    );
    expect(dates).toEqual([...dates].sort().reverse());
    const values = [...q.run({ sort: 'value', dir: 'asc', metric: 'arrests' })].map((i) => {
      const r = claimsTable[i]!;
      return r.value ?? r.min ?? r.max ?? -Infinity;
    });
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const places = [...q.run({ sort: 'place' })].map((i) => claimsTable[i]!.place_name);
    expect(places).toEqual(
      [...places].sort((a, b) =>
        a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true }),
      ),
    );
    expect([...q.run({ sort: 'source', dir: 'desc' })]).toHaveLength(claimsTable.length);
  });
});
