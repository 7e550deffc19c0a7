/** Released schemas are immutable; CITATION.cff is valid and names the dataset's version; the licences exist. */
import fs from 'node:fs';
import type { JsonRecord } from '@encrochat-ledger/core';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lastReleaseTag, releasedSchemaMutations } from '../src/index.js';
import { baseCopy, edit, git, gitInit, repoRoot } from './helpers.js';

const datasetVersion = JSON.parse(
  fs.readFileSync(path.join(repoRoot, 'packages/dataset/package.json'), 'utf8'),
).version as string;

describe('versioned schemas', () => {
  it('every schema $id names its own version folder and file', () => {
    for (const v of fs.readdirSync(path.join(repoRoot, 'schemas'))) {
      for (const f of fs.readdirSync(path.join(repoRoot, 'schemas', v))) {
        const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'schemas', v, f), 'utf8'));
        expect(schema.$id, `schemas/${v}/${f}`).toBe(
          `https://encrochat-ledger.org/schemas/${v}/${f}`,
        );
      }
    }
  });

  it('no released schema file changed since the last release tag (none yet: nothing to compare)', () => {
    const tag = fs.existsSync(path.join(repoRoot, '.git'))
      ? lastReleaseTag(repoRoot, datasetVersion)
      : null;
    if (!tag) {
      expect(tag).toBeNull();
      return;
    }
    expect(releasedSchemaMutations(repoRoot, tag)).toEqual([]);
  });

  it('the check catches a released schema changed or removed in place, and allows a new version folder', () => {
    const repo = baseCopy();
    gitInit(repo);
    git(['tag', '@encrochat-ledger/dataset@0.1.0'], repo);
    fs.cpSync(path.join(repo, 'schemas/1.0'), path.join(repo, 'schemas/1.1'), { recursive: true });
    edit(
      repo,
      'schemas/1.1/claim.schema.json',
      (s) => (s.description = 'changed in the new version'),
    );
    expect(releasedSchemaMutations(repo, '@encrochat-ledger/dataset@0.1.0')).toEqual([]);
    edit(repo, 'schemas/1.0/claim.schema.json', (s) => (s.description = 'changed in place'));
    fs.rmSync(path.join(repo, 'schemas/1.0/person.schema.json'));
    expect(releasedSchemaMutations(repo, '@encrochat-ledger/dataset@0.1.0')).toEqual([
      { file: 'schemas/1.0/claim.schema.json', problem: 'changed' },
      { file: 'schemas/1.0/person.schema.json', problem: 'removed' },
    ]);
  });
});

describe('CITATION.cff and licences', () => {
  const cff = parse(fs.readFileSync(path.join(repoRoot, 'CITATION.cff'), 'utf8')) as JsonRecord;

  it('names the version of @encrochat-ledger/dataset, in the citation and the preferred citation', () => {
    expect(cff.version).toBe(datasetVersion);
    expect(cff['preferred-citation'].version).toBe(datasetVersion);
  });

  // The README's block is rendered from CITATION.cff by `npm run citation` (its drift is tested in
  // packages/dataset/test/citation.test.ts); here: it pins and cites this version and no other.
  it('the README pins and cites the same version, and names no other', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = /<!-- citation:start[^]*?<!-- citation:end -->/.exec(readme)?.[0] ?? '';
    expect(block).toContain(`pin it with \`"@encrochat-ledger/dataset": "${datasetVersion}"\``);
    expect(block).toContain(`, version ${datasetVersion} [data set]. `);
    expect(block).toContain(
      `https://www.npmjs.com/package/@encrochat-ledger/dataset/v/${datasetVersion}`,
    );
    expect(block).toContain(`version      = {${datasetVersion}},`);
    expect(new Set(block.match(/\d+\.\d+\.\d+/g))).toEqual(new Set([datasetVersion]));
  });

  // Structural rules of CFF 1.2.0 (https://github.com/citation-file-format/citation-file-format,
  // schema.json): the official JSON Schema is not available offline here, so its main rules are checked by hand.
  it('follows CFF 1.2.0: required keys, known keys, author entities, preferred-citation of type data', () => {
    expect(cff['cff-version']).toBe('1.2.0');
    for (const key of ['cff-version', 'message', 'title', 'authors'])
      expect(cff[key], key).toBeTruthy();
    const rootKeys = [
      'abstract',
      'authors',
      'cff-version',
      'commit',
      'contact',
      'date-released',
      'doi',
      'identifiers',
      'keywords',
      'license',
      'license-url',
      'message',
      'preferred-citation',
      'references',
      'repository',
      'repository-artifact',
      'repository-code',
      'title',
      'type',
      'url',
      'version',
    ];
    expect(Object.keys(cff).filter((k) => !rootKeys.includes(k))).toEqual([]);
    expect(['dataset', 'software']).toContain(cff.type);
    const authorOk = (a: Record<string, unknown>) =>
      typeof a.name === 'string' ||
      typeof a['family-names'] === 'string' ||
      typeof a['given-names'] === 'string';
    expect(cff.authors.length).toBeGreaterThan(0);
    expect(cff.authors.every(authorOk)).toBe(true);
    expect(typeof cff.version).toBe('string');
    expect(cff.license).toBe('CC-BY-4.0');
    const pc = cff['preferred-citation'];
    expect(pc.type).toBe('data');
    expect(pc.title).toBeTruthy();
    expect(pc.authors.every(authorOk)).toBe(true);
    for (const url of [cff['repository-artifact'], pc['repository-artifact']].filter(Boolean))
      expect(url).toMatch(/^https:\/\//);
    expect(cff.keywords.every((k: unknown) => typeof k === 'string')).toBe(true);
  });

  it('LICENSE is MIT; DATA-LICENSE.md is CC BY 4.0 with the note on quoted material and personal data', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    const data = fs.readFileSync(path.join(repoRoot, 'DATA-LICENSE.md'), 'utf8');
    expect(data).toContain('CC BY 4.0');
    expect(data).toContain('## Quoted material');
    expect(data).toContain('copyright stays with their');
    expect(data).toContain('## No personal data of private people');
    expect(
      JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/dataset/package.json'), 'utf8'))
        .license,
    ).toBe('CC-BY-4.0');
  });
});
