import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildLatest,
  compareFigureDates,
  isLaterThan,
  buildLatestInOrder,
  latestRowOf,
  latestTableFields,
  latestTableSchema,
  NewerBreakdownsFinder,
  pointsBySeries,
  withNewerBreakdowns,
  type LatestFigureRow,
  type LatestRow,
} from '../src/latest.js';
import { buildSeries, seriesPoints, type FigureRow } from '../src/series.js';
import { claimBounds } from '../src/bounds.js';
import type { ClaimsTableRow } from '../src/claims-table.js';
import type { Qualifier, Source } from '../src/generated/schema-types.js';
import { dataDir, distDir } from '../build/paths.js';

/** The days of an EDTF day, month or interval, as the claims table gives them. */
function dated(asOf: string): Pick<FigureRow, 'as_of' | 'as_of_start' | 'as_of_end'> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return { as_of: asOf, as_of_start: asOf, as_of_end: asOf };
  if (/^\d{4}-\d{2}$/.test(asOf)) {
    const last = new Date(Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    return { as_of: asOf, as_of_start: `${asOf}-01`, as_of_end: last };
  }
  if (/^\d{4}$/.test(asOf))
    return { as_of: asOf, as_of_start: `${asOf}-01-01`, as_of_end: `${asOf}-12-31` };
  throw new Error(`dated: ${asOf}`);
}

/** A figure of worldwide arrests, with bounds derived like the real table. */
function figure(
  id: string,
  qualifier: Qualifier,
  value: number | null,
  asOf: string,
  extra: Partial<LatestFigureRow> = {},
): LatestFigureRow {
  const bounds = claimBounds({
    qualifier,
    value: value ?? undefined,
    min: extra.min ?? undefined,
    max: extra.max ?? undefined,
  });
  return {
    claim_id: id,
    source_id: id.split('/')[0]!,
    metric: 'arrests',
    breakdown_key: null,
    breakdown_value: null,
    unit: 'count',
    place: 'world',
    operation: null,
    organisations: null,
    networks: ['encrochat'],
    qualifier,
    as_of_basis: 'publication',
    source_reliability: 'press',
    source_published_start: null,
    withdrawn: false,
    attributed_organisation: null,
    ...dated(asOf),
    ...extra,
    value,
    min: bounds.min,
    max: bounds.max,
  };
}

const official = (
  id: string,
  qualifier: Qualifier,
  value: number,
  asOf: string,
  extra: Partial<LatestFigureRow> = {},
) => figure(id, qualifier, value, asOf, { source_reliability: 'official-copy', ...extra });

/** The latest row of figures that all belong to one series. */
function latestOf(...figures: LatestFigureRow[]): LatestRow {
  const rows = buildLatest(buildSeries(figures));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

const europol = official('europol/world-arrests', 'exact', 6558, '2023-06-27', {
  attributed_organisation: 'europol',
});

describe('dates', () => {
  it('orders dates by last day, then first day, an open end counting as its first day', () => {
    const day = dated('2023-06-27');
    const month = dated('2023-06');
    const lastDay = dated('2023-06-30');
    expect(compareFigureDates(day, month)).toBeLessThan(0);
    expect(compareFigureDates(month, lastDay)).toBeLessThan(0);
    expect(
      compareFigureDates({ as_of_start: '2020-10-01', as_of_end: null }, dated('2020-10-02')),
    ).toBeLessThan(0);
  });
  it('counts a date as later only when it starts after the other ends', () => {
    expect(isLaterThan(dated('2023-06-30'), dated('2023-06-27'))).toBe(true);
    expect(isLaterThan(dated('2023-06'), dated('2023-06-27'))).toBe(false);
    expect(isLaterThan(dated('2023-06-27'), dated('2023-06-27'))).toBe(false);
    expect(isLaterThan(dated('2024'), dated('2023-06'))).toBe(true);
  });
});

describe('the headline', () => {
  it('is the latest official figure when nothing later exists, even over a more recent publication of an older date', () => {
    const row = latestOf(
      figure('press/old', 'exact', 1000, '2020-07-31'),
      official('gendarmerie/world', 'nearly', 1000, '2020-07-31'),
      europol,
    );
    expect(row).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'latest',
      headline_claim_id: europol.claim_id,
      official_claim_id: europol.claim_id,
      latest_claim_id: europol.claim_id,
    });
  });

  it('counts legal sources as official', () => {
    const court = figure('court/world', 'exact', 100, '2021-01-01', {
      source_reliability: 'legal',
    });
    expect(latestOf(figure('press/world', 'exact', 90, '2020-01-01'), court)).toMatchObject({
      headline_kind: 'official',
      official_claim_id: court.claim_id,
    });
  });

  it('is not displaced by a later restatement within its bounds (criterion 4)', () => {
    const restatement = figure('sunday-world/world-arrests', 'more_than', 6500, '2023-06-30', {
      source_reliability: 'low',
    });
    expect(latestOf(europol, restatement)).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'restates',
      headline_claim_id: europol.claim_id,
      latest_claim_id: restatement.claim_id,
    });
    // Even with a stated date: "more than 6,500" is true because of 6,558.
    expect(
      latestOf(
        europol,
        figure('press/world', 'more_than', 6500, '2023-07-10', { as_of_basis: 'stated' }),
      ).headline_claim_id,
    ).toBe(europol.claim_id);
  });

  it('is not displaced by a later figure dated by its publication that agrees with it (criterion 5)', () => {
    const bound = official('europol/world', 'more_than', 6500, '2023-06-27');
    for (const basis of ['publication', 'estimated']) {
      const row = latestOf(
        bound,
        figure('press/world', 'nearly', 7000, '2023-07-01', { as_of_basis: basis }),
      );
      expect(row).toMatchObject({
        headline_kind: 'official',
        headline_reason: 'agrees-publication-dated',
        headline_claim_id: bound.claim_id,
      });
    }
    // A more precise figure dated by its publication: the official bound stays first.
    expect(
      latestOf(bound, figure('press/world', 'exact', 6558, '2023-07-01')).headline_claim_id,
    ).toBe(bound.claim_id);
  });

  it('is not displaced by a later figure that restates or, dated by its publication, agrees with another claim of its date (criteria 4, 5)', () => {
    const rtl = figure('rtl/world-arrests', 'exact', 6658, '2023-06-27');
    const sc = figure('sc/world-arrests', 'more_than', 6600, '2023-06-28');
    for (const basis of ['publication', 'stated'])
      expect(latestOf(europol, rtl, { ...sc, as_of_basis: basis })).toMatchObject({
        headline_kind: 'official',
        headline_reason: 'restates',
        headline_claim_id: europol.claim_id,
        latest_claim_id: sc.claim_id,
      });
    const telegraaf = figure('telegraaf/world-arrests', 'more_than', 6500, '2023-06-27');
    const rounded = figure('paper/world-arrests', 'exact', 6600, '2023-06-28');
    expect(latestOf(europol, telegraaf, rounded)).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'agrees-publication-dated',
      headline_claim_id: europol.claim_id,
    });
    // With a stated date, or without the other claims of that date, the same figures disagree with the release and displace it.
    expect(latestOf(europol, telegraaf, { ...rounded, as_of_basis: 'stated' })).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_reason: 'disagrees',
    });
    expect(latestOf(europol, sc)).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_reason: 'disagrees',
      headline_claim_id: sc.claim_id,
    });
  });

  it('is not displaced by a figure whose date overlaps its own (criterion 3)', () => {
    const month = figure('magazine/world', 'exact', 6500, '2023-06');
    expect(latestOf(europol, month)).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'not-later',
      headline_claim_id: europol.claim_id,
      latest_claim_id: month.claim_id,
    });
  });

  it('is not displaced by a relay of its organisation dated by its publication, even rounded (criterion 6)', () => {
    const relay = figure('confilegal/world-arrests', 'exact', 6500, '2023-11-03', {
      attributed_organisation: 'europol',
    });
    expect(latestOf(europol, relay)).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'relays',
      headline_claim_id: europol.claim_id,
      latest_claim_id: relay.claim_id,
    });
    // A stated date is a count of its own; so is a figure attributed to no one or to someone else.
    expect(latestOf(europol, { ...relay, as_of_basis: 'stated' })).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_claim_id: relay.claim_id,
    });
    expect(latestOf(europol, { ...relay, attributed_organisation: null }).headline_claim_id).toBe(
      relay.claim_id,
    );
    expect(
      latestOf(europol, { ...relay, attributed_organisation: 'eurojust' }).headline_claim_id,
    ).toBe(relay.claim_id);
  });

  it('is not displaced by a low-reliability figure that disagrees with a more reliable one (criterion 7)', () => {
    const garbled = figure('aggregator/world', 'exact', 7000, '2023-07-01', {
      source_reliability: 'low',
      as_of_basis: 'stated',
    });
    expect(latestOf(europol, garbled)).toMatchObject({
      headline_kind: 'official',
      headline_reason: 'low-reliability',
      headline_claim_id: europol.claim_id,
    });
    // Among low-reliability figures alone, a later one that disagrees does displace.
    const first = figure('aggregator/a', 'exact', 100, '2020-01-01', { source_reliability: 'low' });
    const second = figure('aggregator/b', 'exact', 200, '2021-01-01', {
      source_reliability: 'low',
    });
    expect(latestOf(first, second)).toMatchObject({
      headline_kind: 'non-official-only',
      headline_claim_id: second.claim_id,
      headline_reason: 'latest',
    });
  });

  it('is a later figure that disagrees, with the official figure beside it (criterion 8)', () => {
    const nca = official('nca/uk-arrests', 'exact', 2864, '2022-06-08', {
      as_of_basis: 'stated',
      source_reliability: 'official',
    });
    const telegraph = figure('telegraph/uk-arrests', 'exact', 3100, '2023-10-09');
    expect(latestOf(nca, telegraph)).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_reason: 'disagrees',
      headline_claim_id: telegraph.claim_id,
      headline_value: 3100,
      official_claim_id: nca.claim_id,
      official_value: 2864,
      official_date_start: '2022-06-08',
    });
  });

  it('is a later figure with a stated date that narrows the official bounds (criterion 8)', () => {
    const bound = official('europol/world', 'more_than', 6500, '2023-06-27');
    const stated = figure('press/world', 'exact', 6558, '2023-07-01', { as_of_basis: 'stated' });
    expect(latestOf(bound, stated)).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_reason: 'narrows',
      headline_claim_id: stated.claim_id,
      official_claim_id: bound.claim_id,
    });
  });

  it('compares each later date with the figure that displaced the official one', () => {
    const displacing = figure('press/a', 'exact', 7000, '2023-08-01', { as_of_basis: 'stated' });
    const restating = figure('press/b', 'more_than', 6900, '2023-09-01');
    expect(latestOf(europol, displacing, restating)).toMatchObject({
      headline_kind: 'newer-non-official',
      headline_reason: 'disagrees',
      headline_claim_id: displacing.claim_id,
      latest_claim_id: restating.claim_id,
    });
  });

  it('without an official figure, starts from the first date and keeps the latest figure that says something new (criterion 9)', () => {
    const first = figure('press/a', 'exact', 1000, '2020-07-01');
    const newer = figure('press/b', 'exact', 2000, '2021-07-01');
    const restating = figure('press/c', 'more_than', 1500, '2022-07-01');
    expect(latestOf(first, newer, restating)).toMatchObject({
      headline_kind: 'non-official-only',
      headline_reason: 'restates',
      headline_claim_id: newer.claim_id,
      official_claim_id: null,
      official_value: null,
    });
  });

  it('takes the best figure of a date by the series rule', () => {
    const press = figure('press/world', 'exact', 6558, '2023-06-27');
    expect(latestOf(press, europol).headline_claim_id).toBe(europol.claim_id);
  });
});

describe('the disagreement at the headline date', () => {
  it('lists the claims of that date whose bounds exclude the headline figure', () => {
    const rtl = figure('rtl/world', 'exact', 6658, '2023-06-27');
    const sc = figure('sc/world', 'more_than', 6600, '2023-06-27', { as_of_basis: 'stated' });
    const telegraaf = figure('telegraaf/world', 'more_than', 6500, '2023-06-27');
    const row = latestOf(europol, rtl, sc, telegraaf);
    expect(row).toMatchObject({
      in_conflict: true,
      disagreeing_claims: 2,
      disagreeing_claim_ids: ['rtl/world', 'sc/world'],
    });
    expect(latestOf(europol, telegraaf)).toMatchObject({
      in_conflict: false,
      disagreeing_claims: 0,
      disagreeing_claim_ids: null,
    });
  });
  it('flags a conflict at the date even when every claim agrees with a bound headline', () => {
    const bound = official('europol/world', 'more_than', 6500, '2023-06-27');
    const row = latestOf(
      bound,
      figure('a/world', 'exact', 6558, '2023-06-27'),
      figure('b/world', 'exact', 6658, '2023-06-27'),
    );
    expect(row).toMatchObject({
      headline_claim_id: bound.claim_id,
      in_conflict: true,
      disagreeing_claims: 0,
    });
  });
});

describe('newer breakdowns', () => {
  const drugs = (
    id: string,
    value: number,
    asOf: string,
    drug: string | null,
    extra: Partial<LatestFigureRow> = {},
  ) =>
    figure(id, 'exact', value, asOf, {
      metric: 'drugs_seized',
      unit: 'kg',
      place: 'united-kingdom',
      operation: 'venetic',
      breakdown_key: drug ? 'drug' : null,
      breakdown_value: drug,
      ...extra,
    });
  const rows = buildLatest(
    buildSeries([
      drugs('minister/uk-drugs', 2000, '2020', null, { source_reliability: 'official' }),
      drugs('nca/uk-cannabis', 8938, '2022-06-08', 'cannabis', { source_reliability: 'official' }),
      drugs('nca/uk-class-a', 9296, '2022-06-08', 'class-a', { source_reliability: 'official' }),
      drugs('paper/uk-cocaine', 8000, '2025', 'cocaine'),
      drugs('old/uk-heroin', 10, '2020-07-02', 'heroin'),
      drugs('nca/uk-etizolam', 28000000, '2022-06-08', 'etizolam', { unit: 'tablets' }),
      drugs('met/met-cocaine', 50, '2023-01-01', 'cocaine', {
        organisations: ['metropolitan-police'],
      }),
    ]),
  );
  const total = rows.find((r) => r.breakdown_key === null)!;

  it('counts the breakdown series of the same metric, unit and scope whose headline is later than the total', () => {
    expect(total).toMatchObject({
      headline_claim_id: 'minister/uk-drugs',
      newer_breakdowns: 3,
      newer_breakdowns_as_of: '2025',
      newer_breakdown_values: ['cannabis', 'class-a', 'cocaine'],
    });
  });
  it('leaves the breakdown columns empty for breakdown series', () => {
    for (const row of rows.filter((r) => r.breakdown_key !== null))
      expect([
        row.newer_breakdowns,
        row.newer_breakdowns_as_of,
        row.newer_breakdown_values,
      ]).toEqual([null, null, null]);
  });
  it('reports none when no breakdown is later', () => {
    const [row] = buildLatest(
      buildSeries([
        drugs('a/total', 1, '2023-01-01', null),
        drugs('b/cocaine', 1, '2022-01-01', 'cocaine'),
      ]),
    ).filter((r) => r.breakdown_key === null);
    expect(row).toMatchObject({
      newer_breakdowns: 0,
      newer_breakdowns_as_of: null,
      newer_breakdown_values: null,
    });
  });
});

describe('newer breakdowns, rows given one at a time (NewerBreakdownsFinder)', () => {
  const drugs = (id: string, asOf: string, drug: string | null, place = 'united-kingdom') =>
    figure(id, 'exact', 1, asOf, {
      metric: 'drugs_seized',
      unit: 'kg',
      place,
      breakdown_key: drug ? 'drug' : null,
      breakdown_value: drug,
    });
  const rows = buildSeries([
    drugs('a/total', '2020', null),
    drugs('b/cocaine', '2022', 'cocaine'),
    drugs('c/heroin', '2021', 'heroin'),
    drugs('d/heroin-old', '2020-06', 'heroin', 'scotland'),
    drugs('e/total-scotland', '2019', null, 'scotland'),
    drugs('f/cannabis', '2020-06', 'cannabis'),
  ]).map((point) => latestRowOf([point]));

  it('finds what withNewerBreakdowns fills, whatever the order of the rows (totals before or after their breakdowns)', () => {
    const expected = withNewerBreakdowns(rows);
    expect(expected.filter((r) => r.newer_breakdowns)).toHaveLength(2);
    for (const order of [
      rows,
      [...rows].reverse(),
      [rows[3]!, rows[1]!, rows[0]!, rows[5]!, rows[4]!, rows[2]!],
    ]) {
      const finder = new NewerBreakdownsFinder();
      for (const row of order) finder.add(row);
      expect(rows.map((row) => ({ ...row, ...finder.of(row.series_id) }))).toEqual(expected);
    }
  });
});

describe('one series at a time', () => {
  const figures = [
    figure('a/1', 'exact', 1, '2020-07-01'),
    figure('b/1', 'exact', 2, '2020-07-02'),
    figure('c/1', 'exact', 3, '2020-07-02', { place: 'united-kingdom' }),
    figure('d/1', 'more_than', 4, '2021', { source_reliability: 'official' }),
    figure('e/1', 'exact', 5, '2021', {
      metric: 'drugs_seized',
      unit: 'kg',
      breakdown_key: 'drug',
      breakdown_value: 'cocaine',
    }),
    figure('f/1', 'exact', 6, '2022', { metric: 'drugs_seized', unit: 'kg' }),
  ];

  it('pointsBySeries gives each series its points, in seriesPoints order', () => {
    const series = [...pointsBySeries(seriesPoints(figures))];
    expect(series.map((points) => points.map((p) => p.series_id))).toEqual(
      [...new Set(buildSeries(figures).map((p) => p.series_id))].map((id) =>
        buildSeries(figures)
          .filter((p) => p.series_id === id)
          .map(() => id),
      ),
    );
  });

  it('pointsBySeries refuses points out of series order', () => {
    expect(() => [...pointsBySeries([...buildSeries(figures)].reverse())]).toThrow(
      /not in seriesPoints order/,
    );
  });

  it('buildLatestInOrder gives the rows of buildLatest', () => {
    expect(buildLatestInOrder(seriesPoints(figures))).toEqual(buildLatest(buildSeries(figures)));
  });
});

describe('buildLatest', () => {
  const figures = [
    europol,
    figure('sunday-world/world-arrests', 'more_than', 6500, '2023-06-30', {
      source_reliability: 'low',
    }),
    figure('bbc/uk-arrests', 'exact', 746, '2020-07-02', { place: 'united-kingdom' }),
    figure('bbc/uk-cash', 'exact', 54_000_000, '2020-07-02', {
      place: 'united-kingdom',
      metric: 'cash_seized',
      unit: 'GBP',
    }),
  ];

  it('gives one row per series, sorted by series id, with the fields of its Table Schema in order', () => {
    const rows = buildLatest(buildSeries(figures));
    expect(rows.map((r) => r.series_id)).toEqual([
      'arrests::count:united-kingdom:::encrochat',
      'arrests::count:world:::encrochat',
      'cash_seized::GBP:united-kingdom:::encrochat',
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual(latestTableFields.map((f) => f.name));
    expect(latestTableSchema.fields.map((f) => f.name)).toEqual(
      latestTableFields.map((f) => f.name),
    );
    expect(latestTableSchema.primaryKey).toEqual(['series_id']);
  });

  it('does not depend on the order of the points', () => {
    const points = buildSeries(figures);
    expect(buildLatest([...points].reverse())).toEqual(buildLatest(points));
  });
});

describe('on the real data', () => {
  const claimsTable = JSON.parse(
    fs.readFileSync(path.join(distDir, 'claims-table.json'), 'utf8'),
  ) as ClaimsTableRow[];
  const latestTable = JSON.parse(
    fs.readFileSync(path.join(distDir, 'latest.json'), 'utf8'),
  ) as LatestRow[];
  const byClaim = new Map(claimsTable.map((r) => [r.claim_id, r]));
  const bySeries = new Map(latestTable.map((r) => [r.series_id, r]));

  it('ships the latest table of the claims table in dist/latest.json', () => {
    expect(latestTable).toEqual(buildLatest(buildSeries(claimsTable)));
    const schema = JSON.parse(fs.readFileSync(path.join(distDir, 'latest.schema.json'), 'utf8'));
    expect(schema).toEqual(latestTableSchema);
  });

  it("worldwide arrests: Europol's 6,558 of the 27 June 2023 release", () => {
    const release = JSON.parse(
      fs.readFileSync(
        path.join(dataDir, 'sources', 'europol-2023-06-27-dismantling-encrochat-6500-arrests.json'),
        'utf8',
      ),
    ) as Source;
    const claim = release.claims.find(
      (c) => c.metric === 'arrests' && !c.breakdown && c.scope.place === 'world',
    )!;
    expect(claim.value).toBe(6558);
    const row = bySeries.get('arrests::count:world:::encrochat')!;
    expect(row).toMatchObject({
      headline_kind: 'official',
      headline_claim_id: claim.id,
      official_claim_id: claim.id,
      headline_value: 6558,
    });
  });

  it('UK arrests: the latest official figure (NCA) and a later press total put first, beside it', () => {
    const row = bySeries.get('arrests::count:united-kingdom:venetic::encrochat')!;
    const officialRow = byClaim.get(row.official_claim_id!)!;
    expect(officialRow.attributed_organisation).toBe('nca');
    expect(row.headline_kind).toBe('newer-non-official');
    expect(row.headline_source_reliability).toBe('press');
    expect(row.headline_date_start > row.official_date_end!).toBe(true);
    // The official figure is the latest official one of the series.
    const officialDates = claimsTable
      .filter(
        (r) =>
          !r.withdrawn &&
          r.value !== null &&
          r.metric === 'arrests' &&
          r.place === 'united-kingdom' &&
          r.operation === 'venetic' &&
          !r.organisations &&
          !r.breakdown_key &&
          r.networks?.join() === 'encrochat',
      )
      .filter((r) => ['official', 'official-copy', 'legal'].includes(r.source_reliability))
      .map((r) => r.as_of_end!);
    expect(officialDates.every((d) => d <= row.official_date_end!)).toBe(true);
  });

  it('never puts a low-reliability figure before a more reliable one of the same series', () => {
    for (const row of latestTable)
      if (row.official_claim_id)
        expect(row.headline_source_reliability, row.series_id).not.toBe('low');
    const sundayWorld = claimsTable
      .filter((r) => r.source_id === 'sunday-world-2023-06-30-europe-wide-impact-encrochat-hack')
      .map((r) => r.claim_id);
    expect(sundayWorld.length).toBeGreaterThan(0);
    for (const row of latestTable)
      expect(sundayWorld, row.series_id).not.toContain(row.headline_claim_id);
  });

  it('puts an official figure first unless a later figure displaces it', () => {
    for (const row of latestTable) {
      if (row.headline_kind === 'official')
        expect(row.headline_claim_id).toBe(row.official_claim_id);
      if (row.headline_kind === 'newer-non-official') {
        expect(
          row.headline_date_start > (row.official_date_end ?? row.official_date_start!),
          row.series_id,
        ).toBe(true);
        expect(['disagrees', 'narrows']).toContain(row.headline_reason);
      }
      if (row.headline_kind === 'non-official-only') expect(row.official_claim_id).toBeNull();
    }
  });
});
