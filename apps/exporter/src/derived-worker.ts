/**
 * The derived tables (series, conflicts, latest) of a CSV export of a --dataset bundle, written by a
 * worker thread while the main thread writes the claims: the worker reads the bundle on its own (a
 * second pass, on the other core) with the same code (ClaimsPass, seriesPoints, conflictOf,
 * latestRowOf, writeTable), keeps the figures, and writes the three tables' CSV files into the
 * export folder. The main thread then keeps no figures at all. (When Parquet is written, the other
 * core is DuckDB's and there is no worker: see export.ts.) Only the compiled module runs as a
 * worker; from the TypeScript sources (tests) `derivedWorkerAvailable()` is false and the export
 * derives the tables in its own thread.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ClaimFilters } from './args.js';
import { datasetFromFile } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { writeTable, type WrittenTable } from './table-writer.js';
import { buildTables } from './tables.js';

/** The tables the worker writes. */
export const DERIVED_TABLES: readonly string[] = ['series', 'conflicts', 'latest'];

export interface DerivedJob {
  dataset: string;
  filters: ClaimFilters;
  /** The export folder. */
  dir: string;
  excelSafe: boolean;
}

type Outcome =
  | { ok: true; tables: Record<string, WrittenTable> }
  | { ok: false; kind: string; message: string; code?: string };

/** Writes the CSV files of the derived tables of `job` in this thread. */
export async function writeDerivedTables(job: DerivedJob): Promise<Record<string, WrittenTable>> {
  // The main thread checks the bundle as it streams it (bundle-checks.ts), and refuses a bundle with
  // a problem before it waits for this worker's tables: this pass only reads.
  const data = datasetFromFile(job.dataset, { check: false });
  // Plain figures, rows in memory: this export writes no Parquet (see buildTables).
  const { tables, release } = buildTables(data, job.filters);
  const written: Record<string, WrittenTable> = {};
  try {
    for (const table of tables)
      if (DERIVED_TABLES.includes(table.name))
        written[table.name] = await writeTable(job.dir, table, {
          formats: ['csv'],
          excelSafe: job.excelSafe,
          parquet: null,
        });
  } finally {
    release();
  }
  return written;
}

const self = fileURLToPath(import.meta.url);

/** Whether this module can run as a worker (it is the compiled JavaScript). */
export const derivedWorkerAvailable = (): boolean => self.endsWith('.js');

/** A running worker: what it wrote, once done; `stop()` ends it (after a failure elsewhere). */
export interface DerivedWorker {
  result: Promise<Record<string, WrittenTable>>;
  stop: () => Promise<void>;
}

/** Starts a worker writing the derived tables of `job`. */
export function startDerivedWorker(job: DerivedJob): DerivedWorker {
  const worker = new Worker(self, { workerData: { derivedJob: job } });
  const result = new Promise<Record<string, WrittenTable>>((resolve, reject) => {
    worker.once('message', (outcome: Outcome) => {
      if (outcome.ok) return resolve(outcome.tables);
      const error =
        outcome.kind === 'UsageError'
          ? new UsageError(outcome.message)
          : outcome.kind === 'ExportError'
            ? new ExportError(outcome.message)
            : Object.assign(new Error(outcome.message), { code: outcome.code });
      reject(error);
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new ExportError(`the worker writing the series stopped (exit code ${code})`)),
    );
  });
  // Awaited when the derived tables are reached; a failure before that must not count as unhandled.
  result.catch(() => {});
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}

if (!isMainThread && (workerData as { derivedJob?: DerivedJob } | null)?.derivedJob) {
  const job = (workerData as { derivedJob: DerivedJob }).derivedJob;
  writeDerivedTables(job).then(
    (tables) => parentPort!.postMessage({ ok: true, tables } satisfies Outcome),
    (error: unknown) => {
      const e = error as Error & { code?: string };
      parentPort!.postMessage({
        ok: false,
        kind: e?.name ?? 'Error',
        message: e?.message ?? String(error),
        ...(e?.code ? { code: e.code } : {}),
      } satisfies Outcome);
    },
  );
}
