import { boundValue, qualifierMeaning, type Bound } from './qualifiers.js';
import { buildSeries, compareCodeUnits, type FigureRow, type SeriesPoint } from './series.js';

/**
 * Conflicts: groups of claims that disagree about the same metric, scope and date.
 *
 * The one implementation shared by the exporter (the `conflicts` table) and the viewer. Pure
 * functions over claims-table rows: no Node APIs, no dependencies.
 *
 * ## The rule
 *
 * A **group** is the set of claims of one series point (see `series.ts`): same metric, breakdown,
 * unit, place, operation, organisations and networks, and an `as_of` covering exactly the same
 * days. Withdrawn claims and claims with no number (`unspecified`) take no part.
 *
 * Each claim says the true figure lies in an **interval** given by its qualifier: its bounds, open
 * where it has none, by the table of qualifiers (`qualifiers.ts`), with one exception written
 * there too: an `approximate` figure, which states no bounds, is taken at its word as
 * [value, value], since any tolerance would be invented. `(` excludes an end, `[` includes it:
 * "more than 700" is (700, +∞), "nearly 700" (−∞, 700), "between 2 and 3" [2, 3].
 *
 * A group is a **conflict** when no single figure satisfies every claim of the group: the
 * intersection of their intervals is empty. "Nearly 700" and "746" conflict; "more than 740" and
 * "746" do not; "about 800" and "746" do (an approximate figure is compared by its value);
 * "about 60,000" and "60,000" do not. Identical dates rather than overlapping ones, because for
 * running totals two different periods may legitimately hold different figures.
 */

/** The figures a claim allows. Open ends are ±Infinity. */
export interface ValueInterval {
  low: number;
  lowInclusive: boolean;
  high: number;
  highInclusive: boolean;
}

/** How an approximate figure is compared: as exactly its value. */
const EXACTLY_ITS_VALUE: Bound = { of: 'value', inclusive: true };

/** The interval of true figures a claim allows, or null when it states no number. */
export function valueInterval(
  row: Pick<FigureRow, 'qualifier' | 'value' | 'min' | 'max'>,
): ValueInterval | null {
  const meaning = qualifierMeaning(row.qualifier);
  if (!meaning) return null;
  const lower = meaning.comparedAsValue ? EXACTLY_ITS_VALUE : meaning.lower;
  const upper = meaning.comparedAsValue ? EXACTLY_ITS_VALUE : meaning.upper;
  if (!lower && !upper) return null;
  const low = lower ? boundValue(lower, row) : -Infinity;
  const high = upper ? boundValue(upper, row) : Infinity;
  if (low === null || high === null) return null;
  return {
    low,
    lowInclusive: lower?.inclusive ?? false,
    high,
    highInclusive: upper?.inclusive ?? false,
  };
}

/** The intersection of intervals, or null when it is empty (no figure satisfies them all). */
export function intersectIntervals(intervals: Iterable<ValueInterval>): ValueInterval | null {
  let acc: ValueInterval = {
    low: -Infinity,
    lowInclusive: false,
    high: Infinity,
    highInclusive: false,
  };
  for (const i of intervals) {
    if (i.low > acc.low || (i.low === acc.low && !i.lowInclusive))
      acc = { ...acc, low: i.low, lowInclusive: i.lowInclusive };
    if (i.high < acc.high || (i.high === acc.high && !i.highInclusive))
      acc = { ...acc, high: i.high, highInclusive: i.highInclusive };
  }
  if (acc.low > acc.high) return null;
  if (acc.low === acc.high && !(acc.lowInclusive && acc.highInclusive)) return null;
  return acc;
}

/** A group of claims of one series point whose figures cannot all be true. */
export interface ConflictGroup<R extends FigureRow = FigureRow> {
  /** `<series_id>@<period>`: the series point the group belongs to. */
  conflict_id: string;
  series_id: string;
  period: string;
  /** The claims of the group that state a number, sorted by claim id. */
  claims: R[];
  /** The claim the series rule picks for this point. */
  best: R;
}

/** The conflict of one series point, or null when its claims agree (or it has a single claim). */
export function conflictOf<R extends FigureRow>(point: SeriesPoint<R>): ConflictGroup<R> | null {
  if (point.candidates.length < 2) return null;
  const intervals: ValueInterval[] = [];
  for (const claim of point.candidates) {
    const interval = valueInterval(claim);
    if (interval) intervals.push(interval);
  }
  if (intervals.length < 2 || intersectIntervals(intervals)) return null;
  return {
    conflict_id: `${point.series_id}@${point.period}`,
    series_id: point.series_id,
    period: point.period,
    claims: [...point.candidates].sort((a, b) => compareCodeUnits(a.claim_id, b.claim_id)),
    best: point.best,
  };
}

/**
 * Every conflict group among `rows` (or among ready-made series points), sorted like the series
 * points: by series id, then period.
 * Pass the points when you already have them, to group the claims once.
 */
export function findConflicts<R extends FigureRow>(
  points: readonly SeriesPoint<R>[],
): ConflictGroup<R>[];
export function findConflicts<R extends FigureRow>(rows: Iterable<R>): ConflictGroup<R>[];
export function findConflicts<R extends FigureRow>(
  rows: Iterable<R> | readonly SeriesPoint<R>[],
): ConflictGroup<R>[] {
  const points = isPointList(rows) ? rows : buildSeries(rows);
  const groups: ConflictGroup<R>[] = [];
  for (const point of points) {
    const group = conflictOf(point);
    if (group) groups.push(group);
  }
  return groups.sort(
    (a, b) => compareCodeUnits(a.series_id, b.series_id) || compareCodeUnits(a.period, b.period),
  );
}

function isPointList<R extends FigureRow>(
  value: Iterable<R> | readonly SeriesPoint<R>[],
): value is readonly SeriesPoint<R>[] {
  if (!Array.isArray(value)) return false;
  const first = value[0] as unknown;
  return typeof first === 'object' && first !== null && 'candidates' in first;
}
