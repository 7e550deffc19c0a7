/**
 * Writes the CSV of one table in one pass over its rows: the CSV file (when CSV is exported), and
 * the CSV that DuckDB reads for Parquet (the CSV file itself, or a staging copy when there is no CSV
 * or it is --excel-safe). Used by the export and by the worker that writes the derived tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Format } from './args.js';
import type { FileDigest } from './checksums.js';
import { CsvFile } from './csv.js';
import { tableFile } from './datapackage.js';
import type { Table } from './tables.js';

export interface TableCsvOptions {
  formats: readonly Format[];
  excelSafe: boolean;
  /** Where staging CSVs for Parquet go. */
  stagingDir: string;
}

export interface TableCsv {
  rows: number;
  /** The CSV file's digest, when CSV is exported. */
  csv: FileDigest | null;
  /** The CSV DuckDB reads to write the Parquet file, when Parquet is exported. */
  parquetSource: string | null;
  /** Whether `parquetSource` is a staging file (to remove once read). */
  staged: boolean;
}

/** Where the CSV staging file of `table` goes. */
export const stagingFile = (stagingDir: string, table: Pick<Table, 'name'>): string => path.join(stagingDir, `${table.name}.csv`);

/** Writes the CSV files of `table` into `dir` (see the module comment). */
export async function writeTableCsv(dir: string, table: Table, options: TableCsvOptions): Promise<TableCsv> {
  const wantParquet = options.formats.includes('parquet');
  const csvPath = path.join(dir, tableFile(table.name, 'csv'));
  const csv = options.formats.includes('csv') ? await CsvFile.create(csvPath, table, { excelSafe: options.excelSafe }) : null;
  const stagingPath = wantParquet && (!csv || options.excelSafe) ? stagingFile(options.stagingDir, table) : null;
  const staging = stagingPath ? await CsvFile.create(stagingPath, table, { excelSafe: false }, { hash: false }) : null;
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
      for (const row of table.rows()) {
        const pending = only.add(row);
        if (pending) await pending;
        rows++;
      }
    }
    let digest: FileDigest | null = null;
    if (csv) {
      const { bytes, sha256 } = await csv.close();
      digest = { path: tableFile(table.name, 'csv'), bytes, sha256: sha256! };
    }
    if (staging) await staging.close({ sync: false });
    return { rows, csv: digest, parquetSource: wantParquet ? (stagingPath ?? csvPath) : null, staged: stagingPath !== null };
  } catch (error) {
    await csv?.discard();
    await staging?.discard();
    for (const f of [csvPath, stagingPath]) if (f) fs.rmSync(f, { force: true });
    throw error;
  }
}
