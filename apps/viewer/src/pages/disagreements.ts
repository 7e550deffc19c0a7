/**
 * Disagreements: every series date where the claims cannot all be true (the conflicts of
 * `findConflicts`), each claim with its figure, source, reliability and dates; then every figure of a
 * place above the figure of a place that contains it (`src/parts.ts`). Filtered by metric and place
 * (that place only), so an overview card can link to its own.
 */
import { intersectIntervals, valueInterval } from '@encrochat-ledger/dataset';
import type { Ctx, View } from '../app.js';
import { onChoice } from '../controls.js';
import type { Dataset } from '../data/dataset.js';
import type { EncodedPartAboveWhole } from '../data/format.js';
import { h, link, replace, select } from '../dom.js';
import { count, formatEdtf, formatNumber, formatWorded } from '../format.js';
import { HEADLINE_METRICS } from '../headline.js';
import { claimHash, sourceHash, toHash, type DisagreementParams, type Route } from '../state.js';
import { metricWithBreakdown, reliabilityShort } from '../words.js';
import { scopeWords, sourceWords } from './common.js';

const PER_PAGE = 60;

const BASIS_WORDS: Record<string, string> = {
  stated: 'date stated by the source',
  publication: 'dated by its publication',
  estimated: 'date estimated by the curators',
};

/** The conflict points, in display order: headline metrics first, then by metric label, place name and latest date first. */
function conflictPoints(ds: Dataset): number[] {
  const t = ds.table;
  const points: number[] = [];
  for (let p = 0; p < ds.points.count; p++) if (ds.points.conflict[p] === 1) points.push(p);
  const metricRank = (m: string) => {
    const k = (HEADLINE_METRICS as readonly string[]).indexOf(m);
    return k === -1 ? HEADLINE_METRICS.length : k;
  };
  const key = (p: number) => {
    const i = ds.bestOf(p);
    return {
      metric: t.get(i, 'metric'),
      label: t.get(i, 'metric_label'),
      place: t.get(i, 'place_name'),
      end: t.get(i, 'as_of_end') ?? t.get(i, 'as_of_start') ?? '',
    };
  };
  const keys = new Map(points.map((p) => [p, key(p)]));
  return points.sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return (
      metricRank(ka.metric) - metricRank(kb.metric) ||
      ka.label.localeCompare(kb.label, 'en-GB') ||
      ka.place.localeCompare(kb.place, 'en-GB') ||
      (ka.end < kb.end ? 1 : ka.end > kb.end ? -1 : 0) ||
      a - b
    );
  });
}

/** One claim: figure (link), marks, source (link), reliability, published, as of. */
function claimItem(ds: Dataset, i: number, mark: HTMLElement | null): HTMLElement {
  const t = ds.table;
  const row = t.row(i);
  const published = row.source_published
    ? `published ${formatEdtf(row.source_published)}`
    : 'undated';
  return h(
    'li',
    { 'data-claim': row.claim_id },
    h(
      'span',
      { class: 'figure-line' },
      link(claimHash(row.claim_id), formatWorded(row), { class: 'figure-link' }),
      mark,
    ),
    h(
      'span',
      { class: 'source-line' },
      link(sourceHash(row.source_id), sourceWords(ds, i)),
      h(
        'span',
        { class: 'reliability', 'data-reliability': row.source_reliability },
        ` · ${reliabilityShort(row.source_reliability)}`,
      ),
    ),
    h(
      'span',
      { class: 'muted date-line' },
      `as of ${formatEdtf(row.as_of)} (${BASIS_WORDS[row.as_of_basis] ?? row.as_of_basis}) · ${published}`,
    ),
  );
}

function conflictArticle(ds: Dataset, p: number): HTMLElement {
  const t = ds.table;
  const candidates = ds.candidatesOf(p);
  const best = candidates[0]!;
  const bestRow = t.row(best);
  const bestInterval = valueInterval(bestRow);
  const disagreesWithBest = (i: number) => {
    const interval = valueInterval(t.row(i));
    return !!interval && !!bestInterval && intersectIntervals([interval, bestInterval]) === null;
  };
  const period = ds.points.periods[ds.points.period[p]!]!;
  const seriesId = ds.seriesIdOf(ds.points.series[p]!);
  const others = candidates.filter((i) => i !== best && disagreesWithBest(i)).length;
  const title = `${metricWithBreakdown(bestRow.metric_label, bestRow.breakdown_value)} — ${bestRow.place_name}, ${formatEdtf(bestRow.as_of)}`;
  return h(
    'article',
    {
      class: 'disagreement',
      'data-conflict': `${seriesId}@${period}`,
      'data-metric': bestRow.metric,
      'data-place': bestRow.place,
      'data-period': period,
    },
    h('h4', null, title),
    h('p', { class: 'muted scope' }, `${scopeWords(ds, bestRow)} · ${bestRow.unit}`),
    h(
      'p',
      null,
      `These ${formatNumber(candidates.length)} claims cannot all be true: no single figure lies within all of them. `,
      others
        ? `${count(others, 'claim')} ${others === 1 ? 'excludes' : 'exclude'} the best figure of the date.`
        : 'The best figure of the date is a bound that agrees with each, but they exclude one another.',
    ),
    h(
      'ul',
      { class: 'figure-list' },
      candidates.map((i) =>
        claimItem(
          ds,
          i,
          i === best
            ? h('span', { class: 'badge' }, 'best figure')
            : disagreesWithBest(i)
              ? h('span', { class: 'badge warn' }, 'disagrees with the best figure')
              : null,
        ),
      ),
    ),
    h(
      'p',
      { class: 'more' },
      link(
        toHash('charts', { metric: bestRow.metric, place: bestRow.place, series: seriesId }),
        'See this series over time',
        { 'aria-label': `See this series over time: ${title}` },
      ),
    ),
  );
}

function partArticle(ds: Dataset, found: EncodedPartAboveWhole): HTMLElement {
  const t = ds.table;
  const part = t.row(ds.bestOf(found.part));
  const whole = t.row(ds.bestOf(found.whole));
  const metric = metricWithBreakdown(part.metric_label, part.breakdown_value);
  const levels =
    found.levels === 1 ? 'its parent place' : `${formatNumber(found.levels)} levels up`;
  return h(
    'article',
    {
      class: 'part-above-whole',
      'data-part-claim': part.claim_id,
      'data-whole-claim': whole.claim_id,
      'data-metric': part.metric,
      'data-place': part.place,
      'data-whole-place': whole.place,
    },
    h('h3', null, `${metric}: ${part.place_name} above ${whole.place_name}`),
    h(
      'ul',
      { class: 'figure-list' },
      claimItem(
        ds,
        ds.bestOf(found.part),
        h('span', { class: 'badge warn' }, `part: ${part.place_name}`),
      ),
      claimItem(
        ds,
        ds.bestOf(found.whole),
        h('span', { class: 'badge' }, `whole: ${whole.place_name}`),
      ),
    ),
    h(
      'p',
      { class: 'muted compared' },
      `Compared: the figure to quote first of ${part.place_name} (${scopeWords(ds, part)}) with that of ${whole.place_name} (${scopeWords(ds, whole)}), ${levels}; `,
      `same metric, unit (${part.unit}) and breakdown; the whole counted for the whole place, dated ${formatEdtf(whole.as_of)}, no earlier than the part (${formatEdtf(part.as_of)}). `,
      'Either a figure is wrong or the two count different things.',
    ),
  );
}

export function disagreementsPage(ctx: Ctx, route: Route): View {
  const { ds } = ctx;
  const params: DisagreementParams = { ...(route as { params: DisagreementParams }).params };
  const t = ds.table;
  const all = conflictPoints(ds);
  const parts = ds.partsAboveWholes;

  const metricOf = (p: number) => t.get(ds.bestOf(p), 'metric');
  const placeOf = (p: number) => t.get(ds.bestOf(p), 'place');
  const metrics = new Set([...all.map(metricOf), ...parts.map((f) => metricOf(f.part))]);
  const places = new Set([
    ...all.map(placeOf),
    ...parts.flatMap((f) => [placeOf(f.part), placeOf(f.whole)]),
  ]);
  // A metric or place of the address with nothing to show is still the one selected.
  if (params.metric && ds.metricsById.has(params.metric)) metrics.add(params.metric);
  if (params.place && ds.placesById.has(params.place)) places.add(params.place);
  const metricSelect = select(
    { id: 'd-metric', name: 'metric' },
    [
      ['', 'Any metric'],
      ...[...metrics]
        .map((m) => [m, ds.metricLabel(m)] as [string, string])
        .sort((a, b) => a[1].localeCompare(b[1], 'en-GB')),
    ],
    params.metric,
  );
  const placeSelect = select(
    { id: 'd-place', name: 'place' },
    [
      ['', 'Any place'],
      ...[...places]
        .map((p) => [p, ds.placeName(p)] as [string, string])
        .sort((a, b) => a[1].localeCompare(b[1], 'en-GB')),
    ],
    params.place,
  );
  const results = h('div', { class: 'disagreement-results' });
  const status = h('p', { class: 'result-count', role: 'status' });

  const draw = () => {
    const problems: string[] = [];
    if (params.metric && !ds.metricsById.has(params.metric))
      problems.push(`There is no metric “${params.metric}” in this dataset.`);
    if (params.place && !ds.placesById.has(params.place))
      problems.push(`There is no place “${params.place}” in this dataset.`);
    if (problems.length) {
      status.textContent = '';
      replace(
        results,
        h(
          'div',
          { class: 'problem', role: 'alert' },
          h('h2', null, 'Nothing to show'),
          h(
            'ul',
            null,
            problems.map((p) => h('li', null, p)),
          ),
          h('p', null, link('#/disagreements', 'Show every disagreement')),
        ),
      );
      return;
    }
    const keep = (p: number) =>
      (!params.metric || metricOf(p) === params.metric) &&
      (!params.place || placeOf(p) === params.place);
    const conflicts = all.filter(keep);
    const shownParts = parts.filter(
      (f) =>
        (!params.metric || metricOf(f.part) === params.metric) &&
        (!params.place || placeOf(f.part) === params.place || placeOf(f.whole) === params.place),
    );
    const pages = Math.max(1, Math.ceil(conflicts.length / PER_PAGE));
    const pageNo = Math.min(params.page ?? 1, pages);
    const onPage = conflicts.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE);
    const where = [
      params.metric ? ds.metricLabel(params.metric).toLowerCase() : null,
      params.place ? `for ${ds.placeName(params.place)}` : null,
    ]
      .filter(Boolean)
      .join(' ');
    status.textContent = `${count(conflicts.length, 'date')} where sources disagree and ${count(shownParts.length, 'part')} larger than ${shownParts.length === 1 ? 'its' : 'their'} whole${where ? `: ${where}` : ''}.`;

    // Grouped by metric, one heading each.
    const groups: { metric: string; points: number[] }[] = [];
    for (const p of onPage) {
      const m = metricOf(p);
      if (groups.at(-1)?.metric === m) groups.at(-1)!.points.push(p);
      else groups.push({ metric: m, points: [p] });
    }
    const pager =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of disagreements' },
            pageNo > 1
              ? link(toHash('disagreements', { ...params, page: pageNo - 1 }), 'Previous')
              : null,
            h('span', null, `Page ${formatNumber(pageNo)} of ${formatNumber(pages)}`),
            pageNo < pages
              ? link(toHash('disagreements', { ...params, page: pageNo + 1 }), 'Next')
              : null,
          )
        : null;
    replace(
      results,
      h(
        'section',
        { 'aria-labelledby': 'h-conflicts', id: 'conflicts' },
        h(
          'h2',
          { id: 'h-conflicts' },
          `Dates where sources disagree (${formatNumber(conflicts.length)})`,
        ),
        h(
          'p',
          { class: 'muted' },
          'A claim allows a range of figures: exact and “about” the figure itself, “more than” anything above it, “nearly” anything below it, a range its interval. At these dates, for one metric, place and scope, no single figure lies in all of them. Every claim is kept; the best figure of the date is the one the series rule picks (',
          link('#/about', 'how figures are chosen'),
          ').',
        ),
        conflicts.length
          ? groups.map((g) =>
              h(
                'div',
                { class: 'disagreement-group' },
                h('h3', null, ds.metricLabel(g.metric)),
                g.points.map((p) => conflictArticle(ds, p)),
              ),
            )
          : h('p', { class: 'notice' }, 'No date where sources disagree matches these settings.'),
        pager,
      ),
      h(
        'section',
        { 'aria-labelledby': 'h-parts', id: 'parts' },
        h(
          'h2',
          { id: 'h-parts' },
          `A part larger than its whole (${formatNumber(shownParts.length)})`,
        ),
        h(
          'p',
          { class: 'muted' },
          'The figure to quote first of a place (a region, a force area, a Land, a country) above that of a place containing it: the same metric, unit, breakdown and networks; the whole counted for the whole place (not by one organisation), for the same operation or a wider one; the whole dated the same day as the part or later. A count only grows, so the part cannot be larger — unless a figure is wrong or the two count different things. Prices are not compared.',
        ),
        shownParts.length
          ? h(
              'div',
              { class: 'parts-list' },
              shownParts.map((f) => partArticle(ds, f)),
            )
          : h('p', { class: 'notice' }, 'No part larger than its whole matches these settings.'),
      ),
    );
  };
  const update = () => {
    params.metric = metricSelect.value || undefined;
    params.place = placeSelect.value || undefined;
    params.page = undefined;
    ctx.replaceHash(toHash('disagreements', params));
    draw();
  };
  // A keyboard choice applies on Enter or on leaving the list (controls.ts), not on every arrow key.
  const pending = (id: string) =>
    h('span', { class: 'pending-note', id: `${id}-pending`, hidden: true }, 'Press Enter to apply');
  const metricPending = pending('d-metric');
  const placePending = pending('d-place');
  onChoice(metricSelect, update, metricPending);
  onChoice(placeSelect, update, placePending);
  draw();

  return {
    title: 'Disagreements',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Where sources disagree'),
        h(
          'p',
          { class: 'lead' },
          `Disagreement is data: ${count(all.length, 'date')} where the sources’ figures for the same thing cannot all be true, and ${count(parts.length, 'figure')} of a place above the figure of the place that contains it. Check these before quoting a figure.`,
        ),
      ),
      h(
        'form',
        {
          class: 'filters compact',
          'aria-label': 'Choose disagreements',
          onsubmit: (e: Event) => e.preventDefault(),
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'd-metric' }, 'Metric'),
          metricSelect,
          metricPending,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'd-place' }, 'Place (that place only)'),
          placeSelect,
          placePending,
        ),
      ),
      status,
      results,
    ],
  };
}
