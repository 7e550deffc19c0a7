/**
 * The files to read — a data folder, collection folders, single files or a built bundle. Files inside
 * a data folder are read with the whole folder, so that references resolve, but only the files asked
 * for are reported. Folders are walked in name order; symbolic links and special files (FIFOs,
 * sockets, devices) inside them are skipped, as is the exceptions file at the top of a data folder.
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
  /** Whether problems in this file are reported (false for context files). */
  reported: boolean;
}

export interface Inputs {
  files: DataFile[];
  /** Data roots involved (for the exceptions file and the archive default). */
  roots: string[];
}

export class UsageError extends Error {}

/** The validator's configuration at the top of a data folder: not a record. */
export const EXCEPTIONS_FILE = 'validator-exceptions.json';

const displayPath = (abs: string, cwd: string) => {
  const rel = path.relative(cwd, abs);
  return (rel && !rel.startsWith('..') ? rel : abs).split(path.sep).join('/');
};

/**
 * A file whose bytes are read when first asked for and kept until `drop()`: for readers that do not
 * keep every file's bytes for the whole run (the dataset build holds a million claims' records, not
 * their text as well).
 */
class FileOnDisk implements DataFile {
  private cached: Buffer | undefined;
  constructor(
    readonly abs: string,
    readonly display: string,
    readonly collection: CollectionName | null,
    public reported: boolean,
  ) {}

  get bytes(): Buffer {
    return (this.cached ??= fs.readFileSync(this.abs));
  }

  drop(): void {
    this.cached = undefined;
  }
}

/** Lets a file read with `keepBytes: false` forget its bytes (they are read again if needed). */
export function dropBytes(file: DataFile): void {
  if (file instanceof FileOnDisk) file.drop();
}

/** A folder is a data root when it holds at least one collection folder. */
export function isDataRoot(dir: string): boolean {
  return collectionNames.some(
    (c) => fs.existsSync(path.join(dir, c)) && fs.statSync(path.join(dir, c)).isDirectory(),
  );
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

/** The `.json` files under a folder, in name order; links and special files are not followed. */
function* jsonFilesUnder(dir: string): Generator<string> {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFilesUnder(full);
    else if (entry.isFile() && entry.name.endsWith('.json')) yield full;
  }
}

export interface CollectOptions {
  /** Read every file's bytes now and keep them (default), or read them when first needed (see `dropBytes`). */
  keepBytes?: boolean;
}

/** One file to read, on its own (its collection from its folder's name). */
export function dataFile(
  abs: string,
  cwd = process.cwd(),
  { keepBytes = true, reported = true }: CollectOptions & { reported?: boolean } = {},
): DataFile {
  const folder = path.basename(path.dirname(abs));
  const collection = isCollection(folder) ? folder : null;
  const display = displayPath(abs, cwd);
  return keepBytes
    ? { abs, display, collection, bytes: fs.readFileSync(abs), reported }
    : new FileOnDisk(abs, display, collection, reported);
}

/** Collects the files to read (default: `data`). Throws UsageError for a path that does not exist. */
export function collectInputs(
  targets: readonly string[],
  cwd = process.cwd(),
  { keepBytes = true }: CollectOptions = {},
): Inputs {
  const files = new Map<string, DataFile>();
  const roots = new Set<string>();
  const add = (abs: string, reported: boolean) => {
    const existing = files.get(abs);
    if (existing) {
      existing.reported ||= reported;
      return;
    }
    files.set(abs, dataFile(abs, cwd, { keepBytes, reported }));
  };
  for (const target of targets.length ? targets : ['data']) {
    const abs = path.resolve(cwd, target);
    if (!fs.existsSync(abs)) throw new UsageError(`no such file or folder: ${target}`);
    const root = dataRootOf(abs);
    const asked = fs.statSync(abs).isDirectory()
      ? [...jsonFilesUnder(abs)].filter(
          (f) => path.basename(f) !== EXCEPTIONS_FILE || !isDataRoot(path.dirname(f)),
        )
      : [abs];
    if (root) {
      roots.add(root);
      const askedSet = new Set(asked);
      for (const c of collectionNames) {
        const dir = path.join(root, c);
        if (fs.existsSync(dir))
          for (const f of jsonFilesUnder(dir)) if (!askedSet.has(f)) add(f, false);
      }
    }
    for (const f of asked) add(f, true);
  }
  return {
    files: [...files.values()].sort((a, b) =>
      a.display < b.display ? -1 : a.display > b.display ? 1 : 0,
    ),
    roots: [...roots],
  };
}
