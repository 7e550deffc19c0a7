/**
 * Filtering and sorting the claims table, fast enough for 100,000 claims on every keystroke: filters
 * compare dictionary codes, sort orders are computed once per key (on codes ranked once), and the
 * text search reads a lower-cased, accent-free copy of the quotes built on first use.
 */
import type { ClaimFilters, ClaimSort } from './state.js';
import type { Column, Dataset } from './data/dataset.js';

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Lower case without accents, for search ("Cocaïne" → "cocaine"). */
export function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : text.toLowerCase();
}

/** A rank per dictionary code: the order of the dictionary's values (nulls first). */
function ranks(column: Column<unknown>, compare: (a: string, b: string) => number): Int32Array {
  const dict = column.dict!;
  const idx = dict.map((_, i) => i);
  idx.sort((a, b) => {
    const va = dict[a];
    const vb = dict[b];
    if (va === null || va === undefined) return vb === null || vb === undefined ? 0 : -1;
    if (vb === null || vb === undefined) return 1;
    return compare(String(va), String(vb));
  });
  const rank = new Int32Array(dict.length);
  idx.forEach((code, r) => (rank[code] = r));
  return rank;
}

const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The problems of filters that name things the dataset does not have. */
export function unknownFilterValues(ds: Dataset, f: ClaimFilters): string[] {
  const problems: string[] = [];
  const check = (value: string | undefined, known: boolean, what: string) => {
    if (value !== undefined && !known) problems.push(`There is no ${what} “${value}” in this dataset.`);
  };
  check(f.metric, f.metric === undefined || ds.metricsById.has(f.metric), 'metric');
  check(f.place, f.place === undefined || ds.placesById.has(f.place), 'place');
  check(f.org, f.org === undefined || ds.organisationsById.has(f.org), 'organisation');
  check(f.op, f.op === undefined || ds.operationsById.has(f.op), 'operation');
  check(f.source, f.source === undefined || ds.sourcesById.has(f.source), 'source');
  check(f.kind, f.kind === undefined || ds.sources.some((s) => s.kind === f.kind), 'kind of source');
  return problems;
}

export class ClaimQuery {
  private readonly orders = new Map<ClaimSort, Int32Array>();
  /** Every quote folded, one per row in table order, joined by line breaks; `starts[i]` is where row i begins. */
  private haystack: string | null = null;
  private starts: Int32Array | null = null;
  /** Rows containing each recently searched word (typing "agency s…" reuses "agency"). */
  private readonly wordMasks = new Map<string, Uint8Array>();

  constructor(private readonly ds: Dataset) {}

  /**
   * Rows in ascending order of a sort key; ties by claim id (the table's order). Each row gets one
   * whole-number key (ranks of its values, then its index) and the keys are sorted natively, which
   * at 100,000 rows takes a few milliseconds instead of the ~80 ms of a comparator sort.
   */
  order(sort: ClaimSort): Int32Array {
    let order = this.orders.get(sort);
    if (order) return order;
    const t = this.ds.table;
    const n = t.rows;
    const rankOf = (column: Column<unknown>, compare: (a: string, b: string) => number): { rank: Int32Array; size: number } => {
      const byCode = ranks(column, compare);
      const codes = column.codes!;
      const rank = new Int32Array(n);
      for (let i = 0; i < n; i++) rank[i] = byCode[codes[i]!]!;
      return { rank, size: byCode.length };
    };
    let primary: { rank: Int32Array; size: number };
    let secondary: { rank: Int32Array; size: number } | null = null;
    switch (sort) {
      case 'date':
        primary = rankOf(t.col('as_of_start'), codeUnits);
        secondary = rankOf(t.col('as_of_end'), codeUnits);
        break;
      case 'metric':
        primary = rankOf(t.col('metric_label'), collator.compare);
        secondary = rankOf(t.col('as_of_start'), codeUnits);
        break;
      case 'place':
        primary = rankOf(t.col('place_name'), collator.compare);
        secondary = rankOf(t.col('as_of_start'), codeUnits);
        break;
      case 'source':
        primary = rankOf(t.col('source_title'), collator.compare);
        break;
      case 'value': {
        // Rank of each row's number among the distinct numbers (no number: first).
        const value = t.col('value');
        const min = t.col('min');
        const max = t.col('max');
        const numbers = new Float64Array(n);
        for (let i = 0; i < n; i++) numbers[i] = value.at(i) ?? min.at(i) ?? max.at(i) ?? -Infinity;
        const sorted = numbers.slice().sort();
        const distinct: number[] = [];
        for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct.push(sorted[k]!);
        const rank = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          let lo = 0;
          let hi = distinct.length - 1;
          const x = numbers[i]!;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (distinct[mid]! < x) lo = mid + 1;
            else hi = mid;
          }
          rank[i] = lo;
        }
        primary = { rank, size: distinct.length };
        break;
      }
    }
    const keys = new Float64Array(n);
    const sizeB = secondary ? secondary.size : 1;
    for (let i = 0; i < n; i++) keys[i] = (primary.rank[i]! * sizeB + (secondary ? secondary.rank[i]! : 0)) * n + i;
    keys.sort();
    order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = keys[k]! % n;
    this.orders.set(sort, order);
    return order;
  }

  /** Computes every sort order now (they are otherwise computed on first use). */
  prepareOrders(): void {
    for (const sort of ['date', 'value', 'metric', 'place', 'source'] as const) this.order(sort);
  }

  /** Builds the search text now (it is otherwise built on the first search). */
  prepareSearch(): void {
    if (this.haystack !== null) return;
    const quotes = this.ds.table.col('quote');
    const n = this.ds.table.rows;
    const parts = new Array<string>(n);
    const clean = (q: unknown) => fold(String(q)).replace(/[\r\n]+/g, ' ');
    if (quotes.codes) {
      const folded = quotes.dict!.map(clean);
      for (let i = 0; i < n; i++) parts[i] = folded[quotes.codes[i]!]!;
    } else for (let i = 0; i < n; i++) parts[i] = clean(quotes.values![i]);
    const starts = new Int32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += parts[i]!.length + 1;
    }
    starts[n] = at;
    this.starts = starts;
    this.haystack = parts.join('\n');
  }

  /** Rows whose quote contains every word (already folded). */
  private searchMask(words: readonly string[]): Uint8Array {
    const n = this.ds.table.rows;
    if (words.length === 1) return this.wordMask(words[0]!);
    const mask = this.wordMask(words[0]!).slice();
    for (const word of words.slice(1)) {
      const found = this.wordMask(word);
      for (let i = 0; i < n; i++) mask[i] = mask[i]! & found[i]!;
    }
    return mask;
  }

  /** Rows whose quote contains a word, by one scan of the joined quotes (the last 16 words are kept). */
  private wordMask(word: string): Uint8Array {
    const cached = this.wordMasks.get(word);
    if (cached) return cached;
    this.prepareSearch();
    const hay = this.haystack!;
    const starts = this.starts!;
    const found = new Uint8Array(this.ds.table.rows);
    let pos = hay.indexOf(word);
    let row = 0;
    while (pos !== -1) {
      // The row holding `pos` (rows only move forward: at most n steps over the whole scan).
      while (starts[row + 1]! <= pos) row++;
      found[row] = 1;
      pos = hay.indexOf(word, starts[row + 1]!);
    }
    if (this.wordMasks.size >= 16) this.wordMasks.delete(this.wordMasks.keys().next().value!);
    this.wordMasks.set(word, found);
    return found;
  }


  /** A test per filter; a row matches when it passes them all. */
  private tests(f: ClaimFilters): ((i: number) => boolean)[] {
    const t = this.ds.table;
    const tests: ((i: number) => boolean)[] = [];
    const codeIn = (column: Column<unknown>, accept: (value: unknown) => boolean) => {
      const allowed = new Uint8Array(column.dict!.length);
      column.dict!.forEach((v, code) => (allowed[code] = accept(v) ? 1 : 0));
      const codes = column.codes!;
      return (i: number) => allowed[codes[i]!] === 1;
    };
    if (f.metric) tests.push(codeIn(t.col('metric'), (v) => v === f.metric));
    if (f.place) {
      const places = this.ds.placeAndInside(f.place);
      tests.push(codeIn(t.col('place'), (v) => places.has(v as string)));
    }
    if (f.org) {
      const inScope = codeIn(t.col('organisations'), (v) => Array.isArray(v) && v.includes(f.org));
      const attributed = codeIn(t.col('attributed_organisation'), (v) => v === f.org);
      tests.push((i) => inScope(i) || attributed(i));
    }
    if (f.op) {
      const ops = this.ds.operationAndParts(f.op);
      tests.push(codeIn(t.col('operation'), (v) => v !== null && ops.has(v as string)));
    }
    if (f.source) tests.push(codeIn(t.col('source_id'), (v) => v === f.source));
    if (f.kind) tests.push(codeIn(t.col('source_kind'), (v) => v === f.kind));
    // As the exporter's --since/--until: the period ends on or after `from` (an open end counts as
    // ongoing) and starts on or before `to`.
    if (f.from) {
      const from = f.from;
      const end = codeIn(t.col('as_of_end'), (v) => v !== null && (v as string) >= from);
      const openEnd = codeIn(t.col('as_of_end'), (v) => v === null);
      const known = codeIn(t.col('as_of_start'), (v) => v !== null);
      tests.push((i) => end(i) || (openEnd(i) && known(i)));
    }
    if (f.to) {
      const to = f.to;
      tests.push(codeIn(t.col('as_of_start'), (v) => v !== null && (v as string) <= to));
    }
    const words = f.q ? [...new Set(fold(f.q).split(/\s+/).filter(Boolean))] : [];
    if (words.length) {
      const mask = this.searchMask(words);
      tests.push((i) => mask[i] === 1);
    }
    return tests;
  }

  /** The rows matching the filters, in the requested order (default: latest date first). */
  run(f: ClaimFilters): Int32Array {
    const sort = f.sort ?? 'date';
    const desc = (f.dir ?? (sort === 'date' || sort === 'value' ? 'desc' : 'asc')) === 'desc';
    const order = this.order(sort);
    const tests = this.tests(f);
    const n = order.length;
    const out = new Int32Array(n);
    let k = 0;
    const pass = (i: number) => {
      for (let j = 0; j < tests.length; j++) if (!tests[j]!(i)) return false;
      return true;
    };
    if (desc) {
      for (let j = n - 1; j >= 0; j--) {
        const i = order[j]!;
        if (pass(i)) out[k++] = i;
      }
    } else
      for (let j = 0; j < n; j++) {
        const i = order[j]!;
        if (pass(i)) out[k++] = i;
      }
    return out.subarray(0, k);
  }
}

/** The default direction of a sort key. */
export const defaultDir = (sort: ClaimSort): 'asc' | 'desc' => (sort === 'date' || sort === 'value' ? 'desc' : 'asc');
