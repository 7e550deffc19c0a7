/**
 * The derived tables: `series` (the best figure per metric, scope and date), `conflicts` (claims
 * that disagree) and `latest` (per series, the figure to quote first), from the dataset package's
 * `seriesPoints`, `conflictOf` and `latestRowOf` — the one implementation shared with the viewer.
 * Series rows are sorted by series id and period; conflict rows by series id, period and claim id;
 * latest rows by series id.
 *
 * The points are streamed: each series row is written as its point is made, and the point dropped
 * once its series is done. The conflicts rows and the latest row of each series, found on the way,
 * are put aside (an export puts them in its staging folder: see row-store.ts) for the conflicts and
 * latest tables written next; of the latest rows only what their newer breakdowns need is kept in
 * memory (`NewerBreakdownsFinder`), and the totals are completed as they are read back.
 */
import {
  buildLatest,
  claimsTableFields,
  compareCodeUnits,
  conflictOf,
  findConflicts,
  latestRowOf,
  latestTableFields,
  NewerBreakdownsFinder,
  pointsBySeries,
  type ConflictGroup,
  type FigureRow,
  type LatestFigureRow,
  type SeriesPoint,
  type TableField,
} from '@encrochat-ledger/dataset';
import { rowStoreInMemory, type RowStore, type RowStores } from './row-store.js';
import { col, columnsOf, fk, type Cell, type Column, type Row, type Table } from './table-model.js';

/** The `latest` table columns: the dataset package's latest table fields, in their order. */
export const latestColumns: readonly Column[] = columnsOf(latestTableFields);

/** The columns of `fields` named `names`, in that order: the ones a derived table shares with a table of the dataset package. */
function columnsNamed<F extends readonly TableField[]>(
  fields: F,
  names: readonly F[number]['name'][],
): Column[] {
  const columns = columnsOf(fields);
  return names.map((name) => columns.find((c) => c.name === name)!);
}

/** The scope of a series point: the latest table's scope columns, then the days of the point. */
const seriesScopeColumns: Column[] = [
  ...columnsNamed(latestTableFields, [
    'metric',
    'breakdown_key',
    'breakdown_value',
    'unit',
    'place',
    'operation',
    'organisations',
    'networks',
  ]),
  col('date_start', 'date', 'First day of the date of the point.', true),
  col('date_end', 'date', 'Last day of the date of the point; empty for an open end.'),
];

/** The figure of a claim: the claims table's columns. */
const figureColumns: Column[] = columnsNamed(claimsTableFields, [
  'value',
  'min',
  'max',
  'qualifier',
  'as_of',
  'as_of_basis',
]);

const sortedList = (ids: readonly string[] | null): readonly string[] | null =>
  ids && ids.length ? [...ids].sort(compareCodeUnits) : null;

/**
 * The cells both derived tables share: the point's key, its scope and date (from `scope`, the
 * point's best claim: the same for every claim of the point), and the figure and source of `c`.
 * One object literal, the table's own cells assigned after: spreading parts into a row cost about
 * 0.2 s per million rows.
 */
function pointCells(
  seriesId: string,
  period: string,
  scope: FigureRow,
  c: FigureRow,
): Record<string, Cell> {
  return {
    series_id: seriesId,
    period,
    metric: scope.metric,
    breakdown_key: scope.breakdown_key,
    breakdown_value: scope.breakdown_value,
    unit: scope.unit,
    place: scope.place,
    operation: scope.operation,
    organisations: sortedList(scope.organisations),
    networks: sortedList(scope.networks),
    date_start: scope.as_of_start,
    date_end: scope.as_of_end,
    value: c.value,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier,
    as_of: c.as_of,
    as_of_basis: c.as_of_basis,
    claim_id: c.claim_id,
    source_id: c.source_id,
    source_reliability: c.source_reliability,
    source_published_start: c.source_published_start,
  };
}

/** The cells of a series row of `point` (its best claim). */
function seriesRow(point: SeriesPoint<FigureRow>, inConflict: boolean): Row {
  const row = pointCells(point.series_id, point.period, point.best, point.best);
  row.candidates = point.candidates.length;
  row.decided_by = point.decided_by;
  row.in_conflict = inConflict;
  return row;
}

/** The cells of the conflicts row of claim `c` of `group`. */
function conflictRow(group: ConflictGroup<FigureRow>, c: FigureRow): Row {
  const row = pointCells(group.series_id, group.period, group.best, c);
  row.conflict_id = group.conflict_id;
  row.claims_in_group = group.claims.length;
  row.is_best = c === group.best;
  return row;
}

/** The points of the series, in order, made anew (from a pass over the claims) at each call. */
type Points = () => Iterable<SeriesPoint<LatestFigureRow>>;

/**
 * What the series rows find on the way, put aside for the conflicts and latest tables written after
 * them: null before (they are then found anew, from all points at once) and once released.
 */
interface Found {
  /** The conflicts table's rows. */
  conflicts: RowStore | null;
  /** The latest table's rows without their newer breakdowns, and what those need. */
  latest: { rows: RowStore; newer: NewerBreakdownsFinder } | null;
}

/** Frees what `found` holds. */
function release(found: Found): void {
  found.conflicts?.release();
  found.latest?.rows.release();
  found.conflicts = null;
  found.latest = null;
}

/**
 * The derived tables; `points()` makes the series points (from a pass over the claims), in order,
 * each time their rows are asked for; `stores` puts aside the rows found for later tables (in
 * memory by default). `release()` frees them.
 */
export function derivedTables(
  points: Points,
  stores: RowStores = rowStoreInMemory,
): { tables: Table[]; release: () => void } {
  const found: Found = { conflicts: null, latest: null };
  return {
    tables: [
      seriesTable(points, found, stores),
      conflictsTable(points, found, stores),
      latestTable(points, found, stores),
    ],
    release: () => release(found),
  };
}

function seriesTable(points: Points, found: Found, stores: RowStores): Table {
  return {
    name: 'series',
    title: 'Series: the best figure per metric, scope and date',
    description:
      'One row per series point: for each metric, breakdown, unit and scope (place, operation, organisations, networks), and each date (the exact days an as_of covers), the best figure by the documented rule: reliability (official > official-copy > legal > press > low), then a stated as_of over a publication date over an estimated one, then exact over bounded over approximate, then the latest publication, then the smallest claim id.',
    columns: [
      col(
        'series_id',
        'string',
        'The series key: metric:breakdown_key=breakdown_value:unit:place:operation:organisations:networks.',
        true,
      ),
      col('period', 'string', 'The date of the point: a day, or an interval of days (EDTF).', true),
      ...seriesScopeColumns,
      ...figureColumns,
      col('claim_id', 'string', 'The claim chosen as the best figure.', true),
      col('source_id', 'string', 'Its source.', true),
      col('source_reliability', 'string', 'Reliability of its source.', true),
      col('source_published_start', 'date', "First day of its source's publication date."),
      col('candidates', 'integer', 'Number of claims for this point.', true),
      col(
        'decided_by',
        'string',
        'The criterion that chose it over the runner-up: reliability, as_of_basis, precision, publication, claim_id, or single.',
        true,
      ),
      col(
        'in_conflict',
        'boolean',
        'True when the claims of this point disagree (see the conflicts table).',
        true,
      ),
    ],
    primaryKey: ['series_id', 'period'],
    foreignKeys: [
      fk('claim_id', 'claims', 'claim_id'),
      fk('source_id', 'sources'),
      fk('metric', 'metrics'),
      fk('place', 'places'),
      fk('operation', 'operations'),
    ],
    rows: () => seriesRows(points, found, stores),
  };
}

/** The series rows, one per point; on the way, the conflicts rows and the latest row of each series. */
function* seriesRows(points: Points, found: Found, stores: RowStores): Generator<Row> {
  release(found);
  const conflicts = stores('conflicts');
  const latest = stores('latest');
  const newer = new NewerBreakdownsFinder();
  let complete = false;
  try {
    for (const series of pointsBySeries(points())) {
      for (const point of series) {
        const group = conflictOf(point);
        if (group) for (const c of group.claims) conflicts.add(conflictRow(group, c));
        yield seriesRow(point, group !== null);
      }
      const row = latestRowOf(series);
      newer.add(row);
      latest.add(row);
    }
    complete = true;
  } finally {
    if (complete) {
      found.conflicts = conflicts;
      found.latest = { rows: latest, newer };
    } else {
      conflicts.release();
      latest.release();
    }
  }
}

/** `rows` put aside in a new store of `stores`. */
function storeOf(stores: RowStores, name: string, rows: Iterable<Row>): RowStore {
  const store = stores(name);
  for (const row of rows) store.add(row);
  return store;
}

function conflictsTable(points: Points, found: Found, stores: RowStores): Table {
  return {
    name: 'conflicts',
    title: 'Conflicts: claims that disagree about the same metric, scope and date',
    description:
      'One row per claim of each conflict group: the claims of one series point (same metric, breakdown, unit, place, operation, organisations, networks, and as_of covering the same days) when no single figure satisfies them all (their value intervals do not intersect).',
    columns: [
      col('conflict_id', 'string', 'The group: series_id@period.', true),
      col('claim_id', 'string', 'A claim of the group.', true),
      col('series_id', 'string', 'The series key.', true),
      col('period', 'string', 'The date of the group (EDTF).', true),
      ...seriesScopeColumns,
      col('claims_in_group', 'integer', 'Number of claims in the group.', true),
      ...figureColumns,
      col('source_id', 'string', 'Source of the claim.', true),
      col('source_reliability', 'string', 'Reliability of the source.', true),
      col('source_published_start', 'date', "First day of the source's publication date."),
      col('is_best', 'boolean', 'True for the claim the series rule picks for this point.', true),
    ],
    primaryKey: ['conflict_id', 'claim_id'],
    foreignKeys: [
      fk('claim_id', 'claims', 'claim_id'),
      fk(['series_id', 'period'], 'series', ['series_id', 'period']),
      fk('source_id', 'sources'),
      fk('metric', 'metrics'),
      fk('place', 'places'),
      fk('operation', 'operations'),
    ],
    rows: () => (found.conflicts ??= storeOf(stores, 'conflicts', allConflictRows(points))).rows(),
  };
}

function latestTable(points: Points, found: Found, stores: RowStores): Table {
  return {
    name: 'latest',
    title: 'Latest: the figure to quote first for each series',
    description:
      "One row per series (metric, breakdown, unit and scope): the headline, the figure to quote first, is the latest official figure (official, official-copy or legal source) unless a later figure says something new. A later figure does not displace it when its date overlaps the headline's, when its bounds contain the headline (a restatement: more than 6,500 after 6,558), when it is dated only by its publication and agrees with it, when it is dated by its publication and attributed to the headline's organisation (a relay), or when it comes from a low-reliability source; any other later figure does (it disagrees, or narrows it with a stated date). headline_kind and headline_reason say which and why; the latest official figure and the latest figure of any source are given beside it, with the claims that disagree at the headline's date and, for totals, newer breakdowns.",
    columns: latestColumns,
    primaryKey: ['series_id'],
    foreignKeys: [
      fk('headline_claim_id', 'claims', 'claim_id'),
      fk('official_claim_id', 'claims', 'claim_id'),
      fk('latest_claim_id', 'claims', 'claim_id'),
      fk('headline_source_id', 'sources'),
      fk('official_source_id', 'sources'),
      fk('latest_source_id', 'sources'),
      fk('metric', 'metrics'),
      fk('place', 'places'),
      fk('operation', 'operations'),
    ],
    rows: function* () {
      // Asked for before the series: the whole table at once, its totals complete already.
      found.latest ??= {
        rows: storeOf(stores, 'latest', buildLatest(points())),
        newer: new NewerBreakdownsFinder(),
      };
      const { rows, newer } = found.latest;
      for (const row of rows.rows()) {
        const breakdowns = newer.of(row.series_id as string);
        yield breakdowns ? { ...row, ...breakdowns } : row;
      }
    },
  };
}

/** The conflicts rows of every point at once (when the series rows have not found them). */
function* allConflictRows(points: Points): Generator<Row> {
  for (const group of findConflicts(Array.from(points())))
    for (const c of group.claims) yield conflictRow(group, c);
}
