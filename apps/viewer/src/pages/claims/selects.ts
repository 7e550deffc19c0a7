/**
 * The selects of the claims page: the options of each filter, labelled for people (names, not
 * ids), with the count beside every option ("Scotland, United Kingdom (12)"), and the note a
 * keyboard choice shows while it waits for Enter (see `onChoice` in controls.ts).
 */
import type { Dataset } from '../../data/dataset.js';
import { h, select } from '../../dom.js';
import { formatNumber, RELIABILITY_LABELS, vocabularyLabel } from '../../format.js';
import type { Facet, FacetCounts } from '../../query.js';
import { RELIABILITIES, type ClaimFilters } from '../../state.js';
import { placeTree } from '../common.js';

export type Option = [value: string, label: string];

/** The filters chosen with a select, in the order of the form; the select of `metric` is `#f-metric`. */
export const SELECT_FACETS = [
  'metric',
  'place',
  'network',
  'org',
  'op',
  'kind',
  'reliability',
  'disagree',
] as const satisfies readonly Facet[];
export type SelectFacet = (typeof SELECT_FACETS)[number];

/** The first option of each select: no filter. */
const ANY: Record<SelectFacet, string> = {
  metric: 'Any metric',
  place: 'Anywhere',
  network: 'Any network',
  org: 'Any organisation',
  op: 'Any operation',
  kind: 'Any kind',
  reliability: 'Any reliability',
  disagree: 'Any claim',
};

/** "Press Enter to apply", shown beside a select whose keyboard choice is not applied yet. */
export const pendingNote = (id: string): HTMLElement =>
  h('span', { class: 'pending-note', id: `${id}-pending`, hidden: true }, 'Press Enter to apply');

/** The organisations the claims name, in their scope or as the one a figure is attributed to. */
function organisationsUsed(ds: Dataset): Set<string> {
  const used = new Set<string>();
  for (const list of ds.table.col('organisations').dict ?? [])
    for (const o of (list as string[] | null) ?? []) used.add(o);
  for (const o of ds.table.col('attributed_organisation').dict ?? []) if (o) used.add(o as string);
  return used;
}

/** The options of every select, labelled for people. */
export function facetOptions(ds: Dataset): Record<SelectFacet, Option[]> {
  const byLabel = (a: Option, b: Option) => a[1].localeCompare(b[1], 'en-GB');
  const kinds = [...new Set(ds.sources.map((s) => s.kind))].sort();
  const reliabilities = RELIABILITIES.filter((r) => ds.sources.some((s) => s.reliability === r));
  return {
    metric: ds.metrics.map((m): Option => [m.id, m.label]).sort(byLabel),
    // "Scotland, United Kingdom (12)": the count is the last bracket.
    place: placeTree(ds).map((p): Option => {
      const parent = ds.placesById.get(p.id)?.parent;
      return [p.id, p.depth >= 2 && parent ? `${p.name}, ${ds.placeName(parent)}` : p.name];
    }),
    network: ds.networks.map((n): Option => [n.id, n.name]).sort(byLabel),
    org: [...organisationsUsed(ds)].map((o): Option => [o, ds.organisationName(o)]).sort(byLabel),
    op: ds.operations.map((o): Option => [o.id, o.name]).sort(byLabel),
    kind: kinds.map((k): Option => [k, vocabularyLabel(k)]),
    reliability: reliabilities.map((r): Option => [r, RELIABILITY_LABELS[r] ?? vocabularyLabel(r)]),
    disagree: [
      ['yes', 'Sources disagree'],
      ['no', 'No disagreement'],
    ],
  };
}

/** A select of one filter whose options show their counts. */
export interface FacetSelect {
  el: HTMLSelectElement;
  facet: SelectFacet;
  /** Shown while a keyboard choice waits for Enter. */
  pending: HTMLElement;
  update(counts: FacetCounts): void;
}

export function facetSelect(
  facet: SelectFacet,
  options: readonly Option[],
  value: ClaimFilters[SelectFacet],
): FacetSelect {
  const id = `f-${facet}`;
  const any = ANY[facet];
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
    pending: pendingNote(id),
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
