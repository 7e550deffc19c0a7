/**
 * One pass over the claims-table rows kept by the filters. Whoever iterates `rows()` to the end (the
 * writer of the `claims` table, normally) also collects what the other tables need: the sources,
 * the rows that take part in series (only their figure columns, not the quotes and labels), the
 * row count and the latest dates for the README. `scan()` runs a pass of its own when none has run.
 */
import { isFigure, type ClaimsTableRow, type FigureRow } from '@encrochat-ledger/dataset';
import { ClaimsOrderRestart, type LoadedDataset, type SourceSummary } from './dataset-source.js';

export interface ClaimsScan {
  /** Rows kept by the filters. */
  count: number;
  /** The kept rows that take part in series and conflicts, reduced to their figure columns. */
  figures: FigureRow[];
  /** Every source of the dataset (in bundle order). */
  sources: SourceSummary[];
  /** Latest `as_of_end` and `source_published_start` of the kept rows. */
  asOfThrough: string | null;
  publishedThrough: string | null;
}

/** The columns of a row that the series and conflicts read. */
export const figureOf = (r: ClaimsTableRow): FigureRow => ({
  claim_id: r.claim_id,
  source_id: r.source_id,
  metric: r.metric,
  breakdown_key: r.breakdown_key,
  breakdown_value: r.breakdown_value,
  unit: r.unit,
  place: r.place,
  operation: r.operation,
  organisations: r.organisations,
  networks: r.networks,
  value: r.value,
  min: r.min,
  max: r.max,
  qualifier: r.qualifier,
  as_of: r.as_of,
  as_of_start: r.as_of_start,
  as_of_end: r.as_of_end,
  as_of_basis: r.as_of_basis,
  source_reliability: r.source_reliability,
  source_published_start: r.source_published_start,
  withdrawn: r.withdrawn,
});

export class ClaimsPass {
  private scanned: ClaimsScan | null = null;

  constructor(
    private readonly data: LoadedDataset,
    private readonly keep: ((row: ClaimsTableRow) => boolean) | null,
  ) {}

  /** The kept rows in claim id order; may throw ClaimsOrderRestart (iterate again then). */
  *rows(): Generator<ClaimsTableRow> {
    const sources: SourceSummary[] = [];
    const figures: FigureRow[] = [];
    let count = 0;
    let asOfThrough: string | null = null;
    let publishedThrough: string | null = null;
    const keep = this.keep;
    for (const row of this.data.claimRows((s) => sources.push(s))) {
      if (keep && !keep(row)) continue;
      count++;
      if (row.as_of_end !== null && (asOfThrough === null || row.as_of_end > asOfThrough)) asOfThrough = row.as_of_end;
      const published = row.source_published_start;
      if (published !== null && (publishedThrough === null || published > publishedThrough)) publishedThrough = published;
      if (isFigure(row)) figures.push(figureOf(row));
      yield row;
    }
    this.scanned = { count, figures, sources, asOfThrough, publishedThrough };
  }

  /** What a complete pass collects; runs one if none has completed. */
  scan(): ClaimsScan {
    for (let attempt = 0; !this.scanned; attempt++) {
      try {
        for (const _ of this.rows());
      } catch (error) {
        if (attempt > 0 || !(error instanceof ClaimsOrderRestart)) throw error;
      }
    }
    return this.scanned;
  }
}
