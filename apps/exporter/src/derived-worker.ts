/**
 * The derived tables (series, conflicts) of a --dataset export, written by a worker thread while
 * the main thread writes the claims: the worker reads the bundle on its own (a second pass, on the
 * other core) with the same code (ClaimsPass, seriesPoints, conflictOf, writeTable), keeps the
 * figures, and writes the two tables' CSV files into the export folder, and for Parquet the CSV
 * that DuckDB copies into the staging folder (DuckDB runs in the main thread, which copies them
 * once the worker is done). The main thread then keeps no figures at all. Only the compiled module
 * runs as a worker; from the TypeScript sources (tests) `derivedWorkerAvailable()` is false and the
 * export derives the tables in its own thread.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ClaimFilters, Format } from './args.js';
import { datasetFromFile } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { BufferedFileWriter } from './file-writer.js';
import type { ParquetSink } from './parquet.js';
import { csvHeader } from './csv.js';
import { writeTable, type ParquetSinks } from './table-writer.js';
import { buildTables, type Table } from './tables.js';
import type { FileDigest } from './checksums.js';

/** The tables the worker writes. */
export const DERIVED_TABLES: readonly string[] = ['series', 'conflicts'];

export interface DerivedJob {
  dataset: string;
  filters: ClaimFilters;
  /** The export folder (CSV files) and its staging folder (the CSV for DuckDB). */
  dir: string;
  stagingDir: string;
  formats: readonly Format[];
  excelSafe: boolean;
}

/** A derived table as the worker wrote it. */
export interface DerivedTable {
  rows: number;
  /** The CSV file's digest, when CSV is exported. */
  csv: FileDigest | null;
  /** The complete CSV for DuckDB to copy to Parquet, when Parquet is exported. */
  staged: string | null;
}

type Outcome = { ok: true; tables: Record<string, DerivedTable> } | { ok: false; kind: string; message: string; code?: string };

/** Staging files for DuckDB, copied later by the main thread's DuckDB. */
class StagingSinks implements ParquetSinks {
  readonly staged = new Map<string, string>();
  constructor(private readonly stagingDir: string) {}

  async sink(_file: string, table: Table): Promise<ParquetSink> {
    const csv = path.join(this.stagingDir, `${table.name}.derived.csv`);
    const out = await BufferedFileWriter.create(csv);
    await out.write(csvHeader(table.columns));
    this.staged.set(table.name, csv);
    return {
      out,
      finish: async () => {
        await out.close({ sync: false });
        return { copied: Promise.resolve() };
      },
      discard: async (error) => {
        await out.discard();
        return error;
      },
    };
  }
}

/** Writes the derived tables of `job` in this thread. */
export async function writeDerivedTables(job: DerivedJob): Promise<Record<string, DerivedTable>> {
  const { tables } = buildTables(datasetFromFile(job.dataset), job.filters);
  const sinks = job.formats.includes('parquet') ? new StagingSinks(job.stagingDir) : null;
  const written: Record<string, DerivedTable> = {};
  for (const table of tables) {
    if (!DERIVED_TABLES.includes(table.name)) continue;
    const { rows, csv } = await writeTable(job.dir, table, {
      formats: job.formats,
      excelSafe: job.excelSafe,
      parquet: sinks,
    });
    written[table.name] = {
      rows,
      csv,
      staged: sinks?.staged.get(table.name) ?? null,
    };
  }
  return written;
}
const self = fileURLToPath(import.meta.url);

/** Whether this module can run as a worker (it is the compiled JavaScript). */
export const derivedWorkerAvailable = (): boolean => self.endsWith('.js');

/** A running worker: what it wrote, once done; `stop()` ends it (after a failure elsewhere). */
export interface DerivedWorker {
  result: Promise<Record<string, DerivedTable>>;
  stop: () => Promise<void>;
}

/** Starts a worker writing the derived tables of `job`. */
export function startDerivedWorker(job: DerivedJob): DerivedWorker {
  const worker = new Worker(self, { workerData: { derivedJob: job } });
  const result = new Promise<Record<string, DerivedTable>>((resolve, reject) => {
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
      parentPort!.postMessage({
        ok: false,
        kind: e?.name ?? 'Error',
        message: e?.message ?? String(error),
        ...(e?.code ? { code: e.code } : {}),
      } satisfies Outcome);
    }
  );
}
