/** Test helpers: real temp folders, the real CLI, real readers (hyparquet with fzstd, parquet-wasm with Arrow, csv-parse, DuckDB). */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { DataType, tableFromIPC } from 'apache-arrow';
import { parse } from 'csv-parse/sync';
import { decompress } from 'fzstd';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { removeTree, tempDir as sharedTempDir } from '@encrochat-ledger/test-support';
import type { Column } from '../src/tables.js';

export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cliPath = path.join(appRoot, 'dist', 'cli.js');

/**
 * A fresh temporary folder, removed after the test (or the file) that made it, or before by the
 * returned function.
 */
export function tempDir(label: string): { dir: string; remove: () => void } {
  const dir = sharedTempDir(`exporter-${label}`);
  return { dir, remove: () => removeTree(dir) };
}

/** Runs the built CLI (dist/cli.js) with node. */
export function runCli(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; uid?: number; gid?: number } = {},
): SpawnSyncReturns<string> {
  if (!fs.existsSync(cliPath))
    throw new Error(`${cliPath} is missing: run npm run build -w @encrochat-ledger/exporter first`);
  return spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    cwd: options.cwd ?? appRoot,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    timeout: 600_000,
  });
}

/** Every file under `dir` (relative paths, sorted) with its SHA-256. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of fs
      .readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[path.relative(dir, full)] = crypto
          .createHash('sha256')
          .update(fs.readFileSync(full))
          .digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Parses a CSV file with csv-parse (RFC 4180), returning the header and the records as strings. */
export function readCsv(file: string): { header: string[]; records: string[][] } {
  const records = parse(fs.readFileSync(file), {
    relax_column_count: false,
    bom: false,
    skip_empty_lines: false,
  }) as string[][];
  const [header, ...rest] = records;
  return { header: header ?? [], records: rest };
}

/** The typed value of a CSV field of a declared column ('' is null). */
export function typedCsvValue(text: string, column: Column): unknown {
  if (text === '') return null;
  switch (column.type) {
    case 'number':
    case 'integer':
      return Number(text);
    case 'boolean':
      if (text !== 'true' && text !== 'false')
        throw new Error(`${column.name}: not a boolean: ${text}`);
      return text === 'true';
    case 'list':
      return text.split(';');
    default:
      return text;
  }
}

const compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) =>
    decompress(input, new Uint8Array(outputLength)),
};

/** Reads a Parquet file with hyparquet (an independent reader; zstd via fzstd). */
export async function readParquetHyparquet(file: string): Promise<{
  rows: Record<string, unknown>[];
  metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
}> {
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  const rows = await parquetReadObjects({ file: buffer, metadata, compressors });
  return { rows, metadata };
}

const { readParquet } = createRequire(import.meta.url)(
  'parquet-wasm/node',
) as typeof import('parquet-wasm/node');

/**
 * Reads a Parquet file with parquet-wasm — the Rust arrow/parquet crates compiled to WebAssembly, an
 * implementation independent of hyparquet (JavaScript) and DuckDB (C++) — into an Arrow table, as
 * rows of plain values (dates as YYYY-MM-DD, INT64 as number, lists as arrays).
 */
export function readParquetArrow(file: string): Record<string, unknown>[] {
  const table = tableFromIPC(readParquet(new Uint8Array(fs.readFileSync(file))).intoIPCStream());
  const dates = new Set(
    table.schema.fields.filter((f) => DataType.isDate(f.type)).map((f) => f.name),
  );
  const plain = (name: string, value: unknown): unknown => {
    if (value === null || value === undefined) return null;
    if (dates.has(name)) return new Date(value as number).toISOString().slice(0, 10);
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'object' && Symbol.iterator in value)
      return [...(value as Iterable<unknown>)];
    return value;
  };
  return [...table].map((row) =>
    Object.fromEntries(
      table.schema.fields.map(({ name }) => [
        name,
        plain(name, (row as Record<string, unknown>)[name]),
      ]),
    ),
  );
}

/** A value read by hyparquet, normalised to what the dataset holds (dates as YYYY-MM-DD, INT64 as number). */
export function normaliseParquetValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normaliseParquetValue);
  return value;
}

/** Runs SQL in a fresh in-memory DuckDB and returns the rows as JSON-like objects. */
export async function duckdbQuery(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
