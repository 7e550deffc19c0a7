import { safeBounds, type RecordEntry, type JsonRecord } from '@encrochat-ledger/core';
import {
  buildClaimsTable,
  findConflicts,
  type DatasetBundle,
  type DateBounds,
} from '@encrochat-ledger/dataset';
import { passedSchema } from './schema.js';
import type { DataRule, Issue } from '../rule.js';

type Rec = JsonRecord;

/**
 * CONS004 (info): claims that disagree — the same metric, scope and date, with figures that cannot
 * all be true. Disagreement is data, kept on purpose; this only points it out, with the same rule
 * (and code) as the exporter's `conflicts` table and the viewer, from @encrochat-ledger/dataset.
 */
export const disagreement: DataRule = {
  code: 'CONS004',
  title: 'Sources disagree',
  severity: 'info',
  scope: 'dataset',
  check(ctx) {
    // Claims can only disagree with claims of the same metric, unit, place and days (parts of the
    // series point's key): the claims alone on such a key are left out before the shared rule runs.
    const candidates: { entry: RecordEntry; claim: Rec; index: number; key: string }[] = [];
    const seen = new Map<string, number>();
    for (const entry of ctx.of('sources')) {
      // Only sources that passed their schema take part (malformed ones are the schema rule's business).
      if (!passedSchema(ctx, entry)) continue;
      const claims: Rec[] = entry.record.claims;
      for (let index = 0; index < claims.length; index++) {
        const c = claims[index]!;
        const b = safeBounds(c.as_of);
        if (!b) continue;
        const key = `${c.metric}|${c.unit}|${c.scope.place}|${b.start}|${b.end}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        candidates.push({ entry, claim: c, index, key });
      }
    }
    const where = new Map<string, { entry: RecordEntry; index: number }>();
    const kept = new Map<RecordEntry, Rec[]>();
    const dates: Record<string, readonly [string | null, string | null]> = {};
    for (const { entry, claim, index, key } of candidates) {
      if (seen.get(key)! < 2) continue;
      where.set(claim.id, { entry, index });
      const b = safeBounds(claim.as_of)!;
      dates[claim.as_of] = [b.start, b.end];
      const list = kept.get(entry);
      if (list) list.push(claim);
      else kept.set(entry, [claim]);
    }
    const sources = [...kept].map(([{ record: r }, claims]) => ({
      ...r,
      claims,
      published: typeof r.published === 'string' ? r.published : null,
    }));
    const bundle = {
      sources,
      places: ctx.of('places').map((e) => e.record),
      metrics: ctx.of('metrics').map((e) => e.record),
    } as unknown as DatasetBundle;
    const issues: Issue[] = [];
    for (const group of findConflicts(buildClaimsTable(bundle, dates as DateBounds))) {
      for (const claim of group.claims) {
        const at = where.get(claim.claim_id);
        if (!at) continue;
        const others = group.claims
          .filter((c) => c.claim_id !== claim.claim_id)
          .map((c) => `${c.claim_id} (${c.qualifier} ${c.value ?? `${c.min}–${c.max}`})`);
        issues.push({
          entry: at.entry,
          pointer: `/claims/${at.index}/value`,
          message: `with ${others.length} other claim(s) for the same metric, scope and date, the figures cannot all be true: ${others.slice(0, 4).join(', ')}${others.length > 4 ? ', …' : ''}`,
          hint: 'nothing to fix if each claim is true to its source: disagreements are kept as data (see the conflicts table)',
        });
      }
    }
    return issues;
  },
};
