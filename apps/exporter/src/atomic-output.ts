/**
 * Atomic output: everything is written into a temporary folder beside the target
 * (`.<name>.tmp-<pid>-<random>`), flushed to disk, and only then moved into place. A run that
 * fails or is killed leaves the previous export untouched.
 *
 * Replacing a previous export takes two renames (old → `.<name>.old-<pid>-…`, new → target), both
 * in one synchronous step, so no JavaScript (a signal handler) runs between them. Only a crash of
 * the machine or SIGKILL between those two system calls can leave the target missing; the next run
 * then puts the old export back. Folders left by killed runs (their process is gone) are removed by
 * the next run on the same target.
 *
 * The target must be new, empty, or a previous export (it has an encrochat-ledger datapackage.json
 * and SHA256SUMS): a folder of other files is never replaced.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_PACKAGE_NAME } from './datapackage.js';
import { UsageError } from './errors.js';

const TMP = '.tmp-';
const OLD = '.old-';

/** Whether a process with this id is running (ours or anyone's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `dir` holds a previous export (or nothing). */
function isReplaceable(dir: string): boolean {
  const entries = fs.readdirSync(dir);
  if (entries.length === 0) return true;
  if (!entries.includes('SHA256SUMS') || !entries.includes('datapackage.json')) return false;
  try {
    const descriptor = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as {
      name?: unknown;
    };
    return descriptor.name === EXPORT_PACKAGE_NAME;
  } catch {
    return false;
  }
}

function cannotWrite(out: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const parent = path.dirname(out);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return new UsageError(
        `--out ${out}: no permission to write in ${parent}; choose a folder you can write to`,
      );
    case 'EROFS':
      return new UsageError(
        `--out ${out}: ${parent} is on a read-only file system; choose a writable folder`,
      );
    case 'ENOTDIR':
      return new UsageError(
        `--out ${out}: a part of the path is a file, not a folder; choose another path`,
      );
    case 'ENOSPC':
      return new UsageError(`--out ${out}: the disk is full; free space or choose another disk`);
    default:
      return new UsageError(
        `--out ${out}: cannot write there (${code ?? (error as Error).message}); choose another folder`,
      );
  }
}

export class AtomicOutput {
  private done = false;

  private constructor(
    /** The target folder (absolute). */
    readonly outDir: string,
    /** The temporary folder to write into. */
    readonly tempDir: string,
  ) {}

  /**
   * Checks the target, tidies what killed runs left beside it, and creates the temporary folder.
   * Throws a UsageError (exit 2) when the target cannot be written or must not be replaced.
   */
  static prepare(outDir: string): AtomicOutput {
    const out = path.resolve(outDir);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(out);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw cannotWrite(out, error);
      if (code !== 'ENOENT') throw cannotWrite(out, error);
    }
    if (stat && !stat.isDirectory())
      throw new UsageError(
        `--out ${out} is a file; give a folder (it is created, or replaced if it holds a previous export)`,
      );
    if (stat && !isReplaceable(out))
      throw new UsageError(
        `--out ${out} is a folder that is not an encrochat-ledger export; choose a new or empty folder, so that nothing of yours is replaced`,
      );
    const parent = path.dirname(out);
    try {
      fs.mkdirSync(parent, { recursive: true });
    } catch (error) {
      throw cannotWrite(out, error);
    }
    AtomicOutput.tidy(out);
    let tempDir: string;
    try {
      // mkdir rather than mkdtemp: the folder gets the usual mode (0777 less the umask), not 0700.
      tempDir = path.join(
        parent,
        `.${path.basename(out)}${TMP}${process.pid}-${crypto.randomBytes(6).toString('hex')}`,
      );
      fs.mkdirSync(tempDir);
    } catch (error) {
      throw cannotWrite(out, error);
    }
    return new AtomicOutput(out, tempDir);
  }

  /**
   * Removes temporary folders of runs that are gone, and puts back a previous export that a run
   * killed between its two renames left aside.
   */
  static tidy(outDir: string): void {
    const parent = path.dirname(outDir);
    const prefix = `.${path.basename(outDir)}`;
    let entries: string[];
    try {
      entries = fs.readdirSync(parent);
    } catch {
      return;
    }
    for (const entry of entries.sort()) {
      if (!entry.startsWith(prefix)) continue;
      const rest = entry.slice(prefix.length);
      const kind = rest.startsWith(TMP) ? TMP : rest.startsWith(OLD) ? OLD : null;
      if (!kind) continue;
      const pid = Number(rest.slice(kind.length).split('-')[0]);
      if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
      const full = path.join(parent, entry);
      if (kind === OLD && !fs.existsSync(outDir)) fs.renameSync(full, outDir);
      else fs.rmSync(full, { recursive: true, force: true });
    }
  }

  /** Flushes the temporary folder to disk and moves it into place, replacing a previous export. */
  commit(): void {
    if (this.done) throw new Error('AtomicOutput: already committed or aborted');
    syncTree(this.tempDir);
    const parent = path.dirname(this.outDir);
    if (fs.existsSync(this.outDir)) {
      if (!isReplaceable(this.outDir))
        throw new UsageError(
          `--out ${this.outDir} changed during the export and is no longer an encrochat-ledger export; nothing was replaced`,
        );
      const aside = path.join(
        parent,
        `.${path.basename(this.outDir)}${OLD}${process.pid}-${crypto.randomBytes(4).toString('hex')}`,
      );
      fs.renameSync(this.outDir, aside);
      try {
        fs.renameSync(this.tempDir, this.outDir);
      } catch (error) {
        fs.renameSync(aside, this.outDir);
        throw error;
      }
      this.done = true;
      fs.rmSync(aside, { recursive: true, force: true });
    } else {
      fs.renameSync(this.tempDir, this.outDir);
      this.done = true;
    }
    syncDir(parent);
  }

  /** Removes the temporary folder (synchronous, so a signal handler can call it). */
  abort(): void {
    if (this.done) return;
    this.done = true;
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }
}

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders; the files themselves are synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** fsyncs every file and folder under `dir`. */
function syncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else {
      const fd = fs.openSync(full, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
  syncDir(dir);
}
