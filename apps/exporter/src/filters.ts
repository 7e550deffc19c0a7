/** Claim filters: --metric, --place (a place and every place inside it), --since, --until, --source-kind. */
import type { ClaimsTableRow, DatasetBundle, Place } from '@encrochat-ledger/dataset';
import type { ClaimFilters } from './args.js';
import { UsageError } from './errors.js';

/** Whether any filter is set. */
export function isFiltered(filters: ClaimFilters): boolean {
  return Boolean(
    filters.metrics || filters.places || filters.since || filters.until || filters.sourceKinds,
  );
}

/** The given places and every place whose parent chain reaches one of them. */
export function placesWithin(places: readonly Place[], roots: readonly string[]): Set<string> {
  const parent = new Map(places.map((p) => [p.id, p.parent]));
  const inside = new Set<string>();
  for (const place of places) {
    const seen = new Set<string>();
    for (
      let id: string | undefined = place.id;
      id !== undefined && !seen.has(id);
      id = parent.get(id)
    ) {
      seen.add(id);
      if (roots.includes(id)) {
        inside.add(place.id);
        break;
      }
    }
  }
  return inside;
}

/** Checks that the filter ids exist in the dataset, so a typo is an error rather than an empty export. */
export function checkFilterIds(
  filters: ClaimFilters,
  bundle: Pick<DatasetBundle, 'metrics' | 'places'>,
): void {
  const check = (
    flag: string,
    given: readonly string[] | undefined,
    known: readonly { id: string }[],
    what: string,
  ) => {
    if (!given) return;
    const ids = new Set(known.map((r) => r.id));
    const unknown = given.filter((id) => !ids.has(id));
    if (unknown.length)
      throw new UsageError(
        `--${flag}: unknown ${what} "${unknown[0]}"; known: ${[...ids].sort().join(', ')}`,
      );
  };
  check('metric', filters.metrics, bundle.metrics, 'metric');
  check('place', filters.places, bundle.places, 'place');
}

/**
 * The claim predicate of the filters. --since keeps a claim whose as_of ends on or after the day (an
 * open end counts as ongoing); --until one whose as_of starts on or before it (an open start counts
 * as from the beginning); a claim whose as_of gives no day at all is dropped by either.
 */
export function claimFilter(
  filters: ClaimFilters,
  bundle: Pick<DatasetBundle, 'places'>,
): (row: ClaimsTableRow) => boolean {
  const metrics = filters.metrics ? new Set(filters.metrics) : null;
  const places = filters.places ? placesWithin(bundle.places, filters.places) : null;
  const kinds = filters.sourceKinds ? new Set<string>(filters.sourceKinds) : null;
  const { since, until } = filters;
  return (row) => {
    if (metrics && !metrics.has(row.metric)) return false;
    if (places && !places.has(row.place)) return false;
    if (kinds && !kinds.has(row.source_kind)) return false;
    if (since || until) {
      if (row.as_of_start === null && row.as_of_end === null) return false;
      if (since && row.as_of_end !== null && row.as_of_end < since) return false;
      if (until && row.as_of_start !== null && row.as_of_start > until) return false;
    }
    return true;
  };
}
