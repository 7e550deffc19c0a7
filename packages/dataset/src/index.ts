/**
 * @encrochat-ledger/dataset — every public figure of the EncroChat takedown, with its source and a
 * verbatim quote. The data is embedded at build time; nothing is read from disk or the network.
 */
import embedded from 'virtual:encrochat-ledger-data';
import { openDataset, type OpenedDataset, type SourcedClaim } from './dataset.js';
import type { ClaimsTableRow } from './claims-table.js';
import type { LatestRow } from './latest.js';
import type {
  DatasetBundle,
  Event,
  Metric,
  Network,
  Operation,
  Organisation,
  Person,
  Place,
  Source,
} from './generated/schema-types.js';

const opened: OpenedDataset = openDataset(embedded);

/** The whole dataset bundle (validates against `schemas/1.0/bundle.schema.json`). */
export const dataset: DatasetBundle = opened.dataset;
/** The dataset release (semver). */
export const version: string = opened.version;
/** The schema version the records follow (`<major>.<minor>`). */
export const schemaVersion: string = opened.schemaVersion;

export const metrics: readonly Metric[] = opened.metrics;
export const networks: readonly Network[] = opened.networks;
export const places: readonly Place[] = opened.places;
export const organisations: readonly Organisation[] = opened.organisations;
export const operations: readonly Operation[] = opened.operations;
export const persons: readonly Person[] = opened.persons;
export const events: readonly Event[] = opened.events;
export const sources: readonly Source[] = opened.sources;
/** Every claim of every source, each with its `source_id`, in source then claim order. */
export const claims: readonly SourcedClaim[] = opened.claims;
/** The tidy claims table: one row per claim with joined labels and ISO dates (see `claimsTableSchema`). */
export const claimsTable: readonly ClaimsTableRow[] = opened.claimsTable;
/** The latest table: one row per series, the figure to quote first and why (see `latestTableSchema`, `buildLatest`). */
export const latestTable: readonly LatestRow[] = opened.latestTable;

/** Indexes by id; aliases of renamed records resolve to the current record. */
export const metricsById: ReadonlyMap<string, Metric> = opened.metricsById;
export const networksById: ReadonlyMap<string, Network> = opened.networksById;
export const placesById: ReadonlyMap<string, Place> = opened.placesById;
export const organisationsById: ReadonlyMap<string, Organisation> = opened.organisationsById;
export const operationsById: ReadonlyMap<string, Operation> = opened.operationsById;
export const personsById: ReadonlyMap<string, Person> = opened.personsById;
export const eventsById: ReadonlyMap<string, Event> = opened.eventsById;
export const sourcesById: ReadonlyMap<string, Source> = opened.sourcesById;
export const claimsById: ReadonlyMap<string, SourcedClaim> = opened.claimsById;

export { claimBounds, type Bounds } from './bounds.js';
export {
  boundValue,
  qualifierMeaning,
  QUALIFIERS,
  type Bound,
  type QualifierMeaning,
} from './qualifiers.js';
export {
  citation,
  formatCitation,
  licenceWords,
  versionAddress,
  type CitationAuthor,
  type CitationFields,
  type CitationFormat,
  type CitationOptions,
} from './citation.js';
export { csvField, formulaSafe } from './csv.js';
export {
  buildClaimsTable,
  claimsTableContext,
  claimsTableFields,
  claimsTableRow,
  claimsTableSchema,
  collectDateBounds,
  compareClaimsTableRows,
  countryOf,
  type ClaimsTableContext,
  type ClaimsTableRow,
  type ClaimsTableSource,
  type DateBounds,
} from './claims-table.js';
export {
  openDataset,
  type EmbeddedData,
  type OpenedDataset,
  type SourcedClaim,
} from './dataset.js';
export {
  AS_OF_BASIS_RANK,
  buildSeries,
  compareCodeUnits,
  compareFigures,
  decidingCriterion,
  isFigure,
  periodOf,
  PRECISION_RANK,
  RELIABILITY_RANK,
  SERIES_CRITERIA,
  seriesId,
  seriesPoints,
  type DecidedBy,
  type FigureRow,
  type SeriesCriterion,
  type SeriesPoint,
  type SeriesScope,
} from './series.js';
export {
  buildLatest,
  buildLatestInOrder,
  compareFigureDates,
  HEADLINE_KINDS,
  HEADLINE_REASONS,
  isLaterThan,
  isOfficial,
  laterFigureVerdict,
  latestRowOf,
  latestTableFields,
  latestTableSchema,
  LOW_RELIABILITY,
  NewerBreakdownsFinder,
  OFFICIAL_RELIABILITIES,
  pointsBySeries,
  PUBLICATION_DATED_BASES,
  withNewerBreakdowns,
  type HeadlineKind,
  type HeadlineReason,
  type LatestFigureRow,
  type LatestRow,
  type NewerBreakdowns,
} from './latest.js';
export { tableSchemaOf, type TableField, type TableRow } from './table-schema.js';
export {
  conflictOf,
  findConflicts,
  intersectIntervals,
  valueInterval,
  type ConflictGroup,
  type ValueInterval,
} from './conflicts.js';
export type * from './generated/schema-types.js';
