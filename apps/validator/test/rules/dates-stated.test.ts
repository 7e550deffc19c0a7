/** DATE005: a stated as_of is stated in the quote or a note; an undated source states it in the quote. */
import { describe, expect, it } from 'vitest';
import { mentionsDate, namesDate } from '../../src/rules/dates-stated.js';
import { claim, run, source } from '../helpers.js';

const stated = (extra: Record<string, unknown>, sourceExtra: Record<string, unknown> = {}) =>
  run({
    'sources/s.json': source(
      's',
      [claim('s', 'a', { as_of: '2020-07-01', as_of_basis: 'stated', ...extra })],
      sourceExtra,
    ),
  });

describe('DATE005 a stated as_of is stated', () => {
  it('flags "stated" when neither the quote nor a note gives a date, on as_of_basis', () => {
    const { report } = stated({});
    expect(report.findings).toMatchObject([
      { code: 'DATE005', severity: 'error', pointer: '/claims/0/as_of_basis' },
    ]);
    expect(report.findings[0]!.message).toBe(
      'as_of_basis is "stated" but neither the quote nor a note gives a date or period',
    );
  });

  it("accepts a date in the quote, the claim's note or the source's note", () => {
    expect(stated({ quote: 'By 1 July, police had made 746 arrests.' }).codes).toEqual([]);
    expect(stated({ note: 'as_of: the figures of the release of 1 July 2020.' }).codes).toEqual([]);
    expect(stated({}, { note: 'Reports NCA figures up to 1 July 2020.' }).codes).toEqual([]);
  });

  it('leaves the other bases to DATE004', () => {
    expect(run({ 'sources/s.json': source('s', [claim('s', 'a')]) }).codes).toEqual([]);
    expect(
      run({ 'sources/s.json': source('s', [claim('s', 'a')], { published: null }) }).codes,
    ).toEqual(['DATE004']);
  });

  it('for an undated source, needs the quote itself to name the date (a year or a month)', () => {
    const undated = (extra: Record<string, unknown>) =>
      run({
        'sources/s.json': source(
          's',
          [claim('s', 'a', { as_of: '2020-12-22', as_of_basis: 'stated', ...extra })],
          { published: null },
        ),
      });
    expect(undated({ quote: 'Police made 746 arrests as of 22 December 2020.' }).codes).toEqual([]);
    expect(undated({ quote: 'Up to December 22, police had made 746 arrests.' }).codes).toEqual([]);
    const { report } = undated({
      quote: 'Police made 746 arrests last year.',
      note: 'The page dates the arrests 22 December 2020.',
    });
    expect(report.findings).toMatchObject([
      {
        code: 'DATE005',
        pointer: '/claims/0/as_of_basis',
        message: 'as_of_basis is "stated" but the source is undated and the quote names no date',
      },
    ]);
    expect(
      undated({ as_of: '2020~', as_of_basis: 'estimated', note: 'Bounded from the content.' })
        .codes,
    ).toEqual([]);
  });

  it('skips withdrawn claims and honours a reasoned exception', () => {
    expect(
      stated({ withdrawn: { date: '2025-01-01', reason: 'Replaced by a better source.' } }).codes,
    ).toEqual([]);
    const exceptions = {
      DATE005: { 's/a': 'The release states the date in its heading, outside the short quote.' },
    };
    expect(
      run({
        'sources/s.json': source('s', [
          claim('s', 'a', { as_of: '2020-07-01', as_of_basis: 'stated' }),
        ]),
        'validator-exceptions.json': exceptions,
      }).codes,
    ).toEqual([]);
  });
});

describe('mentionsDate, in the languages of the data', () => {
  it.each([
    ['en', 'as of 22 December 2020'],
    ['en', 'in June'],
    ['en', 'Enforcement in March led to'],
    ['en', 'the NCA today said'],
    ['en', 'the force said on Thursday'],
    ['en', 'collected last year'],
    ['en', 'since the operation began'],
    ['en', 'the 2022/23 financial year'],
    ['de', 'Mit Stand November 2021'],
    ['de', 'seit dem Beginn der Ermittlungen'],
    ['de', 'Von April bis Mitte Juni'],
    ['nl', 'vorig jaar juni'],
    ['nl', 'medio juni'],
    ['fr', 'Cette année, plus de 50 000 téléphones'],
    ['fr', 'à l’été 2022'],
    ['fr', "aujourd'hui"],
    ['es', 'desde marzo'],
    ['sv', '13 personer i år'],
    ['nb', '13. juni i år'],
    ['da', 'siden marts'],
  ])('%s %j gives a date', (language, text) => expect(mentionsDate(text, language)).toBe(true));

  it.each([
    ['en', 'Police made 746 arrests.'],
    ['en', 'the figures may rise'],
    ['en', 'the march of progress'],
    ['en', 'seizures of 5,070kgs of class A drugs'],
    ['en', 'worth 1,995 pounds'],
    ['de', 'über 900 Haftbefehle'],
  ])('%s %j gives none', (language, text) => expect(mentionsDate(text, language)).toBe(false));

  it('names a date only with a year or a month, not relative to the text', () => {
    expect(namesDate('13. juni i år', 'nb')).toBe(true);
    expect(namesDate('Up to June 16', 'en')).toBe(true);
    expect(namesDate('collected last year', 'en')).toBe(false);
    expect(namesDate('the NCA today said', 'en')).toBe(false);
  });
});
