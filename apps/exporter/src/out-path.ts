/**
 * Where --out must not be: under /proc, /sys or /dev (not a place for files: Node's recursive mkdir
 * loops on some of those paths), and the data being exported, a folder inside it or one holding it
 * (the export would replace the data, or be read back as data). Checked before anything is created;
 * links in the part of the path that exists are followed.
 */
import { isWithin, realPathOf, systemRootOf } from '@encrochat-ledger/core';
import { UsageError } from './errors.js';

/** Throws a UsageError when --out `out` (absolute) lies under /proc, /sys or /dev: checked before anything is read or created. */
export function checkOutPath(out: string): void {
  const system = systemRootOf(out) ?? systemRootOf(realPathOf(out));
  if (system)
    throw new UsageError(
      `--out ${out} is under ${system}, which holds no files of yours; choose a folder of your own`,
    );
}

/** Throws a UsageError when --out `out` is, holds or lies inside `input` (the data folder or bundle exported, once it has been found to be one). */
export function checkOutOutside(out: string, input: string): void {
  const real = realPathOf(out);
  const data = realPathOf(input);
  if (isWithin(real, data) || isWithin(data, real))
    throw new UsageError(
      `--out ${out} ${isWithin(real, data) ? (real === data ? 'is' : 'is inside') : 'holds'} the data being exported (${input}); choose a folder outside it`,
    );
}
