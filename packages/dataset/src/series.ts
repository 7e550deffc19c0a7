import type { ClaimsTableRow } from './claims-table.js';
import { QUALIFIERS, type QualifierMeaning } from './qualifiers.js';

/**
 * Series: for every metric and scope, the best figure per date.
 *
 * This module is the one implementation shared by the exporter (the `series` table) and the
 * viewer. Pure functions over claims-table rows: no Node APIs, no dependencies.
 *
 * ## What a series is
 *
 * A series is every claim with the same **series key**: metric, breakdown (key and value), unit,
 * place, operation, organisations and networks (the two lists compared as sets). Units are part of
 * the key: a series never mixes GBP with EUR or kg with tablets.
 *
 * A **point** of a series is one *date*: the exact calendar days the claim's `as_of` covers
 * (`as_of_start`..`as_of_end`). `2020-07-02` and `2020-07-02T13:41` are the same date;
 * `2020-07` (a whole month) is a different date from `2020-07-02`. Dates are compared exactly, not
 * by overlap: for running totals (arrests so far) two different periods may hold different totals
 * without either being wrong, and "overlaps" is not transitive, so it cannot partition claims.
 *
 * Claims that take part: not withdrawn, with a number (a value or a bound; `unspecified` claims
 * have none) and with a known first day of `as_of`.
 *
 * ## The best figure per date (the rule)
 *
 * Among the claims of one point, candidates are ordered by these criteria, first difference wins:
 *
 * 1. **Reliability of the source**: official > official-copy > legal > press > low. The
 *    authority's own words first; then the same release reproduced by others; then courts, which
 *    are careful but usually restate figures given to them; then the press, which relays them; then
 *    aggregators and garbled copies.
 * 2. **How `as_of` was set**: stated > publication > estimated. A source that says which date its
 *    figure refers to beats one dated by its publication day, which beats a date bounded by the
 *    curators from the content.
 * 3. **Precision of the wording**: exact > bounded (more_than, at_least, nearly, up_to, range) >
 *    approximate. An exact figure is a fact; a bound is a hard fact about the figure; "about" is an
 *    estimate with no stated error.
 * 4. **Latest publication**: the source published last (first day of its publication date) wins;
 *    undated sources come last. Later documents tend to carry corrected figures.
 * 5. **Claim id** (ascending, by UTF-16 code units): a stable, arbitrary tie-break, so the result
 *    never depends on input order.
 *
 * Every point records which criterion separated the winner from the runner-up (`decided_by`), or
 * `single` when the point has one candidate.
 */

/** The claims-table columns the series and conflicts logic reads. */
export type FigureRow = Pick<
  ClaimsTableRow,
  | 'claim_id'
  | 'source_id'
  | 'metric'
  | 'breakdown_key'
  | 'breakdown_value'
  | 'unit'
  | 'place'
  | 'operation'
  | 'organisations'
  | 'networks'
  | 'value'
  | 'min'
  | 'max'
  | 'qualifier'
  | 'as_of'
  | 'as_of_start'
  | 'as_of_end'
  | 'as_of_basis'
  | 'source_reliability'
  | 'source_published_start'
  | 'withdrawn'
>;

/** Rank of each source reliability (lower is better). */
export const RELIABILITY_RANK: Readonly<Record<string, number>> = {
  official: 0,
  'official-copy': 1,
  legal: 2,
  press: 3,
  low: 4,
};

/** Rank of each way `as_of` was set (lower is better). */
export const AS_OF_BASIS_RANK: Readonly<Record<string, number>> = {
  stated: 0,
  publication: 1,
  estimated: 2,
};

/** The precisions of the wording, best first (see the table of qualifiers, `qualifiers.ts`). */
const PRECISIONS: readonly QualifierMeaning['precision'][] = [
  'exact',
  'bounded',
  'approximate',
  'none',
];

/** Rank of each qualifier by precision (lower is better): exact, then bounded, then approximate. */
export const PRECISION_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(QUALIFIERS).map(([qualifier, meaning]) => [
    qualifier,
    PRECISIONS.indexOf(meaning.precision),
  ]),
);

/** The criteria of the rule, in order; `single` when a point has one candidate. */
export const SERIES_CRITERIA = [
  'reliability',
  'as_of_basis',
  'precision',
  'publication',
  'claim_id',
] as const;
export type SeriesCriterion = (typeof SERIES_CRITERIA)[number];
export type DecidedBy = SeriesCriterion | 'single';

const UNKNOWN_RANK = 99;
const rank = (table: Readonly<Record<string, number>>, key: string): number =>
  table[key] ?? UNKNOWN_RANK;

/** Compares strings by UTF-16 code units: the same order everywhere, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const setKey = (ids: readonly string[] | null): string =>
  !ids || !ids.length ? '' : ids.length === 1 ? ids[0]! : [...ids].sort(compareCodeUnits).join('+');

/**
 * The series key of a claim as one string:
 * `metric:breakdown_key=breakdown_value:unit:place:operation:organisations:networks`, empty parts
 * for what is absent, lists sorted and joined by `+`. Ids are slugs, so `:`, `=` and `+` never
 * occur inside a part. Example: `arrests::count:united-kingdom:venetic::encrochat`.
 */
export function seriesId(row: SeriesScope): string {
  return scopeParts(row, asIs, ':');
}

const asIs = (text: string) => text;

/**
 * The parts of a claim's series, in the order of `seriesId`, each through `part` and joined by
 * `separator`: the one definition of what makes a series, for its id and for seriesPoints' keys.
 */
function scopeParts(row: SeriesScope, part: (text: string) => string, separator: string): string {
  const breakdown = row.breakdown_key ? `${row.breakdown_key}=${row.breakdown_value ?? ''}` : '';
  return (
    part(row.metric) +
    separator +
    part(breakdown) +
    separator +
    part(row.unit) +
    separator +
    part(row.place) +
    separator +
    part(row.operation ?? '') +
    separator +
    part(setKey(row.organisations)) +
    separator +
    part(setKey(row.networks))
  );
}

/**
 * The date of a point as an ISO 8601 / EDTF string: the day itself when `as_of` covers one day
 * (`2020-07-02`), else the interval of days (`2020-07-01/2020-07-31`), `..` for an open end.
 * Null when the first day is unknown.
 */
export function periodOf(row: Pick<FigureRow, 'as_of_start' | 'as_of_end'>): string | null {
  if (!row.as_of_start) return null;
  if (row.as_of_start === row.as_of_end) return row.as_of_start;
  return `${row.as_of_start}/${row.as_of_end ?? '..'}`;
}

/** Whether a claim takes part in series and conflicts: not withdrawn, with a number and a known date. */
export function isFigure(row: FigureRow): boolean {
  if (row.withdrawn) return false;
  if (row.value === null && row.min === null && row.max === null) return false;
  // periodOf(row) !== null, without building the period.
  return !!row.as_of_start;
}

/** Compares two candidates of one point by the rule; negative when `a` is the better figure. */
export function compareFigures(a: FigureRow, b: FigureRow): number {
  return (
    rank(RELIABILITY_RANK, a.source_reliability) - rank(RELIABILITY_RANK, b.source_reliability) ||
    rank(AS_OF_BASIS_RANK, a.as_of_basis) - rank(AS_OF_BASIS_RANK, b.as_of_basis) ||
    rank(PRECISION_RANK, a.qualifier) - rank(PRECISION_RANK, b.qualifier) ||
    // Later publication first; undated last.
    compareCodeUnits(b.source_published_start ?? '', a.source_published_start ?? '') ||
    compareCodeUnits(a.claim_id, b.claim_id)
  );
}

/** The first criterion of the rule on which two candidates differ. */
export function decidingCriterion(best: FigureRow, runnerUp: FigureRow): SeriesCriterion {
  if (
    rank(RELIABILITY_RANK, best.source_reliability) !==
    rank(RELIABILITY_RANK, runnerUp.source_reliability)
  )
    return 'reliability';
  if (rank(AS_OF_BASIS_RANK, best.as_of_basis) !== rank(AS_OF_BASIS_RANK, runnerUp.as_of_basis))
    return 'as_of_basis';
  if (rank(PRECISION_RANK, best.qualifier) !== rank(PRECISION_RANK, runnerUp.qualifier))
    return 'precision';
  if ((best.source_published_start ?? '') !== (runnerUp.source_published_start ?? ''))
    return 'publication';
  return 'claim_id';
}

/** One point of a series: a series key and a date, with its candidates ordered by the rule. */
export interface SeriesPoint<R extends FigureRow = FigureRow> {
  /** The series key (see `seriesId`). */
  series_id: string;
  /** The date of the point (see `periodOf`). */
  period: string;
  /** The best figure: `candidates[0]`. */
  best: R;
  /** Every claim of the point, best first. */
  candidates: R[];
  /** The criterion that chose `best` over the runner-up, or `single`. */
  decided_by: DecidedBy;
}

/** The columns of a claim that make its series (see `seriesId`). */
export type SeriesScope = Pick<
  FigureRow,
  | 'metric'
  | 'breakdown_key'
  | 'breakdown_value'
  | 'unit'
  | 'place'
  | 'operation'
  | 'organisations'
  | 'networks'
>;

/**
 * A function that gives each claim a short key of its series: equal keys for equal series ids.
 * Cheaper to hash than the id (a long string, built anew for every claim): each part is numbered
 * once, and the key holds one UTF-16 unit per part.
 */
function seriesKeys(): (row: SeriesScope) => string {
  const parts = new Map<string, number>();
  const part = (text: string): string => {
    let n = parts.get(text);
    if (n === undefined) parts.set(text, (n = parts.size));
    // One unit per part up to 0xfffe, else a marker and two units: no key is a prefix of another.
    return n < 0xffff ? String.fromCharCode(n) : String.fromCharCode(0xffff, n >>> 16, n & 0xffff);
  };
  return (row) => scopeParts(row, part, '');
}

/**
 * Groups the claims that take part (see `isFigure`) into series points, each with its candidates
 * ordered by the rule. Points are sorted by series id, then period (both by code units), so the
 * result does not depend on the order of `rows`.
 */
export function buildSeries<R extends FigureRow>(rows: Iterable<R>): SeriesPoint<R>[] {
  return Array.from(seriesPoints(rows));
}

/**
 * The points of `buildSeries`, one at a time and in the same order: a caller that writes each point
 * and drops it never holds them all (each series' claims are released once its points are made).
 */
export function* seriesPoints<R extends FigureRow>(rows: Iterable<R>): Generator<SeriesPoint<R>> {
  // Grouped by series first, then by period within each series: sorting the series ids, then the
  // few periods of each series, costs far less than sorting every point.
  const keyOf = seriesKeys();
  const series = new Map<string, { id: string; members: R[] }>();
  for (const row of rows) {
    if (!isFigure(row)) continue;
    const key = keyOf(row);
    const group = series.get(key);
    if (group) group.members.push(row);
    else series.set(key, { id: seriesId(row), members: [row] });
  }
  // The groups hold the claims now: drop the caller's list too, so that each series' claims are
  // freed once its points are made (when the caller keeps no list of its own).
  // eslint-disable-next-line no-useless-assignment -- the assignment frees the list, not a value read later
  rows = [];
  // Equal keys have equal ids and the other way round (ids are slugs: no `:` inside a part).
  const groups = [...series.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  series.clear();
  const point = (series_id: string, period: string, candidates: R[]): SeriesPoint<R> => {
    if (candidates.length > 1) candidates.sort(compareFigures);
    // Indexing, not destructuring: an array pattern goes through the iterator, once per point.
    const best = candidates[0]!;
    const runnerUp = candidates[1];
    return {
      series_id,
      period,
      best,
      candidates,
      decided_by: runnerUp ? decidingCriterion(best, runnerUp) : 'single',
    };
  };
  for (let g = 0; g < groups.length; g++) {
    const { id, members } = groups[g]!;
    // Released as it goes: the caller may drop the points it has written.
    groups[g] = undefined!;
    if (members.length === 1) {
      yield point(id, periodOf(members[0]!)!, members);
      continue;
    }
    const periods = new Map<string, R[]>();
    for (const row of members) {
      const period = periodOf(row)!;
      const candidates = periods.get(period);
      if (candidates) candidates.push(row);
      else periods.set(period, [row]);
    }
    for (const period of [...periods.keys()].sort(compareCodeUnits))
      yield point(id, period, periods.get(period)!);
  }
}
