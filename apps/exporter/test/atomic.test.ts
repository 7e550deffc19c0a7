/**
 * Atomic output: a run killed halfway (SIGTERM, SIGINT, SIGKILL) or failing halfway leaves the
 * previous export intact and no partial file; bad targets are refused with one line and exit 2.
 *
 * The kill tests run the CLI with test/slow-writes.mjs preloaded, which makes every written file
 * close late, so the process is reliably killed in the middle of the export; the exporter itself
 * has no hook for it. How a folder set aside by a run killed between its two renames is put back
 * is tested with the class itself, in core (packages/core/test/atomic-output.test.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataset } from '@encrochat-ledger/dataset';
import { appRoot, cliPath, runCli, snapshot, tempDir } from './helpers.js';

/** Node's arguments that run the CLI with its file writes slowed down (see slow-writes.mjs). */
const slowCli = [
  '--import',
  pathToFileURL(path.join(appRoot, 'test', 'slow-writes.mjs')).href,
  cliPath,
];

const tmp = tempDir('atomic');
const out = path.join(tmp.dir, 'export');
let previous: Record<string, string>;

beforeAll(() => {
  const result = runCli(['--out', out]);
  expect(result.status, result.stderr).toBe(0);
  previous = snapshot(out);
  expect(Object.keys(previous).length).toBeGreaterThan(20);
});
afterAll(() => tmp.remove());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Temporary or set-aside folders of runs on `out`, beside it. */
const leftovers = () => fs.readdirSync(tmp.dir).filter((e) => e.startsWith('.export'));

/** Starts a slowed-down export and resolves once it has written at least `files` files into its temporary folder. */
async function startSlowExport(files: number) {
  const child = spawn(process.execPath, [...slowCli, '--out', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    const temp = leftovers().find((e) => e.startsWith(`.export.tmp-${child.pid}-`));
    if (temp) {
      const written = fs
        .readdirSync(path.join(tmp.dir, temp))
        .filter((f) => f.endsWith('.csv') || f.endsWith('.parquet'));
      if (written.length >= files) return { child, exited, stderr: () => stderr, temp, written };
    }
    if (child.exitCode !== null)
      throw new Error(`the export ended before it could be killed: ${stderr}`);
    if (Date.now() > deadline) throw new Error('the export did not start writing within 60 s');
    await sleep(20);
  }
}

describe('a run killed mid-export', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'by %s removes its temporary folder and leaves the previous export intact',
    async (signal, code) => {
      const run = await startSlowExport(3);
      expect(run.written.length).toBeLessThan(26); // mid-run: not every table file yet
      run.child.kill(signal);
      const { code: exitCode } = await run.exited;
      expect(exitCode, run.stderr()).toBe(code);
      expect(run.stderr()).toBe(
        `encrochat-ledger-export: interrupted by ${signal}; nothing was changed\n`,
      );
      expect(snapshot(out)).toEqual(previous);
      expect(leftovers()).toEqual([]);
    },
  );

  it('by SIGKILL leaves the previous export intact with no partial file; the next run removes the orphaned folder', async () => {
    const run = await startSlowExport(3);
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    expect(snapshot(out)).toEqual(previous);
    // A killed process cannot clean up: its temporary folder stays beside the export, never inside it.
    expect(leftovers()).toEqual([run.temp]);
    const next = runCli(['--out', out]);
    expect(next.status, next.stderr).toBe(0);
    expect(leftovers()).toEqual([]);
    expect(snapshot(out)).toEqual(previous);
  });
});

describe('a run that fails mid-export', () => {
  it('exits 1 with one line naming the table and column, and leaves the previous export intact', () => {
    // A fork whose source has an author containing the list delimiter: the sources table fails after claims are written.
    const input = path.join(tmp.dir, 'input-bad-author.json');
    const bundle = structuredClone(dataset);
    bundle.sources[0]!.authors = ['Doe; Jane'];
    fs.writeFileSync(input, JSON.stringify(bundle));
    const result = runCli(['--out', out, '--dataset', input]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^encrochat-ledger-export: table sources, row [^\n]+, column authors: list item "Doe; Jane" contains the list delimiter ";"\n$/,
    );
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers()).toEqual([]);
  });
});

describe('a --dataset bundle that changes during the export', () => {
  it('fails with one line, because the tables would come from different data, and leaves the previous export intact', async () => {
    const input = path.join(tmp.dir, 'input-changing.json');
    fs.writeFileSync(input, JSON.stringify(dataset));
    const child = spawn(process.execPath, [...slowCli, '--out', out, '--dataset', input], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // Once the export has started writing, the bundle is rewritten (same bytes, a new file).
    for (
      const deadline = Date.now() + 60_000;
      !leftovers().some((e) => e.startsWith(`.export.tmp-${child.pid}-`));
      await sleep(20)
    )
      if (Date.now() > deadline) throw new Error('the export did not start');
    fs.writeFileSync(`${input}.new`, JSON.stringify(dataset));
    fs.renameSync(`${input}.new`, input);
    expect(await exited).toBe(1);
    expect(stderr).toMatch(
      /^encrochat-ledger-export: --dataset \S+input-changing\.json changed while it was being exported \(it is read more than once\); run again once it no longer changes\n$/,
    );
    expect(snapshot(out)).toEqual(previous);
    expect(leftovers()).toEqual([]);
  });
});

/**
 * Fails with the reason, not a puzzling exit code, when the checkout is in a folder `uid` may not
 * enter (a clone under a 0700 temporary folder, say): the test then cannot run the CLI as `uid`.
 */
function expectReadableBy(uid: number, file: string): void {
  const read = spawnSync(
    process.execPath,
    ['-e', 'require("fs").accessSync(process.argv[1], 4)', file],
    {
      uid,
      gid: uid,
      cwd: '/',
    },
  );
  if (read.status !== 0)
    throw new Error(
      `${file} is not readable by uid ${uid}, which this test runs the CLI as because root may write anywhere: run the tests from a checkout every user may read (chmod o+rx on its folders), or as a user other than root`,
    );
}

describe('the target folder', () => {
  const expectOneLine = (result: ReturnType<typeof runCli>, pattern: RegExp) => {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(pattern);
  };

  it('--out pointing at a file: one line, exit 2, the file untouched', () => {
    const file = path.join(tmp.dir, 'input-a-file.txt');
    fs.writeFileSync(file, 'mine');
    expectOneLine(
      runCli(['--out', file]),
      /^encrochat-ledger-export: --out .*input-a-file\.txt is a file; give a folder/,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  it('--out inside a file: one line, exit 2', () => {
    fs.writeFileSync(path.join(tmp.dir, 'input-plain'), 'x');
    expectOneLine(
      runCli(['--out', path.join(tmp.dir, 'input-plain', 'sub')]),
      /^encrochat-ledger-export: --out .*: a part of the path is a file, not a folder/,
    );
  });

  it('a folder of other files is never replaced: one line, exit 2, nothing touched', () => {
    const mine = path.join(tmp.dir, 'input-mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'notes.txt'), 'keep me');
    expectOneLine(
      runCli(['--out', mine]),
      /is a folder that is not an encrochat-ledger export; choose a new or empty folder/,
    );
    expect(fs.readdirSync(mine)).toEqual(['notes.txt']);
  });

  it('an unwritable folder: one line, exit 2, nothing written', () => {
    const locked = path.join(tmp.dir, 'input-locked');
    fs.chmodSync(tmp.dir, 0o755); // others may look inside, so the only obstacle is the locked folder
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    // root may write anywhere: run the CLI as nobody (65534) then, who must be able to read it.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asUser.uid !== undefined) expectReadableBy(asUser.uid, cliPath);
    const result = runCli(['--out', path.join(locked, 'export')], { ...asUser, cwd: '/' });
    expectOneLine(
      result,
      /^encrochat-ledger-export: --out .*input-locked\/export: no permission to write in .*input-locked; choose a folder you can write to\n$/,
    );
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('a previous export is replaced as a whole (no file of the old one survives)', () => {
    const target = path.join(tmp.dir, 'input-replace');
    expect(runCli(['--out', target, '--format', 'csv']).status).toBe(0);
    expect(fs.readdirSync(target).some((f) => f.endsWith('.csv'))).toBe(true);
    const again = runCli(['--out', target, '--format', 'parquet']);
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readdirSync(target).filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(fs.readdirSync(target).filter((f) => f.endsWith('.parquet'))).toHaveLength(14);
    expect(fs.readdirSync(tmp.dir).filter((e) => e.startsWith('.input-replace'))).toEqual([]);
  });
});
