import type { ClaimsTableRow } from './claims-table.js';
import { conflictOf, intersectIntervals, valueInterval, type ValueInterval } from './conflicts.js';
import {
  compareCodeUnits,
  seriesId,
  type FigureRow,
  type SeriesPoint,
  type SeriesScope,
} from './series.js';
import { tableSchemaOf, type TableField, type TableRow } from './table-schema.js';

/**
 * Latest: for every series, the figure we put first.
 *
 * The one implementation shared by the dataset's `latestTable` (`latest.json`), the exporter (the
 * `latest` table) and the viewer's overview: what Our World in Data calls the "latest values" file.
 * Pure functions over series points (see `series.ts`): no Node APIs, no dependencies.
 *
 * ## What a row says
 *
 * One row per series (the series key of `series.ts`), with three figures, each the best figure of
 * its date by the series rule (this rule only chooses between dates, never within one):
 *
 * - the **headline**, the figure to quote first, with `headline_kind` and `headline_reason`;
 * - the **latest official figure**: the latest from an official, official-copy or legal source;
 * - the **latest figure** of any source: the best figure of the series' latest date, whether or not
 *   it is the headline (`headline_reason` says why not);
 *
 * then the disagreement at the headline's date and, for a total, the newer breakdowns.
 *
 * ## The headline (the rule)
 *
 * 1. **Dates in order**: a series' dates are ordered by their last day, then their first day (an
 *    open end, `2020-10/..`, counts as its first day, the only day it names). A running total is as
 *    recent as the last day it may count; of two dates ending on one day, the shorter is the sharper.
 * 2. **Official first**: the headline starts as the latest official figure: the best figure of the
 *    latest date whose best figure comes from an official, official-copy or legal source. The
 *    authority's own count, its verbatim copy or a court's finding is what the press relays; it is
 *    put second only when a later figure says something it does not (criterion 8).
 * 3. **Later means after**: a figure is later than the headline only when its first day comes after
 *    the headline's last day. A date that overlaps the headline's ("June 2023" around a release of
 *    27 June, a whole year) may refer to the same day or an earlier one: it does not displace it.
 * 4. **A restatement says nothing new**: a later figure whose interval (`valueInterval` of
 *    `conflicts.ts`) contains the headline's, or that of another claim of the headline's date, does
 *    not displace it: "more than 6,500" after 6,558 is true because of 6,558. Relays round and bound
 *    the figures they repeat, the release's and those its first reports gave.
 * 5. **A publication day is not a count's date**: a later figure dated only by its publication
 *    (`as_of_basis` publication or estimated) whose interval overlaps the headline's, or that of
 *    another claim of the headline's date, does not displace it. An article may repeat an older
 *    figure on the day it is printed, as it was reported on the headline's date ("more than 6,600" a
 *    day after a release reported as 6,658 by another outlet); when they agree, nothing shows that
 *    the count moved.
 * 6. **A relay is not a new count**: a later figure dated only by its publication and attributed to
 *    the organisation the headline figure is attributed to does not displace it, even when it
 *    disagrees: it relays that organisation's count, rounded or copied ("detener a 6.500" in
 *    November, attributed to Europol, after Europol's 6,558 of 27 June). A new count of the
 *    organisation comes with a release or a stated date of its own.
 * 7. **A garbled copy does not overrule**: a later figure of a low-reliability source does not
 *    displace the figure of a more reliable one. `low` is for aggregators and garbled copies (see
 *    `series.ts`): when one disagrees with a release, the copying is the likelier error (funds
 *    "topping €1B" three days after Europol's "close to EUR 900 million").
 * 8. **Anything else later displaces**: a later figure that disagrees with the headline (no figure
 *    satisfies both: `disagrees`), or one with a stated date whose bounds narrow the headline's
 *    (`narrows`: "more than 6,600" stated for 10 July after "more than 6,500"), becomes the headline,
 *    and the dates after it are compared with it in turn. A new count or a correction must not hide
 *    behind an older official figure; the official figure keeps its own columns, to be shown beside.
 * 9. **No official figure**: the headline starts as the best figure of the series' first date, and
 *    criteria 3 to 8 apply the same way: the best non-official figure is the latest that says
 *    something new.
 *
 * `headline_kind`: `official` (criterion 2, nothing displaced it), `newer-non-official` (criterion 8
 * displaced the official figure), `non-official-only` (criterion 9). `headline_reason`: for
 * `newer-non-official`, how it displaced the figure before it (`disagrees`, `narrows`); otherwise
 * how the latest figure relates to the headline: `latest` (it is the headline), `not-later` (3),
 * `restates` (4), `agrees-publication-dated` (5), `relays` (6), `low-reliability` (7).
 *
 * ## Disagreement at the headline's date
 *
 * `in_conflict`: the claims of the headline's date cannot all be true (`conflictOf`, `conflicts.ts`).
 * `disagreeing_claim_ids`: the claims of that date whose interval excludes the headline's (no figure
 * satisfies both); `disagreeing_claims` counts them. A headline that is a bound ("more than 6,500")
 * may agree with two claims that disagree with each other: `in_conflict` without disagreeing claims.
 *
 * ## Newer breakdowns
 *
 * For a total (no breakdown), `newer_breakdowns` counts the breakdown series of the same metric, unit
 * and scope (drugs by type) whose headline is later (criterion 3) than the total's headline;
 * `newer_breakdowns_as_of` is the `as_of` of the latest of those headlines, `newer_breakdown_values`
 * their breakdown values. When the newest figures are only by type, the row says so, rather than an
 * older total passing for the current one. Empty for breakdown series.
 */

/** Source reliabilities whose figures count as official (criterion 2). */
export const OFFICIAL_RELIABILITIES: readonly string[] = ['official', 'official-copy', 'legal'];

/** The reliability of aggregators and garbled copies, which never displace a more reliable figure (criterion 7). */
export const LOW_RELIABILITY = 'low';

/** Ways of setting `as_of` that date a figure only by its publication (criterion 5). */
export const PUBLICATION_DATED_BASES: readonly string[] = ['publication', 'estimated'];

/** Which figure the headline is: see the module comment. */
export const HEADLINE_KINDS = ['official', 'newer-non-official', 'non-official-only'] as const;
export type HeadlineKind = (typeof HEADLINE_KINDS)[number];

/** Why the headline is what it is: see the module comment. */
export const HEADLINE_REASONS = [
  'latest',
  'not-later',
  'restates',
  'agrees-publication-dated',
  'relays',
  'low-reliability',
  'disagrees',
  'narrows',
] as const;
export type HeadlineReason = (typeof HEADLINE_REASONS)[number];

/** The columns of one figure of a row (`headline_`, `official_`, `latest_`), described for `what`. */
const figureFieldDescriptions = (what: string) => ({
  claim_id: `Id of the claim of ${what}.`,
  source_id: 'Its source.',
  source_reliability: 'Reliability of its source: official, official-copy, legal, press or low.',
  value: 'The figure, in base units of `unit`; empty for a range.',
  min: 'Lower bound implied by the qualifier (exclusive for more_than); empty when none.',
  max: 'Upper bound implied by the qualifier (exclusive for nearly); empty when none.',
  qualifier:
    'How the source words the figure: exact, approximate, more_than, at_least, nearly, up_to, range.',
  as_of: 'The as_of of the claim, as the source gives it (EDTF).',
  as_of_basis: 'How as_of was set: stated, publication or estimated.',
  date_start: 'First day of the date of the figure.',
  date_end: 'Last day of the date of the figure; empty for an open end.',
});
const headline = figureFieldDescriptions('the headline: the figure to quote first');
const official = figureFieldDescriptions(
  'the latest official figure (official, official-copy or legal source); empty when there is none',
);
const latest = figureFieldDescriptions(
  'the latest figure of any source: the best figure of the latest date of the series',
);

/**
 * The latest table: one row per series. This field list is the one definition of the table; its
 * Frictionless Table Schema, its row type and the exporter's `latest` table all come from it.
 */
export const latestTableFields = [
  {
    name: 'series_id',
    type: 'string',
    description:
      'The series key: metric:breakdown_key=breakdown_value:unit:place:operation:organisations:networks.',
    required: true,
  },
  { name: 'metric', type: 'string', description: 'Metric id.', required: true },
  { name: 'breakdown_key', type: 'string', description: 'Breakdown dimension, if any.' },
  { name: 'breakdown_value', type: 'string', description: 'Breakdown value, if any.' },
  { name: 'unit', type: 'string', description: 'Unit of the figures.', required: true },
  { name: 'place', type: 'string', description: 'Place id.', required: true },
  { name: 'operation', type: 'string', description: 'Operation id, if any.' },
  { name: 'organisations', type: 'list', description: 'Organisation ids of the scope, sorted.' },
  { name: 'networks', type: 'list', description: 'Network ids of the scope, sorted.' },
  {
    name: 'headline_kind',
    type: 'string',
    description:
      'Which figure the headline is: official (the latest official figure), newer-non-official (a later figure that says something new), non-official-only (the series has no official figure).',
    required: true,
  },
  {
    name: 'headline_reason',
    type: 'string',
    description:
      "For newer-non-official, how it displaced the figure before it: disagrees (no figure satisfies both) or narrows (a stated date and narrower bounds). Otherwise how the latest figure relates to the headline: latest (it is the headline), not-later (its date overlaps the headline's), restates (its bounds contain the headline or another claim of its date), agrees-publication-dated (dated by its publication and consistent with the headline or another claim of its date), relays (dated by its publication and attributed to the organisation of the headline), low-reliability (a low-reliability source, which does not overrule a more reliable one).",
    required: true,
  },
  { name: 'headline_claim_id', type: 'string', description: headline.claim_id, required: true },
  { name: 'headline_source_id', type: 'string', description: headline.source_id, required: true },
  {
    name: 'headline_source_reliability',
    type: 'string',
    description: headline.source_reliability,
    required: true,
  },
  { name: 'headline_value', type: 'number', description: headline.value },
  { name: 'headline_min', type: 'number', description: headline.min },
  { name: 'headline_max', type: 'number', description: headline.max },
  { name: 'headline_qualifier', type: 'string', description: headline.qualifier, required: true },
  { name: 'headline_as_of', type: 'string', description: headline.as_of, required: true },
  {
    name: 'headline_as_of_basis',
    type: 'string',
    description: headline.as_of_basis,
    required: true,
  },
  { name: 'headline_date_start', type: 'date', description: headline.date_start, required: true },
  { name: 'headline_date_end', type: 'date', description: headline.date_end },
  { name: 'official_claim_id', type: 'string', description: official.claim_id },
  { name: 'official_source_id', type: 'string', description: official.source_id },
  { name: 'official_source_reliability', type: 'string', description: official.source_reliability },
  { name: 'official_value', type: 'number', description: official.value },
  { name: 'official_min', type: 'number', description: official.min },
  { name: 'official_max', type: 'number', description: official.max },
  { name: 'official_qualifier', type: 'string', description: official.qualifier },
  { name: 'official_as_of', type: 'string', description: official.as_of },
  { name: 'official_as_of_basis', type: 'string', description: official.as_of_basis },
  { name: 'official_date_start', type: 'date', description: official.date_start },
  { name: 'official_date_end', type: 'date', description: official.date_end },
  { name: 'latest_claim_id', type: 'string', description: latest.claim_id, required: true },
  { name: 'latest_source_id', type: 'string', description: latest.source_id, required: true },
  {
    name: 'latest_source_reliability',
    type: 'string',
    description: latest.source_reliability,
    required: true,
  },
  { name: 'latest_value', type: 'number', description: latest.value },
  { name: 'latest_min', type: 'number', description: latest.min },
  { name: 'latest_max', type: 'number', description: latest.max },
  { name: 'latest_qualifier', type: 'string', description: latest.qualifier, required: true },
  { name: 'latest_as_of', type: 'string', description: latest.as_of, required: true },
  { name: 'latest_as_of_basis', type: 'string', description: latest.as_of_basis, required: true },
  { name: 'latest_date_start', type: 'date', description: latest.date_start, required: true },
  { name: 'latest_date_end', type: 'date', description: latest.date_end },
  {
    name: 'in_conflict',
    type: 'boolean',
    description:
      "True when the claims of the headline's date cannot all be true (see the conflicts table).",
    required: true,
  },
  {
    name: 'disagreeing_claims',
    type: 'integer',
    description:
      "Number of claims of the headline's date whose bounds exclude the headline figure.",
    required: true,
  },
  { name: 'disagreeing_claim_ids', type: 'list', description: 'Their ids, sorted.' },
  {
    name: 'newer_breakdowns',
    type: 'integer',
    description:
      'For a total: number of breakdown series of the same metric, unit and scope (drugs by type…) whose headline is later than this headline; empty for a breakdown series.',
  },
  {
    name: 'newer_breakdowns_as_of',
    type: 'string',
    description:
      'The as_of of the latest of those breakdown headlines, as its source gives it (EDTF).',
  },
  { name: 'newer_breakdown_values', type: 'list', description: 'Their breakdown values, sorted.' },
] as const satisfies readonly TableField[];

/** One row of the latest table. Optional fields are `null` when empty. */
export type LatestRow = TableRow<typeof latestTableFields>;

/** The Frictionless Table Schema of the latest table. */
export const latestTableSchema = tableSchemaOf(latestTableFields, ['series_id']);

/** The columns the rule reads: those of the series, and whom a figure is attributed to (criterion 6). */
export type LatestFigureRow = FigureRow & Pick<ClaimsTableRow, 'attributed_organisation'>;

/** The days a figure's date covers. */
type FigureDates = Pick<FigureRow, 'as_of_start' | 'as_of_end'>;

const firstDay = (row: FigureDates): string => row.as_of_start ?? '';
/** The last day of a date; an open end counts as the first day (criterion 1). */
const lastDay = (row: FigureDates): string => row.as_of_end ?? firstDay(row);

/** Orders dates (criterion 1): by last day, then first day; negative when `a` comes first. */
export function compareFigureDates(a: FigureDates, b: FigureDates): number {
  return compareCodeUnits(lastDay(a), lastDay(b)) || compareCodeUnits(firstDay(a), firstDay(b));
}

/** Whether date `a` is later than date `b` (criterion 3): its first day comes after b's last day. */
export function isLaterThan(a: FigureDates, b: FigureDates): boolean {
  return firstDay(a) > lastDay(b);
}

/** Whether a figure comes from an official, official-copy or legal source (criterion 2). */
export const isOfficial = (row: Pick<FigureRow, 'source_reliability'>): boolean =>
  OFFICIAL_RELIABILITIES.includes(row.source_reliability);

const EVERY_FIGURE: ValueInterval = {
  low: -Infinity,
  lowInclusive: false,
  high: Infinity,
  highInclusive: false,
};
/** The interval of a figure; one without bounds allows every figure. */
const intervalOf = (row: FigureRow): ValueInterval => valueInterval(row) ?? EVERY_FIGURE;
const sameInterval = (a: ValueInterval, b: ValueInterval): boolean =>
  a.low === b.low &&
  a.high === b.high &&
  a.lowInclusive === b.lowInclusive &&
  a.highInclusive === b.highInclusive;

/** Whether interval `outer` contains interval `inner` (every figure `inner` allows, `outer` allows). */
const contains = (outer: ValueInterval, inner: ValueInterval): boolean => {
  const common = intersectIntervals([outer, inner]);
  return common !== null && sameInterval(common, inner);
};
const overlaps = (a: ValueInterval, b: ValueInterval): boolean =>
  intersectIntervals([a, b]) !== null;

/**
 * What the best figure of a later date does to the headline, the best figure of point `current`
 * (criteria 3 to 8); the claims of the headline's date are its point's candidates.
 */
export function laterFigureVerdict<R extends LatestFigureRow>(
  later: R,
  current: SeriesPoint<R>,
): Exclude<HeadlineReason, 'latest'> {
  const headline = current.best;
  if (!isLaterThan(later, headline)) return 'not-later';
  const laterInterval = intervalOf(later);
  const dateIntervals = current.candidates.map(intervalOf);
  if (dateIntervals.some((interval) => contains(laterInterval, interval))) return 'restates';
  const publicationDated = PUBLICATION_DATED_BASES.includes(later.as_of_basis);
  if (publicationDated && dateIntervals.some((interval) => overlaps(laterInterval, interval)))
    return 'agrees-publication-dated';
  if (
    publicationDated &&
    later.attributed_organisation !== null &&
    later.attributed_organisation === headline.attributed_organisation
  )
    return 'relays';
  if (
    later.source_reliability === LOW_RELIABILITY &&
    headline.source_reliability !== LOW_RELIABILITY
  )
    return 'low-reliability';
  return overlaps(laterInterval, intervalOf(headline)) ? 'narrows' : 'disagrees';
}

/** Whether a verdict displaces the headline (criterion 8). */
const displaces = (verdict: HeadlineReason): boolean =>
  verdict === 'disagrees' || verdict === 'narrows';

const sortedList = (ids: readonly string[] | null): string[] | null =>
  ids && ids.length ? [...ids].sort(compareCodeUnits) : null;

/**
 * The row of one series, from its points (in any order): the headline by the rule, the latest
 * official and latest figures, the disagreement at the headline's date. The newer breakdowns need
 * the other series: `withNewerBreakdowns` fills them (`newer_breakdowns` is 0 here for a total).
 */
export function latestRowOf<R extends LatestFigureRow>(
  points: readonly SeriesPoint<R>[],
): LatestRow {
  if (!points.length) throw new Error('latestRowOf: a series has at least one point');
  const dated = [...points].sort((a, b) => compareFigureDates(a.best, b.best));
  let officialAt = -1;
  for (let i = dated.length - 1; i >= 0 && officialAt < 0; i--)
    if (isOfficial(dated[i]!.best)) officialAt = i;
  const start = Math.max(officialAt, 0);
  let chosen = dated[start]!;
  let displacedBy: HeadlineReason | null = null;
  for (let i = start + 1; i < dated.length; i++) {
    const verdict = laterFigureVerdict(dated[i]!.best, chosen);
    if (!displaces(verdict)) continue;
    chosen = dated[i]!;
    displacedBy = verdict;
  }
  const last = dated[dated.length - 1]!;
  const kind: HeadlineKind =
    officialAt < 0 ? 'non-official-only' : displacedBy ? 'newer-non-official' : 'official';
  const reason: HeadlineReason =
    kind === 'newer-non-official'
      ? displacedBy!
      : chosen === last
        ? 'latest'
        : laterFigureVerdict(last.best, chosen);

  const h = chosen.best;
  const o = officialAt < 0 ? null : dated[officialAt]!.best;
  const l = last.best;
  const headlineInterval = intervalOf(h);
  const disagreeing = chosen.candidates
    .filter((c) => c !== h && !overlaps(headlineInterval, intervalOf(c)))
    .map((c) => c.claim_id)
    .sort(compareCodeUnits);
  return {
    series_id: chosen.series_id,
    metric: h.metric,
    breakdown_key: h.breakdown_key,
    breakdown_value: h.breakdown_value,
    unit: h.unit,
    place: h.place,
    operation: h.operation,
    organisations: sortedList(h.organisations),
    networks: sortedList(h.networks),
    headline_kind: kind,
    headline_reason: reason,
    headline_claim_id: h.claim_id,
    headline_source_id: h.source_id,
    headline_source_reliability: h.source_reliability,
    headline_value: h.value,
    headline_min: h.min,
    headline_max: h.max,
    headline_qualifier: h.qualifier,
    headline_as_of: h.as_of,
    headline_as_of_basis: h.as_of_basis,
    headline_date_start: firstDay(h),
    headline_date_end: h.as_of_end,
    official_claim_id: o?.claim_id ?? null,
    official_source_id: o?.source_id ?? null,
    official_source_reliability: o?.source_reliability ?? null,
    official_value: o?.value ?? null,
    official_min: o?.min ?? null,
    official_max: o?.max ?? null,
    official_qualifier: o?.qualifier ?? null,
    official_as_of: o?.as_of ?? null,
    official_as_of_basis: o?.as_of_basis ?? null,
    official_date_start: o?.as_of_start ?? null,
    official_date_end: o?.as_of_end ?? null,
    latest_claim_id: l.claim_id,
    latest_source_id: l.source_id,
    latest_source_reliability: l.source_reliability,
    latest_value: l.value,
    latest_min: l.min,
    latest_max: l.max,
    latest_qualifier: l.qualifier,
    latest_as_of: l.as_of,
    latest_as_of_basis: l.as_of_basis,
    latest_date_start: firstDay(l),
    latest_date_end: l.as_of_end,
    in_conflict: conflictOf(chosen) !== null,
    disagreeing_claims: disagreeing.length,
    disagreeing_claim_ids: disagreeing.length ? disagreeing : null,
    newer_breakdowns: h.breakdown_key ? null : 0,
    newer_breakdowns_as_of: null,
    newer_breakdown_values: null,
  };
}

/** The series id of the total a breakdown series is part of: the same key without the breakdown. */
const totalSeriesId = (row: SeriesScope): string =>
  seriesId({ ...row, breakdown_key: null, breakdown_value: null });

/** The columns of a total's row that its newer breakdowns fill (see the module comment). */
export type NewerBreakdowns = Pick<
  LatestRow,
  'newer_breakdowns' | 'newer_breakdowns_as_of' | 'newer_breakdown_values'
>;

/** What a breakdown row tells its total: its headline's dates and `as_of`, its breakdown value. */
interface BreakdownHeadline extends FigureDates {
  as_of: string;
  value: string | null;
}

/** A total's headline dates, and what its newer breakdowns have told so far (in row order). */
interface TotalFound extends FigureDates {
  count: number;
  newest: BreakdownHeadline | null;
  values: Set<string> | null;
}

/**
 * The newer breakdowns of the totals, from latest rows given one at a time, in any order (`add`),
 * then asked for by a total's series id (`of`): the rule of the module comment, the one behind
 * `withNewerBreakdowns`. Keeps of a total its id and headline dates, and of a breakdown only what
 * its total needs, not the rows: a caller may write rows out as they come and complete the totals
 * after the last one (the exporter does, for a million claims).
 */
export class NewerBreakdownsFinder {
  private readonly totals = new Map<string, TotalFound>();
  /** Breakdowns whose total has not come yet, by the total's series id, in row order. */
  private readonly waiting = new Map<string, BreakdownHeadline[]>();

  add(row: LatestRow): void {
    if (!row.breakdown_key) {
      const total: TotalFound = {
        as_of_start: row.headline_date_start,
        as_of_end: row.headline_date_end,
        count: 0,
        newest: null,
        values: null,
      };
      this.totals.set(row.series_id, total);
      const earlier = this.waiting.get(row.series_id);
      if (!earlier) return;
      this.waiting.delete(row.series_id);
      for (const breakdown of earlier) this.count(total, breakdown);
      return;
    }
    const id = totalSeriesId(row);
    const breakdown: BreakdownHeadline = {
      as_of_start: row.headline_date_start,
      as_of_end: row.headline_date_end,
      as_of: row.headline_as_of,
      value: row.breakdown_value,
    };
    const total = this.totals.get(id);
    if (total) return this.count(total, breakdown);
    const list = this.waiting.get(id);
    if (list) list.push(breakdown);
    else this.waiting.set(id, [breakdown]);
  }

  /** Counts `breakdown` for `total` when its headline is later than the total's. */
  private count(total: TotalFound, breakdown: BreakdownHeadline): void {
    if (!isLaterThan(breakdown, total)) return;
    total.count++;
    // The latest of the newer breakdowns by its dates; the first of equal dates.
    if (!total.newest || compareFigureDates(breakdown, total.newest) > 0) total.newest = breakdown;
    if (breakdown.value !== null) (total.values ??= new Set()).add(breakdown.value);
  }

  /** The newer breakdowns of the total `seriesId`, once every row is added; undefined when it has none. */
  of(seriesId: string): NewerBreakdowns | undefined {
    const total = this.totals.get(seriesId);
    if (!total?.count) return undefined;
    return {
      newer_breakdowns: total.count,
      newer_breakdowns_as_of: total.newest!.as_of,
      newer_breakdown_values: [...(total.values ?? [])].sort(compareCodeUnits),
    };
  }
}

/**
 * The rows with the newer breakdowns of each total filled in: the breakdown series of the same
 * metric, unit and scope whose headline is later than the total's (see the module comment).
 */
export function withNewerBreakdowns(rows: readonly LatestRow[]): LatestRow[] {
  const finder = new NewerBreakdownsFinder();
  for (const row of rows) finder.add(row);
  return rows.map((row) => {
    const newer = finder.of(row.series_id);
    return newer ? { ...row, ...newer } : row;
  });
}

/**
 * The points of each series, one series at a time, from points in `seriesPoints` order (each
 * series' points together, the series sorted by id): a caller that drops each series once it is
 * done never holds them all. Throws when a series comes back after another (another order).
 */
export function* pointsBySeries<R extends FigureRow>(
  points: Iterable<SeriesPoint<R>>,
): Generator<SeriesPoint<R>[]> {
  let series: SeriesPoint<R>[] = [];
  for (const point of points) {
    const current = series[0]?.series_id;
    if (current !== undefined && point.series_id !== current) {
      if (point.series_id < current)
        throw new Error(
          `pointsBySeries: series ${point.series_id} comes after ${current}: the points are not in seriesPoints order`,
        );
      yield series;
      series = [];
    }
    series.push(point);
  }
  if (series.length) yield series;
}

/**
 * The latest table of points in `seriesPoints` order, as `buildLatest` makes it, holding the points
 * of one series at a time (at 1,000,000 claims, the dataset build peaked about 100 MB lower than
 * with all the points held at once). Throws when the points are in another order (see
 * `pointsBySeries`).
 */
export function buildLatestInOrder<R extends LatestFigureRow>(
  points: Iterable<SeriesPoint<R>>,
): LatestRow[] {
  const rows: LatestRow[] = [];
  for (const series of pointsBySeries(points)) rows.push(latestRowOf(series));
  return withNewerBreakdowns(rows);
}

/**
 * The latest table of series points (`buildSeries` or `seriesPoints` of claims-table rows): one row
 * per series, sorted by series id (by code units), whatever the order of the points.
 */
export function buildLatest<R extends LatestFigureRow>(
  points: Iterable<SeriesPoint<R>>,
): LatestRow[] {
  const bySeries = new Map<string, SeriesPoint<R>[]>();
  for (const point of points) {
    const list = bySeries.get(point.series_id);
    if (list) list.push(point);
    else bySeries.set(point.series_id, [point]);
  }
  const rows = [...bySeries.values()].map((series) => latestRowOf(series));
  return withNewerBreakdowns(rows.sort((a, b) => compareCodeUnits(a.series_id, b.series_id)));
}
