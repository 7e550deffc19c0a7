/** REF003: superseded_by never points to its own record, and replacements never go round in a cycle. */
import { describe, expect, it } from 'vitest';
import { claim, run, source } from '../helpers.js';

const withdrawn = { date: '2025-01-01', reason: 'Replaced by another record.' };
const place = (id: string, by: string) => ({
  id,
  name: id,
  kind: 'other',
  withdrawn,
  superseded_by: by,
});

describe('REF003 no supersession cycles', () => {
  it('flags a record superseded by itself (also through an alias)', () => {
    expect(run({ 'places/a.json': place('a', 'a') }).report.findings).toMatchObject([
      {
        code: 'REF003',
        severity: 'error',
        pointer: '/superseded_by',
        message: '"a" is superseded by itself',
      },
    ]);
    expect(run({ 'places/a.json': { ...place('a', 'old-a'), aliases: ['old-a'] } }).codes).toEqual([
      'REF003',
    ]);
  });

  it('flags every record of a cycle once, and not as REF002 too', () => {
    const { report } = run({
      'places/a.json': place('a', 'b'),
      'places/b.json': place('b', 'c'),
      'places/c.json': place('c', 'a'),
    });
    expect(report.findings.map((f) => [f.code, f.file, f.message])).toEqual([
      ['REF003', 'data/places/a.json', 'superseded_by forms a cycle: a → b → c → a'],
      ['REF003', 'data/places/b.json', 'superseded_by forms a cycle: b → c → a → b'],
      ['REF003', 'data/places/c.json', 'superseded_by forms a cycle: c → a → b → c'],
    ]);
  });

  it('flags cycles among claims, and only the records in the cycle', () => {
    const a = claim('s', 'a', { withdrawn, superseded_by: 's/b' });
    const b = claim('s', 'b', {
      withdrawn,
      superseded_by: 's/a',
      value: 740,
      qualifier: 'more_than',
      quote: 'more than 740 arrests',
    });
    const lead = claim('s', 'lead', {
      withdrawn,
      superseded_by: 's/a',
      value: 700,
      qualifier: 'more_than',
      quote: 'more than 700 arrests',
    });
    const { report } = run({ 'sources/s.json': source('s', [a, b, lead]) });
    expect(report.findings.map((f) => [f.code, f.pointer])).toEqual([
      ['REF003', '/claims/0/superseded_by'],
      ['REF003', '/claims/1/superseded_by'],
      ['REF002', '/claims/2/superseded_by'],
    ]);
  });

  it('accepts a chain that ends in a current record', () => {
    expect(
      run({
        'places/a.json': place('a', 'b'),
        'places/b.json': { id: 'b', name: 'b', kind: 'other' },
      }).codes,
    ).toEqual([]);
  });
});
