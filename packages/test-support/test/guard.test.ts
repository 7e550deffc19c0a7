/**
 * The guard and tempDir in a real vitest run of their own (test/fixtures/run), as every package's
 * `npm test` uses them: a run that removes what it makes passes and leaves nothing, even when a
 * test fails or makes a folder unwritable; a run that leaves folders fails, naming them, and still
 * leaves nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { leftoverReport, sharedCaches, systemTmpdir } from '../src/temp-guard.mjs';
import { tempDir } from '../src/temp-dir.mjs';

const fixture = path.join(import.meta.dirname, 'fixtures', 'run');
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

/** Runs the fixture's tests with TMPDIR set to an empty folder; returns the exit code, the output and what is left there. */
function runFixture(env: Record<string, string> = {}) {
  const tmp = tempDir('guard-run');
  const r = spawnSync(process.execPath, [vitest, 'run', '--root', fixture], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, left: fs.readdirSync(tmp) };
}

it('lets a run that removes what it makes pass, leaving nothing', () => {
  const run = runFixture();
  expect(run.output).toMatch(/Tests\s+6 passed \| 1 expected fail \(7\)/);
  expect(run.output).not.toContain('The tests of run left');
  expect(run.status).toBe(0);
  expect(run.left).toEqual([]);
});

it('fails a run that leaves folders, listing them, and removes them with its folder', () => {
  const run = runFixture({ LEAK: '1' });
  expect(run.output).toMatch(/Tests\s+7 passed \| 1 expected fail \(8\)/);
  expect(run.output).toMatch(
    /The tests of run left 2 entries in their temporary folder \S+ecl-test-run-\w{6} \(removed now\):\n {2}ecl-leak-\* \(2\)\n/,
  );
  expect(run.output).toContain('tempDir() from @encrochat-ledger/test-support');
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.status).toBe(1);
  expect(run.left).toEqual([]);
});

it('runs these tests in a folder of their own, and knows the folder it replaced', () => {
  expect(path.basename(os.tmpdir())).toMatch(/^ecl-test-test-support-\w{6}$/);
  expect(systemTmpdir()).toBe(path.dirname(os.tmpdir()));
  // Others may enter it, as they may enter /tmp.
  expect(fs.statSync(os.tmpdir()).mode & 0o777).toBe(0o755);
});

it("links tools' shared caches (tsx's) to their usual place, where they outlive the run", () => {
  expect(sharedCaches()).toEqual([`tsx-${os.userInfo().uid}`]);
  for (const cache of sharedCaches()) {
    expect(fs.readlinkSync(path.join(os.tmpdir(), cache))).toBe(path.join(systemTmpdir(), cache));
    expect(fs.statSync(path.join(systemTmpdir(), cache)).isDirectory()).toBe(true);
  }
});

it('groups what was left by name without the random suffix, most frequent first', () => {
  const entries = [
    'ecl-core-aB3dE6',
    'chromium',
    'org.chromium.Chromium.ONXQcm',
    'ecl-core-x1Y2z3',
  ];
  expect(leftoverReport('core', '/tmp/ecl-test-core-abcdef', entries).split('\n')).toEqual([
    'The tests of core left 4 entries in their temporary folder /tmp/ecl-test-core-abcdef (removed now):',
    '  ecl-core-* (2)',
    '  chromium',
    '  org.chromium.Chromium.*',
    expect.stringMatching(/^Each test must remove what it creates/),
  ]);
});

it('lists 20 names at most, and counts the rest', () => {
  const entries = Array.from({ length: 30 }, (_, i) => `leftover-${i}`);
  const report = leftoverReport('core', '/tmp/ecl-test-core-abcdef', entries).split('\n');
  expect(report).toHaveLength(1 + 20 + 1 + 1);
  expect(report[21]).toBe('  … and 10 more names');
});
