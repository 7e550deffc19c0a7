/**
 * Figures and the quotes that state them, in the ways real sources write numbers, so that the
 * synthetic claims pass the validator's number-in-quote rule exactly like real ones.
 */
import type { Random } from './random.js';

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

export const group = (n: number) => n.toLocaleString('en-GB');

export interface Figure {
  value?: number;
  min?: number;
  max?: number;
  qualifier:
    | 'exact'
    | 'approximate'
    | 'more_than'
    | 'at_least'
    | 'nearly'
    | 'up_to'
    | 'range'
    | 'unspecified';
  /** The words stating the figure, e.g. "more than £54m", "nearly 700", "between 80 and 100". */
  words: string;
  note?: string;
}

const PREFIX: Record<Figure['qualifier'], string[]> = {
  exact: [''],
  approximate: ['around ', 'about ', 'an estimated ', 'some '],
  more_than: ['more than ', 'over ', 'in excess of '],
  at_least: ['at least '],
  nearly: ['nearly ', 'almost ', 'close to '],
  up_to: ['up to '],
  range: [''],
  unspecified: [''],
};

const SYMBOL: Record<string, string> = { GBP: '£', EUR: '€', USD: '$' };

/** Writes an amount of `unit` as a source would: "£54m", "EUR 739.7 million", "2,191,200", "two tonnes", "7.5kg". */
function amount(
  rng: Random,
  value: number,
  unit: string,
): { words: string; value: number; note?: string } {
  if (unit in SYMBOL || ['SEK', 'NOK', 'DKK', 'CHF'].includes(unit)) {
    const millions = Math.round(value / 100_000) / 10;
    if (millions >= 1 && rng.chance(0.6)) {
      const v = Math.round(millions * 1_000_000);
      return rng.chance(0.5) && unit in SYMBOL
        ? { words: `${SYMBOL[unit]}${millions}m`, value: v }
        : { words: `${unit} ${millions} million`, value: v };
    }
    return { words: `${SYMBOL[unit] ?? `${unit} `}${group(value)}`, value };
  }
  if (unit === 'kg') {
    if (value >= 1000 && rng.chance(0.5)) {
      const tonnes = Math.max(1, Math.round(value / 1000));
      return tonnes < WORDS.length && rng.chance(0.5)
        ? {
            words: `${WORDS[tonnes]} tonnes`,
            value: tonnes * 1000,
            note: `${WORDS[tonnes]} tonnes = ${group(tonnes * 1000)} kg`,
          }
        : {
            words: `${group(tonnes)} tonnes`,
            value: tonnes * 1000,
            note: `${group(tonnes)} tonnes = ${group(tonnes * 1000)} kg`,
          };
    }
    const kg = rng.chance(0.3) ? Math.round(value * 10) / 10 : Math.round(value);
    return { words: `${kg}kg`, value: kg };
  }
  if (unit === 'years') return { words: `${group(value)} years`, value };
  if (value < WORDS.length && rng.chance(0.5)) return { words: WORDS[value]!, value };
  return {
    words:
      rng.chance(0.1) && value >= 1000
        ? String(value).replace(/\B(?=(\d{3})+$)/g, ' ')
        : group(value),
    value,
  };
}

/** A random figure of `unit` with a qualifier and its wording. */
export function figure(rng: Random, unit: string, magnitude: number): Figure {
  const r = rng.next();
  const qualifier: Figure['qualifier'] =
    r < 0.55
      ? 'exact'
      : r < 0.65
        ? 'more_than'
        : r < 0.72
          ? 'approximate'
          : r < 0.78
            ? 'nearly'
            : r < 0.82
              ? 'at_least'
              : r < 0.86
                ? 'up_to'
                : r < 0.93
                  ? 'range'
                  : 'unspecified';
  const raw = Math.max(1, Math.round(magnitude * (0.2 + rng.next() * 2)));
  if (qualifier === 'unspecified')
    return {
      qualifier,
      words: rng.pick(['several dozen', 'hundreds of', 'thousands of', 'a number of', 'dozens of']),
    };
  if (qualifier === 'range') {
    const lo = Math.max(1, Math.round(raw * 0.8));
    const hi = lo + Math.max(1, Math.round(raw * 0.3));
    return { qualifier, min: lo, max: hi, words: `between ${group(lo)} and ${group(hi)}` };
  }
  const a = amount(rng, raw, unit);
  return {
    qualifier,
    value: a.value,
    words: `${rng.pick(PREFIX[qualifier])}${a.words}`,
    ...(a.note ? { note: a.note } : {}),
  };
}
