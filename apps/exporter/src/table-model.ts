/**
 * The model of an exported table: columns with a type and a description, a primary key, foreign
 * keys, and rows produced lazily. Helpers shared by the table definitions.
 */
import { compareCodeUnits, type Withdrawal } from '@encrochat-ledger/dataset';

/** Column types, named as in Frictionless Table Schema. */
export type ColumnType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'list';
export type Cell = string | number | boolean | null | readonly string[];
export type Row = Readonly<Record<string, Cell>>;

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  required?: boolean;
}

export interface ForeignKey {
  fields: string[];
  reference: { table: string; fields: string[] };
}

export interface Table {
  name: string;
  title: string;
  description: string;
  columns: readonly Column[];
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKey[];
  /** The rows, in primary-key order; each call starts again. */
  rows: () => Iterable<Row>;
}

/** The DuckDB (and so Parquet) type of each column type. */
export const DUCKDB_TYPES: Readonly<Record<ColumnType, string>> = {
  string: 'VARCHAR',
  number: 'DOUBLE',
  integer: 'BIGINT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  list: 'VARCHAR[]',
};

export const col = (
  name: string,
  type: ColumnType,
  description: string,
  required = false,
): Column => (required ? { name, type, description, required } : { name, type, description });
export const fk = (
  field: string | string[],
  table: string,
  ref: string | string[] = 'id',
): ForeignKey => ({
  fields: Array.isArray(field) ? field : [field],
  reference: { table, fields: Array.isArray(ref) ? ref : [ref] },
});

/** `x`, `x_start`, `x_end` for an EDTF date column. */
export const edtfColumns = (name: string, what: string, required = false): Column[] => [
  col(name, 'string', `${what} (EDTF).`, required),
  col(`${name}_start`, 'date', `First day of \`${name}\`.`),
  col(`${name}_end`, 'date', `Last day of \`${name}\`; empty for an open end.`),
];

export const lifecycleColumns = (what: string): Column[] => [
  col(
    'withdrawn',
    'boolean',
    `True when the ${what} has been withdrawn (records are never deleted).`,
    true,
  ),
  col('withdrawn_date', 'date', 'Day the record was withdrawn.'),
  col('withdrawn_reason', 'string', 'Why the record was withdrawn.'),
  col('superseded_by', 'string', `Id of the ${what} that replaces this one.`),
  col('aliases', 'list', 'Former ids of this record (they resolve to it).'),
];

type Lifecycle = { withdrawn?: Withdrawal; superseded_by?: string; aliases?: string[] };
export const lifecycle = (r: Lifecycle) => ({
  withdrawn: r.withdrawn !== undefined,
  withdrawn_date: r.withdrawn?.date ?? null,
  withdrawn_reason: r.withdrawn?.reason ?? null,
  superseded_by: r.superseded_by ?? null,
  aliases: list(r.aliases),
});

/** A list cell: null when absent or empty, else a copy. */
export const list = (ids: readonly string[] | undefined | null): readonly string[] | null =>
  ids && ids.length ? [...ids] : null;
export const byId = <T extends { id: string }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => compareCodeUnits(a.id, b.id));
