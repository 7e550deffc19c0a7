import { safeBounds, type RecordEntry } from '@encrochat-ledger/core';
import { claimBounds, type Claim } from '@encrochat-ledger/dataset';
import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';
import { scopeKey } from './consistency-funnel.js';

/**
 * CONS002 (warning): a cumulative metric (arrests so far, cash seized so far) from official sources
 * does not go down over time for the same scope: a later official figure's upper bound is not below
 * an earlier one's lower bound.
 */
export const consistencyCumulative: DataRule = {
  code: 'CONS002',
  title: 'Cumulative official series does not go down',
  severity: 'warning',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const series = new Map<
      string,
      {
        end: string;
        low: number;
        high: number;
        entry: RecordEntry;
        pointer: string;
        as_of: string;
      }[]
    >();
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      if (source.reliability !== 'official' || claim.withdrawn) continue;
      if (ctx.get('metrics', claim.metric)?.cumulative !== true) continue;
      const end = safeBounds(claim.as_of)?.end;
      if (!end || typeof claim.value !== 'number') continue;
      const bounds = claimBounds(claim as Claim);
      const low = bounds.min ?? -Infinity;
      const high = bounds.max ?? Infinity;
      const key = `${claim.metric}|${claim.unit}|${scopeKey({ ...claim, as_of: '' })}`;
      const list = series.get(key) ?? [];
      list.push({ end, low, high, entry, pointer, as_of: claim.as_of });
      series.set(key, list);
    }
    for (const list of series.values()) {
      list.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
      let best = list[0];
      for (const point of list.slice(1)) {
        if (best && point.end > best.end && point.high < best.low)
          issues.push({
            entry: point.entry,
            pointer: `${point.pointer}/value`,
            message: `cumulative official figure ${point.high} at ${point.as_of} is lower than ${best.low} at ${best.as_of} for the same scope`,
            hint: 'check the scope (a narrower area or operation?) and the value; if the source really went down, say why in the note',
          });
        if (!best || point.low > best.low) best = point;
      }
    }
    return issues;
  },
};
