/**
 * Parquet written by DuckDB. Each table is read by DuckDB from its CSV (the exported CSV file when
 * CSV is written too without --excel-safe, else a CSV staging file written the same way), with
 * the declared column types, and copied to Parquet:
 *
 *   COPY (SELECT … FROM read_csv('<csv>', columns = {…}, nullstr = '', allow_quoted_nulls = false, …))
 *     TO '<table>.parquet' (FORMAT parquet, COMPRESSION zstd)
 *
 * so the Parquet work (parsing, encoding, compression, row groups) is DuckDB's own, streaming from
 * disk under a memory limit. The CSV is exact for every type: an unquoted empty field is null and a
 * quoted one an empty string, numbers are in shortest round-trip form, lists are joined by `;`
 * (their items are checked not to hold it) and split again. Types: VARCHAR, DOUBLE, BIGINT,
 * BOOLEAN, DATE and VARCHAR[] (see DUCKDB_TYPES).
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
import { LIST_DELIMITER, writeCsv } from './csv.js';
import { ExportError } from './errors.js';
import { stagingFile } from './table-writer.js';
import { DUCKDB_TYPES, type Table } from './tables.js';

/** DuckDB worker threads: fixed, so that the Parquet layout does not depend on the machine. */
export const THREADS = 4;
/** DuckDB memory limit; larger work spills to the staging folder. */
export const MEMORY_LIMIT = '512MB';

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A DuckDB session that turns tables into Parquet files. */
export class ParquetWriter {
  /** The copies queued so far, run one after the other; settled when the last one is. */
  private queue: Promise<unknown> = Promise.resolve();

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

  /** Starts the copies queued from now on only once `ready` has settled. */
  waitFor(ready: Promise<unknown>): void {
    const queue = this.queue;
    this.queue = Promise.all([queue.catch(() => {}), ready.catch(() => {})]);
  }

  /** Resolves once every queued copy has finished (successfully or not). */
  async settle(): Promise<void> {
    await this.queue.catch(() => {});
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Writes `table` to `file` (Parquet, zstd) through a CSV staging file; returns the number of rows. */
  async write(file: string, table: Table): Promise<number> {
    const staging = this.stagingFile(table);
    const rows = await writeCsv(staging, table, { excelSafe: false });
    try {
      await this.copyCsv(file, table, staging);
    } finally {
      fs.rmSync(staging, { force: true });
    }
    return rows;
  }

  /** Where the CSV staging file of `table` goes. */
  stagingFile(table: Table): string {
    return stagingFile(this.stagingDir, table);
  }

  /**
   * Writes `file` (Parquet, zstd) from `csv`, a CSV of `table` as writeCsv writes it without
   * --excel-safe. Copies are queued and run one at a time (DuckDB's own threads do the work, off the
   * JavaScript thread): the caller may go on writing the next table's CSV meanwhile.
   */
  copyCsv(file: string, table: Table, csv: string): Promise<void> {
    const copy = this.queue.catch(() => {}).then(() => this.runCopy(file, table, csv));
    this.queue = copy;
    return copy;
  }

  private async runCopy(file: string, table: Table, csv: string): Promise<void> {
    const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type === 'list' ? 'VARCHAR' : DUCKDB_TYPES[c.type])}`).join(', ');
    const select = table.columns
      .map((c) => (c.type === 'list' ? `string_split(${sqlIdentifier(c.name)}, ${sqlString(LIST_DELIMITER)}) AS ${sqlIdentifier(c.name)}` : sqlIdentifier(c.name)))
      .join(', ');
    const sql =
      `COPY (SELECT ${select} FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false, columns = {${columns}}, ` +
      `delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)) ` +
      `TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`;
    try {
      await this.connection.run(sql);
    } catch (error) {
      throw new ExportError(`DuckDB could not write ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }
}
