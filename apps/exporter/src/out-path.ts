/**
 * Where --out must not be: under /proc, /sys or /dev (not a place for files: Node's recursive mkdir
 * loops on some of those paths), and the data being exported, a folder inside it or one holding it
 * (the export would replace the data, or be read back as data). Checked before anything is created;
 * links in the part of the path that exists are followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemRootOf } from '@encrochat-ledger/core';
import { UsageError } from './errors.js';

/** `abs` with the links of its longest existing part resolved. */
function realPath(abs: string): string {
  let existing = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return abs;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

const within = (inner: string, outer: string) => {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Throws a UsageError when --out `out` (absolute) lies under /proc, /sys or /dev: checked before anything is read or created. */
export function checkOutPath(out: string): void {
  const system = systemRootOf(out) ?? systemRootOf(realPath(out));
  if (system)
    throw new UsageError(
      `--out ${out} is under ${system}, which holds no files of yours; choose a folder of your own`,
    );
}

/** Throws a UsageError when --out `out` is, holds or lies inside `input` (the data folder or bundle exported, once it has been found to be one). */
export function checkOutOutside(out: string, input: string): void {
  const real = realPath(out);
  const data = realPath(input);
  if (within(real, data) || within(data, real))
    throw new UsageError(
      `--out ${out} ${within(real, data) ? (real === data ? 'is' : 'is inside') : 'holds'} the data being exported (${input}); choose a folder outside it`,
    );
}
