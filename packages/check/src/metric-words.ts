/**
 * The words that say what a figure counts, in English: "746 arrests", "6,558 suspects arrested",
 * "£54m in cash", "two tonnes of drugs", "260 convicted", "14,000 years in prison", "74 firearms".
 *
 * A **term** is a set of words that names one metric when all of them stand near the number (in any
 * order: "firearms were seized" names `firearms_seized` as "firearms seized" does). Terms come from:
 *
 * 1. **The metric records** (`data/metrics`): the words of each label, less "people", "of", "on"…
 *    ("People charged" → charged; "Cash seized" → cash + seized; "Arrest warrants executed" → arrest
 *    + warrants + executed). A new metric is understood by its label with no change here.
 * 2. **The synonyms below**: the words people write for a metric when they do not use its label
 *    ("arrested", "detained", "guns", "cocaine"), from the metrics' definitions. English only.
 * 3. **Drug names**: the `drug` breakdowns of the claims ("cocaine", "class a") name drugs seized.
 *
 * Near a number, the term that starts first after it wins, and of two starting at one word the one
 * with more words ("746 arrest warrants executed" is warrants, not arrests); with no term after it,
 * the nearest before it ("cash worth £54m"). Two metrics' terms tied: not understood, never guessed.
 */
import type { Word } from './text-parts.js';

/** A metric record as the checker needs it. */
export interface MetricRecord {
  id: string;
  label: string;
  units: readonly string[];
}

export interface MetricTerm {
  metric: string;
  /** Every one must stand near the number (lowercase). */
  words: readonly string[];
  /** When given, one of these must also be in the sentence ("years" is prison years only in a sentence about prison). */
  sentenceAlso?: readonly string[];
}

/** Label words that say nothing of what is counted. */
const LABEL_FILLER = new Set(['people', 'of', 'on', 'the', 'in', 'to', 'or', 'and', 'a', 'value']);

const PRISON = [
  'prison',
  'jail',
  'jailed',
  'imprisonment',
  'imprisoned',
  'sentence',
  'sentences',
  'sentenced',
  'bars',
  'custodial',
];

/** Words for a metric beyond its label, each a term (space-separated words). English first. */
export const METRIC_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  arrests: ['arrest', 'arrested', 'arrests', 'detained'],
  charges: ['charged', 'charges'],
  convictions: ['convicted', 'conviction', 'convictions', 'guilty'],
  detentions: ['remanded'],
  cash_seized: ['cash'],
  drugs_seized: ['drugs', 'drug', 'narcotics'],
  firearms_seized: ['firearms', 'firearm', 'guns', 'gun', 'weapons', 'pistols'],
  ammunition_seized: ['ammunition', 'rounds', 'bullets', 'cartridges'],
  handsets: ['handsets', 'phones', 'devices'],
  handsets_seized: ['phones seized', 'devices seized'],
  messages_intercepted: ['messages', 'conversations'],
  vehicles_seized: ['vehicles', 'cars'],
  threats_to_life_mitigated: ['threats life'],
  murder_plots_foiled: ['murder plots', 'plots kill'],
  properties_seized: ['properties', 'homes', 'houses'],
  investigations_opened: ['investigations'],
  drug_labs_dismantled: ['drug labs', 'labs', 'laboratories'],
  organised_crime_groups_disrupted: ['organised crime groups'],
  criminal_funds_seized_or_frozen: ['criminal funds'],
  explosives_seized: ['explosives'],
};

/** Terms that need a word elsewhere in the sentence. */
const SENTENCE_TERMS: readonly MetricTerm[] = [
  { metric: 'custodial_years', words: ['years'], sentenceAlso: PRISON },
];

/** The words of a label that name what is counted: "People charged" → ["charged"]. */
export function labelWords(label: string): string[] {
  return label
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w && !LABEL_FILLER.has(w));
}

/** Every term of the metrics given (labels, synonyms, drug names), for metrics that exist in them. */
export function metricTerms(
  metrics: readonly MetricRecord[],
  drugNames: readonly string[],
): MetricTerm[] {
  const known = new Set(metrics.map((m) => m.id));
  const terms: MetricTerm[] = [];
  const seen = new Set<string>();
  const add = (term: MetricTerm) => {
    const key = `${term.metric} ${term.words.join(' ')}`;
    if (!known.has(term.metric) || !term.words.length || seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  for (const m of metrics) add({ metric: m.id, words: labelWords(m.label) });
  for (const [metric, list] of Object.entries(METRIC_SYNONYMS))
    for (const words of list) add({ metric, words: words.split(' ') });
  for (const name of drugNames) add({ metric: 'drugs_seized', words: name.split(' ') });
  for (const term of SENTENCE_TERMS) add(term);
  return terms;
}

/** A term found near a number: its metric and the words of the text that name it. */
export interface MetricMatch {
  metric: string;
  /** The words near the number. */
  words: Word[];
  /** The word elsewhere in the sentence that the term needs ("jailed" for "years"), if any. */
  sentenceWords: Word[];
}

/** Where a term stands among `window` (indices of its words), or null when one of its words is missing. */
function placeOf(
  term: MetricTerm,
  window: readonly Word[],
  sentence: readonly Word[],
): { at: number[]; also: Word[] } | null {
  const at: number[] = [];
  for (const word of term.words) {
    const i = window.findIndex((w) => w.lower === word);
    if (i === -1) return null;
    at.push(i);
  }
  if (!term.sentenceAlso) return { at, also: [] };
  const also = sentence.filter((w) => term.sentenceAlso!.includes(w.lower));
  return also.length ? { at, also } : null;
}

export type MetricFinding =
  | { kind: 'found'; match: MetricMatch }
  | { kind: 'none' }
  | { kind: 'ambiguous'; metrics: string[]; words: Word[] };

/**
 * The metric the words near a number name (see the header): `after` are the words after it, nearest
 * first; `before` the words before it, in text order; `sentence` every word of its sentence.
 */
export function findMetric(
  terms: readonly MetricTerm[],
  after: readonly Word[],
  before: readonly Word[],
  sentence: readonly Word[],
): MetricFinding {
  for (const [window, side] of [
    [after, 'after'],
    [before, 'before'],
  ] as const) {
    let best: { term: MetricTerm; at: number[]; also: Word[]; key: number }[] = [];
    for (const term of terms) {
      const found = placeOf(term, window, sentence);
      if (!found) continue;
      const { at, also } = found;
      // After the number the term that starts first wins; before it, the one that ends last.
      const key = side === 'after' ? Math.min(...at) : -Math.max(...at);
      const better =
        !best.length ||
        key < best[0]!.key ||
        (key === best[0]!.key && term.words.length > best[0]!.term.words.length);
      if (better) best = [{ term, at, also, key }];
      else if (key === best[0]!.key && term.words.length === best[0]!.term.words.length)
        best.push({ term, at, also, key });
    }
    if (!best.length) continue;
    const metrics = [...new Set(best.map((b) => b.term.metric))];
    const words = [...new Set(best.flatMap((b) => b.at))]
      .sort((a, b) => a - b)
      .map((i) => window[i]!);
    if (metrics.length > 1) return { kind: 'ambiguous', metrics: metrics.sort(), words };
    const sentenceWords = [...new Set(best.flatMap((b) => b.also))];
    return { kind: 'found', match: { metric: metrics[0]!, words, sentenceWords } };
  }
  return { kind: 'none' };
}
