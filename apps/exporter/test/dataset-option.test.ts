/**
 * --dataset: exporting a bundle data.json (a fork, synthetic data) builds the claims table with the
 * dataset package's own code and dates computed like the dataset build.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsTable, dataset } from '@encrochat-ledger/dataset';
import { edtfBounds } from '../src/dates.js';
import { datasetFromFile } from '../src/dataset-source.js';
import { readCsv, runCli, snapshot, tempDir } from './helpers.js';

const tmp = tempDir('dataset-option');
afterAll(() => tmp.remove());
const require = createRequire(import.meta.url);
const bundleFile = require.resolve('@encrochat-ledger/dataset/data.json');

describe('EDTF day bounds', () => {
  it('equal the bounds built into @encrochat-ledger/dataset for every as_of and publication date', () => {
    let checked = 0;
    for (const row of claimsTable) {
      const asOf = edtfBounds(row.as_of);
      expect([asOf.start, asOf.end], row.as_of).toEqual([row.as_of_start, row.as_of_end]);
      if (row.source_published)
        expect(edtfBounds(row.source_published).start, row.source_published).toBe(
          row.source_published_start,
        );
      checked++;
    }
    expect(checked).toBe(dataset.sources.reduce((n, s) => n + s.claims.length, 0));
  });
});

/** Every table file (CSV and Parquet) of export `b` has the bytes of export `a`'s. */
function expectSameTables(a: string, b: string): void {
  const sa = snapshot(a);
  const sb = snapshot(b);
  const tables = Object.keys(sa).filter((f) => f.endsWith('.csv') || f.endsWith('.parquet'));
  expect(tables).toHaveLength(28);
  for (const f of tables) expect(sb[f], f).toBe(sa[f]);
}

describe('--dataset FILE', () => {
  it('rebuilds exactly the packaged claims table from the packaged data.json', () => {
    expect(datasetFromFile(bundleFile).claimsTable).toEqual(claimsTable);
  });

  it('gives byte-identical tables to an export of the installed dataset (only README and datapackage.json say where it came from)', () => {
    const a = path.join(tmp.dir, 'installed');
    const b = path.join(tmp.dir, 'from-file');
    expect(runCli(['--out', a]).status).toBe(0);
    const result = runCli(['--out', b, '--dataset', bundleFile]);
    expect(result.status, result.stderr).toBe(0);
    expectSameTables(a, b);
    expect(fs.readFileSync(path.join(b, 'README.md'), 'utf8')).toContain(
      'not the published @encrochat-ledger/dataset',
    );
  });

  it('gives the same files for a bundle whose sources are out of order (the claims are written again, sorted in memory, through a new FIFO)', () => {
    const shuffled = structuredClone(dataset);
    shuffled.sources.reverse();
    const input = path.join(tmp.dir, 'input-reversed.json');
    fs.writeFileSync(input, JSON.stringify(shuffled));
    const a = path.join(tmp.dir, 'in-order');
    const b = path.join(tmp.dir, 'out-of-order');
    for (const [out, bundle] of [
      [a, bundleFile],
      [b, input],
    ] as const) {
      const result = runCli(['--out', out, '--dataset', bundle, '--format', 'parquet,csv']);
      expect(result.status, result.stderr).toBe(0);
    }
    expectSameTables(a, b);
    expect(fs.readdirSync(path.dirname(b)).filter((e) => e.startsWith('.'))).toEqual([]);
  });

  it('exports a fork: new claims get their dates, series and conflicts', () => {
    const fork = structuredClone(dataset);
    fork.version = '9.9.9-fork';
    fork.sources.push({
      id: 'zz-fork-2021-03-report',
      kind: 'report',
      title: 'A fork report',
      publisher: 'Fork',
      published: '2021-03-15T23:30:00',
      url: null,
      language: 'en',
      reliability: 'official',
      claims: [
        {
          id: 'zz-fork-2021-03-report/uk-arrests',
          metric: 'arrests',
          value: 1000,
          unit: 'count',
          qualifier: 'exact',
          scope: { place: 'united-kingdom', operation: 'venetic', networks: ['encrochat'] },
          as_of: '2021-03~',
          as_of_basis: 'stated',
          quote: '1,000 arrests',
        },
        {
          id: 'zz-fork-2021-03-report/uk-arrests-again',
          metric: 'arrests',
          value: 1200,
          unit: 'count',
          qualifier: 'more_than',
          scope: { place: 'united-kingdom', operation: 'venetic', networks: ['encrochat'] },
          as_of: '2021-03',
          as_of_basis: 'stated',
          quote: 'over 1,200 arrests',
        },
      ],
    });
    const file = path.join(tmp.dir, 'fork.json');
    fs.writeFileSync(file, JSON.stringify(fork));
    const out = path.join(tmp.dir, 'fork');
    const result = runCli(['--out', out, '--format', 'csv', '--dataset', file], {
      env: { TZ: 'Pacific/Kiritimati' },
    });
    expect(result.status, result.stderr).toBe(0);
    const claims = readCsv(path.join(out, 'claims.csv'));
    const at = (name: string) => claims.header.indexOf(name);
    const row = claims.records.find((r) => r[0] === 'zz-fork-2021-03-report/uk-arrests')!;
    expect([
      row[at('as_of_start')],
      row[at('as_of_end')],
      row[at('source_published_start')],
      row[at('min')],
      row[at('max')],
    ]).toEqual(['2021-03-01', '2021-03-31', '2021-03-15', '1000', '1000']);
    const conflicts = readCsv(path.join(out, 'conflicts.csv'));
    // The group holds the two new claims and any claim of the dataset at the same point (UK arrests, March 2021).
    const samePoint = claimsTable
      .filter(
        (c) =>
          c.metric === 'arrests' &&
          c.place === 'united-kingdom' &&
          c.operation === 'venetic' &&
          c.as_of_start === '2021-03-01' &&
          c.as_of_end === '2021-03-31',
      )
      .map((c) => c.claim_id);
    expect(
      conflicts.records
        .filter(
          (r) => r[0] === 'arrests::count:united-kingdom:venetic::encrochat@2021-03-01/2021-03-31',
        )
        .map((r) => r[1]),
    ).toEqual(
      [
        ...samePoint,
        'zz-fork-2021-03-report/uk-arrests',
        'zz-fork-2021-03-report/uk-arrests-again',
      ].sort(),
    );
    const descriptor = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8')) as {
      version: string;
    };
    expect(descriptor.version).toBe('9.9.9-fork');
  });

  it('refuses a bundle with an invalid EDTF date, located as the validator locates it: one line, exit 2', () => {
    const fork = structuredClone(dataset);
    fork.sources[0]!.claims[0]!.as_of = '2020-13';
    const file = path.join(tmp.dir, 'bad-date.json');
    fs.writeFileSync(file, JSON.stringify(fork));
    const result = runCli(['--out', path.join(tmp.dir, 'never'), '--dataset', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^encrochat-ledger-export: --dataset .*bad-date\.json cannot be exported: .*bad-date\.json:1:\d+ at \/sources\/0\/claims\/0\/as_of: must be an EDTF date .*; encrochat-ledger-validate lists every problem\n$/,
    );
    expect(fs.existsSync(path.join(tmp.dir, 'never'))).toBe(false);
  });
});
