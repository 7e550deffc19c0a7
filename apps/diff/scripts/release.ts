/**
 * `npm run release`: everything a release needs, stopping before publishing.
 *
 *   `npm run citation` (CITATION.cff's version, the dataset's generated citation and the README's
 *   citation block follow the version `changeset version` gave the dataset) →
 *   build (turbo, the public packages) → validate data/ → export CSV/Parquet to release/exports →
 *   one archive of the tables for people who do not use npm (release/encrochat-ledger-<version>-tables.tar.gz:
 *   every CSV and Parquet file, datapackage.json, the README and SHA256SUMS) →
 *   release/changes.json and release/NOTES.md (the data changes since the last release tag, by id) →
 *   npm pack every public package into release/ → publint, @arethetypeswrong/cli and the package's
 *   citizenship (LICENSE shipped; repository, homepage and bugs set) on each tarball →
 *   npm publish --dry-run of each tarball → stop.
 *
 * The real publish is `npx changeset publish` (after `npx changeset version`), from CI with
 * npm provenance; see "Releases and citing" in the README.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { publint } from 'publint';
import type { JsonRecord } from '@encrochat-ledger/core';

export interface PackedPackage {
  name: string;
  version: string;
  dir: string;
  tarball: string;
  sha256: string;
  publint: string[];
  attw: string[];
  publishDryRun: string;
  /** Packages imported by the shipped JavaScript but not declared in dependencies (broken once installed). */
  undeclared: string[];
}

export interface ReleaseResult {
  out: string;
  packages: PackedPackage[];
  tag: string | null;
}

export class ReleaseError extends Error {}

interface Options {
  root?: string;
  out?: string;
  log?: (line: string) => void;
  /** Skip the turbo build (the caller built already). */
  skipBuild?: boolean;
}

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function run(cmd: string, args: string[], cwd: string, what: string): string {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_UPDATE_NOTIFIER: '1', TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0)
    throw new ReleaseError(
      `${what} failed (exit ${r.status ?? r.signal}):\n${(r.stderr || r.stdout || '').trim().split('\n').slice(-15).join('\n')}`,
    );
  return r.stdout;
}

/** The public workspaces, from the root package.json's workspace globs (`dir/*` only). */
export function publicWorkspaces(
  root: string,
): { name: string; version: string; dir: string; manifest: JsonRecord }[] {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const out = [];
  for (const glob of rootPkg.workspaces) {
    const base = path.join(root, glob.replace(/\/\*$/, ''));
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base).sort()) {
      const file = path.join(base, entry, 'package.json');
      if (!fs.existsSync(file)) continue;
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (!manifest.private)
        out.push({
          name: manifest.name as string,
          version: manifest.version as string,
          dir: path.join(base, entry),
          manifest,
        });
    }
  }
  return out;
}

/** Whether a package offers a CommonJS entry point (else it is ESM-only, checked with attw's esm-only profile). */
function hasRequire(manifest: JsonRecord): boolean {
  return (
    JSON.stringify(manifest.exports ?? {}).includes('"require"') ||
    String(manifest.main ?? '').endsWith('.cjs')
  );
}

/**
 * One packed file for each wildcard subpath of `exports` (`./schemas/*` -> `./schemas/1.0/claim.schema.json`):
 * attw does not look behind a wildcard, so it is given one file to resolve through it.
 */
export function wildcardExamples(tarball: string, manifest: JsonRecord): string[] {
  const packed = execFileSync('tar', ['-t', '-z', '-f', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, './'))
    .sort();
  return Object.entries(manifest.exports ?? {}).flatMap(([key, target]) => {
    if (!key.endsWith('/*') || typeof target !== 'string' || !target.endsWith('/*')) return [];
    const file = packed.find((f) => f.startsWith(target.slice(0, -1)));
    return file ? [key.slice(0, -1) + file.slice(target.length - 1)] : [];
  });
}

export function attwProblems(root: string, tarball: string, manifest: JsonRecord): string[] {
  const args = [tarball, '--format', 'json'];
  if (!hasRequire(manifest)) args.push('--profile', 'esm-only');
  // Every subpath is checked, JSON files included (they resolve under node10 through typesVersions).
  const examples = wildcardExamples(tarball, manifest);
  if (examples.length) args.push('--include-entrypoints', ...examples);
  const r = spawnSync(path.join(root, 'node_modules', '.bin', 'attw'), args, {
    cwd: path.dirname(tarball),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  let report: { problems?: unknown; analysis?: { types?: unknown } };
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return [`attw did not run: ${(r.stderr || r.stdout).trim().split('\n')[0]}`];
  }
  const problems = report.problems ?? [];
  const list = (
    Array.isArray(problems) ? problems : Object.values(problems as Record<string, unknown[]>).flat()
  ) as { kind?: string; entrypoint?: string; resolutionKind?: string }[];
  // The esm-only profile (as in attw's own output) ignores the resolutions that cannot load ESM: node10 and require from node16.
  const ignored = hasRequire(manifest) ? [] : ['node10', 'node16-cjs'];
  const out = list
    .filter((p) => !ignored.includes(p.resolutionKind ?? ''))
    .map((p) => `${p.kind ?? 'problem'} ${p.entrypoint ?? ''} (${p.resolutionKind ?? ''})`.trim());
  if (!report.analysis?.types) out.push('no types found');
  if (r.status !== 0 && !out.length) out.push(`attw exited with ${r.status}`);
  return out;
}

export async function publintMessages(tarball: string): Promise<string[]> {
  const bytes = fs.readFileSync(tarball);
  const { messages } = await publint({
    strict: true,
    pack: {
      tarball: bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer,
    },
  });
  return messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`);
}

/** What a published package owes its users beyond working code: its licence text and where to find and report on it. */
export function citizenshipProblems(tarball: string, manifest: JsonRecord): string[] {
  const listed = execFileSync('tar', ['-t', '-z', '-f', tarball], { encoding: 'utf8' }).split('\n');
  const problems = ['repository', 'homepage', 'bugs']
    .filter((field) => !manifest[field])
    .map((field) => `no "${field}" in package.json`);
  if (!listed.includes('package/LICENSE')) problems.push('no LICENSE file in the tarball');
  if (manifest.license === 'CC-BY-4.0' && !listed.includes('package/DATA-LICENSE.md'))
    problems.push('no DATA-LICENSE.md in the tarball');
  return problems;
}

/**
 * Writes `<out>/encrochat-ledger-<version>-tables.tar.gz`: the export folder's files under one folder
 * named by version. Entries sorted, owner 0 and a fixed time (the release's SOURCE_DATE_EPOCH, else 0)
 * where GNU tar allows it, so the same export gives the same archive.
 */
export function archiveTables(exportsDir: string, out: string, version: string): string {
  const name = `encrochat-ledger-${version}-tables`;
  const staging = fs.mkdtempSync(path.join(out, '.archive-'));
  try {
    fs.cpSync(exportsDir, path.join(staging, name), { recursive: true });
    const archive = path.join(out, `${name}.tar.gz`);
    const reproducible = [
      '--sort=name',
      '--owner=0',
      '--group=0',
      '--numeric-owner',
      `--mtime=@${process.env.SOURCE_DATE_EPOCH ?? 0}`,
    ];
    const gnu = spawnSync('tar', ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU tar');
    execFileSync('tar', [
      '-c',
      ...(gnu ? reproducible : []),
      '-f',
      `${archive}.tmp`,
      '-C',
      staging,
      name,
    ]);
    fs.writeFileSync(
      `${archive}.gz.tmp`,
      zlib.gzipSync(fs.readFileSync(`${archive}.tmp`), { level: 9 }),
    );
    fs.rmSync(`${archive}.tmp`);
    fs.renameSync(`${archive}.gz.tmp`, archive);
    return archive;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Bare imports of the packed files that the manifest does not declare (dependencies, peer or optional). */
export function undeclaredImports(tarball: string, manifest: JsonRecord): string[] {
  const dir = fs.mkdtempSync(path.join(path.dirname(tarball), '.unpack-'));
  try {
    execFileSync('tar', ['-x', '-z', '-f', tarball, '-C', dir]);
    const declared = new Set([
      manifest.name,
      ...Object.keys({
        ...manifest.dependencies,
        ...manifest.peerDependencies,
        ...manifest.optionalDependencies,
      }),
    ]);
    const found = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.(c|m)?js$/.test(e.name)) {
          for (const m of fs
            .readFileSync(f, 'utf8')
            .matchAll(/(?:from\s+|import\(|require\()\s*['"]([^'"./][^'"]*)['"]/g)) {
            const spec = m[1]!;
            if (spec.startsWith('node:')) continue;
            const name = spec.startsWith('@')
              ? spec.split('/').slice(0, 2).join('/')
              : spec.split('/')[0]!;
            if (!declared.has(name)) found.add(name);
          }
        }
      }
    };
    walk(dir);
    return [...found].sort();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function release({
  root = defaultRoot,
  out = path.join(root, 'release'),
  log = (l) => console.log(l),
  skipBuild = false,
}: Options = {}): Promise<ReleaseResult> {
  const node = process.execPath;
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const workspaces = publicWorkspaces(root);

  // The citation script belongs to the dataset package; it is run by its path, not imported.
  log(
    run(
      node,
      ['--import', 'tsx', path.join(root, 'packages/dataset/build/citation.ts')],
      root,
      'npm run citation',
    ).trim(),
  );

  if (!skipBuild) {
    log(`build: ${workspaces.map((w) => w.name).join(', ')}`);
    run(
      path.join(root, 'node_modules', '.bin', 'turbo'),
      ['run', 'build', '--output-logs=errors-only', ...workspaces.map((w) => `--filter=${w.name}`)],
      root,
      'the build',
    );
  }

  // The diff library reads data folders through @encrochat-ledger/core's dist: import it once built.
  const {
    DATASET,
    diffSides,
    emptySide,
    formatJson,
    formatMarkdown,
    lastReleaseTag,
    loadFolder,
    loadGitRef,
    readChangesets,
  } = await import('../src/index.js');

  log('validate: data/');
  log(
    run(node, [path.join(root, 'apps/validator/dist/cli.js')], root, 'the validator')
      .trim()
      .split('\n')
      .at(-1)!,
  );

  log('export: release/exports');
  log(
    run(
      node,
      [path.join(root, 'apps/exporter/dist/cli.js'), '--out', path.join(out, 'exports')],
      root,
      'the exporter',
    )
      .trim()
      .split('\n')
      .at(-1)!,
  );

  const dataset = workspaces.find((w) => w.name === DATASET);
  if (!dataset) throw new ReleaseError(`no public workspace named ${DATASET}`);
  const archive = archiveTables(path.join(out, 'exports'), out, dataset.version);
  log(`archive: ${path.basename(archive)}`);
  const tag = fs.existsSync(path.join(root, '.git')) ? lastReleaseTag(root, dataset.version) : null;
  log(`changes: since ${tag ?? '(no release yet: everything is new)'}`);
  const d = diffSides(
    tag ? loadGitRef(tag, root) : emptySide('(no release yet)'),
    loadFolder(root, 'this release'),
  );
  d.new.version = dataset.version;
  fs.writeFileSync(path.join(out, 'changes.json'), formatJson(d));

  const packages: PackedPackage[] = [];
  for (const w of workspaces) {
    log(`pack: ${w.name}@${w.version}`);
    const packed = JSON.parse(
      run('npm', ['pack', '--json', '--pack-destination', out], w.dir, `npm pack of ${w.name}`),
    ) as { filename: string }[];
    const tarball = path.join(out, packed[0]!.filename);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
    const lint = await publintMessages(tarball);
    const attw = attwProblems(root, tarball, w.manifest);
    const citizenship = citizenshipProblems(tarball, w.manifest);
    if (lint.length || attw.length || citizenship.length) {
      throw new ReleaseError(
        `${w.name}: ${[...lint.map((m) => `publint: ${m}`), ...attw.map((m) => `attw: ${m}`), ...citizenship].join('; ')}`,
      );
    }
    log(`  publint: clean; attw: clean; LICENSE, repository, homepage, bugs: present`);
    const undeclared = undeclaredImports(tarball, w.manifest);
    if (undeclared.length)
      log(
        `  WARNING: ${w.name} imports packages it does not declare in dependencies: ${undeclared.join(', ')} (installed from npm it fails to load)`,
      );
    const dry = run(
      'npm',
      ['publish', '--dry-run', '--ignore-scripts', '--tag', 'latest', tarball],
      out,
      `npm publish --dry-run of ${w.name}`,
    );
    const last = `${dry}`.trim().split('\n').filter(Boolean).at(-1) ?? '';
    log(`  npm publish --dry-run: ${last}`);
    packages.push({
      name: w.name,
      version: w.version,
      dir: path.relative(root, w.dir),
      tarball: path.basename(tarball),
      sha256,
      publint: lint,
      attw,
      publishDryRun: last,
      undeclared,
    });
  }

  const changesets = readChangesets(root);
  const notes = [
    `# encrochat-ledger release ${dataset.version}`,
    '',
    `Packages: ${packages.map((p) => `\`${p.name}@${p.version}\``).join(', ')}.`,
    '',
    '## Pending changesets',
    '',
    ...(changesets.length
      ? changesets.flatMap((c) => [
          `- ${c.releases.map((r) => `${r.name} (${r.type})`).join(', ')}: ${c.summary.split('\n')[0]}`,
        ])
      : ['(none)']),
    '',
    formatMarkdown(d).trimEnd(),
    '',
    '## Files',
    '',
    `\`changes.json\` (these changes, machine-readable: \`encrochat-ledger-diff/1\`), \`exports/\` (CSV, Parquet, \`datapackage.json\`, \`SHA256SUMS\`), \`${path.basename(archive)}\` (the same tables in one archive, for use without npm), and the package tarballs:`,
    '',
    ...packages.map((p) => `- \`${p.tarball}\` sha256 \`${p.sha256}\``),
    '',
    `Cite: encrochat-ledger ${dataset.version} (see CITATION.cff).`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'NOTES.md'), notes);
  fs.writeFileSync(
    path.join(out, 'release.json'),
    `${JSON.stringify({ version: dataset.version, tag, packages }, null, 2)}\n`,
  );
  log(
    `Release ${dataset.version} ready in ${path.relative(process.cwd(), out) || '.'}: stopped before publishing (publish with \`npx changeset publish\`).`,
  );
  return { out, packages, tag };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  release().catch((error: unknown) => {
    console.error(
      `release: ${error instanceof ReleaseError ? error.message : (error as Error).stack}`,
    );
    process.exitCode = 1;
  });
}
