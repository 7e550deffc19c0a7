/**
 * The export: load the dataset, build the tables, write CSV and/or Parquet, the README,
 * datapackage.json and SHA256SUMS into a temporary folder, then move it into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExportOptions, Format } from './args.js';
import { AtomicOutput } from './atomic-output.js';
import { digestFile, sha256sums, type FileDigest } from './checksums.js';
import { writeCsv } from './csv.js';
import { buildDatapackage, tableFile, type WrittenTable } from './datapackage.js';
import { datasetFromFile, packagedDataset, type LoadedDataset } from './dataset-source.js';
import { ExportError, UsageError } from './errors.js';
import { checkFilterIds } from './filters.js';
import { ParquetWriter } from './parquet.js';
import { buildReadme } from './readme.js';
import { buildTables } from './tables.js';
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

function maxOf(values: Iterable<string | null>): string | null {
  let max: string | null = null;
  for (const v of values) if (v !== null && (max === null || v > max)) max = v;
  return max;
}

/** Writes the export described by `options`; see ExportOptions. */
export async function exportDataset(options: ExportOptions): Promise<ExportResult> {
  const data: LoadedDataset = options.dataset ? datasetFromFile(options.dataset) : packagedDataset();
  checkFilterIds(options.filters, data.bundle);
  if (!options.formats.length) throw new UsageError('--format: give at least one format (csv, parquet)');
  const delay = slowWriterDelay();
  const { tables } = buildTables(data, options.filters);

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
      let rows = -1;
      for (const format of options.formats) {
        const file = tableFile(table.name, format);
        const full = path.join(dir, file);
        const n = format === 'csv' ? await writeCsv(full, table, { excelSafe: options.excelSafe }) : await run.parquet!.write(full, table);
        if (rows !== -1 && n !== rows) throw new ExportError(`table ${table.name}: ${n} rows in ${format} but ${rows} in the other format`);
        rows = n;
        written.push({ table, format, rows: n, digest: await digestFile(full, file) });
        if (delay) await sleep(delay);
      }
      counts.push({ name: table.name, rows });
    }
    run.parquet?.close();
    run.parquet = null;
    fs.rmSync(stagingDir, { recursive: true, force: true });

    const exported = tables.find((t) => t.name === 'claims')!.rows() as Iterable<{ as_of_end?: unknown; source_published_start?: unknown }>;
    const asOfEnds: (string | null)[] = [];
    const published: (string | null)[] = [];
    for (const row of exported) {
      asOfEnds.push(typeof row.as_of_end === 'string' ? row.as_of_end : null);
      published.push(typeof row.source_published_start === 'string' ? row.source_published_start : null);
    }
    const facts = {
      version: data.bundle.version,
      schemaVersion: data.bundle.schema_version,
      published: !options.dataset,
      formats: options.formats,
      filters: options.filters,
      excelSafe: options.excelSafe,
    };
    const readme = buildReadme({
      ...facts,
      tables: tables.map((table, i) => ({ table, rows: counts[i]!.rows })),
      asOfThrough: maxOf(asOfEnds),
      publishedThrough: maxOf(published),
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
      version: data.bundle.version,
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
