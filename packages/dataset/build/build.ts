/**
 * Builds @encrochat-ledger/dataset from data/ and schemas/: reads data/ with @encrochat-ledger/core's
 * reader (which refuses the files the validator refuses) and checks every record against the JSON
 * Schema and for `superseded_by` cycles (the validator, run by `npm start` and the tests, checks
 * references, quotes and the rest), then writes dist/ (bundle, collections, claims and latest
 * tables with their Table Schemas, datapackage.json, schemas, ESM and CJS entry points, type
 * declarations) into a temporary folder that replaces dist/ only when complete (core's AtomicOutput).
 * It writes only to a new or empty folder or a previous build's (out-dir.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  abortAtomicOutputs,
  collections,
  createAjv,
  defaultSchemasDir,
  describeAjvErrors,
  edtfBounds,
  EXCEPTIONS_FILE,
  findSupersessionCycles,
  SCHEMA_VERSION,
  UsageError,
  validatorFor,
} from '@encrochat-ledger/core';
import { z } from 'zod';
import { buildClaimsTable, claimsTableSchema, collectDateBounds } from '../src/claims-table.js';
import { buildLatestInOrder, latestTableSchema } from '../src/latest.js';
import { seriesPoints } from '../src/series.js';
import { assembleBundle } from './assemble.js';
import { checkSchema } from './check-schema.js';
import { buildDatapackage } from './datapackage.js';
import { writeCitationModule } from './generate-citation.js';
import { writeTypes } from './generate-types.js';
import { checkDataRoot, DataError, exceptionsFileOf, loadData } from './load-data.js';
import { FileSink } from './file-sink.js';
import { checkOutput, prepareOutput } from './out-dir.js';
import { dataDir, distDir, packageRoot } from './paths.js';
import { writeDeclarations, writeEntryPoints } from './write-entry-points.js';

export interface BuildResult {
  records: number;
  claims: number;
  outDir: string;
}

export interface BuildOptions {
  /** The data folder (default: data/ at the repository root). */
  dataRoot?: string;
  /** Where to write (default: packages/dataset/dist). */
  outDir?: string;
  /**
   * Write the data files only (bundle, collections, claims table, datapackage, schemas), without the
   * JS entry points and types: for datasets too large to embed in a JavaScript file (1M claims).
   */
  bundleOnly?: boolean;
}

export async function buildDataset({
  dataRoot = dataDir,
  outDir = distDir,
  bundleOnly = false,
}: BuildOptions = {}): Promise<BuildResult> {
  // Arguments first: a refused --data or --out costs no reading and writes nothing.
  checkDataRoot(dataRoot);
  checkOutput(outDir, dataRoot);
  await writeTypes();
  writeCitationModule();
  const data = loadData(dataRoot);
  const { records } = data;
  // The schema, and the supersession cycles the validator refuses as REF003 (a rule beyond the schema).
  const problems = data.locate([...checkSchema(records), ...findSupersessionCycles(records)]);
  if (problems.length) throw new DataError(problems);

  const { version } = JSON.parse(
    fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'),
  ) as { version: string };
  const bundle = assembleBundle(records, version);
  const validateBundle = validatorFor(createAjv(), 'bundle.schema.json');
  if (!validateBundle(bundle))
    throw new DataError(
      describeAjvErrors(validateBundle.errors ?? []).map((e) => ({
        file: 'dist/data.json',
        ...e,
        line: 1,
        column: 1,
        hint: 'every record passed its schema but the bundle did not: a fault of the build (assemble.ts) or of bundle.schema.json',
      })),
    );
  const dates = collectDateBounds(bundle, edtfBounds);

  const exceptions = exceptionsFileOf(dataRoot);
  const output = prepareOutput(outDir, dataRoot);
  const tmp = output.tempDir;
  let claims: number;
  try {
    const sink = new FileSink(tmp);
    sink.json('data.json', bundle);
    for (const { name } of collections) sink.json(`collections/${name}.json`, bundle[name]);
    const rows = buildClaimsTable(bundle, dates);
    claims = rows.length;
    sink.json('claims-table.json', rows);
    sink.json('claims-table.schema.json', claimsTableSchema, true);
    // One series' points at a time (see buildLatestInOrder).
    sink.json('latest.json', buildLatestInOrder(seriesPoints(rows)));
    sink.json('latest.schema.json', latestTableSchema, true);
    const schemaDir = defaultSchemasDir();
    for (const file of fs.readdirSync(schemaDir).sort())
      sink.raw(`schemas/${SCHEMA_VERSION}/${file}`, fs.readFileSync(path.join(schemaDir, file)));
    // The reasoned exceptions travel with the bundle: the validator reads them beside a data.json as beside data/.
    if (exceptions) sink.raw(EXCEPTIONS_FILE, fs.readFileSync(exceptions));
    sink.json('datapackage.json', buildDatapackage(bundle, sink.written), true);
    if (!bundleOnly) {
      await writeEntryPoints(tmp, { bundle, dates });
      writeDeclarations(tmp);
    }
    output.commit();
  } finally {
    output.abort();
  }
  return { records: records.length, claims, outDir: output.outDir };
}

const Args = z
  .object({
    data: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    'bundle-only': z.literal('true').optional(),
  })
  .strict();

/** Parses `--data DIR --out DIR`; anything else is a usage error. */
export function parseBuildArgs(argv: string[]): BuildOptions {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--bundle-only') {
      raw['bundle-only'] = 'true';
      continue;
    }
    if (!flag.startsWith('--') || argv[i + 1] === undefined)
      throw new Error(`usage: build [--data DIR] [--out DIR] [--bundle-only] (got "${flag}")`);
    raw[flag.slice(2)] = argv[++i]!;
  }
  const parsed = Args.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `usage: build [--data DIR] [--out DIR] [--bundle-only] (${parsed.error.issues.map((i) => i.message).join('; ')})`,
    );
  return {
    ...(parsed.data.data ? { dataRoot: path.resolve(parsed.data.data) } : {}),
    ...(parsed.data.out ? { outDir: path.resolve(parsed.data.out) } : {}),
    ...(parsed.data['bundle-only'] ? { bundleOnly: true } : {}),
  };
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: BuildOptions;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // Stopped, the build removes its temporary folder: --out stays as it was.
  for (const [signal, number] of Object.entries(SIGNALS))
    process.once(signal, () => {
      const left = abortAtomicOutputs();
      console.error(
        `dataset build: stopped by ${signal}${left.length ? `; ${left.join(', ')} left as it was` : ''}`,
      );
      process.exit(128 + number);
    });
  buildDataset(options).then(
    ({ records, claims, outDir }) =>
      console.log(
        `@encrochat-ledger/dataset: ${records} records, ${claims} claims -> ${path.relative(process.cwd(), outDir) || '.'}`,
      ),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`dataset build: ${error.message}`);
        process.exitCode = 2;
        return;
      }
      if (error instanceof DataError) {
        console.error(
          `The dataset build refused data/:\n${error.message}\n\n${error.problems.length} problem(s); nothing was written.`,
        );
      } else console.error(`The dataset build failed: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
