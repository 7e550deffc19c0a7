/**
 * The hostile corpus (@encrochat-ledger/hostile) through `encrochat-ledger-export`, as a real process
 * with bounded memory: a data folder with --data, a file or a path with --dataset, --out in a
 * temporary folder. Every case is refused or accepted as the corpus says, without a stack trace, a
 * hang or a signal; a refusal writes nothing (no --out, no temporary folder beside it). And --out
 * where no export may go: under /proc, /sys or /dev (Node's recursive mkdir loops there), the data
 * folder itself, a folder inside it or holding it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  assertClean,
  assertOutcome,
  HANG_GUARD_MS,
  hostileCases,
  knownGaps,
  runTool,
  validFiles,
  writeDataFolder,
  type HostileInput,
} from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { cliPath } from './helpers.js';

/** Each case may take up to the harness's hang guard; vitest's own timeout comes after it. */
const GUARD = HANG_GUARD_MS + 60_000;

/** The exporter's input flag for a case's input. */
export function exporterArgs(input: HostileInput): string[] {
  if ('data' in input) return ['--data', input.data];
  if ('file' in input) return ['--dataset', input.file];
  expect(input.args).toHaveLength(1);
  return ['--dataset', input.args[0]!];
}

/** What an export left in `dir` besides the case's own input: --out and its temporary folders. */
const outputsIn = (dir: string) =>
  fs.readdirSync(dir).filter((name) => name === 'out' || name.startsWith('.out.'));

/** Names, kinds and sizes of everything under `dir`, links and FIFOs listed, never opened. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, e.name);
      const stats = fs.lstatSync(full);
      out.push(`${path.relative(dir, full)} ${stats.isDirectory() ? 'dir' : stats.size}`);
      if (e.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

describe('the hostile corpus', () => {
  it.each(hostileCases.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, kase) => {
      const dir = tempDir(`hostile-export-${kase.name}`);
      const input = kase.make(dir);
      const out = path.join(dir, 'out');
      const result = await runTool(
        [cliPath, ...exporterArgs(input), '--out', out, '--format', 'csv'],
        { cwd: dir },
      );
      if (knownGaps.exporter?.[kase.name]) {
        assertClean(result);
        expect(() => assertOutcome(result, kase), 'a known gap closed: remove it').toThrow();
        return;
      }
      assertOutcome(result, kase);
      if (kase.expect === 'refuse') expect(outputsIn(dir)).toEqual([]);
      else {
        expect(outputsIn(dir)).toEqual(['out']);
        expect(fs.readFileSync(path.join(out, 'claims.csv'), 'utf8')).toContain(
          'hostile-source/uk-arrests',
        );
      }
    },
    GUARD,
  );
});

describe('--out where no export may go', () => {
  const proc = tempDir('hostile-export-proc');
  fs.symlinkSync('/proc/self', path.join(proc, 'link'));

  it.each([
    ['/proc/self/x', '/proc'],
    // Node's recursive mkdir loops here, in a synchronous call that no signal handler interrupts.
    ['/proc/self/fd/x/y', '/proc'],
    ['/proc/1/root/tmp/x', '/proc'],
    ['/sys/x', '/sys'],
    ['/dev/x', '/dev'],
    [path.join(proc, 'link', 'x'), '/proc'],
  ])(
    '%s: refused (under %s), nothing created',
    async (out, root) => {
      const result = await runTool([cliPath, '--out', out, '--format', 'csv']);
      assertOutcome(result, {
        name: 'out-under-system',
        about: '',
        make: () => ({ args: [] }),
        expect: 'refuse',
        message: new RegExp(`--out ${out.replace(/[/.]/g, '\\$&')} is under ${root}`),
      });
      expect(result.code).toBe(2);
      expect(fs.readdirSync(proc)).toEqual(['link']);
    },
    GUARD,
  );

  it.each([
    ['the data folder', (data: string) => data],
    ['a folder inside it', (data: string) => path.join(data, 'exports')],
    ['a folder inside it named with two dots', (data: string) => path.join(data, '..exports')],
    ['a folder holding it', (data: string) => path.dirname(data)],
  ])(
    '%s: refused, the data left as it was',
    async (what, outOf) => {
      const dir = tempDir('hostile-export-self');
      const data = writeDataFolder(path.join(dir, 'data'), validFiles());
      const before = listing(dir);
      const result = await runTool(
        [cliPath, '--data', data, '--out', outOf(data), '--format', 'csv'],
        { cwd: dir },
      );
      assertOutcome(result, {
        name: 'out-in-data',
        about: what,
        make: () => ({ args: [] }),
        expect: 'refuse',
        message: /the data being exported/,
      });
      expect(listing(dir)).toEqual(before);
    },
    GUARD,
  );
});
