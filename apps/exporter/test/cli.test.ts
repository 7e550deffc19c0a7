/** The built CLI (dist/cli.js): help, one clear line and exit 2 for every bad argument, a summary line on success. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { version } from '@encrochat-ledger/dataset';
import { cliPath, runCli, tempDir } from './helpers.js';

const tmp = tempDir('cli');
afterAll(() => tmp.remove());

describe('encrochat-ledger-export', () => {
  it('is dist/cli.js with a node shebang, run by the committed launcher the bin names', () => {
    expect(fs.readFileSync(cliPath, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    const pkg = JSON.parse(
      fs.readFileSync(path.join(path.dirname(cliPath), '..', 'package.json'), 'utf8'),
    ) as { bin: Record<string, string> };
    expect(pkg.bin['encrochat-ledger-export']).toBe('./bin/encrochat-ledger-export.js');
    const launcher = path.join(path.dirname(cliPath), '..', 'bin', 'encrochat-ledger-export.js');
    expect(fs.statSync(launcher).mode & 0o111).not.toBe(0);
    expect(spawnSync(launcher, ['--help'], { encoding: 'utf8' }).stdout).toMatch(
      /^Usage: encrochat-ledger-export/,
    );
  });

  it.each([['--help'], ['-h']])('%s prints the usage and exits 0', (flag) => {
    const result = runCli([flag]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: encrochat-ledger-export --out DIR/);
    for (const option of [
      '--out',
      '--format',
      '--excel-safe',
      '--metric',
      '--place',
      '--since',
      '--until',
      '--source-kind',
      '--dataset',
    ])
      expect(result.stdout).toContain(option);
  });

  it('exports and prints one summary line with the version and row counts', () => {
    const out = path.join(tmp.dir, 'ok');
    const result = runCli(['--out', out, '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(2);
    expect(result.stdout).toMatch(
      new RegExp(
        `^encrochat-ledger-export: encrochat-ledger ${version.replaceAll('.', '\\.')} -> .+ \\(csv; 17 files\\): claims \\d+, sources \\d+, `,
      ),
    );
  });

  const file = path.join(tmp.dir, 'a-file.txt');
  fs.writeFileSync(file, 'x');
  const notJson = path.join(tmp.dir, 'not.json');
  fs.writeFileSync(notJson, '{ nope');
  const notBundle = path.join(tmp.dir, 'not-bundle.json');
  fs.writeFileSync(notBundle, JSON.stringify({ name: 'encrochat-ledger', version: '1.0.0' }));
  const out = () => path.join(tmp.dir, 'never');

  it.each([
    [
      'an unknown format',
      ['--out', out(), '--format', 'xlsx'],
      /--format: unknown format "xlsx"; use csv, parquet or csv,parquet/,
    ],
    ['an empty format', ['--out', out(), '--format', 'csv,'], /--format: empty format in the list/],
    ['an unknown option', ['--out', out(), '--colour'], /unknown option --colour \(see --help/],
    ['a stray argument', ['exports'], /unexpected argument "exports": options start with --/],
    [
      'no --out',
      ['--format', 'csv'],
      /--out DIR is required: the folder to write, e.g. --out exports/,
    ],
    ['--out without a value', ['--out'], /--out needs a value/],
    ['--out given twice', ['--out', out(), '--out', out()], /--out is given twice/],
    [
      'a value on a boolean flag',
      ['--out', out(), '--excel-safe=yes'],
      /--excel-safe takes no value/,
    ],
    [
      'a malformed --since',
      ['--out', out(), '--since', '2020/07/02'],
      /--since must be a day as YYYY-MM-DD/,
    ],
    [
      'an impossible --until',
      ['--out', out(), '--until', '2021-02-30'],
      /--until is not a calendar day/,
    ],
    [
      '--since after --until',
      ['--out', out(), '--since', '2022-01-01', '--until', '2021-01-01'],
      /--since is after --until; swap them/,
    ],
    [
      'a malformed --metric',
      ['--out', out(), '--metric', 'Arrests!'],
      /--metric: "Arrests!" is not an id/,
    ],
    [
      'an unknown --metric',
      ['--out', out(), '--metric', 'arests'],
      /--metric: unknown metric "arests"; known: .*arrests/,
    ],
    [
      'an unknown --place',
      ['--out', out(), '--place', 'atlantis'],
      /--place: unknown place "atlantis"; known: /,
    ],
    [
      'an unknown --source-kind',
      ['--out', out(), '--source-kind', 'blog'],
      /--source-kind: unknown kind "blog"; use news-article, /,
    ],
    ['--out pointing at a file', ['--out', file], /--out .* is a file; give a folder/],
    [
      'a missing --dataset file',
      ['--out', out(), '--dataset', path.join(tmp.dir, 'missing.json')],
      /--dataset .*missing\.json: no such file/,
    ],
    [
      'a --dataset folder',
      ['--out', out(), '--dataset', tmp.dir],
      /--dataset .* is a folder; give its data\.json/,
    ],
    [
      'a --dataset that is not JSON',
      ['--out', out(), '--dataset', notJson],
      /--dataset .*not\.json: not valid JSON/,
    ],
    [
      'a --dataset that is not a bundle',
      ['--out', out(), '--dataset', notBundle],
      /--dataset .*not-bundle\.json: not an encrochat-ledger bundle \(at \/schema_version: /,
    ],
  ])('%s: one line on stderr naming the flag, exit 2, nothing written', (_name, args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines, result.stderr).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(/^encrochat-ledger-export: /);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out())).toBe(false);
  });
});
