/**
 * Claims table: filters (metric, place or that place only, organisation, operation, network or that
 * network alone, source, kind and reliability of the source, disagreement, date range), search in
 * quotes, sort, pages of 25 to 200 rows, and the view as CSV or JSON. Beside every option, the
 * claims it would give with the other filters as they are. Every change is an entry in the history
 * (Back returns to the previous filters; a burst of typing is one entry) and is timed
 * (`performance.measure('viewer:filter')`).
 */
import type { Ctx, View } from '../app.js';
import { onChoice, picker, resetChoice } from '../controls.js';
import { clip, h, langTag, link, replace, select } from '../dom.js';
import {
  count,
  formatEdtf,
  formatNumber,
  formatWorded,
  RELIABILITY_LABELS,
  vocabularyLabel,
} from '../format.js';
import { defaultDir, unknownFilterValues, type Facet, type FacetCounts } from '../query.js';
import { metricWithBreakdown } from '../words.js';
import {
  CLAIM_SORTS,
  claimHash,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  RELIABILITIES,
  toHash,
  type ClaimFilters,
  type ClaimSort,
  type Route,
} from '../state.js';
import { describeFilters, downloadCsv, downloadJson, filterParams, placeTree } from './common.js';

/** How many filters other than the search are set. */
const activeFilters = (f: ClaimFilters): number =>
  [
    f.metric,
    f.place,
    f.org,
    f.op,
    f.network,
    f.source,
    f.kind,
    f.reliability,
    f.disagree,
    f.from,
    f.to,
  ].filter(Boolean).length;

const SORT_LABELS: Record<ClaimSort, string> = {
  date: 'Date',
  value: 'Figure',
  metric: 'Metric',
  place: 'Place',
  source: 'Source',
};

type Option = [value: string, label: string];

/** A select of one filter whose options show their counts. */
interface FacetSelect {
  el: HTMLSelectElement;
  facet: Facet;
  update(counts: FacetCounts): void;
}

function facetSelect(
  id: string,
  facet: Facet,
  any: string,
  options: readonly Option[],
  value: string | undefined,
): FacetSelect {
  const el = select(
    { id, name: facet, 'aria-describedby': 'select-keys' },
    [['', any], ...options],
    value,
  );
  const labels = [any, ...options.map(([, label]) => label)];
  // Only the options whose count changed are written (each write makes the browser measure the select again).
  const shown = new Float64Array(labels.length).fill(-1);
  return {
    el,
    facet,
    update(counts) {
      const byValue = counts.options[facet];
      for (let k = 0; k < el.options.length; k++) {
        const option = el.options[k]!;
        const n = option.value === '' ? counts.any[facet] : (byValue.get(option.value) ?? 0);
        if (shown[k] === n) continue;
        shown[k] = n;
        option.textContent = `${labels[k]} (${formatNumber(n)})`;
      }
    },
  };
}

export function claimsPage(ctx: Ctx, route: Route): View {
  const { ds, query } = ctx;
  const initial = (route as { params: ClaimFilters }).params;
  const problems = unknownFilterValues(ds, initial);
  let f: ClaimFilters = { ...initial };

  // Options, labelled for people (names, not ids).
  const byLabel = (a: Option, b: Option) => a[1].localeCompare(b[1], 'en-GB');
  const orgsUsed = new Set<string>();
  for (const list of ds.table.col('organisations').dict ?? [])
    for (const o of (list as string[] | null) ?? []) orgsUsed.add(o);
  for (const o of ds.table.col('attributed_organisation').dict ?? [])
    if (o) orgsUsed.add(o as string);
  const kinds = [...new Set(ds.sources.map((s) => s.kind))].sort();
  const reliabilities = RELIABILITIES.filter((r) => ds.sources.some((s) => s.reliability === r));

  // One message for every select: how to choose with the keyboard.
  const keysHelp =
    'Arrow keys move the choice; Enter or leaving the list applies it; Escape undoes it.';
  const pendingNote = (id: string) =>
    h('span', { class: 'pending-note', id: `${id}-pending`, hidden: true }, 'Press Enter to apply');
  const facetSelects: FacetSelect[] = [];
  const pendings = new Map<string, HTMLElement>();
  const makeSelect = (id: string, facet: Facet, any: string, options: readonly Option[]) => {
    const note = pendingNote(id);
    pendings.set(id, note);
    const s = facetSelect(id, facet, any, options, f[facet]);
    facetSelects.push(s);
    return s.el;
  };
  const selects = {
    metric: makeSelect(
      'f-metric',
      'metric',
      'Any metric',
      ds.metrics.map((m): Option => [m.id, m.label]).sort(byLabel),
    ),
    // "Scotland, United Kingdom (12)": the count is the last bracket.
    place: makeSelect(
      'f-place',
      'place',
      'Anywhere',
      placeTree(ds).map((p): Option => {
        const parent = ds.placesById.get(p.id)?.parent;
        return [p.id, p.depth >= 2 && parent ? `${p.name}, ${ds.placeName(parent)}` : p.name];
      }),
    ),
    network: makeSelect(
      'f-network',
      'network',
      'Any network',
      ds.networks.map((n): Option => [n.id, n.name]).sort(byLabel),
    ),
    org: makeSelect(
      'f-org',
      'org',
      'Any organisation',
      [...orgsUsed].map((o): Option => [o, ds.organisationName(o)]).sort(byLabel),
    ),
    op: makeSelect(
      'f-op',
      'op',
      'Any operation',
      ds.operations.map((o): Option => [o.id, o.name]).sort(byLabel),
    ),
    kind: makeSelect(
      'f-kind',
      'kind',
      'Any kind',
      kinds.map((k): Option => [k, vocabularyLabel(k)]),
    ),
    reliability: makeSelect(
      'f-reliability',
      'reliability',
      'Any reliability',
      reliabilities.map((r): Option => [r, RELIABILITY_LABELS[r] ?? vocabularyLabel(r)]),
    ),
    disagree: makeSelect('f-disagree', 'disagree', 'Any claim', [
      ['yes', 'Sources disagree'],
      ['no', 'No disagreement'],
    ]),
  };
  const checkbox = (id: string, name: string, checked: boolean) =>
    h('input', { type: 'checkbox', id, name, checked });
  const placeOnly = checkbox('f-placeonly', 'placeonly', Boolean(f.placeonly));
  const networkOnly = checkbox('f-networkonly', 'networkonly', Boolean(f.networkonly));
  const placeOnlyLabel = h('span');
  const networkOnlyLabel = h('span');
  const sources = picker({
    id: 'f-source',
    label: 'Source',
    placeholder: 'Any source: type to search',
    hint: 'words of its title or publisher',
    choices: ds.sources.map((s) => ({
      value: s.id,
      label: clip(`${s.title}${s.publisher ? ` — ${s.publisher}` : ''}`, 140),
      keywords: `${s.id} ${s.published ?? ''}`,
    })),
    value: f.source,
    onPick: (value) => {
      f = { ...f, source: value };
      commit();
    },
  });
  const search = h('input', {
    type: 'search',
    id: 'f-q',
    name: 'q',
    value: f.q ?? '',
    maxlength: 200,
    autocomplete: 'off',
    placeholder: 'e.g. tonnes, Venetic, grenades',
  });
  const from = h('input', {
    type: 'date',
    id: 'f-from',
    name: 'from',
    value: f.from ?? '',
    min: '1990-01-01',
    max: '2100-12-31',
  });
  const to = h('input', {
    type: 'date',
    id: 'f-to',
    name: 'to',
    value: f.to ?? '',
    min: '1990-01-01',
    max: '2100-12-31',
  });
  const sizeNote = pendingNote('f-size');
  const size = select(
    { id: 'f-size', name: 'size', 'aria-describedby': 'select-keys' },
    PAGE_SIZES.map((n): Option => [n, n]),
    f.size ?? String(DEFAULT_PAGE_SIZE),
  );

  const summary = h('p', { class: 'result-count', id: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  const csvButton = h(
    'button',
    {
      type: 'button',
      class: 'button secondary',
      id: 'csv-button',
      'aria-label': 'Download this view as CSV',
    },
    'CSV',
  );
  const jsonButton = h(
    'button',
    {
      type: 'button',
      class: 'button secondary',
      id: 'json-button',
      'aria-label': 'Download this view as JSON',
    },
    'JSON',
  );
  let matches: Int32Array = new Int32Array(0);

  const field = (
    id: string,
    label: string,
    control: HTMLElement,
    ...extra: (HTMLElement | null)[]
  ) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      control,
      ...extra,
      pendings.get(id) ?? null,
    );
  const check = (input: HTMLInputElement, text: HTMLElement) =>
    h('label', { class: 'check', for: input.id }, input, text);

  const readForm = (): ClaimFilters => {
    const v = (x: string) => x || undefined;
    return {
      q: v(search.value.trim().slice(0, 200)),
      metric: v(selects.metric.value),
      place: v(selects.place.value),
      placeonly: selects.place.value && placeOnly.checked ? '1' : undefined,
      org: v(selects.org.value),
      op: v(selects.op.value),
      network: v(selects.network.value),
      networkonly: selects.network.value && networkOnly.checked ? '1' : undefined,
      source: f.source,
      kind: v(selects.kind.value),
      reliability: v(selects.reliability.value) as ClaimFilters['reliability'],
      disagree: v(selects.disagree.value) as ClaimFilters['disagree'],
      from: v(from.value),
      to: v(to.value),
      sort: f.sort,
      dir: f.dir,
      size: f.size,
    };
  };

  const updateCounts = (counts: FacetCounts) => {
    for (const s of facetSelects) s.update(counts);
    sources.setCounts(counts.options.source);
    placeOnly.disabled = !f.place;
    placeOnlyLabel.textContent = f.place
      ? `${ds.placeName(f.place)} only, not the places within it (${formatNumber(counts.placeOnly.get(f.place) ?? 0)})`
      : 'This place only (choose a place)';
    networkOnly.disabled = !f.network;
    networkOnlyLabel.textContent = f.network
      ? `${ds.networkName(f.network)} alone, not combined totals (${formatNumber(counts.networkAlone.get(f.network) ?? 0)})`
      : 'This network alone (choose a network)';
  };

  const render = () => {
    const started = performance.now();
    const sort = f.sort ?? 'date';
    const dir = f.dir ?? defaultDir(sort);
    if (f.from && f.to && f.from > f.to) {
      matches = new Int32Array(0);
      summary.textContent = 'The “from” date is after the “to” date: no claim can match.';
      csvButton.disabled = jsonButton.disabled = true;
      replace(results);
      return;
    }
    matches = query.run(f);
    updateCounts(query.facets(f));
    const perPage = Number(f.size ?? DEFAULT_PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(matches.length / perPage));
    const pageNo = Math.min(f.page ?? 1, pages);
    const first = (pageNo - 1) * perPage;
    const shown = matches.subarray(first, first + perPage);
    summary.textContent = `${count(matches.length, 'claim')} ${matches.length === 1 ? 'matches' : 'match'}: ${describeFilters(ds, f)}.`;
    csvButton.disabled = jsonButton.disabled = matches.length === 0;

    const t = ds.table;
    const header = (key: ClaimSort | null, label: string, cls?: string) => {
      if (!key) return h('th', { scope: 'col', class: cls ?? null }, label);
      const active = sort === key;
      const next = active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir(key);
      const button = h(
        'button',
        {
          type: 'button',
          class: 'sort',
          'data-sort': key,
          'aria-label': `${label}: sort ${next === 'asc' ? 'ascending' : 'descending'}`,
        },
        label,
        h(
          'span',
          { class: 'sort-mark', 'aria-hidden': 'true' },
          active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕',
        ),
      );
      button.addEventListener('click', () => {
        f = { ...f, sort: key, dir: next, page: undefined };
        commit(true);
        (results.querySelector(`button[data-sort="${key}"]`) as HTMLElement | null)?.focus();
      });
      return h(
        'th',
        {
          scope: 'col',
          class: cls ?? null,
          'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null,
        },
        button,
      );
    };
    const body = h('tbody');
    for (let k = 0; k < shown.length; k++) {
      const i = shown[k]!;
      const id = t.get(i, 'claim_id');
      const worded = formatWorded({
        qualifier: t.get(i, 'qualifier'),
        value: t.get(i, 'value'),
        min: t.get(i, 'min'),
        max: t.get(i, 'max'),
        unit: t.get(i, 'unit'),
      });
      const row = h(
        'tr',
        { 'data-claim': id, class: t.get(i, 'withdrawn') ? 'withdrawn' : null },
        h('td', { 'data-label': 'Date' }, formatEdtf(t.get(i, 'as_of'), true)),
        h(
          'td',
          { 'data-label': 'Figure', class: 'num' },
          link(claimHash(id), worded, { class: 'figure-link' }),
          t.get(i, 'withdrawn') ? h('span', { class: 'badge' }, 'withdrawn') : null,
        ),
        h(
          'td',
          { 'data-label': 'Metric' },
          metricWithBreakdown(
            t.get(i, 'metric_label'),
            t.get(i, 'breakdown_key') ? t.get(i, 'breakdown_value') : null,
          ),
        ),
        h('td', { 'data-label': 'Place' }, t.get(i, 'place_name')),
        h(
          'td',
          { 'data-label': 'Source', class: 'source-cell' },
          h(
            'span',
            { class: 'pub' },
            [
              t.get(i, 'source_publisher') ?? 'Publisher not shown',
              t.get(i, 'source_published')
                ? formatEdtf(t.get(i, 'source_published'), true)
                : 'undated',
            ].join(', '),
          ),
          h(
            'span',
            { class: 'title', lang: langTag(t.get(i, 'source_language')) },
            clip(t.get(i, 'source_title'), 90),
          ),
        ),
        h(
          'td',
          { 'data-label': 'Quote', class: 'quote-cell' },
          h('q', { lang: langTag(t.get(i, 'source_language')) }, clip(t.get(i, 'quote'), 160)),
        ),
      );
      body.append(row);
    }
    const pager =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Pages of claims' },
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                disabled: pageNo <= 1,
                onclick: () => goPage(pageNo - 1),
              },
              'Previous',
            ),
            h('span', null, `Page ${formatNumber(pageNo)} of ${formatNumber(pages)}`),
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                disabled: pageNo >= pages,
                onclick: () => goPage(pageNo + 1),
              },
              'Next',
            ),
          )
        : null;
    replace(
      results,
      matches.length
        ? h(
            'div',
            {
              class: 'scroller table-wrap',
              role: 'region',
              'aria-labelledby': 'result-count',
              tabindex: 0,
            },
            h(
              'table',
              { class: 'claims-table' },
              h(
                'caption',
                { class: 'visually-hidden' },
                `Claims, sorted by ${SORT_LABELS[sort].toLowerCase()} (${dir === 'asc' ? 'ascending' : 'descending'}), page ${pageNo} of ${pages}`,
              ),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  header('date', 'Date'),
                  header('value', 'Figure', 'num'),
                  header('metric', 'Metric'),
                  header('place', 'Place'),
                  header('source', 'Source'),
                  header(null, 'Quote'),
                ),
              ),
              body,
            ),
          )
        : h(
            'p',
            { class: 'notice' },
            'No claim matches. Remove a filter or search for fewer words.',
          ),
      pager,
    );
    performance.measure('viewer:filter', { start: started, end: performance.now() });
  };

  // Typing in the search box adds one history entry for the burst (the first keystroke), then
  // replaces it until the box is left or another filter changes.
  let typing = false;
  const commit = (keepPage = false, push = true) => {
    if (!keepPage) f.page = undefined;
    const hash = toHash('claims', {
      ...filterParams(f),
      sort: f.sort,
      dir: f.dir,
      size: f.size,
      page: f.page,
    });
    if (push) ctx.pushHash(hash);
    else ctx.replaceHash(hash);
    render();
  };
  const goPage = (n: number) => {
    f = { ...f, page: n };
    commit(true);
    summary.scrollIntoView({ block: 'start' });
  };
  const onChange = () => {
    typing = false;
    f = readForm();
    commit();
  };
  for (const [id, el] of [...Object.values(selects).map((el) => [el.id, el] as const)])
    onChoice(el, onChange, pendings.get(id));
  onChoice(
    size,
    () => {
      f = {
        ...f,
        size:
          size.value === String(DEFAULT_PAGE_SIZE)
            ? undefined
            : (size.value as ClaimFilters['size']),
      };
      commit();
    },
    sizeNote,
  );
  placeOnly.addEventListener('change', onChange);
  networkOnly.addEventListener('change', onChange);
  from.addEventListener('change', onChange);
  to.addEventListener('change', onChange);
  search.addEventListener('input', () => {
    f = readForm();
    commit(false, !typing);
    typing = true;
  });
  search.addEventListener('change', () => (typing = false));
  csvButton.addEventListener('click', () => downloadCsv(ds, matches, f));
  jsonButton.addEventListener('click', () => downloadJson(ds, matches, f));
  // A click anywhere on a row opens its claim (the figure is the link for keyboards).
  results.addEventListener('click', (e) => {
    const target = e.target as Element;
    const tr = target.closest('tr[data-claim]');
    if (!tr || target.closest('a, button') || window.getSelection()?.toString()) return;
    location.hash = claimHash(tr.getAttribute('data-claim')!);
  });
  const clear = h(
    'button',
    { type: 'button', class: 'button secondary', id: 'clear-filters' },
    'Clear filters',
  );
  clear.addEventListener('click', () => {
    search.value = '';
    for (const el of Object.values(selects)) resetChoice(el, '');
    placeOnly.checked = networkOnly.checked = false;
    sources.set(undefined);
    f = { ...f, source: undefined };
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
        h(
          'ul',
          null,
          problems.map((p) => h('li', null, p)),
        ),
        h('p', null, link('#/claims', 'Show all claims', { class: 'button' })),
      ),
    };

  render();
  const set = activeFilters(initial);
  return {
    title: 'Claims',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Claims'),
        h(
          'p',
          { class: 'lead' },
          `Every figure in the dataset, one row per claim: ${count(ds.meta.claims, 'claim')}. Open a claim for its full quote, citation and the claims that agree or disagree with it.`,
        ),
      ),
      h(
        'form',
        {
          class: 'filters',
          'aria-label': 'Filter claims',
          role: 'search',
          onsubmit: (e: Event) => e.preventDefault(),
        },
        h('div', { class: 'field wide' }, h('label', { for: 'f-q' }, 'Search the quotes'), search),
        // On a phone the other filters fold away unless one is set; on a wider screen they are always open.
        h(
          'details',
          { class: 'more-filters', open: !ctx.narrow || set > 0 },
          h('summary', null, set ? `Filters (${set} set)` : 'Filters'),
          h(
            'p',
            { class: 'hint filter-help' },
            'The number beside each choice is how many claims it gives with the other filters as they are.',
          ),
          h('p', { class: 'visually-hidden', id: 'select-keys' }, keysHelp),
          h(
            'div',
            { class: 'filter-grid' },
            field('f-metric', 'Metric', selects.metric),
            field('f-place', 'Place', selects.place, check(placeOnly, placeOnlyLabel)),
            field('f-network', 'Network', selects.network, check(networkOnly, networkOnlyLabel)),
            field('f-org', 'Organisation', selects.org),
            field('f-op', 'Operation', selects.op),
            sources.element,
            field('f-kind', 'Kind of source', selects.kind),
            field('f-reliability', 'Reliability', selects.reliability),
            field('f-disagree', 'Disagreement', selects.disagree),
            field('f-from', 'Figures dated from', from),
            field('f-to', 'until', to),
            h('div', { class: 'field actions' }, clear),
          ),
        ),
      ),
      h(
        'div',
        { class: 'result-bar' },
        summary,
        h(
          'div',
          { class: 'result-actions' },
          h(
            'span',
            { class: 'size-field' },
            h('label', { for: 'f-size' }, 'Rows per page'),
            size,
            sizeNote,
          ),
          h(
            'span',
            { class: 'downloads-inline' },
            h('span', { 'aria-hidden': 'true' }, 'Download this view:'),
            csvButton,
            jsonButton,
          ),
        ),
      ),
      results,
    ],
    mounted: () => {
      // Build the search text while the reader looks at the table, so the first search is quick.
      const idle =
        (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
        ((cb: () => void) => setTimeout(cb, 200));
      // One short task per idle moment, so typing is never held up.
      const tasks: (() => void)[] = [
        () => query.prepareSearch(),
        ...CLAIM_SORTS.map((sort) => () => void query.order(sort)),
      ];
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
