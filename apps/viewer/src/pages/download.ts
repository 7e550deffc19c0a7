/**
 * Download: what this copy of the site holds, with row counts and sizes — the archive of every table
 * when the build had one, the exporter's CSV/Parquet files, the dataset bundle as one JSON file, and
 * the claims as CSV or JSON made in the browser (all of them, or the filtered view) — and where the
 * rest is: the release archive, the exporter, the repository, corrections and the changelog.
 */
import type { Ctx, View } from '../app.js';
import type { Dataset } from '../data/dataset.js';
import { externalLink, h, link, scroller } from '../dom.js';
import { count, formatBytes } from '../format.js';
import { unknownFilterValues } from '../query.js';
import { toHash, type ClaimFilters, type Route } from '../state.js';
import { describeFilters, downloadCsv, downloadJson, filterParams } from './common.js';

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
  latest: 'the figure to quote first of every series, beside the latest official one',
};

/** The release archive of every table (`archiveTables` of the release script). */
export const ARCHIVE = /^encrochat-ledger-.+-tables\.tar\.gz$/;

function describeFile(name: string): string {
  if (ARCHIVE.test(name))
    return 'Every table as CSV and Parquet, datapackage.json, the README and SHA256SUMS, in one archive';
  if (name === 'datapackage.json')
    return 'Frictionless Data Package: every table, column, key and licence';
  if (name === 'SHA256SUMS') return 'checksums of the files';
  if (name === 'README.md') return 'what the files are, and how to cite them';
  const m = /^([a-z_]+)\.(csv|parquet)$/.exec(name);
  if (m && TABLES[m[1]!]) return `${m[2] === 'csv' ? 'CSV' : 'Parquet'}: ${TABLES[m[1]!]}`;
  return '';
}

const rowsCell = (rows: number | undefined | null, what = 'row') =>
  h(
    'td',
    { class: 'num', 'data-label': 'Rows' },
    rows === undefined || rows === null ? '—' : count(rows, what),
  );
const sizeCell = (bytes: number | undefined | null) =>
  h(
    'td',
    { class: 'num', 'data-label': 'Size' },
    bytes === undefined || bytes === null ? '—' : formatBytes(bytes),
  );

/** The repository, corrections and changelog: links when the build knew the project's address. */
export function projectLinks(ds: Dataset): HTMLElement {
  const links = ds.meta.links;
  const changelog = ds.meta.changelog
    ? h(
        'a',
        { href: ds.meta.changelog, id: 'changelog-link' },
        'The changelog of this release (CHANGELOG.md)',
      )
    : links
      ? externalLink(
          `${links.repository}/tree/main/.changeset`,
          'Changes waiting for the next release (no published changelog yet)',
          { id: 'changelog-link' },
        )
      : h(
          'span',
          null,
          'No changelog yet: the first published release will list its changes by record id.',
        );
  return h(
    'ul',
    { class: 'project-links' },
    links
      ? h(
          'li',
          null,
          externalLink(links.repository, 'The repository', { id: 'repository-link' }),
          ': the data, one file per record, the schemas, the tools and their history.',
        )
      : null,
    links
      ? h(
          'li',
          null,
          externalLink(links.issues, 'Report a correction', { id: 'corrections-link' }),
          ': a wrong figure, date or quote, or a source we missed (an issue on the repository; corrections are released as patch versions).',
        )
      : null,
    h('li', null, changelog),
  );
}

export function downloadPage(ctx: Ctx, route: Route): View {
  const { ds, query } = ctx;
  const f = (route as { params: ClaimFilters }).params;
  const problems = unknownFilterValues(ds, f);
  const files = ds.meta.downloads;
  const archive = files.find((file) => ARCHIVE.test(file.name));
  const version = ds.meta.version;
  const all = new Int32Array(ds.table.rows).map((_, i) => i);
  const filtered = Object.values(filterParams(f)).some(Boolean);
  const matches = problems.length || !filtered ? new Int32Array(0) : query.run(f);

  const fileButton = (id: string, text: string, onClick: () => void) => {
    const button = h('button', { type: 'button', class: 'link-button mono', id }, text);
    button.addEventListener('click', onClick);
    return button;
  };
  const header = h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col' }, 'File'),
      h('th', { scope: 'col' }, 'What'),
      h('th', { scope: 'col', class: 'num' }, 'Rows'),
      h('th', { scope: 'col', class: 'num' }, 'Size'),
    ),
  );
  const bundle = ds.meta.bundle;
  const readyTable = h(
    'table',
    { class: 'downloads', id: 'ready-files' },
    h('caption', { class: 'visually-hidden' }, 'The whole dataset, ready to download'),
    header,
    h(
      'tbody',
      null,
      archive
        ? h(
            'tr',
            { 'data-file': 'archive' },
            h(
              'td',
              { 'data-label': 'File' },
              h(
                'a',
                {
                  href: `downloads/${encodeURIComponent(archive.name)}`,
                  download: archive.name,
                  class: 'mono',
                },
                archive.name,
              ),
            ),
            h('td', { 'data-label': 'What' }, describeFile(archive.name)),
            rowsCell(null),
            sizeCell(archive.bytes),
          )
        : null,
      bundle
        ? h(
            'tr',
            { 'data-file': 'bundle' },
            h(
              'td',
              { 'data-label': 'File' },
              h(
                'a',
                {
                  href: bundle.path,
                  download: `encrochat-ledger-${version}-data.json`,
                  class: 'mono',
                  id: 'bundle-link',
                },
                `encrochat-ledger-${version}-data.json`,
              ),
            ),
            h(
              'td',
              { 'data-label': 'What' },
              'The whole dataset in one JSON file, as the npm package ships it (its data.json): every source with its claims, the metrics, places, organisations, operations, networks, persons and events',
            ),
            h(
              'td',
              { class: 'num', 'data-label': 'Rows' },
              `${count(bundle.sources, 'source')}, ${count(ds.meta.claims, 'claim')}`,
            ),
            sizeCell(bundle.bytes),
          )
        : null,
      h(
        'tr',
        { 'data-file': 'claims-csv' },
        h(
          'td',
          { 'data-label': 'File' },
          fileButton('all-claims-csv', `encrochat-ledger-${version}-claims.csv`, () =>
            downloadCsv(ds, all, {}),
          ),
        ),
        h(
          'td',
          { 'data-label': 'What' },
          'Every claim, one row each, as CSV for spreadsheets (made in your browser)',
        ),
        rowsCell(ds.meta.claims),
        sizeCell(ds.meta.allClaims?.csvBytes),
      ),
      h(
        'tr',
        { 'data-file': 'claims-json' },
        h(
          'td',
          { 'data-label': 'File' },
          fileButton('all-claims-json', `encrochat-ledger-${version}-claims.json`, () =>
            downloadJson(ds, all, {}),
          ),
        ),
        h(
          'td',
          { 'data-label': 'What' },
          'Every claim, one object each, as JSON (made in your browser; the npm package’s claims-table.json)',
        ),
        rowsCell(ds.meta.claims),
        sizeCell(ds.meta.allClaims?.jsonBytes),
      ),
    ),
  );

  const exportTable = h(
    'table',
    { class: 'downloads', id: 'export-files' },
    h('caption', { class: 'visually-hidden' }, 'Files of the exporter'),
    header.cloneNode(true),
    h(
      'tbody',
      null,
      files
        .filter((file) => file !== archive)
        .map((file) =>
          h(
            'tr',
            null,
            h(
              'td',
              { 'data-label': 'File' },
              h(
                'a',
                {
                  href: `downloads/${encodeURIComponent(file.name)}`,
                  download: file.name,
                  class: 'mono',
                },
                file.name,
              ),
            ),
            h('td', { 'data-label': 'What' }, describeFile(file.name)),
            rowsCell(file.rows),
            sizeCell(file.bytes),
          ),
        ),
    ),
  );

  const howToGetTables = h(
    'div',
    { class: 'notice', id: 'get-tables' },
    h(
      'p',
      null,
      archive
        ? 'The same tables without this site:'
        : `The claims, sources, places, series, conflicts and latest figures as tables, with a Frictionless datapackage.json describing every column, come in one archive with each release: encrochat-ledger-${version}-tables.tar.gz. This copy of the site does not carry it. To get the same tables:`,
    ),
    h(
      'ul',
      null,
      h(
        'li',
        null,
        'with Node.js, in any folder: ',
        h('code', null, 'npx -p @encrochat-ledger/exporter encrochat-ledger-export --out tables'),
        ' (add ',
        h('code', null, '--format csv'),
        ' for CSV only);',
      ),
      h(
        'li',
        null,
        'from a clone of the repository: ',
        h('code', null, 'npm run release'),
        ' writes the archive to ',
        h('code', null, 'release/'),
        ';',
      ),
      h(
        'li',
        null,
        'in JavaScript or TypeScript: ',
        h('code', null, 'npm install @encrochat-ledger/dataset'),
        '.',
      ),
    ),
  );

  const tablesSection = h(
    'section',
    { 'aria-labelledby': 'h-files' },
    h('h2', { id: 'h-files' }, 'Every table, as CSV and Parquet'),
    files.length > (archive ? 1 : 0)
      ? [
          h(
            'p',
            null,
            'One table per collection joined by explicit keys, the derived series, conflicts and latest figures, and a Frictionless data package describing every column — for pandas, R, DuckDB, Excel or Spark.',
          ),
          scroller('Files of the exporter', exportTable),
        ]
      : null,
    archive && files.length > 1 ? null : howToGetTables,
  );

  const readySection = h(
    'section',
    { 'aria-labelledby': 'h-ready' },
    h('h2', { id: 'h-ready' }, 'The whole dataset'),
    scroller('The whole dataset, ready to download', readyTable),
  );

  const viewButtons = [
    h(
      'button',
      { type: 'button', class: 'button', id: 'download-view', disabled: matches.length === 0 },
      `Download ${count(matches.length, 'claim')} as CSV`,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        id: 'download-view-json',
        disabled: matches.length === 0,
      },
      'as JSON',
    ),
  ] as const;
  viewButtons[0].addEventListener('click', () => downloadCsv(ds, matches, f));
  viewButtons[1].addEventListener('click', () => downloadJson(ds, matches, f));
  viewButtons[1].setAttribute('aria-label', `Download ${count(matches.length, 'claim')} as JSON`);
  const viewSection = h(
    'section',
    { 'aria-labelledby': 'h-view' },
    h('h2', { id: 'h-view' }, filtered ? 'The claims you filtered' : 'Some of the claims'),
    problems.length
      ? h(
          'div',
          { class: 'problem', role: 'alert' },
          h(
            'ul',
            null,
            problems.map((p) => h('li', null, p)),
          ),
          h('p', null, link('#/download', 'Clear the filters')),
        )
      : !filtered
        ? h(
            'p',
            { id: 'view-summary' },
            'Filter the claims table (by metric, place, network, source, reliability, dates or words of the quotes), then download the claims it shows with its CSV and JSON buttons: ',
            link('#/claims', 'open the claims table'),
            '.',
          )
        : [
            h(
              'p',
              { id: 'view-summary' },
              `${count(matches.length, 'claim')}: ${describeFilters(ds, f)}.`,
            ),
            h(
              'p',
              { class: 'button-row' },
              viewButtons[0],
              viewButtons[1],
              link(toHash('claims', filterParams(f)), 'Change the filters in the claims table'),
            ),
            h(
              'p',
              { class: 'muted' },
              'CSV: the columns of the claims table in the order of the exporter’s claims.csv; RFC 4180 (UTF-8, CRLF). Made for spreadsheets: a text cell starting with = + - @ is prefixed with an apostrophe so it is not run as a formula — use the JSON or the exporter’s files for analysis. JSON: an array of the same rows.',
            ),
          ],
  );
  const elsewhere = h(
    'section',
    { 'aria-labelledby': 'h-elsewhere' },
    h('h2', { id: 'h-elsewhere' }, 'Repository, corrections, changes'),
    projectLinks(ds),
  );

  return {
    title: 'Download',
    body: [
      h(
        'header',
        { class: 'page-head' },
        h('h1', null, 'Download the data'),
        h(
          'p',
          { class: 'lead' },
          `Release ${version}, ${count(ds.meta.claims, 'claim')} from ${count(ds.sources.length, 'source')}, licensed CC BY 4.0: cite the release you use (`,
          link('#/about', 'how to cite'),
          ').',
        ),
      ),
      // Coming from a filtered view, its files come first.
      filtered
        ? [viewSection, readySection, tablesSection]
        : [readySection, tablesSection, viewSection],
      elsewhere,
    ],
  };
}
