import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';
import type { JsonRecord, RecordEntry } from '@encrochat-ledger/core';

const STAGES = ['arrests', 'charges', 'convictions'] as const;

/** The scope and date key under which arrests, charges and convictions are compared. */
export function scopeKey(claim: JsonRecord): string {
  const s = claim.scope ?? {};
  const list = (v: unknown) => (Array.isArray(v) ? [...v].sort().join(',') : '');
  return [
    s.place,
    s.operation ?? '',
    list(s.organisations),
    list(s.networks),
    JSON.stringify(claim.breakdown ?? null),
    claim.as_of,
  ].join('|');
}

/**
 * CONS001 (warning): within one source, for the same scope and date, convictions ≤ charges ≤ arrests.
 * More people convicted than charged (or charged than arrested) usually means a typo or a wrong scope.
 */
export const consistencyFunnel: DataRule = {
  code: 'CONS001',
  title: 'Convictions ≤ charges ≤ arrests',
  severity: 'warning',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const groups = new Map<
      string,
      Map<string, { value: number; entry: RecordEntry; pointer: string }>
    >();
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (
        !STAGES.includes(claim.metric) ||
        typeof claim.value !== 'number' ||
        claim.unit !== 'count' ||
        claim.breakdown
      )
        continue;
      const key = `${source.id}|${scopeKey(claim)}`;
      const group = groups.get(key) ?? new Map();
      group.set(claim.metric, { value: claim.value, entry, pointer });
      groups.set(key, group);
    }
    for (const group of groups.values())
      for (let i = 1; i < STAGES.length; i++) {
        const later = group.get(STAGES[i]!);
        // Compare with the nearest earlier stage the source gives (convictions with arrests when no charges).
        const j = [...STAGES.keys()]
          .slice(0, i)
          .reverse()
          .find((k) => group.has(STAGES[k]!));
        const earlier = j === undefined ? undefined : group.get(STAGES[j]!);
        if (later && earlier && later.value > earlier.value)
          issues.push({
            entry: later.entry,
            pointer: `${later.pointer}/value`,
            message: `${STAGES[i]} (${later.value}) exceed ${STAGES[j!]} (${earlier.value}) for the same scope and date`,
            hint: 'check both figures and their scopes against the source',
          });
      }
    return issues;
  },
};
