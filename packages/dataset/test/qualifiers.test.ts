/**
 * The table of qualifiers is the one meaning of each qualifier: it covers exactly the schema's
 * qualifiers, agrees with what the schema says of their bounds and words, and is what the claims
 * table's bounds, the conflicts' intervals and the series' precision are made of.
 */
import { readSchemas } from '@encrochat-ledger/core';
import { describe, expect, it } from 'vitest';
import { claimBounds } from '../src/bounds.js';
import { valueInterval } from '../src/conflicts.js';
import { QUALIFIERS, qualifierMeaning } from '../src/qualifiers.js';
import { PRECISION_RANK } from '../src/series.js';

const defs = readSchemas().find((s) => s.file === 'defs.schema.json')!.schema as {
  $defs: { qualifier: { enum: string[]; description: string } };
};
const { qualifier } = defs.$defs;

/** What the schema says of one qualifier: its part of the description, from "`name`:" to the next qualifier's. */
const schemaSays = (name: string) => {
  const starts = qualifier.enum
    .map((q) => qualifier.description.indexOf(`\`${q}\`:`))
    .sort((a, b) => a - b);
  const start = qualifier.description.indexOf(`\`${name}\`:`);
  expect(start, name).toBeGreaterThanOrEqual(0);
  return qualifier.description.slice(
    start,
    starts.find((s) => s > start),
  );
};

const names = Object.keys(QUALIFIERS);

it("has exactly the schema's qualifiers, in its order", () => {
  expect(names).toEqual(qualifier.enum);
  expect(qualifierMeaning('roughly')).toBeUndefined();
  expect(qualifierMeaning('toString')).toBeUndefined();
});

describe('agrees with what the schema says of each qualifier', () => {
  it.each(names)('%s', (name) => {
    const meaning = QUALIFIERS[name as keyof typeof QUALIFIERS];
    const says = schemaSays(name);
    expect(says.length).toBeGreaterThan(name.length + 10);
    // Its words are among the schema's words for it.
    if (meaning.words) expect(says).toContain(meaning.words);
    // The bounds the schema states, inclusive or exclusive, are the table's.
    if (says.includes('exclusive lower bound')) expect(meaning.lower?.inclusive).toBe(false);
    if (says.includes('inclusive lower bound')) expect(meaning.lower?.inclusive).toBe(true);
    if (says.includes('inclusive upper bound')) expect(meaning.upper?.inclusive).toBe(true);
    if (says.includes('upper bound')) expect(meaning.lower).toBeNull();
    if (says.includes('lower bound')) expect(meaning.upper).toBeNull();
    if (says.includes('min = max = value'))
      expect([meaning.lower, meaning.upper]).toEqual([
        { of: 'value', inclusive: true },
        { of: 'value', inclusive: true },
      ]);
    if (says.includes('no bounds') || says.includes('no value'))
      expect([meaning.lower, meaning.upper]).toEqual([null, null]);
    if (says.includes('`min` and `max`'))
      expect([meaning.lower?.of, meaning.upper?.of]).toEqual(['min', 'max']);
  });
});

describe('is what the code applies', () => {
  const claim = { value: 700, min: 650, max: 750 };
  it.each(names)('%s: bounds, interval and precision', (name) => {
    const meaning = QUALIFIERS[name as keyof typeof QUALIFIERS];
    const stated = (side: typeof meaning.lower) => (side ? claim[side.of] : null);
    expect(claimBounds({ qualifier: name as never, ...claim })).toEqual({
      min: stated(meaning.lower),
      max: stated(meaning.upper),
    });
    const interval = valueInterval({ qualifier: name, ...claim });
    if (meaning.precision === 'none') expect(interval).toBeNull();
    else if (meaning.comparedAsValue)
      expect(interval).toEqual({ low: 700, lowInclusive: true, high: 700, highInclusive: true });
    else
      expect(interval).toEqual({
        low: stated(meaning.lower) ?? -Infinity,
        lowInclusive: meaning.lower?.inclusive ?? false,
        high: stated(meaning.upper) ?? Infinity,
        highInclusive: meaning.upper?.inclusive ?? false,
      });
    expect(PRECISION_RANK[name]).toBe(
      ['exact', 'bounded', 'approximate', 'none'].indexOf(meaning.precision),
    );
  });

  it('approximate is the one qualifier compared otherwise than by its bounds', () => {
    expect(names.filter((n) => QUALIFIERS[n as keyof typeof QUALIFIERS].comparedAsValue)).toEqual([
      'approximate',
    ]);
  });
});
