/**
 * The figures of a whole bundle, kept for the series, conflicts and latest tables: as plain objects,
 * or, where memory is short (a Parquet export, see tables.ts), as compact ones.
 *
 * A figure is the columns of a claims-table row that those tables read (`LatestFigureRow`). Most of
 * them repeat: every claim of a source has its source's id, reliability and publication day; every
 * claim of a series has its scope (metric, breakdown, unit, place, operation, organisations,
 * networks); the same few hundred dates recur. A `Figure` holds its own columns (claim id, value,
 * bounds, qualifier, attribution) and one shared object for each of the three repeated parts, which
 * it reads through getters: 9 fields instead of 22. Measured at 1,000,000 claims: the heap after the
 * pass over the claims went from 303 to 235 MB.
 */
import type { ClaimsTableRow, LatestFigureRow, SeriesScope } from '@encrochat-ledger/dataset';
import { Interner } from './interner.js';

/** The columns every claim of one source repeats. */
type SourcePart = Pick<
  LatestFigureRow,
  'source_id' | 'source_reliability' | 'source_published_start'
>;
/** The columns of a date and how it was set. */
type DatePart = Pick<LatestFigureRow, 'as_of' | 'as_of_start' | 'as_of_end' | 'as_of_basis'>;
/** The columns of a series' scope (the dataset package's one list of them). */
type ScopePart = SeriesScope;

/** A figure: its own columns, and the shared parts (see the module comment). Read-only. */
class Figure implements LatestFigureRow {
  constructor(
    readonly claim_id: string,
    readonly value: number | null,
    readonly min: number | null,
    readonly max: number | null,
    readonly qualifier: string,
    readonly attributed_organisation: string | null,
    private readonly source: SourcePart,
    private readonly date: DatePart,
    private readonly scope: ScopePart,
  ) {}

  get source_id() {
    return this.source.source_id;
  }
  get source_reliability() {
    return this.source.source_reliability;
  }
  get source_published_start() {
    return this.source.source_published_start;
  }
  get as_of() {
    return this.date.as_of;
  }
  get as_of_start() {
    return this.date.as_of_start;
  }
  get as_of_end() {
    return this.date.as_of_end;
  }
  get as_of_basis() {
    return this.date.as_of_basis;
  }
  get metric() {
    return this.scope.metric;
  }
  get breakdown_key() {
    return this.scope.breakdown_key;
  }
  get breakdown_value() {
    return this.scope.breakdown_value;
  }
  get unit() {
    return this.scope.unit;
  }
  get place() {
    return this.scope.place;
  }
  get operation() {
    return this.scope.operation;
  }
  get organisations() {
    return this.scope.organisations;
  }
  get networks() {
    return this.scope.networks;
  }
  /** Withdrawn claims are no figures (see `isFigure`). */
  get withdrawn() {
    return false;
  }
}

/**
 * Makes the figures of the rows of one pass, sharing equal strings among them; `compact` figures
 * also share their repeated parts (see the module comment), at a cost in time (measured in
 * tables.ts, `buildTables`). Only rows that are figures (`isFigure`: not withdrawn) may be given.
 */
export class FigureMaker {
  constructor(private readonly compact: boolean) {}

  private readonly shared = new Interner();
  /** The source part of the last row: a source's claims come together. */
  private source: SourcePart | null = null;
  private readonly dates = new Map<string, DatePart>();
  private readonly scopes = new Map<string, ScopePart>();

  /** The figure of `row`, a row that takes part in series (`isFigure(row)`). */
  figureOf(row: ClaimsTableRow): LatestFigureRow {
    if (row.withdrawn) throw new Error(`claim ${row.claim_id} is withdrawn: not a figure`);
    if (!this.compact) return this.plainFigureOf(row);
    return new Figure(
      row.claim_id,
      row.value,
      row.min,
      row.max,
      this.shared.string(row.qualifier),
      this.shared.string(row.attributed_organisation),
      this.sourcePart(row),
      this.datePart(row),
      this.scopePart(row),
    );
  }

  /** A plain object of the figure's columns, with shared strings and lists. */
  private plainFigureOf(row: ClaimsTableRow): LatestFigureRow {
    const shared = this.shared;
    return {
      claim_id: row.claim_id,
      source_id: row.source_id,
      metric: shared.string(row.metric),
      breakdown_key: shared.string(row.breakdown_key),
      breakdown_value: shared.string(row.breakdown_value),
      unit: shared.string(row.unit),
      place: shared.string(row.place),
      operation: shared.string(row.operation),
      organisations: shared.list(row.organisations),
      networks: shared.list(row.networks),
      value: row.value,
      min: row.min,
      max: row.max,
      qualifier: shared.string(row.qualifier),
      as_of: shared.string(row.as_of),
      as_of_start: row.as_of_start,
      as_of_end: row.as_of_end,
      as_of_basis: shared.string(row.as_of_basis),
      source_reliability: shared.string(row.source_reliability),
      source_published_start: row.source_published_start,
      withdrawn: false,
      attributed_organisation: shared.string(row.attributed_organisation),
    };
  }

  private sourcePart(row: ClaimsTableRow): SourcePart {
    const last = this.source;
    if (
      last &&
      last.source_id === row.source_id &&
      last.source_reliability === row.source_reliability &&
      last.source_published_start === row.source_published_start
    )
      return last;
    return (this.source = {
      source_id: row.source_id,
      source_reliability: this.shared.string(row.source_reliability),
      source_published_start: this.shared.string(row.source_published_start),
    });
  }

  private datePart(row: ClaimsTableRow): DatePart {
    const key = this.shared.key([row.as_of, row.as_of_start, row.as_of_end, row.as_of_basis]);
    let part = this.dates.get(key);
    if (!part)
      this.dates.set(
        key,
        (part = {
          as_of: this.shared.string(row.as_of),
          as_of_start: this.shared.string(row.as_of_start),
          as_of_end: this.shared.string(row.as_of_end),
          as_of_basis: this.shared.string(row.as_of_basis),
        }),
      );
    return part;
  }

  private scopePart(row: ClaimsTableRow): ScopePart {
    const organisations = this.shared.list(row.organisations);
    const networks = this.shared.list(row.networks);
    const key = this.shared.key([
      row.metric,
      row.breakdown_key,
      row.breakdown_value,
      row.unit,
      row.place,
      row.operation,
      organisations,
      networks,
    ]);
    let part = this.scopes.get(key);
    if (!part)
      this.scopes.set(
        key,
        (part = {
          metric: this.shared.string(row.metric),
          breakdown_key: this.shared.string(row.breakdown_key),
          breakdown_value: this.shared.string(row.breakdown_value),
          unit: this.shared.string(row.unit),
          place: this.shared.string(row.place),
          operation: this.shared.string(row.operation),
          organisations,
          networks,
        }),
      );
    return part;
  }
}
