/**
 * The words that name a place, in English: each place's name from `data/places` ("United Kingdom",
 * "Europe", "Greater Manchester"; "Eastern region" for "Eastern region (ERSOU area)"), and the
 * synonyms below ("UK", "Britain", "British", "Dutch", "worldwide", "Europe-wide"). A phrase two
 * places could be is given to neither. Where several phrases overlap in the text, the longest is
 * read ("Northern Ireland", not "Ireland"; "England and Wales", not "Wales").
 *
 * **Europe and the world.** The data records Europol's totals for the world (its notes: "Europol's
 * figure for the EU and beyond … recorded as worldwide"), and the press gives the same totals as
 * figures "across Europe". So a figure for Europe is compared with the figures for Europe and also
 * with those for the world, and the answer says so for each claim (`ALSO_COMPARED`). No other place
 * is compared with another: a region's figure is not its country's.
 */
import { findPhrase, phraseOf, type Phrase, type Word } from './text-parts.js';

/** A place record as the checker needs it. */
export interface PlaceRecord {
  id: string;
  name: string;
  parent?: string | null;
}

/** Other words for places, by place id. English first. */
export const PLACE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'united-kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain', 'British'],
  world: ['worldwide', 'world-wide', 'globally', 'global'],
  europe: ['Europe-wide', 'pan-European'],
  'european-union': ['EU', 'E.U.'],
  netherlands: ['Dutch', 'Holland'],
  france: ['French'],
  germany: ['German'],
  spain: ['Spanish'],
  sweden: ['Swedish'],
  norway: ['Norwegian'],
  belgium: ['Belgian'],
  italy: ['Italian'],
  ireland: ['Irish'],
  scotland: ['Scottish'],
  wales: ['Welsh'],
  england: ['English'],
  'northern-ireland': ['Northern Irish'],
};

/** Places whose figures are compared too, with the reason the answer gives (see the header). */
export const ALSO_COMPARED: Readonly<Record<string, readonly { place: string; why: string }[]>> = {
  europe: [
    {
      place: 'world',
      why: 'Europol’s totals, which the press gives as figures across Europe, are recorded for the world (they count every country that took part, in Europe and beyond)',
    },
  ],
};

export interface PlaceTerm {
  place: string;
  phrase: Phrase;
}

/** The phrases of every place: its name (without a bracketed part) and its synonyms. */
export function placeTerms(places: readonly PlaceRecord[]): PlaceTerm[] {
  const byPhrase = new Map<string, Set<string>>();
  const phrases = new Map<string, Phrase>();
  const add = (place: string, written: string) => {
    const phrase = phraseOf(written);
    if (!phrase.words.length) return;
    const key = `${phrase.caseSensitive ? 'A' : 'a'}${phrase.words.join(' ')}`;
    phrases.set(key, phrase);
    let set = byPhrase.get(key);
    if (!set) byPhrase.set(key, (set = new Set()));
    set.add(place);
  };
  const exact = new Set(places.map((p) => p.name.toLowerCase()));
  for (const p of places) {
    add(p.id, p.name);
    // "West Midlands (region)": "West Midlands" is another place's name; "Eastern region (ERSOU area)" is not.
    const bare = p.name.replace(/\s*\([^)]*\)/g, '').trim();
    if (bare !== p.name && !exact.has(bare.toLowerCase())) add(p.id, bare);
  }
  const known = new Set(places.map((p) => p.id));
  for (const [place, list] of Object.entries(PLACE_SYNONYMS))
    if (known.has(place)) for (const written of list) add(place, written);
  const out: PlaceTerm[] = [];
  for (const [key, set] of byPhrase)
    if (set.size === 1) out.push({ place: [...set][0]!, phrase: phrases.get(key)! });
  return out;
}

/** A place named in the text: the place and the words that name it. */
export interface PlaceMention {
  place: string;
  first: number;
  last: number;
  words: Word[];
}

/** Every place the words name, longest phrase first where they overlap, in text order. */
export function findPlaces(
  text: string,
  words: readonly Word[],
  terms: readonly PlaceTerm[],
): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const term of terms)
    for (const { first, last } of findPhrase(text, words, term.phrase))
      found.push({ place: term.place, first, last, words: words.slice(first, last + 1) });
  found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const kept: PlaceMention[] = [];
  for (const m of found)
    if (!kept.some((k) => m.first <= k.last && k.first <= m.last)) kept.push(m);
  return kept.sort((a, b) => a.first - b.first);
}
