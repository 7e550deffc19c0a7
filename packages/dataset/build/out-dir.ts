/**
 * Where the build may write. It replaces its `--out` folder whole, so it writes only where nothing
 * of anyone else's can be lost: a new folder, an empty one, or a previous build's. A previous build
 * is known by the marker file the build writes into every output, which lists the files it wrote;
 * a folder holding any other file is not replaced. Refused, each in one line naming the path and
 * the fix: the data folder, a folder inside it or containing it, a file, a symbolic link, a system
 * folder (/proc, /sys, /dev: Node's recursive mkdir loops in /proc), any other folder.
 *
 * The output is written atomically by core's AtomicOutput, with the build's rules (`BUILD_OUTPUT`):
 * it goes into a temporary folder beside `--out`, which replaces `--out` only once complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  AtomicOutput,
  isWithin,
  realPathOf,
  systemRootOf,
  UsageError,
  type OutputRules,
} from '@encrochat-ledger/core';

/** The marker of a build's output: what wrote it, and every file it wrote. */
export const BUILD_MARKER = '.encrochat-ledger-build';

const FIX = "choose an empty or new folder, or a previous build's folder";

interface Marker {
  written_by: string;
  note: string;
  files: string[];
}

/** Every file under `dir` (relative, forward slashes, sorted); links are listed, not followed. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else out.push(name);
    }
  };
  walk('');
  return out.sort();
}

/** Writes the marker into a finished output folder, listing the files in it. */
export function writeMarker(dir: string): void {
  const marker: Marker = {
    written_by: '@encrochat-ledger/dataset build',
    note: 'The build replaces this folder whole when it is given it again as --out, as long as it holds only these files.',
    files: filesUnder(dir).filter((f) => f !== BUILD_MARKER),
  };
  fs.writeFileSync(path.join(dir, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

function readMarker(dir: string): Marker | null {
  try {
    const marker = JSON.parse(fs.readFileSync(path.join(dir, BUILD_MARKER), 'utf8')) as Marker;
    return Array.isArray(marker.files) ? marker : null;
  } catch {
    return null;
  }
}

/**
 * A build written before the marker existed (0.1.0): a datapackage.json named encrochat-ledger that
 * lists data.json. The exporter's folders (also named encrochat-ledger) list no data.json.
 */
function isBuildWithoutMarker(dir: string): boolean {
  try {
    const descriptor = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8')) as {
      name?: unknown;
      resources?: { path?: unknown }[];
    };
    return (
      descriptor.name === 'encrochat-ledger' &&
      Array.isArray(descriptor.resources) &&
      descriptor.resources.some((r) => r?.path === 'data.json') &&
      fs.statSync(path.join(dir, 'data.json')).isFile()
    );
  } catch {
    return false;
  }
}

/** Why the existing folder `dir` must not be replaced, or null when it is empty or a previous build. */
export function whyNotReplaceable(dir: string): string | null {
  if (fs.readdirSync(dir).length === 0) return null;
  const marker = readMarker(dir);
  if (!marker)
    return isBuildWithoutMarker(dir)
      ? null
      : `is a folder the build did not write (not empty, and no ${BUILD_MARKER} file)`;
  const written = new Set([...marker.files, BUILD_MARKER]);
  const other = filesUnder(dir).find((f) => !written.has(f));
  return other
    ? `holds a file the build did not write (${other}), which replacing the folder would delete`
    : null;
}

/**
 * Throws a UsageError, one line naming the path and the fix, when the build must not write to
 * `outDir` (with the data read from `dataRoot`, a folder or a bundle file). Writes nothing.
 */
export function checkOutDir(outDir: string, dataRoot: string): void {
  const out = path.resolve(outDir);
  const refuse = (why: string) => new UsageError(`--out ${out} ${why}; ${FIX}`);
  const real = realPathOf(out);
  const system = systemRootOf(out) ?? systemRootOf(real);
  if (system) throw refuse(`is in ${system}, a system folder`);

  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw refuse('has a file where its path needs a folder');
    if (code !== 'ENOENT') throw refuse(`cannot be looked at (${code})`);
  }
  if (stat?.isSymbolicLink()) throw refuse('is a symbolic link');

  const data = realPathOf(dataRoot);
  if (real === data) throw refuse(`is the data (--data ${dataRoot})`);
  if (isWithin(data, real)) throw refuse(`contains the data (--data ${dataRoot})`);
  if (fs.existsSync(data) && fs.statSync(data).isDirectory() && isWithin(real, data))
    throw refuse(`is inside the data folder (--data ${dataRoot})`);

  if (!stat) return;
  if (!stat.isDirectory()) throw refuse('is a file');
  let why: string | null;
  try {
    why = whyNotReplaceable(out);
  } catch (error) {
    throw refuse(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  if (why) throw refuse(why);
}

/**
 * The build's rules for core's AtomicOutput: the marker is written last, and a folder that gained
 * another file meanwhile is not replaced. Unlike the exporter's, the files are not fsynced: they are
 * rebuilt from data/ in seconds, and a build of a million claims would wait on the disk for no gain
 * against a killed process.
 */
const BUILD_OUTPUT: OutputRules = {
  writer: 'build',
  whyNotReplaceable,
  fsync: false,
  seal: writeMarker,
};

/**
 * Checks `outDir` and tidies what killed builds left beside it, so that a build that then fails on
 * its data has still put back a previous build left aside. Throws a UsageError when the build must
 * not write there.
 */
export function checkOutput(outDir: string, dataRoot: string): void {
  checkOutDir(outDir, dataRoot);
  AtomicOutput.tidy(path.resolve(outDir));
}

/**
 * Checks `outDir` and creates the temporary folder the build writes into (tidying what killed builds
 * left beside it). Throws a UsageError when the build must not write there.
 */
export function prepareOutput(outDir: string, dataRoot: string): AtomicOutput {
  checkOutDir(outDir, dataRoot);
  return new AtomicOutput(outDir, BUILD_OUTPUT);
}
