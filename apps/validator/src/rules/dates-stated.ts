import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';

/** Month names by language (English "March" and "May" apart: see CASED). */
const MONTHS: Record<string, string[]> = {
  en: [
    'january',
    'february',
    'april',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  de: [
    'januar',
    'jänner',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'setiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  sv: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  no: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
  da: [
    'januar',
    'februar',
    'marts',
    'april',
    'maj',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

/** Days and periods relative to the text ("today", "last year", "on Thursday"), the start of a period ("since …", "Stand …") and financial years, by language. */
const RELATIVE: Record<string, string[]> = {
  en: [
    'today',
    'yesterday',
    'tonight',
    'this year',
    'last year',
    'this month',
    'last month',
    'this week',
    'last week',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'since',
    'financial year',
    'fiscal year',
  ],
  nl: [
    'vandaag',
    'gisteren',
    'dit jaar',
    'vorig jaar',
    'vorige jaar',
    'afgelopen jaar',
    'maandag',
    'dinsdag',
    'woensdag',
    'donderdag',
    'vrijdag',
    'zaterdag',
    'zondag',
    'sinds',
    'sedert',
    'boekjaar',
    'medio',
  ],
  de: [
    'heute',
    'gestern',
    'dieses jahr',
    'diesem jahr',
    'letzten jahr',
    'vergangenen jahr',
    'vorjahr',
    'montag',
    'dienstag',
    'mittwoch',
    'donnerstag',
    'freitag',
    'samstag',
    'sonntag',
    'seit',
    'stand',
    'geschäftsjahr',
  ],
  fr: [
    "aujourd'hui",
    'hier',
    'cette année',
    "l'an dernier",
    "l'année dernière",
    "l'an passé",
    'lundi',
    'mardi',
    'mercredi',
    'jeudi',
    'vendredi',
    'samedi',
    'dimanche',
    'depuis',
    'exercice',
  ],
  es: [
    'hoy',
    'ayer',
    'este año',
    'el año pasado',
    'lunes',
    'martes',
    'miércoles',
    'jueves',
    'viernes',
    'sábado',
    'domingo',
    'desde',
    'ejercicio',
  ],
  sv: [
    'i dag',
    'idag',
    'i går',
    'igår',
    'i år',
    'i fjol',
    'förra året',
    'måndag',
    'tisdag',
    'onsdag',
    'torsdag',
    'fredag',
    'lördag',
    'söndag',
    'sedan',
    'räkenskapsår',
  ],
  no: [
    'i dag',
    'idag',
    'i går',
    'i år',
    'i fjor',
    'mandag',
    'tirsdag',
    'onsdag',
    'torsdag',
    'fredag',
    'lørdag',
    'søndag',
    'siden',
    'regnskapsår',
  ],
  da: [
    'i dag',
    'i går',
    'i år',
    'sidste år',
    'mandag',
    'tirsdag',
    'onsdag',
    'torsdag',
    'fredag',
    'lørdag',
    'søndag',
    'siden',
    'regnskabsår',
  ],
};
for (const table of [MONTHS, RELATIVE]) table.nb = table.nn = table.no!;

/** A year from 1990 to 2039, standing alone ("2020", "2021/22", "2020-07-02"; not "1,995" or "2000.5"). */
const YEAR = /(?<![\d.,])(?:199\d|20[0-3]\d)(?![\d]|[.,]\d)/;
/** English month names that are also common words count only capitalised ("in March", not "may rise"); quarters ("Q3"). */
const CASED = /\b(?:March|May|Q[1-4])\b/;

const patterns = new Map<string, RegExp>();
/** One expression for words of the tables, in a language and in English (the language of notes). */
function wordsOf(tables: Record<string, string[]>[], language: string): RegExp {
  const lang = language.toLowerCase().split('-')[0]!;
  const key = `${tables.length}|${lang}`;
  let re = patterns.get(key);
  if (!re) {
    const words = [...new Set(tables.flatMap((t) => [...t.en!, ...(t[lang] ?? [])]))].sort(
      (a, b) => b.length - a.length,
    );
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(key, re);
  }
  return re;
}

const straight = (text: string) => text.replace(/[’‘]/g, "'");

/** Whether a text names a date or period in itself: a year or a month ("in April 2020", "Up to June 16"). */
export function namesDate(text: unknown, language: string): boolean {
  if (typeof text !== 'string') return false;
  return YEAR.test(text) || CASED.test(text) || wordsOf([MONTHS], language).test(text);
}

/** Whether a text gives a date or period: one it names, or a day or period relative to the text ("today", "last year", "since …"). */
export function mentionsDate(text: unknown, language: string): boolean {
  if (typeof text !== 'string') return false;
  return (
    YEAR.test(text) ||
    CASED.test(text) ||
    wordsOf([MONTHS, RELATIVE], language).test(straight(text))
  );
}

/**
 * DATE005: `as_of_basis: stated` is stated somewhere.
 *
 * 1. **Dated sources.** A claim whose as_of is `stated` has a date or period in its quote, its note or
 *    its source's note (which often dates all the claims at once: "figures as of 8 June 2022"): a
 *    year, a month, a day or period relative to the text ("today", "last year", "Stand November",
 *    "cette année"), the start of a period ("since …") or a financial year. Otherwise nobody stated
 *    the date: it is the `publication` date, or `estimated` from the content.
 * 2. **Undated sources** (`published: null`). `publication` is impossible (DATE004). `stated` needs
 *    the quote itself to name the date or period, with a year or a month ("as of 22 December 2020",
 *    "Up to June 16", "entre 2016 et 2020"): with no publication date, nothing anchors a relative
 *    date ("last year", "so far"), and a date found only in the curators' notes is their reading —
 *    the as_of is then `estimated`, bounded from the content. This is the curation policy on undated
 *    sources (data/README.md).
 *
 * Withdrawn claims are kept as they were and not checked. A claim whose source states the date
 * outside the short quote goes in data/validator-exceptions.json under DATE005 with the reason.
 */
export const datesStated: DataRule = {
  code: 'DATE005',
  title: 'A stated as_of is stated',
  severity: 'error',
  scope: 'record',
  check(ctx) {
    const issues: Issue[] = [];
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (claim.as_of_basis !== 'stated' || claim.withdrawn || source.withdrawn) continue;
      const language = typeof source.language === 'string' ? source.language : 'en';
      const exceptionKey = typeof claim.id === 'string' ? claim.id : undefined;
      if (source.published === null) {
        if (namesDate(claim.quote, language)) continue;
        issues.push({
          entry,
          pointer: `${pointer}/as_of_basis`,
          exceptionKey,
          message: 'as_of_basis is "stated" but the source is undated and the quote names no date',
          hint: 'use "estimated" and say in the note how as_of was bounded; if the text names the date next to the figure, take it into the quote; if it names it elsewhere, add the claim id with a reason to data/validator-exceptions.json under DATE005',
        });
      } else if (
        !mentionsDate(claim.quote, language) &&
        !mentionsDate(claim.note, language) &&
        !mentionsDate(source.note, language)
      ) {
        issues.push({
          entry,
          pointer: `${pointer}/as_of_basis`,
          exceptionKey,
          message:
            'as_of_basis is "stated" but neither the quote nor a note gives a date or period',
          hint: 'set as_of_basis to "publication" (as_of the publication date) or "estimated"; if the source states the date elsewhere, say where in the note',
        });
      }
    }
    return issues;
  },
};
