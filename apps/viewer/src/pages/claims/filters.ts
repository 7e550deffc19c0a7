/**
 * The filter form of the claims page: the search in quotes, a select for each filter (with the
 * count beside every option), "this place only" and "this network alone", the searchable source
 * picker, the date range and Clear. The form reports what changed; the page owns the filters and
 * the history (see claims.ts).
 */
import { onChoice, picker, resetChoice, type Picker } from '../../controls.js';
import type { Dataset } from '../../data/dataset.js';
import { clip, h } from '../../dom.js';
import { formatNumber } from '../../format.js';
import type { FacetCounts } from '../../query.js';
import type { ClaimFilters } from '../../state.js';
import {
  facetOptions,
  facetSelect,
  SELECT_FACETS,
  type FacetSelect,
  type SelectFacet,
} from './selects.js';

/** How many filters other than the search are set. */
export const activeFilters = (f: ClaimFilters): number =>
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

/** One message for every select: how to choose with the keyboard. */
const KEYS_HELP =
  'Arrow keys move the choice; Enter or leaving the list applies it; Escape undoes it.';

/** What the form reports; each is a new entry in the history unless said otherwise. */
export interface FilterEvents {
  /** A select settled, a box was ticked, a date was set. */
  change(): void;
  /** The search box changed: `newEntry` for the first keystroke of a burst of typing, which the rest of the burst replaces. */
  search(newEntry: boolean): void;
  /** A source was picked (undefined: the picker was emptied). */
  pickSource(source: string | undefined): void;
  /** Clear emptied the form and the source picker. */
  clear(): void;
}

export interface FilterForm {
  element: HTMLFormElement;
  /** The filters the form shows; the source and the view's sort, direction and size come from `current`. */
  read(current: ClaimFilters): ClaimFilters;
  /** Writes the count beside every option, and the labels of "this place only" and "this network alone". */
  showCounts(f: ClaimFilters, counts: FacetCounts): void;
}

export function filterForm(
  ds: Dataset,
  initial: ClaimFilters,
  narrow: boolean,
  on: FilterEvents,
): FilterForm {
  const controls = filterControls(ds, initial, on.pickSource);
  listen(controls, on);
  const set = activeFilters(initial);
  return {
    element: formLayout(controls, set, !narrow || set > 0),
    read: (current) => readFilters(controls, current),
    showCounts: (f, counts) => showCounts(ds, controls, f, counts),
  };
}

interface Controls {
  selects: Record<SelectFacet, FacetSelect>;
  placeOnly: HTMLInputElement;
  placeOnlyLabel: HTMLElement;
  networkOnly: HTMLInputElement;
  networkOnlyLabel: HTMLElement;
  sources: Picker;
  search: HTMLInputElement;
  from: HTMLInputElement;
  to: HTMLInputElement;
  clear: HTMLButtonElement;
}

const checkbox = (id: string, name: string, checked: boolean) =>
  h('input', { type: 'checkbox', id, name, checked });

const dateInput = (id: string, name: string, value: string | undefined) =>
  h('input', { type: 'date', id, name, value: value ?? '', min: '1990-01-01', max: '2100-12-31' });

/** Every control, set to the filters `f`. */
function filterControls(
  ds: Dataset,
  f: ClaimFilters,
  pickSource: (source: string | undefined) => void,
): Controls {
  const options = facetOptions(ds);
  const selects = {} as Record<SelectFacet, FacetSelect>;
  for (const facet of SELECT_FACETS) selects[facet] = facetSelect(facet, options[facet], f[facet]);
  return {
    selects,
    placeOnly: checkbox('f-placeonly', 'placeonly', Boolean(f.placeonly)),
    placeOnlyLabel: h('span'),
    networkOnly: checkbox('f-networkonly', 'networkonly', Boolean(f.networkonly)),
    networkOnlyLabel: h('span'),
    sources: picker({
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
      onPick: pickSource,
    }),
    search: h('input', {
      type: 'search',
      id: 'f-q',
      name: 'q',
      value: f.q ?? '',
      maxlength: 200,
      autocomplete: 'off',
      placeholder: 'e.g. tonnes, Venetic, grenades',
    }),
    from: dateInput('f-from', 'from', f.from),
    to: dateInput('f-to', 'to', f.to),
    clear: h(
      'button',
      { type: 'button', class: 'button secondary', id: 'clear-filters' },
      'Clear filters',
    ),
  };
}

function readFilters(c: Controls, current: ClaimFilters): ClaimFilters {
  const v = (x: string) => x || undefined;
  const s = c.selects;
  return {
    q: v(c.search.value.trim().slice(0, 200)),
    metric: v(s.metric.el.value),
    place: v(s.place.el.value),
    placeonly: s.place.el.value && c.placeOnly.checked ? '1' : undefined,
    org: v(s.org.el.value),
    op: v(s.op.el.value),
    network: v(s.network.el.value),
    networkonly: s.network.el.value && c.networkOnly.checked ? '1' : undefined,
    source: current.source,
    kind: v(s.kind.el.value),
    reliability: v(s.reliability.el.value) as ClaimFilters['reliability'],
    disagree: v(s.disagree.el.value) as ClaimFilters['disagree'],
    from: v(c.from.value),
    to: v(c.to.value),
    sort: current.sort,
    dir: current.dir,
    size: current.size,
  };
}

function showCounts(ds: Dataset, c: Controls, f: ClaimFilters, counts: FacetCounts): void {
  for (const s of Object.values(c.selects)) s.update(counts);
  c.sources.setCounts(counts.options.source);
  c.placeOnly.disabled = !f.place;
  c.placeOnlyLabel.textContent = f.place
    ? `${ds.placeName(f.place)} only, not the places within it (${formatNumber(counts.placeOnly.get(f.place) ?? 0)})`
    : 'This place only (choose a place)';
  c.networkOnly.disabled = !f.network;
  c.networkOnlyLabel.textContent = f.network
    ? `${ds.networkName(f.network)} alone, not combined totals (${formatNumber(counts.networkAlone.get(f.network) ?? 0)})`
    : 'This network alone (choose a network)';
}

function listen(c: Controls, on: FilterEvents): void {
  // Typing in the search box adds one history entry for the burst (the first keystroke), then
  // replaces it until the box is left or another filter changes.
  let typing = false;
  const changed = () => {
    typing = false;
    on.change();
  };
  for (const s of Object.values(c.selects)) onChoice(s.el, changed, s.pending);
  for (const input of [c.placeOnly, c.networkOnly, c.from, c.to])
    input.addEventListener('change', changed);
  c.search.addEventListener('input', () => {
    on.search(!typing);
    typing = true;
  });
  c.search.addEventListener('change', () => (typing = false));
  c.clear.addEventListener('click', () => {
    c.search.value = '';
    for (const s of Object.values(c.selects)) resetChoice(s.el, '');
    c.placeOnly.checked = c.networkOnly.checked = false;
    c.sources.set(undefined);
    c.from.value = '';
    c.to.value = '';
    typing = false;
    on.clear();
    c.search.focus();
  });
}

/** The search box, then the other filters: on a phone they fold away unless one is set (`open`). */
function formLayout(c: Controls, set: number, open: boolean): HTMLFormElement {
  const s = c.selects;
  const field = (id: string, label: string, ...controls: HTMLElement[]) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), ...controls);
  const selectField = (label: string, select: FacetSelect, ...extra: HTMLElement[]) =>
    field(select.el.id, label, select.el, ...extra, select.pending);
  const check = (input: HTMLInputElement, text: HTMLElement) =>
    h('label', { class: 'check', for: input.id }, input, text);
  return h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Filter claims',
      role: 'search',
      onsubmit: (e: Event) => e.preventDefault(),
    },
    h('div', { class: 'field wide' }, h('label', { for: 'f-q' }, 'Search the quotes'), c.search),
    h(
      'details',
      { class: 'more-filters', open },
      h('summary', null, set ? `Filters (${set} set)` : 'Filters'),
      h(
        'p',
        { class: 'hint filter-help' },
        'The number beside each choice is how many claims it gives with the other filters as they are.',
      ),
      h('p', { class: 'visually-hidden', id: 'select-keys' }, KEYS_HELP),
      h(
        'div',
        { class: 'filter-grid' },
        selectField('Metric', s.metric),
        selectField('Place', s.place, check(c.placeOnly, c.placeOnlyLabel)),
        selectField('Network', s.network, check(c.networkOnly, c.networkOnlyLabel)),
        selectField('Organisation', s.org),
        selectField('Operation', s.op),
        c.sources.element,
        selectField('Kind of source', s.kind),
        selectField('Reliability', s.reliability),
        selectField('Disagreement', s.disagree),
        field('f-from', 'Figures dated from', c.from),
        field('f-to', 'until', c.to),
        h('div', { class: 'field actions' }, c.clear),
      ),
    ),
  );
}
