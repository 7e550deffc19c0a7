/**
 * The dataset in the browser: decodes the site data file (see `format.ts`) and indexes it.
 * Rows of the claims table are read column by column; `row(i)` builds the `ClaimsTableRow` of the
 * dataset package when a whole row is needed (claim page, CSV).
 */
import { claimsTableFields, type ClaimsTableRow, type Event, type Metric, type Network, type Operation, type Organisation, type Person, type Place, type Review } from '@encrochat-ledger/dataset';
import { DATA_FORMAT, DECIDED_BY, type EncodedPartAboveWhole, type SiteData, type SourceMeta } from './format.js';

export type FieldName = (typeof claimsTableFields)[number]['name'];

/** One column: a dictionary with a code per row, or plain values. */
export class Column<T = unknown> {
  readonly dict: readonly T[] | null;
  readonly codes: readonly number[] | null;
  readonly values: readonly T[] | null;
  constructor(encoded: { values: unknown[] } | { dict: unknown[]; codes: number[] }) {
    if ('codes' in encoded) {
      this.dict = encoded.dict as T[];
      this.codes = encoded.codes;
      this.values = null;
    } else {
      this.dict = null;
      this.codes = null;
      this.values = encoded.values as T[];
    }
  }
  at(i: number): T {
    return this.codes ? this.dict![this.codes[i]!]! : this.values![i]!;
  }
  /** The code of a value in the dictionary, or -1. */
  codeOf(value: T): number {
    return this.dict ? this.dict.indexOf(value) : -1;
  }
}

export class ClaimTable {
  readonly rows: number;
  private readonly columns = new Map<string, Column>();
  constructor(encoded: SiteData['table']) {
    this.rows = encoded.rows;
    for (const field of claimsTableFields) {
      let column = encoded.columns[field.name];
      if (!column) throw new DataFileError(`the claims table has no column "${field.name}"`);
      if ('prefixBy' in column) {
        // Claim ids: the source id, "/", the rest.
        const by = encoded.columns[column.prefixBy];
        if (!by || !('codes' in by)) throw new DataFileError(`column "${field.name}" depends on a column that is not there`);
        const rest = new Column<string>(column.rest);
        const values = new Array<string>(this.rows);
        for (let i = 0; i < this.rows; i++) values[i] = `${by.dict[by.codes[i]!] as string}/${rest.at(i)}`;
        column = { values };
      } else if ('by' in column) {
        // Stored once per value of another column: expand to one code per row.
        const by = encoded.columns[column.by];
        if (!by || !('codes' in by) || by.dict.length !== column.byCodes.length) throw new DataFileError(`column "${field.name}" depends on a column that is not there`);
        const codes = new Array<number>(by.codes.length);
        for (let i = 0; i < codes.length; i++) codes[i] = column.byCodes[by.codes[i]!]!;
        column = { dict: column.dict, codes };
      }
      const length = 'codes' in column ? column.codes.length : column.values.length;
      if (length !== this.rows) throw new DataFileError(`column "${field.name}" has ${length} rows, expected ${this.rows}`);
      this.columns.set(field.name, new Column(column));
    }
  }
  col<F extends FieldName>(name: F): Column<ClaimsTableRow[F]> {
    return this.columns.get(name) as Column<ClaimsTableRow[F]>;
  }
  get<F extends FieldName>(i: number, name: F): ClaimsTableRow[F] {
    return this.col(name).at(i);
  }
  /** The whole row `i`, as in the dataset package's `claimsTable`. */
  row(i: number): ClaimsTableRow {
    const row: Record<string, unknown> = {};
    for (const field of claimsTableFields) row[field.name] = this.columns.get(field.name)!.at(i);
    return row as ClaimsTableRow;
  }
}

export class DataFileError extends Error {}

type WithId = { id: string; aliases?: readonly string[] };
function byId<T extends WithId>(records: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const r of records) for (const alias of r.aliases ?? []) map.set(alias, r);
  for (const r of records) map.set(r.id, r);
  return map;
}

/** Every id in a tree (places by `parent`, operations by `parent`) at or below `id`. */
function descendants(records: readonly { id: string; parent?: string }[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of records) if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r.id]);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}

export class Dataset {
  readonly meta: SiteData['meta'];
  readonly metrics: readonly Metric[];
  readonly networks: readonly Network[];
  readonly places: readonly Place[];
  readonly organisations: readonly Organisation[];
  readonly operations: readonly Operation[];
  readonly persons: readonly Person[];
  readonly events: readonly Event[];
  readonly sources: readonly SourceMeta[];
  readonly metricsById: ReadonlyMap<string, Metric>;
  readonly networksById: ReadonlyMap<string, Network>;
  readonly placesById: ReadonlyMap<string, Place>;
  readonly organisationsById: ReadonlyMap<string, Organisation>;
  readonly operationsById: ReadonlyMap<string, Operation>;
  readonly personsById: ReadonlyMap<string, Person>;
  readonly eventsById: ReadonlyMap<string, Event>;
  readonly sourcesById: ReadonlyMap<string, SourceMeta>;
  readonly table: ClaimTable;
  readonly claimExtras: SiteData['claimExtras'];
  readonly headlines: SiteData['headlines'];
  /** Headlines of a place above those of a place containing it (`src/parts.ts`). */
  readonly partsAboveWholes: readonly EncodedPartAboveWhole[];
  private readonly reviews: readonly Review[];
  /** Series points (see `SiteData.series`). */
  readonly points: {
    readonly count: number;
    readonly seriesIds: readonly string[];
    readonly periods: readonly string[];
    readonly series: readonly number[];
    readonly period: readonly number[];
    readonly start: readonly number[];
    readonly candidates: readonly number[];
    readonly decidedBy: readonly number[];
    /** 1 for points in conflict. */
    readonly conflict: Uint8Array;
    /** The point of each row, or -1 (claims that take no part in series). */
    readonly ofRow: Int32Array;
    /** The first point of each series (points of a series are contiguous); one extra entry at the end. */
    readonly seriesStart: readonly number[];
  };
  private claimIndexCache: Map<string, number> | null = null;
  private rowsBySourceCache: Map<number, number[]> | null = null;

  constructor(data: SiteData) {
    this.meta = data.meta;
    const c = data.collections;
    this.metrics = c.metrics;
    this.networks = c.networks;
    this.places = c.places;
    this.organisations = c.organisations;
    this.operations = c.operations;
    this.persons = c.persons;
    this.events = c.events;
    this.sources = c.sources;
    this.metricsById = byId(c.metrics);
    this.networksById = byId(c.networks);
    this.placesById = byId(c.places);
    this.organisationsById = byId(c.organisations);
    this.operationsById = byId(c.operations);
    this.personsById = byId(c.persons);
    this.eventsById = byId(c.events);
    this.sourcesById = byId(c.sources);
    this.table = new ClaimTable(data.table);
    this.claimExtras = data.claimExtras;
    this.headlines = data.headlines;
    this.partsAboveWholes = data.partsAboveWholes ?? [];
    this.reviews = data.reviews ?? [];

    const s = data.series;
    const count = s.series.length;
    if (s.period.length !== count || s.start.length !== count + 1 || s.decidedBy.length !== count)
      throw new DataFileError('the series points are inconsistent');
    const conflict = new Uint8Array(count);
    for (const p of s.conflicts) conflict[p] = 1;
    const ofRow = new Int32Array(this.table.rows).fill(-1);
    for (let p = 0; p < count; p++) for (let k = s.start[p]!; k < s.start[p + 1]!; k++) ofRow[s.candidates[k]!] = p;
    const seriesStart: number[] = [];
    for (let p = 0; p < count; p++) if (p === 0 || s.series[p] !== s.series[p - 1]) seriesStart[s.series[p]!] = p;
    seriesStart.push(count);
    this.points = {
      count,
      seriesIds: s.ids,
      periods: s.periods,
      series: s.series,
      period: s.period,
      start: s.start,
      candidates: s.candidates,
      decidedBy: s.decidedBy,
      conflict,
      ofRow,
      seriesStart,
    };
  }

  /** The candidates of point `p` (row indices), best first. */
  candidatesOf(p: number): number[] {
    return this.points.candidates.slice(this.points.start[p], this.points.start[p + 1]);
  }
  bestOf(p: number): number {
    return this.points.candidates[this.points.start[p]!]!;
  }
  decidedByOf(p: number): (typeof DECIDED_BY)[number] {
    return DECIDED_BY[this.points.decidedBy[p]!] ?? 'single';
  }
  /** The points of series `s`, in period order. */
  pointsOfSeries(s: number): number[] {
    const out: number[] = [];
    for (let p = this.points.seriesStart[s]!; p < this.points.count && this.points.series[p] === s; p++) out.push(p);
    return out;
  }

  /** The second reading of the claim of row `i` (`claim.review`), or null when it has none yet. */
  reviewOf(i: number): Review | null {
    const code = this.claimExtras[String(i)]?.review;
    return code === undefined ? null : (this.reviews[code] ?? null);
  }

  /** The row of a claim id (or one of its aliases), or -1. */
  claimIndex(id: string): number {
    if (!this.claimIndexCache) {
      const map = new Map<string, number>();
      const ids = this.table.col('claim_id');
      for (const [i, extra] of Object.entries(this.claimExtras)) for (const alias of extra.aliases ?? []) map.set(alias, Number(i));
      for (let i = 0; i < this.table.rows; i++) map.set(ids.at(i), i);
      this.claimIndexCache = map;
    }
    return this.claimIndexCache.get(id) ?? -1;
  }

  /** The rows of a source, in table order. */
  rowsOfSource(sourceId: string): number[] {
    const column = this.table.col('source_id');
    if (!this.rowsBySourceCache) {
      const map = new Map<number, number[]>();
      for (let i = 0; i < this.table.rows; i++) {
        const code = column.codes ? column.codes[i]! : i;
        const list = map.get(code);
        if (list) list.push(i);
        else map.set(code, [i]);
      }
      this.rowsBySourceCache = map;
    }
    if (column.codes) return this.rowsBySourceCache.get(column.codeOf(sourceId)) ?? [];
    const out: number[] = [];
    for (let i = 0; i < this.table.rows; i++) if (column.at(i) === sourceId) out.push(i);
    return out;
  }

  /** The place and every place inside it. */
  placeAndInside(id: string): Set<string> {
    return descendants(this.places, id);
  }
  /** The operation and its sub-operations. */
  operationAndParts(id: string): Set<string> {
    return descendants(this.operations, id);
  }

  placeName(id: string | null): string {
    return id ? (this.placesById.get(id)?.name ?? id) : '';
  }
  organisationName(id: string | null): string {
    if (!id) return '';
    const o = this.organisationsById.get(id);
    return o ? (o.short_name ? `${o.name} (${o.short_name})` : o.name) : id;
  }
  operationName(id: string | null): string {
    return id ? (this.operationsById.get(id)?.name ?? id) : '';
  }
  networkName(id: string): string {
    return this.networksById.get(id)?.name ?? id;
  }
  metricLabel(id: string): string {
    return this.metricsById.get(id)?.label ?? id;
  }
}

/** Checks the outer shape of the data file (the build wrote it; this catches a wrong or stale file). */
export function openSiteData(json: unknown): Dataset {
  const data = json as Partial<SiteData> | null;
  if (!data || typeof data !== 'object' || data.format !== DATA_FORMAT)
    throw new DataFileError(`data/dataset.json is not a ${DATA_FORMAT} file; rebuild the viewer`);
  if (!data.meta || !data.collections || !data.table || !data.series || !data.headlines) throw new DataFileError('data/dataset.json is incomplete; rebuild the viewer');
  return new Dataset(data as SiteData);
}

/** Fetches and opens the site's data file (same origin, relative to the page). */
export async function loadDataset(url = 'data/dataset.json'): Promise<Dataset> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new DataFileError(`could not load ${url} (HTTP ${response.status})`);
  return openSiteData(await response.json());
}
