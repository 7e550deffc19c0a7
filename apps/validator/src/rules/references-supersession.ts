import type { CollectionName, RecordEntry, JsonRecord } from '@encrochat-ledger/core';
import type { Context, DataRule, Issue } from '../rule.js';
import { claimsById, eachClaim } from '../rule.js';

type Rec = JsonRecord;

/** A record or claim with a `superseded_by`, where it is, and the record or claim that replaces it. */
interface Replacement {
  entry: RecordEntry;
  pointer: string;
  id: string;
  by: Rec | undefined;
}

/** Every `superseded_by` of the run, keyed by the record or claim that has it (aliases resolved; unresolved targets are REF001's). */
function replacements(ctx: Context): Map<Rec, Replacement> {
  const out = new Map<Rec, Replacement>();
  for (const entry of ctx.records) {
    const r = entry.record;
    if (typeof r.superseded_by === 'string')
      out.set(r, {
        entry,
        pointer: '/superseded_by',
        id: String(r.id),
        by: ctx.get(entry.collection as CollectionName, r.superseded_by),
      });
  }
  let claims: ReturnType<typeof claimsById> | undefined;
  for (const { entry, claim, pointer } of eachClaim(ctx))
    if (typeof claim.superseded_by === 'string')
      out.set(claim, {
        entry,
        pointer: `${pointer}/superseded_by`,
        id: String(claim.id),
        by: (claims ??= claimsById(ctx)).get(claim.superseded_by)?.claim,
      });
  return out;
}

interface Supersession {
  next: Map<Rec, Replacement>;
  /** The records and claims whose chain comes back to them, each with its cycle in order from itself. */
  cycles: Map<Rec, Rec[]>;
}

const memo = new WeakMap<Context, Supersession>();

/**
 * The records and claims whose `superseded_by` chain comes back to them, each with its cycle in
 * order from itself (`[a]` when it points to itself, `[a, b]` for a → b → a). Built once per run.
 */
export function supersessionCycles(ctx: Context): ReadonlyMap<Rec, Rec[]> {
  return supersession(ctx).cycles;
}

function supersession(ctx: Context): Supersession {
  const known = memo.get(ctx);
  if (known) return known;
  const found = new Map<Rec, Rec[]>();
  const next = replacements(ctx);
  // Each record has at most one replacement: follow the chain from every record not seen yet; a
  // record met twice on one walk closes a cycle.
  const done = new Set<Rec>();
  for (const start of next.keys()) {
    const path: Rec[] = [];
    const onPath = new Map<Rec, number>();
    let at: Rec | undefined = start;
    while (at && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = next.get(at)?.by;
    }
    if (at && onPath.has(at)) {
      const cycle = path.slice(onPath.get(at)!);
      cycle.forEach((member, i) => found.set(member, [...cycle.slice(i), ...cycle.slice(0, i)]));
    }
    for (const r of path) done.add(r);
  }
  const result = { next, cycles: found };
  memo.set(ctx, result);
  return result;
}

/**
 * REF003: `superseded_by` leads to a replacement: it does not point to the record itself, and a
 * chain of replacements never comes back to where it started (a → b → a), in any collection or
 * among claims. A cycle leaves no current record to use.
 */
export const referencesSupersession: DataRule = {
  code: 'REF003',
  title: 'No supersession cycles',
  severity: 'error',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const { next, cycles } = supersession(ctx);
    for (const [record, cycle] of cycles) {
      const { entry, pointer, id } = next.get(record)!;
      const ids = cycle.map((r) => String(r.id));
      issues.push({
        entry,
        pointer,
        message:
          cycle.length === 1
            ? `"${id}" is superseded by itself`
            : `superseded_by forms a cycle: ${[...ids, ids[0]].join(' → ')}`,
        hint: 'point superseded_by to the record (or claim) that replaces this one and is not withdrawn; the current record has no superseded_by',
      });
    }
    return issues;
  },
};
