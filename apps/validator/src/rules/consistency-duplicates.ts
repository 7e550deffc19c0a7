import type { DataRule, Issue } from '../rule.js';

type Rec = JsonRecord;
import { eachClaim } from '../rule.js';
import { scopeKey } from './consistency-funnel.js';
import type { JsonRecord } from '@encrochat-ledger/core';

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
      if (f === undefined)
        figures.set(
          c,
          (f = [
            c.metric,
            c.unit,
            c.qualifier,
            c.value ?? '',
            c.min ?? '',
            c.max ?? '',
            scopeKey(c),
          ].join('|')),
        );
      return f;
    };
    /** The earliest claim in `list` with the figure of `claim`. */
    const sameFigure = (list: Rec[] | undefined, claim: Rec) =>
      list?.find((c) => figure(c) === figure(claim));
    const cheap = (c: Rec) => `${c.metric}|${c.as_of}|${c.value ?? c.min}`;
    /**
     * Claims grouped by a first key (a source id, a quote) and, once a first key is shared, by their
     * cheap fields: each claim is compared only with earlier claims of the same metric, date and number.
     */
    const grouper = () => {
      const groups = new Map<string, { first: Rec; byCheap?: Map<string, Rec[]> }>();
      return (key: string, claim: Rec): Rec | undefined => {
        const group = groups.get(key);
        if (!group) {
          groups.set(key, { first: claim });
          return undefined;
        }
        group.byCheap ??= new Map([[cheap(group.first), [group.first]]]);
        const k = cheap(claim);
        const list = group.byCheap.get(k);
        const match = sameFigure(list, claim);
        if (list) list.push(claim);
        else group.byCheap.set(k, [claim]);
        return match;
      };
    };
    const inSource = grouper();
    const withQuote = grouper();
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      // The same source, metric, date and number; or the same quote (one text curated twice).
      const bySource = inSource(String(source.id), claim);
      const byQuote = withQuote(typeof claim.quote === 'string' ? claim.quote : '', claim);
      const first = bySource ?? byQuote;
      if (first)
        issues.push({
          entry,
          pointer,
          message: `claim "${claim.id}" states the same figure for the same scope and date as "${first.id}"`,
          hint: 'keep one claim (withdraw the other if it was released), or tell them apart by breakdown or scope',
        });
    }
    return issues;
  },
};
