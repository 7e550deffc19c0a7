/**
 * The build never destroys data: where it may write (`--out`) and what it reads (`--data`), on real
 * folders, with the build function (fast) and the CLI as users run it. A refusal is one line naming
 * the path and the fix (exit 2) and leaves every folder as it was; an empty or new folder, or a
 * previous build, is written.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '@encrochat-ledger/core';
import { validFiles, writeDataFolder } from '@encrochat-ledger/hostile';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../build/build.js';
import { DataError } from '../build/load-data.js';
import { BUILD_MARKER } from '../build/out-dir.js';
import { filesOf, OUT_FIX, runBuild, tempDir } from './build-cli.js';

const work = tempDir('build-args');
const data = writeDataFolder(path.join(work, 'data'), validFiles());
/** A previous build of the small data folder, copied where a case needs one. */
const previous = path.join(work, 'previous');

/** Builds the small data folder into `out` (the build function, data files only). */
const build = (out: string, dataRoot = data) =>
  buildDataset({ dataRoot, outDir: out, bundleOnly: true });

beforeAll(() => build(previous));

/** A new folder `name` under `work`, holding a copy of the previous build. */
function copyOfPrevious(name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(previous, dir, { recursive: true });
  return dir;
}

/** Expects the build to refuse `--out out` with a usage error: one line naming the path, the reason and the fix. */
async function expectRefused(out: string, reason: RegExp) {
  const error = await build(out).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  const { message } = error as UsageError;
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toContain(`--out ${path.resolve(out)} `);
  expect(message).toMatch(reason);
  expect(message).toContain(OUT_FIX);
}

/** `check` runs refusals; every file under `dir` must be as before, and nothing added. */
async function expectUntouched(dir: string, check: () => Promise<void>) {
  const before = filesOf(dir);
  await check();
  expect(filesOf(dir)).toEqual(before);
}

describe('--out is refused', () => {
  it('when it is a folder the build did not write (not empty, no marker), which is left as it was', async () => {
    const mine = path.join(work, 'mine');
    fs.mkdirSync(path.join(mine, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(mine, 'notes', 'todo.txt'), 'keep me\n');
    await expectUntouched(work, () =>
      expectRefused(mine, /is a folder the build did not write \(not empty, and no/),
    );
    // The command line says it in one line, exit 2.
    const run = runBuild(['--data', data, '--out', mine]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `dataset build: --out ${mine} is a folder the build did not write (not empty, and no ${BUILD_MARKER} file); ${OUT_FIX}\n`,
    );
  });

  it('when it is a previous build holding a file the build did not write, which is named', async () => {
    const added = copyOfPrevious('added');
    fs.writeFileSync(path.join(added, 'my-notes.md'), 'mine\n');
    await expectUntouched(work, () =>
      expectRefused(added, /holds a file the build did not write \(my-notes\.md\)/),
    );
  });

  it('when it is the data folder, contains it, or is inside it', async () => {
    await expectUntouched(work, async () => {
      await expectRefused(data, /is the data \(--data /);
      await expectRefused(work, /contains the data \(--data /);
      await expectRefused(path.join(data, 'places', 'out'), /is inside the data folder \(--data /);
    });
    expect(fs.existsSync(path.join(data, 'places', 'out'))).toBe(false);
  });

  it('when it is a file, a path through a file, or a symbolic link (even to a previous build)', async () => {
    const file = path.join(work, 'a-file.txt');
    fs.writeFileSync(file, 'not a folder\n');
    const link = path.join(work, 'link-to-previous');
    fs.symlinkSync(previous, link);
    await expectUntouched(work, async () => {
      await expectRefused(file, /is a file;/);
      await expectRefused(path.join(file, 'out'), /has a file where its path needs a folder/);
      await expectRefused(link, /is a symbolic link/);
    });
  });

  it.each([
    '/proc/self/encrochat-ledger-out',
    '/sys/encrochat-ledger-out',
    '/dev/encrochat-ledger-out',
  ])('when it is in a system folder: %s', async (out) => {
    await expectRefused(out, new RegExp(`is in /${out.split('/')[1]}, a system folder`));
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('--out is written', () => {
  it('when it is an empty folder or a new one (its parents made), with a marker listing every file it wrote', async () => {
    const empty = path.join(work, 'empty');
    fs.mkdirSync(empty);
    const fresh = path.join(work, 'new', 'deeper', 'out');
    for (const out of [empty, fresh]) {
      await build(out);
      expect(filesOf(out)).toEqual(filesOf(previous));
    }
    const marker = JSON.parse(fs.readFileSync(path.join(fresh, BUILD_MARKER), 'utf8'));
    expect(marker.files).toEqual(
      [...filesOf(fresh).keys()].filter((f) => f !== BUILD_MARKER).sort(),
    );
    expect(marker.files).toContain('data.json');
  });

  it('when it is a previous build, or one written before the marker existed, which it replaces whole', async () => {
    const again = copyOfPrevious('again');
    const old = copyOfPrevious('before-the-marker');
    fs.rmSync(path.join(old, BUILD_MARKER));
    fs.writeFileSync(path.join(old, 'index.js'), '// an entry point of a full build\n');
    for (const out of [again, old]) {
      await build(out);
      expect(filesOf(out)).toEqual(filesOf(previous));
    }
    expect(fs.readdirSync(work).filter((f) => /\.(tmp|old)-/.test(f))).toEqual([]);
  });
});

describe('--data', () => {
  it('that does not exist is an error naming it (exit 2), not an empty dataset', () => {
    const out = path.join(work, 'out-missing');
    const missing = path.join(work, 'no-such-data');
    const run = runBuild(['--data', missing, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringContaining(`--data ${missing}: no such folder`),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('that holds no record (collection folders, all empty) is an error naming the folder (exit 1)', () => {
    const empty = path.join(work, 'empty-data');
    for (const c of ['places', 'sources']) fs.mkdirSync(path.join(empty, c), { recursive: true });
    const out = path.join(work, 'out-empty');
    const run = runBuild(['--data', empty, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${empty}: no record found`);
    expect(run.stderr).toContain('nothing was written');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('whose exceptions file is a FIFO is refused without opening it (it would block forever)', async () => {
    const withFifo = path.join(work, 'fifo-data');
    fs.cpSync(data, withFifo, { recursive: true });
    const fifo = path.join(withFifo, 'validator-exceptions.json');
    execFileSync('mkfifo', [fifo]);
    const out = path.join(work, 'out-fifo');
    const error = await build(out, withFifo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toEqual([
      expect.objectContaining({
        file: fifo,
        message: expect.stringContaining('the exceptions file is not a regular file'),
      }),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });
});
