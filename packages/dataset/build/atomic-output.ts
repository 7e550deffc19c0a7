/**
 * The build's output, written atomically, as the exporter writes its own: everything goes into a
 * temporary folder beside `--out` (`.<name>.tmp-<pid>-<random>`), which replaces `--out` only once
 * complete. Replacing a previous build takes two renames (old → `.<name>.old-<pid>-<random>`, new →
 * `--out`) in one synchronous step, so no signal handler runs between them; the old one is then
 * deleted. A build that fails or is stopped by a signal removes its temporary folder and leaves
 * `--out` as it was. One killed outright (SIGKILL) leaves its temporary folder, which the next
 * build to the same `--out` removes (its process is gone), putting back a previous build left
 * aside between the two renames.
 *
 * Unlike the exporter's, the files are not fsynced: they are rebuilt from data/ in seconds, and a
 * build of a million claims would wait on the disk for no gain against a killed process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '@encrochat-ledger/core';
import { checkOutDir, whyNotReplaceable, writeMarker } from './out-dir.js';

const TMP = '.tmp-';
const OLD = '.old-';

/** The outputs being written, for the signal handlers. */
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

export class AtomicOutput {
  private done = false;

  private constructor(
    readonly outDir: string,
    /** Where to write; it becomes `outDir` on `commit()`. */
    readonly tempDir: string,
  ) {}

  /**
   * Checks `outDir` (see out-dir.ts), tidies what killed builds left beside it, and creates the
   * temporary folder. Throws a UsageError when the build must not write there.
   */
  static prepare(outDir: string, dataRoot: string): AtomicOutput {
    const out = path.resolve(outDir);
    checkOutDir(out, dataRoot);
    const parent = path.dirname(out);
    const tempDir = path.join(
      parent,
      `.${path.basename(out)}${TMP}${process.pid}-${crypto.randomBytes(6).toString('hex')}`,
    );
    try {
      fs.mkdirSync(parent, { recursive: true });
      AtomicOutput.tidy(out);
      fs.mkdirSync(tempDir);
    } catch (error) {
      throw new UsageError(
        `--out ${out}: cannot write beside it in ${parent} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); choose a folder you can write to`,
      );
    }
    const output = new AtomicOutput(out, tempDir);
    open.add(output);
    return output;
  }

  /**
   * Checks `outDir` (see out-dir.ts) and tidies what killed builds left beside it, so that a build
   * that then fails on its data has still put back a previous build left aside. Throws a UsageError
   * when the build must not write there.
   */
  static check(outDir: string, dataRoot: string): void {
    const out = path.resolve(outDir);
    checkOutDir(out, dataRoot);
    AtomicOutput.tidy(out);
  }

  /** Removes the temporary folders of builds that are gone, and puts back a build one left aside. */
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

  /** Marks the output as a build's, and moves it into place, replacing a previous build. */
  commit(): void {
    if (this.done) throw new Error('AtomicOutput: already committed or aborted');
    writeMarker(this.tempDir);
    if (fs.existsSync(this.outDir)) {
      const why = whyNotReplaceable(this.outDir);
      if (why)
        throw new UsageError(
          `--out ${this.outDir} changed during the build and ${why}; nothing was replaced`,
        );
      const aside = path.join(
        path.dirname(this.outDir),
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
  }

  /** Removes the temporary folder, unless committed (synchronous, so a signal handler can call it). */
  abort(): void {
    if (this.done) return;
    this.finish();
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  private finish(): void {
    this.done = true;
    open.delete(this);
  }
}

/** Aborts every output being written (for SIGINT, SIGTERM, SIGHUP); the folders they would have replaced. */
export function abortOutputs(): string[] {
  const aborted = [...open].map((output) => output.outDir);
  for (const output of open) output.abort();
  return aborted;
}
