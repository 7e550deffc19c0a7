/**
 * npm run bench: every benchmark, each the median of several runs, each with the ratio to its peer
 * measured in the same run on the same machine; writes BENCHMARKS.md and a JSON file.
 *
 *   npm run bench                                  # 10k, 100k and 1M claims, 3 runs each
 *   npm run bench -- --sizes 1000 --runs 1 --out DIR   # a quick run (the viewer at 1,000 claims)
 *   npm run bench -- … --skip-viewer                   # without the viewer's browser measurement (the smoke test)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { TIMING_SCOPES, type TimingScope } from '@encrochat-ledger/validator';
import { z } from 'zod';
import { interleave, measure, repeat, type Measurement } from './measure.js';
import { renderMarkdown, type Results, type ValidatorTimings } from './report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const node = process.execPath;

const Args = z.object({
  sizes: z
    .string()
    .regex(/^\d+(,\d+)*$/, '--sizes is a comma-separated list of claim counts')
    .default('10000,100000,1000000'),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  /** Runs for sizes of a million claims and more (each takes minutes). */
  'large-runs': z.coerce.number().int().min(1).max(20).optional(),
  out: z.string().min(1).default(repo),
  work: z
    .string()
    .min(1)
    .default(path.join(repo, '.tmp', 'bench')),
  /** Leave out the viewer's measurement in the browser (the smoke test does). */
  'skip-viewer': z.boolean().default(false),
});

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    total += e.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** The validator's own timings of one run (`--timings`), summed by scope, in milliseconds. */
function validatorTimings(validator: string, data: string): ValidatorTimings {
  const r = spawnSync(node, [validator, '--timings', '--format', 'json', data], {
    cwd: repo,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`the validator exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const timings = Object.fromEntries(TIMING_SCOPES.map((scope) => [scope, 0])) as ValidatorTimings;
  for (const m of r.stderr.matchAll(/^ +(\d+\.\d) ms {2}(\w+)$/gm))
    if (m[2]! in timings) timings[m[2] as TimingScope] = Number(m[1]);
  if (!timings.read || !timings.dataset)
    throw new Error(`the validator printed no timings: ${r.stderr.slice(0, 500)}`);
  return timings;
}

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

export async function runBenchmarks(argv: string[]): Promise<Results> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      'large-runs': { type: 'string' },
      out: { type: 'string' },
      work: { type: 'string' },
      'skip-viewer': { type: 'boolean' },
    },
  });
  const args = Args.parse(values);
  const sizes = args.sizes.split(',').map(Number);
  const work = path.resolve(args.work);
  fs.mkdirSync(work, { recursive: true });
  const cpus = os.cpus();
  const results: Results = {
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    runs: args.runs,
    sizes: [],
    package: null,
    viewer: null,
  };
  const validator = path.join(repo, 'apps/validator/dist/cli.js');
  const exporter = path.join(repo, 'apps/exporter/dist/cli.js');
  for (const p of [validator, exporter])
    if (!fs.existsSync(p))
      throw new Error(`${path.relative(repo, p)} is missing: run npm run build first`);
  const ajvCli = path.join(repo, 'node_modules/ajv-cli/dist/index.js');
  const schemas = path.join(repo, 'schemas/1.0');

  for (const claims of sizes) {
    log(`— ${claims.toLocaleString('en-GB')} claims`);
    const data = path.join(work, `synth-${claims}`);
    execFileSync(
      node,
      [
        '--import',
        'tsx',
        path.join(repo, 'apps/synth/src/cli.ts'),
        '--claims',
        String(claims),
        '--out',
        data,
      ],
      { cwd: repo, stdio: 'ignore' },
    );
    const dataBytes = dirBytes(data);
    const runs = claims >= 1_000_000 ? (args['large-runs'] ?? args.runs) : args.runs;
    const r =
      (cmd: string[], okStatus = [0]) =>
      () =>
        measure(node, cmd, { cwd: repo, okStatus });

    log('  validator, JSON.parse, ajv-cli, the Ajv floor');
    const [validate, jsonParse] = interleave(
      runs,
      r([validator, '--format', 'json', data], [0, 1]),
      r([path.join(here, 'json-parse.mjs'), data]),
    );
    const ajvFloor = repeat(runs, r([path.join(here, 'json-parse.mjs'), '--schemas', data]));
    const timings = validatorTimings(validator, data);
    const ajv = repeat(
      runs,
      r([
        ajvCli,
        'validate',
        '--spec=draft2020',
        '--strict=false',
        '--all-errors',
        '-c',
        path.join(here, 'ajv-edtf-format.cjs'),
        '-s',
        path.join(schemas, 'source.schema.json'),
        '-r',
        path.join(schemas, 'defs.schema.json'),
        '-r',
        path.join(schemas, 'claim.schema.json'),
        '-d',
        `${data}/sources/*.json`,
      ]),
    );

    log('  dataset build');
    const built = path.join(work, `dataset-${claims}`);
    const buildScript = path.join(repo, 'packages/dataset/build/build.ts');
    const bundle = repeat(
      runs,
      r(['--import', 'tsx', buildScript, '--data', data, '--out', built, '--bundle-only']),
    );
    const fullBuild: Measurement | null =
      claims <= 200_000
        ? repeat(1, r(['--import', 'tsx', buildScript, '--data', data, '--out', `${built}-full`]))
        : null;

    log('  exporter: parquet, DuckDB COPY, csv');
    const exportDir = path.join(work, `export-${claims}`);
    const bundleFile = path.join(built, 'data.json');
    const [parquet, duck] = interleave(
      runs,
      r([
        exporter,
        '--format',
        'parquet',
        '--dataset',
        bundleFile,
        '--out',
        `${exportDir}-parquet`,
      ]),
      r([
        path.join(here, 'duckdb-copy.mjs'),
        path.join(built, 'claims-table.json'),
        path.join(work, `duckdb-${claims}.parquet`),
      ]),
    );
    const csv = repeat(
      runs,
      r([exporter, '--format', 'csv', '--dataset', bundleFile, '--out', `${exportDir}-csv`]),
    );
    const csvBytes = fs
      .readdirSync(`${exportDir}-csv`)
      .filter((f) => f.endsWith('.csv'))
      .reduce((n, f) => n + fs.statSync(path.join(`${exportDir}-csv`, f)).size, 0);

    results.sizes.push({
      claims,
      runs,
      interleaved: true,
      loadAverage: Math.round(os.loadavg()[1]! * 100) / 100,
      dataBytes,
      validator: { ours: validate, jsonParse, ajvCli: ajv, ajvFloor, timings },
      build: { bundle, full: fullBuild },
      exporter: { parquet, duckdbCopy: duck, csv, csvBytes },
    });
  }

  log('— package size');
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], {
      cwd: path.join(repo, 'packages/dataset'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  )[0];
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'packages/dataset/package.json'), 'utf8'));
  results.package = {
    packedBytes: pack.size,
    unpackedBytes: pack.unpackedSize,
    files: pack.entryCount,
    runtimeDependencies: Object.keys(pkg.dependencies ?? {}).length,
  };

  const viewerDist = path.join(repo, 'apps/viewer/dist');
  const perfFile = path.join(repo, 'apps/viewer/.bench/perf.json');
  fs.rmSync(perfFile, { force: true });
  if (!args['skip-viewer']) {
    // The viewer at the largest size measured, up to 100,000 claims (its target's size).
    const claims = String(Math.min(Math.max(...sizes), 100_000));
    log(`— viewer in the browser at ${claims} claims (npm run perf -w @encrochat-ledger/viewer)`);
    const perf = spawnSync('npm', ['run', 'perf', '-w', '@encrochat-ledger/viewer'], {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1', VIEWER_PERF_CLAIMS: claims },
    });
    if (perf.status !== 0)
      log('  the viewer measurement failed (its output is above); the report leaves it out');
  }
  if (fs.existsSync(viewerDist)) {
    const js = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory()
            ? js(path.join(dir, e.name))
            : e.name.endsWith('.js')
              ? [path.join(dir, e.name)]
              : [],
        );
    const gz = js(viewerDist).reduce(
      (n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length,
      0,
    );
    results.viewer = {
      jsGzipBytes: gz,
      perf: fs.existsSync(perfFile) ? JSON.parse(fs.readFileSync(perfFile, 'utf8')) : null,
    };
  }

  const out = path.resolve(args.out);
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'BENCHMARKS.md'), renderMarkdown(results));
  fs.writeFileSync(path.join(out, 'benchmarks.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.join(out, 'BENCHMARKS.md')} and benchmarks.json`);
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runBenchmarks(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`bench: ${(error as Error).message}`);
    process.exit(1);
  });
}
