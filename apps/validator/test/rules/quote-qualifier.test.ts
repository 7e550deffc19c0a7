/** QUAL001: the qualifier agrees with the words before the claim's number in its quote. */
import { describe, expect, it } from 'vitest';
import { claim, run, source } from '../helpers.js';

const one = (extra: Record<string, unknown>, language = 'en') =>
  run({ 'sources/s.json': source('s', [claim('s', 'a', extra)], { language }) });

describe('QUAL001 qualifier agrees with the quote', () => {
  it('flags an exact claim whose quote says "more than", on the qualifier, with the words', () => {
    const { report } = one({ value: 700, quote: 'So far, more than 700 arrests have been made.' });
    expect(report.findings).toMatchObject([
      { code: 'QUAL001', severity: 'error', pointer: '/claims/0/qualifier' },
    ]);
    expect(report.findings[0]!.message).toBe(
      'qualifier is "exact" but the quote words the number as more_than: "So far, more than 700"',
    );
  });

  it('flags an approximate claim whose number has no qualifying word', () => {
    expect(
      one({ qualifier: 'approximate', quote: 'Police made 746 arrests.' }).report.findings,
    ).toMatchObject([{ code: 'QUAL001', message: expect.stringContaining('as exact') }]);
  });

  it("looks at the claim's own number when the quote holds several", () => {
    const quote = 'nearly 3,000 arrests, about 1,500 charges and more than 300 convictions';
    expect(one({ value: 1500, qualifier: 'approximate', quote }).codes).toEqual([]);
    expect(one({ value: 300, qualifier: 'more_than', quote }).codes).toEqual([]);
    expect(one({ value: 3000, qualifier: 'more_than', quote }).codes).toEqual(['QUAL001']);
  });

  it('reads the number as QUOTE001 does: multipliers, words, conversions', () => {
    expect(
      one({
        metric: 'drugs_seized',
        unit: 'kg',
        value: 2000,
        qualifier: 'more_than',
        quote: 'More than two tonnes of drugs were seized.',
      }).codes,
    ).toEqual([]);
    expect(
      one({
        metric: 'drugs_seized',
        unit: 'kg',
        value: 2000,
        qualifier: 'exact',
        quote: 'More than two tonnes of drugs were seized.',
      }).codes,
    ).toEqual(['QUAL001']);
  });

  it('accepts every qualifier worded as such, in the languages of the data', () => {
    const cases: [string, string, number, string][] = [
      ['en', 'at least 746 arrests', 746, 'at_least'],
      ['en', 'up to 746 arrests', 746, 'up_to'],
      ['nl', 'ruim 746 arrestaties', 746, 'more_than'],
      ['de', 'knapp 746 Festnahmen', 746, 'nearly'],
      ['fr', 'environ 746 arrestations', 746, 'approximate'],
      ['es', 'al menos 746 detenidos', 746, 'at_least'],
      ['sv', 'drygt 746 gripna', 746, 'more_than'],
      ['nb', 'opptil 746 pågrepne', 746, 'up_to'],
    ];
    for (const [language, quote, value, qualifier] of cases)
      expect(one({ value, qualifier, quote }, language).codes, `${language} ${quote}`).toEqual([]);
  });

  it('checks a range at its ends ("between … and …", "90 to 100")', () => {
    const range = (quote: string, qualifier = 'range') => {
      const c = claim('s', 'a', { qualifier, min: 90, max: 100, quote });
      delete c.value;
      return run({ 'sources/s.json': source('s', [c]) }).codes;
    };
    expect(range('between 90 and 100 arrests')).toEqual([]);
    expect(range('we had been having 90 to 100 in a year')).toEqual([]);
    expect(range('90 arrests in June and 100 in July')).toEqual(['QUAL001']);
    expect(one({ value: 100, quote: 'between 90 and 100 arrests' }).codes).toEqual(['QUAL001']);
  });

  it('says nothing when it cannot tell: the number is not in the quote, the language has no words here, the claim has no number or is withdrawn', () => {
    expect(one({ value: 747 }).codes).toEqual(['QUOTE001']);
    expect(one({ value: 700, quote: 'ponad 700 zatrzymań' }, 'pl').codes).toEqual([]);
    expect(
      run({
        'sources/s.json': source('s', [
          {
            ...claim('s', 'a', { qualifier: 'unspecified', quote: 'hundreds of arrests' }),
            value: undefined,
          },
        ]),
      }).codes,
    ).toEqual([]);
    expect(
      one({
        value: 700,
        quote: 'more than 700 arrests',
        withdrawn: { date: '2025-01-01', reason: 'Replaced by a better source.' },
      }).codes,
    ).toEqual([]);
  });

  it('honours a reasoned exception', () => {
    const exceptions = {
      QUAL001: {
        's/a': '"ongeveer" opens a list and is read as covering all of it, as the note says.',
      },
    };
    expect(
      run({
        'sources/s.json': source('s', [claim('s', 'a', { qualifier: 'approximate' })]),
        'validator-exceptions.json': exceptions,
      }).codes,
    ).toEqual([]);
  });
});
