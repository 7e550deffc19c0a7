/** The smoke version of the generator: 1,000 claims, deterministic, valid, marked synthetic. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { validate } from '@encrochat-ledger/validator';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { synthesise } from '../src/synth.js';

const vocabularyDir = path.resolve(import.meta.dirname, '../../../data');
const tmp = tempDir('synth');

function digest(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(path.relative(dir, full)).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('synthesise', () => {
  const a = path.join(tmp, 'a', 'data');
  const result = synthesise({ claims: 1000, outDir: a, vocabularyDir });

  it('writes exactly the claims asked for, in the data/ layout', () => {
    expect(result.claims).toBe(1000);
    const claims = fs
      .readdirSync(path.join(a, 'sources'))
      .reduce(
        (n, f) => n + JSON.parse(fs.readFileSync(path.join(a, 'sources', f), 'utf8')).claims.length,
        0,
      );
    expect(claims).toBe(1000);
    expect(fs.readdirSync(a).sort()).toEqual([
      'metrics',
      'networks',
      'operations',
      'organisations',
      'persons',
      'places',
      'sources',
    ]);
  });

  it('is deterministic for a seed, and changes with it', () => {
    synthesise({ claims: 1000, outDir: path.join(tmp, 'b', 'data'), vocabularyDir });
    synthesise({ claims: 1000, outDir: path.join(tmp, 'c', 'data'), vocabularyDir, seed: 7 });
    expect(digest(path.join(tmp, 'b', 'data'))).toBe(digest(a));
    expect(digest(path.join(tmp, 'c', 'data'))).not.toBe(digest(a));
  });

  it('passes the validator with no errors (warnings from random figures are expected)', () => {
    const report = validate({ cwd: path.join(tmp, 'a'), paths: ['data'], archiveDir: null });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.claims).toBe(1000);
  });

  it('has realistic variety: every qualifier, several EDTF forms, conflicts, long quotes', () => {
    const claims = fs
      .readdirSync(path.join(a, 'sources'))
      .flatMap((f) => JSON.parse(fs.readFileSync(path.join(a, 'sources', f), 'utf8')).claims);
    expect(new Set(claims.map((c) => c.qualifier))).toEqual(
      new Set([
        'exact',
        'approximate',
        'more_than',
        'at_least',
        'nearly',
        'up_to',
        'range',
        'unspecified',
      ]),
    );
    expect(new Set(claims.map((c) => c.metric)).size).toBeGreaterThan(20);
    const forms = new Set(
      claims.map((c) =>
        c.as_of.includes('/')
          ? 'interval'
          : c.as_of.endsWith('~')
            ? 'uncertain'
            : c.as_of.includes('T')
              ? 'datetime'
              : c.as_of.length,
      ),
    );
    expect(forms.size).toBeGreaterThanOrEqual(4);
    expect(claims.some((c) => c.quote.length > 250)).toBe(true);
    expect(claims.filter((c) => c.as_of_basis === 'stated').length).toBeGreaterThan(50);
  });

  it('marks every source SYNTHETIC and invents no real address', () => {
    for (const f of fs.readdirSync(path.join(a, 'sources'))) {
      const s = JSON.parse(fs.readFileSync(path.join(a, 'sources', f), 'utf8'));
      expect(s.title).toMatch(/^\[SYNTHETIC\]/);
      expect(s.note).toMatch(/^SYNTHETIC/);
      if (s.url) expect(s.url).toMatch(/^https:\/\/example\.org\/synthetic\//);
    }
  });
});
