import { describe, expect, it } from 'vitest';
import {
  candidateValues,
  matchesCandidate,
  plainPositions,
  readingsInUnit,
  readNumbers,
  significantDigits,
  statesPlainly,
} from '../src/numbers-in-text.js';

const reads = (quote: string, unit: string, value: number, language = 'en') =>
  matchesCandidate(value, candidateValues(quote, unit, language));

describe('numbers as people write them', () => {
  it.each([
    ['£54m in suspect cash', 'GBP', 54_000_000],
    ['£2,191,200 in cash', 'GBP', 2_191_200],
    ['More than two tonnes of drugs', 'kg', 2000],
    ['nearly 700 arrests', 'count', 700],
    ['1,100 years in prison', 'years', 1100],
    ['7.5kg in cocaine', 'kg', 7.5],
    ['6 558 suspects arrested', 'count', 6558],
    ['EUR 739.7 million in cash seized', 'EUR', 739_700_000],
    ['103.5 tonnes of cocaine seized', 'kg', 103_500],
    ['22,000 lbs of cocaine', 'kg', 9979.03],
    ['Seven of the 15 men', 'count', 7],
    ['twenty-two guns', 'count', 22],
    ['sentenced to 18 months', 'years', 1.5],
    ['€1.2bn', 'EUR', 1_200_000_000],
  ])('%j reads as %s %d', (quote, unit, value) => expect(reads(quote, unit, value)).toBe(true));

  it.each([
    ['Ruim 1,5 miljoen euro', 'EUR', 1_500_000, 'nl'],
    ['6.558 verdachten', 'count', 6558, 'nl'],
    ['meer dan honderd arrestaties', 'count', 100, 'nl'],
    ["zo'n twaalfduizend mobieltjes", 'count', 12_000, 'nl'],
    ['Vierhonderd analisten', 'count', 400, 'nl'],
    ["Une centaine d'assassinats", 'count', 100, 'fr'],
    ['casi seis toneladas y media de cocaína', 'kg', 6500, 'es'],
    ['alrededor de cinco mil usuarios', 'count', 5000, 'es'],
    ['Ett tiotal förhindrade mordplaner', 'count', 10, 'sv'],
    ['to handgranatar', 'count', 2, 'no'],
    ['über 900 Haftbefehle', 'count', 900, 'de'],
  ])('%j reads as %s %d (%s)', (quote, unit, value, language) =>
    expect(reads(quote, unit, value, language)).toBe(true),
  );

  it.each([
    ['746 arrests', 'count', 747],
    ['746 arrests', 'count', 74.6],
    ['two tonnes', 'count', 2000],
    ['£54m', 'GBP', 54],
    ['to the police', 'count', 2],
  ])('%j does not read as %s %d', (quote, unit, value) =>
    expect(reads(quote, unit, value)).toBe(false),
  );
});

describe('statesPlainly (the fast path)', () => {
  it.each([
    ['Arrested: 2,864', 2864, true],
    ['Arrested: 2864.', 2864, true],
    ['746 arrests', 746, true],
    ['7,460 arrests', 746, false],
    ['1746 arrests', 746, false],
    ['7.46 million', 746, false],
    ['6 558 suspects', 6558, false],
    ['£54m', 54_000_000, false],
  ])('%j states %d plainly: %s', (quote, value, expected) =>
    expect(statesPlainly(quote, value)).toBe(expected),
  );
});

describe('where numbers are written', () => {
  it('gives each reading its place, the multiplier included', () => {
    const quote = 'more than £54m in cash and twenty-two guns';
    const at = (value: number) =>
      readNumbers(quote)
        .filter((r) => r.value === value)
        .map((r) => quote.slice(r.start, r.end));
    expect(at(54_000_000)).toEqual(['54m']);
    expect(at(22)).toEqual(['twenty-two']);
  });
  it('places the parts of a numeral that absorbed a space group', () => {
    const quote = 'In 2020 746 people';
    expect(
      readNumbers(quote)
        .filter((r) => r.value === 746)
        .map((r) => quote.slice(r.start, r.end)),
    ).toEqual(['746']);
  });
  it('finds plain numerals, grouped or not, and not inside longer ones', () => {
    expect(plainPositions('2,864 of 2864; 12,864', 2864)).toEqual([
      { start: 9, end: 13 },
      { start: 0, end: 5 },
    ]);
    expect(plainPositions('7,460 arrests', 746)).toEqual([]);
  });
});

describe('readingsInUnit', () => {
  it('says how each number was brought to the unit', () => {
    const kinds = (quote: string, unit: string, value: number) =>
      readingsInUnit(quote, unit)
        .filter((r) => matchesCandidate(value, [r.inUnit]))
        .map((r) => r.conversion);
    expect(kinds('two tonnes', 'kg', 2000)).toEqual(['tonnes']);
    expect(kinds('22,000 lbs', 'kg', 9979.03214)).toEqual(['pounds']);
    expect(kinds('500 grams', 'kg', 0.5)).toEqual(['grams']);
    expect(kinds('57 maanden', 'years', 4.75)).toEqual(['months']);
    expect(kinds('7.5kg', 'kg', 7.5)).toEqual(['none']);
  });
  it('also reads pounds and months rounded to the digits of the figure ("22,000 lbs" is 10,000 kg, "8 months" 0.7 years)', () => {
    expect(reads('22,000 lbs of cocaine', 'kg', 10_000)).toBe(true);
    expect(reads('5 lbs of heroin', 'kg', 2)).toBe(true);
    expect(reads('5 lbs of heroin', 'kg', 3)).toBe(false);
    expect(reads('jailed for 8 months', 'years', 0.7)).toBe(true);
  });
});

describe('significantDigits', () => {
  it.each([
    [22_000, 2],
    [9979.03214, 9],
    [69.9, 3],
    [2000, 1],
    [1_500_000, 2],
    [0.5, 1],
    [0.045, 2],
    [4.75, 3],
    [0, 0],
  ])('%d has %d', (n, digits) => expect(significantDigits(n)).toBe(digits));
});
