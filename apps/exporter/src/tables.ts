/**
 * The exported tables: one per collection (claims, sources, metrics, places, organisations,
 * operations, networks, persons, events), two link tables for nested lists (person_roles,
 * event_sources), and the two derived tables (series, conflicts). Each table declares its columns
 * (name, type, description), its primary key and its foreign keys; rows are produced lazily, in a
 * stable order: by primary key (by UTF-16 code units), except conflicts, by series id, period and
 * claim id (the order of the series).
 *
 * `claims` is exactly the dataset package's claims table (`claimsTableFields`, `claimsTable`);
 * `series` and `conflicts` come from the dataset package's `buildSeries` and `findConflicts`.
 *
 * Conventions: every EDTF date column `x` is followed by `x_start` and `x_end`, the first and last
 * day it covers; list columns hold ids (CSV: joined by `;`); empty is null.
 */
import { buildSeries, findConflicts } from '@encrochat-ledger/dataset';
import type { ClaimFilters } from './args.js';
import { collectionTables } from './collection-tables.js';
import type { LoadedDataset } from './dataset-source.js';
import { derivedTables } from './derived-tables.js';
import { claimFilter, isFiltered } from './filters.js';
import { byId, type Table } from './table-model.js';

export { claimsColumns } from './collection-tables.js';
export { DUCKDB_TYPES, type Cell, type Column, type ColumnType, type ForeignKey, type Row, type Table } from './table-model.js';

export interface TableSet {
  tables: Table[];
  /** Claims kept by the filters (the rows of `claims`). */
  claimCount: number;
  /** Whether any filter is set. */
  filtered: boolean;
}

/**
 * Builds every table of an export of `data` with `filters`. Filters select claims; series and
 * conflicts are computed from the selected claims; --source-kind also selects sources (and the
 * event links to them); the other tables are complete, so every key resolves.
 */
export function buildTables(data: LoadedDataset, filters: ClaimFilters): TableSet {
  const { bundle, dayBounds } = data;
  const filtered = isFiltered(filters);
  const claimRows = filtered ? data.claimsTable.filter(claimFilter(filters, bundle)) : data.claimsTable;
  const kinds = filters.sourceKinds ? new Set<string>(filters.sourceKinds) : null;
  const sources = byId(bundle.sources).filter((s) => !kinds || kinds.has(s.kind));
  const points = buildSeries(claimRows);
  const conflicts = findConflicts(points);
  const tables = [...collectionTables({ bundle, claimRows, sources, dayBounds, filtered }), ...derivedTables(points, conflicts)];
  return { tables, claimCount: claimRows.length, filtered };
}
