/**
 * Data fields in words for people: a breakdown beside its metric ("Drugs seized (cannabis)"), a
 * language by name ("Dutch", not "nl"), a qualifier's bounds ("more than 6,500, with no upper
 * limit"), a source's reliability, a claim's second reading, and curator text whose `code` spans
 * are shown without their backticks.
 */
import { boundValue, qualifierMeaning, type Review } from '@encrochat-ledger/dataset';
import { h, type Child } from './dom.js';
import { formatAmount, formatEdtf, RELIABILITY_LABELS, vocabularyLabel } from './format.js';

/** "cannabis", "class a and b": a breakdown value as words. */
export const breakdownWords = (value: string | null | undefined): string =>
  vocabularyLabel(value ?? '');

/** "Drugs seized (cannabis)", or the label alone for a total. */
export function metricWithBreakdown(
  label: string,
  breakdownValue: string | null | undefined,
): string {
  return breakdownValue ? `${label} (${breakdownWords(breakdownValue)})` : label;
}

const languageNames = new Intl.DisplayNames(['en-GB'], { type: 'language', fallback: 'code' });

/** "nl" → "Dutch", "fr-BE" → "French (Belgium)"; a tag the browser cannot name is shown as written. */
export function languageName(tag: string | null | undefined): string {
  if (!tag) return '';
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The reliability of a source, in a few words (`RELIABILITY_LABELS`). */
export const reliabilityShort = (r: string): string => RELIABILITY_LABELS[r] ?? r;

/**
 * "Europol via Il Metropolitano": for a copy (an official release reproduced elsewhere, a syndicated
 * article), who issued the text, then who published the copy that was read; else the publisher,
 * else the title.
 */
export function publisherWords(source: {
  publisher?: string | null;
  original_publisher?: string | null;
  title: string;
}): string {
  return publisherName(source) ?? source.title;
}

/** As `publisherWords`, but null for a source that names no publisher. */
export function publisherName(source: {
  publisher?: string | null;
  original_publisher?: string | null;
}): string | null {
  const publisher = source.publisher ?? null;
  if (source.original_publisher && source.original_publisher !== publisher)
    return publisher ? `${source.original_publisher} via ${publisher}` : source.original_publisher;
  return publisher;
}

/**
 * The figures a qualifier allows, by the dataset's table of qualifiers, in words: "exactly 6,558",
 * "more than 6,500, with no upper limit", "between 2 tonnes and 3 tonnes, both included". Null
 * when the claim states no number.
 */
export function boundsWords(row: {
  qualifier: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
}): string | null {
  const meaning = qualifierMeaning(row.qualifier);
  if (!meaning) return null;
  const amount = (n: number) => formatAmount(n, row.unit);
  if (meaning.comparedAsValue)
    return row.value === null
      ? null
      : `${meaning.words} ${amount(row.value)}: compared with other sources as ${amount(row.value)}, since any margin would be invented`;
  const { lower, upper } = meaning;
  // A bound the claim does not state (no number) says nothing.
  const low = lower ? boundValue(lower, row) : undefined;
  const high = upper ? boundValue(upper, row) : undefined;
  if (low === null || high === null) return null;
  if (low !== undefined && high !== undefined)
    return lower!.of === 'value'
      ? `exactly ${amount(low)}`
      : `between ${amount(low)} and ${amount(high)}${lower!.inclusive && upper!.inclusive ? ', both included' : ''}`;
  if (low !== undefined)
    return lower!.inclusive
      ? `${amount(low)} or more, with no upper limit`
      : `more than ${amount(low)} (not ${amount(low)} itself), with no upper limit`;
  if (high !== undefined)
    return upper!.inclusive
      ? `${amount(high)} or less, with no lower limit stated`
      : `less than ${amount(high)} (not ${amount(high)} itself), with no lower limit stated`;
  return null;
}

/** The claim fields a second reading compares, in words. */
const REVIEW_FIELDS: Readonly<Record<string, string>> = {
  metric: 'the metric',
  breakdown: 'the breakdown',
  value: 'the value',
  min: 'the lower bound',
  max: 'the upper bound',
  unit: 'the unit',
  qualifier: 'the qualifier',
  as_of: 'the date it refers to (as_of)',
  place: 'the place',
  operation: 'the operation',
  networks: 'the networks',
};

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A claim's second reading in words: "Read twice: a second reader, blind, agreed." or "Read twice:
 * a second reader, blind, differed on the date it refers to (as_of); resolved: <note>".
 */
export function reviewWords(review: Review | null): {
  summary: string;
  note: string | null;
  date: string | null;
  status: 'agreed' | 'resolved' | 'disputed' | 'none';
} {
  if (!review)
    return {
      summary: 'Not read twice yet: no second reader has checked this claim against its source.',
      note: null,
      date: null,
      status: 'none',
    };
  const differences = review.differences ?? [];
  const date = formatEdtf(review.date);
  const fields = listWords(differences.map((d) => REVIEW_FIELDS[d] ?? d));
  if (review.status === 'disputed')
    return {
      summary: `Read twice: a second reader, blind, differed${fields ? ` on ${fields}` : ''}; still open${review.note ? ':' : '.'}`,
      note: review.note ?? null,
      date,
      status: 'disputed',
    };
  if (!differences.length)
    return {
      summary: 'Read twice: a second reader, blind, agreed.',
      note: review.note ?? null,
      date,
      status: 'agreed',
    };
  return {
    summary: `Read twice: a second reader, blind, differed on ${fields}; resolved${review.note ? ':' : '.'}`,
    note: review.note ?? null,
    date,
    status: 'resolved',
  };
}

/**
 * Curator text with markdown `code` spans shown without backticks: a metric id becomes the metric's
 * label ("→ `explosives_seized`" reads "→ Explosives seized"), anything else a code element.
 */
export function richText(text: string, metricLabel?: (id: string) => string | null): Child[] {
  const out: Child[] = [];
  const parts = text.split('`');
  // An odd number of backticks leaves the last one as written.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  parts.forEach((part, k) => {
    if (k % 2 === 0 || k >= closed) {
      out.push(k >= closed && k % 2 === 1 ? `\`${part}` : part);
      return;
    }
    const label = metricLabel?.(part) ?? null;
    out.push(label ? h('span', { class: 'term' }, label) : h('code', null, part));
  });
  return out;
}
