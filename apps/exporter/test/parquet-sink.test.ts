/**
 * DuckDB reading a table's CSV from a FIFO while it is written (ParquetWriter.sink): the rows come
 * out as written, each FIFO's copy runs without waiting for the one before, the Parquet bytes are
 * those of the staging-file path (used where there are no FIFOs), and a copy that fails ends the
 * writing with DuckDB's own error instead of leaving the writer waiting for a reader that is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { ParquetWriter } from '../src/parquet.js';
import type { Table } from '../src/tables.js';
import { sqlString, tempDir } from './helpers.js';

const tmp = tempDir('parquet-sink');
afterAll(() => tmp.remove());

const table: Table = {
  name: 'numbers',
  title: 'Numbers',
  description: '',
  columns: [
    { name: 'n', type: 'integer', description: '', required: true },
    { name: 'label', type: 'string', description: '' },
  ],
  primaryKey: ['n'],
  foreignKeys: [],
  rows: () => [],
};

let runs = 0;
async function open(): Promise<{ writer: ParquetWriter; dir: string }> {
  const dir = path.join(tmp.dir, `run-${++runs}`);
  fs.mkdirSync(dir, { recursive: true });
  return { writer: await ParquetWriter.open(path.join(dir, '.staging'), [table.name]), dir };
}

/** Writes `lines` to the sink, as writeTable does; returns the error it ends with, if any. */
async function feed(
  writer: ParquetWriter,
  file: string,
  lines: Iterable<string>,
  of: Table = table,
): Promise<unknown> {
  const sink = await writer.sink(file, of);
  try {
    for (const line of lines) {
      const pending = sink.out.write(line);
      if (pending) await pending;
    }
    await (
      await sink.finish()
    ).copied;
    return null;
  } catch (error) {
    return sink.discard(error);
  }
}

function* lines<T>(count: number, line: (i: number) => T): Generator<T> {
  for (let i = 0; i < count; i++) yield line(i);
}

const leftovers = (dir: string) =>
  fs.readdirSync(path.join(dir, '.staging')).filter((f) => f !== 'duckdb');

describe('ParquetWriter.sink through a FIFO', () => {
  it('ParquetWriter.write: every row, in order, copied while the CSV is written (more than two 32 MiB chunks)', async () => {
    const { writer, dir } = await open();
    const file = path.join(dir, 'numbers.parquet');
    const count = 1_500_000;
    const label = 'x'.repeat(40);
    const rows = function* () {
      for (let n = 0; n < count; n++) yield { n, label };
    };
    expect(await writer.write(file, { ...table, rows })).toBe(count);
    writer.close();
    expect(leftovers(dir)).toEqual([]);
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER AS rows, sum(CASE WHEN n = row - 1 THEN 1 ELSE 0 END)::INTEGER AS in_place FROM (SELECT n, row_number() OVER () AS row FROM read_parquet(${sqlString(file)}))`,
    );
    expect(reader.getRowObjects()[0]).toEqual({ rows: count, in_place: count });
    connection.closeSync();
    db.closeSync();
  });

  it("a FIFO's copy does not wait for the copy before it: each has a DuckDB connection of its own", async () => {
    const { writer, dir } = await open();
    const first = await writer.sink(path.join(dir, 'first.parquet'), table);
    for (let i = 0; i < 1000; i++) first.out.write(`${i},a\r\n`);
    // The first table's FIFO stays open (its copy waits for more rows) while the second is written and copied.
    const second = { ...table, name: 'second' };
    const error = await feed(
      writer,
      path.join(dir, 'second.parquet'),
      lines(500, (i) => `${i},b\r\n`),
      second,
    );
    expect(error).toBe(null);
    await (
      await first.finish()
    ).copied;
    writer.close();
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    const count = async (name: string) =>
      (
        await connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n FROM read_parquet(${sqlString(path.join(dir, name))})`,
        )
      ).getRowObjects()[0];
    expect(await count('first.parquet')).toEqual({ n: 1000 });
    expect(await count('second.parquet')).toEqual({ n: 500 });
    connection.closeSync();
    db.closeSync();
  });

  it('the same Parquet bytes through FIFOs as through staging files (where there are no FIFOs)', async () => {
    const rows = () =>
      lines(200_000, (i) => ({ n: i, label: i % 3 ? `label ${i}, "quoted"` : null }));
    const bytes = async (streamed: string[]) => {
      const dir = path.join(tmp.dir, `run-${++runs}`);
      const writer = await ParquetWriter.open(path.join(dir, '.staging'), streamed);
      const file = path.join(dir, 'numbers.parquet');
      expect(await writer.write(file, { ...table, rows })).toBe(200_000);
      writer.close();
      expect(leftovers(dir)).toEqual([]);
      return fs.readFileSync(file);
    };
    expect((await bytes([table.name])).equals(await bytes([]))).toBe(true);
  });

  it("a copy that fails on a row ends the writing with DuckDB's error (not the broken pipe), and leaves nothing", async () => {
    const { writer, dir } = await open();
    const file = path.join(dir, 'numbers.parquet');
    // Far more than a pipe and two chunks hold: the writer is still writing when DuckDB gives up.
    const error = await feed(
      writer,
      file,
      lines(2_000_000, (i) => (i === 10 ? 'not a number,x\r\n' : `${i},${'y'.repeat(40)}\r\n`)),
    );
    await writer.settle();
    writer.close();
    expect(String(error)).toMatch(/DuckDB could not write numbers\.parquet: /);
    expect(fs.existsSync(file)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('a copy that fails before DuckDB opens the FIFO does not leave the writer waiting for it', async () => {
    const { writer, dir } = await open();
    const file = path.join(dir, 'no-such-folder', 'numbers.parquet');
    const error = await feed(
      writer,
      file,
      lines(1000, (i) => `${i},z\r\n`),
    );
    await writer.settle();
    writer.close();
    expect(String(error)).toMatch(/DuckDB could not write numbers\.parquet: /);
    expect(leftovers(dir)).toEqual([]);
  });
});
