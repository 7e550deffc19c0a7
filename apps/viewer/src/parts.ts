/**
 * A part larger than its whole: a place's figure above the figure of a place that contains it.
 *
 * Examples from the data: "200 murder plots foiled" in the United Kingdom (5 July 2020) against
 * "about 100" worldwide (27 June 2023); €357 million of assets frozen in Germany (31 August 2022)
 * against €154.1 million worldwide (27 June 2023). Either a figure is wrong or the two count
 * different things; a reader should look before quoting either.
 *
 * Pure functions over the rows of the dataset's latest table (`buildLatest`: one row per series,
 * with its headline, the figure to quote first); run at build time by the viewer and in its tests.
 * A part's headline is compared with the headline of every whole series of every place that contains
 * it (the places' `parent`, followed up to the world), when:
 *
 * 1. **The same thing is counted**: the same metric, unit and breakdown (a region's cocaine against
 *    its country's cocaine), and the whole's networks include the part's (EncroChat alone against
 *    EncroChat, or against EncroChat with Sky ECC).
 * 2. **The whole counts the whole place**: no `organisations` in its scope (the NCA's own count
 *    for the UK is not the UK's total), within the part's operation or wider: no operation, the
 *    same, or one that contains it (Venetic contains Eternal). A part with no operation is compared
 *    only with wholes with no operation.
 * 3. **The whole's date is the part's or later**: a cumulative metric (arrests, cash seized) only
 *    grows, so a part counted by a date ends its count on or before the whole's. Dates of at most
 *    `PRECISE_PERIOD_DAYS` are points in time ("as of 2 July 2020", "as of July 2020"); a longer
 *    whole period (a year) must also start no later than the part's. A metric that is not
 *    cumulative (users, handsets on the network) is compared on exactly the same days.
 * 4. **The metric adds up over places**: not a price.
 *
 * The pair is flagged when the part is certainly larger: the lowest figure its headline allows (the
 * interval of `valueInterval`: "more than 45" allows anything above 45) is above the highest the
 * whole's allows ("about 100" is taken at its word, as in the conflicts rule).
 */
import { valueInterval, type LatestRow, type ValueInterval } from '@encrochat-ledger/dataset';
import { PRECISE_PERIOD_DAYS, periodDays } from './headline.js';

/** Metrics that do not add up over places. */
export const NOT_ADDITIVE: ReadonlySet<string> = new Set(['price']);

export interface PlaceLink {
  id: string;
  parent?: string | null;
}
export interface OperationLink {
  id: string;
  parent?: string | null;
}
export interface MetricFlags {
  id: string;
  cumulative?: boolean;
}

/** A part whose headline is above the headline of a whole that contains it. */
export interface PartAboveWhole {
  part: LatestRow;
  whole: LatestRow;
  /** How many levels up the whole is (1: the part's parent). */
  levels: number;
}

type HeadlineFigure = Pick<
  LatestRow,
  'headline_qualifier' | 'headline_value' | 'headline_min' | 'headline_max'
>;
const headlineInterval = (row: HeadlineFigure): ValueInterval | null =>
  valueInterval({
    qualifier: row.headline_qualifier,
    value: row.headline_value,
    min: row.headline_min,
    max: row.headline_max,
  });

/** Whether every figure interval `a` allows is above every figure `b` allows. */
export function certainlyAbove(a: ValueInterval, b: ValueInterval): boolean {
  return a.low > b.high || (a.low === b.high && !(a.lowInclusive && b.highInclusive));
}

type Dated = Pick<LatestRow, 'headline_date_start' | 'headline_date_end'>;
const span = (row: Dated) =>
  periodDays({ as_of_start: row.headline_date_start, as_of_end: row.headline_date_end });

/** Rule 3: the whole's date is the part's or later. */
export function wholeDatedSameOrLater(part: Dated, whole: Dated, cumulative: boolean): boolean {
  const { headline_date_start: ps, headline_date_end: pe } = part;
  const { headline_date_start: ws, headline_date_end: we } = whole;
  if (!ps || !pe || !ws || !we) return false;
  if (!cumulative) return ps === ws && pe === we;
  if (pe > we) return false;
  return span(whole) <= PRECISE_PERIOD_DAYS || ws <= ps;
}

/** The chain of a tree record's ancestors, nearest first (a cycle stops it). */
function ancestors(parentOf: ReadonlyMap<string, string | null | undefined>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  for (let p = parentOf.get(id); p && !seen.has(p); p = parentOf.get(p)) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

const breakdownOf = (row: LatestRow) =>
  row.breakdown_key === null ? '' : `${row.breakdown_key}=${row.breakdown_value ?? ''}`;

/** Every part whose headline is above a whole's (see the rules above), by part series id, then the nearest whole. */
export function partsAboveWholes(
  rows: readonly LatestRow[],
  places: readonly PlaceLink[],
  operations: readonly OperationLink[],
  metrics: readonly MetricFlags[],
): PartAboveWhole[] {
  const placeParent = new Map(places.map((p) => [p.id, p.parent]));
  const operationParent = new Map(operations.map((o) => [o.id, o.parent]));
  const cumulative = new Map(metrics.map((m) => [m.id, m.cumulative !== false]));
  // Rule 2: whole series only, by metric, unit, breakdown and place.
  const wholes = new Map<string, LatestRow[]>();
  for (const row of rows) {
    if (row.organisations?.length || NOT_ADDITIVE.has(row.metric)) continue;
    const key = `${row.metric}\u0000${row.unit}\u0000${breakdownOf(row)}\u0000${row.place}`;
    const list = wholes.get(key);
    if (list) list.push(row);
    else wholes.set(key, [row]);
  }
  const found: PartAboveWhole[] = [];
  for (const part of rows) {
    if (NOT_ADDITIVE.has(part.metric)) continue;
    const partInterval = headlineInterval(part);
    if (!partInterval) continue;
    const operationsWithin =
      part.operation === null
        ? [null]
        : [null, part.operation, ...ancestors(operationParent, part.operation)];
    const partNetworks = part.networks ?? [];
    ancestors(placeParent, part.place).forEach((place, level) => {
      for (const whole of wholes.get(
        `${part.metric}\u0000${part.unit}\u0000${breakdownOf(part)}\u0000${place}`,
      ) ?? []) {
        if (!operationsWithin.includes(whole.operation)) continue;
        if (!partNetworks.every((n) => whole.networks?.includes(n))) continue;
        if (!wholeDatedSameOrLater(part, whole, cumulative.get(part.metric) ?? true)) continue;
        const wholeInterval = headlineInterval(whole);
        if (wholeInterval && certainlyAbove(partInterval, wholeInterval))
          found.push({ part, whole, levels: level + 1 });
      }
    });
  }
  return found.sort((a, b) =>
    a.part.series_id < b.part.series_id
      ? -1
      : a.part.series_id > b.part.series_id
        ? 1
        : a.levels - b.levels,
  );
}
