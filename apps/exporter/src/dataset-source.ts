/**
 * Where the data comes from: the installed @encrochat-ledger/dataset (default), or a bundle
 * `data.json` given with --dataset (a fork, or synthetic data), whose claims table is then built
 * with the dataset package's own row derivation (`claimsTableRow`, the one behind
 * `buildClaimsTable`) and dates computed like the dataset build.
 *
 * A --dataset file is streamed, never held whole: its small collections are read first, then its
 * sources one at a time, each turned into claims-table rows and merged into claim id order (see
 * `streamClaimRows`), so that a bundle of a million claims is exported in bounded memory.
 */
import fs from 'node:fs';
import {
  claimsTable,
  claimsTableContext,
  claimsTableRow,
  compareClaimsTableRows,
  dataset,
  type ClaimsTableContext,
  type ClaimsTableRow,
  type DatasetBundle,
  type Source,
} from '@encrochat-ledger/dataset';
import { openBundle } from './bundle-file.js';
import { dayBoundsLookup, type DayBounds } from './dates.js';
import { UsageError } from './errors.js';

/** The bundle without its sources: the vocabulary collections, persons and events (small). */
export type BundleHead = Omit<DatasetBundle, 'sources'>;

/** A source without its claims, with their number. */
export type SourceSummary = Omit<Source, 'claims'> & { claimCount: number };

export interface LoadedDataset {
  /** The bundle without its sources. */
  head: BundleHead;
  /**
   * The claims-table rows, sorted by claim id, streamed; `onSource` gets every source (in bundle
   * order) during the iteration. May throw `ClaimsOrderRestart` (see there): iterate again then.
   */
  claimRows(onSource?: (source: SourceSummary) => void): Iterable<ClaimsTableRow>;
  /** The same rows in bundle order (cheaper: no merging; for passes that do not need the order). */
  claimRowsUnordered(onSource?: (source: SourceSummary) => void): Iterable<ClaimsTableRow>;
  /** Day bounds of any EDTF date of the bundle. */
  dayBounds: (value: string | null | undefined) => DayBounds;
  /** `@encrochat-ledger/dataset` or the --dataset file. */
  origin: string;
  /** The whole bundle. For a --dataset file it is read whole on first use (the export does not use it). */
  readonly bundle: DatasetBundle;
  /** The tidy claims table, sorted by claim id. For a --dataset file it is built in memory on first use (the export streams it). */
  readonly claimsTable: readonly ClaimsTableRow[];
}

/**
 * Thrown by `claimRows()` of a --dataset file whose sources turn out not to be in an order that can
 * be merged on the fly (see `streamClaimRows`). The rows yielded so far are void: start again; the
 * next iteration sorts the whole table in memory.
 */
export class ClaimsOrderRestart extends Error {
  constructor() {
    super('the claims of the bundle are not in source order; sorting them in memory');
  }
}

/**
 * The summary of a source: its fields but its claims, and their number. Copied field by field: an
 * object spread gave every summary a hidden class of its own (about 370 bytes more per source, 18 MB
 * at 1,000,000 claims, kept for the sources table).
 */
function summary(source: Source): SourceSummary {
  const out: Record<string, unknown> = {};
  for (const key in source) if (key !== 'claims') out[key] = source[key as keyof Source];
  out.claimCount = source.claims.length;
  return out as SourceSummary;
}

/** The dataset installed with the exporter. */
export function packagedDataset(): LoadedDataset {
  const { sources, ...head } = dataset;
  return {
    head,
    claimRows(onSource) {
      if (onSource) for (const s of sources) onSource(summary(s));
      return claimsTable;
    },
    claimRowsUnordered(onSource) {
      return this.claimRows(onSource);
    },
    dayBounds: dayBoundsLookup(
      (value) =>
        new Error(
          `@encrochat-ledger/dataset holds an invalid EDTF date "${value}"; reinstall or rebuild it`,
        ),
    ),
    origin: '@encrochat-ledger/dataset',
    bundle: dataset,
    claimsTable,
  };
}

/**
 * Reads a bundle `data.json` (as written by the dataset build into dist/): its head now, its sources
 * when streamed, each value checked the first time it is read (see bundle-file.ts). `check: false`
 * reads a file checked elsewhere (by the export's main thread, for its worker).
 */
export function datasetFromFile(
  file: string,
  { check = true }: { check?: boolean } = {},
): LoadedDataset {
  const { head, sources } = openBundle(file, { check });
  return bundleDataset(head, sources, `--dataset ${file}`, file);
}

/**
 * A bundle's dataset from its head and its sources (`sources()` iterates them from the start each
 * time it is called): the claims-table rows are built with the dataset package's own derivation.
 * `shown` names the input in messages; `origin` is LoadedDataset's.
 */
export function bundleDataset(
  head: BundleHead,
  sources: () => Iterable<Source>,
  shown: string,
  origin: string,
): LoadedDataset {
  const dayBounds = dayBoundsLookup(
    (value) =>
      new UsageError(
        `${shown}: "${value}" is not a valid EDTF date; check the data with encrochat-ledger-validate`,
      ),
  );
  const days = new Map<string, readonly [string | null, string | null]>();
  const context = claimsTableContext(head, (value) => {
    let d = days.get(value);
    if (!d) {
      const { start, end } = dayBounds(value);
      days.set(value, (d = [start, end]));
    }
    return d;
  });

  let sorted: ClaimsTableRow[] | null = null;
  const sortedTable = (onSource?: (s: SourceSummary) => void): ClaimsTableRow[] => {
    if (!sorted) {
      const rows: ClaimsTableRow[] = [];
      for (const source of sources())
        for (const claim of source.claims) rows.push(claimsTableRow(source, claim, context));
      sorted = rows.sort(compareClaimsTableRows);
    } else if (!onSource) return sorted;
    if (onSource) for (const source of sources()) onSource(summary(source));
    return sorted;
  };
  let inMemory = false;
  let whole: DatasetBundle | null = null;

  return {
    head,
    claimRows(onSource) {
      return inMemory
        ? sortedTable(onSource)
        : streamClaimRows(sources(), context, onSource, () => (inMemory = true));
    },
    *claimRowsUnordered(onSource) {
      for (const source of sources()) {
        onSource?.(summary(source));
        for (const claim of source.claims) yield claimsTableRow(source, claim, context);
      }
    },
    dayBounds,
    origin,
    get bundle() {
      if (!whole) whole = { ...head, sources: [...sources()] } as DatasetBundle;
      return whole;
    },
    get claimsTable() {
      return sortedTable();
    },
  };
}

/**
 * The claims-table rows of `sources` in claim id order, merged on the fly. Claim ids are
 * `<source_id>/<slug>`, and the dataset build writes sources sorted by id, so every claim of the
 * sources still to come sorts after the id of the current source: rows already read whose claim id
 * is at most that id can go out; the others wait (usually only the current source's). Rows come out
 * exactly as `buildClaimsTable` orders them (a stable sort by claim id). When the premise fails (a
 * source out of order, or a claim id sorting before its source id), calls `fallBack` and throws
 * ClaimsOrderRestart.
 */
function* streamClaimRows(
  sources: Iterable<Source>,
  context: ClaimsTableContext,
  onSource: ((source: SourceSummary) => void) | undefined,
  fallBack: () => void,
): Generator<ClaimsTableRow> {
  let waiting: ClaimsTableRow[] = [];
  let previous: string | null = null;
  const restart = () => {
    fallBack();
    return new ClaimsOrderRestart();
  };
  for (const source of sources) {
    const id = source.id;
    if (previous !== null && id < previous) throw restart();
    previous = id;
    // Everything waiting up to this source's id sorts before every row still to come.
    let out = 0;
    while (out < waiting.length && waiting[out]!.claim_id <= id) out++;
    for (let k = 0; k < out; k++) yield waiting[k]!;
    if (out) waiting = waiting.slice(out);
    onSource?.(summary(source));
    const claims = source.claims;
    if (!claims.length) continue;
    const rows: ClaimsTableRow[] = new Array(claims.length);
    for (let k = 0; k < claims.length; k++) {
      const row = claimsTableRow(source, claims[k]!, context);
      if (row.claim_id <= id) throw restart();
      rows[k] = row;
    }
    rows.sort(compareClaimsTableRows);
    waiting = waiting.length ? merge(waiting, rows) : rows;
  }
  yield* waiting;
}

/** Merges two lists sorted by claim id; on equal ids `a` (read earlier) comes first, as a stable sort would. */
function merge(a: ClaimsTableRow[], b: ClaimsTableRow[]): ClaimsTableRow[] {
  const out: ClaimsTableRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compareClaimsTableRows(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * What changes when a file is written or replaced (device, inode, size, modification and change
 * times in nanoseconds), or null when there is no such file.
 */
export function fileFingerprint(file: string): string | null {
  try {
    const s = fs.statSync(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch {
    return null;
  }
}
