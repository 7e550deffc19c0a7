/**
 * Formatting for people: numbers with thousands separators, currencies, masses, figures as the
 * source worded them, and EDTF dates. British English, like the newsrooms that cite the data.
 */

import { qualifierMeaning, QUALIFIERS } from '@encrochat-ledger/dataset';

const LOCALE = 'en-GB';
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const compactFormat = new Intl.NumberFormat(LOCALE, {
  notation: 'compact',
  maximumFractionDigits: 1,
});
const currencyFormats = new Map<string, Intl.NumberFormat>();

export const CURRENCIES: ReadonlySet<string> = new Set([
  'GBP',
  'EUR',
  'USD',
  'SEK',
  'NOK',
  'DKK',
  'CHF',
]);

/** 2864 → "2,864"; 6.25 → "6.25". */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

function currencyFormat(code: string): Intl.NumberFormat {
  let f = currencyFormats.get(code);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      style: 'currency',
      currency: code,
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
    });
    currencyFormats.set(code, f);
  }
  return f;
}

const plural = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

/**
 * An amount in its unit: "£76,914,575", "€90,000,000", "2,864", "6.3 tonnes", "590 kg",
 * "158,000 tablets", "14,000 years". Masses of a tonne or more are given in tonnes.
 */
export function formatAmount(n: number, unit: string): string {
  if (CURRENCIES.has(unit)) return currencyFormat(unit).format(n);
  switch (unit) {
    case 'count':
      return formatNumber(n);
    case 'kg':
      return n >= 1000 ? plural(n / 1000, 'tonne', 'tonnes') : `${formatNumber(n)} kg`;
    case 'years':
      return plural(n, 'year', 'years');
    case 'months':
      return plural(n, 'month', 'months');
    case 'days':
      return plural(n, 'day', 'days');
    case 'tablets':
      return plural(n, 'tablet', 'tablets');
    case 'litres':
      return plural(n, 'litre', 'litres');
    case 'percent':
      return `${formatNumber(n)}%`;
    default:
      return `${formatNumber(n)} ${unit}`;
  }
}

/** The exact amount when `formatAmount` rounds to tonnes ("6,300 kg"), else null. */
export function exactAmount(n: number, unit: string): string | null {
  return unit === 'kg' && n >= 1000 ? `${formatNumber(n)} kg` : null;
}

/** Short amounts for chart axes: "1.5K", "£54M", "6.3 t". */
export function formatCompact(n: number, unit: string): string {
  if (CURRENCIES.has(unit)) {
    const symbol = currencyFormat(unit)
      .formatToParts(0)
      .find((p) => p.type === 'currency')!.value;
    return `${symbol}${symbol.length > 1 ? ' ' : ''}${compactFormat.format(n)}`;
  }
  if (unit === 'kg')
    return Math.abs(n) >= 1000
      ? `${compactFormat.format(n / 1000)} t`
      : `${compactFormat.format(n)} kg`;
  return compactFormat.format(n);
}

/** What the axis of a unit measures. */
export function unitLabel(unit: string): string {
  if (CURRENCIES.has(unit)) return unit;
  return (
    {
      count: 'number',
      kg: 'mass',
      years: 'years',
      months: 'months',
      days: 'days',
      tablets: 'tablets',
      litres: 'litres',
      percent: '%',
    }[unit] ?? unit
  );
}

/** The figure as the source worded it, in the words of the table of qualifiers: "nearly 700", "more than £54,000,000", "between 2 and 3 tonnes". */
export function formatWorded(row: {
  qualifier: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
}): string {
  const { qualifier, value, unit } = row;
  if (qualifier === 'range') {
    if (row.min === null || row.max === null) return 'a range';
    return `${QUALIFIERS.range.words} ${formatAmount(row.min, unit)} and ${formatAmount(row.max, unit)}`;
  }
  if (value === null) return 'an unspecified amount';
  const amount = formatAmount(value, unit);
  const words = qualifierMeaning(qualifier)?.words;
  return words ? `${words} ${amount}` : amount;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SEASONS: Record<string, string> = {
  '21': 'Spring',
  '22': 'Summer',
  '23': 'Autumn',
  '24': 'Winter',
};
const DATE =
  /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?([~?%]?)$/;

function formatOne(text: string, short: boolean): string {
  const m = DATE.exec(text);
  if (!m) return text;
  const [, year, month, day, hour, minute, mark] = m;
  let out: string;
  if (month && Number(month) > 12) out = `${SEASONS[month] ?? `Period ${month}`} ${year}`;
  else if (month) {
    const name = MONTHS[Number(month) - 1];
    if (!name) return text;
    const shown = short ? name.slice(0, 3) : name;
    out = day ? `${Number(day)} ${shown} ${year}` : `${shown} ${year}`;
  } else out = year!;
  if (hour && minute && !short) out += `, ${hour}:${minute}`;
  if (mark === '~') out = `about ${out}`;
  else if (mark === '?') out = `${out} (uncertain)`;
  else if (mark === '%') out = `about ${out} (uncertain)`;
  return out;
}

/**
 * An EDTF date for people: "2 July 2020", "July 2020", "about August 2022", "April 2020 – June 2020",
 * "from October 2020". Anything it does not recognise is shown as written.
 */
export function formatEdtf(text: string | null | undefined, short = false): string {
  if (!text) return '';
  const slash = text.indexOf('/');
  if (slash === -1) return formatOne(text, short);
  const start = text.slice(0, slash);
  const end = text.slice(slash + 1);
  const open = (s: string) => s === '' || s === '..';
  if (open(start) && open(end)) return 'any time';
  if (open(end)) return `from ${formatOne(start, short)}`;
  if (open(start)) return `until ${formatOne(end, short)}`;
  return `${formatOne(start, short)} – ${formatOne(end, short)}`;
}

/** A plain ISO day "2020-07-02" for people. */
export const formatDay = (iso: string | null, short = false): string => formatEdtf(iso, short);

/** 1536 → "1.5 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let n = bytes / 1000;
  let u = 0;
  while (n >= 1000 && u < units.length - 1) {
    n /= 1000;
    u++;
  }
  return `${n.toFixed(n >= 100 ? 0 : 1)} ${units[u]}`;
}

/** "1 claim", "2,864 claims". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** A sortable key for an EDTF date: the first day it names (YYYY-MM-DD), or '' when none. */
export function edtfSortKey(text: string | null | undefined): string {
  if (!text) return '';
  const first = text.split('/')[0]!;
  const m = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(
    first === '..' || first === '' ? (text.split('/')[1] ?? '') : first,
  );
  if (!m) return '';
  const month = m[2] && Number(m[2]) <= 12 ? m[2] : '01';
  return `${m[1]}-${month}-${m[3] ?? '01'}`;
}

/** A vocabulary value for people: "court-summary" → "court summary", "official_statistics" → "official statistics". */
export const vocabularyLabel = (value: string): string => value.replace(/[-_]+/g, ' ');

/** Source reliabilities for people (the `reliability` enum of the source schema). */
export const RELIABILITY_LABELS: Readonly<Record<string, string>> = {
  official: 'official',
  'official-copy': 'official copy',
  legal: 'court (legal)',
  press: 'press',
  low: 'low reliability',
};
