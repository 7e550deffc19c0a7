/**
 * The numbers of a text, one per place where a number is written, as English writes them: the number
 * reader of `@encrochat-ledger/core` gives every value a figure could stand for ("6,500" could be
 * 6,500 or 6.5; "6 558" is 6,558 or the two numbers 6 and 558); here the English reading is kept.
 *
 * - "6,500" and "2,191,200" (commas between thousands), "6 558" (spaces between thousands, as
 *   Europol writes), "7.5" (a decimal point), "746", number words ("two", "twenty-two"), and each
 *   with its multiplier ("£54m", "6.5 thousand", "two million").
 * - Not English: "6.558" is 6.558 (not 6,558), and "1,5" is no English number: the answer says so
 *   rather than choose.
 * - Not a figure: "a" and "an" alone ("a figure"), a vague amount ("several dozen"), a date ("27 June
 *   2023", "in 2020"), an ordinal ("1st"), a percentage ("50%").
 */
import { readNumbers, type NumberReading } from '@encrochat-ledger/core/text';
import type { Word } from './text-parts.js';

/** A number as written, with every value the reader gives it. */
export interface WrittenNumber {
  start: number;
  /** After its multiplier ("£54m" ends after "m"). */
  end: number;
  numeral: string;
  readings: NumberReading[];
}

/**
 * The text as the number reader is given it. English never separates thousands by a comma and a
 * space: "746, 120" is two numbers (a list), "2023, 30%" a year and a percentage. The same length,
 * so every position stays where it is.
 */
export const forReader = (text: string): string => text.replace(/(\d),(?=\s+\d)/g, '$1;');

/** Every number written in the text, the longest reading of each place (see the header). */
export function writtenNumbers(text: string): WrittenNumber[] {
  const groups = new Map<string, WrittenNumber>();
  for (const r of readNumbers(forReader(text), 'en')) {
    const key = `${r.start}:${r.end}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { start: r.start, end: r.end, numeral: r.numeral, readings: [] }));
    g.readings.push(r);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: WrittenNumber[] = [];
  for (const g of sorted) {
    if (/\d/.test(g.numeral) && /\s/.test(g.numeral) && !SPACED_THOUSANDS.test(g.numeral)) continue; // "2020 746": two numbers, read apart
    if (kept.some((k) => g.start < k.end && k.start < g.end)) continue;
    kept.push(g);
  }
  return kept;
}

const SPACED_THOUSANDS = /^\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+$/;

/** The number a numeral stands for in English, before its multiplier, or null when English does not write numbers so. */
function englishBase(numeral: string): number | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(numeral)) return Number(numeral.replace(/,/g, ''));
  if (SPACED_THOUSANDS.test(numeral)) return Number(numeral.replace(/\D/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(numeral)) return Number(numeral);
  return null;
}

const MULTIPLES = [1e2, 1e3, 1e6, 1e9];
const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-12;

/** The value of a written number in English (multiplier applied), or why there is none. */
export function englishValue(n: WrittenNumber): { value: number } | { problem: string } {
  if (!/\d/.test(n.numeral)) {
    // Number words: one value, or with "and a half" also the half, which is meant.
    const values = n.readings.map((r) => r.value);
    return { value: Math.max(...values) };
  }
  const base = englishBase(n.numeral);
  if (base === null)
    return {
      problem: `'${n.numeral}' is not written as English writes numbers (6,558 or 6.5): which number is meant is not clear`,
    };
  // With a multiplier written after it ("54m", "6.5 thousand") the value is a multiple of the base,
  // else the base itself; the reader's first such reading is its own. "and a half" adds a half.
  const factors = n.end > n.start + n.numeral.length ? MULTIPLES : [1];
  const half = n.readings.find((r) => factors.some((f) => close(r.value, (base + 0.5) * f)));
  const plain = n.readings.find((r) => factors.some((f) => close(r.value, base * f)));
  const chosen = half ?? plain;
  return chosen ? { value: chosen.value } : { value: base };
}

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);
const isMonth = (w: Word | undefined) =>
  !!w && (MONTHS.has(w.lower) || w.text === 'May' || w.text === 'MAY');

/** Words that put a year before them: "in 2020", "since 2021", "June 2023", "summer 2020". */
const YEAR_WORDS = new Set([
  'in',
  'since',
  'of',
  'by',
  'from',
  'until',
  'till',
  'during',
  'early',
  'late',
  'mid',
  'spring',
  'summer',
  'autumn',
  'winter',
  'year',
]);

/** Why a written number is not a figure to check, or null when it is one. */
export function notAFigure(
  text: string,
  n: WrittenNumber,
  previous: Word | undefined,
  next: Word | undefined,
  nameFollows: boolean,
): string | null {
  const adjacentNext = next && /^[\s-]*$/.test(text.slice(n.end, next.start)) ? next : undefined;
  const adjacentPrev =
    previous && /^[\s,]*$/.test(text.slice(previous.end, n.start)) ? previous : undefined;
  if (/^(?:a|an|half)$/.test(n.numeral) && n.readings.every((r) => r.end === n.end && r.value <= 1))
    return 'not a number';
  if (
    !/\d/.test(n.numeral) &&
    /^(?:several|few|many|dozens|hundreds)$/.test(adjacentPrev?.lower ?? '')
  )
    return `a vague amount ('${adjacentPrev!.text} ${n.numeral}'), not a figure`;
  if (/^\s*(?:%|per\s?cent\b)/i.test(text.slice(n.end, n.end + 9))) return 'a percentage';
  if (adjacentNext && /^(?:st|nd|rd|th)$/.test(adjacentNext.lower) && adjacentNext.start === n.end)
    return 'an ordinal (1st, 2nd…)';
  const plain = /^\d{1,4}$/.test(n.numeral) ? Number(n.numeral) : null;
  if (
    plain !== null &&
    plain >= 1 &&
    plain <= 31 &&
    (isMonth(adjacentNext) || isMonth(adjacentPrev))
  )
    return 'a day of a date';
  if (
    plain !== null &&
    n.numeral.length === 4 &&
    plain >= 1990 &&
    plain <= 2039 &&
    (isMonth(adjacentPrev) || YEAR_WORDS.has(adjacentPrev?.lower ?? '') || !nameFollows)
  )
    return 'a year';
  return null;
}
