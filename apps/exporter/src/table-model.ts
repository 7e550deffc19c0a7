/**
 * The model of an exported table: columns with a type and a description, a primary key, foreign
 * keys, and rows produced lazily. Helpers shared by the table definitions.
 */
import { fieldDescription, type RecordKind } from '@encrochat-ledger/core';
import { compareCodeUnits, type TableField, type Withdrawal } from '@encrochat-ledger/dataset';

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

/** The columns of a table of the dataset package (its field list), in their order. */
export const columnsOf = (fields: readonly TableField[]): Column[] =>
  fields.map((f) => col(f.name, f.type, f.description, f.required === true));

/** A field of a record, as `<kind>.<path>`: `source.title`, `source.archive.file`, `person.roles.title`. */
export type SchemaField = `${RecordKind}.${string}`;

/** The words the published schema gives `field` (see fieldDescription in @encrochat-ledger/core). */
export function schemaDescription(field: SchemaField): string {
  const dot = field.indexOf('.');
  return fieldDescription(field.slice(0, dot) as RecordKind, field.slice(dot + 1));
}

/**
 * A column that holds a field of the records, described in the words of its schema, so that a
 * schema's description and the exported column's never differ. Columns with no field of their own
 * (counts, joins, derived dates) are described with `col`.
 */
export const field = (name: string, type: ColumnType, of: SchemaField, required = false): Column =>
  col(name, type, schemaDescription(of), required);

export const fk = (
  field: string | string[],
  table: string,
  ref: string | string[] = 'id',
): ForeignKey => ({
  fields: Array.isArray(field) ? field : [field],
  reference: { table, fields: Array.isArray(ref) ? ref : [ref] },
});

/** `x`, `x_start`, `x_end` for an EDTF date column `x` described by `description`. */
export const edtfColumns = (name: string, description: string, required = false): Column[] => [
  col(name, 'string', description, required),
  col(`${name}_start`, 'date', `First day of \`${name}\`.`),
  col(`${name}_end`, 'date', `Last day of \`${name}\`; empty for an open end.`),
];

/**
 * The columns of a record's life: withdrawn (a flag for the `withdrawn` object), its date and
 * reason, superseded_by and aliases.
 */
export const lifecycleColumns = (kind: RecordKind): Column[] => [
  col(
    'withdrawn',
    'boolean',
    `True when the ${kind} has been withdrawn (records are never deleted).`,
    true,
  ),
  field('withdrawn_date', 'date', `${kind}.withdrawn.date`),
  field('withdrawn_reason', 'string', `${kind}.withdrawn.reason`),
  // The schemas describe superseded_by only as an id (a slug): say of what.
  col('superseded_by', 'string', `Id of the ${kind} that replaces this one.`),
  field('aliases', 'list', `${kind}.aliases`),
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
