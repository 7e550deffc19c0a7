/**
 * The derived tables: `series` (the best figure per metric, scope and date) and `conflicts` (claims
 * that disagree), from the dataset package's `buildSeries` and `findConflicts` — the one
 * implementation shared with the viewer. Series rows are sorted by series id and period; conflict
 * rows by series id, period and claim id.
 */
import { compareCodeUnits, type ConflictGroup, type FigureRow, type SeriesPoint } from '@encrochat-ledger/dataset';
import { col, fk, type Column, type Row, type Table } from './table-model.js';

const seriesScopeColumns: Column[] = [
  col('metric', 'string', 'Metric id.', true),
  col('breakdown_key', 'string', 'Breakdown dimension, if any.'),
  col('breakdown_value', 'string', 'Breakdown value, if any.'),
  col('unit', 'string', 'Unit of the figures.', true),
  col('place', 'string', 'Place id.', true),
  col('operation', 'string', 'Operation id, if any.'),
  col('organisations', 'list', 'Organisation ids of the scope, sorted.'),
  col('networks', 'list', 'Network ids of the scope, sorted.'),
  col('date_start', 'date', 'First day of the date of the point.', true),
  col('date_end', 'date', 'Last day of the date of the point; empty for an open end.'),
];

const figureColumns: Column[] = [
  col('value', 'number', 'The figure, in base units; empty for a range.'),
  col('min', 'number', 'Lower bound implied by the qualifier (exclusive for more_than).'),
  col('max', 'number', 'Upper bound implied by the qualifier (exclusive for nearly).'),
  col('qualifier', 'string', 'How the source words the figure.', true),
  col('as_of', 'string', 'The as_of of the claim, as the source gives it (EDTF).', true),
  col('as_of_basis', 'string', 'How as_of was set: stated, publication or estimated.', true),
];

const sortedList = (ids: readonly string[] | null): readonly string[] | null => (ids && ids.length ? [...ids].sort(compareCodeUnits) : null);

/** The cells of a series row of `point`. */
function seriesRow(point: SeriesPoint<FigureRow>, inConflict: boolean): Row {
  const c = point.best;
  // One object literal in column order (no spreads): the CSV writer reads it by column name.
  return {
    series_id: point.series_id,
    period: point.period,
    metric: c.metric,
    breakdown_key: c.breakdown_key,
    breakdown_value: c.breakdown_value,
    unit: c.unit,
    place: c.place,
    operation: c.operation,
    organisations: sortedList(c.organisations),
    networks: sortedList(c.networks),
    date_start: c.as_of_start,
    date_end: c.as_of_end,
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
    candidates: point.candidates.length,
    decided_by: point.decided_by,
    in_conflict: inConflict,
  };
}

/** The cells of the conflicts row of claim `c` of `group` (scope and date from the group's best claim, the same for all). */
function conflictRow(group: ConflictGroup<FigureRow>, c: FigureRow): Row {
  const s = group.best;
  return {
    conflict_id: group.conflict_id,
    claim_id: c.claim_id,
    series_id: group.series_id,
    period: group.period,
    metric: s.metric,
    breakdown_key: s.breakdown_key,
    breakdown_value: s.breakdown_value,
    unit: s.unit,
    place: s.place,
    operation: s.operation,
    organisations: sortedList(s.organisations),
    networks: sortedList(s.networks),
    date_start: s.as_of_start,
    date_end: s.as_of_end,
    claims_in_group: group.claims.length,
    value: c.value,
    min: c.min,
    max: c.max,
    qualifier: c.qualifier,
    as_of: c.as_of,
    as_of_basis: c.as_of_basis,
    source_id: c.source_id,
    source_reliability: c.source_reliability,
    source_published_start: c.source_published_start,
    is_best: c === s,
  };
}

/** The derived tables; `derive` computes the series points and conflicts (from a pass over the claims) when their rows are first asked for. */
export function derivedTables(derive: () => { points: readonly SeriesPoint<FigureRow>[]; conflicts: readonly ConflictGroup<FigureRow>[] }): Table[] {
  return [
  {
    name: 'series',
    title: 'Series: the best figure per metric, scope and date',
    description:
      'One row per series point: for each metric, breakdown, unit and scope (place, operation, organisations, networks), and each date (the exact days an as_of covers), the best figure by the documented rule: reliability (official > official-copy > legal > press > low), then a stated as_of over a publication date over an estimated one, then exact over bounded over approximate, then the latest publication, then the smallest claim id.',
    columns: [
      col('series_id', 'string', 'The series key: metric:breakdown_key=breakdown_value:unit:place:operation:organisations:networks.', true),
      col('period', 'string', 'The date of the point: a day, or an interval of days (EDTF).', true),
      ...seriesScopeColumns,
      ...figureColumns,
      col('claim_id', 'string', 'The claim chosen as the best figure.', true),
      col('source_id', 'string', 'Its source.', true),
      col('source_reliability', 'string', 'Reliability of its source.', true),
      col('source_published_start', 'date', 'First day of its source\'s publication date.'),
      col('candidates', 'integer', 'Number of claims for this point.', true),
      col('decided_by', 'string', 'The criterion that chose it over the runner-up: reliability, as_of_basis, precision, publication, claim_id, or single.', true),
      col('in_conflict', 'boolean', 'True when the claims of this point disagree (see the conflicts table).', true),
    ],
    primaryKey: ['series_id', 'period'],
    foreignKeys: [fk('claim_id', 'claims', 'claim_id'), fk('source_id', 'sources'), fk('metric', 'metrics'), fk('place', 'places'), fk('operation', 'operations')],
    rows: function* () {
      const { points, conflicts } = derive();
      // A conflict group's best claim is its point's best claim: one object per point.
      const conflicted = new Set(conflicts.map((g) => g.best));
      for (const point of points) yield seriesRow(point, conflicted.has(point.best));
    },
  },
  {
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
      col('source_published_start', 'date', 'First day of the source\'s publication date.'),
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
    rows: function* () {
      const { conflicts } = derive();
      for (const group of conflicts) for (const c of group.claims) yield conflictRow(group, c);
    },
  },
  ];
}
