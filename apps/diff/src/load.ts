/**
 * Reads one side of a diff: a bundle (`data.json`), a data folder (`data/` layout), a folder holding
 * `data/` and `schemas/` (a repository or a checkout), or a git ref (its data/ and schemas/ extracted
 * with `git archive`). Bundles and data folders are read with @encrochat-ledger/core's reader and
 * checked with its `recordIssues`, so the diff refuses what the validator and the dataset build
 * refuse (a file that is not JSON or not UTF-8, a link or a FIFO inside data/, a record that fails
 * its schema, a supersession cycle); a path that is not a folder or a regular file (/dev/zero, a
 * FIFO, /proc/…) is refused before it is opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collectionNames,
  dataFile,
  findSupersessionCycles,
  firstProblemLine,
  inputKind,
  isBundle,
  readData,
  readInputs,
  recordIssues,
  SCHEMA_VERSION,
  type DataReading,
  type RecordEntry,
} from '@encrochat-ledger/core';
import { DiffUsageError } from './errors.js';
import { extractCommit, resolveCommit } from './git.js';
import { fetchPackageBundle, isPackageSpec } from './npm.js';
import type { Collection, SideInfo } from './types.js';

export type Rec = Record<string, unknown>;

export const COLLECTIONS: readonly Collection[] = [...collectionNames, 'claims'];

/** Schema folders by version (`1.0`), each a map of file name to parsed schema. */
export type Schemas = Map<string, Map<string, Rec>>;

export interface Side {
  info: SideInfo;
  /** Records by collection and id; claims carry their `source_id`. */
  records: Map<Collection, Map<string, Rec>>;
  schemas: Schemas | null;
}

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const VERSION_DIR = /^\d+\.\d+$/;

function readJson(file: string, shown: string): unknown {
  try {
    // Only a regular file is opened: a FIFO would block the read forever.
    if (!fs.lstatSync(file).isFile())
      throw new Error('not a regular file (a link, a FIFO or a folder)');
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DiffUsageError(
      `${shown}: cannot read JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
}

/**
 * A reading with problems cannot be compared: the first problem, where it is, and the way to all of
 * them. The problems of the files first; only files without any have their records checked: against
 * the published schemas (`checkSchemas`), unless the data says it follows a newer version than this
 * diff knows, and for supersession cycles.
 */
function refuseProblems(reading: DataReading, checkSchemas = true): void {
  const problems = reading.problems.length
    ? reading.problems
    : reading.locate(
        checkSchemas ? recordIssues(reading.records) : findSupersessionCycles(reading.records),
      );
  if (problems.length)
    throw new DiffUsageError(
      `${firstProblemLine(problems)}; encrochat-ledger-validate lists every problem`,
    );
}

/** An empty side: the diff against "nothing" (before the first release). */
export function emptySide(label = '(nothing)'): Side {
  return {
    info: { label, version: null, schema_versions: null },
    records: new Map(COLLECTIONS.map((c) => [c, new Map()])),
    schemas: null,
  };
}

function sideFrom(
  label: string,
  version: string | null,
  records: readonly RecordEntry[],
  schemas: Schemas | null,
): Side {
  const side = emptySide(label);
  side.info.version = version;
  side.schemas = schemas;
  side.info.schema_versions = schemas ? [...schemas.keys()] : null;
  for (const { collection, record } of records) {
    const { $schema: _editorOnly, ...rest } = record;
    if (typeof rest.id !== 'string')
      throw new DiffUsageError(`${label}: a record of ${collection} has no id`);
    side.records.get(collection)!.set(rest.id, rest);
    if (collection === 'sources' && Array.isArray(rest.claims)) {
      for (const claim of rest.claims) {
        if (isObject(claim) && typeof claim.id === 'string')
          side.records.get('claims')!.set(claim.id, { ...claim, source_id: rest.id });
      }
    }
  }
  return side;
}

/** Reads `schemas/<major>.<minor>/*.json`. */
export function readSchemaFolders(root: string): Schemas | null {
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) return null;
  const out: Schemas = new Map();
  const versions = fs
    .readdirSync(root)
    .filter((v) => VERSION_DIR.test(v) && fs.statSync(path.join(root, v)).isDirectory());
  for (const v of versions.sort(compareVersions)) {
    const files = new Map<string, Rec>();
    for (const f of fs
      .readdirSync(path.join(root, v))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
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
  if (inputKind(path.resolve(file), label) !== 'file')
    throw new DiffUsageError(`${label}: a folder, not a bundle; give its data.json`);
  const reading = readInputs({
    files: [dataFile(path.resolve(file), process.cwd(), { keepBytes: false })],
    roots: [],
  });
  const { parsed, value } = reading.read.get(reading.files[0]!)!;
  if (parsed && !isBundle(value))
    throw new DiffUsageError(
      `${label}: not an encrochat-ledger bundle (expected "name": "encrochat-ledger" and a "sources" array)`,
    );
  const declared = (value as Rec).schema_version;
  refuseProblems(
    reading,
    typeof declared !== 'string' || compareVersions(declared, SCHEMA_VERSION) <= 0,
  );
  // The dataset package ships its schemas beside the bundle (dist/schemas/<version>/).
  const schemas = readSchemaFolders(path.join(path.dirname(file), 'schemas'));
  const version = (value as Rec).version;
  return sideFrom(label, typeof version === 'string' ? version : null, reading.records, schemas);
}

/** A data folder (`data/` layout), with the schemas and the package version beside it when present. */
export function loadDataFolder(dataRoot: string, label = dataRoot): Side {
  const reading = readData([dataRoot]);
  refuseProblems(reading);
  const parent = path.dirname(path.resolve(dataRoot));
  return sideFrom(
    label,
    packageVersion(path.join(parent, 'packages', 'dataset', 'package.json')),
    reading.records,
    readSchemaFolders(path.join(parent, 'schemas')),
  );
}

/** A folder: a repository or checkout (holding data/), a data folder, or a folder holding data.json. */
export function loadFolder(dir: string, label = dir): Side {
  if (fs.existsSync(path.join(dir, 'data')) && fs.statSync(path.join(dir, 'data')).isDirectory())
    return loadDataFolder(path.join(dir, 'data'), label);
  if (collectionNames.some((c) => fs.existsSync(path.join(dir, c))))
    return loadDataFolder(dir, label);
  if (fs.existsSync(path.join(dir, 'data.json')))
    return loadBundle(path.join(dir, 'data.json'), label);
  if (fs.existsSync(path.join(dir, 'schemas'))) {
    // A tree with schemas and no data yet.
    const side = emptySide(label);
    side.schemas = readSchemaFolders(path.join(dir, 'schemas'));
    side.info.schema_versions = side.schemas ? [...side.schemas.keys()] : null;
    return side;
  }
  throw new DiffUsageError(
    `${label}: no data here (expected a data folder with ${collectionNames.join('/')}, a folder holding data/, or a data.json bundle)`,
  );
}

/** A git ref: data/ and schemas/ of that commit. */
export function loadGitRef(ref: string, cwd: string): Side {
  const commit = resolveCommit(ref, cwd);
  if (!commit) throw new DiffUsageError(`no such file, folder or git ref: ${ref}`);
  const dir = extractCommit(commit, cwd);
  try {
    const side =
      fs.existsSync(path.join(dir, 'data')) || fs.existsSync(path.join(dir, 'schemas'))
        ? loadFolder(dir, `git:${ref}`)
        : emptySide(`git:${ref}`);
    side.info.version ??= packageVersion(path.join(dir, 'packages', 'dataset', 'package.json'));
    return side;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A published release, fetched from the npm registry (see npm.ts). */
export function loadPackage(spec: string): Side {
  const { bundle, cleanUp } = fetchPackageBundle(spec);
  try {
    return loadBundle(bundle, `npm:${spec.replace(/^npm:/, '')}`);
  } finally {
    cleanUp();
  }
}

/**
 * Whatever OLD or NEW names: an existing path first; `git:REF` or `npm:SPEC` as said; else a git ref
 * of the repository at `cwd` (a release tag such as `@encrochat-ledger/dataset@0.1.0`), else, for a
 * NAME@VERSION that names no ref, that package from the npm registry.
 */
export function loadSide(spec: string, cwd = process.cwd()): Side {
  const abs = path.resolve(cwd, spec);
  if (fs.existsSync(abs))
    return inputKind(abs, spec) === 'folder' ? loadFolder(abs, spec) : loadBundle(abs, spec);
  if (spec.startsWith('npm:')) return loadPackage(spec);
  if (spec.startsWith('git:')) return loadGitRef(spec.slice(4), cwd);
  if (isPackageSpec(spec) && !resolveCommit(spec, cwd)) return loadPackage(spec);
  return loadGitRef(spec, cwd);
}
