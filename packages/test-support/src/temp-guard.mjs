/**
 * The guard of a test run's temporary files, as a vitest `globalSetup`: the run gets a temporary
 * folder of its own, `<os.tmpdir()>/ecl-test-<package>-XXXXXX`, set as TMPDIR (and TMP and TEMP,
 * which `os.tmpdir()` reads on Windows) before the test workers start, so the tests, their helpers,
 * the tools they run and the browsers they launch all write there. When the run ends the folder must
 * be empty: whatever is left fails the run, listed, and is then removed with the folder (the guard
 * made it). Why: `npm test` once left thousands of folders in /tmp per run, and a disk went down to
 * 287 MB free.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeTree } from './remove-tree.mjs';

const TMP_VARIABLES = ['TMPDIR', 'TMP', 'TEMP'];
/** Names the temporary folder the outermost guarded run started with. */
export const SYSTEM_TMPDIR_VARIABLE = 'ECL_SYSTEM_TMPDIR';
/** Groups shown in the failure at most; the rest are counted. */
const SHOWN = 20;

/**
 * Caches that tools keep in the temporary folder on purpose, one folder shared by every run: the
 * run's folder links each to its usual place, so that it stays warm and is not counted as left
 * behind. `tsx-<uid>`: tsx's compile cache; without it, each `node --import tsx` the tests start
 * (some 70 per `npm test`: the dataset build, the release script) took about 3 s more on a loaded
 * 2-core machine (4.9 s against 7.9 s for `build/build.ts --help`).
 */
export function sharedCaches() {
  return [`tsx-${os.userInfo().uid}`];
}

/**
 * The system's temporary folder even inside a guarded run: for a cache meant to outlive the run
 * (the Chromium that @sparticuz/chromium unpacks, 190 MB, reused by every run), never for a test's
 * own files.
 */
export function systemTmpdir() {
  return process.env[SYSTEM_TMPDIR_VARIABLE] || os.tmpdir();
}

export default function setup(project) {
  const outer = os.tmpdir();
  const name = path.basename(project?.config?.root ?? process.cwd());
  const dir = fs.mkdtempSync(path.join(outer, `ecl-test-${name}-`));
  // Other users may enter it, as they may enter /tmp (mkdtemp makes it 0700): the exporter's tests
  // run it as nobody to meet an unwritable folder, which must be the only obstacle on the way.
  fs.chmodSync(dir, 0o755);
  const saved = [...TMP_VARIABLES, SYSTEM_TMPDIR_VARIABLE].map((v) => [v, process.env[v]]);
  process.env[SYSTEM_TMPDIR_VARIABLE] ||= outer;
  for (const v of TMP_VARIABLES) process.env[v] = dir;
  const links = sharedCaches();
  for (const cache of links) {
    fs.mkdirSync(path.join(systemTmpdir(), cache), { recursive: true });
    // 'junction': a link to a folder that Windows makes without special rights (ignored elsewhere).
    fs.symlinkSync(path.join(systemTmpdir(), cache), path.join(dir, cache), 'junction');
  }
  return function teardown() {
    for (const [v, value] of saved) {
      if (value === undefined) delete process.env[v];
      else process.env[v] = value;
    }
    const left = fs.readdirSync(dir).filter((entry) => !isLink(path.join(dir, entry), links));
    if (left.length) {
      // Not thrown: vitest logs an error thrown at teardown with its stack, and still exits with 0.
      console.error(leftoverReport(name, dir, left));
      process.exitCode = 1;
    }
    removeTree(dir);
  };
}

/** One of the guard's links to a shared cache, still a link (removing it leaves the cache). */
function isLink(entry, links) {
  return links.includes(path.basename(entry)) && fs.lstatSync(entry).isSymbolicLink();
}

/** The failure: what was left, grouped by name without mkdtemp's random suffix, and the fix. */
export function leftoverReport(name, dir, entries) {
  const groups = new Map();
  for (const entry of entries) {
    const pattern = entry.replace(/(?<=[-_.])[A-Za-z0-9]{6}$/, '*');
    groups.set(pattern, (groups.get(pattern) ?? 0) + 1);
  }
  const lines = [...groups]
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .map(([pattern, count]) => `  ${pattern}${count > 1 ? ` (${count})` : ''}`);
  const hidden = lines.length - SHOWN;
  return [
    `The tests of ${name} left ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} in their temporary folder ${dir} (removed now):`,
    ...lines.slice(0, SHOWN),
    ...(hidden > 0 ? [`  … and ${hidden} more names`] : []),
    'Each test must remove what it creates, also when it fails: tempDir() from @encrochat-ledger/test-support, or an afterAll or onTestFinished hook. A tool that leaves temporary files after a normal run has a bug of its own.',
  ].join('\n');
}
