/**
 * The hostile corpus (@encrochat-ledger/hostile) through `encrochat-ledger-validate`, as a real
 * process with bounded memory: every case refused or accepted as the corpus says, in a located
 * message naming the file, capped, without a stack trace, a hang or a signal. And a closed stdout
 * (`--format sarif … | head -c1`): the run ends quietly with its own exit code (1: it found
 * problems), the rest of the report dropped.
 */
import path from 'node:path';
import {
  assertClean,
  assertOutcome,
  HANG_GUARD_MS,
  hostileCases,
  runTool,
  validFiles,
  writeDataFolder,
  type HostileInput,
} from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';

const cli = path.join(import.meta.dirname, '..', 'dist', 'cli.js');
const env = { ENCROCHAT_ARCHIVE_DIR: '' };
/** Each case may take up to the harness's hang guard; vitest's own timeout comes after it. */
const GUARD = HANG_GUARD_MS + 60_000;

/** The validator's arguments for a case's input: the folder, the file or the paths themselves. */
export const validatorArgs = (input: HostileInput): string[] =>
  'data' in input ? [input.data] : 'file' in input ? [input.file] : input.args;

describe('the hostile corpus', () => {
  it.each(hostileCases.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, kase) => {
      const dir = tempDir(`hostile-validate-${kase.name}`);
      const result = await runTool([cli, ...validatorArgs(kase.make(dir))], { cwd: dir, env });
      assertOutcome(result, kase);
    },
    GUARD,
  );
});

describe('a closed stdout', () => {
  it(
    '--format sarif into a reader that leaves after 1 byte: exits 1 (problems found), quietly',
    async () => {
      // A valid folder and 400 empty files: a report far larger than a pipe holds, so the writes meet the closed pipe.
      const dir = tempDir('hostile-validate-stdout');
      const empty = Object.fromEntries(
        Array.from({ length: 400 }, (_, i) => [`places/e${i}.json`, '']),
      );
      writeDataFolder(path.join(dir, 'data'), { ...validFiles(), ...empty });
      const whole = await runTool([cli, '--format', 'sarif', 'data'], { cwd: dir, env });
      expect(whole.stdout.length).toBeGreaterThan(256 * 1024);
      const result = await runTool([cli, '--format', 'sarif', 'data'], {
        cwd: dir,
        env,
        closeStdoutAfter: 1,
      });
      assertClean(result);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('');
      expect(result.stdout.length).toBeLessThan(whole.stdout.length);
    },
    GUARD,
  );
});
