/**
 * The changeset check: the bump the pending changesets declare for @encrochat-ledger/dataset must be
 * at least the bump that the data and schema changes since the last release require.
 *
 * "The last release" is the git tag `@encrochat-ledger/dataset@<version>` of the version in
 * packages/dataset/package.json. When `changeset version` has already consumed the changesets (the
 * version moved on and has no tag yet), the newest older tag is the last release and the version
 * step itself counts as declared. No tag at all: no release yet, nothing to compare, the check passes.
 */
import fs from 'node:fs';
import path from 'node:path';
import parseChangeset from '@changesets/parse';
import { bumpRank, maxBump, type Bump } from './bump.js';
import { diffSides } from './diff.js';
import { git, gitTop, tagExists } from './git.js';
import { loadFolder, loadGitRef } from './load.js';
import type { DataDiff } from './types.js';

export const DATASET = '@encrochat-ledger/dataset';

export interface PendingChangeset {
  id: string;
  releases: { name: string; type: Bump }[];
  summary: string;
}

/** The pending changesets of `.changeset/` (every `.md` file but README.md). */
export function readChangesets(root: string): PendingChangeset[] {
  const dir = path.join(root, '.changeset');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => {
      const parsed = parseChangeset(fs.readFileSync(path.join(dir, f), 'utf8'));
      return {
        id: f.slice(0, -3),
        summary: parsed.summary,
        releases: parsed.releases.map((r) => ({ name: r.name, type: r.type as Bump })),
      };
    });
}

/** The largest bump the changesets declare for a package (`none` when none names it). */
export function declaredBump(changesets: PendingChangeset[], pkg = DATASET): Bump {
  return maxBump(
    ...changesets.flatMap((c) => c.releases.filter((r) => r.name === pkg).map((r) => r.type)),
  );
}

const parseSemver = (v: string) =>
  /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v)?.slice(1).map(Number) ?? null;

export function compareSemver(a: string, b: string): number {
  const x = parseSemver(a) ?? [0, 0, 0];
  const y = parseSemver(b) ?? [0, 0, 0];
  return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
}

/** The bump from one version to another (`none` when equal or lower). */
export function bumpBetween(from: string, to: string): Bump {
  const a = parseSemver(from);
  const b = parseSemver(to);
  if (!a || !b || compareSemver(from, to) >= 0) return 'none';
  return b[0] !== a[0] ? 'major' : b[1] !== a[1] ? 'minor' : 'patch';
}

/** The last release tag of the dataset at or below `version`, or null. */
export function lastReleaseTag(root: string, version: string): string | null {
  const exact = `${DATASET}@${version}`;
  if (tagExists(exact, root)) return exact;
  const tags = git(['tag', '--list', `${DATASET}@*`], root)
    .split('\n')
    .map((t) => t.trim())
    .filter(
      (t) =>
        t &&
        parseSemver(t.slice(DATASET.length + 1)) &&
        compareSemver(t.slice(DATASET.length + 1), version) < 0,
    )
    .sort((a, b) => compareSemver(a.slice(DATASET.length + 1), b.slice(DATASET.length + 1)));
  return tags.at(-1) ?? null;
}

export interface CheckResult {
  ok: boolean;
  /** What to tell the user (several lines when it fails). */
  message: string;
  tag: string | null;
  declared: Bump;
  required: Bump;
  diff?: DataDiff;
}

export function checkChangesets(cwd = process.cwd()): CheckResult {
  const root = gitTop(cwd) ?? cwd;
  const pkg = JSON.parse(
    fs.readFileSync(path.join(root, 'packages', 'dataset', 'package.json'), 'utf8'),
  ) as { version: string };
  const changesets = readChangesets(root);
  const pending = declaredBump(changesets);
  const tag = lastReleaseTag(root, pkg.version);
  if (!tag)
    return {
      ok: true,
      tag,
      declared: pending,
      required: 'none',
      message: `No release of ${DATASET} yet (no tag ${DATASET}@${pkg.version}): nothing to compare, the check passes.`,
    };

  const released = tag.slice(DATASET.length + 1);
  const stepped = bumpBetween(released, pkg.version);
  const declared = maxBump(pending, stepped);
  const d = diffSides(loadGitRef(tag, root), loadFolder(root, 'working tree'));
  const required = d.bump;
  const declaredWords = `${declared === 'none' ? 'no release' : `a ${declared} release`} (${[
    `${changesets.length} pending changeset${changesets.length === 1 ? '' : 's'}${pending === 'none' ? ' naming no release of the dataset' : `: ${pending}`}`,
    ...(stepped !== 'none' ? [`version ${released} → ${pkg.version}: ${stepped}`] : []),
  ].join('; ')})`;
  if (required === 'none')
    return {
      ok: true,
      tag,
      declared,
      required,
      diff: d,
      message: `No data or schema change since ${tag}; ${declaredWords}.`,
    };
  if (bumpRank(declared) >= bumpRank(required))
    return {
      ok: true,
      tag,
      declared,
      required,
      diff: d,
      message: `Changes since ${tag} need a ${required} release; declared: ${declaredWords}. OK.`,
    };

  const lines = [
    `The changes to data/ and schemas/ since ${tag} need a ${required} release of ${DATASET}, but the changesets declare ${declaredWords}.`,
  ];
  const why = [
    ...d.records
      .filter((r) => r.bump === required)
      .map(
        (r) =>
          `  ${r.kind} ${r.collection} ${r.kind === 'renamed' ? `${r.from} → ${r.id}` : r.id}: ${r.why}`,
      ),
    ...d.fields
      .filter((f) => f.bump === required)
      .map((f) => `  field ${f.kind} ${f.collection}.${f.field}: ${f.why}`),
    ...d.schemas
      .filter((s) => s.bump === required)
      .map((s) => `  schema ${s.file}${s.pointer ? `#${s.pointer}` : ''}: ${s.detail}`),
  ];
  lines.push(...why.slice(0, 20));
  if (why.length > 20)
    lines.push(`  … and ${why.length - 20} more (npx encrochat-ledger-diff ${tag} .)`);
  if (d.schemas.some((s) => s.bump === 'major') && required === 'major')
    lines.push(
      'schemas/ changed incompatibly: that needs a major release (or keep the old schema and add the change in a new version folder compatibly).',
    );
  lines.push(
    `Fix: add a changeset (npx changeset) with "${DATASET}": ${required}, or raise the bump of an existing one.`,
  );
  return { ok: false, tag, declared, required, diff: d, message: lines.join('\n') };
}
