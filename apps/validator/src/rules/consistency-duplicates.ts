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
    // Claims are first compared on cheap fields (most share them with no other); the full figure
    // (computed once per claim, and only for those) decides.
    const figures = new Map<Rec, string>();
    const figure = (c: Rec) => {
      let f = figures.get(c);
      if (f === undefined) figures.set(c, (f = [c.metric, c.unit, c.qualifier, c.value ?? '', c.min ?? '', c.max ?? '', scopeKey(c)].join('|')));
      return f;
    };
    const same = (a: unknown, b: unknown) => a === b || String(a) === String(b);
    const bySource = new Map<string, Rec[]>();
    const byQuote = new Map<string, Rec[]>();
    const earlier = <K>(map: Map<K, Rec[]>, key: K, claim: Rec): Rec[] | undefined => {
      const list = map.get(key);
      if (list) list.push(claim);
      else map.set(key, [claim]);
      return list && list.length > 1 ? list : undefined;
    };
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const inSource = earlier(bySource, String(source.id), claim);
      const withQuote = earlier(byQuote, typeof claim.quote === 'string' ? claim.quote : '', claim);
      let first: Rec | undefined;
      // The same source, metric, date and number; or the same quote (one text curated twice).
      if (inSource)
        for (let i = 0; i < inSource.length - 1 && !first; i++) {
          const c = inSource[i]!;
          if (same(c.metric, claim.metric) && same(c.as_of, claim.as_of) && same(c.value ?? c.min, claim.value ?? claim.min) && figure(c) === figure(claim)) first = c;
        }
      if (withQuote && !first)
        for (let i = 0; i < withQuote.length - 1 && !first; i++) {
          const c = withQuote[i]!;
          if (same(c.metric, claim.metric) && same(c.value ?? c.min, claim.value ?? claim.min) && figure(c) === figure(claim)) first = c;
        }
      if (first) issues.push({ entry, pointer, message: `claim "${claim.id}" states the same figure for the same scope and date as "${first.id}"`, hint: 'keep one claim (withdraw the other if it was released), or tell them apart by breakdown or scope' });
    }
    return issues;
  },
};
