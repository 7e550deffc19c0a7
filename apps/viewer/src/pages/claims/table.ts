/**
 * The table of the claims page: one row per claim (date, figure, metric, place, source, quote),
 * sorted by a column whose header is a button. The figure is the link to the claim for keyboards;
 * a click anywhere else on a row opens it too.
 */
import type { ClaimTable } from '../../data/dataset.js';
import { clip, h, langTag, link } from '../../dom.js';
import { formatEdtf, formatWorded } from '../../format.js';
import { defaultDir } from '../../query.js';
import { claimHash, type ClaimSort } from '../../state.js';
import { metricWithBreakdown } from '../../words.js';
import type { PageOfRows } from './pager.js';

type Direction = 'asc' | 'desc';

const SORT_LABELS: Record<ClaimSort, string> = {
  date: 'Date',
  value: 'Figure',
  metric: 'Metric',
  place: 'Place',
  source: 'Source',
};

export interface TableOrder {
  sort: ClaimSort;
  dir: Direction;
}

/** The table of one page of claims, in a region that scrolls sideways on a narrow screen. */
export function claimsTableView(
  t: ClaimTable,
  page: PageOfRows,
  order: TableOrder,
  onSort: (sort: ClaimSort, dir: Direction) => void,
): HTMLElement {
  const header = (key: ClaimSort | null, label: string, cls?: string) =>
    key
      ? sortHeader(key, label, cls, order, onSort)
      : h('th', { scope: 'col', class: cls ?? null }, label);
  const body = h('tbody');
  for (let k = 0; k < page.rows.length; k++) body.append(claimRow(t, page.rows[k]!));
  return h(
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
        `Claims, sorted by ${SORT_LABELS[order.sort].toLowerCase()} (${order.dir === 'asc' ? 'ascending' : 'descending'}), page ${page.pageNo} of ${page.pages}`,
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
  );
}

export const noClaimNotice = (): HTMLElement =>
  h('p', { class: 'notice' }, 'No claim matches. Remove a filter or search for fewer words.');

/** A column header whose button sorts by it: the other way if it is the sort already. */
function sortHeader(
  key: ClaimSort,
  label: string,
  cls: string | undefined,
  { sort, dir }: TableOrder,
  onSort: (sort: ClaimSort, dir: Direction) => void,
): HTMLTableCellElement {
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
  button.addEventListener('click', () => onSort(key, next));
  return h(
    'th',
    {
      scope: 'col',
      class: cls ?? null,
      'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : null,
    },
    button,
  );
}

/** Moves the focus to the sort button of a column (after the table was drawn again). */
export function focusSortButton(container: HTMLElement, key: ClaimSort): void {
  (container.querySelector(`button[data-sort="${key}"]`) as HTMLElement | null)?.focus();
}

function claimRow(t: ClaimTable, i: number): HTMLTableRowElement {
  const id = t.get(i, 'claim_id');
  const lang = langTag(t.get(i, 'source_language'));
  const worded = formatWorded({
    qualifier: t.get(i, 'qualifier'),
    value: t.get(i, 'value'),
    min: t.get(i, 'min'),
    max: t.get(i, 'max'),
    unit: t.get(i, 'unit'),
  });
  const published = t.get(i, 'source_published');
  return h(
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
          published ? formatEdtf(published, true) : 'undated',
        ].join(', '),
      ),
      h('span', { class: 'title', lang }, clip(t.get(i, 'source_title'), 90)),
    ),
    h(
      'td',
      { 'data-label': 'Quote', class: 'quote-cell' },
      h('q', { lang }, clip(t.get(i, 'quote'), 160)),
    ),
  );
}

/** A click anywhere on a row of `container` opens its claim, unless it was on a link or button or selected text. */
export function openClaimOnRowClick(container: HTMLElement): void {
  container.addEventListener('click', (e) => {
    const target = e.target as Element;
    const tr = target.closest('tr[data-claim]');
    if (!tr || target.closest('a, button') || window.getSelection()?.toString()) return;
    location.hash = claimHash(tr.getAttribute('data-claim')!);
  });
}
