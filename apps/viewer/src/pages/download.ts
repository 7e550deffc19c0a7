/** Download: the exporter's CSV/Parquet files, and a CSV of the current filtered view made in the browser. */
import type { Ctx, View } from '../app.js';
import { h, link, scroller } from '../dom.js';
import { count, formatBytes } from '../format.js';
import { unknownFilterValues } from '../query.js';
import { toHash, type ClaimFilters, type Route } from '../state.js';
import { describeFilters, downloadCsv, filterParams } from './common.js';

const TABLES: Record<string, string> = {
  claims: 'one row per claim: the tidy claims table',
  sources: 'the source documents',
  metrics: 'the metric vocabulary',
  places: 'places with ISO 3166 and ONS codes',
  organisations: 'forces, agencies, prosecutors, courts',
  operations: 'Venetic, Eternal, Emma, Lemont…',
  networks: 'EncroChat, Sky ECC, ANOM',
  persons: 'officials quoted in their role',
  events: 'the timeline',
  person_roles: 'link table: persons and their roles',
  event_sources: 'link table: events and their sources',
  series: 'the best figure per metric, scope and date',
  conflicts: 'claims of one date that disagree',
};

function describeFile(name: string): string {
  if (name === 'datapackage.json') return 'Frictionless Data Package: every table, column, key and licence';
  if (name === 'SHA256SUMS') return 'checksums of the files';
  if (name === 'README.md') return 'what the files are, and how to cite them';
  const m = /^([a-z_]+)\.(csv|parquet)$/.exec(name);
  if (m && TABLES[m[1]!]) return `${m[2] === 'csv' ? 'CSV' : 'Parquet'}: ${TABLES[m[1]!]}`;
  return '';
}

export function downloadPage(ctx: Ctx, route: Route): View {
  const { ds, query } = ctx;
  const f = (route as { params: ClaimFilters }).params;
  const problems = unknownFilterValues(ds, f);
  const files = ds.meta.downloads;
  const matches = problems.length ? new Int32Array(0) : query.run(f);
  const button = h('button', { type: 'button', class: 'button', id: 'download-view', disabled: matches.length === 0 }, `Download ${count(matches.length, 'claim')} as CSV`);
  button.addEventListener('click', () => downloadCsv(ds, matches, f));

  const fileTable = h(
    'table',
    { class: 'downloads' },
    h('caption', { class: 'visually-hidden' }, 'Files of the exporter'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col', class: 'num' }, 'Size'))),
    h(
      'tbody',
      null,
      files.map((file) =>
        h('tr', null, h('td', null, h('a', { href: `downloads/${encodeURIComponent(file.name)}`, download: file.name, class: 'mono' }, file.name)), h('td', null, describeFile(file.name)), h('td', { class: 'num' }, formatBytes(file.bytes))),
      ),
    ),
  );

  const filesSection = h(
    'section',
    { 'aria-labelledby': 'h-files' },
    h('h2', { id: 'h-files' }, 'Every table, as CSV and Parquet'),
    files.length
      ? [
          h('p', null, 'One table per collection joined by explicit keys, the derived series and conflicts, and a Frictionless data package describing every column — for pandas, R, DuckDB, Excel or Spark.'),
          scroller('Files to download', fileTable),
        ]
      : h('p', { class: 'notice', id: 'no-exports' }, 'This build of the site has no exported files. Run the exporter (', h('code', null, 'npm start'), ' at the repository root writes ', h('code', null, 'exports/'), ') and build the viewer again; or install the data with ', h('code', null, 'npm install @encrochat-ledger/dataset'), '.'),
  );
  const viewSection = h(
    'section',
    { 'aria-labelledby': 'h-view' },
    h('h2', { id: 'h-view' }, 'The claims you filtered, as CSV'),
    problems.length
      ? h('div', { class: 'problem', role: 'alert' }, h('ul', null, problems.map((p) => h('li', null, p))), h('p', null, link('#/download', 'Clear the filters')))
      : [
          h('p', { id: 'view-summary' }, `${count(matches.length, 'claim')}: ${describeFilters(ds, f)}.`),
          h('p', null, button, ' ', link(toHash('claims', filterParams(f)), 'Change the filters in the claims table')),
          h('p', { class: 'muted' }, 'Columns of the claims table in the order of the exporter’s claims.csv; RFC 4180 (UTF-8, CRLF). Made for spreadsheets: a text cell starting with = + - @ is prefixed with an apostrophe so it is not run as a formula — use the exporter’s files for analysis.'),
        ],
  );
  // Coming from a filtered view, its CSV comes first.
  const filtered = Object.values(filterParams(f)).some(Boolean);
  return {
    title: 'Download',
    body: [
      h('header', { class: 'page-head' }, h('h1', null, 'Download the data'), h('p', { class: 'lead' }, `Release ${ds.meta.version}, licensed CC BY 4.0: cite the release you use.`)),
      filtered ? [viewSection, filesSection] : [filesSection, viewSection],
    ],
  };
}
