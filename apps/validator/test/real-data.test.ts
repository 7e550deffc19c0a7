/** The real dataset must be clean: no errors and no warnings, with the quotes of archived texts checked. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { validate } from '../src/validate.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const archive =
  process.env.ENCROCHAT_ARCHIVE_DIR || path.resolve(repo, '..', 'shared', 'sources', 'seeds');

it('data/ has no errors and no warnings (disagreements between sources are info, kept as data)', () => {
  const report = validate({ cwd: repo, archiveDir: archive });
  expect(
    report.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`),
  ).toEqual([]);
  expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['CONS004']));
  expect(report.records).toBeGreaterThan(300);
  expect(report.claims).toBeGreaterThanOrEqual(300);
});

it('checks every seed quote against its archived text (the archive is present in CI)', () => {
  expect(fs.existsSync(archive)).toBe(true);
  const seeds = fs.readdirSync(archive).filter((f) => f.endsWith('.txt'));
  const sources = fs
    .readdirSync(path.join(repo, 'data', 'sources'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(repo, 'data', 'sources', f), 'utf8')));
  const archived = sources
    .filter((s) => s.archive)
    .map((s) => s.archive.file)
    .sort();
  expect(archived).toEqual(seeds.sort());
  // A broken quote in a seed source is caught: prove the check runs on the real archive.
  const tmp = fs.mkdtempSync(path.join(repo, '.tmp-real-'));
  try {
    fs.cpSync(path.join(repo, 'data'), path.join(tmp, 'data'), { recursive: true });
    const file = path.join(tmp, 'data', 'sources', 'bbc-2020-07-02-hundreds-arrested.json');
    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    record.claims[0].quote = record.claims[0].quote.replace('746', '764');
    record.claims[0].value = 764;
    fs.writeFileSync(file, JSON.stringify(record, null, 2));
    const report = validate({ cwd: tmp, archiveDir: archive });
    expect(
      report.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.pointer]),
    ).toEqual([['ARCH002', '/claims/0/quote']]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

it("the dataset package's bundle is clean too: its exceptions file, shipped beside data.json, applies", () => {
  const bundle = path.join(repo, 'packages', 'dataset', 'dist', 'data.json');
  const clean = validate({ cwd: repo, paths: [bundle], archiveDir: archive });
  expect(clean.counts.error).toBe(0);
  // Without the file beside it, the excepted findings come back: the exceptions are what makes it clean.
  const tmp = fs.mkdtempSync(path.join(repo, '.tmp-bundle-'));
  try {
    fs.copyFileSync(bundle, path.join(tmp, 'data.json'));
    const bare = validate({ cwd: repo, paths: [path.join(tmp, 'data.json')], archiveDir: archive });
    const excepted = Object.values(
      JSON.parse(
        fs.readFileSync(path.join(repo, 'data', 'validator-exceptions.json'), 'utf8'),
      ) as Record<string, object>,
    ).flatMap(Object.keys);
    expect(bare.counts.error).toBeGreaterThan(0);
    expect(bare.counts.error + bare.counts.warning).toBeLessThanOrEqual(excepted.length);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
