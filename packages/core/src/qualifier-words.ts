/**
 * The words around a number that say how exact it is, in the languages of the sources: "more than
 * 700", "nearly 700", "some 60", "up to 10,000", "between £500,000 and £750,000", "700 or more";
 * "mehr als 20 Millionen", "ruim 6500", "près de 1 000", "casi seis toneladas", "drygt 300",
 * "nærmere 100"; "une centaine" (a noun of approximation: about 100). No such word: exact.
 *
 * `wordedQualifier` reads the qualifier that the words right before a number (and, when there are
 * none, right after it) give it. It looks no further than that: in "around 109kg of cocaine, 24kg
 * of heroin" the 24kg is exact, as written. Languages without a vocabulary here give null: the
 * caller cannot tell, and says nothing.
 */

export type WordedQualifier =
  'exact' | 'approximate' | 'more_than' | 'at_least' | 'nearly' | 'up_to' | 'range';

type Vocabulary = {
  /** Phrases right before the number (lowercase; "de" also stands for the elided "d'"). */
  before: Partial<Record<Exclude<WordedQualifier, 'exact' | 'range'>, string[]>>;
  /** Phrases right after it, when none comes before ("700 or more"). */
  after?: Partial<Record<Exclude<WordedQualifier, 'exact' | 'range'>, string[]>>;
  /** A range: "between" and "and" around its ends ("between 80 and 100"), or "to" (or a dash) alone between them ("90 to 100", "15.000-20.000"). */
  between: string[];
  and: string[];
  to: string[];
  /** Nouns that are a round number of approximation ("une centaine": about 100), and their articles. */
  nouns?: string[];
  articles?: string[];
};

const VOCABULARY: Record<string, Vocabulary> = {
  en: {
    before: {
      more_than: [
        'more than',
        'over',
        'in excess of',
        'above',
        'upwards of',
        'topping',
        'greater than',
      ],
      at_least: ['at least', 'no fewer than', 'no less than', 'not less than', 'a minimum of'],
      nearly: [
        'nearly',
        'almost',
        'close to',
        'just under',
        'not far short of',
        'just short of',
        'just shy of',
      ],
      approximate: [
        'about',
        'around',
        'some',
        'approximately',
        'approx.',
        'roughly',
        'circa',
        'c.',
        'ca.',
        'estimated',
        'estimated at',
        'estimated that',
        'estimated to be',
        'estimated to be worth',
        'thought to be',
        'thought to be worth',
        'believed to be',
        'believed to be worth',
      ],
      up_to: ['up to', 'as many as', 'at most', 'a maximum of', 'no more than', 'not more than'],
    },
    after: { at_least: ['or more'], approximate: ['or so'] },
    between: ['between'],
    and: ['and'],
    to: ['to'],
  },
  nl: {
    before: {
      more_than: ['meer dan', 'ruim', 'dik', 'boven de'],
      at_least: ['minstens', 'ten minste', 'tenminste', 'minimaal', 'zeker'],
      nearly: ['bijna', 'nagenoeg', 'vrijwel', 'krap'],
      approximate: [
        'ongeveer',
        'circa',
        'ca.',
        "zo'n",
        'rond de',
        'rond',
        'omstreeks',
        'pakweg',
        'naar schatting',
        'zowat',
      ],
      up_to: ['tot', 'tot wel', 'maximaal', 'hooguit', 'ten hoogste'],
    },
    after: { at_least: ['of meer'] },
    between: ['tussen'],
    and: ['en'],
    to: ['tot'],
  },
  de: {
    before: {
      more_than: ['mehr als', 'über', 'gut', 'knapp über'],
      at_least: ['mindestens', 'wenigstens', 'zumindest'],
      nearly: ['knapp', 'fast', 'beinahe', 'nahezu', 'annähernd'],
      approximate: [
        'rund',
        'etwa',
        'ungefähr',
        'circa',
        'ca.',
        'zirka',
        'schätzungsweise',
        'geschätzt',
        'geschätzte',
        'geschätzten',
      ],
      up_to: ['bis zu', 'höchstens', 'maximal'],
    },
    after: { at_least: ['oder mehr', 'und mehr'] },
    between: ['zwischen'],
    and: ['und'],
    to: ['bis'],
  },
  fr: {
    before: {
      more_than: ['plus de', 'au-delà de', 'supérieur à'],
      at_least: ['au moins', 'pas moins de', 'au minimum'],
      nearly: ['près de', 'presque', 'quasiment', 'pratiquement', 'pas loin de'],
      approximate: [
        'environ',
        'quelque',
        'approximativement',
        'autour de',
        'aux alentours de',
        'à peu près',
      ],
      up_to: ["jusqu'à", 'au maximum', 'au plus'],
    },
    after: { at_least: ['ou plus', 'et plus'] },
    between: ['entre'],
    and: ['et'],
    to: ['à'],
    nouns: [
      'dizaine',
      'douzaine',
      'quinzaine',
      'vingtaine',
      'trentaine',
      'quarantaine',
      'cinquantaine',
      'soixantaine',
      'centaine',
      'millier',
    ],
    articles: ['une', 'un'],
  },
  es: {
    before: {
      more_than: ['más de', 'por encima de'],
      at_least: ['al menos', 'por lo menos', 'como mínimo'],
      nearly: ['casi', 'cerca de', 'prácticamente'],
      approximate: ['unos', 'unas', 'alrededor de', 'aproximadamente', 'en torno a', 'aprox.'],
      up_to: ['hasta'],
    },
    after: { at_least: ['o más'] },
    between: ['entre'],
    and: ['y'],
    to: ['a'],
    nouns: ['decena', 'docena', 'centenar'],
    articles: ['una', 'un'],
  },
  sv: {
    before: {
      more_than: ['över', 'mer än', 'fler än', 'drygt'],
      at_least: ['minst', 'åtminstone'],
      nearly: ['nästan', 'närmare', 'knappt', 'närapå'],
      approximate: [
        'cirka',
        'ca',
        'ca.',
        'c:a',
        'omkring',
        'ungefär',
        'runt',
        'kring',
        'uppskattningsvis',
      ],
      up_to: ['upp till', 'uppemot', 'högst'],
    },
    after: { at_least: ['eller mer', 'eller fler'] },
    between: ['mellan'],
    and: ['och'],
    to: ['till'],
    nouns: ['tiotal', 'tjugotal', 'hundratal'],
    articles: ['ett', 'en'],
  },
  no: {
    before: {
      more_than: ['over', 'mer enn', 'flere enn', 'drøyt', 'drøye', 'i overkant av'],
      at_least: ['minst'],
      nearly: ['nesten', 'nærmere', 'snaut', 'knapt', 'i underkant av'],
      approximate: [
        'cirka',
        'ca',
        'ca.',
        'omkring',
        'rundt',
        'omtrent',
        'anslagsvis',
        'antatte',
        'antatt',
      ],
      up_to: ['opptil', 'opp til', 'inntil', 'høyst'],
    },
    after: { at_least: ['eller mer', 'eller flere'] },
    between: ['mellom'],
    and: ['og'],
    to: ['til'],
  },
  da: {
    before: {
      more_than: ['over', 'mere end', 'flere end', 'godt'],
      at_least: ['mindst', 'i hvert fald'],
      nearly: ['næsten', 'knap', 'nærmere'],
      approximate: ['cirka', 'ca.', 'ca', 'omkring', 'omtrent', 'anslået'],
      up_to: ['op til', 'højst'],
    },
    after: { at_least: ['eller mere', 'eller flere'] },
    between: ['mellem'],
    and: ['og'],
    to: ['til'],
  },
};
VOCABULARY.nb = VOCABULARY.no!;
VOCABULARY.nn = VOCABULARY.no!;

/** The vocabulary of a language tag (`en`, `en-GB`, `nb`), or null when there is none. */
function vocabularyFor(language: string): Vocabulary | null {
  return VOCABULARY[language.toLowerCase().split('-')[0]!] ?? null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (phrases: string[]) =>
  phrases
    .map(escape)
    .sort((a, b) => b.length - a.length)
    .join('|');

/** A phrase at the end of a text, on a word boundary. */
const ending = (phrases: string[]) =>
  new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${anyOf(phrases)})$`, 'u');

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Whether `text` ends with `phrase`, on a word boundary. */
const endsWithPhrase = (text: string, phrase: string) =>
  text.endsWith(phrase) &&
  (text.length === phrase.length || !WORD_CHAR.test(text[text.length - phrase.length - 1]!));
/** Whether `text` starts with `phrase`, on a word boundary. */
const startsWithPhrase = (text: string, phrase: string) =>
  text.startsWith(phrase) &&
  (text.length === phrase.length || !WORD_CHAR.test(text[phrase.length]!));

/** The phrases of a vocabulary with their qualifiers, longest first: "no more than" is read before "more than". */
const byLength = (phrases: Vocabulary['before']) =>
  Object.entries(phrases)
    .flatMap(([qualifier, list]) =>
      list!.map((phrase) => [phrase, qualifier as WordedQualifier] as const),
    )
    .sort((a, b) => b[0].length - a[0].length);

/** A number as written, with a currency sign or unit stuck to it: "80", "£500,000", "1,5", "15.000", "80kg". */
const FIGURE = String.raw`\S*\d[\d.,]*\S*`;
const DASH = '[-–—]';

interface Compiled {
  before: (readonly [string, WordedQualifier])[];
  after: (readonly [string, WordedQualifier])[];
  /** Text ending "between 80 and", "90 to", "15.000-": the number after it is the upper end of a range. */
  upperEnd: RegExp;
  /** Text ending "between": the number after it is the lower end of a range. */
  between: RegExp;
  /** Text starting "-20.000", " to 100": the number before it is the lower end of a range. */
  lowerEnd: RegExp;
  nouns: Set<string>;
  article: RegExp | null;
}

const compiled = new Map<Vocabulary, Compiled>();

function compile(v: Vocabulary): Compiled {
  let c = compiled.get(v);
  if (c) return c;
  const to = `(?:${DASH}|\\s(?:${anyOf(v.to)}))`;
  c = {
    before: byLength(v.before),
    after: byLength(v.after ?? {}),
    upperEnd: new RegExp(
      `(?:\\d\\S*\\s*${to}|(?:^|[^\\p{L}\\p{N}])(?:${anyOf(v.between)})\\s+${FIGURE}\\s+(?:${anyOf(v.and)}))$`,
      'u',
    ),
    between: ending(v.between),
    lowerEnd: new RegExp(`^\\S*\\s*${to}\\s*${FIGURE}`, 'u'),
    nouns: new Set(v.nouns ?? []),
    article: v.articles ? ending(v.articles) : null,
  };
  compiled.set(v, c);
  return c;
}

/**
 * What may stand between a qualifier and its number and says nothing of exactness: currency signs
 * and codes ("more than £54m", "close to EUR 900 million"), quotation marks, a comma ("al menos, 69").
 */
const FILLER_CHARS = new Set([
  ' ',
  '"',
  '“',
  '”',
  '„',
  '«',
  '»',
  '‘',
  '’',
  "'",
  '(',
  ',',
  '£',
  '€',
  '$',
]);
const CURRENCY_CODES = ['eur', 'gbp', 'usd', 'sek', 'nok', 'dkk', 'chf', 'kr'];

/** The text without the filler at its end. */
function withoutFiller(text: string): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && FILLER_CHARS.has(text[end - 1]!)) end--;
    const code = CURRENCY_CODES.find(
      (c) =>
        text.endsWith(c, end) && (end === c.length || !WORD_CHAR.test(text[end - c.length - 1]!)),
    );
    if (!code) return text.slice(0, end);
    end -= code.length;
  }
}

/** Lowercased, with typographic apostrophes straightened, the elided French "d'" spelled "de ", and one space for any white space. */
function normalise(text: string): string {
  let out = text.toLowerCase();
  // Most texts need none of the replacements: test before rewriting.
  if (/[’‘`´]/.test(out)) out = out.replace(/[’‘`´]/g, "'");
  if (out.includes("d'")) out = out.replace(/\bd'/g, 'de ');
  if (/\s\s|[^\S ]/.test(out)) out = out.replace(/\s+/g, ' ');
  return out;
}

/** The qualifier the words around a number give it, and the words that give it. */
export interface QualifierReading {
  qualifier: WordedQualifier;
  /** The phrase that gives it, lowercased as in the vocabulary ("more than", "or more"); null for an exact number, a range or a noun of approximation. */
  phrase: string | null;
}

/**
 * The qualifier the words give the number written at `start`..`end` of `text` (see the header), or
 * null when the language has no vocabulary here.
 */
export function wordedQualifier(
  text: string,
  start: number,
  end: number,
  language: string,
): WordedQualifier | null {
  return readQualifier(text, start, end, language)?.qualifier ?? null;
}

/** `wordedQualifier` with the phrase it read: what a reader of the text is told was understood. */
export function readQualifier(
  text: string,
  start: number,
  end: number,
  language: string,
): QualifierReading | null {
  const vocabulary = vocabularyFor(language);
  if (!vocabulary) return null;
  const c = compile(vocabulary);
  // Qualifiers are short: the last words before the number and the first after it are enough.
  let before = normalise(text.slice(Math.max(0, start - 48), start));
  const after = normalise(text.slice(end, end + 24));
  const numeral = normalise(text.slice(start, end)).trim();
  before = withoutFiller(before);
  if (c.upperEnd.test(before) || c.lowerEnd.test(after))
    return { qualifier: 'range', phrase: null };
  // "une centaine", "ett tiotal": about a round number, unless a qualifier comes first ("plus d'une centaine").
  const noun = c.nouns.has(numeral);
  if (noun && c.article) before = withoutFiller(before.replace(c.article, ''));
  if (c.between.test(before)) return { qualifier: 'range', phrase: null };
  for (const [phrase, qualifier] of c.before)
    if (endsWithPhrase(before, phrase)) return { qualifier, phrase };
  const next = after.trimStart();
  for (const [phrase, qualifier] of c.after)
    if (startsWithPhrase(next, phrase)) return { qualifier, phrase };
  return { qualifier: noun ? 'approximate' : 'exact', phrase: null };
}
