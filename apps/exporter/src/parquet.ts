/**
 * Parquet written by DuckDB. Each table is read by DuckDB as CSV, with the declared column types,
 * and copied to Parquet:
 *
 *   COPY (SELECT … FROM read_csv('<csv>', columns = {…}, nullstr = '', allow_quoted_nulls = false, …))
 *     TO '<table>.parquet' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 61440)
 *
 * so the Parquet work (parsing, encoding, compression, row groups) is DuckDB's own, under a memory
 * limit. The CSV is exact for every type: an unquoted empty field is null and a quoted one an empty
 * string, numbers are in shortest round-trip form, lists are joined by `;` (their items are checked
 * not to hold it) and split again. Types: VARCHAR, DOUBLE, BIGINT, BOOLEAN, DATE and VARCHAR[]
 * (see DUCKDB_TYPES).
 *
 * Streaming: DuckDB reads a large table's CSV from a FIFO (a named pipe) while the exporter writes
 * it (see `sink`), so the copy runs on the other core as the rows are produced, and no staging file
 * is written. A small table's CSV goes to a staging file that DuckDB copies once it is complete: a
 * FIFO's writer must wait until DuckDB reaches its copy, a file's writer goes on at once. Where
 * FIFOs cannot be made (Windows), every table goes through a staging file. A FIFO's copy starts as
 * its table does, on a DuckDB connection of its own, so that it reads the first rows while the
 * previous copy finishes its last ones; staging files are copied one at a time, in order.
 *
 * Reproducible bytes: DuckDB writes no timestamp into Parquet and keeps insertion order, and the
 * thread count is pinned (THREADS) rather than taken from the machine: the same dataset and DuckDB
 * version give the same bytes on any machine, from a FIFO or a file. One thread: a CSV read from a
 * FIFO is parsed by one thread anyway, and DuckDB's other threads spin while they wait for rows
 * (measured: a core's worth of CPU taken from the exporter). The DuckDB version is pinned by
 * package-lock.json; another DuckDB version may write different (equally valid) bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { csvHeader, LIST_DELIMITER, writeLines } from './csv.js';
import { ExportError } from './errors.js';
import { BufferedFileWriter } from './file-writer.js';
import { DUCKDB_TYPES, type Table } from './tables.js';

/** DuckDB worker threads: fixed, so that the Parquet layout does not depend on the machine. */
export const THREADS = 1;
/** DuckDB memory limit; larger work spills to the staging folder. */
export const MEMORY_LIMIT = '512MB';
/**
 * Rows per Parquet row group: half DuckDB's default (122,880), because DuckDB holds a whole row
 * group in memory while it writes it (measured at 1M claims: 105 MB less, the same time, a file
 * 0.9% larger).
 */
export const ROW_GROUP_SIZE = 61_440;
/**
 * Bytes per write into a FIFO: DuckDB reads its CSV buffer (32 MiB) in one go, then parses it
 * without reading; chunks this large keep the exporter writing meanwhile (with 1 MiB chunks it
 * waited on DuckDB for about a third of the time).
 */
export const FIFO_CHUNK = 32 << 20;

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Where a table's CSV goes for DuckDB while it is written. */
export interface ParquetSink {
  /** The CSV for DuckDB, written as writeCsv writes it without --excel-safe. */
  out: BufferedFileWriter;
  /** Closes the CSV; `copied` resolves once DuckDB has written the Parquet file. */
  finish(): Promise<{ copied: Promise<void> }>;
  /**
   * After a failure (`error`): ends the CSV, waits for the copy and removes what it wrote. Returns
   * the error to report: DuckDB's when its copy failed first (the writes to its FIFO then fail for
   * want of a reader, EPIPE), else `error`.
   */
  discard(error: unknown): Promise<unknown>;
}

/** A streamed table's FIFO and the DuckDB connection that copies it. */
interface Stream {
  fifo: string;
  connection: DuckDBConnection;
}

/** Makes FIFOs at `paths` (one `mkfifo`: spawning from a large process is slow); false where there are none. */
function makeFifos(paths: string[]): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('mkfifo', ['-m', '600', ...paths], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Lets a writer's pending open of `fifo` complete, once DuckDB will never open it: a reader is
 * opened, and held until `opening` (the writer's open) has returned; the writer's next write then
 * fails (no reader), and ends. A reader that came and went at once was not enough: the writer's
 * open runs on libuv's thread pool, and when it started only after the reader had gone it waited
 * forever (the hang of 6 runs in 11 of the test "a copy that fails before DuckDB opens the FIFO").
 */
function unjam(fifo: string, opening?: Promise<unknown>): void {
  let reader: number;
  try {
    reader = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    return; // Removed already.
  }
  if (!opening) return fs.closeSync(reader);
  void opening.then(
    () => fs.closeSync(reader),
    () => fs.closeSync(reader),
  );
}

/** A DuckDB session that turns tables into Parquet files. */
export class ParquetWriter {
  /** The copies of staging files queued so far, run one after the other; settled when the last one is. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The copies from FIFOs in progress, each on its connection. */
  private readonly streaming = new Map<Promise<void>, DuckDBConnection>();
  /**
   * A FIFO and a DuckDB connection per streamed table, made in advance, until used: its copy then
   * starts as its table does, without waiting for the event loop.
   */
  private readonly prepared = new Map<string, Stream>();
  /** The tables streamed through a FIFO. */
  private readonly streamed = new Set<string>();
  /** The FIFOs in use and their writers, until their copy ends. */
  private readonly live = new Map<string, BufferedFileWriter>();
  private made = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly stagingDir: string,
  ) {}

  /** Opens an in-memory DuckDB that spills to `stagingDir`; the tables named in `streamed` (large ones) go through FIFOs, made there now. */
  static async open(stagingDir: string, streamed: readonly string[] = []): Promise<ParquetWriter> {
    const tables = [...new Set(streamed)];
    fs.mkdirSync(path.join(stagingDir, 'duckdb'), { recursive: true });
    const fifos = tables.map((name) => path.join(stagingDir, `${name}.0.csv`));
    const made = fifos.length > 0 && makeFifos(fifos);
    const instance = await DuckDBInstance.create(':memory:', {
      threads: String(THREADS),
      memory_limit: MEMORY_LIMIT,
      temp_directory: path.join(stagingDir, 'duckdb'),
      preserve_insertion_order: 'true',
      autoinstall_known_extensions: 'false',
      // DuckDB's allocator gives freed memory back to the system from a thread of its own; without
      // it the memory of each copy stayed with the process until the next (measured alone, copying
      // the tables of 1M claims one after the other: 412 MiB at the end, 277 MiB with it).
      allocator_background_threads: 'true',
    });
    const connection = await instance.connect();
    const writer = new ParquetWriter(instance, connection, stagingDir);
    if (made)
      for (const [i, name] of tables.entries()) {
        writer.streamed.add(name);
        writer.prepared.set(name, { fifo: fifos[i]!, connection: await instance.connect() });
      }
    return writer;
  }

  /** Stops a running COPY (used when the export fails). */
  interrupt(): void {
    this.connection.interrupt();
    for (const connection of this.streaming.values()) connection.interrupt();
  }

  /**
   * Stops every copy at once, synchronously, before the process exits on a signal: interrupts
   * DuckDB and closes the FIFOs' writers (a copy waiting for input would keep the process alive).
   */
  abort(): void {
    this.interrupt();
    for (const [fifo, out] of this.live) {
      out.abandon();
      unjam(fifo);
    }
  }

  /** Resolves once every copy started has finished (successfully or not). */
  async settle(): Promise<void> {
    await this.queue.catch(() => {});
    await Promise.allSettled(this.streaming.keys());
  }

  close(): void {
    for (const { connection } of this.prepared.values()) connection.closeSync();
    this.prepared.clear();
    this.connection.closeSync();
    this.instance.closeSync();
  }

  /** Writes `table` to `file` (Parquet, zstd); returns the number of rows. */
  async write(file: string, table: Table): Promise<number> {
    const sink = await this.sink(file, table);
    let rows: number;
    try {
      rows = await writeLines(table, null, sink.out, false);
    } catch (error) {
      throw await sink.discard(error);
    }
    await (
      await sink.finish()
    ).copied;
    return rows;
  }

  /**
   * Starts the copy of `table` to `file` (Parquet, zstd) and returns where to write its CSV, header
   * included. From a FIFO, DuckDB copies while the CSV is written; from a staging file, once it is
   * closed (queued behind the copies of the previous staging files). A copy holds one of libuv's
   * threads (4 unless UV_THREADPOOL_SIZE says otherwise) until it ends, and the opens, writes and
   * closes that feed its FIFO need a thread too: keep fewer FIFO tables unfinished at once than
   * there are threads (the export streams three tables).
   */
  async sink(file: string, table: Table): Promise<ParquetSink> {
    const stream = await this.streamFor(table);
    const sink = stream ? this.fifoSink(file, table, stream) : await this.stagingSink(file, table);
    const header = sink.out.write(csvHeader(table.columns));
    if (header) await header;
    return sink;
  }

  /** The FIFO and connection of a streamed `table`: those made in advance, or new ones (a table written again); else null. */
  private async streamFor(table: Table): Promise<Stream | null> {
    if (!this.streamed.has(table.name)) return null;
    const made = this.prepared.get(table.name);
    this.prepared.delete(table.name);
    if (made) return made;
    const fifo = path.join(this.stagingDir, `${table.name}.${++this.made}.csv`);
    return makeFifos([fifo]) ? { fifo, connection: await this.instance.connect() } : null;
  }

  private fifoSink(file: string, table: Table, { fifo, connection }: Stream): ParquetSink {
    // The copy starts now, on the stream's own connection, and closes it when it ends.
    const copy: Promise<void> = this.runCopy(connection, file, table, fifo).finally(() => {
      connection.closeSync();
      this.streaming.delete(copy);
    });
    this.streaming.set(copy, connection);
    // Opening waits for DuckDB to open the other end (its copy has just started).
    const opening = fs.promises.open(fifo, 'w');
    let failure: Error | null = null;
    const ended = copy.then(
      () => undefined,
      (error: Error) => {
        failure = error;
        unjam(fifo, opening);
      },
    );
    const out = BufferedFileWriter.opening(opening, { chunkSize: FIFO_CHUNK });
    this.live.set(fifo, out);
    const cleanUp = async () => {
      await ended;
      this.live.delete(fifo);
      fs.rmSync(fifo, { force: true });
    };
    return {
      out,
      finish: async () => {
        // Not awaited: DuckDB reads the last chunks while the next table is written.
        const closed = out.close({ sync: false }).catch(async (error: unknown) => {
          await ended;
          throw failure ?? error;
        });
        const copied = closed.then(() => copy).finally(cleanUp);
        // Awaited once the later tables are written; a failure meanwhile must not count as unhandled.
        copied.catch(() => {});
        return { copied };
      },
      discard: async (error) => {
        // Closing gives DuckDB the end of its input: its copy then ends (or fails on a cut line).
        await out.discard();
        await cleanUp();
        fs.rmSync(file, { force: true });
        return failure && (error as NodeJS.ErrnoException).code ? failure : error;
      },
    };
  }

  private async stagingSink(file: string, table: Table): Promise<ParquetSink> {
    const csv = path.join(this.stagingDir, `${table.name}.${++this.made}.csv`);
    const out = await BufferedFileWriter.create(csv);
    return {
      out,
      finish: async () => {
        await out.close({ sync: false });
        const copied = this.copyCsv(file, table, csv).finally(() =>
          fs.rmSync(csv, { force: true }),
        );
        copied.catch(() => {});
        return { copied };
      },
      discard: async (error) => {
        await out.discard();
        fs.rmSync(csv, { force: true });
        return error;
      },
    };
  }

  /** Queues the copy of `csv`, a CSV of `table` as writeCsv writes it without --excel-safe, to `file`. */
  private copyCsv(file: string, table: Table, csv: string): Promise<void> {
    const copy = this.queue
      .catch(() => {})
      .then(() => this.runCopy(this.connection, file, table, csv));
    this.queue = copy;
    // Awaited by whoever finishes the table; a failure meanwhile must not count as unhandled.
    copy.catch(() => {});
    return copy;
  }

  private async runCopy(
    connection: DuckDBConnection,
    file: string,
    table: Table,
    csv: string,
  ): Promise<void> {
    const columns = table.columns
      .map(
        (c) =>
          `${sqlString(c.name)}: ${sqlString(c.type === 'list' ? 'VARCHAR' : DUCKDB_TYPES[c.type])}`,
      )
      .join(', ');
    const select = table.columns
      .map((c) =>
        c.type === 'list'
          ? `string_split(${sqlIdentifier(c.name)}, ${sqlString(LIST_DELIMITER)}) AS ${sqlIdentifier(c.name)}`
          : sqlIdentifier(c.name),
      )
      .join(', ');
    const sql =
      `COPY (SELECT ${select} FROM read_csv(${sqlString(csv)}, header = true, auto_detect = false, columns = {${columns}}, ` +
      `delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)) ` +
      `TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`;
    try {
      await connection.run(sql);
    } catch (error) {
      throw new ExportError(
        `DuckDB could not write ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}`,
        { cause: error },
      );
    }
  }
}
