/** REF002: no reference leads to a withdrawn record. */
import { describe, expect, it } from 'vitest';
import { base, claim, run, source } from '../helpers.js';

const withdrawn = { date: '2025-01-01', reason: 'Merged into another record.' };
const oldUk = {
  id: 'old-uk',
  name: 'Old UK',
  kind: 'country',
  parent: 'world',
  withdrawn,
  superseded_by: 'united-kingdom',
  aliases: ['great-britain'],
};

describe('REF002 no references to withdrawn records', () => {
  it('flags a reference to a withdrawn record, or to its alias, and names the replacement', () => {
    const { report } = run({
      'places/old-uk.json': oldUk,
      'organisations/o.json': {
        id: 'o',
        name: 'O',
        kind: 'other',
        country: 'old-uk',
        places: ['great-britain'],
      },
    });
    expect(report.findings).toMatchObject([
      {
        code: 'REF002',
        severity: 'error',
        file: 'data/organisations/o.json',
        pointer: '/country',
        message: 'place "old-uk" is withdrawn (2025-01-01)',
        hint: 'use its replacement "united-kingdom"',
      },
      {
        code: 'REF002',
        pointer: '/places/0',
        message: 'place "great-britain" is withdrawn (2025-01-01)',
      },
    ]);
  });

  it("flags a claim's scope on a withdrawn metric, place or network", () => {
    const metric = { ...(base['metrics/arrests.json'] as object), id: 'arrests_old', withdrawn };
    const { report } = run({
      'metrics/arrests_old.json': metric,
      'sources/s.json': source('s', [claim('s', 'a', { metric: 'arrests_old' })]),
    });
    expect(report.findings).toMatchObject([{ code: 'REF002', pointer: '/claims/0/metric' }]);
  });

  it('flags superseded_by that leads to a withdrawn claim, or to a claim of a withdrawn source', () => {
    const old = claim('s', 'old', { withdrawn, superseded_by: 's/newer' });
    const newer = claim('s', 'newer', {
      withdrawn,
      superseded_by: 's/newest',
      value: 700,
      qualifier: 'more_than',
      quote: 'more than 700 arrests',
    });
    const newest = claim('s', 'newest', {
      value: 740,
      qualifier: 'more_than',
      quote: 'more than 740 arrests',
    });
    const { report } = run({ 'sources/s.json': source('s', [old, newer, newest]) });
    expect(report.findings).toMatchObject([
      {
        code: 'REF002',
        pointer: '/claims/0/superseded_by',
        message: 'claim "s/newer" is withdrawn (2025-01-01)',
        hint: 'use its replacement "s/newest"',
      },
    ]);
    const gone = source('t', [claim('t', 'a', { quote: 'There were 746 arrests.' })], {
      withdrawn,
      reliability: 'low',
    });
    const { report: bySource } = run({
      'sources/s.json': source('s', [claim('s', 'old', { withdrawn, superseded_by: 't/a' })]),
      'sources/t.json': gone,
    });
    expect(bySource.findings).toMatchObject([
      {
        code: 'REF002',
        pointer: '/claims/0/superseded_by',
        message: 'claim "t/a" is withdrawn with its source (2025-01-01)',
      },
    ]);
  });

  it('lets a withdrawn record keep its other references as they were', () => {
    const metric = { ...(base['metrics/arrests.json'] as object), id: 'arrests_old', withdrawn };
    const { codes } = run({
      'metrics/arrests_old.json': metric,
      'sources/s.json': source('s', [claim('s', 'a', { metric: 'arrests_old', withdrawn })]),
    });
    expect(codes).toEqual([]);
    expect(
      run({
        'places/old-uk.json': oldUk,
        'organisations/o.json': { id: 'o', name: 'O', kind: 'other', country: 'old-uk', withdrawn },
      }).codes,
    ).toEqual([]);
  });
});
