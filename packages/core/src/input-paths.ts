/**
 * What a path given to a tool as its input may be: a data folder (or a folder inside one), or a
 * regular file (a record or a bundle). Everything else is refused before anything is opened or
 * walked, with one line naming the path: a FIFO (opening it waits for a writer forever), a device
 * (`/dev/zero` never ends), anything under /proc, /sys or /dev (`/proc/self/mem` is a "regular"
 * file of size 0 that cannot be read; `/proc/self/root` is the whole file system, /proc included),
 * and a folder that is no data folder (walking it would read every JSON file below it).
 *
 * And where a tool's output folder lies, for the checks that keep it out of the data and out of
 * /proc, /sys and /dev: `realPathOf` (the folder may not exist yet) and `isWithin`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { collectionNames } from './collections.js';
import { UsageError } from './usage-error.js';

/** Where the kernel shows processes, devices and itself: never data, and not safe to read or walk. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev'];

/** The system root a path lies under, or null. */
export function systemRootOf(abs: string): string | null {
  return SYSTEM_ROOTS.find((root) => abs === root || abs.startsWith(`${root}/`)) ?? null;
}

/** Whether `inner` is `outer` or lies inside it (both absolute and resolved). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The real path of `p` (made absolute) where only part of it exists yet, as an output folder's:
 * its longest existing part with links resolved, and the rest appended.
 */
export function realPathOf(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const parent = path.dirname(at);
      if (parent === at) return path.resolve(p);
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/** What a file system entry is, in words, when it is neither a regular file nor a folder. */
export function specialKind(stats: fs.Stats | fs.Dirent): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const GIVE = 'give a data folder, a record file or a bundle (data.json)';

/** The error of a file system call on `shown`, as one line with the fix. */
export function unreadable(shown: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UsageError(`no such file or folder: ${shown}`);
  if (code === 'EACCES' || code === 'EPERM')
    return new UsageError(`cannot read ${shown}: permission denied; check its permissions`);
  if (code === 'ERR_FS_FILE_TOO_LARGE')
    return new UsageError(`cannot read ${shown}: it is larger than 2 GiB; ${GIVE}`);
  return new UsageError(`cannot read ${shown} (${code ?? (error as Error).message}); ${GIVE}`);
}

/**
 * Whether the input `abs` (shown as `shown`) is a folder or a file; throws a UsageError naming it
 * for anything else. Links given on the command line are followed (the user named them), but not
 * into /proc, /sys or /dev.
 */
export function inputKind(abs: string, shown: string): 'folder' | 'file' {
  let real: string;
  let stats: fs.Stats;
  try {
    const system = systemRootOf(abs);
    if (system) throw new UsageError(`${shown} is under ${system}, not data; ${GIVE}`);
    real = fs.realpathSync(abs);
    stats = fs.statSync(real);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadable(shown, error);
  }
  const system = systemRootOf(real);
  if (system) throw new UsageError(`${shown} leads to ${real}, under ${system}, not data; ${GIVE}`);
  if (stats.isFile()) return 'file';
  if (!stats.isDirectory()) throw new UsageError(`${shown} is ${specialKind(stats)}; ${GIVE}`);
  return 'folder';
}

/**
 * Refuses a folder that is neither a data folder nor inside one (found by `dataRoot`): it would be
 * walked whole, every JSON file below it reported as outside any collection (or, for `/`, forever).
 */
export function refuseStrayFolder(shown: string, dataRoot: string | null): void {
  if (dataRoot !== null) return;
  throw new UsageError(
    `${shown} is not a data folder: it holds none of the collection folders (${collectionNames.map((c) => `${c}/`).join(', ')}) and is not inside one; ${GIVE}`,
  );
}
