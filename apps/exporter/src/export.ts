/**
 * The export: load the dataset, build the tables, write CSV and/or Parquet, the README,
 * datapackage.json and SHA256SUMS into a temporary folder, then move it into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportOptions, Format } from './args.js';
import { AtomicOutput } from './atomic-output.js';
import { digestFile, sha256sums, type FileDigest } from './checksums.js';
import { buildDatapackage, tableFile, type WrittenTable } from './datapackage.js';
import {
  DERIVED_TABLES,
  derivedWorkerAvailable,
  startDerivedWorker,
  type DerivedWorker,
} from './derived-worker.js';
import {
  ClaimsOrderRestart,
  datasetFromFile,
  fileFingerprint,
  packagedDataset,
  type LoadedDataset,
} from './dataset-source.js';
import { datasetFromFolder } from './data-folder.js';
import { ExportError, UsageError } from './errors.js';
import { checkFilterIds } from './filters.js';
import { checkOutOutside, checkOutPath } from './out-path.js';
import { ParquetWriter } from './parquet.js';
import { buildReadme } from './readme.js';
import {
  writeTable,
  type TableWriteOptions,
  type WrittenTable as TableFiles,
} from './table-writer.js';
import { buildTables, type Table } from './tables.js';

export interface ExportResult {
  outDir: string;
  version: string;
  formats: readonly Format[];
  tables: { name: string; rows: number }[];
  /** Every file of the export with its size and SHA-256, sorted by path. */
  files: FileDigest[];
}

/** Exports in progress, so that a signal handler can remove their temporary folders. */
interface Run {
  output: AtomicOutput;
  parquet: ParquetWriter | null;
  worker: DerivedWorker | null;
}
const running = new Set<Run>();

/**
 * Removes the temporary folders of the exports in progress and stops their DuckDB work.
 * Synchronous: for signal handlers (the CLI calls it on SIGINT, SIGTERM and SIGHUP).
 */
export function abortRunningExports(): void {
  for (const run of running) {
    void run.worker?.stop();
    try {
      run.parquet?.abort();
    } catch {
      // Already closed.
    }
    run.output.abort();
  }
  running.clear();
}

/** The tables DuckDB copies while they are written (a row per claim or per series point); the small ones go through staging files. */
const STREAMED_TABLES = ['claims', 'series', 'conflicts'];

/** Writes a table; a bundle whose claims cannot be merged on the fly is written again, sorted in memory. */
async function writeTableOf(
  dir: string,
  table: Table,
  options: TableWriteOptions,
): Promise<TableFiles> {
  try {
    return await writeTable(dir, table, options);
  } catch (error) {
    if (!(error instanceof ClaimsOrderRestart)) throw error;
    return writeTable(dir, table, options);
  }
}

/** Writes the export described by `options`; see ExportOptions. */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  // A bundle is read more than once (its head, then its claims; again for a bundle out of order, or by the worker): it must not change meanwhile.
  const bundleBefore = options.dataset ? fileFingerprint(options.dataset) : null;
  checkOutPath(options.out);
  const data: LoadedDataset = options.dataset
    ? datasetFromFile(options.dataset)
    : options.data
      ? datasetFromFolder(options.data)
      : packagedDataset();
  const input = options.dataset ?? options.data;
  if (input) checkOutOutside(options.out, input);
  checkFilterIds(options.filters, data.head);
  if (!options.formats.length)
    throw new UsageError('--format: give at least one format (csv, parquet)');
  const output = AtomicOutput.prepare(options.out);
  const run: Run = { output, parquet: null, worker: null };
  running.add(run);
  try {
    const dir = output.tempDir;
    const stagingDir = path.join(dir, '.staging');
    // The second core: DuckDB's when Parquet is written (it copies the tables as they are written);
    // else, for a --dataset bundle, a worker's, which derives the series from its own read of the bundle.
    if (options.dataset && !options.formats.includes('parquet') && derivedWorkerAvailable())
      run.worker = startDerivedWorker({
        dataset: options.dataset,
        filters: options.filters,
        dir,
        excelSafe: options.excelSafe,
      });
    const { tables, pass, release } = buildTables(data, options.filters, { derived: !run.worker });
    if (options.formats.includes('parquet'))
      run.parquet = await ParquetWriter.open(stagingDir, STREAMED_TABLES);
    const writeOptions: TableWriteOptions = {
      formats: options.formats,
      excelSafe: options.excelSafe,
      parquet: run.parquet,
    };
    // DuckDB copies each table while the next ones are written; their Parquet files are awaited at the end.
    const writes: {
      table: Table;
      rows: number;
      csv: FileDigest | null;
      parquet: Promise<FileDigest> | null;
    }[] = [];
    for (const table of tables) {
      const files =
        run.worker && DERIVED_TABLES.includes(table.name)
          ? (await run.worker.result)[table.name]!
          : await writeTableOf(dir, table, writeOptions);
      const parquetFile = tableFile(table.name, 'parquet');
      const parquet = files.parquet
        ? files.parquet.then(() => digestFile(path.join(dir, parquetFile), parquetFile))
        : null;
      // Awaited once the later tables are written; a failure meanwhile must not count as unhandled.
      parquet?.catch(() => {});
      writes.push({ table, rows: files.rows, csv: files.csv, parquet });
    }
    // Every row is written: free the series before waiting for DuckDB's last copies.
    release();
    const written: WrittenTable[] = [];
    const counts: { name: string; rows: number }[] = [];
    for (const { table, rows, csv, parquet } of writes) {
      const digests: Record<Format, FileDigest | null> = {
        csv,
        parquet: parquet ? await parquet : null,
      };
      for (const format of options.formats) {
        const digest = digests[format];
        if (!digest) continue;
        written.push({ table, format, rows, digest });
      }
      counts.push({ name: table.name, rows });
    }
    run.parquet?.close();
    run.parquet = null;
    fs.rmSync(stagingDir, { recursive: true, force: true });

    const scan = pass.scan();
    const facts = {
      version: data.head.version,
      schemaVersion: data.head.schema_version,
      published: !options.dataset && !options.data,
      formats: options.formats,
      filters: options.filters,
      excelSafe: options.excelSafe,
    };
    const readme = buildReadme({
      ...facts,
      tables: tables.map((table, i) => ({ table, rows: counts[i]!.rows })),
      asOfThrough: scan.asOfThrough,
      publishedThrough: scan.publishedThrough,
    });
    fs.writeFileSync(path.join(dir, 'README.md'), readme);
    const readmeDigest = await digestFile(path.join(dir, 'README.md'), 'README.md');
    const descriptor = buildDatapackage({ ...facts, written, readme: readmeDigest });
    fs.writeFileSync(
      path.join(dir, 'datapackage.json'),
      `${JSON.stringify(descriptor, null, 2)}\n`,
    );
    const files = [
      ...written.map((w) => w.digest),
      readmeDigest,
      await digestFile(path.join(dir, 'datapackage.json'), 'datapackage.json'),
    ];
    fs.writeFileSync(path.join(dir, 'SHA256SUMS'), sha256sums(files));
    files.push(await digestFile(path.join(dir, 'SHA256SUMS'), 'SHA256SUMS'));

    if (options.dataset && fileFingerprint(options.dataset) !== bundleBefore)
      throw new ExportError(
        `--dataset ${options.dataset} changed while it was being exported (it is read more than once); run again once it no longer changes`,
      );
    output.commit();
    running.delete(run);
    return {
      outDir: output.outDir,
      version: data.head.version,
      formats: options.formats,
      tables: counts,
      files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    };
  } catch (error) {
    try {
      await run.worker?.stop();
      run.parquet?.interrupt();
      await run.parquet?.settle();
      run.parquet?.close();
    } catch {
      // Closing after a failure is best effort.
    }
    output.abort();
    running.delete(run);
    if (error instanceof UsageError || error instanceof ExportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC')
      throw new ExportError(
        `the disk of ${options.out} is full; free space and run again (the previous export is intact)`,
        { cause: error },
      );
    if (code === 'EACCES' || code === 'EPERM')
      throw new UsageError(
        `--out ${options.out}: permission denied while writing (${(error as Error).message}); choose a folder you can write to`,
      );
    throw new ExportError(
      `the export failed: ${(error as Error).message.split('\n')[0]} (the previous export is intact)`,
      { cause: error },
    );
  }
}
