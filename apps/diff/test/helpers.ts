/** Fixture datasets as real folders: a small base dataset (test/fixtures/base) and changed copies of it. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonRecord } from '@encrochat-ledger/core';
import { tempDir } from '@encrochat-ledger/test-support';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const baseFixture = path.join(here, 'fixtures', 'base');
export const cli = path.join(here, '..', 'dist', 'cli.js');
export const checkCli = path.join(here, '..', 'dist', 'check-changesets.js');

/** A new temporary folder, removed after the test (or the file) that made it. */
export const tmp = (prefix: string) => tempDir(`diff-${prefix}`);

/** A copy of the base fixture (data/ and the repository's schemas/1.0) in a new folder. */
export function baseCopy(dir = tmp('side')): string {
  fs.cpSync(path.join(baseFixture, 'data'), path.join(dir, 'data'), { recursive: true });
  fs.cpSync(path.join(repoRoot, 'schemas', '1.0'), path.join(dir, 'schemas', '1.0'), {
    recursive: true,
  });
  fs.mkdirSync(path.join(dir, 'packages', 'dataset'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'packages', 'dataset', 'package.json'),
    `${JSON.stringify({ name: '@encrochat-ledger/dataset', version: '0.1.0' }, null, 2)}\n`,
  );
  return dir;
}

export type Json = JsonRecord;

export function readJson(dir: string, rel: string): Json {
  return JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8'));
}

export function writeJson(dir: string, rel: string, value: unknown): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), `${JSON.stringify(value, null, 2)}\n`);
}

export function edit(dir: string, rel: string, fn: (value: Json) => void): void {
  const value = readJson(dir, rel);
  fn(value);
  writeJson(dir, rel, value);
}

export function runCli(
  file: string,
  args: string[],
  cwd: string,
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function git(args: string[], cwd: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
    },
  });
}

/** A throw-away git repository holding `dir`'s files, committed once. */
export function gitInit(dir: string): void {
  git(['init', '-q', '-b', 'main'], dir);
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', 'initial', '--no-gpg-sign'], dir);
}

export function commitAll(dir: string, message: string): void {
  git(['add', '-A'], dir);
  git(['commit', '-q', '-m', message, '--no-gpg-sign'], dir);
}
