/**
 * Reads the figures of a text, exactly: for each number, what it counts, in what unit, how exact it
 * is, where and from which network — and what could not be understood. Nothing is guessed: a figure
 * without a word that names its metric, without a place, or with a number English does not write so
 * is reported as not understood, with the reason.
 *
 * "Police across Europe made more than 6,500 arrests" → 6,500 (the number reader), more than ("more
 * than": `readQualifier`), a count of arrests ("arrests": `metric-words.ts`), in Europe ("Europe":
 * `place-words.ts`), EncroChat (no network named); "Police" not used.
 *
 * Near a number means in its clause (between commas, semicolons, colons, brackets), after it up to
 * the next number and before it back to the previous number or the last "and", "but", "while"…
 * ("746 arrests and £54m": £54m is not arrests). The place is the one named in the clause, else in
 * the sentence, else in the whole text; two places where one is needed is not understood.
 */
import { readingsInUnit, readQualifier, type WordedQualifier } from '@encrochat-ledger/core/text';
import { findMetric, labelWords, type MetricRecord, type MetricTerm } from './metric-words.js';
import {
  englishValue,
  forReader,
  notAFigure,
  writtenNumbers,
  type WrittenNumber,
} from './numerals.js';
import { ALSO_COMPARED, findPlaces, type PlaceTerm } from './place-words.js';
import {
  clausesOf,
  findPhrase,
  sentencesOf,
  stretchAt,
  wordsOf,
  type Phrase,
  type Stretch,
  type Word,
} from './text-parts.js';
import { ledgerUnit, unitWords } from './unit-words.js';

/** What the checker knows of the ledger's words, built once per dataset (see `check.ts`). */
export interface Vocabulary {
  metrics: ReadonlyMap<string, MetricRecord>;
  metricTerms: readonly MetricTerm[];
  placeTerms: readonly PlaceTerm[];
  placeNames: ReadonlyMap<string, string>;
  networkTerms: readonly { network: string; phrase: Phrase }[];
  /** The breakdowns the claims give each metric, with the words for them ("class-a" → class a). */
  breakdowns: ReadonlyMap<string, readonly { key: string; value: string; phrase: Phrase }[]>;
  /** The networks of a figure whose text names none. */
  defaultNetworks: readonly string[];
}

/** One figure of the text, as understood. */
export interface ReadFigure {
  /** Where it is written, from its qualifier to its unit or metric words: "more than 6,500 arrests". */
  start: number;
  end: number;
  /** The number as written: "6,500", "£54m", "two", "80 and 100" for a range. */
  numeral: string;
  /** In the ledger's unit (tonnes as kg, months as years); null for a range or when not understood. */
  value: number | null;
  /** The ends of a range ("between 80 and 100"), else null. */
  min: number | null;
  max: number | null;
  /** The numbers as written, before any conversion (two for a range; none when not understood). */
  written: number[];
  qualifier: WordedQualifier | null;
  /** The words that give the qualifier: "more than", "or more"; null for an exact number. */
  qualifierWords: string | null;
  unit: string | null;
  unitWords: string | null;
  /** How the written number was brought to the unit: tonnes, pounds, grams, months; null when it was not. */
  conversion: string | null;
  metric: string | null;
  metricWords: string | null;
  breakdown: { key: string; value: string; words: string } | null;
  place: string | null;
  placeWords: string | null;
  /** Where the place was named: in the figure's clause, its sentence, or elsewhere in the text. */
  placeFrom: 'clause' | 'sentence' | 'text' | null;
  networks: readonly string[];
  /** The words that name the networks; empty when the text names none. */
  networkWords: readonly string[];
  /** What was not understood; empty when the figure can be checked. */
  problems: string[];
}

/** A number that is not a figure to check: a date, a year, a percentage. */
export interface NotAFigure {
  text: string;
  start: number;
  end: number;
  why: string;
}

export interface TextReading {
  figures: ReadFigure[];
  notFigures: NotAFigure[];
  /** Words no figure used, as written, once each, in text order (function words aside): "Police". */
  unusedWords: string[];
}

/** Words that say nothing a figure could use: listing them as not used would only be noise. */
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for by with from into across throughout within around about over under ' +
    'than more less and or but nor so as is are was were be been being has have had having do does ' +
    'did made make makes making this that these those it its they them their there here which who ' +
    'whom whose what when where while whereas also only just now far since after before during until ' +
    'up down out all any each every both other such s said says say saying told according per cent ' +
    'percent total totalling totalled including includes included among amongst between nearly ' +
    'almost least most some so far yet already still we our he she his her i you been led lead leads ' +
    'resulted result results'
  ).split(' '),
);

/** Nouns a count may name beside its metric ("746 people arrested"): used when near a count. */
const COUNTED_NOUNS = new Set([
  'people',
  'persons',
  'individuals',
  'suspects',
  'criminals',
  'offenders',
  'men',
  'women',
  'members',
]);

/** Words before a number that end the words belonging to it ("746 arrests and £54m"). */
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'while', 'whereas', 'plus', 'with', 'as']);

/** How many words either side of a number may name its metric. */
const WINDOW = 8;

interface Item {
  lo: WrittenNumber;
  hi: WrittenNumber;
  index: number;
  /** The index of `hi` among the numbers. */
  hiIndex: number;
  clause: Stretch;
  sentence: Stretch;
}

export function readText(text: string, vocabulary: Vocabulary): TextReading {
  const words = wordsOf(text);
  const indexOf = new Map(words.map((w, i) => [w, i]));
  const used = new Set<number>();
  const use = (ws: readonly Word[]) => {
    for (const w of ws) used.add(indexOf.get(w)!);
  };
  const sentences = sentencesOf(text);
  const numbers = writtenNumbers(text);
  const places = findPlaces(text, words, vocabulary.placeTerms);
  const networks = vocabulary.networkTerms.flatMap((t) =>
    findPhrase(text, words, t.phrase).map(({ first, last }) => ({
      network: t.network,
      first,
      last,
      words: words.slice(first, last + 1),
    })),
  );
  for (const m of [...places, ...networks]) use(m.words);
  // Words are in text order: find them by position (a draft may hold thousands of figures).
  /** The index of the first word that starts at `at` or later. */
  const firstFrom = (at: number) => {
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (words[mid]!.start < at) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  /** The words written wholly within [from, to). */
  const wordsBetween = (from: number, to: number) =>
    words.slice(firstFrom(from), firstFrom(to)).filter((w) => w.end <= to);
  const wordsIn = (s: Stretch) => wordsBetween(s.start, s.end);

  /** The words after position `from` that may belong to a number: in its clause, before the next number. */
  const afterWords = (from: number, clause: Stretch, nextNumber: number) =>
    wordsBetween(from, Math.min(clause.end, nextNumber)).slice(0, WINDOW);
  /** The words before position `to` that may belong to a number: in its clause, after the previous number and the last conjunction. */
  const beforeWords = (to: number, clause: Stretch, previousNumber: number) => {
    const list = wordsBetween(Math.max(clause.start, previousNumber), to);
    let cut = 0;
    list.forEach((w, i) => {
      if (CONJUNCTIONS.has(w.lower)) cut = i + 1;
    });
    return list.slice(cut).slice(-WINDOW);
  };

  // 1. Which numbers are figures.
  const items: Item[] = [];
  const notFigures: NotAFigure[] = [];
  numbers.forEach((n, i) => {
    use(wordsBetween(n.start, n.end)); // "two", "million"
    const sentence = stretchAt(sentences, n.start);
    const clause = stretchAt(clausesOf(text, sentence), n.start);
    const previous = words[firstFrom(n.start) - 1];
    const next = words[firstFrom(n.end)];
    const after = afterWords(n.end, clause, numbers[i + 1]?.start ?? text.length);
    const named = findMetric(vocabulary.metricTerms, after, [], wordsIn(sentence)).kind !== 'none';
    const why = notAFigure(text, n, previous, next, named);
    if (why) {
      if (why === 'a day of a date' || why === 'a year')
        use([previous, next].filter((w): w is Word => !!w && MONTH_WORD.test(w.lower)));
      if (why.startsWith('a vague amount') && previous) use([previous]);
      if (why !== 'not a number')
        notFigures.push({ text: text.slice(n.start, n.end), start: n.start, end: n.end, why });
      return;
    }
    items.push({ lo: n, hi: n, index: i, hiIndex: i, clause, sentence });
  });

  // 2. Ranges: "between 80 and 100", "90 to 100", "15,000-20,000" are one figure.
  const merged: Item[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const next = items[k + 1];
    if (
      next &&
      next.index === item.index + 1 &&
      next.clause.start === item.clause.start &&
      readQualifier(text, item.lo.start, item.lo.end, 'en')?.qualifier === 'range' &&
      /^\s*(?:and|to|-|–|—)\s*(?:£|€|\$)?\s*$/i.test(text.slice(item.lo.end, next.lo.start))
    ) {
      merged.push({ ...item, hi: next.lo, hiIndex: next.index });
      k++;
    } else merged.push(item);
  }

  // 3. What each figure is.
  const figures = merged.map((item) => {
    const { lo, hi, clause, sentence } = item;
    const isRange = lo !== hi;
    const problems: string[] = [];
    const sentenceWords = wordsIn(sentence);
    const firstAfter = words[firstFrom(hi.end)];
    const after = afterWords(hi.end, clause, numbers[item.hiIndex + 1]?.start ?? text.length);
    const before = beforeWords(lo.start, clause, numbers[item.index - 1]?.end ?? 0);
    let end = hi.end;
    let start = lo.start;
    if (isRange) {
      const between = /between\s+(?:£|€|\$)?\s*$/i.exec(
        text.slice(Math.max(0, lo.start - 16), lo.start),
      );
      if (between) {
        start = lo.start - between[0].length;
        use(wordsBetween(start, lo.start));
      }
      use(wordsBetween(lo.end, hi.start)); // "and", "to"
    }

    // How exact: the words before the number (or after it: "or more").
    const q = readQualifier(text, lo.start, lo.end, 'en')!;
    let qualifier: WordedQualifier | null = isRange ? 'range' : q.qualifier;
    if (!isRange && qualifier === 'range') {
      problems.push(`'${lo.numeral}' is one end of a range whose other end is not clear`);
      qualifier = null;
    }
    if (q.phrase && !isRange) {
      // The phrase ends at most a few characters (a currency sign, a quotation mark) before the number.
      const from0 = Math.max(0, lo.start - q.phrase.length - 12);
      const found = text
        .slice(from0, lo.start)
        .toLowerCase()
        .replace(/’/g, "'")
        .lastIndexOf(q.phrase);
      if (found !== -1) {
        start = from0 + found;
        use(wordsBetween(start, start + q.phrase.length));
      } else {
        const found = text
          .slice(hi.end, hi.end + q.phrase.length + 12)
          .toLowerCase()
          .indexOf(q.phrase);
        if (found !== -1) {
          const at = hi.end + found;
          end = Math.max(end, at + q.phrase.length);
          use(wordsBetween(at, at + q.phrase.length));
        }
      }
    }

    // What it counts.
    const found = findMetric(vocabulary.metricTerms, after, before, sentenceWords);
    let metric: MetricRecord | null = null;
    let metricWords: string | null = null;
    if (found.kind === 'found') {
      metric = vocabulary.metrics.get(found.match.metric)!;
      metricWords = found.match.words.map((w) => w.text).join(' ');
      use(found.match.words);
      use(found.match.sentenceWords);
      const label = new Set(labelWords(metric.label));
      use([...before, ...after].filter((w) => label.has(w.lower)));
      const last = found.match.words[found.match.words.length - 1]!;
      if (last.start >= hi.end) end = Math.max(end, last.end);
    } else if (found.kind === 'ambiguous') {
      problems.push(
        `'${found.words.map((w) => w.text).join(' ')}' could name ${found.metrics.map((m) => vocabulary.metrics.get(m)!.label.toLowerCase()).join(' or ')}: which one is not clear`,
      );
    } else
      problems.push(
        'no word near it says what it counts (such as arrests, charged, convicted, cash, drugs, firearms)',
      );

    // In what unit, and the value in it.
    const unitFound = unitWords(text, lo.start, hi.end, firstAfter);
    if (unitFound.kind !== 'none') {
      use(unitFound.words);
      if (unitFound.words.length) end = Math.max(end, unitFound.words[0]!.end);
      else {
        // A sign or code before the number: "£54m", "EUR 739.7 million".
        const from0 = Math.max(0, lo.start - 12);
        const found = text.slice(from0, lo.start).lastIndexOf(unitFound.written);
        if (found !== -1) {
          const sign = from0 + found;
          start = Math.min(start, sign);
          use(wordsBetween(sign, lo.start));
        }
      }
    }
    let unit: string | null = null;
    let convert: 'kg' | 'years' | null = null;
    if (metric) {
      const resolved = ledgerUnit(unitFound, metric.units, metric.label);
      if ('problem' in resolved) problems.push(resolved.problem);
      else ({ unit, convert } = resolved);
    }
    let conversion: string | null = null;
    const written: number[] = [];
    const valueOf = (n: WrittenNumber): number | null => {
      const read = englishValue(n);
      if ('problem' in read) {
        problems.push(read.problem);
        return null;
      }
      let value = read.value;
      written.push(value);
      if (convert) {
        // The reader reads from the number on: its unit word is within the next few words.
        const from = forReader(text).slice(n.start, n.end + 64);
        const converted = readingsInUnit(from, convert, 'en').find(
          (r) => r.start === 0 && r.conversion !== 'none' && r.value === value,
        );
        if (!converted) {
          problems.push(`'${n.numeral}' could not be brought to ${convert}`);
          return null;
        }
        value = converted.inUnit;
        conversion = converted.conversion;
      }
      if (unit === 'count' && !Number.isInteger(value)) {
        problems.push(
          `'${n.numeral}' is ${value} in English, and ${metric!.label.toLowerCase()} are counted in whole numbers`,
        );
        return null;
      }
      return value;
    };
    const low = valueOf(lo);
    const high = isRange ? valueOf(hi) : low;
    if (isRange && low !== null && high !== null && low > high)
      problems.push(`the range '${text.slice(lo.start, hi.end)}' goes down, not up`);

    // Which breakdown ("cocaine", "class A and B"), if the claims of the metric have one it names.
    let breakdown: ReadFigure['breakdown'] = null;
    if (metric) {
      const options = vocabulary.breakdowns.get(metric.id) ?? [];
      let best: { words: Word[]; options: { key: string; value: string }[] } | null = null;
      for (const option of options)
        for (const window of [after, before])
          for (const { first, last } of findPhrase(text, window, option.phrase)) {
            const ws = window.slice(first, last + 1);
            if (!best || ws.length > best.words.length) best = { words: ws, options: [option] };
            else if (ws.length === best.words.length && !best.options.includes(option))
              best.options.push(option);
          }
      if (best) {
        use(best.words);
        const distinct = [...new Set(best.options.map((o) => `${o.key}=${o.value}`))];
        if (distinct.length > 1)
          problems.push(
            `'${best.words.map((w) => w.text).join(' ')}' could be ${distinct.join(' or ')}`,
          );
        else
          breakdown = {
            key: best.options[0]!.key,
            value: best.options[0]!.value,
            words: best.words.map((w) => w.text).join(' '),
          };
      }
    }
    if (metric && unit === 'count')
      use([...before, ...after].filter((w) => COUNTED_NOUNS.has(w.lower)));

    // Where: the clause, else the sentence, else the whole text.
    const within = (s: Stretch) => (m: { words: readonly Word[] }) =>
      m.words[0]!.start >= s.start && m.words[m.words.length - 1]!.end <= s.end;
    let place: string | null = null;
    let placeWords: string | null = null;
    let placeFrom: ReadFigure['placeFrom'] = null;
    // The words after the number first ("746 arrests in the UK and 6,558 across Europe"), then those
    // before it back to the previous number, then its clause, its sentence, the text.
    const afterIt: Stretch = { start: hi.end, end: after[after.length - 1]?.end ?? hi.end };
    const beforeIt: Stretch = {
      start: Math.max(clause.start, numbers[item.index - 1]?.end ?? 0),
      end: lo.start,
    };
    for (const [from, stretch] of [
      ['clause', afterIt],
      ['clause', beforeIt],
      ['clause', clause],
      ['sentence', sentence],
      ['text', null],
    ] as const) {
      const mentions = stretch ? places.filter(within(stretch)) : places;
      const distinct = [...new Set(mentions.map((m) => m.place))];
      if (!distinct.length) continue;
      if (distinct.length > 1) {
        problems.push(
          `the ${from} names several places (${distinct.map((p) => vocabulary.placeNames.get(p)).join(', ')}): which one this figure is for is not clear`,
        );
        break;
      }
      place = distinct[0]!;
      placeWords = mentions[0]!.words.map((w) => w.text).join(' ');
      placeFrom = from;
      break;
    }
    if (!place && !problems.some((p) => p.includes('several places')))
      problems.push(
        'no place is named (such as "in the UK", "across Europe", "worldwide"): the ledger’s figures are each for a place',
      );

    // Which networks: those named in the sentence, else in the text, else EncroChat.
    const namedIn = networks.filter(within(sentence));
    const named = namedIn.length ? namedIn : networks;
    const networkIds = named.length
      ? [...new Set(named.map((m) => m.network))].sort()
      : [...vocabulary.defaultNetworks];

    return {
      start,
      end,
      numeral: isRange ? text.slice(lo.start, hi.end) : text.slice(lo.start, lo.end),
      value: isRange ? null : low,
      min: isRange ? low : null,
      max: isRange ? high : null,
      written,
      qualifier,
      qualifierWords: isRange ? null : q.phrase,
      unit,
      unitWords: unitFound.kind === 'none' ? null : unitFound.written,
      conversion,
      metric: metric?.id ?? null,
      metricWords,
      breakdown,
      place,
      placeWords,
      placeFrom,
      networks: networkIds,
      networkWords: [...new Set(named.map((m) => m.words.map((w) => w.text).join(' ')))],
      problems,
    } satisfies ReadFigure;
  });

  const unusedWords: string[] = [];
  const seen = new Set<string>();
  words.forEach((w, i) => {
    if (used.has(i) || FUNCTION_WORDS.has(w.lower) || seen.has(w.lower)) return;
    seen.add(w.lower);
    unusedWords.push(w.text);
  });
  return { figures, notFigures, unusedWords };
}

const MONTH_WORD =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;

/** The places compared for a figure's place: itself, then those of `ALSO_COMPARED` that exist. */
export function comparedPlaces(
  place: string,
  known: ReadonlyMap<string, string>,
): { place: string; why: string | null }[] {
  return [{ place, why: null }, ...(ALSO_COMPARED[place] ?? []).filter((a) => known.has(a.place))];
}
