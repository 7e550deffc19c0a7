/**
 * Claims table: filters (metric, place or that place only, organisation, operation, network or that
 * network alone, source, kind and reliability of the source, disagreement, date range), search in
 * quotes, sort, pages of 25 to 200 rows, and the view as CSV or JSON. Beside every option, the
 * claims it would give with the other filters as they are. Every change is an entry in the history
 * (Back returns to the previous filters; a burst of typing is one entry) and is timed
 * (`performance.measure('viewer:filter')`).
 *
 * This module holds the state: the filters from the address, what each change does to them and to
 * the history, and drawing the results. The parts are in claims/: the filter form (filters.ts,
 * selects.ts), the table (table.ts), the pages (pager.ts) and the downloads (downloads.ts).
 */
import type { Ctx, View } from '../app.js';
import { h, link, replace } from '../dom.js';
import { count } from '../format.js';
import { defaultDir, unknownFilterValues, type ClaimQuery } from '../query.js';
import { CLAIM_SORTS, toHash, type ClaimFilters, type ClaimSort, type Route } from '../state.js';
import { viewDownloads } from './claims/downloads.js';
import { filterForm } from './claims/filters.js';
import { pageOf, pager, pageSizeField } from './claims/pager.js';
import {
  claimsTableView,
  focusSortButton,
  noClaimNotice,
  openClaimOnRowClick,
} from './claims/table.js';
import { describeFilters, filterParams } from './common.js';

export function claimsPage(ctx: Ctx, route: Route): View {
  const { ds, query } = ctx;
  const initial = (route as { params: ClaimFilters }).params;
  const problems = unknownFilterValues(ds, initial);
  if (problems.length) return unknownValuesView(problems);
  let f: ClaimFilters = { ...initial };
  let matches: Int32Array = new Int32Array(0);

  /**
   * Takes the filters `next` (back to the first page unless `keepPage`), puts them in the address
   * (a new history entry unless `push` is false) and draws the results.
   */
  const update = (next: ClaimFilters, { keepPage = false, push = true } = {}) => {
    f = next;
    if (!keepPage) f.page = undefined;
    if (push) ctx.pushHash(viewHash(f));
    else ctx.replaceHash(viewHash(f));
    render();
  };
  const form = filterForm(ds, initial, ctx.narrow, {
    change: () => update(form.read(f)),
    search: (newEntry) => update(form.read(f), { push: newEntry }),
    pickSource: (source) => update({ ...f, source }),
    clear: () => update(form.read({ ...f, source: undefined })),
  });
  const sizeField = pageSizeField(f.size, (size) => update({ ...f, size }));
  const downloads = viewDownloads(ds, () => ({ rows: matches, filters: f }));
  const summary = h('p', { class: 'result-count', id: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  openClaimOnRowClick(results);
  const sortBy = (sort: ClaimSort, dir: 'asc' | 'desc') => {
    update({ ...f, sort, dir, page: undefined }, { keepPage: true });
    focusSortButton(results, sort);
  };
  const goPage = (n: number) => {
    update({ ...f, page: n }, { keepPage: true });
    summary.scrollIntoView({ block: 'start' });
  };

  const render = () => {
    const started = performance.now();
    if (f.from && f.to && f.from > f.to) {
      matches = new Int32Array(0);
      summary.textContent = 'The “from” date is after the “to” date: no claim can match.';
      downloads.enable(false);
      replace(results);
      return;
    }
    matches = query.run(f);
    form.showCounts(f, query.facets(f));
    const page = pageOf(matches, f);
    summary.textContent = `${count(matches.length, 'claim')} ${matches.length === 1 ? 'matches' : 'match'}: ${describeFilters(ds, f)}.`;
    downloads.enable(matches.length > 0);
    const sort = f.sort ?? 'date';
    replace(
      results,
      matches.length
        ? claimsTableView(ds.table, page, { sort, dir: f.dir ?? defaultDir(sort) }, sortBy)
        : noClaimNotice(),
      pager(page, goPage),
    );
    performance.measure('viewer:filter', { start: started, end: performance.now() });
  };

  render();
  return {
    title: 'Claims',
    body: [
      pageHead(ds.meta.claims),
      form.element,
      h(
        'div',
        { class: 'result-bar' },
        summary,
        h('div', { class: 'result-actions' }, sizeField, downloads.element),
      ),
      results,
    ],
    mounted: () => prepareWhenIdle(query),
  };
}

/** The address of a view: its filters, sort, page size and page. */
const viewHash = (f: ClaimFilters): string =>
  toHash('claims', { ...filterParams(f), sort: f.sort, dir: f.dir, size: f.size, page: f.page });

const pageHead = (claims: number): HTMLElement =>
  h(
    'header',
    { class: 'page-head' },
    h('h1', null, 'Claims'),
    h(
      'p',
      { class: 'lead' },
      `Every figure in the dataset, one row per claim: ${count(claims, 'claim')}. Open a claim for its full quote, citation and the claims that agree or disagree with it.`,
    ),
  );

/** The address names a metric, place… the dataset does not have. */
function unknownValuesView(problems: string[]): View {
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
}

/**
 * Builds the search text and the sort orders while the reader looks at the table, so the first
 * search or sort is quick: one short task per idle moment, so typing is never held up.
 */
function prepareWhenIdle(query: ClaimQuery): void {
  const idle =
    (window as { requestIdleCallback?: (cb: () => void) => void }).requestIdleCallback ??
    ((cb: () => void) => setTimeout(cb, 200));
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
}
