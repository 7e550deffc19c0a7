/**
 * Reads what the user asked to validate — a data folder, collection folders, single files or a built
 * bundle — into files (bytes) and records. Files inside a data folder are validated against the whole
 * folder, so references resolve, but findings are reported only for the files asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames, isCollection, type CollectionName } from './collections.js';

export interface DataFile {
  /** Absolute path. */
  abs: string;
  /** Path shown to the user: relative to the working directory, forward slashes. */
  display: string;
  /** The collection, from the folder name (null when unknown). */
  collection: CollectionName | null;
  bytes: Buffer;
  /** Whether findings in this file are reported (false for context files). */
  reported: boolean;
}

export interface RecordEntry {
  file: DataFile;
  collection: CollectionName;
  /** Pointer of the record inside its file: '' for one record per file, `/sources/3` in a bundle. */
  base: string;
  record: Record<string, any>;
}

export class UsageError extends Error {}

const displayPath = (abs: string, cwd: string) => {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/');
};

/** A folder is a data root when it holds at least one collection folder. */
export function isDataRoot(dir: string): boolean {
  return collectionNames.some((c) => fs.existsSync(path.join(dir, c)) && fs.statSync(path.join(dir, c)).isDirectory());
}

/** The data root a path belongs to (itself, its parent or its grandparent), if any. */
export function dataRootOf(target: string): string | null {
  let dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  for (let up = 0; up < 3; up++) {
    if (isDataRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

function* jsonFilesUnder(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFilesUnder(full);
    else if (entry.isFile() && entry.name.endsWith('.json')) yield full;
  }
}

export interface Inputs {
  files: DataFile[];
  /** Data roots involved (for the exceptions file and the archive default). */
  roots: string[];
}

/** Collects the files to read. Throws UsageError for a path that does not exist. */
export function collectInputs(targets: string[], cwd = process.cwd()): Inputs {
  const files = new Map<string, DataFile>();
  const roots = new Set<string>();
  const add = (abs: string, reported: boolean) => {
    const existing = files.get(abs);
    if (existing) {
      existing.reported ||= reported;
      return;
    }
    const folder = path.basename(path.dirname(abs));
    files.set(abs, { abs, display: displayPath(abs, cwd), collection: isCollection(folder) ? folder : null, bytes: fs.readFileSync(abs), reported });
  };
  for (const target of targets.length ? targets : ['data']) {
    const abs = path.resolve(cwd, target);
    if (!fs.existsSync(abs)) throw new UsageError(`no such file or folder: ${target}`);
    const root = dataRootOf(abs);
    // The exceptions file at the top of a data folder is configuration, not a record.
    const asked = fs.statSync(abs).isDirectory() ? [...jsonFilesUnder(abs)].filter((f) => path.basename(f) !== 'validator-exceptions.json' || !isDataRoot(path.dirname(f))) : [abs];
    if (root) {
      roots.add(root);
      const askedSet = new Set(asked);
      for (const c of collectionNames) {
        const dir = path.join(root, c);
        if (fs.existsSync(dir)) for (const f of jsonFilesUnder(dir)) if (!askedSet.has(f)) add(f, false);
      }
    }
    for (const f of asked) add(f, true);
  }
  return { files: [...files.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)), roots: [...roots] };
}

/** Whether a parsed document is a built bundle rather than one record. */
export function isBundle(value: unknown): value is Record<CollectionName, unknown[]> {
  return !!value && typeof value === 'object' && (value as { name?: unknown }).name === 'encrochat-ledger' && Array.isArray((value as { sources?: unknown }).sources);
}
