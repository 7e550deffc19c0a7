/**
 * Claims table: filters (metric, place, organisation, operation, source, kind of source, date range),
 * search in quotes, sort, pages; every change updates the address and is timed
 * (`performance.measure('viewer:filter')`).
 */
import type { Ctx, View } from '../app.js';
import { clip, h, langTag, link, replace, select } from '../dom.js';
import { count, formatEdtf, formatNumber, formatWorded } from '../format.js';
import { defaultDir, unknownFilterValues } from '../query.js';
import { CLAIM_SORTS, claimHash, toHash, type ClaimFilters, type ClaimSort, type Route } from '../state.js';
import { describeFilters, downloadCsv, filterParams, placeOptions } from './common.js';

const PER_PAGE = 50;

/** How many filters other than the search are set. */
const activeFilters = (f: ClaimFilters): number => [f.metric, f.place, f.org, f.op, f.source, f.kind, f.from, f.to].filter(Boolean).length;

const SORT_LABELS: Record<ClaimSort, string> = { date: 'Date', value: 'Figure', metric: 'Metric', place: 'Place', source: 'Source' };

export function claimsPage(ctx: Ctx, route: Route): View {
  const { ds, query } = ctx;
  const initial = (route as { params: ClaimFilters }).params;
  const problems = unknownFilterValues(ds, initial);
  let f: ClaimFilters = { ...initial };

  // Controls.
  const byLabel = (a: [string, string], b: [string, string]) => a[1].localeCompare(b[1], 'en-GB');
  const any = (label: string): [string, string] => ['', label];
  const orgsUsed = new Set<string>();
  for (const list of ds.table.col('organisations').dict ?? []) for (const o of (list as string[] | null) ?? []) orgsUsed.add(o);
  for (const o of ds.table.col('attributed_organisation').dict ?? []) if (o) orgsUsed.add(o as string);
  const kinds = [...new Set(ds.sources.map((s) => s.kind))].sort();

  const search = h('input', { type: 'search', id: 'f-q', name: 'q', value: f.q ?? '', maxlength: 200, autocomplete: 'off', placeholder: 'e.g. tonnes, Venetic, grenades' });
  const selects = {
    metric: select({ id: 'f-metric', name: 'metric' }, [any('Any metric'), ...ds.metrics.map((m) => [m.id, m.label] as [string, string]).sort(byLabel)], f.metric),
    place: select({ id: 'f-place', name: 'place' }, [any('Anywhere'), ...placeOptions(ds)], f.place),
    org: select({ id: 'f-org', name: 'org' }, [any('Any organisation'), ...[...orgsUsed].map((o) => [o, ds.organisationName(o)] as [string, string]).sort(byLabel)], f.org),
    op: select({ id: 'f-op', name: 'op' }, [any('Any operation'), ...ds.operations.map((o) => [o.id, o.name] as [string, string]).sort(byLabel)], f.op),
    source: select({ id: 'f-source', name: 'source' }, [any('Any source'), ...ds.sources.map((s) => [s.id, clip(s.title, 90)] as [string, string]).sort(byLabel)], f.source),
    kind: select({ id: 'f-kind', name: 'kind' }, [any('Any kind'), ...kinds.map((k) => [k, k.replaceAll('-', ' ')] as [string, string])], f.kind),
  };
  const from = h('input', { type: 'date', id: 'f-from', name: 'from', value: f.from ?? '', min: '1990-01-01', max: '2100-12-31' });
  const to = h('input', { type: 'date', id: 'f-to', name: 'to', value: f.to ?? '', min: '1990-01-01', max: '2100-12-31' });

  const summary = h('p', { class: 'result-count', id: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  const csvButton = h('button', { type: 'button', class: 'button secondary', id: 'csv-button' }, 'Download this view as CSV');
  let matches: Int32Array = new Int32Array(0);

  const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null);
  if (selects.place) selects.place.setAttribute('aria-describedby', 'f-place-hint');

  const readForm = (): ClaimFilters => {
    const v = (x: string) => x || undefined;
    return {
      q: v(search.value.trim().slice(0, 200)),
      metric: v(selects.metric.value),
      place: v(selects.place.value),
      org: v(selects.org.value),
      op: v(selects.op.value),
      source: v(selects.source.value),
      kind: v(selects.kind.value),
      from: v(from.value),
      to: v(to.value),
      sort: f.sort,
      dir: f.dir,
    };
  };

  const render = () => {
    const started = performance.now();
    const sort = f.sort ?? 'date';
    const dir = f.dir ?? defaultDir(sort);
    if (f.from && f.to && f.from > f.to) {
      matches = new Int32Array(0);
      summary.textContent = 'The “from” date is after the “to” date: no claim can match.';
      replace(results);
      return;
    }
    matches = query.run(f);
    const pages = Math.max(1, Math.ceil(matches.length / PER_PAGE));
    const pageNo = Math.min(f.page ?? 1, pages);
    const first = (pageNo - 1) * PER_PAGE;
    const shown = matches.subarray(first, first + PER_PAGE);
    summary.textContent = `${count(matches.length, 'claim')} ${matches.length === 1 ? 'matches' : 'match'}: ${describeFilters(ds, f)}.`;
    csvButton.disabled = matches.length === 0;

    const t = ds.table;
    const header = (key: ClaimSort | null, label: string, cls?: string) => {
      if (!key) return h('th', { scope: 'col', class: cls ?? null }, label);
      const active = sort === key;
      const next = active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
      const button = h(
        'button',
        { type: 'button', class: 'sort', 'data-sort': key, 'aria-label': `${label}: sort ${next === 'asc' ? 'ascending' : 'descending'}` },
        label,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'),
      );
      button.addEventListener('click', () => {
        f = { ...f, sort: key, dir: next, page: undefined };
        commit(true);
        (results.querySelector(`button[data-sort="${key}"]`) as HTMLElement | null)?.focus();
      });
      return h('th', { scope: 'col', class: cls ?? null, 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null }, button);
    };
    const body = h('tbody');
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const id = t.get(i, 'claim_id');
      const worded = formatWorded({ qualifier: t.get(i, 'qualifier'), value: t.get(i, 'value'), min: t.get(i, 'min'), max: t.get(i, 'max'), unit: t.get(i, 'unit') });
      const breakdown = t.get(i, 'breakdown_key') ? ` (${t.get(i, 'breakdown_value')})` : '';
      const row = h(
        'tr',
        { 'data-claim': id, class: t.get(i, 'withdrawn') ? 'withdrawn' : null },
        h('td', { 'data-label': 'Date' }, formatEdtf(t.get(i, 'as_of'), true)),
        h('td', { 'data-label': 'Figure', class: 'num' }, link(claimHash(id), worded, { class: 'figure-link' }), t.get(i, 'withdrawn') ? h('span', { class: 'badge' }, 'withdrawn') : null),
        h('td', { 'data-label': 'Metric' }, `${t.get(i, 'metric_label')}${breakdown}`),
        h('td', { 'data-label': 'Place' }, t.get(i, 'place_name')),
        h(
          'td',
          { 'data-label': 'Source', class: 'source-cell' },
          h('span', { class: 'pub' }, [t.get(i, 'source_publisher') ?? 'Publisher not shown', t.get(i, 'source_published') ? formatEdtf(t.get(i, 'source_published'), true) : 'undated'].join(', ')),
          h('span', { class: 'title', lang: langTag(t.get(i, 'source_language')) }, clip(t.get(i, 'source_title'), 90)),
        ),
        h('td', { 'data-label': 'Quote', class: 'quote-cell' }, h('q', { lang: langTag(t.get(i, 'source_language')) }, clip(t.get(i, 'quote'), 160))),
      );
      body.append(row);
    }
    const pager =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of claims' },
            h('button', { type: 'button', class: 'button secondary', disabled: pageNo <= 1, onclick: () => goPage(pageNo - 1) }, 'Previous'),
            h('span', null, `Page ${formatNumber(pageNo)} of ${formatNumber(pages)}`),
            h('button', { type: 'button', class: 'button secondary', disabled: pageNo >= pages, onclick: () => goPage(pageNo + 1) }, 'Next'),
          )
        : null;
    replace(
      results,
      matches.length
        ? h(
            'div',
            { class: 'scroller table-wrap', role: 'region', 'aria-labelledby': 'result-count', tabindex: 0 },
            h(
              'table',
              { class: 'claims-table' },
              h('caption', { class: 'visually-hidden' }, `Claims, sorted by ${SORT_LABELS[sort].toLowerCase()} (${dir === 'asc' ? 'ascending' : 'descending'}), page ${pageNo} of ${pages}`),
              h('thead', null, h('tr', null, header('date', 'Date'), header('value', 'Figure', 'num'), header('metric', 'Metric'), header('place', 'Place'), header('source', 'Source'), header(null, 'Quote'))),
              body,
            ),
          )
        : h('p', { class: 'notice' }, 'No claim matches. Remove a filter or search for fewer words.'),
      pager,
    );
    performance.measure('viewer:filter', { start: started, end: performance.now() });
  };

  const commit = (keepPage = false) => {
    if (!keepPage) f.page = undefined;
    ctx.replaceHash(toHash('claims', { ...filterParams(f), sort: f.sort, dir: f.dir, page: f.page }));
    render();
  };
  const goPage = (n: number) => {
    f = { ...f, page: n };
    commit(true);
    summary.scrollIntoView({ block: 'start' });
  };
  const onChange = () => {
    f = readForm();
    commit();
  };
  for (const el of Object.values(selects)) el.addEventListener('change', onChange);
  from.addEventListener('change', onChange);
  to.addEventListener('change', onChange);
  search.addEventListener('input', onChange);
  csvButton.addEventListener('click', () => downloadCsv(ds, matches, f));
  // A click anywhere on a row opens its claim (the figure is the link for keyboards).
  results.addEventListener('click', (e) => {
    const target = e.target as Element;
    const tr = target.closest('tr[data-claim]');
    if (!tr || target.closest('a, button') || window.getSelection()?.toString()) return;
    location.hash = claimHash(tr.getAttribute('data-claim')!);
  });
  const clear = h('button', { type: 'button', class: 'button secondary', id: 'clear-filters' }, 'Clear filters');
  clear.addEventListener('click', () => {
    search.value = '';
    for (const el of Object.values(selects)) el.value = '';
    from.value = '';
    to.value = '';
    onChange();
    search.focus();
  });

  if (problems.length)
    return {
      title: 'Claims',
      body: h(
        'section',
        { class: 'problem', role: 'alert' },
        h('h1', null, 'These filters name things the dataset does not have'),
        h('ul', null, problems.map((p) => h('li', null, p))),
        h('p', null, link('#/claims', 'Show all claims', { class: 'button' })),
      ),
    };

  render();
  return {
    title: 'Claims',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Claims'),
        h('p', { class: 'lead' }, `Every figure in the dataset, one row per claim: ${count(ds.meta.claims, 'claim')}. Open a claim for its full quote, citation and the claims that agree or disagree with it.`),
      ),
      h(
        'form',
        { class: 'filters', 'aria-label': 'Filter claims', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
        h('div', { class: 'field wide' }, h('label', { for: 'f-q' }, 'Search the quotes'), search),
        // On a phone the other filters fold away unless one is set; on a wider screen they are always open.
        h(
          'details',
          { class: 'more-filters', open: !ctx.narrow || activeFilters(initial) > 0 },
          h('summary', null, activeFilters(initial) ? `Filters (${activeFilters(initial)} set)` : 'Filters'),
          h(
            'div',
            { class: 'filter-grid' },
            field('f-metric', 'Metric', selects.metric),
            field('f-place', 'Place', selects.place, 'and the places within it'),
            field('f-org', 'Organisation', selects.org),
            field('f-op', 'Operation', selects.op),
            field('f-source', 'Source', selects.source),
            field('f-kind', 'Kind of source', selects.kind),
            field('f-from', 'Figures dated from', from),
            field('f-to', 'until', to),
            h('div', { class: 'field actions' }, clear),
          ),
        ),
      ),
      h('div', { class: 'result-bar' }, summary, csvButton),
      results,
    ],
    mounted: () => {
      // Build the search text while the reader looks at the table, so the first search is quick.
      const idle = (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
      // One short task per idle moment, so typing is never held up.
      const tasks: (() => void)[] = [() => query.prepareSearch(), ...CLAIM_SORTS.map((sort) => () => void query.order(sort))];
      const next = () => {
        const task = tasks.shift();
        if (!task) return;
        task();
        idle(next);
      };
      idle(next);
    },
  };
}

