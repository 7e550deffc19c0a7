/** The smoke version of `npm run bench`: 1,000 claims, one run, into a temporary folder. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '@encrochat-ledger/test-support';
import { TIMING_SCOPES } from '@encrochat-ledger/validator';
import { runBenchmarks } from '../src/run.js';

it('measures every tool against its peer and writes BENCHMARKS.md and benchmarks.json', async () => {
  const out = tempDir('bench');
  const results = await runBenchmarks([
    '--sizes',
    '1000',
    '--runs',
    '1',
    '--skip-viewer',
    '--out',
    out,
    '--work',
    path.join(out, 'work'),
  ]);
  const size = results.sizes[0]!;
  expect(size.claims).toBe(1000);
  for (const m of [
    size.validator.ours,
    size.validator.jsonParse,
    size.validator.ajvCli,
    size.validator.ajvFloor!,
    size.build.bundle,
    size.exporter.parquet,
    size.exporter.duckdbCopy,
    size.exporter.csv,
  ]) {
    expect(m.seconds).toBeGreaterThan(0);
    expect(m.peakMiB).toBeGreaterThan(10);
  }
  expect(size.exporter.csvBytes).toBeGreaterThan(100_000);
  // The validator's own timings, by scope, read back from --timings.
  const t = size.validator.timings!;
  for (const scope of TIMING_SCOPES) expect(t[scope], scope).toBeGreaterThan(0);
  expect(results.package?.runtimeDependencies).toBe(0);
  const md = fs.readFileSync(path.join(out, 'BENCHMARKS.md'), 'utf8');
  for (const heading of [
    '## Targets',
    '## Validator',
    '## Dataset build',
    '## Exporter',
    '## The npm package',
  ])
    expect(md).toContain(heading);
  expect(md).toMatch(
    /\| 1,000 \| \d+\.\d\d s \| \d+\.\d\d× \| \d+ ms \| \d+ ms \| \d+ ms \| \d+ ms \| \d+ ms \|/,
  );
  expect(JSON.parse(fs.readFileSync(path.join(out, 'benchmarks.json'), 'utf8')).sizes).toHaveLength(
    1,
  );
});
