/**
 * Reads one side of a diff: a bundle (`data.json`), a data folder (`data/` layout, read with the
 * validator's input reader), a folder holding `data/` and `schemas/` (a repository or a checkout), or
 * a git ref (its data/ and schemas/ extracted with `git archive`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectInputs } from '@encrochat-ledger/validator';
import { DiffUsageError } from './errors.js';
import { extractCommit, resolveCommit } from './git.js';
import type { Collection, SideInfo } from './types.js';

export type Rec = Record<string, unknown>;

export const RECORD_COLLECTIONS = ['metrics', 'networks', 'places', 'organisations', 'operations', 'persons', 'events', 'sources'] as const;
export const COLLECTIONS: readonly Collection[] = [...RECORD_COLLECTIONS, 'claims'];

/** Schema folders by version (`1.0`), each a map of file name to parsed schema. */
export type Schemas = Map<string, Map<string, Rec>>;

export interface Side {
  info: SideInfo;
  /** Records by collection and id; claims carry their `source_id`. */
  records: Map<Collection, Map<string, Rec>>;
  schemas: Schemas | null;
}

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const isBundle = (v: unknown): v is Rec => isObject(v) && v.name === 'encrochat-ledger' && Array.isArray(v.sources);
const VERSION_DIR = /^\d+\.\d+$/;

function readJson(file: string, shown: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DiffUsageError(`${shown}: cannot read JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/** An empty side: the diff against "nothing" (before the first release). */
export function emptySide(label = '(nothing)'): Side {
  return { info: { label, version: null, schema_versions: null }, records: new Map(COLLECTIONS.map((c) => [c, new Map()])), schemas: null };
}

function sideFrom(label: string, version: string | null, grouped: Map<Collection, Rec[]>, schemas: Schemas | null): Side {
  const side = emptySide(label);
  side.info.version = version;
  side.schemas = schemas;
  side.info.schema_versions = schemas ? [...schemas.keys()] : null;
  for (const c of RECORD_COLLECTIONS) {
    const byId = side.records.get(c)!;
    for (const record of grouped.get(c) ?? []) {
      const { $schema: _editorOnly, ...rest } = record;
      if (typeof rest.id !== 'string') throw new DiffUsageError(`${label}: a record of ${c} has no id`);
      byId.set(rest.id, rest);
      if (c === 'sources' && Array.isArray(rest.claims)) {
        for (const claim of rest.claims) {
          if (isObject(claim) && typeof claim.id === 'string') side.records.get('claims')!.set(claim.id, { ...claim, source_id: rest.id });
        }
      }
    }
  }
  return side;
}

/** Reads `schemas/<major>.<minor>/*.json`. */
export function readSchemaFolders(root: string): Schemas | null {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) return null;
  const out: Schemas = new Map();
  const versions = fs.readdirSync(root).filter((v) => VERSION_DIR.test(v) && fs.statSync(path.join(root, v)).isDirectory());
  for (const v of versions.sort(compareVersions)) {
    const files = new Map<string, Rec>();
    for (const f of fs.readdirSync(path.join(root, v)).filter((f) => f.endsWith('.json')).sort()) {
      const value = readJson(path.join(root, v, f), `schemas/${v}/${f}`);
      if (isObject(value)) files.set(f, value);
    }
    out.set(v, files);
  }
  return out.size ? out : null;
}

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function packageVersion(file: string): string | null {
  if (!fs.existsSync(file)) return null;
  const pkg = readJson(file, file) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : null;
}

export function loadBundle(file: string, label = file): Side {
  const value = readJson(file, label);
  if (!isBundle(value)) throw new DiffUsageError(`${label}: not an encrochat-ledger bundle (expected "name": "encrochat-ledger" and a "sources" array)`);
  const grouped = new Map<Collection, Rec[]>();
  for (const c of RECORD_COLLECTIONS) grouped.set(c, Array.isArray(value[c]) ? (value[c] as unknown[]).filter(isObject) : []);
  // The dataset package ships its schemas beside the bundle (dist/schemas/<version>/).
  const schemas = readSchemaFolders(path.join(path.dirname(file), 'schemas'));
  return sideFrom(label, typeof value.version === 'string' ? value.version : null, grouped, schemas);
}

/** A data folder (`data/` layout), with the schemas and the package version beside it when present. */
export function loadDataFolder(dataRoot: string, label = dataRoot): Side {
  const { files } = collectInputs([dataRoot]);
  const grouped = new Map<Collection, Rec[]>();
  for (const file of files) {
    if (!file.collection) continue;
    let value: unknown;
    try {
      value = JSON.parse(file.bytes.toString('utf8'));
    } catch (error) {
      throw new DiffUsageError(`${file.display}: invalid JSON (${(error as Error).message}); run encrochat-ledger-validate for details`);
    }
    if (!isObject(value)) throw new DiffUsageError(`${file.display}: expected one JSON object (one record per file)`);
    const list = grouped.get(file.collection) ?? [];
    list.push(value);
    grouped.set(file.collection, list);
  }
  const parent = path.dirname(path.resolve(dataRoot));
  return sideFrom(label, packageVersion(path.join(parent, 'packages', 'dataset', 'package.json')), grouped, readSchemaFolders(path.join(parent, 'schemas')));
}

/** A folder: a repository or checkout (holding data/), a data folder, or a folder holding data.json. */
export function loadFolder(dir: string, label = dir): Side {
  if (fs.existsSync(path.join(dir, 'data')) && fs.statSync(path.join(dir, 'data')).isDirectory()) return loadDataFolder(path.join(dir, 'data'), label);
  if (RECORD_COLLECTIONS.some((c) => fs.existsSync(path.join(dir, c)))) return loadDataFolder(dir, label);
  if (fs.existsSync(path.join(dir, 'data.json'))) return loadBundle(path.join(dir, 'data.json'), label);
  if (fs.existsSync(path.join(dir, 'schemas'))) {
    // A tree with schemas and no data yet.
    const side = emptySide(label);
    side.schemas = readSchemaFolders(path.join(dir, 'schemas'));
    side.info.schema_versions = side.schemas ? [...side.schemas.keys()] : null;
    return side;
  }
  throw new DiffUsageError(`${label}: no data here (expected a data folder with ${RECORD_COLLECTIONS.join('/')}, a folder holding data/, or a data.json bundle)`);
}

/** A git ref: data/ and schemas/ of that commit. */
export function loadGitRef(ref: string, cwd: string): Side {
  const commit = resolveCommit(ref, cwd);
  if (!commit) throw new DiffUsageError(`no such file, folder or git ref: ${ref}`);
  const dir = extractCommit(commit, cwd);
  try {
    const side = fs.existsSync(path.join(dir, 'data')) || fs.existsSync(path.join(dir, 'schemas')) ? loadFolder(dir, `git:${ref}`) : emptySide(`git:${ref}`);
    side.info.version ??= packageVersion(path.join(dir, 'packages', 'dataset', 'package.json'));
    return side;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Whatever OLD or NEW names: an existing path first, else a git ref of the repository at `cwd`. */
export function loadSide(spec: string, cwd = process.cwd()): Side {
  const abs = path.resolve(cwd, spec);
  if (fs.existsSync(abs)) return fs.statSync(abs).isDirectory() ? loadFolder(abs, spec) : loadBundle(abs, spec);
  const ref = spec.startsWith('git:') ? spec.slice(4) : spec;
  return loadGitRef(ref, cwd);
}
