/**
 * The hostile corpus (@encrochat-ledger/hostile) through `encrochat-ledger-diff GOOD CASE`, as a
 * real process with bounded memory: GOOD is the corpus's valid data folder, CASE each case's
 * folder, file or path. Every case is refused or accepted as the corpus says (the diff reads with
 * @encrochat-ledger/core's reader and checks records as the build does), without a stack trace, a
 * hang or a signal. And a closed stdout (`… | head -c1`) ends the run quietly, with its exit code.
 */
import path from 'node:path';
import {
  assertClean,
  assertOutcome,
  claim,
  HANG_GUARD_MS,
  hostileCases,
  runTool,
  source,
  validFiles,
  writeDataFolder,
  type HostileInput,
} from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { cli } from './helpers.js';

/** Each case may take up to the harness's hang guard; vitest's own timeout comes after it. */
const GUARD = HANG_GUARD_MS + 60_000;
const good = writeDataFolder(path.join(tempDir('hostile-diff-good'), 'data'), validFiles());

/** The diff's NEW side for a case's input. */
export function diffArg(input: HostileInput): string {
  if ('data' in input) return input.data;
  if ('file' in input) return input.file;
  expect(input.args).toHaveLength(1);
  return input.args[0]!;
}

describe('the hostile corpus', () => {
  it.each(hostileCases.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, kase) => {
      const dir = tempDir(`hostile-diff-${kase.name}`);
      const result = await runTool([cli, good, diffArg(kase.make(dir))], { cwd: dir });
      assertOutcome(result, kase);
    },
    GUARD,
  );
});

describe('a closed stdout', () => {
  it(
    'a long diff into a reader that leaves after 1 byte: exits 0, quietly',
    async () => {
      // 4,000 new sources: a diff far longer than a pipe holds, so the writes meet the closed pipe.
      const dir = tempDir('hostile-diff-stdout');
      const more = Object.fromEntries(
        Array.from({ length: 4000 }, (_, i) => [
          `sources/new-${i}.json`,
          source(`new-${i}`, [claim(`new-${i}`, 'uk-arrests')]),
        ]),
      );
      const changed = writeDataFolder(path.join(dir, 'data'), { ...validFiles(), ...more });
      const whole = await runTool([cli, good, changed], { cwd: dir });
      expect(whole.code).toBe(0);
      expect(whole.stdout.length).toBeGreaterThan(256 * 1024);
      const result = await runTool([cli, good, changed], { cwd: dir, closeStdoutAfter: 1 });
      assertClean(result);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout.length).toBeLessThan(whole.stdout.length);
    },
    GUARD,
  );
});
