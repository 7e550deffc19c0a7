/**
 * How the checker reads a text (on the real vocabulary of data/metrics and data/places): numbers as
 * English writes them, the words that name a metric, a place, a network, sentences and clauses.
 */
import * as dataset from '@encrochat-ledger/dataset';
import { describe, expect, it } from 'vitest';
import { checkText } from '../src/index.js';
import { labelWords } from '../src/metric-words.js';
import { clausesOf, sentencesOf } from '../src/text-parts.js';

const figures = (text: string) => checkText(text, dataset).figures;
const read = (text: string) =>
  figures(text).map((f) => ({
    numeral: f.numeral,
    value: f.value,
    metric: f.metric,
    place: f.place,
    unit: f.unit,
  }));

describe('numbers as English writes them', () => {
  it.each([
    ['6,558 arrests worldwide', 6558],
    ['6 558 arrests worldwide', 6558],
    ['6.5 thousand arrests worldwide', 6500],
    ['two thousand arrests worldwide', 2000],
    ['twenty-two arrests in Scotland', 22],
    ['£54m in cash seized in the UK', 54e6],
    ['£54 million in cash seized in the UK', 54e6],
    ['54 million pounds in cash seized in the UK', 54e6],
    ['2.5 tonnes of drugs seized in the UK', 2500],
    ['5,070kg of drugs seized in the UK', 5070],
    ['half a million pounds in cash seized in the UK', 5e5],
  ])('%j → %d', (text, value) => expect(read(text)[0]!.value).toBe(value));

  it('a comma and a space separate two numbers: "746, 120 and 54"', () => {
    expect(
      figures('In the UK: 746 arrests, 120 charged, 54 convicted').map((f) => [f.value, f.metric]),
    ).toEqual([
      [746, 'arrests'],
      [120, 'charges'],
      [54, 'convictions'],
    ]);
  });

  it('"a" and "an" are not numbers, "a million" is', () => {
    expect(figures('It was a success in the UK, an operation like no other')).toEqual([]);
    expect(read('a million euros in cash seized worldwide')[0]).toMatchObject({
      value: 1e6,
      unit: 'EUR',
    });
  });

  it('a year before a metric word is still a figure when no date word says it is a year', () => {
    expect(read('2000 kg of drugs were seized in the UK')[0]).toMatchObject({
      value: 2000,
      unit: 'kg',
    });
    expect(checkText('In 2020 police in the UK made 746 arrests', dataset).not_figures).toEqual([
      expect.objectContaining({ text: '2020', why: 'a year' }),
    ]);
  });
});

describe('the words that name a metric', () => {
  it('come from the metric labels of data/metrics', () => {
    expect(labelWords('People charged')).toEqual(['charged']);
    expect(labelWords('Assets seized (value)')).toEqual(['assets', 'seized']);
    expect(labelWords('Arrest warrants executed')).toEqual(['arrest', 'warrants', 'executed']);
  });

  it.each([
    ['746 people were arrested in the UK', 'arrests'],
    ['746 suspects detained in the UK', 'arrests'],
    ['6,558 suspects arrested worldwide', 'arrests'],
    ['1,384 have been charged in the UK', 'charges'],
    ['260 convicted in the UK', 'convictions'],
    ['74 firearms in the UK', 'firearms_seized'],
    ['115 guns were seized in the UK', 'firearms_seized'],
    ['2,879 rounds of ammunition in the UK', 'ammunition_seized'],
    ['12 arrest warrants executed in Germany', 'warrants_executed'],
    ['14 drug labs dismantled in the Netherlands', 'drug_labs_dismantled'],
    ['200 threats to life in the UK', 'threats_to_life_mitigated'],
    ['cash worth £54m was seized in the UK', 'cash_seized'],
    ['60,000 users worldwide', 'users'],
  ])('%j → %s', (text, metric) => expect(read(text)[0]!.metric).toBe(metric));

  it('the words of the number first: "746 arrests and seized drugs" counts arrests', () => {
    expect(read('746 arrests and seized drugs in the UK')[0]!.metric).toBe('arrests');
  });

  it('"years" are prison years only in a sentence about prison', () => {
    expect(read('sentences in the UK total 14,000 years')[0]!.metric).toBe('custodial_years');
    expect(read('three years after the hack, 746 arrests in the UK')).toEqual([
      expect.objectContaining({ metric: null }),
      expect.objectContaining({ metric: 'arrests' }),
    ]);
  });
});

describe('places and networks', () => {
  it.each([
    ['746 arrests in the UK', 'united-kingdom'],
    ['746 arrests in the U.K. so far', 'united-kingdom'],
    ['746 arrests in Britain', 'united-kingdom'],
    ['Britain’s police made 746 arrests', 'united-kingdom'],
    ['Dutch police made 60 arrests', 'netherlands'],
    ['40 arrests in Northern Ireland', 'northern-ireland'],
    ['59 arrests in Scotland', 'scotland'],
    ['6,558 arrests worldwide', 'world'],
    ['more than 800 Europe-wide arrests', 'europe'],
    ['37 arrests in Greater Manchester', 'greater-manchester'],
  ])('%j → %s', (text, place) => expect(read(text)[0]!.place).toBe(place));

  it('each figure its place: "746 arrests in the UK and more than 800 arrests across Europe"', () => {
    expect(
      read('746 arrests in the UK and more than 800 arrests across Europe').map((f) => f.place),
    ).toEqual(['united-kingdom', 'europe']);
  });

  it('the networks the sentence names, else EncroChat', () => {
    expect(figures('3,300 arrests in the UK from EncroChat and Sky ECC')[0]!.networks).toEqual([
      'encrochat',
      'sky-ecc',
    ]);
    expect(figures('746 arrests in the UK')[0]!.networks).toEqual(['encrochat']);
  });
});

describe('sentences and clauses', () => {
  it('a full stop after initials or in a number ends no sentence', () => {
    const text = 'The U.K. made 746 arrests. Europol said 6.5 thousand! Done';
    expect(sentencesOf(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
      'The U.K. made 746 arrests.',
      'Europol said 6.5 thousand!',
      'Done',
    ]);
  });

  it('commas, semicolons and colons end clauses; a comma inside a number does not', () => {
    const text = 'In the UK, 6,500 arrests; 746: charged';
    expect(
      clausesOf(text, { start: 0, end: text.length }).map((c) => text.slice(c.start, c.end).trim()),
    ).toEqual(['In the UK', '6,500 arrests', '746', 'charged']);
  });
});
