/**
 * Where the data comes from: the installed @encrochat-ledger/dataset (default), or a bundle
 * `data.json` given with --dataset (a fork, or synthetic data), whose claims table is then built
 * with the dataset package's own `buildClaimsTable` and dates computed like the dataset build.
 */
import fs from 'node:fs';
import { buildClaimsTable, claimsTable, dataset, type ClaimsTableRow, type DatasetBundle } from '@encrochat-ledger/dataset';
import { z } from 'zod';
import { collectDateBounds, dayBoundsLookup, type DayBounds } from './dates.js';
import { UsageError } from './errors.js';

export interface LoadedDataset {
  bundle: DatasetBundle;
  /** The tidy claims table of the bundle, sorted by claim id. */
  claimsTable: readonly ClaimsTableRow[];
  /** Day bounds of any EDTF date of the bundle. */
  dayBounds: (value: string | null | undefined) => DayBounds;
  /** `@encrochat-ledger/dataset` or the --dataset file. */
  origin: string;
}

/** The dataset installed with the exporter. */
export function packagedDataset(): LoadedDataset {
  return {
    bundle: dataset,
    claimsTable,
    dayBounds: dayBoundsLookup((value) => new Error(`@encrochat-ledger/dataset holds an invalid EDTF date "${value}"; reinstall or rebuild it`)),
    origin: '@encrochat-ledger/dataset',
  };
}

const COLLECTIONS = ['metrics', 'networks', 'places', 'organisations', 'operations', 'persons', 'events', 'sources'] as const;

/**
 * The outline of a bundle: enough to know the file is one. Records are checked by the dataset
 * build and the validator, not here. Collections are checked shallowly (zod would copy every
 * record, doubling memory on a large bundle); records and claims by a plain loop below.
 */
const BundleOutline = z.looseObject({
  name: z.literal('encrochat-ledger'),
  version: z.string().min(1),
  schema_version: z.string().min(1),
  ...Object.fromEntries(COLLECTIONS.map((c) => [c, z.array(z.unknown())])),
});

/** The first place where a record lacks an id, or a claim an id or as_of; null when there is none. */
function outlineProblem(bundle: Record<string, unknown>): string | null {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const name of COLLECTIONS) {
    const records = bundle[name] as unknown[];
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (!isObject(record) || typeof record.id !== 'string') return `/${name}/${i}: a record without an id`;
      if (name !== 'sources') continue;
      if (!Array.isArray(record.claims)) return `/${name}/${i}/claims: not a list of claims`;
      for (let j = 0; j < record.claims.length; j++) {
        const claim = record.claims[j] as unknown;
        if (!isObject(claim) || typeof claim.id !== 'string' || typeof claim.as_of !== 'string')
          return `/${name}/${i}/claims/${j}: a claim without an id or as_of`;
      }
    }
  }
  return null;
}

/** Reads a bundle `data.json` (as written by the dataset build into dist/). */
export function datasetFromFile(file: string): LoadedDataset {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`--dataset ${file}: no such file; give the data.json of a dataset build`);
    if (code === 'EISDIR') throw new UsageError(`--dataset ${file} is a folder; give its data.json`);
    throw new UsageError(`--dataset ${file}: cannot read it (${code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--dataset ${file}: not valid JSON (${(error as Error).message})`);
  }
  const outline = BundleOutline.safeParse(json);
  const problem = outline.success
    ? outlineProblem(json as Record<string, unknown>)
    : `${outline.error.issues[0]!.path.length ? `/${outline.error.issues[0]!.path.join('/')}` : 'the top level'}: ${outline.error.issues[0]!.message}`;
  if (problem) throw new UsageError(`--dataset ${file}: not an encrochat-ledger bundle (at ${problem}); give the data.json of a dataset build`);
  const bundle = json as DatasetBundle;
  const dayBounds = dayBoundsLookup(
    (value) => new UsageError(`--dataset ${file}: "${value}" is not a valid EDTF date; check the data with encrochat-ledger-validate`),
  );
  const dates = collectDateBounds(bundle, dayBounds);
  return { bundle, claimsTable: buildClaimsTable(bundle, dates), dayBounds, origin: file };
}
