/**
 * The export: load the dataset, build the tables, write CSV and/or Parquet, the README,
 * datapackage.json and SHA256SUMS into a temporary folder, then move it into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportOptions, Format } from './args.js';
import { AtomicOutput } from './atomic-output.js';
import { digestFile, sha256sums, type FileDigest } from './checksums.js';
import { CsvFile, csvLine } from './csv.js';
import { buildDatapackage, tableFile, type WrittenTable } from './datapackage.js';
import { ClaimsOrderRestart, datasetFromFile, packagedDataset, type LoadedDataset } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { checkFilterIds } from './filters.js';
import { ParquetWriter } from './parquet.js';
import { buildReadme } from './readme.js';
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
const running = new Set<{ output: AtomicOutput; parquet: ParquetWriter | null }>();

/**
 * Removes the temporary folders of the exports in progress and stops their DuckDB work.
 * Synchronous: for signal handlers (the CLI calls it on SIGINT, SIGTERM and SIGHUP).
 */
export function abortRunningExports(): void {
  for (const run of running) {
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

/**
 * Writes one table in every format in one pass over its rows: the CSV file, and for Parquet the CSV
 * that DuckDB reads (the CSV file itself, or a staging copy when there is no CSV or it is
 * --excel-safe). Returns the row count and the digests, in the order of `formats`.
 */
async function writeTable(
  dir: string,
  table: Table,
  options: ExportOptions,
  parquet: ParquetWriter | null,
): Promise<{ rows: number; files: { format: Format; digest: FileDigest }[] }> {
  const wantCsv = options.formats.includes('csv');
  const csvPath = path.join(dir, tableFile(table.name, 'csv'));
  const csv = wantCsv ? await CsvFile.create(csvPath, table, { excelSafe: options.excelSafe }) : null;
  const stagingPath = parquet && (!csv || options.excelSafe) ? parquet.stagingFile(table) : null;
  const staging = stagingPath ? await CsvFile.create(stagingPath, table, { excelSafe: false }, { hash: false }) : null;
  const files: { format: Format; digest: FileDigest }[] = [];
  try {
    let rows = 0;
    if (csv && staging) {
      for (const row of table.rows()) {
        const a = csv.add(row);
        if (a) await a;
        const b = staging.add(row);
        if (b) await b;
        rows++;
      }
    } else {
      const only = (csv ?? staging)!;
      const lineOptions = { excelSafe: csv ? options.excelSafe : false };
      for (const row of table.rows()) {
        const pending = only.addLine(csvLine(table, row, lineOptions));
        if (pending) await pending;
        rows++;
      }
    }
    if (csv) {
      const { bytes, sha256 } = await csv.close();
      files.push({ format: 'csv', digest: { path: tableFile(table.name, 'csv'), bytes, sha256: sha256! } });
    }
    if (staging) await staging.close({ sync: false });
    if (parquet) {
      const file = tableFile(table.name, 'parquet');
      await parquet.copyCsv(path.join(dir, file), table, stagingPath ?? csvPath);
      if (stagingPath) fs.rmSync(stagingPath, { force: true });
      files.push({ format: 'parquet', digest: await digestFile(path.join(dir, file), file) });
    }
    files.sort((a, b) => options.formats.indexOf(a.format) - options.formats.indexOf(b.format));
    return { rows, files };
  } catch (error) {
    await csv?.discard();
    await staging?.discard();
    for (const f of [csvPath, stagingPath, path.join(dir, tableFile(table.name, 'parquet'))]) if (f) fs.rmSync(f, { force: true });
    throw error;
  }
}

/** Writes the export described by `options`; see ExportOptions. */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  const data: LoadedDataset = options.dataset ? datasetFromFile(options.dataset) : packagedDataset();
  checkFilterIds(options.filters, data.head);
  if (!options.formats.length) throw new UsageError('--format: give at least one format (csv, parquet)');
  const delay = slowWriterDelay();
  const { tables, pass } = buildTables(data, options.filters);

  const output = AtomicOutput.prepare(options.out);
  const run: { output: AtomicOutput; parquet: ParquetWriter | null } = { output, parquet: null };
  running.add(run);
  try {
    const dir = output.tempDir;
    const stagingDir = path.join(dir, '.staging');
    if (options.formats.includes('parquet')) run.parquet = await ParquetWriter.open(stagingDir);
    const written: WrittenTable[] = [];
    const counts: { name: string; rows: number }[] = [];
    for (const table of tables) {
      let result;
      try {
        result = await writeTable(dir, table, options, run.parquet);
      } catch (error) {
        // A bundle whose claims cannot be merged on the fly: the table is written again, sorted in memory.
        if (!(error instanceof ClaimsOrderRestart)) throw error;
        result = await writeTable(dir, table, options, run.parquet);
      }
      for (const { format, digest } of result.files) {
        written.push({ table, format, rows: result.rows, digest });
        if (delay) await sleep(delay);
      }
      counts.push({ name: table.name, rows: result.rows });
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
