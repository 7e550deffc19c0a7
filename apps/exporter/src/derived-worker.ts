/**
 * The derived tables (series, conflicts) of a --dataset export, written by a worker thread while
 * the main thread writes the claims: the worker reads the bundle on its own (a second pass, on the
 * other core) with the same code (ClaimsPass, buildSeries, findConflicts, writeTableCsv), keeps the
 * figures, and writes the two tables' CSV files into the export folder. The main thread then keeps
 * no figures at all. Only the compiled module runs as a worker; from the TypeScript sources (tests)
 * `derivedWorkerAvailable()` is false and the export derives the tables in its own thread.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ClaimFilters } from './args.js';
import { datasetFromFile } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { writeTableCsv, type TableCsv, type TableCsvOptions } from './table-writer.js';
import { buildTables } from './tables.js';

/** The tables the worker writes. */
export const DERIVED_TABLES: readonly string[] = ['series', 'conflicts'];

export interface DerivedJob {
  dataset: string;
  filters: ClaimFilters;
  dir: string;
  csv: TableCsvOptions;
}

type Outcome = { ok: true; tables: Record<string, TableCsv> } | { ok: false; kind: string; message: string; code?: string };

/** Writes the derived tables of `job` in this thread. */
export async function writeDerivedTables(job: DerivedJob): Promise<Record<string, TableCsv>> {
  const { tables } = buildTables(datasetFromFile(job.dataset), job.filters);
  const written: Record<string, TableCsv> = {};
  for (const table of tables) if (DERIVED_TABLES.includes(table.name)) written[table.name] = await writeTableCsv(job.dir, table, job.csv);
  return written;
}

const self = fileURLToPath(import.meta.url);

/** Whether this module can run as a worker (it is the compiled JavaScript). */
export const derivedWorkerAvailable = (): boolean => self.endsWith('.js');

/** A running worker: what it wrote, once done; `stop()` ends it (after a failure elsewhere). */
export interface DerivedWorker {
  result: Promise<Record<string, TableCsv>>;
  stop: () => Promise<void>;
}

/** Starts a worker writing the derived tables of `job`. */
export function startDerivedWorker(job: DerivedJob): DerivedWorker {
  const worker = new Worker(self, { workerData: { derivedJob: job } });
  const result = new Promise<Record<string, TableCsv>>((resolve, reject) => {
    worker.once('message', (outcome: Outcome) => {
      if (outcome.ok) return resolve(outcome.tables);
      const error =
        outcome.kind === 'UsageError' ? new UsageError(outcome.message) : outcome.kind === 'ExportError' ? new ExportError(outcome.message) : Object.assign(new Error(outcome.message), { code: outcome.code });
      reject(error);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new ExportError(`the worker writing the series stopped (exit code ${code})`)));
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
      parentPort!.postMessage({ ok: false, kind: e?.name ?? 'Error', message: e?.message ?? String(error), ...(e?.code ? { code: e.code } : {}) } satisfies Outcome);
    },
  );
}
