/**
 * The changeset check in throw-away git repositories: a release tag, a change to data/ or schemas/,
 * a pending changeset, and the verdict of `check-changesets` (the CLI in dist/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bumpBetween, checkChangesets, declaredBump, readChangesets } from '../src/index.js';
import { baseCopy, checkCli, commitAll, edit, git, gitInit, runCli } from './helpers.js';

const SRC = 'data/sources/nca-2020-07-02-unparalleled-victory-against-kingpin-criminals.json';
const TAG = '@encrochat-ledger/dataset@0.1.0';

function changeset(
  repo: string,
  name: string,
  releases: Record<string, string>,
  summary = 'A change.',
): void {
  fs.mkdirSync(path.join(repo, '.changeset'), { recursive: true });
  const front = Object.entries(releases)
    .map(([pkg, bump]) => `"${pkg}": ${bump}`)
    .join('\n');
  fs.writeFileSync(
    path.join(repo, '.changeset', `${name}.md`),
    `---\n${front}\n---\n\n${summary}\n`,
  );
}

/** A released repository: the base data at tag @encrochat-ledger/dataset@0.1.0. */
function released(): string {
  const repo = baseCopy();
  fs.mkdirSync(path.join(repo, '.changeset'));
  fs.writeFileSync(path.join(repo, '.changeset', 'README.md'), '# Changesets\n');
  gitInit(repo);
  git(['tag', TAG], repo);
  return repo;
}

const removeClaim = (repo: string) => edit(repo, SRC, (s) => s.claims.pop());

describe('check-changesets', () => {
  it('passes and says so when there is no release yet', () => {
    const repo = baseCopy();
    gitInit(repo);
    removeClaim(repo);
    const r = runCli(checkCli, [], repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      `No release of @encrochat-ledger/dataset yet (no tag ${TAG}): nothing to compare, the check passes.\n`,
    );
  });

  it('passes with no change since the release', () => {
    const r = runCli(checkCli, [], released());
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`No data or schema change since ${TAG}`);
  });

  it('fails: a removed claim with a minor changeset', () => {
    const repo = released();
    removeClaim(repo);
    changeset(repo, 'remove', { '@encrochat-ledger/dataset': 'minor' });
    const r = runCli(checkCli, [], repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `need a major release of @encrochat-ledger/dataset, but the changesets declare a minor release (1 pending changeset: minor)`,
    );
    expect(r.stderr).toContain(
      'removed claims nca-2020-07-02-unparalleled-victory-against-kingpin-criminals/uk-cash',
    );
    expect(r.stderr).toContain('"@encrochat-ledger/dataset": major');
  });

  it('passes: the same with a major changeset (changesets of other packages do not count)', () => {
    const repo = released();
    removeClaim(repo);
    changeset(repo, 'tools', { '@encrochat-ledger/validator': 'major' });
    expect(runCli(checkCli, [], repo).status).toBe(1);
    changeset(repo, 'remove', { '@encrochat-ledger/dataset': 'major' });
    const r = runCli(checkCli, [], repo);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('need a major release');
  });

  it('fails: a correction without any changeset', () => {
    const repo = released();
    edit(repo, SRC, (s) => (s.claims[0].note = 'corrected'));
    const r = runCli(checkCli, [], repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'need a patch release of @encrochat-ledger/dataset, but the changesets declare no release',
    );
  });

  it('fails: schemas/ changed incompatibly without a major; passes with one', () => {
    const repo = released();
    edit(repo, 'schemas/1.0/claim.schema.json', (s) => s.required.push('note'));
    changeset(repo, 'schema', { '@encrochat-ledger/dataset': 'minor' });
    const r = runCli(checkCli, [], repo);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema 1.0/claim.schema.json#/required: now required: note');
    expect(r.stderr).toContain('schemas/ changed incompatibly');
    changeset(repo, 'schema', { '@encrochat-ledger/dataset': 'major' });
    expect(runCli(checkCli, [], repo).status).toBe(0);
  });

  it('passes: a compatible schema change (a new optional field) with a minor', () => {
    const repo = released();
    edit(
      repo,
      'schemas/1.0/claim.schema.json',
      (s) => (s.properties.confidence = { type: 'number' }),
    );
    changeset(repo, 'schema', { '@encrochat-ledger/dataset': 'minor' });
    expect(checkChangesets(repo)).toMatchObject({
      ok: true,
      required: 'minor',
      declared: 'minor',
      tag: TAG,
    });
  });

  it('after `changeset version` consumed the changesets, the version step counts as declared', () => {
    const repo = released();
    removeClaim(repo);
    commitAll(repo, 'remove a claim');
    edit(repo, 'packages/dataset/package.json', (p) => (p.version = '0.2.0'));
    expect(checkChangesets(repo)).toMatchObject({
      ok: false,
      tag: TAG,
      declared: 'minor',
      required: 'major',
    });
    edit(repo, 'packages/dataset/package.json', (p) => (p.version = '1.0.0'));
    expect(checkChangesets(repo)).toMatchObject({ ok: true, declared: 'major' });
  });

  it('reads changesets with @changesets/parse', () => {
    const repo = released();
    changeset(repo, 'a', {
      '@encrochat-ledger/dataset': 'patch',
      '@encrochat-ledger/exporter': 'major',
    });
    changeset(repo, 'b', { '@encrochat-ledger/dataset': 'minor' });
    const list = readChangesets(repo);
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
    expect(declaredBump(list)).toBe('minor');
    expect(declaredBump(list, '@encrochat-ledger/exporter')).toBe('major');
    expect(bumpBetween('0.1.0', '0.1.1')).toBe('patch');
    expect(bumpBetween('0.1.0', '1.0.0')).toBe('major');
  });
});
