/**
 * checkText on the real dataset (the installed @encrochat-ledger/dataset, built from data/): the
 * issue's sentence agrees with Europol's 6,558; a figure the ledger contradicts; a number with no
 * metric; no number; currencies and tonnes; the headline marks are the dataset's `latest` rule.
 */
import * as dataset from '@encrochat-ledger/dataset';
import { claimsTable, latestTable, valueInterval } from '@encrochat-ledger/dataset';
import { describe, expect, it } from 'vitest';
import {
  checkText,
  CheckError,
  CHECK_FORMAT,
  MAX_TEXT_LENGTH,
  type FigureCheck,
} from '../src/index.js';
import { answerFigure } from '../src/compare.js';

const EUROPOL = 'europol-2023-06-27-dismantling-encrochat-6500-arrests/world-arrests';
const check = (text: string) => checkText(text, dataset);
const only = (text: string): FigureCheck => {
  const { figures } = check(text);
  expect(figures, text).toHaveLength(1);
  return figures[0]!;
};
const ids = (list: { claim_id: string }[]) => list.map((c) => c.claim_id);

describe('"Police across Europe made more than 6,500 arrests" (the issue\'s sentence)', () => {
  const result = check('Police across Europe made more than 6,500 arrests');
  const f = result.figures[0]!;

  it('is read as more than 6,500 arrests (a count) in Europe, EncroChat, with "Police" not used', () => {
    expect(result.figures).toHaveLength(1);
    expect(f).toMatchObject({
      text: 'more than 6,500 arrests',
      numeral: '6,500',
      value: 6500,
      qualifier: 'more_than',
      qualifier_words: 'more than',
      bounds: { low: 6500, low_inclusive: false, high: null, high_inclusive: false },
      unit: 'count',
      metric: 'arrests',
      metric_words: 'arrests',
      place: 'europe',
      place_words: 'Europe',
      networks: ['encrochat'],
      network_words: [],
      not_understood: [],
    });
    expect(f.understood).toEqual(
      expect.arrayContaining([
        "'6,500' read as more than 6,500 ('more than')",
        "'arrests' → arrests (arrests)",
        "place 'Europe' → Europe (europe)",
        'network: EncroChat (the text names none)',
      ]),
    );
    expect(result.unused_words).toEqual(['Police']);
  });

  it("agrees with Europol's 6,558, recorded for the world, and says why the world is compared", () => {
    expect(f.also_compared).toEqual([
      expect.objectContaining({
        place: 'world',
        place_name: 'World',
        why: expect.stringContaining('Europol'),
      }),
    ]);
    expect(f.answer).toBe('agrees');
    // Europol's 6,558 is the figure to quote first: the latest whole-place headline of the places compared.
    expect(f.headline).toMatchObject({
      claim_id: EUROPOL,
      verdict: 'agrees',
      headline: true,
      figure: '6,558',
      value: 6558,
      place: 'world',
      as_of: '2023-06-27',
      quote: '6 558 suspects arrested, amongst whom 197 High Value Targets',
      also_compared: expect.stringContaining('Europol'),
    });
    expect(f.agrees[0]!.claim_id).toBe(EUROPOL);
    expect(f.headline!.source_title).toContain('6 500 arrests');
  });

  it('lists every claim compared as agreeing or contradicting by its bounds, with source, date and quote', () => {
    const compared = claimsTable.filter(
      (r) =>
        r.metric === 'arrests' &&
        r.unit === 'count' &&
        r.breakdown_key === null &&
        (r.place === 'europe' || r.place === 'world') &&
        !r.withdrawn &&
        r.networks?.join() === 'encrochat' &&
        r.qualifier !== 'unspecified',
    );
    expect([...ids(f.agrees), ...ids(f.contradicts)].sort()).toEqual(ids(compared).sort());
    // "more than 6,500" cannot be 6,500 itself (Confilegal), nor 5,000, nor "about 1,800" taken at its word.
    expect(ids(f.contradicts)).toEqual(
      expect.arrayContaining([
        'confilegal-2023-11-03-an-investiga-76-asuntos-encrochat-sky/world-arrests',
        'tiroler-tageszeitung-2021-04-hack-kryptonetzwerk-1800-festnahmen/europe-arrests',
      ]),
    );
    expect(ids(f.agrees)).toEqual(
      expect.arrayContaining([
        'telegraaf-2023-06-27-ruim-6500-arrestaties-encrochat/world-arrests', // "ruim 6500": more than 6,500
        'european-commission-2020-07-24-encrochat-europol-irreplaceable/arrests', // at least 1,000
      ]),
    );
    for (const c of [...f.agrees, ...f.contradicts]) {
      expect(c.source_title, c.claim_id).toBeTruthy();
      expect(c.as_of, c.claim_id).toBeTruthy();
      expect(c.quote, c.claim_id).toBeTruthy();
    }
    expect(f.claims_without_number).toBe(1); // "EncroChat … thousands": the world figure of June 2020 with no number
  });
});

describe('a figure the ledger contradicts', () => {
  it('"more than 10,000 arrests in the UK": every UK count of EncroChat arrests is below it', () => {
    const f = only('More than 10,000 arrests were made in the UK.');
    expect(f).toMatchObject({
      metric: 'arrests',
      place: 'united-kingdom',
      value: 10000,
      answer: 'contradicts',
    });
    expect(f.headline).toMatchObject({
      claim_id: 'telegraph-2023-10-09-drug-kingpins-among-1200/uk-arrests',
      figure: '3,100',
      headline: true,
      verdict: 'contradicts',
    });
    expect(f.agrees.every((c) => c.qualifier === 'more_than' || c.qualifier === 'at_least')).toBe(
      true,
    );
    expect(f.contradicts.length).toBeGreaterThan(5);
  });

  it('"746 arrests in the UK" agrees with the NCA\'s 746 of 2 July 2020 and contradicts the figure to quote first', () => {
    const f = only('In the UK, 746 people were arrested.');
    expect(f.place_words).toBe('UK');
    expect(f.answer).toBe('contradicts');
    expect(f.headline!.figure).toBe('3,100');
    expect(ids(f.agrees)).toContain(
      'nca-2020-07-02-unparalleled-victory-against-kingpin-criminals/uk-arrests',
    );
  });
});

describe('what is not understood is said, never guessed', () => {
  it('a number with no word for what it counts', () => {
    const f = only('Police in the UK said the figure was 746.');
    expect(f.answer).toBe('not-understood');
    expect(f.metric).toBeNull();
    expect(f.not_understood).toEqual([
      expect.stringContaining('no word near it says what it counts'),
    ]);
    expect(f.agrees).toEqual([]);
    expect(f.contradicts).toEqual([]);
  });

  it('a sentence with no number', () => {
    const result = check('EncroChat was a network used by criminals across Europe.');
    expect(result.figures).toEqual([]);
    expect(result.unused_words).toEqual(expect.arrayContaining(['network', 'criminals']));
  });

  it('a figure with no place: not checked, and the places that have it are named', () => {
    const f = only('Police made 746 arrests.');
    expect(f.answer).toBe('not-understood');
    expect(f.not_understood).toEqual([expect.stringContaining('no place is named')]);
    expect(f.places_with_figures.map((p) => p.place)).toEqual(
      expect.arrayContaining(['united-kingdom', 'world', 'europe', 'scotland']),
    );
  });

  it('two places for one figure', () => {
    const f = only('Police in the UK and the Netherlands arrested 746 people.');
    expect(f.not_understood).toEqual([
      expect.stringContaining('several places (United Kingdom, Netherlands)'),
    ]);
  });

  it('a number English does not write so', () => {
    expect(only('6.558 arrests in the UK').not_understood).toEqual([
      "'6.558' is 6.558 in English, and arrests are counted in whole numbers",
    ]);
    expect(only('1,5 million in cash seized in the UK').not_understood).toEqual(
      expect.arrayContaining([
        expect.stringContaining("'1,5' is not written as English writes numbers"),
      ]),
    );
  });

  it('a unit that does not fit the metric', () => {
    expect(only('£54m of arrests in the UK').not_understood).toEqual([
      "'£' is money; arrests are not counted in money",
    ]);
    expect(only('Police seized 54 million in cash in the UK').not_understood).toEqual([
      expect.stringContaining('no currency is written with it'),
    ]);
  });

  it('dates, years, percentages and vague amounts are not figures', () => {
    const result = check(
      'On 27 June 2023, 30% of several dozen guns seized in the UK were pistols.',
    );
    expect(result.figures).toEqual([]);
    expect(result.not_figures.map((n) => [n.text, n.why])).toEqual([
      ['27', 'a day of a date'],
      ['2023', 'a year'],
      ['30', 'a percentage'],
      ['dozen', "a vague amount ('several dozen'), not a figure"],
    ]);
  });

  it('no figure for this in the ledger, with the places that have one', () => {
    const f = only('Police in Kent made 12 arrests.');
    expect(f.answer).toBe('no-figure');
    expect(f.headline).toBeNull();
    expect(f.places_with_figures.map((p) => p.place)).toContain('united-kingdom');
    expect(f.places_with_figures.map((p) => p.place)).not.toContain('kent');
  });
});

describe('currencies, tonnes and pounds', () => {
  it('"£54m in cash" in the UK is 54,000,000 GBP of cash seized', () => {
    const f = only('Police in the UK seized £54m in cash.');
    expect(f).toMatchObject({
      metric: 'cash_seized',
      unit: 'GBP',
      unit_words: '£',
      value: 54e6,
      text: '£54m in cash',
    });
    expect(ids(f.agrees)).toContain('bbc-2020-07-02-hundreds-arrested/uk-cash');
    // Exactly £54m is not "over £54 million": the NCA's own wording contradicts it.
    expect(ids(f.contradicts)).toContain(
      'nca-2020-07-02-unparalleled-victory-against-kingpin-criminals/uk-cash',
    );
    expect(f.contradicts.map((c) => c.figure)).toContain('76,914,575 GBP');
  });

  it('"EUR 739.7 million" in cash worldwide agrees with Europol to the hundred thousand', () => {
    const f = only('EUR 739.7 million in cash was seized worldwide');
    expect(f).toMatchObject({ unit: 'EUR', value: 739_700_000, answer: 'agrees', place: 'world' });
    expect(f.headline!.claim_id).toBe(
      'europol-2023-06-27-dismantling-encrochat-6500-arrests/world-cash',
    );
    expect(f.contradicts.map((c) => c.figure)).toContain('739,000,000 EUR'); // "739 millions" is not 739.7 million
    expect(check('EUR 739.7 million in cash was seized worldwide').unused_words).toEqual([]);
  });

  it('a currency the ledger has no figure in', () => {
    expect(only('$80 million in cash was seized in the UK').answer).toBe('no-figure');
  });

  it('"two tonnes of drugs" in the UK is 2,000 kg of drugs (the total, not a drug)', () => {
    const f = only('Police seized two tonnes of drugs in the UK');
    expect(f).toMatchObject({
      metric: 'drugs_seized',
      unit: 'kg',
      conversion: 'tonnes',
      value: 2000,
      breakdown: null,
    });
    expect(f.understood).toContain("'tonnes' → kg (tonnes converted: 2,000 kg)");
    expect(f.agrees.map((c) => c.figure)).toEqual(['2,000 kg', '2,000 kg']);
    expect([...f.agrees, ...f.contradicts].every((c) => c.breakdown_key === null)).toBe(true);
  });

  it('"8 tons of cocaine" in Britain is compared with cocaine alone', () => {
    const f = only('8 tons of cocaine were seized in Britain');
    expect(f.breakdown).toEqual({ key: 'drug', value: 'cocaine', words: 'cocaine' });
    expect(f.answer).toBe('agrees');
    expect([...f.agrees, ...f.contradicts].every((c) => c.breakdown_value === 'cocaine')).toBe(
      true,
    );
  });

  it('"22,000 lbs of cannabis" is converted to kg by the number reader', () => {
    const f = only('22,000 lbs of cannabis were seized in the UK');
    expect(f).toMatchObject({ unit: 'kg', conversion: 'pounds', breakdown: { value: 'cannabis' } });
    expect(f.value).toBeCloseTo(9979.03214, 5);
  });

  it('years in prison, and a range', () => {
    const years = check(
      'Over 1,200 people have been convicted in the UK, jailed for a total of nearly 8,000 years',
    );
    expect(years.figures.map((f) => [f.metric, f.qualifier, f.value, f.unit, f.answer])).toEqual([
      ['convictions', 'more_than', 1200, 'count', 'agrees'],
      ['custodial_years', 'nearly', 8000, 'years', 'agrees'],
    ]);
    const range = only('between 2,000 and 3,000 arrests in the UK');
    expect(range).toMatchObject({
      qualifier: 'range',
      min: 2000,
      max: 3000,
      value: null,
      text: 'between 2,000 and 3,000 arrests',
    });
    expect(range.bounds).toEqual({
      low: 2000,
      low_inclusive: true,
      high: 3000,
      high_inclusive: true,
    });
  });
});

describe('several figures in a draft', () => {
  it('each figure its own metric and place', () => {
    const result = check(
      'In the UK, 746 people were arrested and £54m in cash was seized. Scotland’s police arrested 59 people; in Wales 40 were arrested.',
    );
    expect(result.figures.map((f) => [f.numeral, f.metric, f.place, f.answer])).toEqual([
      ['746', 'arrests', 'united-kingdom', 'contradicts'],
      ['54m', 'cash_seized', 'united-kingdom', 'contradicts'],
      ['59', 'arrests', 'scotland', 'agrees'],
      ['40', 'arrests', 'wales', 'agrees'],
    ]);
  });

  it('a network the text names: Sky ECC and EncroChat together are another count', () => {
    const f = only('More than 3,300 arrests in the UK from EncroChat, Sky ECC and ANOM');
    expect(f.networks).toEqual(['anom', 'encrochat', 'sky-ecc']);
    expect(f.answer).toBe('agrees');
    expect(f.headline!.claim_id).toBe(
      'narcodiario-2024-05-desencriptacion-3300-detenidos-reino-unido/uk-arrests',
    );
  });

  it('is deterministic and plain JSON', () => {
    const text =
      'Police across Europe made more than 6,500 arrests and seized EUR 739.7 million in cash worldwide';
    const result = check(text);
    expect(result.format).toBe(CHECK_FORMAT);
    expect(result.dataset_version).toBe(dataset.version);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(JSON.stringify(checkText(text, { ...dataset }))).toBe(JSON.stringify(result));
  });

  it('refuses what is not a text, or too long a one', () => {
    expect(() => checkText(42 as unknown as string, dataset)).toThrow(CheckError);
    expect(() => checkText('x'.repeat(MAX_TEXT_LENGTH + 1), dataset)).toThrow(/at most 100,000/);
  });
});

describe('the figure to quote first is the dataset’s latest rule', () => {
  it('marks exactly the headlines of latestTable, for every EncroChat total of every metric and place', () => {
    const whole = { low: -Infinity, lowInclusive: false, high: Infinity, highInclusive: false };
    const totals = latestTable.filter(
      (l) => l.breakdown_key === null && l.networks?.join() === 'encrochat',
    );
    const keys = new Set(totals.map((l) => `${l.metric}|${l.unit}|${l.place}`));
    expect(keys.size).toBeGreaterThan(50);
    for (const key of keys) {
      const [metric, unit, place] = key.split('|') as [string, string, string];
      const answer = answerFigure(
        whole,
        { metric, unit, breakdown: null, networks: ['encrochat'] },
        [{ place, why: null }],
        claimsTable,
      );
      const marked = answer.agrees.filter((c) => c.headline).map((c) => c.row.claim_id);
      const expected = totals
        .filter((l) => l.metric === metric && l.unit === unit && l.place === place)
        .map((l) => l.headline_claim_id);
      expect(marked.sort(), key).toEqual(expected.sort());
      expect(answer.contradicts).toEqual([]);
      // Every claim compared states a number, by the dataset's one meaning of qualifiers.
      expect(answer.agrees.every((c) => valueInterval(c.row))).toBe(true);
    }
  });
});
