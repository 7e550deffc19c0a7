/**
 * Supersession cycles. `superseded_by` names the record (or claim) that replaces a withdrawn one;
 * followed from any record, the chain must end at a current record. A record that names itself, or
 * a chain that comes back to where it started (a → b → a), leaves no current record to use. The
 * validator reports each member of a cycle as REF003; the dataset build refuses them.
 *
 * A `superseded_by` is resolved in the record's own collection (claims among claims), by id or
 * alias, the first record of an id winning a clash (ID002 reports clashes). One that resolves to
 * nothing is REF001's, not a cycle.
 */
import type { CollectionName } from './collections.js';
import type { RecordIssue } from './read-data.js';
import type { JsonRecord, RecordEntry } from './records.js';

/** A member of a cycle: the record or claim, where its `superseded_by` is, and the cycle from it. */
export interface SupersessionCycle extends RecordIssue {
  /** The record or claim whose `superseded_by` is part of the cycle. */
  record: JsonRecord;
  /** The members of the cycle in order, starting with `record` (`[a]` when it names itself). */
  cycle: JsonRecord[];
}

interface Replacement {
  entry: RecordEntry;
  /** Pointer to the `superseded_by`, relative to the record of `entry`. */
  pointer: string;
  /** The collection it is resolved in (`claims` for a claim). */
  among: CollectionName | 'claims';
  target: string;
}

const isObject = (value: unknown): value is JsonRecord => !!value && typeof value === 'object';

/** Every record and claim of `records` that has a `superseded_by`. */
function replacementsOf(records: readonly RecordEntry[]): Map<JsonRecord, Replacement> {
  const out = new Map<JsonRecord, Replacement>();
  for (const entry of records) {
    const { record } = entry;
    if (typeof record.superseded_by === 'string')
      out.set(record, {
        entry,
        pointer: '/superseded_by',
        among: entry.collection,
        target: record.superseded_by,
      });
    if (entry.collection !== 'sources' || !Array.isArray(record.claims)) continue;
    record.claims.forEach((claim: unknown, i: number) => {
      if (isObject(claim) && typeof claim.superseded_by === 'string')
        out.set(claim, {
          entry,
          pointer: `/claims/${i}/superseded_by`,
          among: 'claims',
          target: claim.superseded_by,
        });
    });
  }
  return out;
}

/** Records (and claims, under `claims`) by id and alias, in the collections asked for. */
function index(
  records: readonly RecordEntry[],
  wanted: ReadonlySet<string>,
): Map<string, JsonRecord> {
  const byId = new Map<string, JsonRecord>();
  const add = (among: string, record: JsonRecord) => {
    const aliases: unknown[] = Array.isArray(record.aliases) ? record.aliases : [];
    for (const id of [record.id, ...aliases])
      if (typeof id === 'string' && !byId.has(`${among}\u0000${id}`))
        byId.set(`${among}\u0000${id}`, record);
  };
  for (const { collection, record } of records) {
    if (wanted.has(collection)) add(collection, record);
    if (wanted.has('claims') && collection === 'sources' && Array.isArray(record.claims))
      for (const claim of record.claims) if (isObject(claim)) add('claims', claim);
  }
  return byId;
}

/** The members of every `superseded_by` cycle among `records`, each once, in the order of the records. */
export function findSupersessionCycles(records: readonly RecordEntry[]): SupersessionCycle[] {
  const replacements = replacementsOf(records);
  // Most datasets replace few records: with none, there is nothing to index.
  if (!replacements.size) return [];
  const byId = index(records, new Set([...replacements.values()].map((r) => r.among)));
  const next = (record: JsonRecord): JsonRecord | undefined => {
    const replacement = replacements.get(record);
    return replacement && byId.get(`${replacement.among}\u0000${replacement.target}`);
  };

  // Each record has at most one replacement: follow the chain from every record not seen yet; a
  // record met twice on one walk closes a cycle.
  const cycles = new Map<JsonRecord, JsonRecord[]>();
  const done = new Set<JsonRecord>();
  for (const start of replacements.keys()) {
    const walk: JsonRecord[] = [];
    const onWalk = new Map<JsonRecord, number>();
    let at: JsonRecord | undefined = start;
    while (at && !done.has(at) && !onWalk.has(at)) {
      onWalk.set(at, walk.length);
      walk.push(at);
      at = next(at);
    }
    if (at && onWalk.has(at)) {
      const cycle = walk.slice(onWalk.get(at));
      cycle.forEach((member, i) => cycles.set(member, [...cycle.slice(i), ...cycle.slice(0, i)]));
    }
    for (const record of walk) done.add(record);
  }

  const found: SupersessionCycle[] = [];
  for (const [record, { entry, pointer }] of replacements) {
    const cycle = cycles.get(record);
    if (!cycle) continue;
    const ids = cycle.map((member) => String(member.id));
    found.push({
      entry,
      pointer,
      record,
      cycle,
      message:
        cycle.length === 1
          ? `"${ids[0]}" is superseded by itself`
          : `superseded_by forms a cycle: ${[...ids, ids[0]].join(' → ')}`,
      hint: 'point superseded_by to the record (or claim) that replaces this one and is not withdrawn; the current record has no superseded_by',
    });
  }
  return found;
}
