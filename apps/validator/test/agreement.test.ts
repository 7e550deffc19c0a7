/**
 * The tools agree: on every case of the hostile corpus, `encrochat-ledger-validate`, the dataset
 * build (`--data CASE --out DIR`), the exporter (`encrochat-ledger-export --data/--dataset`) and
 * `encrochat-ledger-diff GOOD CASE` give the same verdict, the corpus's, as real processes with
 * bounded memory. The validator is the reference; the other tools run as their users run them,
 * found by package name: their `bin`, and the dataset's `build` script. The whole matrix is
 * compared at once, so a failure shows every disagreement. A tool's known gap
 * (@encrochat-ledger/hostile's `knownGaps`) is expected as it is, until it closes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  HANG_GUARD_MS,
  hostileCases,
  knownGaps,
  runTool,
  validFiles,
  verdictOf,
  writeDataFolder,
  type HostileCase,
  type HostileInput,
} from '@encrochat-ledger/hostile';
import { expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';

const require = createRequire(import.meta.url);

const manifestOf = (name: string) => {
  const file = require.resolve(`${name}/package.json`);
  return {
    dir: path.dirname(file),
    ...(JSON.parse(fs.readFileSync(file, 'utf8')) as {
      bin?: Record<string, string>;
      scripts?: Record<string, string>;
    }),
  };
};

/** The command a package publishes, by the package's name. */
function binOf(name: string): string {
  const { dir, bin } = manifestOf(name);
  return path.join(dir, Object.values(bin!)[0]!);
}

/**
 * The dataset's build as `npm run build -w @encrochat-ledger/dataset` runs it, in its folder: the
 * last step of the script (the steps before it generate the build's own sources).
 */
const dataset = manifestOf('@encrochat-ledger/dataset');
const buildStep = dataset.scripts!.build!.split('&&').at(-1)!.trim();
const buildArgs = buildStep.split(/\s+/).slice(1);

const only = (input: HostileInput): string =>
  'data' in input ? input.data : 'file' in input ? input.file : input.args.join(' ');

const good = writeDataFolder(path.join(tempDir('agree-good'), 'data'), validFiles());

/** How each tool is given a case's input (and the folder it runs in, when not the case's). */
const tools: Record<string, (input: HostileInput, dir: string) => string[]> = {
  build: (input, dir) => [...buildArgs, '--data', only(input), '--out', path.join(dir, 'out')],
  validator: (input) => [
    binOf('@encrochat-ledger/validator'),
    ...('args' in input ? input.args : [only(input)]),
  ],
  exporter: (input, dir) => [
    binOf('@encrochat-ledger/exporter'),
    'data' in input ? '--data' : '--dataset',
    only(input),
    '--out',
    path.join(dir, 'out'),
    '--format',
    'csv',
  ],
  diff: (input) => [binOf('@encrochat-ledger/diff'), good, only(input)],
};

/** What each tool must say of a case: the corpus's verdict, or the other one where a gap is known. */
const expected = (kase: HostileCase, tool: string) =>
  knownGaps[tool]?.[kase.name] ? (kase.expect === 'accept' ? 'refuse' : 'accept') : kase.expect;

it(
  'every tool gives the verdict of the corpus on every case',
  async () => {
    expect(buildStep).toMatch(/^node .*build/);
    const got: Record<string, Record<string, string>> = {};
    const want: Record<string, Record<string, string>> = {};
    for (const kase of hostileCases) {
      got[kase.name] = {};
      want[kase.name] = {};
      // Each tool gets its own copy of the input: the exporter writes beside it.
      await Promise.all(
        Object.entries(tools).map(async ([tool, command]) => {
          const dir = tempDir(`agree-${tool}-${kase.name}`);
          const result = await runTool(command(kase.make(dir), dir), {
            cwd: tool === 'build' ? dataset.dir : dir,
            env: { ENCROCHAT_ARCHIVE_DIR: '' },
          });
          got[kase.name]![tool] = verdictOf(result);
          want[kase.name]![tool] = expected(kase, tool);
        }),
      );
    }
    expect(got).toEqual(want);
  },
  hostileCases.length * (HANG_GUARD_MS + 60_000),
);
