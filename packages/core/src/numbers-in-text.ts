/**
 * Reads numbers as people write them in news and press releases, in English and the other languages
 * of the sources: "746", "2,191,200", "6 558", "6.558", "£54m", "EUR 739.7 million", "1,5 miljoen",
 * "two tonnes", "nine", "1,100 years", "7.5kg". Returns every value a figure could stand for; the
 * caller decides which unit conversions to allow. Ambiguous separators give both readings.
 */

/** Number words by language (only what figures use). Nouns of approximation count as their round number. */
const WORDS: Record<string, Record<string, number>> = {
  en: {
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
    hundred: 100,
    thousand: 1000,
    dozen: 12,
    a: 1,
    an: 1,
    half: 0.5,
  },
  nl: {
    een: 1,
    twee: 2,
    drie: 3,
    vier: 4,
    vijf: 5,
    zes: 6,
    zeven: 7,
    acht: 8,
    negen: 9,
    tien: 10,
    elf: 11,
    twaalf: 12,
    dertien: 13,
    veertien: 14,
    vijftien: 15,
    zestien: 16,
    zeventien: 17,
    achttien: 18,
    negentien: 19,
    twintig: 20,
    dertig: 30,
    veertig: 40,
    vijftig: 50,
    zestig: 60,
    zeventig: 70,
    tachtig: 80,
    negentig: 90,
    honderd: 100,
    duizend: 1000,
    half: 0.5,
  },
  de: {
    eins: 1,
    ein: 1,
    eine: 1,
    zwei: 2,
    drei: 3,
    vier: 4,
    fünf: 5,
    sechs: 6,
    sieben: 7,
    acht: 8,
    neun: 9,
    zehn: 10,
    elf: 11,
    zwölf: 12,
    zwanzig: 20,
    dreißig: 30,
    vierzig: 40,
    fünfzig: 50,
    hundert: 100,
    tausend: 1000,
    dutzend: 12,
    halb: 0.5,
  },
  fr: {
    un: 1,
    une: 1,
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    six: 6,
    sept: 7,
    huit: 8,
    neuf: 9,
    dix: 10,
    onze: 11,
    douze: 12,
    quinze: 15,
    vingt: 20,
    trente: 30,
    quarante: 40,
    cinquante: 50,
    soixante: 60,
    cent: 100,
    mille: 1000,
    dizaine: 10,
    douzaine: 12,
    quinzaine: 15,
    vingtaine: 20,
    trentaine: 30,
    quarantaine: 40,
    cinquantaine: 50,
    soixantaine: 60,
    centaine: 100,
    millier: 1000,
    demi: 0.5,
  },
  es: {
    uno: 1,
    una: 1,
    dos: 2,
    tres: 3,
    cuatro: 4,
    cinco: 5,
    seis: 6,
    siete: 7,
    ocho: 8,
    nueve: 9,
    diez: 10,
    doce: 12,
    veinte: 20,
    treinta: 30,
    cuarenta: 40,
    cincuenta: 50,
    cien: 100,
    ciento: 100,
    mil: 1000,
    decena: 10,
    docena: 12,
    centenar: 100,
    media: 0.5,
  },
  sv: {
    en: 1,
    ett: 1,
    två: 2,
    tre: 3,
    fyra: 4,
    fem: 5,
    sex: 6,
    sju: 7,
    åtta: 8,
    nio: 9,
    tio: 10,
    elva: 11,
    tolv: 12,
    tjugo: 20,
    trettio: 30,
    hundra: 100,
    tusen: 1000,
    tiotal: 10,
    tjugotal: 20,
    hundratal: 100,
    halv: 0.5,
  },
  no: {
    en: 1,
    ett: 1,
    to: 2,
    tre: 3,
    fire: 4,
    fem: 5,
    seks: 6,
    sju: 7,
    syv: 7,
    åtte: 8,
    ni: 9,
    ti: 10,
    elleve: 11,
    tolv: 12,
    tjue: 20,
    tretti: 30,
    hundre: 100,
    tusen: 1000,
    halv: 0.5,
  },
};
WORDS.da = WORDS.no!;
WORDS.nb = WORDS.no!;
WORDS.nn = WORDS.no!;

const wordMemo = new Map<Record<string, number>, Map<string, number | null>>();

/** The value of a number word, including compounds: "twaalfduizend" 12,000, "vierhonderd" 400, "vijfentwintig" 25. Memoised per table. */
function wordValue(word: string, table: Record<string, number>): number | null {
  let memo = wordMemo.get(table);
  if (!memo) wordMemo.set(table, (memo = new Map()));
  let v = memo.get(word);
  if (v === undefined && !memo.has(word)) {
    v = computeWordValue(word, table);
    if (memo.size > 50_000) memo.clear();
    memo.set(word, v);
  }
  return v ?? null;
}

function computeWordValue(word: string, table: Record<string, number>): number | null {
  if (word in table) return table[word]!;
  for (const [big, factor] of [
    ['duizend', 1000],
    ['honderd', 100],
    ['tausend', 1000],
    ['hundert', 100],
    ['tusen', 1000],
    ['hundra', 100],
    ['hundre', 100],
  ] as const) {
    if (word.endsWith(big) && word.length > big.length && big in table) {
      const head = computeWordValue(word.slice(0, -big.length), table);
      if (head !== null) return head * factor;
    }
  }
  for (const joiner of ['en', 'und']) {
    const at = word.indexOf(joiner, 1);
    if (at > 0) {
      const unit = table[word.slice(0, at)];
      const tens = table[word.slice(at + joiner.length)];
      if (unit !== undefined && tens !== undefined && unit < 10 && tens >= 20) return unit + tens;
    }
  }
  return null;
}

const MULTIPLIERS: [RegExp, number][] = [
  [/^(?:thousand|thousands|k|tusen|duizend|tausend|mille|mil|tys\.?)$/, 1e3],
  [
    /^(?:million|millions|m|mn|mln\.?|miljoen|milljoen|miljoenen|millionen|mio\.?|miljoner|millioner|milj\.?|millón|millones|mill\.?)$/,
    1e6,
  ],
  [
    /^(?:billion|billions|bn|b|miljard|miljarden|milliarden|milliarde|mrd\.?|milliard|milliards|miljarder)$/,
    1e9,
  ],
  [/^(?:hundred|hundreds|honderd|hundert)$/, 1e2],
];

function multiplierOf(word: string | undefined): number | null {
  if (!word) return null;
  for (const [re, m] of MULTIPLIERS) if (re.test(word)) return m;
  return null;
}

/** Readings of one numeral with its separators. */
function readNumeral(raw: string): number[] {
  const s = raw.replace(/[\u00a0\u202f\u2009 ]/g, ' ');
  const out = new Set<number>();
  // Thousand groups with a space or apostrophe: "6 558", "1'000".
  if (/^\d{1,3}(?:[ '’]\d{3})+(?:[.,]\d+)?$/.test(s)) {
    const [int, dec] = s.split(/[.,](?=\d+$)/);
    out.add(Number(int!.replace(/[ '’]/g, '') + (dec ? `.${dec}` : '')));
  }
  const plain = s.replace(/ /g, '');
  // Comma as thousands, dot as decimal: "2,191,200", "1,100.5".
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(plain)) out.add(Number(plain.replace(/,/g, '')));
  // Dot as thousands, comma as decimal: "6.558", "1.234.567,5".
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(plain))
    out.add(Number(plain.replace(/\./g, '').replace(',', '.')));
  // A single separator as a decimal mark: "7.5", "103,5", "1,100" (also read as 1.1).
  if (/^\d+[.,]\d+$/.test(plain)) out.add(Number(plain.replace(',', '.')));
  if (/^\d+$/.test(plain)) out.add(Number(plain));
  return [...out].filter(Number.isFinite);
}

export interface NumberReading {
  /** The value the words stand for (multipliers applied). */
  value: number;
  /** The word right after the number (a unit or noun), lowercased: "tonnes", "kg", "years". */
  next: string;
  /** Where the number is written in the text: its first character, and the end of its last word (a multiplier included: "£54m" ends after "m"). */
  start: number;
  end: number;
  /** The numeral or number word as written, lowercased: "2,191,200", "two", "centaine". */
  numeral: string;
}

const TOKEN = /(\d[\d\u00a0\u202f\u2009 '’.,]*\d|\d)|([\p{L}]+\.?)|([£€$])/gu;

const tables = new Map<string, Record<string, number>>();
/** English words plus the source language's (one object per language, so the memo can key on it). */
function tableFor(language: string): Record<string, number> {
  const key = language.slice(0, 2);
  let table = tables.get(key);
  if (!table) tables.set(key, (table = { ...WORDS.en, ...(WORDS[key] ?? {}) }));
  return table;
}

/** Every number the text states, with the word after it. */
export function readNumbers(text: string, language = 'en'): NumberReading[] {
  const table = tableFor(language);
  const tokens: { kind: 'num' | 'word' | 'cur'; text: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    tokens.push({
      kind: m[1] ? 'num' : m[2] ? 'word' : 'cur',
      text: t.toLowerCase(),
      start: m.index!,
      end: m.index! + t.length,
    });
  }
  const readings: NumberReading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // The numbers this token starts, each with where it is written (before any multiplier).
    const numbers: { value: number; start: number; end: number; numeral: string }[] = [];
    const written = (value: number, start = tok.start, end = tok.end, numeral = tok.text) =>
      numbers.push({ value, start, end, numeral });
    if (tok.kind === 'num') {
      for (const v of readNumeral(tok.text)) written(v);
      // A numeral that absorbed a trailing space group may also be two numbers ("2020 746"); add its parts.
      if (/[ \u00a0\u202f\u2009]/.test(tok.text))
        for (const m of tok.text.matchAll(/[^\u00a0\u202f\u2009 ]+/g))
          for (const v of readNumeral(m[0]))
            written(v, tok.start + m.index!, tok.start + m.index! + m[0].length, m[0]);
    } else if (tok.kind === 'word') {
      const w = tok.text.replace(/\.$/, '');
      const v = wordValue(w, table);
      if (v === null) continue;
      written(v);
      // "twenty-two": the tokenizer splits at the hyphen; combine tens and units.
      const prev = tokens[i - 1];
      const pv =
        prev && prev.kind === 'word' && text.slice(prev.end, tok.start) === '-'
          ? wordValue(prev.text, table)
          : null;
      if (pv !== null && pv >= 20 && v < 10)
        written(pv + v, prev!.start, tok.end, `${prev!.text}-${tok.text}`);
    } else continue;
    // Multipliers directly after: "54m", "54 million", "1,5 miljoen", "two thousand".
    let j = i + 1;
    let factor = 1;
    const attached = tokens[j] && tokens[j]!.start === tok.end; // "£54m"
    const mult = multiplierOf(tokens[j]?.text.replace(/\.$/, ''));
    if (mult && (attached || tokens[j]!.kind === 'word')) {
      factor = mult;
      j++;
      // "half a million": half × a × million
    }
    const next = tokens[j]?.text ?? '';
    // "seis toneladas y media", "two and a half tonnes": add the half.
    const after = tokens
      .slice(j, j + 4)
      .map((t) => t.text)
      .join(' ');
    const half =
      /^(?:\S+ )?(?:y media|et demi|and a half|en een half|och en halv|und ein halb)/.test(after)
        ? 0.5
        : 0;
    for (const { value: b, start, end, numeral } of numbers) {
      // The number ends after its multiplier when it is the last part of the token.
      const through = end === tok.end ? tokens[j - 1]!.end : end;
      readings.push({ value: b * factor, next, start, end: through, numeral });
      if (half) readings.push({ value: (b + half) * factor, next, start, end: through, numeral });
      // A lone letter after a space may be a unit, not a multiplier ("5 m" of cable): keep the plain reading too.
      if (factor !== 1 && !attached && /^[mbk]$/.test(tokens[i + 1]?.text ?? ''))
        readings.push({ value: b, next: tokens[i + 1]?.text ?? '', start, end, numeral });
    }
    // "hundreds of" without a number is vague, not a figure; a bare multiplier word is ignored.
  }
  // "half a million": 0.5 × 1e6
  const lower = text.toLowerCase();
  for (const [phrase, v] of [
    ['half a million', 5e5],
    ['a quarter of a million', 2.5e5],
  ] as const) {
    const start = lower.indexOf(phrase);
    if (start !== -1)
      readings.push({ value: v, next: '', start, end: start + phrase.length, numeral: phrase });
  }
  return readings;
}

const TONNES = /^(?:t|tonnes?|tons?|tonnen|tonnor|ton|tonn|tonnes\.|toneladas?)$/;
const POUNDS = /^(?:lbs?|pounds?)$/;
const GRAMS = /^(?:g|grams?|gram|gramm)$/;
const MONTHS = /^(?:months?|maanden|monate|mois|månader|meses)$/;

/** The units that `readingsInUnit` converts other units to (kg from tonnes, pounds and grams; years from months). */
export const CONVERTED_UNITS: ReadonlySet<unknown> = new Set(['kg', 'years']);

/** How a number of a quote was brought to a claim's unit. */
export type Conversion = 'none' | 'tonnes' | 'pounds' | 'grams' | 'months';

/** A number of a quote in a claim's unit. */
export interface UnitReading extends NumberReading {
  /** The number in the claim's unit (`value` is the number as written). */
  inUnit: number;
  conversion: Conversion;
}

/**
 * The significant digits of a number as written in figures: from the first non-zero digit to the
 * last one. Trailing zeros of a whole number do not count: "22,000" is a figure to two digits, as
 * a source that writes it means it. 9979.03214 has nine, 1.5 million two, 2,000 one.
 */
export function significantDigits(n: number): number {
  if (!Number.isFinite(n) || n === 0) return 0;
  const digits = Math.abs(n)
    .toPrecision(12)
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/**
 * Every number of the quote in the claim's unit, with where it is written: each as read, and for kg,
 * tonnes (× 1,000), pounds (× 0.45359237) and grams (÷ 1,000) converted; for years, months (÷ 12).
 * Conversions by factors other than powers of ten are also given rounded to the significant digits
 * of the figure: "22,000 lbs" is 9,979.03214 kg, or 10,000 kg to its two digits; "8 months" is
 * 0.666… years, or 0.7.
 */
export function readingsInUnit(quote: string, unit: string, language = 'en'): UnitReading[] {
  const out: UnitReading[] = [];
  for (const reading of readNumbers(quote, language)) {
    const { value, next } = reading;
    out.push({ ...reading, inUnit: value, conversion: 'none' });
    if (unit === 'kg') {
      if (TONNES.test(next)) out.push({ ...reading, inUnit: value * 1000, conversion: 'tonnes' });
      if (POUNDS.test(next))
        out.push(...convertedAndRounded(reading, value * 0.45359237, 'pounds'));
      if (GRAMS.test(next)) out.push({ ...reading, inUnit: value / 1000, conversion: 'grams' });
    }
    if (unit === 'years' && MONTHS.test(next))
      out.push(...convertedAndRounded(reading, value / 12, 'months'));
  }
  return out;
}

/** A conversion by a factor other than a power of ten, exact and rounded to the significant digits of the figure (when that differs). */
function convertedAndRounded(
  reading: NumberReading,
  converted: number,
  conversion: Conversion,
): UnitReading[] {
  const rounded = Number(converted.toPrecision(significantDigits(reading.value) || 1));
  const exact = { ...reading, inUnit: converted, conversion };
  return rounded === converted ? [exact] : [exact, { ...reading, inUnit: rounded, conversion }];
}

/** Whether a number of months is a whole number of months that makes a terminating number of years (57 months: 4.75), so that the conversion is exact. */
export function monthsConvertExactly(months: number): boolean {
  return Number.isInteger(months) && months % 3 === 0;
}

/** The values a claim's number could be read as from its quote, in the claim's unit (see `readingsInUnit`). */
export function candidateValues(quote: string, unit: string, language = 'en'): number[] {
  return readingsInUnit(quote, unit, language).map((r) => r.inUnit);
}

/** Whether `value` is among the candidates (relative tolerance 0.5% for converted pounds, else exact to 1e-9). */
export function matchesCandidate(value: number, candidates: number[]): boolean {
  return candidates.some(
    (c) =>
      Math.abs(c - value) <= Math.max(1e-9, Math.abs(value) * 1e-9) ||
      (Math.abs(c - value) <= Math.abs(value) * 0.005 && !Number.isInteger(c)),
  );
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where `digits` next stands in `text` as a whole number, from `from` on (not inside a longer one: "746" is not in "7,460"); -1 if nowhere. */
function numeralAt(text: string, digits: string, from: number): number {
  for (let at = text.indexOf(digits, from); at !== -1; at = text.indexOf(digits, at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + digits.length);
    const sepBefore = (before === 44 || before === 46) && isDigit(text.charCodeAt(at - 2));
    const sepAfter =
      (after === 44 || after === 46 || after === 32) &&
      isDigit(text.charCodeAt(at + digits.length + 1));
    if (!isDigit(before) && !sepBefore && !isDigit(after) && !sepAfter) return at;
  }
  return -1;
}

/** Digits grouped by thousands with commas: "2864" → "2,864". */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * The cheap check first: a whole number written plainly ("746", "2,864", "2864") in the quote.
 * Only when that fails is the quote read in full (multipliers, words, conversions).
 */
export function statesPlainly(quote: string, value: number): boolean {
  if (!Number.isInteger(value) || value < 0) return false;
  const plain = String(value);
  if (numeralAt(quote, plain, 0) !== -1) return true;
  if (value < 1000) return false;
  return numeralAt(quote, grouped(plain), 0) !== -1;
}

/** Where the quote states `value` plainly (see `statesPlainly`): the start and end of each place. */
export function plainPositions(quote: string, value: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!Number.isInteger(value) || value < 0) return out;
  const plain = String(value);
  for (const digits of value < 1000 ? [plain] : [plain, grouped(plain)])
    for (let at = numeralAt(quote, digits, 0); at !== -1; at = numeralAt(quote, digits, at + 1))
      out.push({ start: at, end: at + digits.length });
  return out;
}
