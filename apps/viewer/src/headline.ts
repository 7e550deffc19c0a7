/**
 * Headline figures: for each headline metric and each place, the figure to quote first.
 *
 * Pure functions over the series points and the latest table of `@encrochat-ledger/dataset`
 * (`buildSeries`, `buildLatest`); run at build time by the viewer and in its tests. The rule, also
 * shown on the About page:
 *
 * 1. Candidates are the series of the metric and place with no breakdown (drugs: all drugs, not
 *    one drug) and from EncroChat alone (figures that combine EncroChat with Sky ECC or ANOM, or
 *    context figures with no network, are left to the charts and the table).
 * 2. One unit: the unit with the most points (a place's cash is counted in its own currency).
 * 3. When some series count the whole place (no `organisations` in their scope), series that count
 *    only some of its organisations (e.g. the Met and the NCA within the UK) are left out.
 * 4. Of the series left (a place's totals with and without an operation), the most current one:
 *    the one whose latest figure (of any source) is latest, figures dated to a day or a month (a
 *    period of at most 31 days) before those dated only to a year or a span of months, then the
 *    latest date (`compareFigureDates`), then the better figure by the series rule
 *    (`compareFigures`), then the series id. Its latest figure, not its headline: a series whose
 *    newest figure only restates its official one is as current as that newest figure.
 * 5. The figure shown is that series' headline by the `latest` rule of the dataset package
 *    (`latest.ts`): the latest official figure unless a later figure says something new, in which
 *    case the official figure is shown beside it; with the disagreement at its date and, for a
 *    total, the newer figures that exist only by breakdown.
 *
 * "sources" counts the distinct sources among all claims of the headline's date.
 */
import {
  compareCodeUnits,
  compareFigureDates,
  compareFigures,
  type FigureRow,
  type LatestRow,
  type SeriesPoint,
} from '@encrochat-ledger/dataset';

/** The headline metrics, in display order. */
export const HEADLINE_METRICS = [
  'arrests',
  'charges',
  'convictions',
  'custodial_years',
  'cash_seized',
  'drugs_seized',
  'firearms_seized',
] as const;

/** The network the headline figures are about. */
export const HEADLINE_NETWORK = 'encrochat';

/** Periods of at most this many days count as precisely dated (rule 4). */
export const PRECISE_PERIOD_DAYS = 31;

export interface Headline<R extends FigureRow = FigureRow> {
  metric: string;
  place: string;
  unit: string;
  /** The chosen series' row of the latest table: headline, latest official figure, disagreement, newer breakdowns. */
  latest: LatestRow;
  /** The point of the headline figure (its best claim is the headline). */
  point: SeriesPoint<R>;
  /** Its index in the list of points given. */
  index: number;
  /** The index of the point of the latest official figure, or -1 when the series has none. */
  officialIndex: number;
  /** The index of the point of the latest figure of any source. */
  latestIndex: number;
  /** Distinct sources among the claims of the headline's point. */
  sources: number;
  /** Points of this metric and place the choice was made from (rules 1–3). */
  points: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** Number of days a row's `as_of` covers; Infinity for an open or unknown end. */
export function periodDays(row: Pick<FigureRow, 'as_of_start' | 'as_of_end'>): number {
  if (!row.as_of_start || !row.as_of_end) return Infinity;
  return dayNumber(row.as_of_end) - dayNumber(row.as_of_start) + 1;
}

/** Whether a series can give a headline (rule 1): headline metric, no breakdown, EncroChat only. */
export function isHeadlineCandidate(
  row: Pick<FigureRow, 'metric' | 'breakdown_key' | 'networks'>,
  metrics: readonly string[] = HEADLINE_METRICS,
): boolean {
  return (
    metrics.includes(row.metric) &&
    row.breakdown_key === null &&
    row.networks !== null &&
    row.networks.length === 1 &&
    row.networks[0] === HEADLINE_NETWORK
  );
}

/** Orders series by their latest point (rule 4): precise dates first, then latest. Negative when `a` wins. */
export function compareLatest(a: SeriesPoint, b: SeriesPoint): number {
  const precise = (p: SeriesPoint) => (periodDays(p.best) <= PRECISE_PERIOD_DAYS ? 0 : 1);
  return (
    precise(a) - precise(b) ||
    compareFigureDates(b.best, a.best) ||
    compareFigures(a.best, b.best) ||
    compareCodeUnits(a.series_id, b.series_id)
  );
}

/**
 * The headline figure of every (headline metric, place) that has one, ordered by metric (in
 * `HEADLINE_METRICS` order), then place id. `latest` is the latest table of the same points
 * (`buildLatest(points)`).
 */
export function selectHeadlines<R extends FigureRow>(
  points: readonly SeriesPoint<R>[],
  latest: readonly LatestRow[],
  metrics: readonly string[] = HEADLINE_METRICS,
): Headline<R>[] {
  // Every figure of the latest table is the best claim of its point.
  const pointOfBest = new Map<string, number>();
  const pointCount = new Map<string, number>();
  points.forEach((point, index) => {
    pointOfBest.set(point.best.claim_id, index);
    pointCount.set(point.series_id, (pointCount.get(point.series_id) ?? 0) + 1);
  });
  const groups = new Map<string, LatestRow[]>();
  for (const row of latest) {
    if (!isHeadlineCandidate(row, metrics) || !pointOfBest.has(row.headline_claim_id)) continue;
    const key = `${row.metric}\u0000${row.place}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const headlines: Headline<R>[] = [];
  for (const rows of groups.values()) {
    // Rule 2: the unit with the most points (ties: the first by code units).
    const byUnit = new Map<string, number>();
    for (const row of rows)
      byUnit.set(row.unit, (byUnit.get(row.unit) ?? 0) + pointCount.get(row.series_id)!);
    const unit = [...byUnit].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0];
    let pool = rows.filter((row) => row.unit === unit);
    // Rule 3: whole-place series over series of some of its organisations.
    const whole = pool.filter((row) => !row.organisations?.length);
    if (whole.length) pool = whole;
    // Rule 4: the series whose latest figure is latest.
    const latestOf = (row: LatestRow) => points[pointOfBest.get(row.latest_claim_id)!]!;
    const chosen = [...pool].sort((a, b) => compareLatest(latestOf(a), latestOf(b)))[0]!;
    const index = pointOfBest.get(chosen.headline_claim_id)!;
    const point = points[index]!;
    headlines.push({
      metric: chosen.metric,
      place: chosen.place,
      unit,
      latest: chosen,
      point,
      index,
      officialIndex:
        chosen.official_claim_id === null ? -1 : pointOfBest.get(chosen.official_claim_id)!,
      latestIndex: pointOfBest.get(chosen.latest_claim_id)!,
      sources: new Set(point.candidates.map((c) => c.source_id)).size,
      points: pool.reduce((n, row) => n + pointCount.get(row.series_id)!, 0),
    });
  }
  const order = (metric: string) => metrics.indexOf(metric);
  return headlines.sort(
    (a, b) => order(a.metric) - order(b.metric) || compareCodeUnits(a.place, b.place),
  );
}
