import { describe, expect, it } from 'vitest';
import {
  conflictOf,
  findConflicts,
  intersectIntervals,
  valueInterval,
  type ValueInterval,
} from '../src/conflicts.js';
import { buildSeries, type FigureRow } from '../src/series.js';
import { claimBounds } from '../src/bounds.js';
import type { Qualifier } from '../src/generated/schema-types.js';

/** A claims-table row for UK arrests on 2 July 2020, with bounds derived like the real table. */
function claim(
  id: string,
  qualifier: Qualifier,
  value: number | null,
  extra: Partial<FigureRow> = {},
): FigureRow {
  const range =
    extra.min !== undefined && extra.max !== undefined
      ? { min: extra.min ?? undefined, max: extra.max ?? undefined }
      : {};
  const bounds = claimBounds({ qualifier, value: value ?? undefined, ...range });
  return {
    claim_id: id,
    source_id: id.split('/')[0]!,
    metric: 'arrests',
    breakdown_key: null,
    breakdown_value: null,
    unit: 'count',
    place: 'united-kingdom',
    operation: null,
    organisations: null,
    networks: ['encrochat'],
    qualifier,
    as_of: '2020-07-02',
    as_of_start: '2020-07-02',
    as_of_end: '2020-07-02',
    as_of_basis: 'publication',
    source_reliability: 'press',
    source_published_start: '2020-07-02',
    withdrawn: false,
    ...extra,
    value,
    min: bounds.min,
    max: bounds.max,
  };
}

const closed = (low: number, high: number): ValueInterval => ({
  low,
  lowInclusive: true,
  high,
  highInclusive: true,
});

describe('valueInterval', () => {
  it.each([
    ['exact', 746, closed(746, 746)],
    ['approximate', 800, closed(800, 800)],
    ['more_than', 740, { low: 740, lowInclusive: false, high: Infinity, highInclusive: false }],
    ['at_least', 1000, { low: 1000, lowInclusive: true, high: Infinity, highInclusive: false }],
    ['nearly', 700, { low: -Infinity, lowInclusive: false, high: 700, highInclusive: false }],
    ['up_to', 10000, { low: -Infinity, lowInclusive: false, high: 10000, highInclusive: true }],
  ] as const)('%s %d', (qualifier, value, expected) => {
    expect(valueInterval(claim('s/c', qualifier, value))).toEqual(expected);
  });
  it('is [min, max] for a range and null without a number', () => {
    expect(valueInterval(claim('s/c', 'range', null, { min: 80, max: 100 }))).toEqual(
      closed(80, 100),
    );
    expect(valueInterval(claim('s/c', 'unspecified', null))).toBeNull();
  });
});

describe('intersectIntervals', () => {
  const of = (...claims: FigureRow[]) => intersectIntervals(claims.map((c) => valueInterval(c)!));
  it('finds the figures every claim allows', () => {
    expect(of(claim('a/c', 'more_than', 740), claim('b/c', 'exact', 746))).toEqual(
      closed(746, 746),
    );
    expect(of(claim('a/c', 'more_than', 690), claim('b/c', 'nearly', 700))).toEqual({
      low: 690,
      lowInclusive: false,
      high: 700,
      highInclusive: false,
    });
  });
  it('is empty when no figure satisfies them all, exclusive ends included', () => {
    expect(of(claim('a/c', 'nearly', 700), claim('b/c', 'exact', 746))).toBeNull();
    expect(of(claim('a/c', 'more_than', 746), claim('b/c', 'exact', 746))).toBeNull();
    expect(of(claim('a/c', 'nearly', 700), claim('b/c', 'exact', 700))).toBeNull();
    expect(of(claim('a/c', 'at_least', 700), claim('b/c', 'up_to', 700))).toEqual(closed(700, 700));
    expect(
      of(claim('a/c', 'range', null, { min: 80, max: 100 }), claim('b/c', 'more_than', 100)),
    ).toBeNull();
  });
});

describe('findConflicts', () => {
  it('reports a point whose claims cannot all be true, with every claim of the point', () => {
    const claims = [
      claim('asis/uk-arrests', 'more_than', 740),
      claim('bbc/uk-arrests', 'exact', 746),
      claim('emsou/uk-arrests', 'nearly', 700),
      claim('nca/uk-arrests', 'exact', 746, { source_reliability: 'official-copy' }),
    ];
    const [group, ...rest] = findConflicts(claims);
    expect(rest).toEqual([]);
    expect(group!.conflict_id).toBe('arrests::count:united-kingdom:::encrochat@2020-07-02');
    expect(group!.claims.map((c) => c.claim_id)).toEqual([
      'asis/uk-arrests',
      'bbc/uk-arrests',
      'emsou/uk-arrests',
      'nca/uk-arrests',
    ]);
    expect(group!.best.claim_id).toBe('nca/uk-arrests');
  });

  it('does not report claims that agree, however worded', () => {
    expect(
      findConflicts([
        claim('a/c', 'more_than', 740),
        claim('b/c', 'exact', 746),
        claim('c/c', 'approximate', 746),
      ]),
    ).toEqual([]);
    expect(
      findConflicts([
        claim('a/c', 'approximate', 60000),
        claim('b/c', 'exact', 60000),
        claim('c/c', 'up_to', 60000),
      ]),
    ).toEqual([]);
  });

  it('compares an approximate figure by its value', () => {
    expect(
      findConflicts([claim('a/c', 'approximate', 800), claim('b/c', 'exact', 746)]),
    ).toHaveLength(1);
  });

  it('only groups claims of the same series point', () => {
    const otherDay = { as_of: '2020-07-03', as_of_start: '2020-07-03', as_of_end: '2020-07-03' };
    const month = { as_of: '2020-07', as_of_start: '2020-07-01', as_of_end: '2020-07-31' };
    expect(
      findConflicts([claim('a/c', 'exact', 746), claim('b/c', 'exact', 800, otherDay)]),
    ).toEqual([]);
    expect(findConflicts([claim('a/c', 'exact', 746), claim('b/c', 'exact', 800, month)])).toEqual(
      [],
    );
    expect(
      findConflicts([
        claim('a/c', 'exact', 746),
        claim('b/c', 'exact', 800, { place: 'scotland' }),
      ]),
    ).toEqual([]);
    expect(
      findConflicts([claim('a/c', 'exact', 746), claim('b/c', 'exact', 800, { unit: 'EUR' })]),
    ).toEqual([]);
    expect(
      findConflicts([
        claim('a/c', 'exact', 746),
        claim('b/c', 'exact', 800, { operation: 'venetic' }),
      ]),
    ).toEqual([]);
    expect(
      findConflicts([
        claim('a/c', 'exact', 746),
        claim('b/c', 'exact', 800, { networks: ['encrochat', 'sky-ecc'] }),
      ]),
    ).toEqual([]);
  });

  it('ignores withdrawn claims and claims with no number', () => {
    expect(
      findConflicts([claim('a/c', 'exact', 746), claim('b/c', 'exact', 800, { withdrawn: true })]),
    ).toEqual([]);
    expect(findConflicts([claim('a/c', 'exact', 746), claim('b/c', 'unspecified', null)])).toEqual(
      [],
    );
  });

  it('accepts ready-made series points and gives the same groups', () => {
    const claims = [
      claim('a/c', 'exact', 746),
      claim('b/c', 'exact', 800),
      claim('c/c', 'exact', 1, { metric: 'charges' }),
    ];
    const points = buildSeries(claims);
    expect(findConflicts(points)).toEqual(findConflicts(claims));
    expect(points.map((p) => conflictOf(p) !== null)).toEqual([true, false]);
  });
});
