/**
 * The export's output folder: core's AtomicOutput (written beside the target, flushed to disk, and
 * only then moved into place; a run that fails or is killed leaves the previous export untouched),
 * with the export's rules. The target must be new, empty, or a previous export (it has an
 * encrochat-ledger datapackage.json and SHA256SUMS): a folder of other files is never replaced.
 * Every file is fsynced before the move: an export of a million claims takes a minute to write again.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AtomicOutput as CoreAtomicOutput,
  cannotWriteMessage,
  type OutputRules,
} from '@encrochat-ledger/core';
import { EXPORT_PACKAGE_NAME } from './datapackage.js';
import { UsageError } from './errors.js';

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

const EXPORT_RULES: OutputRules = {
  writer: 'export',
  whyNotReplaceable: (dir) =>
    isReplaceable(dir) ? null : 'is no longer an encrochat-ledger export',
  fsync: true,
  usageError: (message) => new UsageError(message),
};

export class AtomicOutput extends CoreAtomicOutput {
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
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new UsageError(cannotWriteMessage(out, error));
    }
    if (stat && !stat.isDirectory())
      throw new UsageError(
        `--out ${out} is a file; give a folder (it is created, or replaced if it holds a previous export)`,
      );
    if (stat && !isReplaceable(out))
      throw new UsageError(
        `--out ${out} is a folder that is not an encrochat-ledger export; choose a new or empty folder, so that nothing of yours is replaced`,
      );
    return new AtomicOutput(out, EXPORT_RULES);
  }
}
