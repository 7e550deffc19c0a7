import { describe, expect, it } from 'vitest';
import {
  buildSeries,
  compareFigures,
  decidingCriterion,
  isFigure,
  periodOf,
  seriesId,
  seriesPoints,
  type FigureRow,
} from '../src/series.js';
import { claimBounds } from '../src/bounds.js';
import { buildClaimsTable } from '../src/claims-table.js';
import type { DatasetBundle } from '../src/generated/schema-types.js';

/** A claims-table row with the columns the series logic reads; bounds derived like the real table. */
function row(overrides: Partial<FigureRow> & { claim_id: string }): FigureRow {
  const base: FigureRow = {
    claim_id: overrides.claim_id,
    source_id: overrides.claim_id.split('/')[0]!,
    metric: 'arrests',
    breakdown_key: null,
    breakdown_value: null,
    unit: 'count',
    place: 'united-kingdom',
    operation: 'venetic',
    organisations: null,
    networks: ['encrochat'],
    value: 746,
    min: null,
    max: null,
    qualifier: 'exact',
    as_of: '2020-07-02',
    as_of_start: '2020-07-02',
    as_of_end: '2020-07-02',
    as_of_basis: 'publication',
    source_reliability: 'press',
    source_published_start: '2020-07-02',
    withdrawn: false,
  };
  const merged = { ...base, ...overrides };
  const bounds = claimBounds({
    qualifier: merged.qualifier as never,
    value: merged.value ?? undefined,
    min: merged.min ?? undefined,
    max: merged.max ?? undefined,
  });
  return {
    ...merged,
    min: 'min' in overrides ? merged.min : bounds.min,
    max: 'max' in overrides ? merged.max : bounds.max,
  };
}

/** A deterministic shuffle (a linear congruential generator), so failures can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('seriesId', () => {
  it('joins metric, breakdown, unit and scope, with empty parts for what is absent', () => {
    expect(seriesId(row({ claim_id: 'a/x' }))).toBe(
      'arrests::count:united-kingdom:venetic::encrochat',
    );
    expect(
      seriesId(
        row({
          claim_id: 'a/x',
          metric: 'drugs_seized',
          breakdown_key: 'drug',
          breakdown_value: 'cocaine',
          unit: 'kg',
          operation: null,
          networks: null,
        }),
      ),
    ).toBe('drugs_seized:drug=cocaine:kg:united-kingdom:::');
  });
  it('compares organisations and networks as sets', () => {
    const a = row({
      claim_id: 'a/x',
      organisations: ['nca', 'met'],
      networks: ['sky-ecc', 'encrochat'],
    });
    const b = row({
      claim_id: 'b/x',
      organisations: ['met', 'nca'],
      networks: ['encrochat', 'sky-ecc'],
    });
    expect(seriesId(a)).toBe(seriesId(b));
    expect(seriesId(a)).toBe('arrests::count:united-kingdom:venetic:met+nca:encrochat+sky-ecc');
  });
  it('separates units, places, operations and breakdowns', () => {
    const base = seriesId(row({ claim_id: 'a/x' }));
    expect(seriesId(row({ claim_id: 'a/x', unit: 'EUR' }))).not.toBe(base);
    expect(seriesId(row({ claim_id: 'a/x', place: 'scotland' }))).not.toBe(base);
    expect(seriesId(row({ claim_id: 'a/x', operation: null }))).not.toBe(base);
    expect(
      seriesId(row({ claim_id: 'a/x', breakdown_key: 'item', breakdown_value: 'guns' })),
    ).not.toBe(base);
  });
});

describe('periodOf', () => {
  it('is the day for a one-day as_of, else the interval of days', () => {
    expect(periodOf({ as_of_start: '2020-07-02', as_of_end: '2020-07-02' })).toBe('2020-07-02');
    expect(periodOf({ as_of_start: '2020-07-01', as_of_end: '2020-07-31' })).toBe(
      '2020-07-01/2020-07-31',
    );
    expect(periodOf({ as_of_start: '2020-10-01', as_of_end: null })).toBe('2020-10-01/..');
    expect(periodOf({ as_of_start: null, as_of_end: '2020-10-01' })).toBeNull();
  });
});

describe('isFigure', () => {
  it('keeps claims with a number and a date', () => {
    expect(isFigure(row({ claim_id: 'a/x' }))).toBe(true);
    expect(
      isFigure(row({ claim_id: 'a/x', qualifier: 'range', value: null, min: 80, max: 100 })),
    ).toBe(true);
  });
  it('drops withdrawn claims, unspecified amounts and unknown dates', () => {
    expect(isFigure(row({ claim_id: 'a/x', withdrawn: true }))).toBe(false);
    expect(isFigure(row({ claim_id: 'a/x', qualifier: 'unspecified', value: null }))).toBe(false);
    expect(isFigure(row({ claim_id: 'a/x', as_of_start: null }))).toBe(false);
  });
});

describe('the best figure per date', () => {
  it.each([
    [
      'official beats official-copy',
      { source_reliability: 'official' },
      { source_reliability: 'official-copy' },
      'reliability',
    ],
    [
      'official-copy beats legal',
      { source_reliability: 'official-copy' },
      { source_reliability: 'legal' },
      'reliability',
    ],
    [
      'legal beats press',
      { source_reliability: 'legal' },
      { source_reliability: 'press' },
      'reliability',
    ],
    [
      'press beats low',
      { source_reliability: 'press' },
      { source_reliability: 'low' },
      'reliability',
    ],
    [
      'a stated as_of beats a publication date',
      { as_of_basis: 'stated' },
      { as_of_basis: 'publication' },
      'as_of_basis',
    ],
    [
      'a publication date beats an estimated one',
      { as_of_basis: 'publication' },
      { as_of_basis: 'estimated' },
      'as_of_basis',
    ],
    ['exact beats bounded', { qualifier: 'exact' }, { qualifier: 'more_than' }, 'precision'],
    [
      'bounded beats approximate',
      { qualifier: 'nearly' },
      { qualifier: 'approximate' },
      'precision',
    ],
    [
      'a later publication wins',
      { source_published_start: '2020-07-03' },
      { source_published_start: '2020-07-02' },
      'publication',
    ],
    [
      'a dated source beats an undated one',
      { source_published_start: '2020-07-02' },
      { source_published_start: null },
      'publication',
    ],
    ['then the smaller claim id', { claim_id: 'a/x' }, { claim_id: 'b/x' }, 'claim_id'],
  ] as const)('%s', (_name, better, worse, criterion) => {
    // Claim ids favour the worse claim unless the claim id is the criterion under test.
    const a = row({ ...better, claim_id: 'claim_id' in better ? better.claim_id : 'z/better' });
    const b = row({ ...worse, claim_id: 'claim_id' in worse ? worse.claim_id : 'a/worse' });
    expect(compareFigures(a, b)).toBeLessThan(0);
    expect(compareFigures(b, a)).toBeGreaterThan(0);
    expect(decidingCriterion(a, b)).toBe(criterion);
    const [point] = buildSeries([b, a]);
    expect(point!.best).toBe(a);
    expect(point!.decided_by).toBe(criterion);
  });
  it('applies the criteria in order: reliability outranks everything after it', () => {
    const official = row({
      claim_id: 'z/x',
      source_reliability: 'official',
      as_of_basis: 'estimated',
      qualifier: 'approximate',
      source_published_start: null,
    });
    const press = row({
      claim_id: 'a/x',
      source_reliability: 'press',
      as_of_basis: 'stated',
      qualifier: 'exact',
      source_published_start: '2024-01-01',
    });
    expect(buildSeries([press, official])[0]!.best).toBe(official);
  });
});

describe('buildSeries', () => {
  const claims = [
    row({ claim_id: 'bbc/uk-arrests', value: 746 }),
    row({ claim_id: 'emsou/uk-arrests', qualifier: 'nearly', value: 700 }),
    row({ claim_id: 'nca/uk-arrests', value: 746, source_reliability: 'official-copy' }),
    row({
      claim_id: 'nca-2021/uk-arrests',
      value: 2600,
      as_of: '2021-07',
      as_of_start: '2021-07-01',
      as_of_end: '2021-07-31',
      source_published_start: '2021-07-05',
    }),
    row({ claim_id: 'bbc/uk-cash', metric: 'cash_seized', unit: 'GBP', value: 54_000_000 }),
    row({
      claim_id: 'bbc/uk-guns',
      metric: 'firearms_seized',
      qualifier: 'unspecified',
      value: null,
    }),
    row({ claim_id: 'old/uk-arrests', value: 1, withdrawn: true }),
  ];

  it('makes one point per series and date, with every candidate and the best first', () => {
    const points = buildSeries(claims);
    expect(points.map((p) => `${p.series_id}@${p.period}`)).toEqual([
      'arrests::count:united-kingdom:venetic::encrochat@2020-07-02',
      'arrests::count:united-kingdom:venetic::encrochat@2021-07-01/2021-07-31',
      'cash_seized::GBP:united-kingdom:venetic::encrochat@2020-07-02',
    ]);
    const [july2020, july2021, cash] = points;
    expect(july2020!.candidates.map((c) => c.claim_id)).toEqual([
      'nca/uk-arrests',
      'bbc/uk-arrests',
      'emsou/uk-arrests',
    ]);
    expect(july2020!.best.claim_id).toBe('nca/uk-arrests');
    expect(july2020!.decided_by).toBe('reliability');
    expect(july2021!.decided_by).toBe('single');
    expect(cash!.best.value).toBe(54_000_000);
  });

  it('leaves out withdrawn claims and claims with no number', () => {
    const ids = buildSeries(claims).flatMap((p) => p.candidates.map((c) => c.claim_id));
    expect(ids).not.toContain('old/uk-arrests');
    expect(ids).not.toContain('bbc/uk-guns');
    expect(ids).toHaveLength(5);
  });

  it('does not depend on the order of the input', () => {
    const expected = JSON.stringify(buildSeries(claims));
    for (let seed = 1; seed <= 20; seed++)
      expect(JSON.stringify(buildSeries(shuffled(claims, seed)))).toBe(expected);
  });
});

describe('buildSeries against the plain rule (one group per series id and period)', () => {
  // 3,000 rows over few values of every part, so that series, periods and candidates collide often;
  // lists in either order, breakdown values with and without a key, one-day and longer periods.
  let seed = 20200702;
  // A deterministic generator (a linear congruential one, its high bits), so failures can be replayed.
  const pick = <T>(items: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return items[(seed >>> 16) % items.length]!;
  };
  const periods: [string, string | null][] = [
    ['2020-07-02', '2020-07-02'],
    ['2020-07-01', '2020-07-31'],
    ['2021-01-01', null],
    ['2020-07-02', '2020-07-31'],
  ];
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const [start, end] = pick(periods);
    return row({
      claim_id: `s${i % 97}/c${i}`,
      metric: pick(['arrests', 'charges', 'cash_seized']),
      breakdown_key: pick([null, 'drug', 'drug']),
      breakdown_value: pick([null, 'cocaine', 'heroin']),
      unit: pick(['count', 'GBP']),
      place: pick(['united-kingdom', 'netherlands', 'france']),
      operation: pick([null, 'venetic']),
      organisations: pick([null, ['nca'], ['nca', 'met'], ['met', 'nca']]),
      networks: pick([null, ['encrochat'], ['encrochat', 'sky-ecc'], ['sky-ecc', 'encrochat']]),
      value: pick([746, 700, 2600, null]),
      qualifier: pick(['exact', 'nearly', 'approximate']),
      as_of_start: start,
      as_of_end: end,
      source_reliability: pick(['official', 'press', 'legal']),
      source_published_start: pick(['2020-07-02', '2021-07-05', null]),
    });
  });

  /** The rule as written in the module comment, with nothing clever: key by id and period, sort everything. */
  function plainRule(input: readonly FigureRow[]) {
    const groups = new Map<
      string,
      { series_id: string; period: string; candidates: FigureRow[] }
    >();
    for (const r of input) {
      if (!isFigure(r)) continue;
      const key = `${seriesId(r)}@${periodOf(r)}`;
      if (!groups.has(key))
        groups.set(key, { series_id: seriesId(r), period: periodOf(r)!, candidates: [] });
      groups.get(key)!.candidates.push(r);
    }
    return [...groups.values()]
      .sort((a, b) =>
        a.series_id < b.series_id
          ? -1
          : a.series_id > b.series_id
            ? 1
            : a.period < b.period
              ? -1
              : a.period > b.period
                ? 1
                : 0,
      )
      .map((g) => ({ ...g, candidates: [...g.candidates].sort(compareFigures) }));
  }

  it('makes the same points with the same candidates, in the same order, streamed or not', () => {
    const expected = plainRule(rows);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.some((p) => p.candidates.length > 3)).toBe(true);
    for (const points of [buildSeries(shuffled(rows, 7)), [...seriesPoints(shuffled(rows, 8))]]) {
      expect(points.map((p) => `${p.series_id}@${p.period}`)).toEqual(
        expected.map((p) => `${p.series_id}@${p.period}`),
      );
      expect(points.map((p) => p.candidates.map((c) => c.claim_id))).toEqual(
        expected.map((p) => p.candidates.map((c) => c.claim_id)),
      );
      expect(points.map((p) => p.best)).toEqual(expected.map((p) => p.candidates[0]));
    }
  });
});

describe('on a claims table built from a bundle', () => {
  const bundle: DatasetBundle = {
    name: 'encrochat-ledger',
    version: '0.0.0',
    schema_version: '1.0',
    metrics: [
      {
        id: 'arrests',
        label: 'Arrests',
        definition: 'People arrested.',
        units: ['count'],
        cumulative: true,
      },
    ],
    networks: [{ id: 'encrochat', name: 'EncroChat', kind: 'encrypted-phone-network' }],
    places: [
      { id: 'united-kingdom', name: 'United Kingdom', kind: 'country', codes: { iso3166_1: 'GB' } },
    ],
    organisations: [],
    operations: [],
    persons: [],
    events: [],
    sources: [
      {
        id: 'a-press',
        kind: 'news-article',
        title: 'A',
        publisher: 'A',
        published: '2020-07-02',
        url: null,
        language: 'en',
        reliability: 'press',
        claims: [
          {
            id: 'a-press/arrests',
            metric: 'arrests',
            value: 746,
            unit: 'count',
            qualifier: 'exact',
            scope: { place: 'united-kingdom', networks: ['encrochat'] },
            as_of: '2020-07-02',
            as_of_basis: 'publication',
            quote: '746 arrests',
          },
        ],
      },
      {
        id: 'b-official',
        kind: 'press-release',
        title: 'B',
        publisher: 'B',
        published: '2020-07-02T10:00',
        url: null,
        language: 'en',
        reliability: 'official',
        claims: [
          {
            id: 'b-official/arrests',
            metric: 'arrests',
            value: 740,
            unit: 'count',
            qualifier: 'more_than',
            scope: { place: 'united-kingdom', networks: ['encrochat'] },
            as_of: '2020-07-02T10:00',
            as_of_basis: 'stated',
            quote: 'more than 740 arrests',
          },
        ],
      },
    ],
  };
  const dates = {
    '2020-07-02': ['2020-07-02', '2020-07-02'],
    '2020-07-02T10:00': ['2020-07-02', '2020-07-02'],
  } as const;

  it('puts claims whose as_of covers the same day in one point, and picks by the rule', () => {
    const points = buildSeries(buildClaimsTable(bundle, dates));
    expect(points).toHaveLength(1);
    expect(points[0]!.best.claim_id).toBe('b-official/arrests');
    expect(points[0]!.best.min).toBe(740);
    expect(points[0]!.decided_by).toBe('reliability');
  });
});
