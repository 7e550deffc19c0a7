import type { DataRule, Issue } from '../rule.js';
import { eachClaim } from '../rule.js';
import { scopeKey } from './consistency-funnel.js';

/**
 * CONS003 (warning): two claims that look like duplicates: the same source, metric, scope, date,
 * unit and figure — or, across sources, also the same quote (one text curated twice).
 */
export const consistencyDuplicates: DataRule = {
  code: 'CONS003',
  title: 'Duplicate claims',
  severity: 'warning',
  scope: 'dataset',
  check(ctx) {
    const issues: Issue[] = [];
    const inSource = new Map<string, string>();
    const byQuote = new Map<string, string>();
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const figure = [claim.metric, claim.unit, claim.qualifier, claim.value ?? '', claim.min ?? '', claim.max ?? '', scopeKey(claim)].join('|');
      const a = `${source.id}|${figure}`;
      const b = `${figure}|${claim.quote}`;
      const first = inSource.get(a) ?? byQuote.get(b);
      if (first) issues.push({ entry, pointer, message: `claim "${claim.id}" states the same figure for the same scope and date as "${first}"`, hint: 'keep one claim (withdraw the other if it was released), or tell them apart by breakdown or scope' });
      inSource.set(a, inSource.get(a) ?? claim.id);
      byQuote.set(b, byQuote.get(b) ?? claim.id);
    }
    return issues;
  },
};
