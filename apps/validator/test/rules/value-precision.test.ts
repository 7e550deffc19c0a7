/** PREC001: a value converted from other units carries no more significant digits than the quote's figure. */
import { describe, expect, it } from 'vitest';
import { claim, run, source } from '../helpers.js';

const metrics = {
  'metrics/cash_seized.json': {
    id: 'cash_seized',
    label: 'Cash seized',
    definition: 'Cash seized.',
    units: ['GBP', 'EUR'],
    cumulative: true,
  },
  'metrics/custodial_years.json': {
    id: 'custodial_years',
    label: 'Custodial years',
    definition: 'Years of imprisonment.',
    units: ['years'],
    cumulative: true,
  },
};
const drugs = (
  value: number,
  quote: string,
  extra: Record<string, unknown> = {},
  language = 'en',
) =>
  run({
    ...metrics,
    'sources/s.json': source(
      's',
      [claim('s', 'a', { metric: 'drugs_seized', unit: 'kg', value, quote, ...extra })],
      { language },
    ),
  });

describe('PREC001 no false precision in conversions', () => {
  it('flags pounds converted to more digits than the figure has, on the value, with the rounding to use', () => {
    const { report } = drugs(9979.03214, 'to seize 22,000 lbs . of cocaine');
    expect(report.findings).toMatchObject([
      { code: 'PREC001', severity: 'error', pointer: '/claims/0/value' },
    ]);
    expect(report.findings[0]!.message).toBe(
      'value 9979.03214 kg has 9 significant digits, but "22,000 lbs" it was converted from has 2',
    );
    expect(report.findings[0]!.hint).toContain('(10000)');
    expect(drugs(69.85322498, '154 lbs . of heroin').report.findings[0]!.hint).toContain('(69.9)');
  });

  it("accepts the conversion rounded to the figure's digits, or fewer", () => {
    expect(drugs(10_000, 'to seize 22,000 lbs . of cocaine').codes).toEqual([]);
    expect(drugs(69.9, '154 lbs . of heroin').codes).toEqual([]);
    expect(drugs(70, '154 lbs . of heroin').codes).toEqual([]);
  });

  it('accepts tonnes and grams, which scale by powers of ten', () => {
    expect(drugs(2000, 'More than two tonnes of drugs', { qualifier: 'more_than' }).codes).toEqual(
      [],
    );
    expect(
      drugs(6500, 'casi seis toneladas y media de cocaína', { qualifier: 'nearly' }, 'es').codes,
    ).toEqual([]);
    expect(drugs(0.5, 'Police seized 500 grams of heroin').codes).toEqual([]);
  });

  it('leaves alone what is not a conversion of precision: multipliers, and months that make exact years', () => {
    expect(
      run({
        ...metrics,
        'sources/s.json': source('s', [
          claim('s', 'a', {
            metric: 'cash_seized',
            unit: 'GBP',
            value: 1_500_000,
            quote: 'Police seized £1.5m in cash.',
          }),
        ]),
      }).codes,
    ).toEqual([]);
    expect(
      run({
        ...metrics,
        'sources/s.json': source('s', [
          claim('s', 'a', {
            metric: 'custodial_years',
            unit: 'years',
            value: 4.75,
            quote: 'sentenced to 57 months in prison',
          }),
        ]),
      }).codes,
    ).toEqual([]);
  });

  it('rounds months that make no exact number of years ("8 months" is 0.7 years, not 0.6667)', () => {
    const years = (value: number) =>
      run({
        ...metrics,
        'sources/s.json': source('s', [
          claim('s', 'a', {
            metric: 'custodial_years',
            unit: 'years',
            value,
            quote: 'jailed for a total of 8 months',
          }),
        ]),
      });
    expect(years(0.7).codes).toEqual([]);
    expect(years(0.6667).report.findings).toMatchObject([
      {
        code: 'PREC001',
        message:
          'value 0.6667 years has 4 significant digits, but "8 months" it was converted from has 1',
      },
    ]);
  });

  it('says nothing of a value the quote states as it is, or not at all (QUOTE001)', () => {
    expect(drugs(7.5, 'seizure of 7.5kg in cocaine').codes).toEqual([]);
    expect(drugs(9979.5, 'to seize 30,000 lbs of cocaine').codes).toEqual(['QUOTE001']);
  });

  it('honours a reasoned exception', () => {
    const exceptions = {
      PREC001: { 's/a': 'The source weighed the seizure to the pound; the figure is exact.' },
    };
    expect(
      run({
        'sources/s.json': source('s', [
          claim('s', 'a', {
            metric: 'drugs_seized',
            unit: 'kg',
            value: 9979.03214,
            quote: '22,000 lbs of cocaine',
          }),
        ]),
        'validator-exceptions.json': exceptions,
      }).codes,
    ).toEqual([]);
  });
});
