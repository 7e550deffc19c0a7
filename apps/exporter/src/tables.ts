/**
 * The exported tables: one per collection (claims, sources, metrics, places, organisations,
 * operations, networks, persons, events), two link tables for nested lists (person_roles,
 * event_sources), and the three derived tables (series, conflicts, latest). Each table declares its
 * columns (name, type, description), its primary key and its foreign keys; rows are produced lazily,
 * in a stable order: by primary key (by UTF-16 code units), except conflicts, by series id, period
 * and claim id (the order of the series).
 *
 * `claims` is exactly the dataset package's claims table (`claimsTableFields`, `claimsTable`);
 * `series`, `conflicts` and `latest` come from the dataset package's `seriesPoints`, `conflictOf`
 * and `latestRowOf`; `latest` has exactly the columns of its latest table (`latestTableFields`).
 *
 * Conventions: every EDTF date column `x` is followed by `x_start` and `x_end`, the first and last
 * day it covers; list columns hold ids (CSV: joined by `;`); empty is null.
 */
import { seriesPoints } from '@encrochat-ledger/dataset';
import type { ClaimFilters } from './args.js';
import { ClaimsPass } from './claims-pass.js';
import { collectionTables } from './collection-tables.js';
import type { LoadedDataset, SourceSummary } from './dataset-source.js';
import { derivedTables } from './derived-tables.js';
import { claimFilter, isFiltered } from './filters.js';
import { rowStoreIn, rowStoreInMemory } from './row-store.js';
import { byId, type Row, type Table } from './table-model.js';

export { claimsColumns } from './collection-tables.js';
export { latestColumns } from './derived-tables.js';
export {
  DUCKDB_TYPES,
  type Cell,
  type Column,
  type ColumnType,
  type ForeignKey,
  type Row,
  type Table,
} from './table-model.js';

export interface TableSet {
  tables: Table[];
  /** The pass over the claims: the rows of `claims`, and what the other tables collect from it. */
  pass: ClaimsPass;
  /** Whether any filter is set. */
  filtered: boolean;
  /** Frees what the derived tables hold once written (asking for their rows again computes them again). */
  release: () => void;
}

/**
 * Builds every table of an export of `data` with `filters`. Filters select claims; series,
 * conflicts and latest are computed from the selected claims; --source-kind also selects sources
 * (and the event links to them); the other tables are complete, so every key resolves.
 *
 * The claims are streamed: the `claims` table's rows are one pass over them, which also collects
 * the sources and the figures of the series (see ClaimsPass); the tables written after it use what
 * that pass collected (or run a pass of their own if theirs are asked for first). With
 * `derived: false` the pass does not keep the figures: the derived tables are then written by
 * another pass (the export's worker, see derived-worker.ts), and asking for their rows here fails.
 * With `lowMemory` (a Parquet export, whose DuckDB shares the process's memory), the figures are
 * kept compact (see figure.ts) and the rows the series find for the conflicts and latest tables
 * wait in files in `stagingDir` rather than in memory (see row-store.ts; `release` removes them).
 * Measured at 1,000,000 claims (a CSV export, both ways, 4 alternating runs, idle): about 230 MiB
 * less at the peak (661–687 against 908–924 MiB), and 22 % more time (24.1 s against 19.7 s at the
 * medians).
 */
export function buildTables(
  data: LoadedDataset,
  filters: ClaimFilters,
  {
    derived: deriveHere = true,
    lowMemory,
  }: { derived?: boolean; lowMemory?: { stagingDir: string } } = {},
): TableSet {
  const { head, dayBounds } = data;
  const filtered = isFiltered(filters);
  const pass = new ClaimsPass(
    data,
    filtered ? claimFilter(filters, head) : null,
    deriveHere,
    lowMemory !== undefined,
  );
  const kinds = filters.sourceKinds ? new Set<string>(filters.sourceKinds) : null;
  let sources: SourceSummary[] | null = null;
  const keptSources = () =>
    (sources ??= byId(pass.scan().sources).filter((s) => !kinds || kinds.has(s.kind)));
  const derived = derivedTables(
    () => seriesPoints(pass.takeFigures()),
    lowMemory ? rowStoreIn(lowMemory.stagingDir) : rowStoreInMemory,
  );
  const tables = [
    ...collectionTables({
      bundle: head,
      claimRows: () => pass.rows() as Iterable<Row>,
      sources: keptSources,
      dayBounds,
      filtered,
    }),
    ...derived.tables,
  ];
  return { tables, pass, filtered, release: derived.release };
}
