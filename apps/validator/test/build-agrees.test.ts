/**
 * What the validator refuses, the dataset build refuses: the same folders through both command
 * lines, as users run them (the validator's dist/cli.js; the build of @encrochat-ledger/dataset,
 * `build/build.ts`). Invalid UTF-8, a key twice, a lone surrogate, a NUL, a year beyond four
 * digits, a `superseded_by` cycle (among claims and among records), a link out of the data folder;
 * and the valid folder, which both accept. The cases are the hostile corpus's.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  assertOutcome,
  HANG_GUARD_MS,
  hostileCases,
  runTool,
  validFiles,
  verdictOf,
  writeDataFolder,
  type HostileCase,
} from '@encrochat-ledger/hostile';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';

const cli = path.join(import.meta.dirname, '..', 'dist', 'cli.js');
const datasetRoot = path.dirname(
  createRequire(import.meta.url).resolve('@encrochat-ledger/dataset/package.json'),
);

const named = (name: string) => {
  const kase = hostileCases.find((c) => c.name === name);
  if (!kase) throw new Error(`no hostile case ${name}`);
  return kase;
};

/** Two withdrawn places superseding each other (the corpus has a cycle among claims). */
const recordCycle: HostileCase = {
  name: 'circular-superseded-by-records',
  about: 'two withdrawn places whose superseded_by point at each other: refused',
  make: (dir) => {
    const withdrawn = { date: '2021-01-01', reason: 'Replaced by the other one.' };
    const place = (id: string, by: string) => ({
      id,
      name: id,
      kind: 'country',
      parent: 'world',
      withdrawn,
      superseded_by: by,
    });
    return {
      data: writeDataFolder(path.join(dir, 'data'), {
        ...validFiles(),
        'places/gaul.json': place('gaul', 'lutetia'),
        'places/lutetia.json': place('lutetia', 'gaul'),
      }),
    };
  },
  expect: 'refuse',
  message: /places\/(gaul|lutetia)\.json/,
};

const cases = [
  named('valid-minimal'),
  named('invalid-utf8'),
  named('duplicate-key'),
  named('lone-surrogate'),
  named('nul-in-text'),
  named('five-digit-year-signed'),
  named('five-digit-year'),
  named('circular-superseded-by'),
  recordCycle,
  named('symlink-to-file-outside'),
  named('symlink-to-folder-outside'),
];

describe.concurrent('the validator and the dataset build refuse the same folders', () => {
  it.each(cases.map((kase) => [kase.name, kase] as const))(
    '%s',
    async (_, kase) => {
      const dir = tempDir(`agree-${kase.name}`);
      fs.mkdirSync(path.join(dir, 'case'));
      const input = kase.make(path.join(dir, 'case'));
      if (!('data' in input)) throw new Error(`${kase.name}: expected a data folder`);
      const out = path.join(dir, 'built');
      const [validator, build] = await Promise.all([
        runTool([cli, input.data], { env: { ENCROCHAT_ARCHIVE_DIR: '' } }),
        runTool(['--import', 'tsx', 'build/build.ts', '--data', input.data, '--out', out], {
          cwd: datasetRoot,
        }),
      ]);
      assertOutcome(validator, kase, `${kase.name}: the validator`);
      assertOutcome(build, kase, `${kase.name}: the build`);
      expect(verdictOf(build)).toBe(verdictOf(validator));
      // A refused build writes nothing.
      expect(fs.existsSync(out)).toBe(kase.expect === 'accept');
    },
    HANG_GUARD_MS + 60_000,
  );
});
