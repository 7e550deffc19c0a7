/** What the collection tables are made from, and the cells and keys several of them share. */
import type { BundleHead, SourceSummary } from '../dataset-source.js';
import type { DayBounds } from '../dates.js';
import { fk, type ForeignKey, type Row } from '../table-model.js';

export interface CollectionContext {
  bundle: BundleHead;
  /** The claims kept by the filters, sorted by claim id (streamed: each call starts again). */
  claimRows: () => Iterable<Row>;
  /** The sources kept by --source-kind, sorted by id (known after a pass over the claims: asked for when needed). */
  sources: () => readonly SourceSummary[];
  dayBounds: (value: string | null | undefined) => DayBounds;
  /** Whether a filter is set: self-references (superseded_by) may then point at records left out, so they are not declared. */
  filtered: boolean;
}

/** The cells of an EDTF date column `name` (see edtfColumns): the value, its first and its last day. */
export function edtfCells(
  { dayBounds }: CollectionContext,
  name: string,
  value: string | null | undefined,
): Row {
  const { start, end } = dayBounds(value);
  return { [name]: value ?? null, [`${name}_start`]: start, [`${name}_end`]: end };
}

/** The foreign key of `field` to the table's own `ref`, unless a filter may have left its target out. */
export function selfKey(
  { filtered }: CollectionContext,
  table: string,
  field = 'superseded_by',
  ref = 'id',
): ForeignKey[] {
  return filtered ? [] : [fk(field, table, ref)];
}
