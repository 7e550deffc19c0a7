import { describe, expect, it } from 'vitest';
import { readQualifier, wordedQualifier } from '../src/qualifier-words.js';

/** The qualifier the words give the number `numeral` (its first occurrence) in `text`. */
const worded = (text: string, numeral: string, language: string) => {
  const start = text.indexOf(numeral);
  if (start === -1) throw new Error(`${numeral} is not in ${text}`);
  return wordedQualifier(text, start, start + numeral.length, language);
};

describe('the words before a number, in every language of the data', () => {
  it.each([
    ['en', 'more than 700 arrests', '700', 'more_than'],
    ['en', 'over 1 800 suspects', '1 800', 'more_than'],
    ['en', 'in excess of £1m', '1m', 'more_than'],
    ['en', 'cash and assets topping €1B', '1B', 'more_than'],
    ['en', 'at least £54m in cash', '54m', 'at_least'],
    ['en', 'no more than 20 officers', '20', 'up_to'],
    ['en', 'nearly 700 arrests', '700', 'nearly'],
    ['en', 'close to EUR 900 million', '900 million', 'nearly'],
    ['en', 'just under 3,000 rounds', '3,000', 'nearly'],
    ['en', 'not far short of 100 years', '100', 'nearly'],
    ['en', 'An estimated 60,000 people', '60,000', 'approximate'],
    ['en', 'It is estimated that £13 million have been seized', '13 million', 'approximate'],
    ['en', 'some £83million in ill-gotten gains', '83million', 'approximate'],
    ['en', 'roughly 50 guns', '50', 'approximate'],
    ['en', 'thought to be worth £900 each', '900', 'approximate'],
    ['en', 'up to 10,000 in Britain', '10,000', 'up_to'],
    ['en', 'as many as 200 murders', '200', 'up_to'],
    ['en', 'valued at between £500,000 and £750,000', '500,000', 'range'],
    ['en', 'valued at between £500,000 and £750,000', '750,000', 'range'],
    ['en', 'we had been having 90 to 100 in a year', '90', 'range'],
    ['en', 'we had been having 90 to 100 in a year', '100', 'range'],
    ['en', '200 or more threats', '200', 'at_least'],
    ['en', '746 arrests', '746', 'exact'],
    ['en', 'around 109kg of cocaine, 24kg of heroin', '24kg', 'exact'],
    ['en', 'sentenced to 2,261 years', '2,261', 'exact'],
    ['nl', 'meer dan honderd arrestaties', 'honderd', 'more_than'],
    ['nl', 'Ruim 6500 arrestaties', '6500', 'more_than'],
    ['nl', 'minstens 40 verdachten', '40', 'at_least'],
    ['nl', 'bijna 20 miljoen euro', '20', 'nearly'],
    ['nl', 'ongeveer 10.000 kilo', '10.000', 'approximate'],
    ['nl', "zo'n twaalfduizend mobieltjes", 'twaalfduizend', 'approximate'],
    ['nl', 'zo’n 25 miljoen berichten', '25', 'approximate'],
    ['nl', 'tot 200 moorden', '200', 'up_to'],
    ['nl', 'tussen 10 en 20 labs', '10', 'range'],
    ['de', 'mehr als 20 Millionen', '20', 'more_than'],
    ['de', 'über 6,3 Tonnen Cannabis', '6,3', 'more_than'],
    ['de', 'gut 125.000 Tabletten', '125.000', 'more_than'],
    ['de', 'mindestens 50 Verfahren', '50', 'at_least'],
    ['de', 'knapp 150 Verfahren', '150', 'nearly'],
    ['de', 'Fast 3,2 Tonnen', '3,2', 'nearly'],
    ['de', 'rund 100 Verfahren', '100', 'approximate'],
    ['de', 'etwa 320 Kilogramm', '320', 'approximate'],
    ['de', 'ungefähr 40 Waffen', '40', 'approximate'],
    ['de', 'circa 60 Festnahmen', '60', 'approximate'],
    ['de', 'bis zu 100 Jahre', '100', 'up_to'],
    ['de', 'zwischen 10 und 20 Jahren', '20', 'range'],
    ['fr', 'plus de 800 arrestations', '800', 'more_than'],
    ['fr', "plus d'1,2 tonne", '1,2', 'more_than'],
    ['fr', 'au moins 40 personnes', '40', 'at_least'],
    ['fr', 'près de 1 000 arrestations', '1 000', 'nearly'],
    ['fr', 'presque 100 ans', '100', 'nearly'],
    ['fr', "d'environ 60 000 utilisateurs", '60 000', 'approximate'],
    ['fr', 'les quelque 60 000 cryptotéléphones', '60 000', 'approximate'],
    ['fr', "Une centaine d'assassinats", 'centaine', 'approximate'],
    ['fr', "plus d'une centaine d'actions", 'centaine', 'more_than'],
    ['fr', "jusqu'à 200 ans", '200', 'up_to'],
    ['fr', 'entre 2016 et 2020', '2016', 'range'],
    ['es', 'más de 3.300 arrestos', '3.300', 'more_than'],
    ['es', 'Antidroga suma, al menos, 69 causas', '69', 'at_least'],
    ['es', 'casi seis toneladas y media', 'seis', 'nearly'],
    ['es', 'cerca de 500 kilos', '500', 'nearly'],
    ['es', 'unos 60 detenidos', '60', 'approximate'],
    ['es', 'alrededor de cinco mil usuarios', 'cinco', 'approximate'],
    ['es', 'hasta 20 años', '20', 'up_to'],
    ['es', 'entre 10 y 20 años', '20', 'range'],
    ['sv', 'över 1 500 fängelseår', '1 500', 'more_than'],
    ['sv', 'mer än 100 gripna', '100', 'more_than'],
    ['sv', 'drygt 300 vapen', '300', 'more_than'],
    ['sv', 'minst 40 mord', '40', 'at_least'],
    ['sv', 'nästan 200 personer', '200', 'nearly'],
    ['sv', 'Cirka 320 personer', '320', 'approximate'],
    ['sv', 'omkring 50 kilo', '50', 'approximate'],
    ['sv', 'ungefär 40 vapen', '40', 'approximate'],
    ['sv', 'runt tusen grovt kriminella', 'tusen', 'approximate'],
    ['sv', 'Ett tiotal förhindrade mordplaner', 'tiotal', 'approximate'],
    ['sv', 'upp till 10 år', '10', 'up_to'],
    ['sv', 'mellan 10 och 20 år', '10', 'range'],
    ['nb', 'over 100 siktede', '100', 'more_than'],
    ['nb', 'mer enn 60 personer', '60', 'more_than'],
    ['nb', 'Minst 1000 personer', '1000', 'at_least'],
    ['nb', 'nesten 200 kilo', '200', 'nearly'],
    ['nb', 'nærmere 100 saker', '100', 'nearly'],
    ['nb', 'nærmere bestemt fra 32.477 brukere', '32.477', 'exact'],
    ['nb', 'cirka 40 personer', '40', 'approximate'],
    ['nb', 'rundt 1000 euro', '1000', 'approximate'],
    ['nb', 'sine antatte 60.000 brukere', '60.000', 'approximate'],
    ['nn', 'omkring 50 personar', '50', 'approximate'],
    ['nb', 'opptil 20 år', '20', 'up_to'],
    ['nb', 'mellom 15.000-20.000 kroner', '15.000', 'range'],
    ['nb', 'mellom 15.000-20.000 kroner', '20.000', 'range'],
  ])('%s %j: %s is %s', (language, text, numeral, qualifier) =>
    expect(worded(text, numeral, language)).toBe(qualifier),
  );

  it('says nothing for a language it has no words for', () =>
    expect(worded('ponad 100 osób', '100', 'pl')).toBeNull());
  it('reads a language tag by its language', () =>
    expect(worded('more than 700', '700', 'en-GB')).toBe('more_than'));
});

describe('the phrase that gives the qualifier', () => {
  const read = (text: string, numeral: string) => {
    const start = text.indexOf(numeral);
    return readQualifier(text, start, start + numeral.length, 'en');
  };
  it.each([
    ['Police made more than 6,500 arrests', '6,500', 'more_than', 'more than'],
    ['no more than 20 officers', '20', 'up_to', 'no more than'],
    ['seized £54m or more', '54m', 'at_least', 'or more'],
    ['746 arrests', '746', 'exact', null],
    ['between 80 and 100 guns', '80', 'range', null],
  ])('%j: %s is %s, from %j', (text, numeral, qualifier, phrase) =>
    expect(read(text, numeral)).toEqual({ qualifier, phrase }),
  );
  it('is null, like the qualifier, for a language without words here', () =>
    expect(readQualifier('ponad 100 osób', 6, 9, 'pl')).toBeNull());
});
