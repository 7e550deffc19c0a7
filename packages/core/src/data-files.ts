/**
 * The files to read — a data folder, collection folders, single files or a built bundle. Files inside
 * a data folder are read with the whole folder, so that references resolve, but only the files asked
 * for are reported. Folders are walked in name order, the exceptions file at the top of a data
 * folder left out. Symbolic links, FIFOs, sockets, devices and folders named like a record inside
 * them are never opened: each becomes a `special` entry that a file check reports (a link would
 * bring in a record from outside the folder; a FIFO would block the reader forever). What a path
 * given as input may be is input-paths.ts's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames, isCollection, type CollectionName } from './collections.js';
import { inputKind, refuseStrayFolder, specialKind, unreadable } from './input-paths.js';
import { UsageError } from './usage-error.js';

export { UsageError };

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
  /**
   * What the entry is when it is no regular file ("a symbolic link to …", "a FIFO (named pipe)", "a
   * folder named like a record file"): it is not opened, its bytes are empty, and a check reports it.
   */
  special?: string;
}

export interface Inputs {
  files: DataFile[];
  /** Data roots involved (for the exceptions file and the archive default). */
  roots: string[];
}

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
    return (this.cached ??= readBytes(this.abs, this.display));
  }

  drop(): void {
    this.cached = undefined;
  }
}

/** A file's bytes; a failure (permission, I/O) is a UsageError naming the file. */
function readBytes(abs: string, display: string): Buffer {
  try {
    return fs.readFileSync(abs);
  } catch (error) {
    throw unreadable(display, error);
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

/** An entry found under a folder: a `.json` file, or something the reader must not open (`special` says what). */
interface Entry {
  abs: string;
  special: string | null;
}

/** What a link points to, for the message (its target as written). */
function linkTarget(abs: string): string {
  try {
    return `a symbolic link to ${fs.readlinkSync(abs)}`;
  } catch {
    return 'a symbolic link';
  }
}

/**
 * The `.json` files under a folder, in name order, and every entry that is neither a file nor a
 * folder (whatever its name), and folders named `*.json`. Nothing is followed or opened.
 */
function* entriesUnder(dir: string): Generator<Entry> {
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const abs = path.join(dir, entry.name);
    if (entry.isFile()) {
      if (entry.name.endsWith('.json')) yield { abs, special: null };
    } else if (entry.isDirectory()) {
      if (entry.name.endsWith('.json')) yield { abs, special: 'a folder named like a record file' };
      else yield* entriesUnder(abs);
    } else yield { abs, special: entry.isSymbolicLink() ? linkTarget(abs) : specialKind(entry) };
  }
}

export interface CollectOptions {
  /** Read every file's bytes now and keep them (default), or read them when first needed (see `dropBytes`). */
  keepBytes?: boolean;
}

/**
 * One file to read, on its own (its collection from its folder's name). A `special` entry (see
 * DataFile) is never opened. A file given by the user is checked with `inputKind` first.
 */
export function dataFile(
  abs: string,
  cwd = process.cwd(),
  {
    keepBytes = true,
    reported = true,
    special = null,
  }: CollectOptions & { reported?: boolean; special?: string | null } = {},
): DataFile {
  const folder = path.basename(path.dirname(abs));
  const collection = isCollection(folder) ? folder : null;
  const display = displayPath(abs, cwd);
  if (special !== null)
    return { abs, display, collection, bytes: Buffer.alloc(0), reported, special };
  return keepBytes
    ? { abs, display, collection, bytes: readBytes(abs, display), reported }
    : new FileOnDisk(abs, display, collection, reported);
}

/**
 * Collects the files to read (default: `data`). Throws UsageError for a path that does not exist,
 * is not a folder or a regular file, lies under /proc, /sys or /dev, or is a folder outside any data
 * folder (see input-paths.ts).
 */
export function collectInputs(
  targets: readonly string[],
  cwd = process.cwd(),
  { keepBytes = true }: CollectOptions = {},
): Inputs {
  const files = new Map<string, DataFile>();
  const roots = new Set<string>();
  const add = ({ abs, special }: Entry, reported: boolean) => {
    const existing = files.get(abs);
    if (existing) {
      existing.reported ||= reported;
      return;
    }
    files.set(abs, dataFile(abs, cwd, { keepBytes, reported, special }));
  };
  for (const target of targets.length ? targets : ['data']) {
    const abs = path.resolve(cwd, target);
    const folder = inputKind(abs, target) === 'folder';
    const root = dataRootOf(abs);
    if (folder) refuseStrayFolder(target, root);
    const asked: Entry[] = folder
      ? [...entriesUnder(abs)].filter(
          (f) => path.basename(f.abs) !== EXCEPTIONS_FILE || !isDataRoot(path.dirname(f.abs)),
        )
      : [{ abs, special: null }];
    if (root) {
      roots.add(root);
      const askedSet = new Set(asked.map((f) => f.abs));
      for (const c of collectionNames) {
        const dir = path.join(root, c);
        const stats = fs.lstatSync(dir, { throwIfNoEntry: false });
        if (!stats || stats.isFile()) continue;
        // A collection folder that is a link is reported, not followed, like any link inside data/.
        const context = stats.isDirectory()
          ? entriesUnder(dir)
          : [{ abs: dir, special: stats.isSymbolicLink() ? linkTarget(dir) : specialKind(stats) }];
        for (const f of context) if (!askedSet.has(f.abs)) add(f, false);
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
