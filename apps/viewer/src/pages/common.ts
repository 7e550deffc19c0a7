/** Pieces shared by several pages. */
import type { ClaimsTableRow } from '@encrochat-ledger/dataset';
import type { Dataset } from '../data/dataset.js';
import { h, link } from '../dom.js';
import { formatEdtf, formatWorded, RELIABILITY_LABELS, vocabularyLabel } from '../format.js';
import { claimsCsv } from '../csv.js';
import { claimHash, toHash, type ClaimFilters } from '../state.js';
import { metricWithBreakdown, publisherWords } from '../words.js';

/** Places in tree order (depth-first from the roots, children by name), with their depth. */
export function placeTree(ds: Dataset): { id: string; name: string; depth: number }[] {
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const p of ds.places) {
    if (p.parent && ds.placesById.has(p.parent))
      children.set(p.parent, [...(children.get(p.parent) ?? []), p.id]);
    else roots.push(p.id);
  }
  const byName = (a: string, b: string) => ds.placeName(a).localeCompare(ds.placeName(b), 'en-GB');
  const out: { id: string; name: string; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (id: string, depth: number) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, name: ds.placeName(id), depth });
    for (const c of (children.get(id) ?? []).sort(byName)) walk(c, depth + 1);
  };
  for (const r of roots.sort(byName)) walk(r, 0);
  return out;
}

/** Options of a place select, in tree order, each below a country or region named with its parent. */
export function placeOptions(ds: Dataset): [string, string][] {
  return placeTree(ds).map((p) => {
    const parent = ds.placesById.get(p.id)?.parent;
    return [p.id, p.depth >= 2 && parent ? `${p.name} (${ds.placeName(parent)})` : p.name];
  });
}

/** The scope of a claim in words: "Operation Venetic · EncroChat · Metropolitan Police". */
export function scopeWords(
  ds: Dataset,
  row: Pick<
    ClaimsTableRow,
    'operation' | 'organisations' | 'networks' | 'breakdown_key' | 'breakdown_value'
  >,
): string {
  const parts: string[] = [];
  if (row.breakdown_key) parts.push(`${row.breakdown_key}: ${row.breakdown_value ?? ''}`);
  if (row.operation) parts.push(ds.operationName(row.operation));
  if (row.organisations?.length)
    parts.push(`counted by ${row.organisations.map((o) => ds.organisationName(o)).join(', ')}`);
  if (row.networks?.length) parts.push(row.networks.map((n) => ds.networkName(n)).join(' + '));
  else parts.push('no network (context figure)');
  return parts.join(' · ');
}

/** A one-line description of claim filters. */
export function describeFilters(ds: Dataset, f: ClaimFilters): string {
  const parts: string[] = [];
  if (f.metric) parts.push(ds.metricLabel(f.metric));
  if (f.place) parts.push(`in ${ds.placeName(f.place)}${f.placeonly ? ' only' : ''}`);
  if (f.org) parts.push(`by or for ${ds.organisationName(f.org)}`);
  if (f.op) parts.push(ds.operationName(f.op));
  if (f.source) parts.push(`from “${ds.sourcesById.get(f.source)?.title ?? f.source}”`);
  if (f.network)
    parts.push(
      `${f.networkonly ? 'about ' : 'counting '}${ds.networkName(f.network)}${f.networkonly ? ' alone' : ''}`,
    );
  if (f.kind) parts.push(`in sources of kind “${vocabularyLabel(f.kind)}”`);
  if (f.reliability)
    parts.push(`from ${RELIABILITY_LABELS[f.reliability] ?? f.reliability} sources`);
  if (f.disagree)
    parts.push(f.disagree === 'yes' ? 'where sources disagree' : 'where no source disagrees');
  if (f.from) parts.push(`from ${formatEdtf(f.from)}`);
  if (f.to) parts.push(`until ${formatEdtf(f.to)}`);
  if (f.q) parts.push(`quotes containing “${f.q}”`);
  return parts.length ? parts.join(', ') : 'all claims';
}

/** The filter part of claim filters (no sort, no page), for links. */
export function filterParams(f: ClaimFilters): Record<string, string | undefined> {
  return {
    metric: f.metric,
    place: f.place,
    placeonly: f.place ? f.placeonly : undefined,
    org: f.org,
    op: f.op,
    network: f.network,
    networkonly: f.network ? f.networkonly : undefined,
    source: f.source,
    kind: f.kind,
    reliability: f.reliability,
    disagree: f.disagree,
    from: f.from,
    to: f.to,
    q: f.q,
  };
}

/** A file name for a view: encrochat-ledger-0.1.0-claims-arrests-united-kingdom.csv. */
function viewFileName(ds: Dataset, f: ClaimFilters, extension: string): string {
  const slug = [
    f.metric,
    f.place,
    f.org,
    f.op,
    f.network,
    f.source,
    f.kind,
    f.reliability,
    f.disagree ? `disagree-${f.disagree}` : undefined,
    f.from,
    f.to,
    f.q,
  ]
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `encrochat-ledger-${ds.meta.version}-claims${slug ? `-${slug}` : ''}.${extension}`;
}

/** Offers a file made in the browser as a download. */
function offer(text: string, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The rows of a view as JSON: an array of claims-table rows, as the dataset package's claims-table.json. */
export function claimsJson(ds: Dataset, rows: ArrayLike<number>): string {
  const list: ClaimsTableRow[] = [];
  for (let i = 0; i < rows.length; i++) list.push(ds.table.row(rows[i]!));
  return JSON.stringify(list);
}

/** Offers the JSON of some rows as a file download (generated in the browser). */
export function downloadJson(ds: Dataset, rows: ArrayLike<number>, f: ClaimFilters): void {
  offer(claimsJson(ds, rows), 'application/json', viewFileName(ds, f, 'json'));
}

/** Offers the CSV of some rows as a file download (generated in the browser). */
export function downloadCsv(ds: Dataset, rows: ArrayLike<number>, f: ClaimFilters): void {
  const list: ClaimsTableRow[] = [];
  for (let i = 0; i < rows.length; i++) list.push(ds.table.row(rows[i]!));
  offer(claimsCsv(list), 'text/csv;charset=utf-8', viewFileName(ds, f, 'csv'));
}

/** A short list of claims: figure (link), date, source. */
export function claimList(
  ds: Dataset,
  rows: readonly number[],
  options: { showMetric?: boolean; showPlace?: boolean; mark?: (i: number) => string | null } = {},
): HTMLElement {
  const t = ds.table;
  return h(
    'ul',
    { class: 'claim-list' },
    rows.map((i) => {
      // The breakdown beside its metric: "Drugs seized (cannabis)".
      const metric = metricWithBreakdown(t.get(i, 'metric_label'), t.get(i, 'breakdown_value'));
      const label = formatWorded({
        qualifier: t.get(i, 'qualifier'),
        value: t.get(i, 'value'),
        min: t.get(i, 'min'),
        max: t.get(i, 'max'),
        unit: t.get(i, 'unit'),
      });
      const badge = options.mark?.(i);
      return h(
        'li',
        null,
        link(claimHash(t.get(i, 'claim_id')), options.showMetric ? `${metric}: ${label}` : label, {
          class: 'figure-link',
        }),
        options.showPlace ? h('span', { class: 'muted' }, ` · ${t.get(i, 'place_name')}`) : null,
        h(
          'span',
          { class: 'muted' },
          ` · ${formatEdtf(t.get(i, 'as_of'))} · ${sourceWords(ds, i)}`,
        ),
        badge ? h('span', { class: 'badge' }, badge) : null,
      );
    }),
  );
}

/**
 * The source of the claim of row `i` in words, its original publisher first: "Europol via Il
 * Metropolitano" for a release read in a copy (`publisherWords`).
 */
export function sourceWords(ds: Dataset, i: number): string {
  const source = ds.sourcesById.get(ds.table.get(i, 'source_id'));
  return source
    ? publisherWords(source)
    : (ds.table.get(i, 'source_publisher') ?? ds.table.get(i, 'source_title'));
}

export const claimsLink = (f: ClaimFilters, text: string): HTMLAnchorElement =>
  link(toHash('claims', filterParams(f)), text);
