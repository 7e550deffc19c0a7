/**
 * The unit a figure is written in, from the words around its number: a currency sign or code before
 * it ("£54m", "EUR 739.7 million", "$67 million") or a currency word after it ("54 million euros");
 * a weight after it ("two tonnes", "5,070kg", "22,000 lbs"); "pills" or "tablets"; "litres"; "years"
 * or "months". No unit word: a count. Weights and months are brought to the ledger's kg and years by
 * the number reader (`readingsInUnit` of `@encrochat-ledger/core`), as the validator does.
 *
 * "Pounds" after a number is money for a metric counted in money and a weight for one counted in kg.
 */
import type { Word } from './text-parts.js';

/** What the words say the unit is, before the metric is known. */
export type UnitWords =
  | { kind: 'currency'; code: string; written: string; words: Word[] }
  | { kind: 'pounds'; written: string; words: Word[] }
  | {
      kind: 'kg' | 'tonnes' | 'grams' | 'tablets' | 'litres' | 'years' | 'months';
      written: string;
      words: Word[];
    }
  | { kind: 'none' };

const SIGNS: Readonly<Record<string, string>> = { '£': 'GBP', '€': 'EUR', $: 'USD' };
export const CURRENCY_CODES = ['GBP', 'EUR', 'USD', 'SEK', 'NOK', 'DKK', 'CHF'] as const;

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  euros: 'EUR',
  euro: 'EUR',
  dollars: 'USD',
  sterling: 'GBP',
  kronor: 'SEK',
  francs: 'CHF',
  ...Object.fromEntries(CURRENCY_CODES.map((c) => [c.toLowerCase(), c])),
};

const AFTER_WORDS: Readonly<Record<string, Exclude<UnitWords['kind'], 'currency' | 'none'>>> = {
  kg: 'kg',
  kgs: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  kilogramme: 'kg',
  kilogrammes: 'kg',
  t: 'tonnes',
  tonne: 'tonnes',
  tonnes: 'tonnes',
  ton: 'tonnes',
  tons: 'tonnes',
  g: 'grams',
  gram: 'grams',
  grams: 'grams',
  lb: 'pounds',
  lbs: 'pounds',
  pounds: 'pounds',
  pills: 'tablets',
  pill: 'tablets',
  tablets: 'tablets',
  tablet: 'tablets',
  litres: 'litres',
  litre: 'litres',
  liters: 'litres',
  liter: 'litres',
  years: 'years',
  year: 'years',
  months: 'months',
  month: 'months',
};

/**
 * The unit words of the number written at `start`..`end` (its multiplier included): `after` is the
 * first word after it, when only spaces or a hyphen stand between.
 */
export function unitWords(
  text: string,
  start: number,
  end: number,
  after: Word | undefined,
): UnitWords {
  const before = text.slice(Math.max(0, start - 8), start);
  const sign = /(£|€|\$)\s*$/.exec(before);
  if (sign) return { kind: 'currency', code: SIGNS[sign[1]!]!, written: sign[1]!, words: [] };
  const code = new RegExp(`\\b(${CURRENCY_CODES.join('|')})\\s*$`, 'i').exec(before);
  if (code) return { kind: 'currency', code: code[1]!.toUpperCase(), written: code[1]!, words: [] };
  if (!after || !/^[\s-]*$/.test(text.slice(end, after.start))) return { kind: 'none' };
  const currency = CURRENCY_WORDS[after.lower];
  if (currency) return { kind: 'currency', code: currency, written: after.text, words: [after] };
  const kind = AFTER_WORDS[after.lower];
  return kind ? { kind, written: after.text, words: [after] } : { kind: 'none' };
}

/** The unit of the ledger for the words, given the units the metric allows, or why there is none. */
export function ledgerUnit(
  words: UnitWords,
  allowed: readonly string[],
  metricLabel: string,
): { unit: string; convert: 'kg' | 'years' | null } | { problem: string } {
  const label = metricLabel.toLowerCase();
  const money = allowed.filter((u) => (CURRENCY_CODES as readonly string[]).includes(u));
  switch (words.kind) {
    case 'currency':
      if (allowed.includes(words.code)) return { unit: words.code, convert: null };
      return {
        problem: money.length
          ? `'${words.written}' is ${words.code}; the ledger has ${label} in ${money.join(', ')}`
          : `'${words.written}' is money; ${label} are not counted in money`,
      };
    case 'pounds':
      if (allowed.includes('kg')) return { unit: 'kg', convert: 'kg' };
      if (allowed.includes('GBP')) return { unit: 'GBP', convert: null };
      return { problem: `'${words.written}' is money or a weight; ${label} are neither` };
    case 'kg':
    case 'tonnes':
    case 'grams':
      if (allowed.includes('kg')) return { unit: 'kg', convert: words.kind === 'kg' ? null : 'kg' };
      return { problem: `'${words.written}' is a weight; ${label} are not weighed` };
    case 'tablets':
    case 'litres':
      if (allowed.includes(words.kind)) return { unit: words.kind, convert: null };
      return { problem: `'${words.written}' is not a unit of ${label}` };
    case 'years':
    case 'months':
      if (allowed.includes('years'))
        return { unit: 'years', convert: words.kind === 'months' ? 'years' : null };
      return { problem: `'${words.written}' is a length of time; ${label} are not` };
    case 'none':
      if (allowed.includes('count')) return { unit: 'count', convert: null };
      return {
        problem: money.length
          ? `no currency is written with it ("£", "€", "EUR"…); ${label} are amounts of money`
          : `no unit is written with it; the ledger has ${label} in ${allowed.join(', ')}`,
      };
  }
}
