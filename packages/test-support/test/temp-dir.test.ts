/** tempDir in this file's own tests: a folder made in a test is gone once the test ends, passed or failed. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { removeTree, tempDir } from '../src/temp-dir.mjs';

let passed = '';
let failed = '';
let elsewhere = '';

it('makes a new empty folder named for its label in the temporary folder', () => {
  passed = tempDir('label');
  expect(path.dirname(passed)).toBe(os.tmpdir());
  expect(path.basename(passed)).toMatch(/^ecl-label-\w{6}$/);
  expect(fs.readdirSync(passed)).toEqual([]);
  fs.writeFileSync(path.join(passed, 'file'), 'x');
  const parent = tempDir('parent');
  elsewhere = tempDir('elsewhere', parent);
  expect(path.dirname(elsewhere)).toBe(parent);
});

it.fails('is removed after a failing test too (this test fails on purpose)', () => {
  failed = tempDir('failing');
  throw new Error('failed on purpose');
});

it('has removed the folders of the tests before', () => {
  expect(passed).not.toBe('');
  expect(failed).not.toBe('');
  expect(elsewhere).not.toBe('');
  expect(fs.existsSync(passed)).toBe(false);
  expect(fs.existsSync(failed)).toBe(false);
  expect(fs.existsSync(elsewhere)).toBe(false);
});

it('removeTree removes a tree with unwritable and unreadable folders, and not what a link points to', () => {
  const outside = tempDir('outside');
  fs.writeFileSync(path.join(outside, 'kept'), 'x');
  const dir = tempDir('locked');
  fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'a', 'b', 'file'), 'x');
  fs.symlinkSync(outside, path.join(dir, 'a', 'link'));
  fs.chmodSync(path.join(dir, 'a', 'b'), 0o000);
  fs.chmodSync(path.join(dir, 'a'), 0o500);
  removeTree(dir);
  expect(fs.existsSync(dir)).toBe(false);
  expect(fs.readdirSync(outside)).toEqual(['kept']);
});

it('refuses to make a folder outside a test file, where nothing would remove it', () => {
  const script = `import(${JSON.stringify(new URL('../src/temp-dir.mjs', import.meta.url).href)}).then((m) => m.tempDir('outside'))`;
  const scratch = tempDir('outside-run');
  const r = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: scratch },
  });
  expect(r.stderr).toContain(
    'tempDir() makes folders for tests: call it from a test file (nothing would remove its folder here)',
  );
  expect(r.status).toBe(1);
  expect(fs.readdirSync(scratch)).toEqual([]);
});
