import type { Claim, DatasetBundle, Metric, Place, Source } from './generated/schema-types.js';
import { claimBounds } from './bounds.js';
import * as fromSchema from './generated/schema-descriptions.js';
import { tableSchemaOf, type TableField, type TableRow } from './table-schema.js';

/**
 * The tidy claims table: one row per claim, with joined labels and ISO dates. This field list is the
 * one definition of the table; its Frictionless Table Schema, its row type and its rows all come from it.
 * A column that holds a field of a record is described in the words of that field's JSON Schema
 * (`fromSchema`, generated from the schemas); the columns made here (joins, derived bounds and
 * days, flags) are described here.
 */
export const claimsTableFields = [
  {
    name: 'claim_id',
    type: 'string',
    description: fromSchema.claim_id,
    required: true,
  },
  {
    name: 'source_id',
    type: 'string',
    description: 'Id of the source document that states the figure.',
    required: true,
  },
  {
    name: 'metric',
    type: 'string',
    description: fromSchema.claim_metric,
    required: true,
  },
  {
    name: 'value',
    type: 'number',
    description: fromSchema.claim_value,
  },
  {
    name: 'min',
    type: 'number',
    description: 'Lower bound implied by the qualifier (exclusive for more_than); empty when none.',
  },
  {
    name: 'max',
    type: 'number',
    description: 'Upper bound implied by the qualifier (exclusive for nearly); empty when none.',
  },
  {
    name: 'unit',
    type: 'string',
    description: fromSchema.claim_unit,
    required: true,
  },
  {
    name: 'qualifier',
    type: 'string',
    description: fromSchema.claim_qualifier,
    required: true,
  },
  {
    name: 'as_of',
    type: 'string',
    description: fromSchema.claim_as_of,
    required: true,
  },
  {
    name: 'place',
    type: 'string',
    description: fromSchema.claim_scope_place,
    required: true,
  },
  {
    name: 'operation',
    type: 'string',
    description: fromSchema.claim_scope_operation,
  },
  {
    name: 'organisations',
    type: 'list',
    description: fromSchema.claim_scope_organisations,
  },
  {
    name: 'quote',
    type: 'string',
    description: fromSchema.claim_quote,
    required: true,
  },
  {
    name: 'source_title',
    type: 'string',
    description: fromSchema.source_title,
    required: true,
  },
  {
    name: 'source_publisher',
    type: 'string',
    description: fromSchema.source_publisher,
  },
  {
    name: 'source_published',
    type: 'string',
    description: fromSchema.source_published,
  },
  {
    name: 'source_url',
    type: 'string',
    description: fromSchema.source_url,
  },
  { name: 'as_of_start', type: 'date', description: 'First day of the period `as_of` covers.' },
  { name: 'as_of_end', type: 'date', description: 'Last day of the period `as_of` covers.' },
  {
    name: 'as_of_basis',
    type: 'string',
    description: fromSchema.claim_as_of_basis,
    required: true,
  },
  {
    name: 'metric_label',
    type: 'string',
    description: fromSchema.metric_label,
    required: true,
  },
  {
    name: 'breakdown_key',
    type: 'string',
    description: 'Breakdown dimension (drug, item, asset, category), if any.',
  },
  {
    name: 'breakdown_value',
    type: 'string',
    description: 'Breakdown value (cocaine, grenades…), if any.',
  },
  { name: 'place_name', type: 'string', description: fromSchema.place_name, required: true },
  {
    name: 'country',
    type: 'string',
    description:
      'ISO 3166-1 alpha-2 code of the country the place lies in; empty for places above country level (world, Europe).',
  },
  {
    name: 'networks',
    type: 'list',
    description: fromSchema.claim_scope_networks,
  },
  {
    name: 'attributed_organisation',
    type: 'string',
    description: 'Id of the organisation that gave the figure, if the source says.',
  },
  {
    name: 'attributed_person',
    type: 'string',
    description: 'Id of the official who gave the figure, if the source says.',
  },
  {
    name: 'source_kind',
    type: 'string',
    description: fromSchema.source_kind,
    required: true,
  },
  {
    name: 'source_reliability',
    type: 'string',
    description: fromSchema.source_reliability,
    required: true,
  },
  {
    name: 'source_language',
    type: 'string',
    description: fromSchema.source_language,
    required: true,
  },
  {
    name: 'source_published_start',
    type: 'date',
    description: "First day of the source's publication date.",
  },
  { name: 'note', type: 'string', description: fromSchema.claim_note },
  {
    name: 'withdrawn',
    type: 'boolean',
    description: 'True when the claim has been withdrawn (kept for the record).',
    required: true,
  },
  {
    name: 'superseded_by',
    type: 'string',
    description: fromSchema.claim_superseded_by,
  },
] as const satisfies readonly TableField[];

/** One row of the claims table. Optional fields are `null` when empty. */
export type ClaimsTableRow = TableRow<typeof claimsTableFields>;

/** The calendar days each EDTF string of the dataset covers, computed at build time. */
export type DateBounds = Record<string, readonly [start: string | null, end: string | null]>;

/**
 * The day bounds of every claim `as_of` and source `published` of a bundle, in string order, given
 * a function that reads one EDTF value (the validator's `edtfBounds`, at build time). This is what the
 * entry points embed, so that the claims table can be built at run time without an EDTF parser.
 */
export function collectDateBounds(
  bundle: DatasetBundle,
  bounds: (value: string) => { start: string | null; end: string | null },
): DateBounds {
  const values = new Set<string>();
  for (const source of bundle.sources) {
    if (source.published) values.add(source.published);
    for (const claim of source.claims) values.add(claim.as_of);
  }
  const dates: Record<string, readonly [string | null, string | null]> = {};
  for (const value of [...values].sort()) {
    const { start, end } = bounds(value);
    dates[value] = [start, end];
  }
  return dates;
}

/** The Frictionless Table Schema of the claims table. */
export const claimsTableSchema = tableSchemaOf(claimsTableFields, ['claim_id']);

/** Walks up the place tree to the ISO 3166-1 code of the enclosing country, if any. */
export function countryOf(placeId: string, places: ReadonlyMap<string, Place>): string | null {
  const seen = new Set<string>();
  let place = places.get(placeId);
  while (place && !seen.has(place.id)) {
    if (place.codes?.iso3166_1) return place.codes.iso3166_1;
    seen.add(place.id);
    place = place.parent ? places.get(place.parent) : undefined;
  }
  return null;
}

/** What a claims-table row is joined with: the places and metrics by id, and the day bounds of EDTF values. */
export interface ClaimsTableContext {
  places: ReadonlyMap<string, Place>;
  metrics: ReadonlyMap<string, Metric>;
  /** The first and last day an EDTF value covers; `[null, null]` when unknown. */
  days: (value: string) => readonly [start: string | null, end: string | null];
}

/** The fields of a source that its claims' rows repeat. */
export type ClaimsTableSource = Pick<
  Source,
  'id' | 'title' | 'publisher' | 'published' | 'url' | 'kind' | 'reliability' | 'language'
>;

/**
 * The context of `claimsTableRow` for a bundle: its places and metrics, and the day bounds of its
 * dates (a `DateBounds` record, or a function for bounds computed on demand).
 */
export function claimsTableContext(
  bundle: Pick<DatasetBundle, 'places' | 'metrics'>,
  dates: DateBounds | ((value: string) => readonly [string | null, string | null]),
): ClaimsTableContext {
  const none = [null, null] as const;
  return {
    places: new Map(bundle.places.map((p) => [p.id, p])),
    metrics: new Map(bundle.metrics.map((m) => [m.id, m])),
    days: typeof dates === 'function' ? dates : (value) => dates[value] ?? none,
  };
}

/**
 * The claims-table row of one claim of `source`. `buildClaimsTable` is this over every claim of a
 * bundle, sorted by claim id; it is exported for readers that stream a bundle source by source.
 */
export function claimsTableRow(
  source: ClaimsTableSource,
  claim: Claim,
  context: ClaimsTableContext,
): ClaimsTableRow {
  const { places, metrics, days } = context;
  const { min, max } = claimBounds(claim);
  const [breakdownKey, breakdownValue] = Object.entries(claim.breakdown ?? {})[0] ?? [null, null];
  const asOf = days(claim.as_of);
  return {
    claim_id: claim.id,
    source_id: source.id,
    metric: claim.metric,
    value: claim.value ?? null,
    min,
    max,
    unit: claim.unit,
    qualifier: claim.qualifier,
    as_of: claim.as_of,
    place: claim.scope.place,
    operation: claim.scope.operation ?? null,
    organisations: claim.scope.organisations ? [...claim.scope.organisations] : null,
    quote: claim.quote,
    source_title: source.title,
    source_publisher: source.publisher,
    source_published: source.published,
    source_url: source.url,
    as_of_start: asOf[0],
    as_of_end: asOf[1],
    as_of_basis: claim.as_of_basis,
    metric_label: metrics.get(claim.metric)?.label ?? claim.metric,
    breakdown_key: breakdownKey,
    breakdown_value: breakdownValue ?? null,
    place_name: places.get(claim.scope.place)?.name ?? claim.scope.place,
    country: countryOf(claim.scope.place, places),
    networks: claim.scope.networks ? [...claim.scope.networks] : null,
    attributed_organisation: claim.attributed_to?.organisation ?? null,
    attributed_person: claim.attributed_to?.person ?? null,
    source_kind: source.kind,
    source_reliability: source.reliability,
    source_language: source.language,
    source_published_start: source.published ? days(source.published)[0] : null,
    note: claim.note ?? null,
    withdrawn: claim.withdrawn !== undefined,
    superseded_by: claim.superseded_by ?? null,
  };
}

/** Orders claims-table rows by claim id (UTF-16 code units), as `buildClaimsTable` sorts them. */
export const compareClaimsTableRows = (
  a: Pick<ClaimsTableRow, 'claim_id'>,
  b: Pick<ClaimsTableRow, 'claim_id'>,
): number => (a.claim_id < b.claim_id ? -1 : a.claim_id > b.claim_id ? 1 : 0);

/** The claims table of a bundle: one row per claim, sorted by claim id. */
export function buildClaimsTable(bundle: DatasetBundle, dates: DateBounds): ClaimsTableRow[] {
  const context = claimsTableContext(bundle, dates);
  const rows: ClaimsTableRow[] = [];
  for (const source of bundle.sources)
    for (const claim of source.claims) rows.push(claimsTableRow(source, claim, context));
  return rows.sort(compareClaimsTableRows);
}
