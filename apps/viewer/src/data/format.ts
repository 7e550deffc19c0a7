/**
 * The site data file (`data/dataset.json`): what the viewer build writes and the browser reads.
 *
 * It holds the dataset in a compact, lossless columnar form that parses several times faster than
 * the bundle plus a claims table (at 100,000 claims: about 0.25 s instead of 2.5 s to parse and
 * derive): the vocabulary and document collections as they are in the bundle (sources without their
 * claims), the claims table of `@encrochat-ledger/dataset` column by column (low-cardinality columns
 * as a dictionary plus codes), and the series points, conflicts and headlines computed at build time
 * by the dataset package's `buildSeries`, `findConflicts` and `buildLatest` (the one shared
 * implementation).
 *
 * Made to be read fast (measured at 100,000 synthetic claims on a busy 2-core machine): every list
 * of whole numbers (codes, point indices) is packed into a string (`packed.ts`: JSON.parse of the
 * 2.7 million numbers, 9.5 MB of JSON, took 0.3–0.5 s in V8; as strings of digits, about 20 ms);
 * the file is ASCII, every other character written as a `\u` escape (Chromium decoded the 23 MB
 * file in 0.2 s instead of 1.1 s); series ids are left out (2.9 MB: `Dataset.seriesIdOf` makes
 * them). The file went from 23.4 MB to 15.5 MB.
 */
import type { PackedInts } from './packed.js';
import type { Event, HeadlineKind, HeadlineReason, Metric, Network, Operation, Organisation, Person, Place, Review, Source, Withdrawal } from '@encrochat-ledger/dataset';

export const DATA_FORMAT = 'encrochat-ledger-viewer/3';

/**
 * A column of the claims table: plain values; a dictionary of distinct values and one code per row;
 * or, for a column that depends on another (a source's title on `source_id`), a dictionary and one
 * code per code of that other column. Codes are packed (`packed.ts`).
 */
export type EncodedColumn =
  | { values: unknown[] }
  | { dict: unknown[]; codes: PackedInts }
  | { dict: unknown[]; by: string; byCodes: PackedInts }
  /** Claim ids: the value of `prefixBy` (the source id), "/", then the rest, itself encoded. */
  | { prefixBy: string; rest: { values: unknown[] } | { dict: unknown[]; codes: PackedInts } };

/** A source without its claims (they are in the table), with the number of claims it states. */
export type SourceMeta = Omit<Source, 'claims'> & { claim_count: number };

/** A file of the exporter's output, copied into the site under `downloads/`. */
export interface DownloadFile {
  /** File name inside `downloads/`. */
  name: string;
  bytes: number;
  /** Rows of a table file, from the exporter's `datapackage.json` (`encrochat:rows`), when it gives them. */
  rows?: number;
}

/** The project's addresses, from the dataset package's `package.json` (`repository`, `bugs`). */
export interface ProjectLinks {
  repository: string;
  issues: string;
}

/** The figure to quote first of one headline metric for one place (see `headline.ts` and the dataset's `latest.ts`). */
export interface EncodedHeadline {
  metric: string;
  place: string;
  /** Index of the series point of the headline figure (into `series.point*`): its best claim. */
  point: number;
  /** `headline_kind` and `headline_reason` of the dataset's latest table. */
  kind: HeadlineKind;
  reason: HeadlineReason;
  /** Index of the point of the latest official figure, or -1 when there is none. */
  official: number;
  /** Index of the point of the latest figure of any source. */
  latest: number;
  /** Rows of the claims of the headline's date whose bounds exclude the headline figure. */
  disagreeing: number[];
  /** For a total: the breakdowns with a later headline (their values, the latest date), or null. */
  newerBreakdowns: { values: string[]; asOf: string } | null;
  /** Distinct sources among the claims of the headline's point. */
  sources: number;
  /** Series points the choice was made from (figures of this metric and place at any date). */
  points: number;
}

export interface SiteData {
  format: typeof DATA_FORMAT;
  meta: {
    name: string;
    version: string;
    schema_version: string;
    claims: number;
    /** The exporter's files copied into `downloads/` (empty when there were none). */
    downloads: DownloadFile[];
    /** Path of the changelog inside the site, or null when the dataset package has none yet. */
    changelog: string | null;
    /** The dataset bundle (the package's `data.json`) copied into the site: its path, size and records. */
    bundle?: { path: string; bytes: number; sources: number };
    /** Sizes of the CSV and the JSON of every claim, as the page makes them. */
    allClaims?: { csvBytes: number; jsonBytes: number };
    /** Where the project lives, or null when its package.json does not say. */
    links?: ProjectLinks | null;
  };
  collections: {
    metrics: Metric[];
    networks: Network[];
    places: Place[];
    organisations: Organisation[];
    operations: Operation[];
    persons: Person[];
    events: Event[];
    sources: SourceMeta[];
  };
  /** Claim fields the table does not carry, for the few claims that have them (by row index). */
  claimExtras: Record<string, { withdrawn?: Withdrawal; aliases?: string[]; /** Index into `reviews`. */ review?: number }>;
  /** The distinct second readings (`claim.review`) of the claims, referred to by `claimExtras[i].review`. */
  reviews?: Review[];
  /** The claims table (`claimsTable` of the dataset package), in its row order (by claim id). */
  table: { rows: number; columns: Record<string, EncodedColumn> };
  /**
   * Series points in `buildSeries` order (by series id, then period). Point `p` belongs to the
   * `series[p]`th series, has period `periods[period[p]]`, and its candidates (best first) are the
   * rows `candidates[start[p]] … candidates[start[p + 1] - 1]`; `decidedBy[p]` indexes `DECIDED_BY`.
   * Every list of numbers is packed. The series ids are not stored (2.9 MB of the file at 100,000
   * claims): the dataset package's `seriesId` gives each from any claim of its series.
   */
  series: {
    periods: string[];
    series: PackedInts;
    period: PackedInts;
    start: PackedInts;
    candidates: PackedInts;
    decidedBy: PackedInts;
    /** Indices of the points whose claims conflict (`findConflicts`). */
    conflicts: PackedInts;
  };
  headlines: EncodedHeadline[];
  /**
   * Headlines of a place above the headline of a place containing it (`src/parts.ts`): the `k`th is
   * `{ part: part[k], whole: whole[k], levels: levels[k] }` (see `EncodedPartAboveWhole`), packed.
   */
  partsAboveWholes: { part: PackedInts; whole: PackedInts; levels: PackedInts };
}

/** A part's headline above its whole's (see `src/parts.ts`). */
export interface EncodedPartAboveWhole {
  /** Series point of the part's headline (its best claim is the headline). */
  part: number;
  /** Series point of the whole's headline. */
  whole: number;
  /** Levels up from the part's place to the whole's (1: its parent). */
  levels: number;
}

/** `decided_by` values, in the order of their codes. */
export const DECIDED_BY = ['single', 'reliability', 'as_of_basis', 'precision', 'publication', 'claim_id'] as const;
