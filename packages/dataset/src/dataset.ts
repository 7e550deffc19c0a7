import type {
  Claim,
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
import { buildClaimsTable, type ClaimsTableRow, type DateBounds } from './claims-table.js';
import { buildLatest, type LatestRow } from './latest.js';
import { seriesPoints } from './series.js';

/** A claim with the id of the source that states it. */
export type SourcedClaim = Claim & { readonly source_id: string };

/** What the build embeds in the entry points: the bundle and the day bounds of every EDTF string in it. */
export interface EmbeddedData {
  bundle: DatasetBundle;
  dates: DateBounds;
}

export interface OpenedDataset {
  dataset: DatasetBundle;
  version: string;
  schemaVersion: string;
  metrics: readonly Metric[];
  networks: readonly Network[];
  places: readonly Place[];
  organisations: readonly Organisation[];
  operations: readonly Operation[];
  persons: readonly Person[];
  events: readonly Event[];
  sources: readonly Source[];
  claims: readonly SourcedClaim[];
  claimsTable: readonly ClaimsTableRow[];
  latestTable: readonly LatestRow[];
  metricsById: ReadonlyMap<string, Metric>;
  networksById: ReadonlyMap<string, Network>;
  placesById: ReadonlyMap<string, Place>;
  organisationsById: ReadonlyMap<string, Organisation>;
  operationsById: ReadonlyMap<string, Operation>;
  personsById: ReadonlyMap<string, Person>;
  eventsById: ReadonlyMap<string, Event>;
  sourcesById: ReadonlyMap<string, Source>;
  claimsById: ReadonlyMap<string, SourcedClaim>;
}

/** Indexes a record list by id and by every alias (aliases point to the current record). */
function byId<T extends { id: string; aliases?: readonly string[] }>(
  records: readonly T[],
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const r of records) for (const alias of r.aliases ?? []) map.set(alias, r);
  for (const r of records) map.set(r.id, r);
  return map;
}

/** Opens embedded data: the collections, the flat claim list, the claims and latest tables and the indexes by id. */
export function openDataset({ bundle, dates }: EmbeddedData): OpenedDataset {
  const claims: SourcedClaim[] = bundle.sources.flatMap((s) =>
    s.claims.map((c) => ({ ...c, source_id: s.id })),
  );
  const claimsTable = buildClaimsTable(bundle, dates);
  return {
    dataset: bundle,
    version: bundle.version,
    schemaVersion: bundle.schema_version,
    metrics: bundle.metrics,
    networks: bundle.networks,
    places: bundle.places,
    organisations: bundle.organisations,
    operations: bundle.operations,
    persons: bundle.persons,
    events: bundle.events,
    sources: bundle.sources,
    claims,
    claimsTable,
    latestTable: buildLatest(seriesPoints(claimsTable)),
    metricsById: byId(bundle.metrics),
    networksById: byId(bundle.networks),
    placesById: byId(bundle.places),
    organisationsById: byId(bundle.organisations),
    operationsById: byId(bundle.operations),
    personsById: byId(bundle.persons),
    eventsById: byId(bundle.events),
    sourcesById: byId(bundle.sources),
    claimsById: byId(claims),
  };
}
