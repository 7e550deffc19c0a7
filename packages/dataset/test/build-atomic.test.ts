/**
 * The build's writes are atomic: a build that fails (bad data, --out changed meanwhile) or is
 * stopped (SIGTERM, SIGKILL) leaves the previous build byte-identical, and the temporary folder it
 * wrote is removed (at once, or by the next build when the process was killed outright). Real
 * processes and the real build function, on real folders.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '@encrochat-ledger/core';
import { claim, source, SOURCE_ID, validFiles, writeDataFolder } from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../build/build.js';
import { DataError } from '../build/load-data.js';
import { filesOf, runBuild, startBuild, tempDir } from './build-cli.js';

/** A folder holding a data folder (`data`) and a previous build of it (`out`), nothing else. */
async function withPreviousBuild(name: string) {
  const dir = tempDir(name);
  const data = writeDataFolder(path.join(dir, 'data'), validFiles());
  const out = path.join(dir, 'out');
  await buildDataset({ dataRoot: data, outDir: out, bundleOnly: true });
  return { dir, data, out, before: filesOf(out) };
}

/** The entries of `dir` other than the data folder and the output: temporary folders left behind. */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f !== 'data' && f !== 'out');

/** Resolves with the temporary folder's name once the running build has made it beside `out`. */
function temporaryFolderOf(out: string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const prefix = `.${path.basename(out)}.tmp-${child.pid}-`;
    const timer = setInterval(() => {
      const found = fs.readdirSync(path.dirname(out)).find((f) => f.startsWith(prefix));
      if (found) {
        clearInterval(timer);
        resolve(found);
      }
    }, 5);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`the build ended (exit ${code}) before its temporary folder was seen`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

/** The id of a process that has ended. */
function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ['-e', '']);
  expect(status).toBe(0);
  return pid!;
}

describe('a build that fails', () => {
  it('on bad data leaves the previous build byte-identical and nothing beside it (the CLI)', async () => {
    const { dir, data, out, before } = await withPreviousBuild('atomic-bad-data');
    writeDataFolder(data, {
      [`sources/${SOURCE_ID}.json`]: source(SOURCE_ID, [
        claim(SOURCE_ID, 'uk-arrests', { quote: 'Police made 746\u0000 arrests.' }),
      ]),
    });
    const run = runBuild(['--data', data, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/hostile-source\.json at \/claims\/0\/quote .*NUL/);
    expect(run.stderr).toContain('nothing was written');
    expect(filesOf(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('because --out gained a file of someone else meanwhile replaces nothing and removes its temporary folder', async () => {
    const { dir, data, out } = await withPreviousBuild('atomic-changed');
    // The full build awaits esbuild between making its temporary folder and replacing --out: the
    // check below runs then.
    let added = false;
    const watch = setInterval(() => {
      if (!added && fs.readdirSync(dir).some((f) => f.startsWith('.out.tmp-'))) {
        fs.writeFileSync(path.join(out, 'notes.txt'), 'mine\n');
        added = true;
      }
    }, 1);
    const error = await buildDataset({ dataRoot: data, outDir: out }).catch((e: unknown) => e);
    clearInterval(watch);
    expect(added).toBe(true);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(
      /changed during the build and holds a file the build did not write \(notes\.txt\).*; nothing was replaced$/,
    );
    expect(fs.readFileSync(path.join(out, 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(out, 'index.js'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a build that is stopped', () => {
  it('by SIGTERM removes its temporary folder and leaves the previous build byte-identical', async () => {
    const { dir, data, out, before } = await withPreviousBuild('atomic-sigterm');
    const child = startBuild(['--data', data, '--out', out]);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const ended = exited(child);
    await temporaryFolderOf(out, child);
    child.kill('SIGTERM');
    expect(await ended).toEqual({ code: 143, signal: null });
    expect(stderr).toBe(`dataset build: stopped by SIGTERM; ${out} left as it was\n`);
    expect(filesOf(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('by SIGKILL leaves the previous build byte-identical; the next build removes what it left', async () => {
    const { dir, data, out, before } = await withPreviousBuild('atomic-sigkill');
    const child = startBuild(['--data', data, '--out', out]);
    const ended = exited(child);
    const temporary = await temporaryFolderOf(out, child);
    child.kill('SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
    expect(filesOf(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([temporary]);

    const next = runBuild(['--data', data, '--out', out, '--bundle-only']);
    expect(next.status, next.stderr).toBe(0);
    expect(filesOf(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });

  it('between its two renames has its previous build put back by the next build; a running build’s folder is left alone', async () => {
    const { dir, data, out, before } = await withPreviousBuild('atomic-aside');
    // What a build killed between `out → .out.old-…` and `.out.tmp-… → out` leaves.
    fs.renameSync(out, path.join(dir, `.out.old-${deadPid()}-0a0b`));
    // A folder of a build still running (this test's process) is not touched.
    const running = `.out.tmp-${process.pid}-0c0d`;
    fs.mkdirSync(path.join(dir, running));
    // The next build puts the previous build back first, even when it then fails on its data.
    fs.writeFileSync(path.join(data, 'places', 'broken.json'), '{');
    const failed = await buildDataset({ dataRoot: data, outDir: out, bundleOnly: true }).catch(
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(DataError);
    expect(filesOf(out)).toEqual(before);
    expect(leftovers(dir)).toEqual([running]);
  });
});
