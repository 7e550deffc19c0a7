import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';
import { visitReferences, type Target } from './references.js';
import { supersessionCycles } from './references-supersession.js';
import type { JsonRecord } from '@encrochat-ledger/core';

type Rec = JsonRecord;

/** A withdrawn record or claim: the record, its withdrawal, and whether it is withdrawn only with its source. */
interface Withdrawn {
  record: Rec;
  withdrawal: Rec;
  withSource: boolean;
}

/**
 * REF002: no reference leads to a withdrawn record (metric, place, organisation, operation, network,
 * person, source, claim, superseded_by; aliases resolved). A withdrawn record stays for the record,
 * but what is current must not use it: use its replacement (its `superseded_by`). A claim counts as
 * withdrawn when it or its source is.
 *
 * A withdrawn record keeps its references as they were, except `superseded_by`, which must lead to a
 * current record (a → b with b itself replaced by c: point a to c). A `superseded_by` that comes back
 * to its record is REF003's.
 */
export const referencesWithdrawn: DataRule = {
  code: 'REF002',
  title: 'No references to withdrawn records',
  severity: 'error',
  scope: 'dataset',
  check(ctx) {
    // Withdrawn records are few: collect them (by id and alias) first; with none, nothing can lead to one.
    const withdrawn = new Map<Target, Map<string, Withdrawn>>();
    const add = (target: Target, record: Rec, withdrawal: Rec, withSource = false) => {
      let ids = withdrawn.get(target);
      if (!ids) withdrawn.set(target, (ids = new Map()));
      for (const id of [record.id, ...(Array.isArray(record.aliases) ? record.aliases : [])])
        if (typeof id === 'string' && !ids.has(id)) ids.set(id, { record, withdrawal, withSource });
    };
    for (const entry of ctx.records)
      if (isWithdrawal(entry.record.withdrawn))
        add(entry.collection, entry.record, entry.record.withdrawn);
    for (const { claim, source } of eachClaim(ctx))
      if (isWithdrawal(claim.withdrawn)) add('claims', claim, claim.withdrawn);
      else if (isWithdrawal(source.withdrawn)) add('claims', claim, source.withdrawn, true);
    if (!withdrawn.size) return [];

    const issues: Issue[] = [];
    const cycles = supersessionCycles(ctx);
    for (const entry of ctx.records) {
      const record = entry.record;
      visitReferences(entry, (target, id, at, field) => {
        const to = typeof id === 'string' ? withdrawn.get(target)?.get(id) : undefined;
        if (!to) return;
        // The record or claim that makes the reference.
        const from: Rec =
          (at.startsWith('/claims/') && Array.isArray(record.claims)
            ? record.claims[Number(at.slice('/claims/'.length))]
            : undefined) ?? record;
        const replaced = field === '/superseded_by';
        if (replaced ? cycles.has(from) : from.withdrawn || record.withdrawn) return;
        const noun = target === 'claims' ? 'claim' : target.replace(/s$/, '');
        const by = typeof to.record.superseded_by === 'string' ? to.record.superseded_by : null;
        issues.push({
          entry,
          pointer: at + field,
          message: `${noun} "${id}" is withdrawn${to.withSource ? ' with its source' : ''}${typeof to.withdrawal.date === 'string' ? ` (${to.withdrawal.date})` : ''}`,
          hint:
            by && !to.withSource
              ? `use its replacement "${by}"`
              : `use a current ${noun}${replaced ? '' : ', or withdraw this record too if it stands only on the withdrawn one'}`,
        });
      });
    }
    return issues;
  },
};

const isWithdrawal = (value: unknown): value is Rec => typeof value === 'object' && value !== null;
