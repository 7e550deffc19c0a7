/**
 * Writes one table in one pass over its rows: its CSV file (when CSV is exported) and the CSV that
 * DuckDB turns into its Parquet file (when Parquet is exported; see ParquetWriter.sink), through
 * writeLines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Format } from './args.js';
import type { FileDigest } from './checksums.js';
import { csvHeader, writeLines } from './csv.js';
import { tableFile } from './datapackage.js';
import { BufferedFileWriter } from './file-writer.js';
import type { ParquetSink, ParquetWriter } from './parquet.js';
import type { Table } from './tables.js';

export interface TableWriteOptions {
  formats: readonly Format[];
  excelSafe: boolean;
  /** DuckDB, when Parquet is exported. */
  parquet: ParquetWriter | null;
}

export interface WrittenTable {
  rows: number;
  /** The CSV file's digest, when CSV is exported. */
  csv: FileDigest | null;
  /** Resolves once DuckDB has written the Parquet file, when Parquet is exported. */
  parquet: Promise<void> | null;
}

/** Writes the files of `table` into `dir` (see the module comment). */
export async function writeTable(
  dir: string,
  table: Table,
  options: TableWriteOptions,
): Promise<WrittenTable> {
  const csvFile = tableFile(table.name, 'csv');
  const parquetFile = tableFile(table.name, 'parquet');
  let csv: BufferedFileWriter | null = null;
  let sink: ParquetSink | null = null;
  try {
    if (options.formats.includes('csv')) {
      csv = await BufferedFileWriter.create(path.join(dir, csvFile), { hash: true });
      await csv.write(csvHeader(table.columns));
    }
    if (options.parquet) sink = await options.parquet.sink(path.join(dir, parquetFile), table);
    const rows = await writeLines(table, csv, sink?.out ?? null, options.excelSafe);
    let digest: FileDigest | null = null;
    if (csv) {
      const { bytes, sha256 } = await csv.close();
      digest = { path: csvFile, bytes, sha256: sha256! };
    }
    const parquet = sink ? (await sink.finish()).copied : null;
    return { rows, csv: digest, parquet };
  } catch (error) {
    await csv?.discard();
    fs.rmSync(path.join(dir, csvFile), { force: true });
    throw sink ? await sink.discard(error) : error;
  }
}
