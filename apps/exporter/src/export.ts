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
import type { ClaimsPass } from './claims-pass.js';
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

/** The data of an export, once its arguments are checked (before anything is written). */
function loadInput(options: ExportOptions): LoadedDataset {
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
  return data;
}

/** A table as written: its rows, its CSV file's digest, and its Parquet file's once DuckDB is done. */
interface TableWrite {
  table: Table;
  rows: number;
  csv: FileDigest | null;
  parquet: Promise<FileDigest> | null;
}

/** A table's name and its number of rows. */
interface TableCount {
  name: string;
  rows: number;
}

/** What the tables of an export are, once written: what the README and datapackage.json say of them. */
interface TablesWritten {
  tables: Table[];
  /** Every file of every table, in table and format order. */
  written: WrittenTable[];
  counts: TableCount[];
  /** The pass over the claims, which saw the dates the README gives. */
  pass: ClaimsPass;
}

/** Writes every table of `data` into the temporary folder of `run`, in every format asked for. */
async function writeTables(
  run: Run,
  data: LoadedDataset,
  options: ExportOptions,
): Promise<TablesWritten> {
  const dir = run.output.tempDir;
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
  const parquet = options.formats.includes('parquet');
  const { tables, pass, release } = buildTables(data, options.filters, {
    derived: !run.worker,
    lowMemory: parquet ? { stagingDir } : undefined,
  });
  if (parquet) run.parquet = await ParquetWriter.open(stagingDir, STREAMED_TABLES);
  const writes = await startTableWrites(run, tables, options);
  // Every row is written: free the series before waiting for DuckDB's last copies.
  release();
  const { written, counts } = await finishTableWrites(writes, options.formats);
  run.parquet?.close();
  run.parquet = null;
  fs.rmSync(stagingDir, { recursive: true, force: true });
  return { tables, written, counts, pass };
}

/**
 * Writes every table's rows, in order; DuckDB copies each table while the next ones are written, so
 * their Parquet files are awaited later (finishTableWrites). The worker's tables are its own.
 */
async function startTableWrites(
  run: Run,
  tables: Table[],
  options: ExportOptions,
): Promise<TableWrite[]> {
  const dir = run.output.tempDir;
  const writeOptions: TableWriteOptions = {
    formats: options.formats,
    excelSafe: options.excelSafe,
    parquet: run.parquet,
  };
  const writes: TableWrite[] = [];
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
  return writes;
}

/** Waits for DuckDB's Parquet files; the files of every table, in table and format order, and each table's rows. */
async function finishTableWrites(
  writes: TableWrite[],
  formats: readonly Format[],
): Promise<{ written: WrittenTable[]; counts: TableCount[] }> {
  const written: WrittenTable[] = [];
  const counts: TableCount[] = [];
  for (const { table, rows, csv, parquet } of writes) {
    const digests: Record<Format, FileDigest | null> = {
      csv,
      parquet: parquet ? await parquet : null,
    };
    for (const format of formats) {
      const digest = digests[format];
      if (!digest) continue;
      written.push({ table, format, rows, digest });
    }
    counts.push({ name: table.name, rows });
  }
  return { written, counts };
}

/** Writes README.md, datapackage.json and SHA256SUMS into `dir`; returns the digests of every file of the export. */
async function writeMetadata(
  dir: string,
  data: LoadedDataset,
  options: ExportOptions,
  { tables, written, counts, pass }: TablesWritten,
): Promise<FileDigest[]> {
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
  fs.writeFileSync(path.join(dir, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
  const files = [
    ...written.map((w) => w.digest),
    readmeDigest,
    await digestFile(path.join(dir, 'datapackage.json'), 'datapackage.json'),
  ];
  fs.writeFileSync(path.join(dir, 'SHA256SUMS'), sha256sums(files));
  files.push(await digestFile(path.join(dir, 'SHA256SUMS'), 'SHA256SUMS'));
  return files;
}

/** Stops what a failed export started (DuckDB's copies, the worker) and removes its temporary folder. */
async function abandon(run: Run): Promise<void> {
  try {
    await run.worker?.stop();
    run.parquet?.interrupt();
    await run.parquet?.settle();
    run.parquet?.close();
  } catch {
    // Closing after a failure is best effort.
  }
  run.output.abort();
  running.delete(run);
}

/** The error to report for `error`, thrown while writing to `out`. */
function exportFailure(error: unknown, out: string): Error {
  if (error instanceof UsageError || error instanceof ExportError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC')
    return new ExportError(
      `the disk of ${out} is full; free space and run again (the previous export is intact)`,
      { cause: error },
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new UsageError(
      `--out ${out}: permission denied while writing (${(error as Error).message}); choose a folder you can write to`,
    );
  return new ExportError(
    `the export failed: ${(error as Error).message.split('\n')[0]} (the previous export is intact)`,
    { cause: error },
  );
}

const byPath = (a: FileDigest, b: FileDigest) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Writes the export described by `options`; see ExportOptions. */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  // A bundle is read more than once (its head, then its claims; again for a bundle out of order, or by the worker): it must not change meanwhile.
  const bundleBefore = options.dataset ? fileFingerprint(options.dataset) : null;
  const data = loadInput(options);
  const output = AtomicOutput.prepare(options.out);
  const run: Run = { output, parquet: null, worker: null };
  running.add(run);
  try {
    const tables = await writeTables(run, data, options);
    const files = await writeMetadata(output.tempDir, data, options, tables);
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
      tables: tables.counts,
      files: files.sort(byPath),
    };
  } catch (error) {
    await abandon(run);
    throw exportFailure(error, options.out);
  }
}
