/**
 * --data DIR: a data folder exported without a build. The repository's own data/ gives the tables of
 * the installed dataset (built from the same folder) byte for byte; a folder the build would refuse
 * is refused with its first problem (the hostile corpus has the rest: test/hostile.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, runCli, snapshot, tempDir } from './helpers.js';

const tmp = tempDir('data-option');
afterAll(() => tmp.remove());
const repoData = path.resolve(import.meta.dirname, '..', '..', '..', 'data');

describe('--data DIR', () => {
  it("gives the installed dataset's tables for the repository's data/, byte for byte (README and datapackage.json say it is not the published dataset)", () => {
    const installed = path.join(tmp.dir, 'installed');
    const folder = path.join(tmp.dir, 'folder');
    expect(runCli(['--out', installed, '--format', 'csv']).status).toBe(0);
    const result = runCli(['--out', folder, '--format', 'csv', '--data', repoData]);
    expect(result.status, result.stderr).toBe(0);
    const a = snapshot(installed);
    const b = snapshot(folder);
    const tables = Object.keys(a).filter((f) => f.endsWith('.csv'));
    expect(tables.length).toBeGreaterThan(10);
    for (const f of tables) expect(b[f], f).toBe(a[f]);
    expect(readCsv(path.join(folder, 'claims.csv')).records.length).toBeGreaterThan(100);
    expect(fs.readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain(
      'not the published @encrochat-ledger/dataset',
    );
  });

  it('refuses a folder with a record the build refuses, naming the file and pointer, writing nothing', () => {
    const data = path.join(tmp.dir, 'broken', 'data');
    fs.cpSync(repoData, data, { recursive: true });
    const file = fs.readdirSync(path.join(data, 'places')).sort()[0]!;
    const record = JSON.parse(fs.readFileSync(path.join(data, 'places', file), 'utf8'));
    fs.writeFileSync(
      path.join(data, 'places', file),
      JSON.stringify({ ...record, kind: 'planet' }, null, 2),
    );
    const out = path.join(tmp.dir, 'broken-out');
    const result = runCli(['--out', out, '--data', data]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^encrochat-ledger-export: --data .* cannot be exported: .*places/${file.replace('.', '\\.')}:\\d+:\\d+ at /kind: must be one of .*; hint: .*encrochat-ledger-validate lists every problem$`,
        ),
      ),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('is one input: --data and --dataset together are refused', () => {
    const result = runCli(['--out', path.join(tmp.dir, 'x'), '--data', 'a', '--dataset', 'b']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'encrochat-ledger-export: --dataset and --data are given both; give one (a bundle, or a data folder)\n',
    );
  });
});
