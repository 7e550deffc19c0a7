/**
 * Check a figure: `checkText(text, dataset)` reads the figures of a text (`read-figures.ts`) and
 * gives, for each, what was understood and what was not, and the ledger's answer (`compare.ts`):
 * the claims it agrees with, the claims it contradicts, or no figure for this in the ledger, each
 * claim with its source, date and quote.
 *
 * ```ts
 * import * as dataset from '@encrochat-ledger/dataset';
 * import { checkText } from '@encrochat-ledger/check';
 *
 * const result = checkText('Police across Europe made more than 6,500 arrests', dataset);
 * result.figures[0].answer; // 'agrees'
 * result.figures[0].headline; // Europol's 6,558 of 27 June 2023, recorded for the world
 * ```
 *
 * A pure function of the text and the dataset it is given: the viewer passes the data it loaded,
 * the CLI the installed `@encrochat-ledger/dataset`. The result is plain JSON (`CHECK_FORMAT`),
 * described field by field in the package README.
 */
import {
  compareCodeUnits,
  qualifierMeaning,
  QUALIFIERS,
  valueInterval,
  type ClaimsTableRow,
  type ValueInterval,
} from '@encrochat-ledger/dataset';
import {
  answerFigure,
  placesWithFigures,
  type ComparedClaim,
  type FigureScope,
} from './compare.js';
import { metricTerms, type MetricRecord } from './metric-words.js';
import { placeTerms, type PlaceRecord } from './place-words.js';
import { comparedPlaces, readText, type ReadFigure, type Vocabulary } from './read-figures.js';
import { phraseOf } from './text-parts.js';

/** The name and version of the result's JSON format. */
export const CHECK_FORMAT = 'encrochat-ledger-check/1';

/** The longest text checked at once (split a longer draft). */
export const MAX_TEXT_LENGTH = 100_000;

/** What the checker reads of a dataset: `@encrochat-ledger/dataset`'s exports have this shape. */
export interface CheckData {
  version?: string | null;
  metrics: readonly MetricRecord[];
  places: readonly PlaceRecord[];
  networks: readonly { id: string; name: string }[];
  /** Rows of the claims table (`claimsTable`). */
  claimsTable: Iterable<ClaimsTableRow>;
}

/** A text the checker refuses (not a string, too long). */
export class CheckError extends Error {}

export type Answer = 'agrees' | 'contradicts' | 'no-figure' | 'not-understood';

/** A claim in an answer. */
export interface ClaimCheck {
  claim_id: string;
  verdict: 'agrees' | 'contradicts';
  /** The figure to quote first of its series (the dataset's `latest` rule). */
  headline: boolean;
  /** Why this claim's place is compared although the text names another (Europe and the world), else null. */
  also_compared: string | null;
  /** The claim's figure in words: "6,558", "more than 6,500", "54,000,000 GBP". */
  figure: string;
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string;
  unit: string;
  metric: string;
  breakdown_key: string | null;
  breakdown_value: string | null;
  place: string;
  place_name: string;
  operation: string | null;
  organisations: string[] | null;
  networks: string[] | null;
  as_of: string;
  as_of_start: string | null;
  as_of_end: string | null;
  source_id: string;
  source_title: string;
  source_publisher: string | null;
  source_published: string | null;
  source_url: string | null;
  source_reliability: string;
  quote: string;
}

/** The figures a figure allows; a missing end is open. */
export interface Bounds {
  low: number | null;
  low_inclusive: boolean;
  high: number | null;
  high_inclusive: boolean;
}

/** One figure of the text and the ledger's answer. */
export interface FigureCheck {
  /** The figure as written, from its qualifier to its unit or metric words, and where. */
  text: string;
  start: number;
  end: number;
  numeral: string;
  /** What was understood, one statement each: "'6,500' read as more than 6,500 ('more than')". */
  understood: string[];
  /** What was not: a figure with any of these is not checked. */
  not_understood: string[];
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  qualifier_words: string | null;
  bounds: Bounds | null;
  unit: string | null;
  unit_words: string | null;
  conversion: string | null;
  metric: string | null;
  metric_label: string | null;
  metric_words: string | null;
  breakdown: { key: string; value: string; words: string } | null;
  place: string | null;
  place_name: string | null;
  place_words: string | null;
  also_compared: { place: string; place_name: string; why: string }[];
  networks: string[];
  network_words: string[];
  answer: Answer;
  /** The figure to quote first that the answer is given against (see compare.ts). */
  headline: ClaimCheck | null;
  agrees: ClaimCheck[];
  contradicts: ClaimCheck[];
  /** Claims of these series with no number ("hundreds of arrests"): not compared. */
  claims_without_number: number;
  /** With "no-figure" or no place: the places that have a figure for the same thing. */
  places_with_figures: { place: string; place_name: string }[];
}

export interface CheckResult {
  format: typeof CHECK_FORMAT;
  dataset_version: string | null;
  text: string;
  figures: FigureCheck[];
  /** Numbers that are not figures: dates, years, percentages, vague amounts. */
  not_figures: { text: string; start: number; end: number; why: string }[];
  /** Words no figure used (function words aside): "Police". */
  unused_words: string[];
}

interface Prepared {
  version: string | null;
  vocabulary: Vocabulary;
  claimsByMetric: ReadonlyMap<string, ClaimsTableRow[]>;
  metricsById: ReadonlyMap<string, MetricRecord>;
  placeNames: ReadonlyMap<string, string>;
  networkNames: ReadonlyMap<string, string>;
}

const prepared = new WeakMap<object, Prepared>();

/** The checker's index of a dataset: built once per dataset object. */
function prepare(data: CheckData): Prepared {
  const cached = prepared.get(data);
  if (cached) return cached;
  const claimsByMetric = new Map<string, ClaimsTableRow[]>();
  const breakdowns = new Map<string, Map<string, { key: string; value: string }>>();
  for (const row of data.claimsTable) {
    let list = claimsByMetric.get(row.metric);
    if (!list) claimsByMetric.set(row.metric, (list = []));
    list.push(row);
    if (row.breakdown_key && row.breakdown_value) {
      let options = breakdowns.get(row.metric);
      if (!options) breakdowns.set(row.metric, (options = new Map()));
      options.set(`${row.breakdown_key}=${row.breakdown_value}`, {
        key: row.breakdown_key,
        value: row.breakdown_value,
      });
    }
  }
  const wordsOf = (value: string) => value.replace(/[-_]+/g, ' ');
  const drugNames = [...(breakdowns.get('drugs_seized')?.values() ?? [])]
    .filter((o) => o.key === 'drug')
    .map((o) => wordsOf(o.value))
    .sort();
  const metricsById = new Map(data.metrics.map((m) => [m.id, m]));
  const placeNames = new Map(data.places.map((p) => [p.id, p.name]));
  const networkNames = new Map(data.networks.map((n) => [n.id, n.name]));
  const vocabulary: Vocabulary = {
    metrics: metricsById,
    metricTerms: metricTerms(data.metrics, drugNames),
    placeTerms: placeTerms(data.places),
    placeNames,
    networkTerms: data.networks.map((n) => ({ network: n.id, phrase: phraseOf(n.name) })),
    breakdowns: new Map(
      [...breakdowns].map(([metric, options]) => [
        metric,
        [...options.values()]
          .sort((a, b) => compareCodeUnits(`${a.key}=${a.value}`, `${b.key}=${b.value}`))
          .map((o) => ({ ...o, phrase: phraseOf(wordsOf(o.value)) })),
      ]),
    ),
    defaultNetworks: networkNames.has('encrochat') ? ['encrochat'] : [],
  };
  const out: Prepared = {
    version: data.version ?? null,
    vocabulary,
    claimsByMetric,
    metricsById,
    placeNames,
    networkNames,
  };
  prepared.set(data, out);
  return out;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });
const formatNumber = (n: number) => NUMBER_FORMAT.format(n);
const unitSuffix = (unit: string) => (unit === 'count' ? '' : ` ${unit}`);

/** A figure in words, in those of the dataset's table of qualifiers: "more than 6,500", "between 80 and 100", "54,000,000 GBP", "an amount with no number" when it states none. */
export function figureWords(f: {
  qualifier: string | null;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
}): string {
  const unit = unitSuffix(f.unit ?? 'count');
  if (f.qualifier === 'range' && f.min !== null && f.max !== null)
    return `${QUALIFIERS.range.words} ${formatNumber(f.min)} and ${formatNumber(f.max)}${unit}`;
  if (f.value === null) return 'an amount with no number';
  const words = qualifierMeaning(f.qualifier ?? 'exact')?.words;
  return `${words ? `${words} ` : ''}${formatNumber(f.value)}${unit}`;
}

function claimCheck(c: ComparedClaim): ClaimCheck {
  const r = c.row;
  return {
    claim_id: r.claim_id,
    verdict: c.verdict,
    headline: c.headline,
    also_compared: c.alsoCompared,
    figure: figureWords(r),
    value: r.value,
    min: r.min,
    max: r.max,
    qualifier: r.qualifier,
    unit: r.unit,
    metric: r.metric,
    breakdown_key: r.breakdown_key,
    breakdown_value: r.breakdown_value,
    place: r.place,
    place_name: r.place_name,
    operation: r.operation,
    organisations: r.organisations ? [...r.organisations] : null,
    networks: r.networks ? [...r.networks] : null,
    as_of: r.as_of,
    as_of_start: r.as_of_start,
    as_of_end: r.as_of_end,
    source_id: r.source_id,
    source_title: r.source_title,
    source_publisher: r.source_publisher,
    source_published: r.source_published,
    source_url: r.source_url,
    source_reliability: r.source_reliability,
    quote: r.quote,
  };
}

const boundsOf = (i: ValueInterval): Bounds => ({
  low: Number.isFinite(i.low) ? i.low : null,
  low_inclusive: Number.isFinite(i.low) && i.lowInclusive,
  high: Number.isFinite(i.high) ? i.high : null,
  high_inclusive: Number.isFinite(i.high) && i.highInclusive,
});

/** What was understood of a figure, one statement each. */
function understoodOf(f: ReadFigure, p: Prepared, text: string): string[] {
  const out: string[] = [];
  const written = text.slice(f.start, f.end);
  if (f.written.length) {
    const [low, high] = f.written;
    const asWritten = figureWords({
      qualifier: f.qualifier,
      value: low!,
      min: low!,
      max: high ?? low!,
      unit: null,
    });
    out.push(
      `'${f.numeral}' read as ${asWritten}${f.qualifierWords ? ` ('${f.qualifierWords}')` : ''}`,
    );
  }
  if (f.metric)
    out.push(
      `'${f.metricWords}' → ${p.metricsById.get(f.metric)!.label.toLowerCase()} (${f.metric})`,
    );
  if (f.breakdown)
    out.push(`'${f.breakdown.words}' → ${f.breakdown.key} ${f.breakdown.value}, not the total`);
  if (f.unit)
    out.push(
      f.unitWords
        ? `'${f.unitWords}' → ${f.unit}${f.conversion ? ` (${f.conversion} converted: ${figureWords(f)})` : ''}`
        : `unit: ${f.unit} (no unit written)`,
    );
  if (f.place) {
    const where = f.placeFrom === 'clause' ? '' : ` (named in the ${f.placeFrom})`;
    out.push(`place '${f.placeWords}' → ${p.placeNames.get(f.place)} (${f.place})${where}`);
    for (const also of comparedPlaces(f.place, p.placeNames).slice(1))
      out.push(`also compared with ${p.placeNames.get(also.place)}: ${also.why}`);
  }
  const names = f.networks.map((n) => p.networkNames.get(n) ?? n).join(', ');
  if (f.networks.length)
    out.push(
      f.networkWords.length
        ? `network '${f.networkWords.join("', '")}' → ${names}`
        : `network: ${names} (the text names none)`,
    );
  if (!out.length) out.push(`'${written}' read as a number`);
  return out;
}

/** The figure of the text checked against the ledger (see the header). */
function checkFigure(f: ReadFigure, p: Prepared, text: string): FigureCheck {
  const understood = understoodOf(f, p, text);
  const metric = f.metric ? p.metricsById.get(f.metric)! : null;
  const base: FigureCheck = {
    text: text.slice(f.start, f.end),
    start: f.start,
    end: f.end,
    numeral: f.numeral,
    understood,
    not_understood: [...f.problems],
    value: f.value,
    min: f.min,
    max: f.max,
    qualifier: f.qualifier,
    qualifier_words: f.qualifierWords,
    bounds: null,
    unit: f.unit,
    unit_words: f.unitWords,
    conversion: f.conversion,
    metric: f.metric,
    metric_label: metric?.label ?? null,
    metric_words: f.metricWords,
    breakdown: f.breakdown,
    place: f.place,
    place_name: f.place ? (p.placeNames.get(f.place) ?? null) : null,
    place_words: f.placeWords,
    also_compared: f.place
      ? comparedPlaces(f.place, p.placeNames)
          .slice(1)
          .map((a) => ({ place: a.place, place_name: p.placeNames.get(a.place)!, why: a.why! }))
      : [],
    networks: [...f.networks],
    network_words: [...f.networkWords],
    answer: 'not-understood',
    headline: null,
    agrees: [],
    contradicts: [],
    claims_without_number: 0,
    places_with_figures: [],
  };
  const interval =
    f.qualifier && f.problems.length === 0
      ? valueInterval({ qualifier: f.qualifier, value: f.value, min: f.min, max: f.max })
      : null;
  const scope: FigureScope | null =
    f.metric && f.unit
      ? { metric: f.metric, unit: f.unit, breakdown: f.breakdown, networks: f.networks }
      : null;
  const claims = (f.metric && p.claimsByMetric.get(f.metric)) || [];
  const elsewhere = () =>
    scope
      ? placesWithFigures(scope, claims).map((x) => ({ place: x.place, place_name: x.name }))
      : [];
  if (!interval || !scope || !f.place) {
    if (scope && !f.place) base.places_with_figures = elsewhere();
    return base;
  }
  base.bounds = boundsOf(interval);
  const answer = answerFigure(interval, scope, comparedPlaces(f.place, p.placeNames), claims);
  base.claims_without_number = answer.withoutNumber;
  if (!answer.agrees.length && !answer.contradicts.length) {
    base.answer = 'no-figure';
    base.places_with_figures = elsewhere();
    return base;
  }
  const main = answer.main ?? answer.agrees[0] ?? answer.contradicts[0]!;
  base.answer = main.verdict;
  base.headline = claimCheck(main);
  base.agrees = answer.agrees.map(claimCheck);
  base.contradicts = answer.contradicts.map(claimCheck);
  return base;
}

/** Reads the figures of `text` and checks each against the ledger `data` (see the header). */
export function checkText(text: string, data: CheckData): CheckResult {
  if (typeof text !== 'string') throw new CheckError('the text to check must be a string');
  if (text.length > MAX_TEXT_LENGTH)
    throw new CheckError(
      `the text is ${text.length.toLocaleString('en-GB')} characters; check at most ${MAX_TEXT_LENGTH.toLocaleString('en-GB')} at a time (split the draft)`,
    );
  const p = prepare(data);
  const reading = readText(text, p.vocabulary);
  return {
    format: CHECK_FORMAT,
    dataset_version: p.version,
    text,
    figures: reading.figures.map((f) => checkFigure(f, p, text)),
    not_figures: reading.notFigures,
    unused_words: reading.unusedWords,
  };
}
