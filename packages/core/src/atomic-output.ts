/**
 * An output folder written atomically, the one way the dataset build and the exporter write theirs:
 * everything goes into a temporary folder beside the target (`.<name>.tmp-<pid>-<random>`), which
 * replaces the target only once complete. A run that fails, or is stopped and calls `abort()`,
 * leaves the target as it was.
 *
 * Replacing a previous output takes two renames (old → `.<name>.old-<pid>-<random>`, new → target),
 * both in one synchronous step, so no JavaScript (a signal handler) runs between them. Only a crash
 * of the machine or SIGKILL between those two system calls can leave the target missing; the next
 * run on the same target then puts the old output back. Folders left by killed runs (their process
 * is gone) are removed by the next run on the same target; those of running processes are left alone.
 *
 * What a writer may replace, and whether its files are flushed to disk first, are its own rules
 * (`OutputRules`): the build's are in packages/dataset/build/out-dir.ts, the exporter's in
 * apps/exporter/src/atomic-output.ts. Each checks its target before it creates an AtomicOutput.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './usage-error.js';

const TMP = '.tmp-';
const OLD = '.old-';

/** What a writer decides about its output folder. */
export interface OutputRules {
  /** What writes the output, for messages ("--out … changed during the build and …"). */
  readonly writer: string;
  /**
   * Why the existing target `dir` must not be replaced, or null when it may be. Asked just before
   * replacing it: the writer checked the target before it started, but it may have changed since.
   */
  whyNotReplaceable(dir: string): string | null;
  /**
   * Flush every file and folder to disk before the move, and the move itself after it: for outputs
   * that are long to write again. Without it, a crash of the machine may leave files empty.
   */
  readonly fsync: boolean;
  /** Runs on the complete temporary folder just before it is moved into place (the build writes its marker there). */
  seal?(tempDir: string): void;
  /** The error for a target that cannot or must not be written (default: core's UsageError). */
  usageError?(message: string): Error;
}

/** The outputs being written, for the signal handlers (`abortAtomicOutputs`). */
const open = new Set<AtomicOutput>();

/** Whether a process with this id is running (ours or anyone's). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why `out` (absolute) cannot be written, given the error of creating or reading it, with the fix. */
export function cannotWriteMessage(out: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const parent = path.dirname(out);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `--out ${out}: no permission to write in ${parent}; choose a folder you can write to`;
    case 'EROFS':
      return `--out ${out}: ${parent} is on a read-only file system; choose a writable folder`;
    case 'ENOTDIR':
      return `--out ${out}: a part of the path is a file, not a folder; choose another path`;
    case 'ENOSPC':
      return `--out ${out}: the disk is full; free space or choose another disk`;
    default:
      return `--out ${out}: cannot write there (${code ?? (error as Error).message}); choose another folder`;
  }
}

export class AtomicOutput {
  /** The target folder (absolute). */
  readonly outDir: string;
  /** The temporary folder to write into; it becomes `outDir` on `commit()`. */
  readonly tempDir: string;
  private done = false;

  /**
   * Tidies what killed runs left beside `outDir` and creates the temporary folder. The caller has
   * checked `outDir` against its rules. Throws the rules' usage error when the folder cannot be
   * written.
   */
  constructor(
    outDir: string,
    private readonly rules: OutputRules,
  ) {
    this.outDir = path.resolve(outDir);
    const parent = path.dirname(this.outDir);
    // mkdir rather than mkdtemp: the folder gets the usual mode (0777 less the umask), not 0700.
    this.tempDir = path.join(
      parent,
      `.${path.basename(this.outDir)}${TMP}${process.pid}-${crypto.randomBytes(6).toString('hex')}`,
    );
    try {
      fs.mkdirSync(parent, { recursive: true });
      AtomicOutput.tidy(this.outDir);
      fs.mkdirSync(this.tempDir);
    } catch (error) {
      throw this.usageError(cannotWriteMessage(this.outDir, error));
    }
    open.add(this);
  }

  /**
   * Removes the temporary folders of runs that are gone, and puts back a previous output that a run
   * killed between its two renames left aside.
   */
  static tidy(outDir: string): void {
    const parent = path.dirname(outDir);
    const prefix = `.${path.basename(outDir)}`;
    let entries: string[];
    try {
      entries = fs.readdirSync(parent);
    } catch {
      return; // no parent yet: nothing to tidy
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

  /** Seals the temporary folder, flushes it when the rules say so, and moves it into place, replacing a previous output. */
  commit(): void {
    if (this.done) throw new Error('AtomicOutput: already committed or aborted');
    this.rules.seal?.(this.tempDir);
    if (this.rules.fsync) syncTree(this.tempDir);
    const parent = path.dirname(this.outDir);
    if (fs.existsSync(this.outDir)) {
      const why = this.rules.whyNotReplaceable(this.outDir);
      if (why)
        throw this.usageError(
          `--out ${this.outDir} changed during the ${this.rules.writer} and ${why}; nothing was replaced`,
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
      this.finish();
      fs.rmSync(aside, { recursive: true, force: true });
    } else {
      fs.renameSync(this.tempDir, this.outDir);
      this.finish();
    }
    if (this.rules.fsync) syncDir(parent);
  }

  /** Removes the temporary folder, unless committed (synchronous, so a signal handler can call it). */
  abort(): void {
    if (this.done) return;
    this.finish();
    // A writer still stopping (DuckDB's threads after an interrupt) may add a file while the folder
    // is being removed (ENOTEMPTY): the removal is tried again.
    fs.rmSync(this.tempDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  }

  private finish(): void {
    this.done = true;
    open.delete(this);
  }

  private usageError(message: string): Error {
    return this.rules.usageError?.(message) ?? new UsageError(message);
  }
}

/**
 * Aborts every output being written (for SIGINT, SIGTERM, SIGHUP), and returns the targets they
 * would have replaced, which are as they were.
 */
export function abortAtomicOutputs(): string[] {
  const aborted = [...open].map((output) => output.outDir);
  for (const output of open) output.abort();
  return aborted;
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
