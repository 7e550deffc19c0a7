/**
 * Interop: export with the CLI, then read every Parquet file back with three independent readers —
 * hyparquet (JavaScript), DuckDB (C++) and parquet-wasm (the Rust arrow crates) — and every CSV with
 * csv-parse (and DuckDB's CSV reader with the declared types). Row counts, keys, values and column
 * types must equal the dataset and the declared schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetSchema } from 'hyparquet';
import {
  buildLatest,
  buildSeries,
  claimsTable,
  claimsTableFields,
  dataset,
  findConflicts,
  latestTable,
  latestTableFields,
} from '@encrochat-ledger/dataset';
import { packagedDataset } from '../src/dataset-source.js';
import { buildTables, DUCKDB_TYPES, type Column, type Table } from '../src/tables.js';
import {
  duckdbQuery,
  normaliseParquetValue,
  readCsv,
  readParquetArrow,
  readParquetHyparquet,
  runCli,
  sqlString,
  tempDir,
  typedCsvValue,
} from './helpers.js';

const tmp = tempDir('interop');
const out = path.join(tmp.dir, 'export');
const { tables } = buildTables(packagedDataset(), {});

beforeAll(() => {
  const result = runCli(['--out', out, '--format', 'csv,parquet']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});
afterAll(() => tmp.remove());

/** A row as plain values of the declared columns (lists copied, nulls explicit). */
const plain = (table: Table, row: Record<string, unknown>) =>
  Object.fromEntries(table.columns.map((c) => [c.name, row[c.name] ?? null]));
const expectedRows = (table: Table) =>
  [...table.rows()].map((r) => plain(table, r as Record<string, unknown>));

function csvRows(table: Table): Record<string, unknown>[] {
  const { header, records } = readCsv(path.join(out, `${table.name}.csv`));
  expect(header).toEqual(table.columns.map((c) => c.name));
  return records.map((record) => {
    expect(record).toHaveLength(table.columns.length);
    return Object.fromEntries(table.columns.map((c, i) => [c.name, typedCsvValue(record[i]!, c)]));
  });
}

async function hyparquetRows(table: Table) {
  const { rows, metadata } = await readParquetHyparquet(path.join(out, `${table.name}.parquet`));
  return {
    rows: rows.map((r) =>
      Object.fromEntries(table.columns.map((c) => [c.name, normaliseParquetValue(r[c.name])])),
    ),
    metadata,
  };
}

/** The physical/logical Parquet type hyparquet reports for a column, in the words of DUCKDB_TYPES. */
function parquetTypeName(node: ReturnType<typeof parquetSchema>): string {
  const e = node.element;
  if (e.converted_type === 'LIST') {
    const item = node.children[0]!.children[0]!.element;
    return item.type === 'BYTE_ARRAY' && item.converted_type === 'UTF8'
      ? 'VARCHAR[]'
      : `LIST<${item.type}>`;
  }
  if (e.type === 'BYTE_ARRAY' && e.converted_type === 'UTF8') return 'VARCHAR';
  if (e.type === 'INT32' && e.converted_type === 'DATE') return 'DATE';
  if (e.type === 'DOUBLE') return 'DOUBLE';
  if (e.type === 'INT64' && (e.converted_type === undefined || e.converted_type === 'INT_64'))
    return 'BIGINT';
  if (e.type === 'BOOLEAN') return 'BOOLEAN';
  return `${e.type}/${e.converted_type}`;
}

/** Compares tuples of cells: numbers numerically, everything else by UTF-16 code units. */
function compareTuples(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}
/** The documented row order: by primary key; conflicts by series, period, claim. */
const orderKey = (table: Table) =>
  table.name === 'conflicts' ? ['series_id', 'period', 'claim_id'] : [...table.primaryKey];

describe('the export', () => {
  it('has one CSV and one Parquet file per table, a README, datapackage.json and SHA256SUMS, and nothing else', () => {
    const expected = [
      ...tables.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]),
      'README.md',
      'SHA256SUMS',
      'datapackage.json',
    ].sort();
    expect(fs.readdirSync(out).sort()).toEqual(expected);
    expect(tables.map((t) => t.name)).toEqual([
      'claims',
      'sources',
      'metrics',
      'places',
      'organisations',
      'operations',
      'networks',
      'persons',
      'person_roles',
      'events',
      'event_sources',
      'series',
      'conflicts',
      'latest',
    ]);
  });

  it('claims has exactly the dataset package claims table columns, starting with the required ones in order', () => {
    const header = readCsv(path.join(out, 'claims.csv')).header;
    expect(header).toEqual(claimsTableFields.map((f) => f.name));
    expect(header.slice(0, 17)).toEqual([
      'claim_id',
      'source_id',
      'metric',
      'value',
      'min',
      'max',
      'unit',
      'qualifier',
      'as_of',
      'place',
      'operation',
      'organisations',
      'quote',
      'source_title',
      'source_publisher',
      'source_published',
      'source_url',
    ]);
    expect(header).toEqual(expect.arrayContaining(['as_of_start', 'as_of_end']));
  });
});

describe.each(tables.map((t) => [t.name, t] as const))('%s', (name, table) => {
  it('CSV (csv-parse): header, row count and every value equal the table; UTF-8, CRLF, no BOM', () => {
    const bytes = fs.readFileSync(path.join(out, `${name}.csv`));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).not.toThrow();
    expect(bytes.subarray(-2).toString()).toBe('\r\n');
    expect(csvRows(table)).toEqual(expectedRows(table));
  });

  it('Parquet (hyparquet): zstd, declared column types, row count and every value equal the table', async () => {
    const { rows, metadata } = await hyparquetRows(table);
    const schema = parquetSchema(metadata);
    expect(schema.children.map((c) => c.element.name)).toEqual(table.columns.map((c) => c.name));
    expect(schema.children.map(parquetTypeName)).toEqual(
      table.columns.map((c) => DUCKDB_TYPES[c.type]),
    );
    const codecs = new Set(
      metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec)),
    );
    expect([...codecs]).toEqual(['ZSTD']);
    expect(Number(metadata.num_rows)).toBe(expectedRows(table).length);
    expect(rows).toEqual(expectedRows(table));
  });

  it('Parquet (DuckDB): declared column types and the same rows as the CSV', async () => {
    const file = sqlString(path.join(out, `${name}.parquet`));
    const described = await duckdbQuery(`DESCRIBE SELECT * FROM read_parquet(${file})`);
    expect(described.map((d) => [d.column_name, d.column_type])).toEqual(
      table.columns.map((c) => [c.name, DUCKDB_TYPES[c.type]]),
    );
    const select = table.columns
      .map((c) =>
        c.type === 'date'
          ? `strftime("${c.name}", '%Y-%m-%d') AS "${c.name}"`
          : c.type === 'integer'
            ? `"${c.name}"::DOUBLE AS "${c.name}"`
            : `"${c.name}"`,
      )
      .join(', ');
    const rows = await duckdbQuery(`SELECT ${select} FROM read_parquet(${file})`);
    expect(rows).toEqual(csvRows(table));
  });

  it('Parquet (parquet-wasm, Rust arrow): row count and every value equal the table', () => {
    expect(readParquetArrow(path.join(out, `${name}.parquet`))).toEqual(expectedRows(table));
  });

  it('CSV (DuckDB read_csv with the declared types) parses every row', async () => {
    const columns = table.columns
      .map(
        (c: Column) =>
          `${sqlString(c.name)}: ${sqlString(c.type === 'list' ? 'VARCHAR' : DUCKDB_TYPES[c.type])}`,
      )
      .join(', ');
    const [row] = await duckdbQuery(
      `SELECT count(*)::INTEGER AS n FROM read_csv(${sqlString(path.join(out, `${name}.csv`))}, header = true, quote = '"', escape = '"', columns = {${columns}}, auto_detect = false)`,
    );
    expect(row!.n).toBe(expectedRows(table).length);
  });

  it('rows are in the documented stable order, and primary keys are unique and complete', () => {
    const rows = expectedRows(table);
    const key = orderKey(table);
    for (let i = 1; i < rows.length; i++)
      expect(
        compareTuples(
          key.map((k) => rows[i - 1]![k]),
          key.map((k) => rows[i]![k]),
        ),
        `${name} rows ${i - 1} and ${i}`,
      ).toBeLessThan(0);
    const pks = rows.map((r) => JSON.stringify(table.primaryKey.map((k) => r[k])));
    expect(new Set(pks).size).toBe(rows.length);
    for (const r of rows)
      for (const k of table.primaryKey) expect(r[k], `${name}.${k}`).not.toBeNull();
  });
});

describe('values equal the dataset', () => {
  it('claims (CSV and Parquet) equal @encrochat-ledger/dataset claimsTable, row for row', async () => {
    const claims = tables.find((t) => t.name === 'claims')!;
    const fromDataset = claimsTable.map((r) =>
      Object.fromEntries(claimsTableFields.map((f) => [f.name, r[f.name] ?? null])),
    );
    expect(fromDataset.length).toBeGreaterThan(400);
    expect(csvRows(claims)).toEqual(fromDataset);
    expect((await hyparquetRows(claims)).rows).toEqual(fromDataset);
  });

  it.each([
    ['sources', dataset.sources],
    ['metrics', dataset.metrics],
    ['places', dataset.places],
    ['organisations', dataset.organisations],
    ['operations', dataset.operations],
    ['networks', dataset.networks],
    ['persons', dataset.persons],
    ['events', dataset.events],
  ] as const)('%s has one row per record of the collection, with its fields', (name, records) => {
    const table = tables.find((t) => t.name === name)!;
    const rows = csvRows(table);
    expect(rows.map((r) => r.id)).toEqual(records.map((r) => r.id).sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const record of records as unknown as readonly Record<string, unknown>[]) {
      const row = byId.get(record.id as string)!;
      for (const [k, v] of Object.entries(record)) {
        if (typeof v === 'string' && table.columns.some((c) => c.name === k))
          expect(row[k], `${name} ${String(record.id)}.${k}`).toBe(v);
      }
      if (name === 'sources') expect(row.claims).toBe((record.claims as unknown[]).length);
    }
  });

  it('person_roles and event_sources hold every nested role and event source', () => {
    const roles = csvRows(tables.find((t) => t.name === 'person_roles')!);
    expect(roles.map((r) => [r.person_id, r.title, r.organisation])).toEqual(
      [...dataset.persons]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .flatMap((p) => p.roles.map((r) => [p.id, r.title, r.organisation])),
    );
    const links = csvRows(tables.find((t) => t.name === 'event_sources')!);
    expect(links).toHaveLength(dataset.events.reduce((n, e) => n + e.sources.length, 0));
    const quotes = new Map(
      dataset.events.flatMap((e) =>
        e.sources.map((s) => [`${e.id} ${s.source}`, s.quote ?? null] as const),
      ),
    );
    for (const l of links)
      expect(l.quote).toBe(quotes.get(`${String(l.event_id)} ${String(l.source_id)}`));
  });

  it('series equals the dataset package buildSeries: one row per point, its best claim and candidates', () => {
    const points = buildSeries(claimsTable);
    const rows = csvRows(tables.find((t) => t.name === 'series')!);
    expect(
      rows.map((r) => [r.series_id, r.period, r.claim_id, r.candidates, r.decided_by]),
    ).toEqual(
      points.map((p) => [
        p.series_id,
        p.period,
        p.best.claim_id,
        p.candidates.length,
        p.decided_by,
      ]),
    );
    const byClaim = new Map(claimsTable.map((c) => [c.claim_id, c]));
    for (const r of rows) {
      const c = byClaim.get(r.claim_id as string)!;
      expect([r.value, r.min, r.max, r.qualifier, r.unit, r.date_start, r.date_end]).toEqual([
        c.value,
        c.min,
        c.max,
        c.qualifier,
        c.unit,
        c.as_of_start,
        c.as_of_end,
      ]);
    }
  });

  it('conflicts equals the dataset package findConflicts, and series flags the same points', () => {
    const groups = findConflicts(claimsTable);
    expect(groups.length).toBeGreaterThan(0);
    const rows = csvRows(tables.find((t) => t.name === 'conflicts')!);
    expect(rows.map((r) => [r.conflict_id, r.claim_id, r.is_best, r.claims_in_group])).toEqual(
      groups.flatMap((g) =>
        g.claims.map((c) => [g.conflict_id, c.claim_id, c === g.best, g.claims.length]),
      ),
    );
    const flagged = csvRows(tables.find((t) => t.name === 'series')!)
      .filter((r) => r.in_conflict)
      .map((r) => `${String(r.series_id)}@${String(r.period)}`);
    expect(flagged).toEqual(groups.map((g) => g.conflict_id));
  });

  it('latest (CSV and Parquet) equals the dataset package latestTable, row for row, with its columns', async () => {
    const latest = tables.find((t) => t.name === 'latest')!;
    expect(latest.columns.map((c) => [c.name, c.type, c.description])).toEqual(
      latestTableFields.map((f) => [f.name, f.type, f.description]),
    );
    const fromDataset = latestTable.map((r) =>
      Object.fromEntries(latestTableFields.map((f) => [f.name, r[f.name] ?? null])),
    );
    expect(fromDataset.length).toBeGreaterThan(100);
    expect(csvRows(latest)).toEqual(fromDataset);
    expect((await hyparquetRows(latest)).rows).toEqual(fromDataset);
    // One row per series of the series table.
    const seriesIds = new Set(
      csvRows(tables.find((t) => t.name === 'series')!).map((r) => r.series_id),
    );
    expect(fromDataset.map((r) => r.series_id)).toEqual([...seriesIds]);
  });

  it('latest is the same whether its rows are asked for after the series (kept from that pass) or alone', () => {
    const alone = buildTables(packagedDataset(), {}).tables.find((t) => t.name === 'latest')!;
    const set = buildTables(packagedDataset(), {});
    for (const _ of set.tables.find((t) => t.name === 'series')!.rows());
    const afterSeries = set.tables.find((t) => t.name === 'latest')!;
    expect([...afterSeries.rows()]).toEqual([...alone.rows()]);
    expect([...alone.rows()]).toEqual(buildLatest(buildSeries(claimsTable)));
  });

  it('a Parquet export’s way (compact figures, rows put aside in files) gives the same tables as plain figures in memory', () => {
    const stagingDir = path.join(tmp.dir, 'low-memory-staging');
    const plain = buildTables(packagedDataset(), {});
    const lowMemory = buildTables(packagedDataset(), {}, { lowMemory: { stagingDir } });
    for (const [i, table] of lowMemory.tables.entries()) {
      expect(table.name).toBe(plain.tables[i]!.name);
      expect([...table.rows()], table.name).toEqual([...plain.tables[i]!.rows()]);
    }
    // The rows of conflicts and latest waited in files there.
    expect(fs.readdirSync(stagingDir).sort()).toEqual([
      'conflicts.rows.jsonl',
      'latest.rows.jsonl',
    ]);
    lowMemory.release();
    expect(fs.readdirSync(stagingDir)).toEqual([]);
  });
});
