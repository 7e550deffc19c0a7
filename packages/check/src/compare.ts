/**
 * The ledger's answer to one figure that was understood.
 *
 * ## Which claims
 *
 * Every claim of the same metric, unit, breakdown (none for a total: "2 tonnes of drugs" is not
 * compared with cocaine alone) and networks (EncroChat alone unless the text names others), for the
 * figure's place (and, for Europe, the world: see `place-words.ts`), that is not withdrawn and
 * states a number. Every operation and every counting organisation is included; each claim says
 * its own, so "counted by the NCA and the Met" is there to read.
 *
 * ## Agrees or contradicts
 *
 * The figure and each claim allow intervals of true figures, by the dataset's one meaning of the
 * qualifiers (`valueInterval` of `@encrochat-ledger/dataset`, the rule its conflicts use: "more than
 * 6,500" is (6,500, ∞), "nearly 700" is (−∞, 700), "about 800" is taken at its word, as 800). A
 * claim **agrees** when the two intervals share a figure (`intersectIntervals`), and **contradicts**
 * when they share none. Nothing is said about dates: an earlier count of a running total may be
 * lower, and each claim's date is given for the reader to weigh.
 *
 * ## The figure to quote first
 *
 * Each claim's series gets its headline by the dataset's `latest` rule (`buildLatest`, run on the
 * series' claims, which are all among those compared: they share metric, unit, breakdown, place and
 * networks). The answer of the figure is its verdict against one of these headlines: the headline of
 * the series that counts the whole place (no counting organisation), for no single operation, with
 * the latest date; then by place (the one named first), then series id. It is marked and comes first.
 *
 * ## Order
 *
 * Headlines first, then: the figure's place before the places also compared, whole-place counts
 * before one organisation's, no operation before an operation, the latest date first, claim id.
 */
import {
  buildLatest,
  compareCodeUnits,
  intersectIntervals,
  seriesId,
  seriesPoints,
  valueInterval,
  type ClaimsTableRow,
  type ValueInterval,
} from '@encrochat-ledger/dataset';

export type Verdict = 'agrees' | 'contradicts';

/** A claim compared with a figure. */
export interface ComparedClaim {
  row: ClaimsTableRow;
  verdict: Verdict;
  /** The claim is the figure to quote first of its series (`latest`). */
  headline: boolean;
  /** Why its place is compared when it is not the figure's place (Europe and the world), else null. */
  alsoCompared: string | null;
}

export interface FigureAnswer {
  /** The headline the figure is answered by (see the header), or null when no claim was compared. */
  main: ComparedClaim | null;
  agrees: ComparedClaim[];
  contradicts: ComparedClaim[];
  /** Claims of the same series that state no number ("hundreds of arrests"): not compared. */
  withoutNumber: number;
}

/** What a figure is compared as. */
export interface FigureScope {
  metric: string;
  unit: string;
  breakdown: { key: string; value: string } | null;
  networks: readonly string[];
}

const sameNetworks = (a: readonly string[] | null, b: readonly string[]) =>
  (a ?? []).length === b.length && [...(a ?? [])].sort().join() === [...b].sort().join();

/** Whether a claim counts what the figure counts (all but the place). */
export function sameThing(row: ClaimsTableRow, scope: FigureScope): boolean {
  return (
    row.metric === scope.metric &&
    row.unit === scope.unit &&
    (row.breakdown_key ?? null) === (scope.breakdown?.key ?? null) &&
    (row.breakdown_value ?? null) === (scope.breakdown?.value ?? null) &&
    !row.withdrawn &&
    sameNetworks(row.networks, scope.networks)
  );
}

const dateKey = (row: ClaimsTableRow) => row.as_of_end ?? row.as_of_start ?? '';

/** The claims compared for a scope and places, and the headlines of their series, once per list of claims (a draft repeats its figures). */
const memo = new WeakMap<
  readonly ClaimsTableRow[],
  Map<string, { candidates: ClaimsTableRow[]; headlines: Set<string> }>
>();
function candidatesOf(
  scope: FigureScope,
  placeRank: ReadonlyMap<string, number>,
  claims: readonly ClaimsTableRow[],
) {
  let byKey = memo.get(claims);
  if (!byKey) memo.set(claims, (byKey = new Map()));
  const key = JSON.stringify([scope, [...placeRank.keys()]]);
  let found = byKey.get(key);
  if (!found) {
    const candidates = claims.filter((r) => placeRank.has(r.place) && sameThing(r, scope));
    const headlines = new Set(
      buildLatest(seriesPoints(candidates)).map((l) => l.headline_claim_id),
    );
    byKey.set(key, (found = { candidates, headlines }));
  }
  return found;
}

export function answerFigure(
  interval: ValueInterval,
  scope: FigureScope,
  places: readonly { place: string; why: string | null }[],
  claims: readonly ClaimsTableRow[],
): FigureAnswer {
  const placeRank = new Map(places.map((p, i) => [p.place, i]));
  const { candidates, headlines } = candidatesOf(scope, placeRank, claims);
  const compared: ComparedClaim[] = [];
  let withoutNumber = 0;
  for (const row of candidates) {
    const claimInterval = valueInterval(row);
    if (!claimInterval) {
      withoutNumber++;
      continue;
    }
    compared.push({
      row,
      verdict: intersectIntervals([interval, claimInterval]) ? 'agrees' : 'contradicts',
      headline: headlines.has(row.claim_id),
      alsoCompared: places[placeRank.get(row.place)!]!.why,
    });
  }
  const byScope = (a: ComparedClaim, b: ComparedClaim) =>
    Number(a.row.organisations !== null) - Number(b.row.organisations !== null) ||
    Number(a.row.operation !== null) - Number(b.row.operation !== null);
  const main =
    compared
      .filter((c) => c.headline)
      .sort(
        (a, b) =>
          byScope(a, b) ||
          compareCodeUnits(dateKey(b.row), dateKey(a.row)) ||
          placeRank.get(a.row.place)! - placeRank.get(b.row.place)! ||
          compareCodeUnits(seriesId(a.row), seriesId(b.row)),
      )[0] ?? null;
  const order = (a: ComparedClaim, b: ComparedClaim) =>
    Number(b === main) - Number(a === main) ||
    Number(b.headline) - Number(a.headline) ||
    placeRank.get(a.row.place)! - placeRank.get(b.row.place)! ||
    byScope(a, b) ||
    compareCodeUnits(dateKey(b.row), dateKey(a.row)) ||
    compareCodeUnits(a.row.claim_id, b.row.claim_id);
  compared.sort(order);
  return {
    main,
    agrees: compared.filter((c) => c.verdict === 'agrees'),
    contradicts: compared.filter((c) => c.verdict === 'contradicts'),
    withoutNumber,
  };
}

/** The places with a claim that counts what the figure counts and states a number, for "no figure for this". */
export function placesWithFigures(
  scope: FigureScope,
  claims: readonly ClaimsTableRow[],
): { place: string; name: string }[] {
  const out = new Map<string, string>();
  for (const r of claims)
    if (sameThing(r, scope) && valueInterval(r)) out.set(r.place, r.place_name);
  return [...out]
    .map(([place, name]) => ({ place, name }))
    .sort((a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.place, b.place));
}
