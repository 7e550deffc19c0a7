/**
 * Parquet written by DuckDB. Each table is streamed to a newline-delimited JSON staging file, which
 * DuckDB reads with the declared column types and copies to Parquet:
 *
 *   COPY (SELECT … FROM read_json('<staging>', format = 'newline_delimited', columns = {…}))
 *     TO '<table>.parquet' (FORMAT parquet, COMPRESSION zstd)
 *
 * so the Parquet work (encoding, compression, row groups) is DuckDB's own, streaming from disk
 * under a memory limit. Types: VARCHAR, DOUBLE, BIGINT, BOOLEAN, DATE and VARCHAR[] (see
 * DUCKDB_TYPES).
 *
 * Reproducible bytes: DuckDB writes no timestamp into Parquet, and keeps insertion order. Its
 * single-threaded and multi-threaded copy plans lay row groups out differently (both are
 * deterministic), so the thread count is pinned (THREADS) rather than taken from the machine:
 * the same dataset and DuckDB version give the same bytes on any machine. The DuckDB version is
 * pinned by package-lock.json; another DuckDB version may write different (equally valid) bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { checkedCell } from './cells.js';
import { rowKey } from './csv.js';
import { ExportError } from './errors.js';
import { BufferedFileWriter } from './file-writer.js';
import { DUCKDB_TYPES, type Row, type Table } from './tables.js';

/** DuckDB worker threads: fixed, so that the Parquet layout does not depend on the machine. */
export const THREADS = 4;
/** DuckDB memory limit; larger work spills to the staging folder. */
export const MEMORY_LIMIT = '512MB';

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A DuckDB session that turns tables into Parquet files. */
export class ParquetWriter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly stagingDir: string,
  ) {}

  /** Opens an in-memory DuckDB that spills to `stagingDir`. */
  static async open(stagingDir: string): Promise<ParquetWriter> {
    fs.mkdirSync(path.join(stagingDir, 'duckdb'), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(THREADS),
      memory_limit: MEMORY_LIMIT,
      temp_directory: path.join(stagingDir, 'duckdb'),
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
    });
    const connection = await instance.connect();
    return new ParquetWriter(instance, connection, stagingDir);
  }

  /** Stops a running COPY (used when the export is aborted). */
  interrupt(): void {
    this.connection.interrupt();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Writes `table` to `file` (Parquet, zstd); returns the number of rows. */
  async write(file: string, table: Table): Promise<number> {
    const staging = path.join(this.stagingDir, `${table.name}.ndjson`);
    const rows = await writeStaging(staging, table);
    const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(DUCKDB_TYPES[c.type])}`).join(', ');
    const select = table.columns.map((c) => sqlIdentifier(c.name)).join(', ');
    const sql =
      `COPY (SELECT ${select} FROM read_json(${sqlString(staging)}, format = 'newline_delimited', columns = {${columns}})) ` +
      `TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`;
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw new ExportError(`DuckDB could not write ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    } finally {
      fs.rmSync(staging, { force: true });
    }
    return rows;
  }
}

/** Streams the checked rows of a table as newline-delimited JSON objects. */
async function writeStaging(file: string, table: Table): Promise<number> {
  const out = await BufferedFileWriter.create(file);
  let count = 0;
  try {
    for (const row of table.rows()) {
      const pending = out.write(`${JSON.stringify(stagingRecord(table, row))}\n`);
      if (pending) await pending;
      count++;
    }
  } finally {
    await out.close({ sync: false });
  }
  return count;
}

function stagingRecord(table: Table, row: Row): Record<string, unknown> {
  const key = () => rowKey(table, row);
  const record: Record<string, unknown> = {};
  for (const column of table.columns) record[column.name] = checkedCell(table.name, key, column, row[column.name]);
  return record;
}
