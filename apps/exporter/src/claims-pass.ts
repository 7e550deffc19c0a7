/**
 * One pass over the claims-table rows kept by the filters. Whoever iterates `rows()` to the end (the
 * writer of the `claims` table, normally) also collects what the other tables need: the sources,
 * the rows that take part in series (only their figure columns, not the quotes and labels), the
 * row count and the latest dates for the README. `scan()` runs a pass of its own when none has run.
 */
import { isFigure, type ClaimsTableRow, type LatestFigureRow } from '@encrochat-ledger/dataset';
import type { LoadedDataset, SourceSummary } from './dataset-source.js';
import { FigureMaker } from './figure.js';

export interface ClaimsScan {
  /** Rows kept by the filters. */
  count: number;
  /** Every source of the dataset (in bundle order). */
  sources: SourceSummary[];
  /** Latest `as_of_end` and `source_published_start` of the kept rows. */
  asOfThrough: string | null;
  publishedThrough: string | null;
}

export class ClaimsPass {
  private scanned: ClaimsScan | null = null;
  /** The figures of the last complete pass, until taken. */
  private figures: LatestFigureRow[] | null = null;

  /**
   * `collectFigures`: false when the series are derived elsewhere (the figures are then not kept);
   * `compactFigures`: whether the figures kept are compact (see figure.ts).
   */
  constructor(
    private readonly data: LoadedDataset,
    private readonly keep: ((row: ClaimsTableRow) => boolean) | null,
    private readonly collectFigures = true,
    private readonly compactFigures = false,
  ) {}

  /** The kept rows in claim id order; may throw ClaimsOrderRestart (iterate again then). */
  rows(): Generator<ClaimsTableRow> {
    return this.pass(true);
  }

  /** A pass over the kept rows, in claim id order or in bundle order; collects what scan() and takeFigures() return. */
  private *pass(ordered: boolean): Generator<ClaimsTableRow> {
    const sources: SourceSummary[] = [];
    const figures: LatestFigureRow[] = [];
    let count = 0;
    let asOfThrough: string | null = null;
    let publishedThrough: string | null = null;
    const keep = this.keep;
    const figureMaker = new FigureMaker(this.compactFigures);
    const collect = this.collectFigures;
    const onSource = (s: SourceSummary) => void sources.push(s);
    for (const row of ordered
      ? this.data.claimRows(onSource)
      : this.data.claimRowsUnordered(onSource)) {
      if (keep && !keep(row)) continue;
      count++;
      if (row.as_of_end !== null && (asOfThrough === null || row.as_of_end > asOfThrough))
        asOfThrough = row.as_of_end;
      const published = row.source_published_start;
      if (published !== null && (publishedThrough === null || published > publishedThrough))
        publishedThrough = published;
      if (collect && isFigure(row)) figures.push(figureMaker.figureOf(row));
      yield row;
    }
    this.scanned = { count, sources, asOfThrough, publishedThrough };
    this.figures = figures;
  }

  /** What a complete pass collects; runs one if none has completed. */
  scan(): ClaimsScan {
    if (!this.scanned) this.complete();
    return this.scanned!;
  }

  /**
   * The kept rows that take part in series and conflicts, reduced to their figure columns (see
   * figure.ts), from a complete pass (run if needed). Handed over: the pass keeps no reference, so
   * they are freed with the caller's results; a second call runs a pass again.
   */
  takeFigures(): LatestFigureRow[] {
    if (!this.collectFigures) throw new Error('this pass does not collect the figures');
    if (!this.figures) this.complete();
    const figures = this.figures!;
    this.figures = null;
    return figures;
  }

  /** Runs a complete pass (in bundle order: what it collects does not depend on the order). */
  private complete(): void {
    for (const _ of this.pass(false));
  }
}
