/** CONS005: one source gives one figure per series and date. */
import { describe, expect, it } from 'vitest';
import { claim, run, source } from '../helpers.js';

const cash = {
  'metrics/cash_seized.json': {
    id: 'cash_seized',
    label: 'Cash seized',
    definition: 'Cash seized.',
    units: ['GBP'],
    cumulative: true,
  },
};
const skyEcc = {
  'networks/sky-ecc.json': { id: 'sky-ecc', name: 'Sky ECC', kind: 'encrypted-phone-network' },
};
const headline = claim('s', 'headline', {
  metric: 'cash_seized',
  unit: 'GBP',
  value: 2_000_000,
  qualifier: 'more_than',
  quote: 'More than £2m in cash has been seized.',
});
const body = claim('s', 'body', {
  metric: 'cash_seized',
  unit: 'GBP',
  value: 2_191_200,
  quote: 'the seizure of £2,191,200 in cash',
});

describe('CONS005 one figure per series and date in a source (warning)', () => {
  it('warns on a second figure for the same series and date, on the later claim', () => {
    const { report } = run({ ...cash, 'sources/s.json': source('s', [headline, body]) });
    expect(report.findings).toMatchObject([
      { code: 'CONS005', severity: 'warning', pointer: '/claims/1' },
    ]);
    expect(report.findings[0]!.message).toBe(
      'claim "s/body" (exact 2191200) gives a second figure for the same series and date as "s/headline" (more_than 2000000)',
    );
  });

  it('compares series as the dataset does: networks as a set, dates as days', () => {
    const a = claim('s', 'a', {
      scope: { place: 'united-kingdom', networks: ['encrochat', 'sky-ecc'] },
    });
    const b = claim('s', 'b', {
      value: 740,
      qualifier: 'more_than',
      quote: 'more than 740 arrests',
      as_of: '2020-07-02T13:41:00',
      scope: { place: 'united-kingdom', networks: ['sky-ecc', 'encrochat'] },
    });
    expect(run({ ...skyEcc, 'sources/s.json': source('s', [a, b]) }).codes).toEqual(['CONS005']);
  });

  it('is quiet for another date, scope, breakdown or source, and for a withdrawn claim', () => {
    const other = (extra: Record<string, unknown>) =>
      run({ ...cash, 'sources/s.json': source('s', [headline, { ...body, ...extra }]) }).codes;
    expect(
      other({
        as_of: '2020-07-01',
        as_of_basis: 'stated',
        quote: 'by 1 July, the seizure of £2,191,200 in cash',
      }),
    ).toEqual([]);
    expect(other({ scope: { place: 'world', networks: ['encrochat'] } })).toEqual([]);
    expect(
      other({ withdrawn: { date: '2025-01-01', reason: 'Replaced by a better source.' } }),
    ).toEqual([]);
    expect(
      run({
        ...cash,
        'sources/s.json': source('s', [headline]),
        'sources/t.json': source('t', [{ ...body, id: 't/body' }]),
      }).codes,
    ).toEqual([]);
  });

  it('leaves the same figure twice to CONS003', () => {
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a'), claim('s', 'b')]) }).codes,
    ).toEqual(['CONS003']);
  });

  it('honours an exception for two phrasings of one figure', () => {
    const exceptions = {
      CONS005: {
        's/body':
          'The headline rounds the regional total given in the text: two phrasings of one figure.',
      },
    };
    expect(
      run({
        ...cash,
        'sources/s.json': source('s', [headline, body]),
        'validator-exceptions.json': exceptions,
      }).codes,
    ).toEqual([]);
  });
});
