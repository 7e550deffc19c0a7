/**
 * The dataset in the browser: decodes the site data file (see `format.ts`) and indexes it.
 * Rows of the claims table are read column by column; `row(i)` builds the `ClaimsTableRow` of the
 * dataset package when a whole row is needed (claim page, CSV).
 */
import { claimsTableFields, seriesId, type ClaimsTableRow, type Event, type Metric, type Network, type Operation, type Organisation, type Person, type Place, type Review } from '@encrochat-ledger/dataset';
import { DATA_FORMAT, DECIDED_BY, type EncodedPartAboveWhole, type SiteData, type SourceMeta } from './format.js';
import { PackedIntsError, unpackInts, type PackedInts } from './packed.js';

export type FieldName = (typeof claimsTableFields)[number]['name'];

/**
 * One column: a dictionary with a code per row, or plain values. The codes or values are made from
 * the file on first use: a view reads a few columns (the overview: a few hundred rows of ten), and
 * unpacking or expanding all 37 at 100,000 claims would delay every first view.
 */
export class Column<T = unknown> {
  private made: Int32Array | readonly T[] | null = null;
  private constructor(
    readonly dict: readonly T[] | null,
    private readonly make: () => Int32Array | readonly T[],
    /** The value of one row without making the whole column (for columns derived from others). */
    private readonly valueAt: ((i: number) => T) | null,
  ) {}
  /** A dictionary and the code of each row (made on first use, or read one by one with `codeAt`). */
  static coded<T>(dict: readonly T[], codes: () => Int32Array, codeAt?: (i: number) => number): Column<T> {
    return new Column<T>(dict, codes, codeAt ? (i) => dict[codeAt(i)]! : null);
  }
  /** The value of each row (made on first use, or read one by one with `valueAt`). */
  static plain<T>(values: () => readonly T[], valueAt?: (i: number) => T): Column<T> {
    return new Column<T>(null, values, valueAt ?? null);
  }
  private contents(): Int32Array | readonly T[] {
    return (this.made ??= this.make());
  }
  get codes(): Int32Array | null {
    return this.dict ? (this.contents() as Int32Array) : null;
  }
  get values(): readonly T[] | null {
    return this.dict ? null : (this.contents() as readonly T[]);
  }
  at(i: number): T {
    if (this.made === null && this.valueAt) return this.valueAt(i);
    const contents = this.contents();
    return this.dict ? this.dict[(contents as Int32Array)[i]!]! : (contents as readonly T[])[i]!;
  }
  /** The code of a value in the dictionary, or -1. */
  codeOf(value: T): number {
    return this.dict ? this.dict.indexOf(value) : -1;
  }
}

/** Packed numbers of the data file (`packed.ts`), or a DataFileError naming where they are. */
function unpacked(packed: PackedInts, where: string): Int32Array {
  try {
    return unpackInts(packed);
  } catch (error) {
    if (error instanceof PackedIntsError) throw new DataFileError(`${where}: ${error.message}`);
    throw error;
  }
}

/** A column whose codes are unpacked on first use. */
function packedColumn<T>(dict: readonly T[], packed: PackedInts, where: string): Column<T> {
  return Column.coded(dict, () => unpacked(packed, where));
}

/** How many numbers are packed, without unpacking them (NaN when it is not packed numbers). */
function packedLength(packed: PackedInts | undefined): number {
  return packed && Number.isInteger(packed.width) && packed.width > 0 && packed.width <= 5 && typeof packed.digits === 'string' ? packed.digits.length / packed.width : NaN;
}

export class ClaimTable {
  readonly rows: number;
  private readonly columns = new Map<string, Column>();
  constructor(encoded: SiteData['table']) {
    this.rows = encoded.rows;
    // Lengths are checked now, from the packed sizes; the contents are decoded on first use.
    for (const field of claimsTableFields) {
      const name = field.name;
      const column = encoded.columns[name];
      if (!column) throw new DataFileError(`the claims table has no column "${name}"`);
      let length: number;
      if ('prefixBy' in column) {
        // Claim ids: the source id, "/", the rest.
        const by = encoded.columns[column.prefixBy];
        if (!by || !('codes' in by)) throw new DataFileError(`column "${name}" depends on a column that is not there`);
        const restEncoded = column.rest;
        length = 'codes' in restEncoded ? packedLength(restEncoded.codes) : restEncoded.values.length;
        const rest = 'codes' in restEncoded ? packedColumn(restEncoded.dict, restEncoded.codes, `column "${name}"`) : Column.plain(() => restEncoded.values);
        const id = (i: number) => `${this.columns.get(column.prefixBy)!.at(i) as string}/${rest.at(i) as string}`;
        this.columns.set(
          name,
          Column.plain(() => Array.from({ length: this.rows }, (_, i) => id(i)), id),
        );
      } else if ('by' in column) {
        // Stored once per value of another column: expanded to one code per row.
        const by = encoded.columns[column.by];
        if (!by || !('codes' in by) || by.dict.length !== packedLength(column.byCodes)) throw new DataFileError(`column "${name}" depends on a column that is not there`);
        length = packedLength(by.codes);
        let byCodes: Int32Array | null = null;
        const codeOfBy = (code: number) => (byCodes ??= unpacked(column.byCodes, `column "${name}"`))[code]!;
        this.columns.set(
          name,
          Column.coded(
            column.dict,
            () => {
              const rowCodes = this.columns.get(column.by)!.codes!;
              const codes = new Int32Array(rowCodes.length);
              for (let i = 0; i < codes.length; i++) codes[i] = codeOfBy(rowCodes[i]!);
              return codes;
            },
            (i) => codeOfBy(this.columns.get(column.by)!.codes![i]!),
          ),
        );
      } else if ('codes' in column) {
        length = packedLength(column.codes);
        this.columns.set(name, packedColumn(column.dict, column.codes, `column "${name}"`));
      } else {
        length = column.values.length;
        this.columns.set(name, Column.plain(() => column.values));
      }
      if (length !== this.rows) throw new DataFileError(`column "${name}" has ${length} rows, expected ${this.rows}`);
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
    /** Number of series; a series' id is `seriesIdOf(s)`. */
    readonly seriesCount: number;
    readonly periods: readonly string[];
    readonly series: Int32Array;
    readonly period: Int32Array;
    readonly start: Int32Array;
    readonly candidates: Int32Array;
    readonly decidedBy: Int32Array;
    /** 1 for points in conflict. */
    readonly conflict: Uint8Array;
    /** The point of each row, or -1 (claims that take no part in series). */
    readonly ofRow: Int32Array;
    /** The first point of each series (points of a series are contiguous); one extra entry at the end. */
    readonly seriesStart: readonly number[];
  };
  private claimIndexCache: Map<string, number> | null = null;
  private readonly seriesIdCache = new Map<number, string>();
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
    this.reviews = data.reviews ?? [];
    const parts = data.partsAboveWholes;
    const [part, whole, levels] = [parts.part, parts.whole, parts.levels].map((packed) => unpacked(packed, 'partsAboveWholes')) as [Int32Array, Int32Array, Int32Array];
    if (whole.length !== part.length || levels.length !== part.length) throw new DataFileError('partsAboveWholes: lists of different lengths');
    this.partsAboveWholes = Array.from(part, (p, k) => ({ part: p, whole: whole[k]!, levels: levels[k]! }));

    const packed = data.series;
    const unpack = (name: 'series' | 'period' | 'start' | 'candidates' | 'decidedBy' | 'conflicts') => unpacked(packed[name], `series.${name}`);
    const s = {
      periods: packed.periods,
      series: unpack('series'),
      period: unpack('period'),
      start: unpack('start'),
      candidates: unpack('candidates'),
      decidedBy: unpack('decidedBy'),
      conflicts: unpack('conflicts'),
    };
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
      seriesCount: seriesStart.length - 1,
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
    return Array.from(this.points.candidates.subarray(this.points.start[p], this.points.start[p + 1]));
  }
  bestOf(p: number): number {
    return this.points.candidates[this.points.start[p]!]!;
  }
  decidedByOf(p: number): (typeof DECIDED_BY)[number] {
    return DECIDED_BY[this.points.decidedBy[p]!] ?? 'single';
  }
  /**
   * The id of series `s`: not in the file, but the dataset package's `seriesId` of a claim of the
   * series (the best of its first point), made when a page asks for it.
   */
  seriesIdOf(s: number): string {
    let id = this.seriesIdCache.get(s);
    if (id === undefined) {
      const i = this.bestOf(this.points.seriesStart[s]!);
      const t = this.table;
      id = seriesId({
        metric: t.get(i, 'metric'),
        breakdown_key: t.get(i, 'breakdown_key'),
        breakdown_value: t.get(i, 'breakdown_value'),
        unit: t.get(i, 'unit'),
        place: t.get(i, 'place'),
        operation: t.get(i, 'operation'),
        organisations: t.get(i, 'organisations'),
        networks: t.get(i, 'networks'),
      });
      this.seriesIdCache.set(s, id);
    }
    return id;
  }
  /** The index of the series with this id, or -1. Series are sorted by id (`buildSeries`). */
  seriesIndexOf(id: string): number {
    let lo = 0;
    let hi = this.points.seriesCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const other = this.seriesIdOf(mid);
      if (other === id) return mid;
      if (other < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
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
  if (!data.meta || !data.collections || !data.table || !data.series || !data.headlines || !data.partsAboveWholes) throw new DataFileError('data/dataset.json is incomplete; rebuild the viewer');
  return new Dataset(data as SiteData);
}

/**
 * Fetches and opens the site's data file (same origin, relative to the page; `index.html` preloads
 * it). The bytes are decoded here rather than by `response.json()`: an ASCII file (see `format.ts`)
 * becomes a one-byte string at once, and in Chromium at 100,000 claims this came first 0.4–0.9 s
 * sooner (medians of 7 and 9 alternating loads on a busy machine).
 */
export async function loadDataset(url = 'data/dataset.json'): Promise<Dataset> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new DataFileError(`could not load ${url} (HTTP ${response.status})`);
  const text = new TextDecoder().decode(await response.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataFileError(`${url} is not JSON; rebuild the viewer`);
  }
  return openSiteData(json);
}
