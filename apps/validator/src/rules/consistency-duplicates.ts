import type { DataRule, Issue } from '../rule.js';

type Rec = Record<string, any>;
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
    // Cheap keys first (most claims share them with no other); the full comparison only on a match.
    const bySource = new Map<string, Rec[]>();
    const byQuote = new Map<string, Rec[]>();
    const figure = (c: Rec) => [c.metric, c.unit, c.qualifier, c.value ?? '', c.min ?? '', c.max ?? '', scopeKey(c)].join('|');
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const cheap = `${source.id}|${claim.metric}|${claim.as_of}|${claim.value ?? claim.min}`;
      const quote = typeof claim.quote === 'string' ? claim.quote : '';
      const a = bySource.get(cheap);
      const b = byQuote.get(quote);
      let first: Rec | undefined;
      if (a || b) {
        const mine = figure(claim);
        first = a?.find((c) => figure(c) === mine) ?? b?.find((c) => figure(c) === mine);
      }
      if (first) issues.push({ entry, pointer, message: `claim "${claim.id}" states the same figure for the same scope and date as "${first.id}"`, hint: 'keep one claim (withdraw the other if it was released), or tell them apart by breakdown or scope' });
      if (a) a.push(claim);
      else bySource.set(cheap, [claim]);
      if (b) b.push(claim);
      else byQuote.set(quote, [claim]);
    }
    return issues;
  },
};
