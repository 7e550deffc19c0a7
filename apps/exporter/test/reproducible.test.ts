/**
 * Reproducible: two runs on the same dataset give identical bytes, whatever the folder, the working
 * directory, the time zone or the locale; no file carries the date of the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROW_GROUP_SIZE } from '../src/parquet.js';
import { appRoot, runCli, snapshot, tempDir } from './helpers.js';

const tmp = tempDir('reproducible');
afterAll(() => tmp.remove());

describe.each([
  ['the full export', []],
  [
    'a filtered, excel-safe export',
    [
      '--metric',
      'arrests,charges',
      '--place',
      'united-kingdom',
      '--since',
      '2020-07-01',
      '--excel-safe',
    ],
  ],
  ['a Parquet-only export', ['--format', 'parquet', '--source-kind', 'press-release,news-article']],
] as const)('%s', (label, args) => {
  it('is identical to the byte across runs, folders, working directories, time zones and locales', () => {
    const slug = label.replace(/\W+/g, '-');
    const a = path.join(tmp.dir, `${slug}-a`);
    const b = path.join(tmp.dir, 'elsewhere', `${slug}-b`);
    const first = runCli(['--out', a, ...args], { env: { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' } });
    expect(first.status, first.stderr).toBe(0);
    const second = runCli(['--out', b, ...args], {
      env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
      cwd: tmp.dir,
    });
    expect(second.status, second.stderr).toBe(0);
    const sa = snapshot(a);
    expect(Object.keys(sa).length).toBeGreaterThan(10);
    expect(snapshot(b)).toEqual(sa);
  });
});

it('no file holds a wall-clock timestamp of the run', () => {
  const out = path.join(tmp.dir, 'clock');
  expect(runCli(['--out', out, '--format', 'csv']).status).toBe(0);
  const now = new Date();
  const stamps = [now.toISOString().slice(0, 10), now.toISOString().slice(0, 13)];
  for (const file of ['datapackage.json', 'README.md', 'SHA256SUMS']) {
    const text = fs.readFileSync(path.join(out, file), 'utf8');
    for (const stamp of stamps) expect(text, `${file} contains ${stamp}`).not.toContain(stamp);
  }
});

describe('the documents', () => {
  it('state the Parquet row group size the exporter writes (the root README and the exporter README)', () => {
    const stated = new Intl.NumberFormat('en-GB').format(ROW_GROUP_SIZE);
    for (const readme of [
      path.join(appRoot, '..', '..', 'README.md'),
      path.join(appRoot, 'README.md'),
    ]) {
      const text = fs.readFileSync(readme, 'utf8');
      expect(text, readme).toContain(`row groups of ${stated} rows`);
    }
  });
});
