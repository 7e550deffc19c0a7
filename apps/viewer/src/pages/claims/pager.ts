/** Pages of the claims table: the rows a page shows, Previous and Next, and the rows-per-page select. */
import { onChoice } from '../../controls.js';
import { h, select } from '../../dom.js';
import { formatNumber } from '../../format.js';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, type ClaimFilters } from '../../state.js';
import { pendingNote, type Option } from './selects.js';

export interface PageOfRows {
  /** The rows of this page. */
  rows: Int32Array;
  /** From 1; a page past the last is the last. */
  pageNo: number;
  pages: number;
}

export function pageOf(matches: Int32Array, f: ClaimFilters): PageOfRows {
  const perPage = Number(f.size ?? DEFAULT_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(matches.length / perPage));
  const pageNo = Math.min(f.page ?? 1, pages);
  const first = (pageNo - 1) * perPage;
  return { rows: matches.subarray(first, first + perPage), pageNo, pages };
}

/** Previous, "Page 2 of 9", Next; nothing when there is one page. */
export function pager(
  { pageNo, pages }: PageOfRows,
  goPage: (n: number) => void,
): HTMLElement | null {
  if (pages <= 1) return null;
  const button = (text: string, n: number, disabled: boolean) =>
    h(
      'button',
      { type: 'button', class: 'button secondary', disabled, onclick: () => goPage(n) },
      text,
    );
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages of claims' },
    button('Previous', pageNo - 1, pageNo <= 1),
    h('span', null, `Page ${formatNumber(pageNo)} of ${formatNumber(pages)}`),
    button('Next', pageNo + 1, pageNo >= pages),
  );
}

/** "Rows per page": 25 to 200; the default (50) is left out of the address. */
export function pageSizeField(
  size: ClaimFilters['size'],
  onSize: (size: ClaimFilters['size']) => void,
): HTMLElement {
  const note = pendingNote('f-size');
  const el = select(
    { id: 'f-size', name: 'size', 'aria-describedby': 'select-keys' },
    PAGE_SIZES.map((n): Option => [n, n]),
    size ?? String(DEFAULT_PAGE_SIZE),
  );
  onChoice(
    el,
    () =>
      onSize(
        el.value === String(DEFAULT_PAGE_SIZE) ? undefined : (el.value as ClaimFilters['size']),
      ),
    note,
  );
  return h(
    'span',
    { class: 'size-field' },
    h('label', { for: 'f-size' }, 'Rows per page'),
    el,
    note,
  );
}
