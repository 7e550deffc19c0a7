/**
 * --dataset files are streamed (BundleReader, streamClaimRows): the rows must come out exactly as
 * the dataset package's buildClaimsTable gives them, whatever the order of the sources and fields.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsTable, dataset } from '@encrochat-ledger/dataset';
import { BundleReader } from '../src/bundle-reader.js';
import { ClaimsOrderRestart, datasetFromFile } from '../src/dataset-source.js';
import { readCsv, runCli, tempDir } from './helpers.js';

const tmp = tempDir('bundle-stream');
afterAll(() => tmp.remove());

const write = (name: string, value: unknown, space?: number) => {
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, space));
  return file;
};

describe('BundleReader', () => {
  it('reads fields before and after a streamed array, records with escapes, nesting and any whitespace', () => {
    const value = {
      a: 'x\\"}]',
      b: [1, { c: '["{' }],
      sources: [{ id: 'é\u2028', n: [[]] }, {}, 'q"', -1.5e3, null],
      z: true,
    };
    for (const space of [undefined, 2]) {
      const fd = fs.openSync(write(`r${space}.json`, value, space), 'r');
      try {
        const reader = new BundleReader(fd);
        const head = reader.head('sources');
        expect(head.found).toBe(true);
        expect(Object.fromEntries(head.fields)).toEqual({ a: value.a, b: value.b });
        expect([...reader.records()].map((r) => r.value)).toEqual(value.sources);
        expect(Object.fromEntries(reader.rest())).toEqual({ z: true });
      } finally {
        fs.closeSync(fd);
      }
    }
  });

  it('finds records that end with a list of objects by their ending, and reads every other record with the scanner', () => {
    const claim = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      quote: 'about 3,000 arrests',
      value: 3000,
      ...extra,
    });
    const sources: unknown[] = [];
    for (let i = 0; i < 3000; i++)
      sources.push({
        id: `s${i}`,
        title: 'x'.repeat(1500),
        claims: [claim(`s${i}-a`), claim(`s${i}-b`)],
      });
    // The ending inside strings: escaped in a value (no match), raw in a key (a match that cuts a string).
    sources.splice(
      10,
      0,
      { id: 'quoted', claims: [claim('q', { quote: 'a "}]},{" b' })] },
      { id: 'keyed', claims: [{ 'k}]},{': 1 }, claim('k2')] },
    );
    // The ending inside a record: a claim that ends with a list of objects, followed by another claim.
    sources.splice(20, 0, {
      id: 'nested',
      claims: [claim('n1', { parts: [{ a: 1 }] }), claim('n2')],
    });
    // Records that end otherwise, and one larger than half the read buffer (4 MiB).
    sources.splice(
      30,
      0,
      { id: 'plain', n: 1 },
      { id: 'big', claims: [claim('b', { quote: 'y'.repeat(3 << 20) })] },
      [],
      'text',
      null,
    );
    const file = write('guessed.json', { name: 'n', sources, z: [{ a: 1 }] });
    const bytes = fs.readFileSync(file);
    const fd = fs.openSync(file, 'r');
    try {
      const reader = new BundleReader(fd);
      expect(reader.head('sources').found).toBe(true);
      const records = [...reader.records()];
      expect(records.map((r) => r.value)).toEqual(sources);
      for (const r of records)
        expect(JSON.parse(bytes.toString('utf8', r.start, r.end))).toEqual(r.value);
      expect(Object.fromEntries(reader.rest())).toEqual({ z: [{ a: 1 }] });
      // Guessed: every record that ends with its claims and is followed by another (the 3,000 cross the
      // read buffer's end), but the key, the nested list and the big one; the last is followed by none.
      const endingWithClaims = sources
        .slice(0, -1)
        .filter((s) => Array.isArray((s as { claims?: unknown })?.claims)).length;
      expect(reader.guessed).toBe(endingWithClaims - 3);
    } finally {
      fs.closeSync(fd);
    }
  });

  it('rejects truncated or trailing data', () => {
    const file = path.join(tmp.dir, 'bad.json');
    for (const text of [
      '{"sources": [{"id": "a"}',
      '{"a": 1} x',
      '{"a" 1}',
      '{"sources": [1 2]}',
    ]) {
      fs.writeFileSync(file, text);
      const fd = fs.openSync(file, 'r');
      try {
        expect(() => {
          const reader = new BundleReader(fd);
          if (reader.head('sources').found) {
            for (const _ of reader.records());
            reader.rest();
          }
        }, text).toThrow();
      } finally {
        fs.closeSync(fd);
      }
    }
  });
});

describe('streamed claims', () => {
  it('come in claim id order from a bundle written by the dataset build', () => {
    const data = datasetFromFile(write('same.json', dataset));
    expect([...data.claimRows()]).toEqual(claimsTable);
  });

  it('from sources out of order: the first pass restarts, the next sorts in memory, same rows', () => {
    const shuffled = { ...dataset, sources: [...dataset.sources].reverse() };
    const data = datasetFromFile(write('reversed.json', shuffled, 1));
    expect(() => [...data.claimRows()]).toThrow(ClaimsOrderRestart);
    expect([...data.claimRows()]).toEqual(claimsTable);
    const out = path.join(tmp.dir, 'reversed-export');
    const result = runCli([
      '--out',
      out,
      '--format',
      'csv',
      '--dataset',
      path.join(tmp.dir, 'reversed.json'),
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(readCsv(path.join(out, 'claims.csv')).records.map((r) => r[0])).toEqual(
      claimsTable.map((r) => r.claim_id),
    );
  });

  it('with sources before the other collections', () => {
    const { sources, ...rest } = dataset;
    const data = datasetFromFile(write('sources-first.json', { sources, ...rest }));
    expect(data.head.places).toEqual(dataset.places);
    expect([...data.claimRows()]).toEqual(claimsTable);
  });
});
