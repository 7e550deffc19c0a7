/** Over time: one chart per series of the chosen metric and place, each with a table alternative. */
import { sourceLabel, type Ctx, type View } from '../app.js';
import { buildChart, type ChartPoint } from '../chart.js';
import type { Dataset } from '../data/dataset.js';
import { h, link, replace, select } from '../dom.js';
import { count, formatNumber } from '../format.js';
import { ChartParams, toHash, type Route } from '../state.js';
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
  for (let s = 0; s < ds.points.seriesIds.length; s++) {
    const row = ds.bestOf(ds.points.seriesStart[s]!);
    const key = `${metric.at(row)}\u0000${place.at(row)}`;
    const list = map.get(key);
    if (list) list.push(s);
    else map.set(key, [s]);
  }
  index.set(ds, map);
  return map;
}

export function chartsPage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params = (route as { params: ChartParams }).params;
  const results = h('div', { class: 'chart-results', 'aria-live': 'polite' });
  const state: ChartParams = { metric: params.metric ?? 'arrests', place: params.place ?? 'united-kingdom', page: params.page };

  const metricSelect = select(
    { id: 'chart-metric', name: 'metric' },
    [...ds.metrics].sort((a, b) => a.label.localeCompare(b.label, 'en-GB')).map((m) => [m.id, m.label] as [string, string]),
    state.metric,
  );
  const placeSelect = select({ id: 'chart-place', name: 'place' }, placeOptions(ds), state.place);
  const update = () => {
    state.metric = metricSelect.value;
    state.place = placeSelect.value;
    state.page = undefined;
    ctx.replaceHash(toHash('charts', { metric: state.metric, place: state.place }));
    draw();
  };
  metricSelect.addEventListener('change', update);
  placeSelect.addEventListener('change', update);

  const draw = () => {
    const metric = state.metric!;
    const place = state.place!;
    const problems: string[] = [];
    if (!ds.metricsById.has(metric)) problems.push(`There is no metric “${metric}” in this dataset.`);
    if (!ds.placesById.has(place)) problems.push(`There is no place “${place}” in this dataset.`);
    if (problems.length) {
      replace(results, h('div', { class: 'problem', role: 'alert' }, h('h2', null, 'Nothing to chart'), h('ul', null, problems.map((p) => h('li', null, p))), h('p', null, link('#/charts', 'Show UK arrests'))));
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
      return (breakdown.at(ra) === null ? 0 : 1) - (breakdown.at(rb) === null ? 0 : 1) || nb - na || a - b;
    });
    if (!series.length) {
      const elsewhere = [...seriesByMetricPlace(ds).entries()]
        .filter(([k]) => k.startsWith(`${metric}\u0000`))
        .map(([k, list]) => [k.split('\u0000')[1]!, list.length] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12);
      replace(
        results,
        h('p', { class: 'notice' }, `No source gives ${ds.metricLabel(metric).toLowerCase()} for ${ds.placeName(place)}.`),
        elsewhere.length
          ? h('div', null, h('h2', null, 'Places with this metric'), h('ul', { class: 'inline-list' }, elsewhere.map(([p, n]) => h('li', null, link(toHash('charts', { metric, place: p }), `${ds.placeName(p)} (${count(n, 'series', 'series')})`)))))
          : null,
      );
      return;
    }
    const pages = Math.max(1, Math.ceil(series.length / PER_PAGE));
    const pageNo = Math.min(state.page ?? 1, pages);
    const shown = series.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    const charts = shown.map((sIndex) => {
      const points = ds.pointsOfSeries(sIndex);
      const first = ds.bestOf(points[0]!);
      const row0 = ds.table.row(first);
      const chartPoints: ChartPoint[] = points.map((p) => ({
        period: ds.points.periods[ds.points.period[p]!]!,
        conflict: ds.points.conflict[p] === 1,
        candidates: ds.candidatesOf(p).map((i, k) => ({ row: ds.table.row(i), best: k === 0 })),
      }));
      return buildChart({
        id: `chart-${sIndex}`,
        title: `${ds.metricLabel(metric)} — ${ds.placeName(place)}`,
        subtitle: `${scopeWords(ds, row0)} · ${row0.unit}`,
        unit: row0.unit,
        points: chartPoints,
        narrow: ctx.narrow,
        sourceLabel,
      });
    });
    const nav =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of charts' },
            pageNo > 1 ? link(toHash('charts', { metric, place, page: pageNo - 1 }), 'Previous') : null,
            h('span', null, `Charts ${formatNumber((pageNo - 1) * PER_PAGE + 1)}–${formatNumber((pageNo - 1) * PER_PAGE + shown.length)} of ${formatNumber(series.length)}`),
            pageNo < pages ? link(toHash('charts', { metric, place, page: pageNo + 1 }), 'Next') : null,
          )
        : null;
    replace(
      results,
      h('p', { class: 'result-count' }, `${count(series.length, 'series', 'series')} of ${ds.metricLabel(metric).toLowerCase()} for ${ds.placeName(place)}.`, ' ', link(toHash('claims', { metric, place }), 'See these claims in the table')),
      charts,
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
        { class: 'filters compact', 'aria-label': 'Choose what to chart', onsubmit: (e: Event) => e.preventDefault() },
        h('div', { class: 'field' }, h('label', { for: 'chart-metric' }, 'Metric'), metricSelect),
        h('div', { class: 'field' }, h('label', { for: 'chart-place' }, 'Place'), placeSelect),
      ),
      results,
    ],
  };
}
