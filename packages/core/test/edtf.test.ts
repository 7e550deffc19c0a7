import { parse } from 'edtf';
import edtf from 'edtf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edtfBounds, isValidEdtf, plainBounds, qualifiedOrIntervalBounds } from '../src/edtf.js';

/** What the edtf library itself says: bounds, or null when it rejects the string at level 1. */
function library(value: string) {
  try {
    const d = edtf(parse(value, { level: 1 }));
    const day = (ms: number) =>
      Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
    return { start: day(d.min), end: day(d.max) };
  } catch {
    return null;
  }
}

describe('EDTF', () => {
  it('the plain-date fast path agrees with the edtf library on 5,000 dates, valid or not', () => {
    const digits = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    const plain = fc.oneof(
      digits(4),
      fc.tuple(fc.integer({ min: 1000, max: 2999 }), digits(2)).map(([y, m]) => `${y}-${m}`),
      fc
        .tuple(fc.integer({ min: 1000, max: 2999 }), digits(2), digits(2))
        .map(([y, m, d]) => `${y}-${m}-${d}`),
      fc
        .tuple(
          fc.integer({ min: 1000, max: 2999 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          digits(2),
          digits(2),
          digits(2),
        )
        .map(
          ([y, m, d, h, mi, se]) =>
            `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T${h}:${mi}:${se}`,
        ),
    );
    fc.assert(
      fc.property(plain, (value) => {
        const fast = plainBounds(value);
        const [y, m, d] = value.slice(0, 10).split('-').map(Number);
        const leap = (y! % 4 === 0 && y! % 100 !== 0) || y! % 400 === 0;
        // Known divergence: the edtf library accepts 29 February in every year (rolling it over to
        // 1 March); that day does not exist, so the validator rejects it.
        if (m === 2 && d === 29 && !leap) expect(fast).toBeNull();
        else if (fast !== undefined) expect(fast).toEqual(library(value));
        else expect(isValidEdtf(value)).toBe(library(value) !== null);
      }),
      { numRuns: 5000, seed: 42 },
    );
  });
  it('the qualified-date and interval fast path agrees with the edtf library on 5,000 values, valid or not', () => {
    const digits = (n: number) =>
      fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, '0'));
    // Days up to 28 and months up to 12: the library's lenient 29–31 February aside (tested below), any date.
    const date = fc.oneof(
      fc.integer({ min: 2000, max: 2030 }).map(String),
      fc
        .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 0, max: 13 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc
        .tuple(
          fc.integer({ min: 2000, max: 2030 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 0, max: 28 }),
        )
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      digits(3),
    );
    const side = fc
      .tuple(date, fc.constantFrom('', '', '~', '?', '%', '~?'))
      .map(([d, q]) => d + q);
    const value = fc.oneof(
      side,
      fc.tuple(side, side).map(([a, b]) => `${a}/${b}`),
      fc.tuple(side, side, side).map(([a, b, c]) => `${a}/${b}/${c}`),
    );
    let fast = 0;
    fc.assert(
      fc.property(value, (v) => {
        const bounds = qualifiedOrIntervalBounds(v);
        if (bounds !== undefined) fast++;
        if (bounds !== undefined) expect(bounds).toEqual(library(v));
        expect(isValidEdtf(v)).toBe(library(v) !== null);
      }),
      { numRuns: 5000, seed: 7 },
    );
    expect(fast).toBeGreaterThan(1000);
  });
  it('an interval is valid when its upper side starts after its lower side starts, as in the library', () => {
    expect(qualifiedOrIntervalBounds('2024-01/2024-01-15')).toEqual({
      start: '2024-01-01',
      end: '2024-01-15',
    });
    expect(qualifiedOrIntervalBounds('2024/2024-12')).toEqual({
      start: '2024-01-01',
      end: '2024-12-31',
    });
    for (const v of [
      '2024-01/2024',
      '2024-01-01/2024-01-01',
      '2024-01-15/2024-01',
      '2024-01-01~/2024-01-01',
    ]) {
      expect(qualifiedOrIntervalBounds(v)).toBeNull();
      expect(library(v)).toBeNull();
    }
  });
  it('leaves every other form to the library', () => {
    for (const v of [
      '2020-07-02T13:41:00Z',
      '2020-04/..',
      '202X',
      '2020-21~',
      '2020-07-02T13:41:00/2020-08',
    ])
      expect(qualifiedOrIntervalBounds(v)).toBeUndefined();
    for (const v of [
      '2022-08~',
      '2021?',
      '2020-04-01/2021-03-31',
      '2020-07-02T13:41:00Z',
      '2020-04/..',
      '202X',
    ]) {
      expect(plainBounds(v)).toBeUndefined();
      expect(isValidEdtf(v)).toBe(library(v) !== null);
    }
  });
  it('rejects 29 February of a common year, which the edtf library lets through', () => {
    expect(library('2021-02-29')).not.toBeNull();
    expect(isValidEdtf('2021-02-29')).toBe(false);
    expect(isValidEdtf('2020-02-29')).toBe(true);
  });
  it('gives day bounds', () => {
    expect(edtfBounds('2020-02')).toEqual({ start: '2020-02-01', end: '2020-02-29' });
    expect(edtfBounds('2022-08~')).toEqual({ start: '2022-08-01', end: '2022-08-31' });
    expect(() => edtfBounds('2020-02-30')).toThrow(/invalid EDTF/);
  });
});
