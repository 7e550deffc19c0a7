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
    const value = { a: 'x\\"}]', b: [1, { c: '["{' }], sources: [{ id: 'é\u2028', n: [[]] }, {}, 'q"', -1.5e3, null], z: true };
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

  it('rejects truncated or trailing data', () => {
    const file = path.join(tmp.dir, 'bad.json');
    for (const text of ['{"sources": [{"id": "a"}', '{"a": 1} x', '{"a" 1}', '{"sources": [1 2]}']) {
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
    const result = runCli(['--out', out, '--format', 'csv', '--dataset', path.join(tmp.dir, 'reversed.json')]);
    expect(result.status, result.stderr).toBe(0);
    expect(readCsv(path.join(out, 'claims.csv')).records.map((r) => r[0])).toEqual(claimsTable.map((r) => r.claim_id));
  });

  it('with sources before the other collections', () => {
    const { sources, ...rest } = dataset;
    const data = datasetFromFile(write('sources-first.json', { sources, ...rest }));
    expect(data.head.places).toEqual(dataset.places);
    expect([...data.claimRows()]).toEqual(claimsTable);
  });
});
