/**
 * Writes the site's data: `data/dataset.json` (see `src/data/format.ts`) from a dataset bundle
 * (`data.json`) and its claims table (`claims-table.json`, beside it: the dataset build writes both),
 * the exporter's files under `downloads/` (with their row counts from its `datapackage.json`), the
 * bundle itself as `data/bundle.json` (offered on the Download page), and the dataset's changelog
 * when there is one.
 *
 * Series, conflicts, the headlines' latest table and the claims table come from
 * `@encrochat-ledger/dataset` (`buildSeries`, `findConflicts`, `buildLatest`, its `claimsTable` rows),
 * so the viewer shows exactly what the exporter writes.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  buildLatest,
  buildSeries,
  claimsTableFields,
  findConflicts,
  type ClaimsTableRow,
  type DatasetBundle,
  type HeadlineKind,
  type HeadlineReason,
  type Review,
} from '@encrochat-ledger/dataset';
import { claimsCsv } from '../src/csv.js';
import {
  DATA_FORMAT,
  DECIDED_BY,
  type DownloadFile,
  type ProjectLinks,
  type EncodedColumn,
  type EncodedHeadline,
  type EncodedPartAboveWhole,
  type SiteData,
} from '../src/data/format.js';
import { packInts } from '../src/data/packed.js';
import { selectHeadlines } from '../src/headline.js';
import { partsAboveWholes as findPartsAboveWholes } from '../src/parts.js';

/** Columns always dictionary-encoded: the viewer filters and sorts on their codes. */
export const DICTIONARY_COLUMNS: ReadonlySet<string> = new Set([
  'source_id',
  'metric',
  'unit',
  'qualifier',
  'as_of',
  'place',
  'operation',
  'organisations',
  'as_of_start',
  'as_of_end',
  'as_of_basis',
  'metric_label',
  'breakdown_key',
  'breakdown_value',
  'place_name',
  'networks',
  'attributed_organisation',
  'attributed_person',
  'source_title',
  'source_kind',
  'source_reliability',
  'source_published_start',
  'withdrawn',
]);

/** Columns that are a function of another column (the source's fields of `source_id`…), stored once per value of it. */
export const DEPENDENT_COLUMNS: Readonly<Record<string, string>> = {
  source_title: 'source_id',
  source_publisher: 'source_id',
  source_published: 'source_id',
  source_url: 'source_id',
  source_kind: 'source_id',
  source_reliability: 'source_id',
  source_language: 'source_id',
  source_published_start: 'source_id',
  metric_label: 'metric',
  place_name: 'place',
  country: 'place',
};

/** A column of the table as it is built, before its codes are packed (`packColumn`). */
export type PlainColumn =
  | { values: unknown[] }
  | { dict: unknown[]; codes: number[] }
  | { dict: unknown[]; by: string; byCodes: number[] }
  | { prefixBy: string; rest: { values: unknown[] } | { dict: unknown[]; codes: number[] } };

/** The column as the data file stores it: its codes packed (`src/data/packed.ts`). */
export function packColumn(column: PlainColumn): EncodedColumn {
  if ('prefixBy' in column) {
    const rest = column.rest;
    return {
      prefixBy: column.prefixBy,
      rest: 'codes' in rest ? { dict: rest.dict, codes: packInts(rest.codes) } : rest,
    };
  }
  if ('byCodes' in column)
    return { dict: column.dict, by: column.by, byCodes: packInts(column.byCodes) };
  if ('codes' in column) return { dict: column.dict, codes: packInts(column.codes) };
  return column;
}

/** The column stored per code of `by` when every row with the same `by` value has the same value; else null. */
export function dependentColumn(
  column: PlainColumn,
  byColumn: PlainColumn,
  by: string,
): PlainColumn | null {
  if (!('codes' in column) || !('codes' in byColumn)) return null;
  const byCodes = new Array<number>(byColumn.dict.length).fill(-1);
  for (let i = 0; i < column.codes.length; i++) {
    const b = byColumn.codes[i]!;
    if (byCodes[b] === -1) byCodes[b] = column.codes[i]!;
    else if (byCodes[b] !== column.codes[i]) return null;
  }
  return { dict: column.dict, by, byCodes };
}

export interface SiteDataInput {
  /** The bundle `data.json`; `claims-table.json` must be in the same folder. */
  dataset: string;
  /** The exporter's output folder; its files are copied to `downloads/`. Ignored when missing. */
  exportsDir: string | null;
  /** A changelog to copy to `CHANGELOG.md`. Ignored when missing. */
  changelog: string | null;
  /** The project's repository and issues; default: those of the installed dataset package's package.json. */
  links?: ProjectLinks | null;
}

export class SiteDataError extends Error {}

function readJson<T>(file: string, what: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new SiteDataError(
      `viewer build: cannot read ${what} ${file} (build the dataset first: npx turbo run build --filter=@encrochat-ledger/dataset)`,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new SiteDataError(
      `viewer build: ${file} is not valid JSON (${(error as Error).message})`,
    );
  }
}

/** One column of the table, as a dictionary plus codes when that is smaller or required. */
export function encodeColumn(name: string, values: readonly unknown[]): PlainColumn {
  const index = new Map<string, number>();
  const dict: unknown[] = [];
  const codes = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const key = typeof value === 'string' ? `s${value}` : JSON.stringify(value);
    let code = index.get(key);
    if (code === undefined) {
      code = dict.length;
      index.set(key, code);
      dict.push(value);
    }
    codes[i] = code;
  }
  if (DICTIONARY_COLUMNS.has(name)) return { dict, codes };
  // Otherwise whichever is smaller.
  const asDict = JSON.stringify(dict).length + packInts(codes).digits.length;
  return asDict < JSON.stringify(values).length ? { dict, codes } : { values: [...values] };
}

/** Claim ids stored without their source id prefix (`<source_id>/<slug>`), when every id has it. */
export function prefixedColumn(
  name: string,
  values: readonly string[],
  prefixes: readonly string[],
  prefixBy: string,
): PlainColumn | null {
  const rest: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const prefix = `${prefixes[i]}/`;
    if (!values[i]!.startsWith(prefix)) return null;
    rest.push(values[i]!.slice(prefix.length));
  }
  const encoded = encodeColumn(name, rest);
  return 'by' in encoded || 'prefixBy' in encoded ? null : { prefixBy, rest: encoded };
}

/** Builds the site data from a bundle and its claims table. */
export function encodeSiteData(
  bundle: DatasetBundle,
  rows: readonly ClaimsTableRow[],
  meta: Pick<SiteData['meta'], 'downloads' | 'changelog'> &
    Partial<Pick<SiteData['meta'], 'bundle' | 'allClaims' | 'links'>>,
): SiteData {
  const claimCount = bundle.sources.reduce((n, s) => n + s.claims.length, 0);
  if (claimCount !== rows.length)
    throw new SiteDataError(
      `viewer build: the claims table has ${rows.length} rows but the bundle has ${claimCount} claims; rebuild the dataset so both come from one build`,
    );

  const rowIndex = new Map<string, number>();
  rows.forEach((row, i) => rowIndex.set(row.claim_id, i));
  const claimExtras: SiteData['claimExtras'] = {};
  // Second readings, each distinct one stored once (most say only "reviewed, agreed" on one day).
  const reviews: Review[] = [];
  const reviewIndex = new Map<string, number>();
  const reviewCode = (review: Review): number => {
    const key = JSON.stringify(review);
    let code = reviewIndex.get(key);
    if (code === undefined) reviewIndex.set(key, (code = reviews.push(review) - 1));
    return code;
  };
  for (const source of bundle.sources)
    for (const claim of source.claims) {
      const i = rowIndex.get(claim.id);
      if (i === undefined)
        throw new SiteDataError(
          `viewer build: claim ${claim.id} of data.json is not in claims-table.json`,
        );
      const review = claim.review ? reviewCode(claim.review) : undefined;
      if (claim.withdrawn || claim.aliases?.length || review !== undefined)
        claimExtras[i] = {
          ...(claim.withdrawn ? { withdrawn: claim.withdrawn } : {}),
          ...(claim.aliases?.length ? { aliases: claim.aliases } : {}),
          ...(review !== undefined ? { review } : {}),
        };
    }

  const columns: Record<string, PlainColumn> = {};
  for (const field of claimsTableFields)
    columns[field.name] = encodeColumn(
      field.name,
      rows.map((r) => r[field.name]),
    );
  const ids = prefixedColumn(
    'claim_id',
    rows.map((r) => r.claim_id),
    rows.map((r) => r.source_id),
    'source_id',
  );
  if (ids) columns.claim_id = ids;
  for (const [name, by] of Object.entries(DEPENDENT_COLUMNS)) {
    const dependent = dependentColumn(columns[name]!, columns[by]!, by);
    if (dependent) columns[name] = dependent;
  }

  const points = buildSeries(rows);
  const conflictIds = new Set(findConflicts(points).map((c) => c.conflict_id));
  const seriesIds: string[] = [];
  const seriesIndex = new Map<string, number>();
  const periods: string[] = [];
  const periodIndex = new Map<string, number>();
  const series = {
    series: [] as number[],
    period: [] as number[],
    start: [0],
    candidates: [] as number[],
    decidedBy: [] as number[],
    conflicts: [] as number[],
  };
  points.forEach((point, p) => {
    let s = seriesIndex.get(point.series_id);
    if (s === undefined)
      seriesIndex.set(point.series_id, (s = seriesIds.push(point.series_id) - 1));
    let q = periodIndex.get(point.period);
    if (q === undefined) periodIndex.set(point.period, (q = periods.push(point.period) - 1));
    series.series.push(s);
    series.period.push(q);
    for (const candidate of point.candidates)
      series.candidates.push(rowIndex.get(candidate.claim_id)!);
    series.start.push(series.candidates.length);
    series.decidedBy.push(DECIDED_BY.indexOf(point.decided_by));
    if (conflictIds.has(`${point.series_id}@${point.period}`)) series.conflicts.push(p);
  });

  const latest = buildLatest(points);
  const headlines: EncodedHeadline[] = selectHeadlines(points, latest).map((h) => ({
    metric: h.metric,
    place: h.place,
    point: h.index,
    kind: h.latest.headline_kind as HeadlineKind,
    reason: h.latest.headline_reason as HeadlineReason,
    official: h.officialIndex,
    latest: h.latestIndex,
    disagreeing: (h.latest.disagreeing_claim_ids ?? []).map((id) => rowIndex.get(id)!),
    newerBreakdowns: h.latest.newer_breakdowns
      ? { values: h.latest.newer_breakdown_values ?? [], asOf: h.latest.newer_breakdowns_as_of! }
      : null,
    sources: h.sources,
    points: h.points,
  }));
  // Every figure of the latest table is the best claim of its point.
  const pointOfBest = new Map(points.map((point, p) => [point.best.claim_id, p]));
  const parts: EncodedPartAboveWhole[] = findPartsAboveWholes(
    latest,
    bundle.places,
    bundle.operations,
    bundle.metrics,
  ).map((f) => ({
    part: pointOfBest.get(f.part.headline_claim_id)!,
    whole: pointOfBest.get(f.whole.headline_claim_id)!,
    levels: f.levels,
  }));

  return {
    format: DATA_FORMAT,
    meta: {
      name: bundle.name,
      version: bundle.version,
      schema_version: bundle.schema_version,
      claims: rows.length,
      ...meta,
    },
    collections: {
      metrics: bundle.metrics,
      networks: bundle.networks,
      places: bundle.places,
      organisations: bundle.organisations,
      operations: bundle.operations,
      persons: bundle.persons,
      events: bundle.events,
      sources: bundle.sources.map(({ claims, ...source }) => ({
        ...source,
        claim_count: claims.length,
      })),
    },
    claimExtras,
    table: {
      rows: rows.length,
      columns: Object.fromEntries(
        Object.entries(columns).map(([name, column]) => [name, packColumn(column)]),
      ),
    },
    series: {
      periods,
      series: packInts(series.series),
      period: packInts(series.period),
      start: packInts(series.start),
      candidates: packInts(series.candidates),
      decidedBy: packInts(series.decidedBy),
      conflicts: packInts(series.conflicts),
    },
    headlines,
    reviews,
    partsAboveWholes: {
      part: packInts(parts.map((f) => f.part)),
      whole: packInts(parts.map((f) => f.whole)),
      levels: packInts(parts.map((f) => f.levels)),
    },
  };
}

/** Rows of each table file, as the exporter's `datapackage.json` gives them (`encrochat:rows`, by path). */
function rowsOfTables(exportsDir: string): Map<string, number> {
  const rows = new Map<string, number>();
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(exportsDir, 'datapackage.json'), 'utf8')) as {
      resources?: { path?: unknown; 'encrochat:rows'?: unknown }[];
    };
    for (const r of pkg.resources ?? [])
      if (typeof r.path === 'string' && Number.isSafeInteger(r['encrochat:rows']))
        rows.set(r.path, r['encrochat:rows'] as number);
  } catch {
    // No data package (or not one the exporter wrote): the files are listed without row counts.
  }
  return rows;
}

/** Copies the exporter's files (not folders, not hidden files) into `downloads/`. */
function copyDownloads(exportsDir: string | null, outDir: string): DownloadFile[] {
  if (!exportsDir || !fs.existsSync(exportsDir) || !fs.statSync(exportsDir).isDirectory())
    return [];
  const files = fs
    .readdirSync(exportsDir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /^[A-Za-z0-9._-]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  if (!files.length) return [];
  const target = path.join(outDir, 'downloads');
  fs.mkdirSync(target, { recursive: true });
  const rows = rowsOfTables(exportsDir);
  return files.map((name) => {
    fs.copyFileSync(path.join(exportsDir, name), path.join(target, name));
    const file: DownloadFile = { name, bytes: fs.statSync(path.join(target, name)).size };
    if (rows.has(name)) file.rows = rows.get(name)!;
    return file;
  });
}

/** `https://github.com/owner/name` from a package.json `repository` ("git+https://….git", or { url }). */
export function projectLinks(manifest: {
  repository?: string | { url?: string };
  bugs?: string | { url?: string };
}): ProjectLinks | null {
  const raw =
    typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const repository = raw?.replace(/^git\+/, '').replace(/\.git$/, '');
  if (!repository || !/^https:\/\/[^\s]+$/.test(repository)) return null;
  const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
  return {
    repository,
    issues: bugs && /^https:\/\/[^\s]+$/.test(bugs) ? bugs : `${repository}/issues`,
  };
}

function installedProjectLinks(): ProjectLinks | null {
  const require = createRequire(import.meta.url);
  return projectLinks(
    JSON.parse(fs.readFileSync(require.resolve('@encrochat-ledger/dataset/package.json'), 'utf8')),
  );
}

/**
 * JSON with every character outside ASCII written as a `\u` escape: the same value, in a file the
 * browser decodes one byte a character (see `src/data/format.ts`).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes `data/dataset.json`, `downloads/*` and `CHANGELOG.md` into a built site. */
export function writeSiteData(
  outDir: string,
  input: SiteDataInput,
): { file: string; bytes: number; claims: number } {
  const bundle = readJson<DatasetBundle>(input.dataset, 'the dataset bundle');
  const tableFile = path.join(path.dirname(input.dataset), 'claims-table.json');
  const rows = readJson<ClaimsTableRow[]>(
    tableFile,
    'the claims table (written by the dataset build beside data.json)',
  );
  if (
    !bundle ||
    typeof bundle !== 'object' ||
    !Array.isArray(bundle.sources) ||
    !Array.isArray(rows)
  )
    throw new SiteDataError(`viewer build: ${input.dataset} is not a dataset bundle`);

  const downloads = copyDownloads(input.exportsDir, outDir);
  let changelog: string | null = null;
  if (input.changelog && fs.existsSync(input.changelog)) {
    fs.copyFileSync(input.changelog, path.join(outDir, 'CHANGELOG.md'));
    changelog = 'CHANGELOG.md';
  }
  // The bundle as the package ships it, for people who want one JSON file and no npm.
  const bundleFile = path.join(outDir, 'data', 'bundle.json');
  fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
  fs.copyFileSync(input.dataset, bundleFile);
  const data = encodeSiteData(bundle, rows, {
    downloads,
    changelog,
    bundle: {
      path: 'data/bundle.json',
      bytes: fs.statSync(bundleFile).size,
      sources: bundle.sources.length,
    },
    // The Download page gives the sizes of the files it makes before making them.
    allClaims: {
      csvBytes: Buffer.byteLength(claimsCsv(rows)),
      jsonBytes: Buffer.byteLength(JSON.stringify(rows)),
    },
    links: input.links !== undefined ? input.links : installedProjectLinks(),
  });
  const file = path.join(outDir, 'data', 'dataset.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = asciiJson(data);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  return { file, bytes: Buffer.byteLength(text), claims: rows.length };
}
