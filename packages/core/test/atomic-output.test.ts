/**
 * AtomicOutput on real folders: the target changes only on commit, whole; a refused or aborted run
 * leaves it as it was and removes its temporary folder; what killed runs leave beside the target (a
 * real process killed with SIGKILL, a previous output set aside between the two renames) is tidied
 * by the next run, and what running processes write is left alone. The exporter's and the dataset
 * build's tests run the same class through their CLIs (SIGTERM, SIGINT, SIGKILL mid-run).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  abortAtomicOutputs,
  AtomicOutput,
  cannotWriteMessage,
  type OutputRules,
} from '../src/atomic-output.js';
import { UsageError } from '../src/usage-error.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

/** A new folder holding nothing; the target of each test is `out` inside it. */
function place(): { dir: string; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecl-atomic-'));
  roots.push(dir);
  return { dir, out: path.join(dir, 'out') };
}

/** Every file under `dir` with its text, by relative path. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else out[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
  };
  walk('');
  return out;
}

/** The entries beside the target: temporary and set-aside folders. */
const beside = (dir: string) => fs.readdirSync(dir).filter((e) => e !== 'out');

/** Rules that replace any folder but one holding someone's `notes.txt`, and record what they were asked. */
function testRules(overrides: Partial<OutputRules> = {}): OutputRules & { asked: string[] } {
  const asked: string[] = [];
  return {
    writer: 'test',
    whyNotReplaceable: (dir) => {
      asked.push(dir);
      return fs.readdirSync(dir).includes('notes.txt') ? 'holds notes.txt' : null;
    },
    fsync: false,
    asked,
    ...overrides,
  };
}

/** Writes a complete output of `files` to `out` with `rules`. */
function writeOutput(out: string, files: Record<string, string>, rules = testRules()): void {
  const output = new AtomicOutput(out, rules);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(output.tempDir, name)), { recursive: true });
    fs.writeFileSync(path.join(output.tempDir, name), text);
  }
  output.commit();
}

/** The id of a process that has ended. */
function deadPid(): number {
  const { pid, status } = spawnSync(process.execPath, ['-e', '']);
  expect(status).toBe(0);
  return pid!;
}

/** The error `fn` throws (the test fails when it throws none). */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('a run', () => {
  it('writes beside the target, which appears only on commit', () => {
    const { dir, out } = place();
    const output = new AtomicOutput(path.relative(process.cwd(), out), testRules());
    expect(output.outDir).toBe(out);
    expect(path.dirname(output.tempDir)).toBe(dir);
    expect(path.basename(output.tempDir)).toMatch(
      new RegExp(`^\\.out\\.tmp-${process.pid}-[0-9a-f]{12}$`),
    );
    fs.writeFileSync(path.join(output.tempDir, 'a.txt'), 'a\n');
    expect(fs.existsSync(out)).toBe(false);
    output.commit();
    expect(filesOf(out)).toEqual({ 'a.txt': 'a\n' });
    expect(beside(dir)).toEqual([]);
  });

  it('creates the folders above the target', () => {
    const { dir } = place();
    const out = path.join(dir, 'a', 'b', 'out');
    writeOutput(out, { 'x.txt': 'x' });
    expect(filesOf(path.join(dir, 'a'))).toEqual({ 'b/out/x.txt': 'x' });
  });

  it('replaces a previous output whole: no file of the old one survives, nothing is left beside it', () => {
    const { dir, out } = place();
    writeOutput(out, { 'previous.txt': 'old', 'sub/old.txt': 'old' });
    const rules = testRules();
    writeOutput(out, { 'previous.txt': 'new', 'sub/new.txt': 'new' }, rules);
    expect(filesOf(out)).toEqual({ 'previous.txt': 'new', 'sub/new.txt': 'new' });
    expect(rules.asked).toEqual([out]);
    expect(beside(dir)).toEqual([]);
  });

  it('seals the complete temporary folder just before the move, and flushes it when the rules say so', () => {
    const { out } = place();
    const sealed: string[][] = [];
    const rules = testRules({
      fsync: true,
      seal: (tempDir) => {
        sealed.push(fs.readdirSync(tempDir));
        fs.writeFileSync(path.join(tempDir, 'marker'), 'sealed');
      },
    });
    writeOutput(out, { 'a.txt': 'a', 'deep/er/b.txt': 'b' }, rules);
    expect(sealed).toEqual([['a.txt', 'deep']]);
    expect(filesOf(out)).toEqual({ 'a.txt': 'a', 'deep/er/b.txt': 'b', marker: 'sealed' });
  });

  it('aborted, removes its temporary folder and leaves the target as it was', () => {
    const { dir, out } = place();
    writeOutput(out, { 'previous.txt': 'old' });
    const output = new AtomicOutput(out, testRules());
    fs.writeFileSync(path.join(output.tempDir, 'half.txt'), 'half');
    output.abort();
    output.abort(); // twice: nothing more happens
    expect(filesOf(out)).toEqual({ 'previous.txt': 'old' });
    expect(beside(dir)).toEqual([]);
    expect(() => output.commit()).toThrow('AtomicOutput: already committed or aborted');
  });

  it('once committed, cannot be committed again, and abort() no longer removes anything', () => {
    const { out } = place();
    const output = new AtomicOutput(out, testRules());
    fs.writeFileSync(path.join(output.tempDir, 'a.txt'), 'a');
    output.commit();
    output.abort();
    expect(filesOf(out)).toEqual({ 'a.txt': 'a' });
    expect(() => output.commit()).toThrow('AtomicOutput: already committed or aborted');
  });
});

describe('a target that changed during the run', () => {
  it('is not replaced: one line naming it, the writer and why; abort() then removes the temporary folder', () => {
    const { dir, out } = place();
    writeOutput(out, { 'previous.txt': 'old' });
    const output = new AtomicOutput(out, testRules());
    fs.writeFileSync(path.join(output.tempDir, 'new.txt'), 'new');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const error = thrown(() => output.commit());
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `--out ${out} changed during the test and holds notes.txt; nothing was replaced`,
    );
    expect(filesOf(out)).toEqual({ 'notes.txt': 'mine', 'previous.txt': 'old' });
    output.abort();
    expect(beside(dir)).toEqual([]);
  });

  it("is refused with the writer's own error class", () => {
    class ToolError extends Error {}
    const { out } = place();
    fs.mkdirSync(out);
    const output = new AtomicOutput(
      out,
      testRules({ usageError: (message) => new ToolError(message) }),
    );
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    expect(thrown(() => output.commit())).toBeInstanceOf(ToolError);
    output.abort();
  });
});

describe('a target that cannot be written', () => {
  it('under a file: one line naming it and the fix, nothing created', () => {
    const { dir } = place();
    fs.writeFileSync(path.join(dir, 'plain'), 'x');
    const out = path.join(dir, 'plain', 'sub', 'out');
    const error = thrown(() => new AtomicOutput(out, testRules()));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `--out ${out}: a part of the path is a file, not a folder; choose another path`,
    );
    expect(fs.readdirSync(dir)).toEqual(['plain']);
  });

  it('is described by the error of the system, with the fix', () => {
    const out = '/x/out';
    const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(cannotWriteMessage(out, failure('EACCES'))).toBe(
      '--out /x/out: no permission to write in /x; choose a folder you can write to',
    );
    expect(cannotWriteMessage(out, failure('EPERM'))).toBe(
      '--out /x/out: no permission to write in /x; choose a folder you can write to',
    );
    expect(cannotWriteMessage(out, failure('EROFS'))).toBe(
      '--out /x/out: /x is on a read-only file system; choose a writable folder',
    );
    expect(cannotWriteMessage(out, failure('ENOSPC'))).toBe(
      '--out /x/out: the disk is full; free space or choose another disk',
    );
    expect(cannotWriteMessage(out, failure('EIO'))).toBe(
      '--out /x/out: cannot write there (EIO); choose another folder',
    );
    expect(cannotWriteMessage(out, new Error('odd'))).toBe(
      '--out /x/out: cannot write there (odd); choose another folder',
    );
  });
});

describe('what runs left beside the target', () => {
  it('a previous output set aside by a run killed between its two renames is put back', () => {
    const { dir, out } = place();
    writeOutput(out, { 'previous.txt': 'old' });
    fs.renameSync(out, path.join(dir, `.out.old-${deadPid()}-0a0b0c0d`));
    AtomicOutput.tidy(out);
    expect(filesOf(out)).toEqual({ 'previous.txt': 'old' });
    expect(beside(dir)).toEqual([]);
  });

  it('is removed when its process is gone, left alone while it runs; other names are not touched', () => {
    const { dir, out } = place();
    writeOutput(out, { 'previous.txt': 'current' });
    const gone = deadPid();
    fs.mkdirSync(path.join(dir, `.out.tmp-${gone}-0a0b0c0d0e0f`));
    // Set aside by a run that had already put its own output in place: the target exists, so it goes.
    fs.mkdirSync(path.join(dir, `.out.old-${gone}-0a0b0c0d`));
    const running = [`.out.tmp-${process.pid}-0c0d`, `.out.old-${process.ppid}-0e0f`];
    const others = ['.output.tmp-1-00', '.out.tmp-x-00', '.out.tmp-0-00', 'out.tmp-1-00', '.other'];
    for (const name of [...running, ...others]) fs.mkdirSync(path.join(dir, name));
    AtomicOutput.tidy(out);
    expect(beside(dir).sort()).toEqual([...running, ...others].sort());
    expect(filesOf(out)).toEqual({ 'previous.txt': 'current' });
  });

  it('a run killed outright (SIGKILL) leaves its temporary folder, which the next run removes', async () => {
    const { dir, out } = place();
    const script = `
      import fs from 'node:fs';
      import path from 'node:path';
      import { AtomicOutput } from ${JSON.stringify(path.resolve(import.meta.dirname, '../src/atomic-output.ts'))};
      const output = new AtomicOutput(${JSON.stringify(out)}, { writer: 'child', whyNotReplaceable: () => null, fsync: false });
      fs.writeFileSync(path.join(output.tempDir, 'half.txt'), 'half');
      process.stdout.write(output.tempDir + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const tempDir = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        if (stdout.endsWith('\n')) resolve(stdout.trim());
      });
      child.once('exit', (code) => reject(new Error(`the child ended (exit ${code}): ${stderr}`)));
    });
    const ended = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await ended).toBe('SIGKILL');
    expect(beside(dir)).toEqual([path.basename(tempDir)]);
    expect(fs.existsSync(out)).toBe(false);

    writeOutput(out, { 'a.txt': 'a' });
    expect(beside(dir)).toEqual([]);
    expect(filesOf(out)).toEqual({ 'a.txt': 'a' });
  });
});

describe('abortAtomicOutputs', () => {
  it('aborts every output being written and names their targets; committed ones are not touched', () => {
    const { dir, out } = place();
    const other = path.join(dir, 'other');
    const done = path.join(dir, 'done');
    writeOutput(done, { 'a.txt': 'a' });
    const first = new AtomicOutput(out, testRules());
    const second = new AtomicOutput(other, testRules());
    expect(abortAtomicOutputs()).toEqual([out, other]);
    expect(fs.existsSync(first.tempDir)).toBe(false);
    expect(fs.existsSync(second.tempDir)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['done']);
    expect(abortAtomicOutputs()).toEqual([]);
  });
});
