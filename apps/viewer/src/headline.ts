/**
 * Headline figures: for each headline metric and each place, the latest best figure.
 *
 * Pure functions over series points of `@encrochat-ledger/dataset` (`buildSeries`); run at build
 * time by the viewer and in its tests. The rule, also shown on the About page:
 *
 * 1. Candidates are the series points of the metric and place with no breakdown (drugs: all drugs,
 *    not one drug) and from EncroChat alone (figures that combine EncroChat with Sky ECC or ANOM,
 *    or context figures with no network, are left to the charts and the table).
 * 2. One unit: the unit with the most points (a place's cash is counted in its own currency).
 * 3. When some points count the whole place (no `organisations` in their scope), points that
 *    count only some of its organisations (e.g. the Met and the NCA within the UK) are left out.
 * 4. Figures dated to a day or a month (a period of at most 31 days) are preferred; figures dated
 *    only to a year or a span of months are used when there is nothing more precise.
 * 5. The latest point wins: latest last day, then latest first day; on a tie, the better best
 *    figure by the series rule (`compareFigures`).
 *
 * The figure shown is the point's best claim (the series rule); "sources" counts the distinct
 * sources among all claims of that point.
 */
import { compareCodeUnits, compareFigures, type FigureRow, type SeriesPoint } from '@encrochat-ledger/dataset';

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
  /** The chosen point. */
  point: SeriesPoint<R>;
  /** Its index in the list of points given. */
  index: number;
  /** Distinct sources among the claims of the chosen point. */
  sources: number;
  /** Points of this metric and place the choice was made from (rules 1–3). */
  points: number;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

/** Number of days a row's `as_of` covers; Infinity for an open or unknown end. */
export function periodDays(row: Pick<FigureRow, 'as_of_start' | 'as_of_end'>): number {
  if (!row.as_of_start || !row.as_of_end) return Infinity;
  return dayNumber(row.as_of_end) - dayNumber(row.as_of_start) + 1;
}

/** Whether a point can be a headline candidate (rule 1): headline metric, no breakdown, EncroChat only. */
export function isHeadlineCandidate(row: FigureRow, metrics: readonly string[] = HEADLINE_METRICS): boolean {
  return (
    metrics.includes(row.metric) &&
    row.breakdown_key === null &&
    row.networks !== null &&
    row.networks.length === 1 &&
    row.networks[0] === HEADLINE_NETWORK
  );
}

/** Orders points latest first (rule 5), preferring precise dates (rule 4). Negative when `a` wins. */
export function compareLatest(a: SeriesPoint, b: SeriesPoint): number {
  const precise = (p: SeriesPoint) => (periodDays(p.best) <= PRECISE_PERIOD_DAYS ? 0 : 1);
  const end = (p: SeriesPoint) => p.best.as_of_end ?? p.best.as_of_start ?? '';
  return (
    precise(a) - precise(b) ||
    compareCodeUnits(end(b), end(a)) ||
    compareCodeUnits(b.best.as_of_start ?? '', a.best.as_of_start ?? '') ||
    compareFigures(a.best, b.best) ||
    compareCodeUnits(a.series_id, b.series_id)
  );
}

/**
 * The headline figure of every (headline metric, place) that has one, ordered by metric (in
 * `HEADLINE_METRICS` order), then place id.
 */
export function selectHeadlines<R extends FigureRow>(points: readonly SeriesPoint<R>[], metrics: readonly string[] = HEADLINE_METRICS): Headline<R>[] {
  const groups = new Map<string, number[]>();
  points.forEach((point, index) => {
    if (!isHeadlineCandidate(point.best, metrics)) return;
    const key = `${point.best.metric}\u0000${point.best.place}`;
    const list = groups.get(key);
    if (list) list.push(index);
    else groups.set(key, [index]);
  });
  const headlines: Headline<R>[] = [];
  for (const indices of groups.values()) {
    // Rule 2: the unit with the most points (ties: the first by code units).
    const byUnit = new Map<string, number>();
    for (const i of indices) byUnit.set(points[i]!.best.unit, (byUnit.get(points[i]!.best.unit) ?? 0) + 1);
    const unit = [...byUnit].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))[0]![0];
    let pool = indices.filter((i) => points[i]!.best.unit === unit);
    // Rule 3: whole-place figures over figures of some of its organisations.
    const whole = pool.filter((i) => !points[i]!.best.organisations?.length);
    if (whole.length) pool = whole;
    const winner = [...pool].sort((a, b) => compareLatest(points[a]!, points[b]!))[0]!;
    const point = points[winner]!;
    headlines.push({
      metric: point.best.metric,
      place: point.best.place,
      unit,
      point,
      index: winner,
      sources: new Set(point.candidates.map((c) => c.source_id)).size,
      points: pool.length,
    });
  }
  const order = (metric: string) => metrics.indexOf(metric);
  return headlines.sort((a, b) => order(a.metric) - order(b.metric) || compareCodeUnits(a.place, b.place));
}
