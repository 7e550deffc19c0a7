import fs from 'node:fs';
import path from 'node:path';
import { edtfBounds, isValidEdtf } from '@encrochat-ledger/core';
import { describe, expect, it } from 'vitest';
import { claimBounds } from '../src/bounds.js';
import {
  buildClaimsTable,
  claimsTableContext,
  claimsTableFields,
  claimsTableRow,
  claimsTableSchema,
  compareClaimsTableRows,
  countryOf,
} from '../src/claims-table.js';
import { distDir } from '../build/paths.js';
import type { DatasetBundle, Place } from '../src/generated/schema-types.js';

describe('claimBounds', () => {
  it.each([
    ['exact', { value: 746 }, { min: 746, max: 746 }],
    ['more_than', { value: 746 }, { min: 746, max: null }],
    ['at_least', { value: 1000 }, { min: 1000, max: null }],
    ['nearly', { value: 700 }, { min: null, max: 700 }],
    ['up_to', { value: 10000 }, { min: null, max: 10000 }],
    ['approximate', { value: 800 }, { min: null, max: null }],
    ['range', { min: 80, max: 100 }, { min: 80, max: 100 }],
    ['unspecified', {}, { min: null, max: null }],
  ] as const)('%s', (qualifier, stored, expected) => {
    expect(claimBounds({ qualifier, ...stored })).toEqual(expected);
  });
});

describe('EDTF dates', () => {
  it.each([
    ['2020-07-02', '2020-07-02', '2020-07-02'],
    ['2020-07', '2020-07-01', '2020-07-31'],
    ['2022-08~', '2022-08-01', '2022-08-31'],
    ['2021', '2021-01-01', '2021-12-31'],
    ['2020-04-01/2021-03-31', '2020-04-01', '2021-03-31'],
    ['2020-07-02T13:41:00', '2020-07-02', '2020-07-02'],
    ['2020-04/..', '2020-04-01', null],
  ])('%s covers %s to %s', (value, start, end) => {
    expect(isValidEdtf(value)).toBe(true);
    expect(edtfBounds(value)).toEqual({ start, end });
  });
  it.each(['2020-13', 'July 2020', '2020-02-30', '', '02/07/2020'])('rejects %j', (value) => {
    expect(isValidEdtf(value)).toBe(false);
  });
});

const places: Place[] = [
  { id: 'world', name: 'World', kind: 'world' },
  { id: 'europe', name: 'Europe', kind: 'supranational', parent: 'world' },
  {
    id: 'united-kingdom',
    name: 'United Kingdom',
    kind: 'country',
    parent: 'europe',
    codes: { iso3166_1: 'GB' },
  },
  { id: 'scotland', name: 'Scotland', kind: 'nation', parent: 'united-kingdom' },
];

describe('countryOf', () => {
  const byId = new Map(places.map((p) => [p.id, p]));
  it('walks up to the country', () => expect(countryOf('scotland', byId)).toBe('GB'));
  it('is null above country level', () => expect(countryOf('europe', byId)).toBeNull());
  it('survives a cycle', () => {
    const cyclic = new Map([
      ['a', { id: 'a', name: 'A', kind: 'other', parent: 'b' } as Place],
      ['b', { id: 'b', name: 'B', kind: 'other', parent: 'a' } as Place],
    ]);
    expect(countryOf('a', cyclic)).toBeNull();
  });
});

describe('the claims table', () => {
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
    places,
    organisations: [],
    operations: [],
    persons: [],
    events: [],
    sources: [
      {
        id: 'z-source',
        kind: 'news-article',
        title: 'Z',
        publisher: null,
        published: '2020-07',
        url: null,
        language: 'en',
        reliability: 'press',
        claims: [
          {
            id: 'z-source/b',
            metric: 'arrests',
            value: 700,
            unit: 'count',
            qualifier: 'nearly',
            scope: { place: 'scotland', networks: ['encrochat'] },
            as_of: '2020-07',
            as_of_basis: 'publication',
            quote: 'nearly 700 arrests',
          },
          {
            id: 'z-source/a',
            metric: 'arrests',
            min: 80,
            max: 100,
            unit: 'count',
            qualifier: 'range',
            scope: { place: 'world', networks: ['encrochat', 'sky-ecc'] },
            as_of: '2020-07',
            as_of_basis: 'publication',
            quote: 'between 80 and 100',
          },
        ],
      },
    ],
  };
  const rows = buildClaimsTable(bundle, { '2020-07': ['2020-07-01', '2020-07-31'] });

  it('has one row per claim, sorted by claim id, with the fields of its Table Schema in order', () => {
    expect(rows.map((r) => r.claim_id)).toEqual(['z-source/a', 'z-source/b']);
    for (const row of rows) expect(Object.keys(row)).toEqual(claimsTableFields.map((f) => f.name));
    expect(claimsTableSchema.fields.map((f) => f.name)).toEqual(
      claimsTableFields.map((f) => f.name),
    );
  });

  it('starts with the columns the exporter promises, in order', () => {
    expect(claimsTableFields.slice(0, 17).map((f) => f.name)).toEqual([
      'claim_id',
      'source_id',
      'metric',
      'value',
      'min',
      'max',
      'unit',
      'qualifier',
      'as_of',
      'place',
      'operation',
      'organisations',
      'quote',
      'source_title',
      'source_publisher',
      'source_published',
      'source_url',
    ]);
  });

  it('derives bounds, dates, labels and the country', () => {
    expect(rows[1]).toMatchObject({
      value: 700,
      min: null,
      max: 700,
      as_of_start: '2020-07-01',
      as_of_end: '2020-07-31',
      metric_label: 'Arrests',
      place_name: 'Scotland',
      country: 'GB',
      source_published_start: '2020-07-01',
      withdrawn: false,
    });
    expect(rows[0]).toMatchObject({
      value: null,
      min: 80,
      max: 100,
      country: null,
      networks: ['encrochat', 'sky-ecc'],
    });
  });

  it('is claimsTableRow of every claim, sorted by claim id (one derivation, also for streamed bundles)', () => {
    const dates = { '2020-07': ['2020-07-01', '2020-07-31'] } as const;
    const context = claimsTableContext(bundle, dates);
    const streamed = bundle.sources.flatMap((s) =>
      s.claims.map((c) => claimsTableRow(s, c, context)),
    );
    expect(streamed.map((r) => r.claim_id)).toEqual(['z-source/b', 'z-source/a']);
    expect([...streamed].sort(compareClaimsTableRows)).toEqual(rows);
    // Day bounds computed on demand give the same rows as a precomputed record.
    const onDemand = claimsTableContext(
      bundle,
      (value) => dates[value as keyof typeof dates] ?? [null, null],
    );
    expect(claimsTableRow(bundle.sources[0]!, bundle.sources[0]!.claims[0]!, onDemand)).toEqual(
      rows[1],
    );
    // A date missing from the record leaves the day columns empty.
    const unknown = claimsTableRow(
      bundle.sources[0]!,
      bundle.sources[0]!.claims[0]!,
      claimsTableContext(bundle, {}),
    );
    expect([unknown.as_of_start, unknown.as_of_end, unknown.source_published_start]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('in dist/ has a row for every claim of the bundle', () => {
    const built = JSON.parse(
      fs.readFileSync(path.join(distDir, 'data.json'), 'utf8'),
    ) as DatasetBundle;
    const table = JSON.parse(fs.readFileSync(path.join(distDir, 'claims-table.json'), 'utf8')) as {
      claim_id: string;
    }[];
    const ids = built.sources.flatMap((s) => s.claims.map((c) => c.id)).sort();
    expect(table.map((r) => r.claim_id)).toEqual(ids);
  });
});
