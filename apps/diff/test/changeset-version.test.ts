/**
 * `changeset version` in a throw-away git repository made from the project: the workspaces'
 * package.json files, .changeset/config.json and one changeset; the versions and changelogs it writes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { gitInit, repoRoot, tmp } from './helpers.js';

it('bumps the dataset and its dependents, and writes their CHANGELOG.md', () => {
  const repo = tmp('version');
  const copy = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, rel), path.join(repo, rel));
  };
  copy('package.json');
  copy('.changeset/config.json');
  const workspaces = ['packages', 'apps']
    .flatMap((d) => fs.readdirSync(path.join(repoRoot, d)).map((w) => `${d}/${w}/package.json`))
    .filter((f) => fs.existsSync(path.join(repoRoot, f)));
  for (const f of workspaces) copy(f);
  const before = Object.fromEntries(
    workspaces.map((f) => [JSON.parse(fs.readFileSync(path.join(repo, f), 'utf8')).name, f]),
  );
  const version = (name: string) =>
    JSON.parse(fs.readFileSync(path.join(repo, before[name]!), 'utf8'));
  const dataset0 = version('@encrochat-ledger/dataset').version as string;
  fs.writeFileSync(
    path.join(repo, '.changeset', 'withdraw-a-claim.md'),
    '---\n"@encrochat-ledger/dataset": minor\n---\n\nNew claims: `bbc-2020-07-02-hundreds-arrested/uk-arrests`; withdrawn: `nca-2020-07-02-unparalleled-victory-against-kingpin-criminals/uk-cash`.\n',
  );
  // The changelog generator named in config.json is resolved from the repository's node_modules.
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(repo, 'node_modules'));
  gitInit(repo);

  execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'changeset'), ['version'], {
    cwd: repo,
    stdio: 'pipe',
    env: { ...process.env, CI: '1' },
  });

  const [major, minor] = dataset0.split('.').map(Number);
  const next = major === 0 ? `0.${minor! + 1}.0` : `${major}.${minor! + 1}.0`;
  expect(version('@encrochat-ledger/dataset').version).toBe(next);
  // Dependents get a patch with the new range (updateInternalDependencies: patch), private ones included.
  for (const dependent of ['@encrochat-ledger/validator', '@encrochat-ledger/exporter']) {
    const pkg = version(dependent);
    const was = JSON.parse(fs.readFileSync(path.join(repoRoot, before[dependent]!), 'utf8'))
      .version as string;
    expect(pkg.version).toBe(was.replace(/\d+$/, (p) => String(Number(p) + 1)));
    expect(pkg.dependencies['@encrochat-ledger/dataset']).toBe(`^${next}`);
  }
  expect(fs.existsSync(path.join(repo, '.changeset', 'withdraw-a-claim.md'))).toBe(false);

  const changelog = fs.readFileSync(path.join(repo, 'packages', 'dataset', 'CHANGELOG.md'), 'utf8');
  expect(changelog).toMatch(
    new RegExp(
      `^# @encrochat-ledger/dataset\\n\\n## ${next.replace(/\./g, '\\.')}\\n\\n### Minor Changes\\n\\n- [0-9a-f]{7}: New claims: \`bbc-2020-07-02-hundreds-arrested/uk-arrests\`; withdrawn: \`nca-2020-07-02-unparalleled-victory-against-kingpin-criminals/uk-cash\`\\.\\n`,
    ),
  );
  const validatorLog = fs.readFileSync(
    path.join(repo, 'apps', 'validator', 'CHANGELOG.md'),
    'utf8',
  );
  expect(validatorLog).toContain('### Patch Changes');
  expect(validatorLog).toContain(`@encrochat-ledger/dataset@${next}`);
});
