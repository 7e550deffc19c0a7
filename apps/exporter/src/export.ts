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
import { DERIVED_TABLES, derivedWorkerAvailable, startDerivedWorker, type DerivedWorker } from './derived-worker.js';
import { ClaimsOrderRestart, datasetFromFile, fileFingerprint, packagedDataset, type LoadedDataset } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { checkFilterIds } from './filters.js';
import { ParquetWriter } from './parquet.js';
import { buildReadme } from './readme.js';
import { writeTableCsv, type TableCsv, type TableCsvOptions } from './table-writer.js';
import { buildTables, type Table } from './tables.js';
import { slowWriterDelay } from './test-hooks.js';

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
      run.parquet?.interrupt();
    } catch {
      // Already closed.
    }
    run.output.abort();
  }
  running.clear();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A table's CSV as written, and its Parquet file once DuckDB has written it (when Parquet is exported). */
interface TableWrite {
  csv: TableCsv;
  parquet: Promise<FileDigest> | null;
}

/**
 * Queues DuckDB's copy of a table's CSV to Parquet (see ParquetWriter.copyCsv): it runs while the
 * next tables are written. Resolves to the Parquet file's digest.
 */
function queueParquet(dir: string, table: Table, csv: TableCsv, parquet: ParquetWriter): Promise<FileDigest> {
  const file = tableFile(table.name, 'parquet');
  const digest = parquet.copyCsv(path.join(dir, file), table, csv.parquetSource!).then(async () => {
    if (csv.staged) fs.rmSync(csv.parquetSource!, { force: true });
    return digestFile(path.join(dir, file), file);
  });
  // Awaited after the next tables are written; a failure meanwhile must not count as unhandled.
  digest.catch(() => {});
  return digest;
}

/** Writes a table's CSV; a bundle whose claims cannot be merged on the fly is written again, sorted in memory. */
async function writeCsvOf(dir: string, table: Table, options: TableCsvOptions): Promise<TableCsv> {
  try {
    return await writeTableCsv(dir, table, options);
  } catch (error) {
    if (!(error instanceof ClaimsOrderRestart)) throw error;
    return writeTableCsv(dir, table, options);
  }
}

/** Writes the export described by `options`; see ExportOptions. */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  // A bundle is read more than once (the claims, and the series in a worker): it must not change meanwhile.
  const bundleBefore = options.dataset ? fileFingerprint(options.dataset) : null;
  const data: LoadedDataset = options.dataset ? datasetFromFile(options.dataset) : packagedDataset();
  checkFilterIds(options.filters, data.head);
  if (!options.formats.length) throw new UsageError('--format: give at least one format (csv, parquet)');
  const delay = slowWriterDelay();
  const output = AtomicOutput.prepare(options.out);
  const run: Run = { output, parquet: null, worker: null };
  running.add(run);
  try {
    const dir = output.tempDir;
    const stagingDir = path.join(dir, '.staging');
    const csvOptions: TableCsvOptions = { formats: options.formats, excelSafe: options.excelSafe, stagingDir };
    if (options.formats.includes('parquet')) fs.mkdirSync(stagingDir, { recursive: true });
    // A --dataset bundle: the series are derived by a worker reading the bundle alongside.
    if (options.dataset && derivedWorkerAvailable()) run.worker = startDerivedWorker({ dataset: options.dataset, filters: options.filters, dir, csv: csvOptions });
    const { tables, pass, release } = buildTables(data, options.filters, { derived: !run.worker });
    if (options.formats.includes('parquet')) {
      run.parquet = await ParquetWriter.open(stagingDir);
      // DuckDB waits for the worker: their memory peaks never add up.
      if (run.worker) run.parquet.waitFor(run.worker.result);
    }
    const writes: { table: Table; write: TableWrite }[] = [];
    for (const table of tables) {
      const csv = run.worker && DERIVED_TABLES.includes(table.name) ? (await run.worker.result)[table.name]! : await writeCsvOf(dir, table, csvOptions);
      writes.push({ table, write: { csv, parquet: run.parquet ? queueParquet(dir, table, csv, run.parquet) : null } });
      if (delay && csv.csv) await sleep(delay);
    }
    // Every row is written: free the series before waiting for DuckDB's last copies.
    release();
    const written: WrittenTable[] = [];
    const counts: { name: string; rows: number }[] = [];
    for (const { table, write } of writes) {
      const digests: Record<Format, FileDigest | null> = { csv: write.csv.csv, parquet: write.parquet ? await write.parquet : null };
      for (const format of options.formats) {
        const digest = digests[format];
        if (!digest) continue;
        written.push({ table, format, rows: write.csv.rows, digest });
        if (delay && format === 'parquet') await sleep(delay);
      }
      counts.push({ name: table.name, rows: write.csv.rows });
    }
    run.parquet?.close();
    run.parquet = null;
    fs.rmSync(stagingDir, { recursive: true, force: true });

    const scan = pass.scan();
    const facts = {
      version: data.head.version,
      schemaVersion: data.head.schema_version,
      published: !options.dataset,
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
    const files = [...written.map((w) => w.digest), readmeDigest, await digestFile(path.join(dir, 'datapackage.json'), 'datapackage.json')];
    fs.writeFileSync(path.join(dir, 'SHA256SUMS'), sha256sums(files));
    files.push(await digestFile(path.join(dir, 'SHA256SUMS'), 'SHA256SUMS'));
    if (delay) await sleep(delay);

    if (options.dataset && fileFingerprint(options.dataset) !== bundleBefore)
      throw new ExportError(`--dataset ${options.dataset} changed while it was being exported (it is read twice: for the claims, and for the series); run again once it no longer changes`);
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
    if (code === 'ENOSPC') throw new ExportError(`the disk of ${options.out} is full; free space and run again (the previous export is intact)`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`--out ${options.out}: permission denied while writing (${(error as Error).message}); choose a folder you can write to`);
    throw new ExportError(`the export failed: ${(error as Error).message.split('\n')[0]} (the previous export is intact)`, { cause: error });
  }
}
