/**
 * The parts of a text the checker reads around a number: its words with where they are written, its
 * sentences and its clauses, and phrases of words ("united kingdom", "class a and b").
 *
 * "Police across Europe made more than 6,500 arrests. In the UK, 746 people were arrested." has two
 * sentences; the second has two clauses, "In the UK" and "746 people were arrested". A full stop
 * inside a number ("6.5") or after a single letter ("U.K.") ends nothing.
 */

/** A word of the text (letters only: numbers are read by the number reader). */
export interface Word {
  /** As written. */
  text: string;
  /** Lowercased, with a typographic apostrophe straightened. */
  lower: string;
  start: number;
  end: number;
}

/** A stretch of the text: [start, end). */
export interface Stretch {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

export function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATIONS = new Set([
  'approx',
  'c',
  'ca',
  'e.g',
  'i.e',
  'etc',
  'no',
  'mr',
  'mrs',
  'dr',
  'st',
]);

/** Where each sentence ends: after `.`, `!` or `?` followed by white space (not a decimal point, not "U.K."), and at a blank line. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[.!?]+(?=\s|$)|\n\s*\n/g)) {
    if (m[0].startsWith('.')) {
      // The letters and full stops right before: "U.K" of "U.K.", "approx" of "approx.".
      const token = /[\p{L}.]*$/u.exec(text.slice(Math.max(0, m.index - 12), m.index))![0];
      const initials = token.includes('.') && token.split('.').pop()!.length === 1;
      if (initials || ABBREVIATIONS.has(token.toLowerCase())) continue;
    }
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/** The sentences of the text. */
export function sentencesOf(text: string): Stretch[] {
  const out: Stretch[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    if (end > start) out.push({ start, end });
    start = end;
  }
  return out;
}

/** Clause marks: a comma, semicolon or colon not inside a number ("6,500"), brackets, a spaced dash. */
const CLAUSE_MARK = /[;:()[\]]|,(?!\d)|\s[-–—]\s/g;

/** The clauses of a sentence. */
export function clausesOf(text: string, sentence: Stretch): Stretch[] {
  const out: Stretch[] = [];
  let start = sentence.start;
  const inner = text.slice(sentence.start, sentence.end);
  for (const m of inner.matchAll(CLAUSE_MARK)) {
    const at = sentence.start + m.index;
    if (at > start) out.push({ start, end: at });
    start = at + m[0].length;
  }
  if (sentence.end > start) out.push({ start, end: sentence.end });
  return out;
}

/** The stretch among `stretches` (in text order) that holds position `at`: the first that ends after it, else the last. */
export function stretchAt(stretches: readonly Stretch[], at: number): Stretch {
  let low = 0;
  let high = stretches.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (stretches[mid]!.end <= at) low = mid + 1;
    else high = mid;
  }
  return stretches[low]!;
}

/** A phrase to find: its words, lowercased, and whether they must be written with the same capitals ("UK", "EU"). */
export interface Phrase {
  words: readonly string[];
  caseSensitive: boolean;
}

/** What may stand between two words of one phrase: spaces, a hyphen, a full stop ("U.K."), an apostrophe. */
const JOINER = /^[\s\-.'’]*$/;

/** Where the phrase is written among `words` (indices of its first and last word), every place. */
export function findPhrase(
  text: string,
  words: readonly Word[],
  phrase: Phrase,
): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  const n = phrase.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const w = words[i + k]!;
      ok = phrase.caseSensitive ? w.text === phrase.words[k] : w.lower === phrase.words[k];
      if (ok && k > 0) ok = JOINER.test(text.slice(words[i + k - 1]!.end, w.start));
    }
    if (ok) out.push({ first: i, last: i + n - 1 });
  }
  return out;
}

/** A phrase from its written form: "United Kingdom" → ["united", "kingdom"]; all capitals ("UK") keep their case. */
export function phraseOf(written: string): Phrase {
  const parts = [...written.matchAll(WORD)].map((m) => m[0]);
  const caseSensitive = parts.every((p) => p.length <= 4 && p === p.toUpperCase());
  return {
    words: caseSensitive ? parts : parts.map((p) => p.toLowerCase().replace(/’/g, "'")),
    caseSensitive,
  };
}
