/**
 * Over time: one chart per series of the chosen metric and place, each with a table alternative, a
 * title that tells it from the others (breakdown, operation, counting organisations, networks,
 * unit), an address of its own (`series=`), a citation, and downloads (PNG, SVG, CSV).
 */
import type { ClaimsTableRow } from '@encrochat-ledger/dataset';
import { sourceLabel, type Ctx, type View } from '../app.js';
import { buildChart, type ChartPoint } from '../chart.js';
import { chartActions } from '../chart-export.js';
import { onChoice } from '../controls.js';
import type { Dataset } from '../data/dataset.js';
import { h, link, replace, select } from '../dom.js';
import { count, CURRENCIES, formatNumber } from '../format.js';
import { ChartParams, toHash, type Route } from '../state.js';
import { breakdownWords, metricWithBreakdown, publisherName } from '../words.js';
import { placeOptions, scopeWords } from './common.js';

const PER_PAGE = 8;
const index = new WeakMap<Dataset, Map<string, number[]>>();

/** Series ids by "metric\0place", computed once. */
function seriesByMetricPlace(ds: Dataset): Map<string, number[]> {
  let map = index.get(ds);
  if (map) return map;
  map = new Map();
  const metric = ds.table.col('metric');
  const place = ds.table.col('place');
  for (let s = 0; s < ds.points.seriesCount; s++) {
    const row = ds.bestOf(ds.points.seriesStart[s]!);
    const key = `${metric.at(row)}\u0000${place.at(row)}`;
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  }
  index.set(ds, map);
  return map;
}

/** What the vertical axis counts, where the metric's label does not say it plainly. */
const AXIS_NOUNS: Readonly<Record<string, string>> = {
  arrests: 'people arrested',
  charges: 'people charged',
  convictions: 'people convicted',
  custodial_years: 'years of imprisonment',
  detentions: 'people remanded in custody',
  users: 'people using the network',
  handsets: 'handsets on the network',
};

/** "people arrested", "drugs seized (cocaine), by weight", "cash seized, in GBP". */
export function axisLabel(
  ds: Dataset,
  metric: string,
  unit: string,
  breakdownValue: string | null,
): string {
  const noun = AXIS_NOUNS[metric] ?? ds.metricLabel(metric).toLowerCase();
  const what = breakdownValue ? `${noun} (${breakdownWords(breakdownValue)})` : noun;
  if (CURRENCIES.has(unit)) return `${what}, in ${unit}`;
  const units: Record<string, string> = {
    kg: 'by weight',
    tablets: 'in tablets',
    litres: 'in litres',
    months: 'in months',
    days: 'in days',
  };
  return units[unit] ? `${what}, ${units[unit]}` : what;
}

type ScopeRow = Pick<
  ClaimsTableRow,
  | 'metric'
  | 'metric_label'
  | 'breakdown_value'
  | 'place'
  | 'place_name'
  | 'operation'
  | 'organisations'
  | 'networks'
  | 'unit'
>;

/**
 * Titles that tell the series of one metric and place apart: "Drugs seized (cocaine) — United
 * Kingdom", then, where the series differ in them, the operation, who counted, the networks and the
 * unit ("Arrests — United Kingdom: Operation Venetic, counted by National Crime Agency (NCA)").
 */
export function seriesTitles(ds: Dataset, rows: readonly ScopeRow[]): string[] {
  const fields = {
    operation: (r: ScopeRow) => (r.operation ? ds.operationName(r.operation) : null),
    organisations: (r: ScopeRow) =>
      r.organisations?.length
        ? `counted by ${r.organisations.map((o) => ds.organisationName(o)).join(', ')}`
        : null,
    networks: (r: ScopeRow) =>
      r.networks?.length
        ? r.networks.map((n) => ds.networkName(n)).join(' + ')
        : 'no network (context figure)',
    unit: (r: ScopeRow) =>
      CURRENCIES.has(r.unit)
        ? `in ${r.unit}`
        : r.unit === 'kg'
          ? 'by weight'
          : r.unit === 'count'
            ? 'as a count'
            : `in ${r.unit}`,
  };
  const varying = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (f) => new Set(rows.map((r) => fields[f](r) ?? '')).size > 1,
  );
  const titles = rows.map((r) => {
    const parts = varying.map((f) => fields[f](r)).filter(Boolean);
    return `${metricWithBreakdown(r.metric_label, r.breakdown_value)} — ${r.place_name}${parts.length ? `: ${parts.join(' · ')}` : ''}`;
  });
  // Should two still read the same, number them rather than let a reader mix them up.
  const seen = new Map<string, number>();
  return titles.map((t) => {
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    return n > 1 ? `${t} (${n})` : t;
  });
}

export function chartsPage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params = (route as { params: ChartParams }).params;
  const results = h('div', { class: 'chart-results', 'aria-live': 'polite' });
  const state: ChartParams = {
    metric: params.metric ?? 'arrests',
    place: params.place ?? 'united-kingdom',
    page: params.page,
    series: params.series,
  };
  // One chart alone: its series names the metric and place.
  const only = state.series === undefined ? -1 : ds.seriesIndexOf(state.series);
  if (only >= 0) {
    const row = ds.bestOf(ds.points.seriesStart[only]!);
    state.metric = ds.table.get(row, 'metric');
    state.place = ds.table.get(row, 'place');
  }

  const metricSelect = select(
    { id: 'chart-metric', name: 'metric' },
    [...ds.metrics]
      .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'))
      .map((m) => [m.id, m.label] as [string, string]),
    state.metric,
  );
  const placeSelect = select({ id: 'chart-place', name: 'place' }, placeOptions(ds), state.place);
  const update = () => {
    state.metric = metricSelect.value;
    state.place = placeSelect.value;
    state.page = undefined;
    state.series = undefined;
    ctx.replaceHash(toHash('charts', { metric: state.metric, place: state.place }));
    draw();
  };
  // A keyboard choice applies on Enter or on leaving the list (controls.ts): arrowing through 36
  // metrics does not draw 36 sets of charts.
  const pending = (id: string) =>
    h('span', { class: 'pending-note', id: `${id}-pending`, hidden: true }, 'Press Enter to apply');
  const metricPending = pending('chart-metric');
  const placePending = pending('chart-place');
  onChoice(metricSelect, update, metricPending);
  onChoice(placeSelect, update, placePending);

  // The width charts are shown at (the page's column, less the chart's padding; half of it side by side).
  const column = Math.min(window.innerWidth, 1180) - (ctx.narrow ? 24 : 36) - 30;
  const chartOf = (sIndex: number, title: string, available: number) => {
    const points = ds.pointsOfSeries(sIndex);
    const row0 = ds.table.row(ds.bestOf(points[0]!));
    const seriesId = ds.seriesIdOf(sIndex);
    const chartPoints: ChartPoint[] = points.map((p) => ({
      period: ds.points.periods[ds.points.period[p]!]!,
      conflict: ds.points.conflict[p] === 1,
      candidates: ds.candidatesOf(p).map((i, k) => ({ row: ds.table.row(i), best: k === 0 })),
    }));
    const subtitle = `${scopeWords(ds, row0)} · ${row0.unit}`;
    const id = `chart-${sIndex}`;
    return buildChart({
      id,
      title,
      subtitle,
      unit: row0.unit,
      axisLabel: axisLabel(ds, row0.metric, row0.unit, row0.breakdown_value),
      points: chartPoints,
      narrow: ctx.narrow,
      available,
      // The original publisher of a copy first: "Europol via Il Metropolitano".
      sourceLabel: (r: ClaimsTableRow) => {
        const source = ds.sourcesById.get(r.source_id);
        return sourceLabel(r, source ? publisherName(source) : r.source_publisher);
      },
      actions: chartActions({
        figureId: id,
        title,
        subtitle,
        hash: toHash('charts', { metric: row0.metric, place: row0.place, series: seriesId }),
        version: ds.meta.version,
        seriesId,
        rows: () => chartPoints.flatMap((p) => p.candidates.map((c) => c.row)),
      }),
    });
  };

  const draw = () => {
    const metric = state.metric!;
    const place = state.place!;
    const problems: string[] = [];
    if (state.series !== undefined && only < 0)
      problems.push(
        `There is no series “${state.series}” in this dataset (version ${ds.meta.version}).`,
      );
    else if (!ds.metricsById.has(metric))
      problems.push(`There is no metric “${metric}” in this dataset.`);
    if (!ds.placesById.has(place)) problems.push(`There is no place “${place}” in this dataset.`);
    if (problems.length) {
      replace(
        results,
        h(
          'div',
          { class: 'problem', role: 'alert' },
          h('h2', null, 'Nothing to chart'),
          h(
            'ul',
            null,
            problems.map((p) => h('li', null, p)),
          ),
          h('p', null, link('#/charts', 'Show UK arrests')),
        ),
      );
      return;
    }
    const series = [...(seriesByMetricPlace(ds).get(`${metric}\u0000${place}`) ?? [])];
    // Totals first (no breakdown), then the series with most dates.
    const breakdown = ds.table.col('breakdown_key');
    series.sort((a, b) => {
      const ra = ds.bestOf(ds.points.seriesStart[a]!);
      const rb = ds.bestOf(ds.points.seriesStart[b]!);
      const na = ds.pointsOfSeries(a).length;
      const nb = ds.pointsOfSeries(b).length;
      return (
        (breakdown.at(ra) === null ? 0 : 1) - (breakdown.at(rb) === null ? 0 : 1) ||
        nb - na ||
        a - b
      );
    });
    if (!series.length) {
      const elsewhere = [...seriesByMetricPlace(ds).entries()]
        .filter(([k]) => k.startsWith(`${metric}\u0000`))
        .map(([k, list]) => [k.split('\u0000')[1]!, list.length] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12);
      replace(
        results,
        h(
          'p',
          { class: 'notice' },
          `No source gives ${ds.metricLabel(metric).toLowerCase()} for ${ds.placeName(place)}.`,
        ),
        elsewhere.length
          ? h(
              'div',
              null,
              h('h2', null, 'Places with this metric'),
              h(
                'ul',
                { class: 'inline-list' },
                elsewhere.map(([p, n]) =>
                  h(
                    'li',
                    null,
                    link(
                      toHash('charts', { metric, place: p }),
                      `${ds.placeName(p)} (${count(n, 'series', 'series')})`,
                    ),
                  ),
                ),
              ),
            )
          : null,
      );
      return;
    }
    const titles = new Map(
      seriesTitles(
        ds,
        series.map((sIndex) => ds.table.row(ds.bestOf(ds.points.seriesStart[sIndex]!))),
      ).map((t, k) => [series[k]!, t]),
    );
    if (only >= 0) {
      replace(
        results,
        h(
          'p',
          { class: 'result-count' },
          `One series of ${count(series.length, 'series', 'series')} of ${ds.metricLabel(metric).toLowerCase()} for ${ds.placeName(place)}.`,
          ' ',
          link(toHash('charts', { metric, place }), 'Show them all'),
        ),
        chartOf(only, titles.get(only)!, column),
      );
      return;
    }
    const pages = Math.max(1, Math.ceil(series.length / PER_PAGE));
    const pageNo = Math.min(state.page ?? 1, pages);
    const shown = series.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    // Series of one date are compact and sit side by side after the others.
    const several = shown.filter((sIndex) => ds.pointsOfSeries(sIndex).length > 1);
    const single = shown.filter((sIndex) => ds.pointsOfSeries(sIndex).length === 1);
    const nav =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of charts' },
            pageNo > 1
              ? link(toHash('charts', { metric, place, page: pageNo - 1 }), 'Previous')
              : null,
            h(
              'span',
              null,
              `Charts ${formatNumber((pageNo - 1) * PER_PAGE + 1)}–${formatNumber((pageNo - 1) * PER_PAGE + shown.length)} of ${formatNumber(series.length)}`,
            ),
            pageNo < pages
              ? link(toHash('charts', { metric, place, page: pageNo + 1 }), 'Next')
              : null,
          )
        : null;
    replace(
      results,
      h(
        'p',
        { class: 'result-count' },
        `${count(series.length, 'series', 'series')} of ${ds.metricLabel(metric).toLowerCase()} for ${ds.placeName(place)}.`,
        ' ',
        link(toHash('claims', { metric, place }), 'See these claims in the table'),
      ),
      several.map((sIndex) => chartOf(sIndex, titles.get(sIndex)!, column)),
      single.length
        ? h(
            'section',
            { class: 'single-charts', 'aria-labelledby': 'h-single' },
            h(
              'h2',
              { id: 'h-single' },
              several.length
                ? 'Series with one date'
                : `${count(single.length, 'series', 'series')} with one date`,
            ),
            h(
              'div',
              { class: 'chart-grid' },
              single.map((sIndex) =>
                chartOf(
                  sIndex,
                  titles.get(sIndex)!,
                  Math.min(560, column >= 860 ? (column - 16) / 2 - 30 : column),
                ),
              ),
            ),
          )
        : null,
      nav,
    );
  };
  draw();

  return {
    title: 'Over time',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Figures over time'),
        h(
          'p',
          { class: 'lead' },
          'Every figure at the date it refers to. A series is one metric for one scope (place, operation, counting organisations, network, breakdown, unit); where sources disagree each is shown.',
        ),
      ),
      h(
        'form',
        {
          class: 'filters compact',
          'aria-label': 'Choose what to chart',
          onsubmit: (e: Event) => e.preventDefault(),
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'chart-metric' }, 'Metric'),
          metricSelect,
          metricPending,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'chart-place' }, 'Place'),
          placeSelect,
          placePending,
        ),
      ),
      results,
    ],
  };
}
