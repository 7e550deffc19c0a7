/**
 * The release on a clean copy of the project: the tracked and new (not ignored) files of the work tree,
 * committed in a throw-away git repository with a release tag, one data correction after it, and the
 * repository's installed node_modules linked in (the copy's own workspaces linked to the copy). Then
 * every tarball is installed into an empty project and used from ESM, CommonJS and TypeScript. Then
 * the tarballs are published to a real local registry (verdaccio), the dataset is installed from it,
 * a next version made with changesets is published, and the diff compares the two from the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAll, edit, git, gitInit, repoRoot, tmp } from './helpers.js';
import { startRegistry, type LocalRegistry } from './registry.js';

const work = tmp('release');
const copy = path.join(work, 'repo');
const project = path.join(work, 'consumer');
const SOURCE = 'data/sources/nca-2020-07-02-unparalleled-victory-against-kingpin-criminals.json';
let log = '';

function cleanCopy(): void {
  const files = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot)
    .split('\0')
    // The viewer (private) is left out but for its package.json: changesets name it, so the workspace must exist.
    .filter(
      (f) =>
        f &&
        (!f.startsWith('apps/viewer/') || f === 'apps/viewer/package.json') &&
        !f.startsWith('release/') &&
        fs.existsSync(path.join(repoRoot, f)),
    );
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(copy, f)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, f), path.join(copy, f));
  }
  // node_modules: the installed packages, but the copy's own workspaces.
  const nm = path.join(copy, 'node_modules');
  fs.mkdirSync(path.join(nm, '@encrochat-ledger'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(repoRoot, 'node_modules')))
    if (entry !== '@encrochat-ledger')
      fs.symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(nm, entry));
  for (const dir of ['packages', 'apps'].flatMap((d) =>
    fs.readdirSync(path.join(copy, d)).map((w) => path.join(copy, d, w)),
  )) {
    if (!fs.existsSync(path.join(dir, 'package.json'))) continue;
    const name = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name as string;
    fs.symlinkSync(dir, path.join(nm, name));
    const own = path.join(repoRoot, path.relative(copy, dir), 'node_modules');
    if (fs.existsSync(own)) fs.symlinkSync(own, path.join(dir, 'node_modules'));
  }
}

beforeAll(() => {
  fs.mkdirSync(copy);
  cleanCopy();
  gitInit(copy);
  git(['tag', '@encrochat-ledger/dataset@0.1.0'], copy);
  edit(
    copy,
    SOURCE,
    (s) => (s.note = `${s.note ?? ''} Re-checked against the archived text.`.trim()),
  );
  commitAll(copy, 'a correction');
  log = execFileSync(process.execPath, ['--import', 'tsx', 'apps/diff/scripts/release.ts'], {
    cwd: copy,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}, 1_200_000);

const release = path.join(copy, 'release');
const publicPackages = [
  '@encrochat-ledger/check',
  '@encrochat-ledger/core',
  '@encrochat-ledger/dataset',
  '@encrochat-ledger/diff',
  '@encrochat-ledger/exporter',
  '@encrochat-ledger/validator',
];
const releaseJson = () => JSON.parse(fs.readFileSync(path.join(release, 'release.json'), 'utf8'));
const tarballs = () =>
  fs
    .readdirSync(release)
    .filter((f) => f.endsWith('.tgz'))
    .sort();

describe('npm run release', () => {
  it('builds, validates, exports, packs and dry-runs the publish of every public package, then stops', () => {
    expect(log).toContain('0 error(s)');
    expect(log).toContain('citation: version 0.1.0 in CITATION.cff, README.md');
    for (const name of publicPackages) {
      expect(log).toContain(`pack: ${name}@`);
      expect(log).toMatch(new RegExp(`npm publish --dry-run: \\+ ${name}@\\d+\\.\\d+\\.\\d+`));
    }
    expect(
      log.match(/publint: clean; attw: clean; LICENSE, repository, homepage, bugs: present/g),
    ).toHaveLength(publicPackages.length);
    expect(log).toContain('stopped before publishing');
    expect(tarballs()).toEqual(
      publicPackages.map((n) => `${n.slice(1).replace('/', '-')}-0.1.0.tgz`),
    );
    expect(fs.readdirSync(path.join(release, 'exports'))).toEqual(
      expect.arrayContaining(['claims.csv', 'claims.parquet', 'datapackage.json', 'SHA256SUMS']),
    );
  });

  it('archives every table with datapackage.json, the README and the checksums, named by version, for use without npm', () => {
    const listed = execFileSync(
      'tar',
      ['-t', '-z', '-f', path.join(release, 'encrochat-ledger-0.1.0-tables.tar.gz')],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
    const exported = fs.readdirSync(path.join(release, 'exports')).sort();
    expect(listed.filter((f) => !f.endsWith('/')).sort()).toEqual(
      exported.map((f) => `encrochat-ledger-0.1.0-tables/${f}`),
    );
    expect(exported).toEqual(
      expect.arrayContaining([
        'README.md',
        'SHA256SUMS',
        'datapackage.json',
        'claims.csv',
        'claims.parquet',
      ]),
    );
  });

  it("every tarball ships its LICENSE (the dataset also DATA-LICENSE.md), identical to the repository's", () => {
    for (const tarball of tarballs()) {
      const text = (file: string) =>
        execFileSync(
          'tar',
          ['-x', '-z', '-O', '-f', path.join(release, tarball), `package/${file}`],
          { encoding: 'utf8' },
        );
      expect(text('LICENSE'), tarball).toBe(
        fs.readFileSync(path.join(repoRoot, 'LICENSE'), 'utf8'),
      );
      if (tarball.startsWith('encrochat-ledger-dataset-'))
        expect(text('DATA-LICENSE.md')).toBe(
          fs.readFileSync(path.join(repoRoot, 'DATA-LICENSE.md'), 'utf8'),
        );
    }
  });

  it('every shipped import is declared as a dependency', () => {
    const undeclared = Object.fromEntries(
      releaseJson().packages.map((p: { name: string; undeclared: string[] }) => [
        p.name,
        p.undeclared,
      ]),
    );
    expect(undeclared).toEqual(Object.fromEntries(publicPackages.map((n) => [n, []])));
  });

  it('writes changes.json and NOTES.md: the data changes since the release tag, by id', () => {
    const changes = JSON.parse(fs.readFileSync(path.join(release, 'changes.json'), 'utf8'));
    expect(changes).toMatchObject({
      format: 'encrochat-ledger-diff/1',
      bump: 'patch',
      old: { label: 'git:@encrochat-ledger/dataset@0.1.0' },
    });
    expect(changes.records).toEqual([
      expect.objectContaining({
        collection: 'sources',
        kind: 'changed',
        id: 'nca-2020-07-02-unparalleled-victory-against-kingpin-criminals',
        fields: [expect.objectContaining({ path: 'note' })],
      }),
    ]);
    const notes = fs.readFileSync(path.join(release, 'NOTES.md'), 'utf8');
    expect(notes).toContain('### Changed (1)');
    expect(notes).toContain(
      '- sources `nca-2020-07-02-unparalleled-victory-against-kingpin-criminals`: `note`',
    );
    for (const t of tarballs()) expect(notes).toContain(t);
  });
});

describe('the tarballs, installed into an empty project', () => {
  beforeAll(() => {
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }),
    );
    execFileSync(
      'npm',
      [
        'install',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        ...tarballs().map((t) => path.join(release, t)),
      ],
      { cwd: project, stdio: 'pipe' },
    );
  }, 1_200_000);
  const run = (file: string) =>
    execFileSync(process.execPath, [file], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const bundle = 'node_modules/@encrochat-ledger/dataset/dist/data.json';

  it('works from ESM', () => {
    fs.writeFileSync(
      path.join(project, 'esm.mjs'),
      `import { claims, version } from '@encrochat-ledger/dataset';
import { validate } from '@encrochat-ledger/validator';
import { exportDataset } from '@encrochat-ledger/exporter';
import { diff } from '@encrochat-ledger/diff';
const report = validate({ paths: ['${bundle}'] });
console.log(JSON.stringify({ version, claims: claims.length > 0, errors: report.counts.error, exporter: typeof exportDataset, bump: diff('${bundle}', '${bundle}').bump }));
`,
    );
    expect(JSON.parse(run('esm.mjs'))).toEqual({
      version: '0.1.0',
      claims: true,
      errors: 0,
      exporter: 'function',
      bump: 'none',
    });
  });

  it('works from CommonJS (require of the ESM-only tools needs Node ≥ 20.19)', () => {
    fs.writeFileSync(
      path.join(project, 'cjs.cjs'),
      `const { claims } = require('@encrochat-ledger/dataset');
const { diff, formatText } = require('@encrochat-ledger/diff');
const { validate } = require('@encrochat-ledger/validator');
const { exportDataset } = require('@encrochat-ledger/exporter');
console.log(JSON.stringify({ claims: claims.length > 0, text: formatText(diff('${bundle}', '${bundle}')).includes('no changes'), validate: typeof validate, exporter: typeof exportDataset }));
`,
    );
    expect(JSON.parse(run('cjs.cjs'))).toEqual({
      claims: true,
      text: true,
      validate: 'function',
      exporter: 'function',
    });
  });

  it('type-checks from TypeScript (ESM and CJS)', () => {
    fs.writeFileSync(
      path.join(project, 'consumer.mts'),
      `import { claims, type Claim } from '@encrochat-ledger/dataset';
import { diff, type DataDiff, type Bump } from '@encrochat-ledger/diff';
import { validate, type Report } from '@encrochat-ledger/validator';
import { exportDataset } from '@encrochat-ledger/exporter';
const c: Claim | undefined = claims[0];
const d: DataDiff = diff('a', 'b');
const b: Bump = d.bump;
const r: Report = validate({ paths: [] });
// @ts-expect-error not a bump
const wrong: Bump = 'huge';
export { c, b, r, wrong, exportDataset };
`,
    );
    fs.writeFileSync(
      path.join(project, 'consumer.cts'),
      `import diffLib = require('@encrochat-ledger/diff');\nimport ledger = require('@encrochat-ledger/dataset');\nconst b: diffLib.Bump = diffLib.maxBump('patch', 'minor');\nexport = { b, n: ledger.claims.length };\n`,
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    expect(() =>
      execFileSync(
        process.execPath,
        [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
        { cwd: project, stdio: 'pipe' },
      ),
    ).not.toThrow();
  });

  it('runs the diff CLI from the installed bin', () => {
    const out = execFileSync(
      path.join(project, 'node_modules/.bin/encrochat-ledger-diff'),
      [bundle, bundle, '--check-bump', 'none'],
      { cwd: project, encoding: 'utf8' },
    );
    expect(out).toContain('no changes; required bump: none');
  });
});

describe('publishing to a local npm registry (verdaccio), then installing and diffing from it', () => {
  let registry: LocalRegistry;
  const installed = path.join(work, 'from-registry');
  const datasetDir = path.join(copy, 'packages', 'dataset');
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, {
      cwd,
      env: registry.env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  let next = '';
  let citationLog = '';

  beforeAll(async () => {
    registry = await startRegistry(path.join(work, 'registry'));
    // Provenance needs CI's identity token: it is for the real publish only.
    for (const t of tarballs())
      npm(['publish', path.join(release, t), '--provenance=false', '--access', 'public'], release);
    fs.mkdirSync(installed);
    fs.writeFileSync(
      path.join(installed, 'package.json'),
      JSON.stringify({ name: 'reader', private: true, version: '1.0.0' }),
    );
    npm(['install', '--no-audit', '--no-fund', '@encrochat-ledger/dataset@0.1.0'], installed);

    // The next version: a correction, its changeset, `changeset version`, build, publish.
    edit(copy, SOURCE, (s) => (s.note = `${s.note} Checked again for the next release.`));
    fs.writeFileSync(
      path.join(copy, '.changeset', 'registry-test-correction.md'),
      `---\n"@encrochat-ledger/dataset": patch\n---\n\nA note corrected.\n`,
    );
    execFileSync(path.join(copy, 'node_modules', '.bin', 'changeset'), ['version'], {
      cwd: copy,
      stdio: 'pipe',
    });
    next = JSON.parse(fs.readFileSync(path.join(datasetDir, 'package.json'), 'utf8')).version;
    // What `npm run release` runs first: the citation follows the version changesets gave.
    citationLog = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'packages/dataset/build/citation.ts'],
      { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    execFileSync(
      path.join(copy, 'node_modules', '.bin', 'turbo'),
      ['run', 'build', '--output-logs=errors-only', '--filter=@encrochat-ledger/dataset'],
      { cwd: copy, stdio: 'pipe' },
    );
    npm(['publish', '--provenance=false', '--access', 'public'], datasetDir);
  }, 1_200_000);
  afterAll(() => registry?.stop());

  const run = (file: string) =>
    execFileSync(process.execPath, [file], {
      cwd: installed,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('serves what was published: every public package at 0.1.0, and the next version of the dataset', () => {
    for (const name of publicPackages)
      expect(JSON.parse(npm(['view', `${name}@0.1.0`, 'version', '--json'], installed))).toBe(
        '0.1.0',
      );
    expect(next).not.toBe('0.1.0');
    expect(
      JSON.parse(npm(['view', '@encrochat-ledger/dataset', 'versions', '--json'], installed)),
    ).toEqual(['0.1.0', next]);
  });

  it('after `changeset version`, the citation script sets CITATION.cff and the README block to the next version', () => {
    expect(citationLog).toContain(`citation: version ${next} in CITATION.cff`);
    const cff = fs.readFileSync(path.join(copy, 'CITATION.cff'), 'utf8');
    expect(cff.match(/^ *version: .*$/gm)).toEqual([`version: ${next}`, `  version: ${next}`]);
    const readme = fs.readFileSync(path.join(copy, 'README.md'), 'utf8');
    expect(readme).toContain(`"@encrochat-ledger/dataset": "${next}"`);
    expect(readme).toContain(`version ${next} [data set]`);
    expect(readme).not.toContain('version 0.1.0 [data set]');
  });

  it('the dataset installed from the registry works from ESM, CommonJS and TypeScript', () => {
    fs.writeFileSync(
      path.join(installed, 'esm.mjs'),
      `import { claims, version } from '@encrochat-ledger/dataset';\nconsole.log(JSON.stringify({ version, claims: claims.length > 0 }));\n`,
    );
    expect(JSON.parse(run('esm.mjs'))).toEqual({ version: '0.1.0', claims: true });
    fs.writeFileSync(
      path.join(installed, 'cjs.cjs'),
      `const { claimsById } = require('@encrochat-ledger/dataset');\nconsole.log(JSON.stringify({ size: claimsById.size > 0 }));\n`,
    );
    expect(JSON.parse(run('cjs.cjs'))).toEqual({ size: true });
    fs.writeFileSync(
      path.join(installed, 'use.mts'),
      `import { claims, type Claim } from '@encrochat-ledger/dataset';\nconst c: Claim | undefined = claims[0];\n// @ts-expect-error a claim has no such field\nconst wrong: string = claims[0]!.no_such_field;\nexport { c, wrong };\n`,
    );
    fs.writeFileSync(
      path.join(installed, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          skipLibCheck: true,
          types: [],
        },
        files: ['use.mts'],
      }),
    );
    expect(() =>
      execFileSync(
        process.execPath,
        [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
        { cwd: installed, stdio: 'pipe' },
      ),
    ).not.toThrow();
  });

  it('encrochat-ledger-diff compares two published versions fetched from the registry', () => {
    const out = execFileSync(
      process.execPath,
      [
        path.join(copy, 'apps', 'diff', 'dist', 'cli.js'),
        '@encrochat-ledger/dataset@0.1.0',
        `@encrochat-ledger/dataset@${next}`,
        '--format',
        'json',
      ],
      { cwd: installed, env: registry.env, encoding: 'utf8' },
    );
    const changes = JSON.parse(out);
    expect(changes.old).toMatchObject({
      label: 'npm:@encrochat-ledger/dataset@0.1.0',
      version: '0.1.0',
    });
    expect(changes.new).toMatchObject({
      label: `npm:@encrochat-ledger/dataset@${next}`,
      version: next,
    });
    expect(changes.records).toEqual([
      expect.objectContaining({
        collection: 'sources',
        kind: 'changed',
        id: 'nca-2020-07-02-unparalleled-victory-against-kingpin-criminals',
      }),
    ]);
    expect(changes.bump).toBe('patch');
  });

  it('says clearly when a version is not in the registry', () => {
    const r = spawnSync(
      process.execPath,
      [
        path.join(copy, 'apps', 'diff', 'dist', 'cli.js'),
        '@encrochat-ledger/dataset@0.1.0',
        '@encrochat-ledger/dataset@9.9.9',
      ],
      { cwd: installed, env: registry.env, encoding: 'utf8' },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /@encrochat-ledger\/dataset@9\.9\.9: not a file, folder or git ref here, and npm could not fetch it/,
    );
  });
});
