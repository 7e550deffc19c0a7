/**
 * The hostile corpus (@encrochat-ledger/hostile) through the build's command line, as a real
 * process: every case gets what every tool must do with it (refuse it in a few lines naming the
 * file or path, exit 1 or 2, or accept it), with `--out` a new folder in an empty one. A refusal
 * leaves that folder empty (no output, no temporary folder); an accepted case is a complete build.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  assertOutcome,
  HANG_GUARD_MS,
  hostileCases,
  runTool,
  type HostileInput,
} from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { BUILD_MARKER } from '../build/out-dir.js';
import { packageRoot } from '../build/paths.js';
import { buildCommand, tempDir } from './build-cli.js';

/** The build reads one data folder or bundle: `--data` is the case's input. */
function dataArgument(input: HostileInput): string {
  if ('data' in input) return input.data;
  if ('file' in input) return input.file;
  if (input.args.length !== 1)
    throw new Error(`the build takes one --data, not ${input.args.length}`);
  return input.args[0]!;
}

describe.concurrent('the hostile corpus through the build', () => {
  it.each(hostileCases.map((kase) => [kase.name, kase] as const))(
    '%s',
    async (_, kase) => {
      const dir = tempDir(`hostile-${kase.name}`);
      fs.mkdirSync(path.join(dir, 'case'));
      const input = kase.make(path.join(dir, 'case'));
      const outParent = path.join(dir, 'built');
      fs.mkdirSync(outParent);
      const out = path.join(outParent, 'out');
      const result = await runTool(buildCommand(['--data', dataArgument(input), '--out', out]), {
        cwd: packageRoot,
      });
      assertOutcome(result, kase);
      if (kase.expect === 'refuse') expect(fs.readdirSync(outParent)).toEqual([]);
      else {
        expect(fs.readdirSync(outParent)).toEqual(['out']);
        const marker = JSON.parse(fs.readFileSync(path.join(out, BUILD_MARKER), 'utf8'));
        expect(marker.files).toContain('data.json');
        expect(marker.files).toContain('index.js');
      }
    },
    HANG_GUARD_MS + 60_000,
  );
});
