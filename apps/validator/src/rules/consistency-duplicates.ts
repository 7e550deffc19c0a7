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
    // Cheap keys first (most claims share them with no other); the full figure only on a match. A
    // cheap key seen twice is upgraded: its first claim is filed under its full figure, and every
    // later claim with that cheap key is looked up by its own figure.
    const figures = new Map<Rec, string>();
    const figure = (c: Rec) => {
      let f = figures.get(c);
      if (f === undefined) figures.set(c, (f = [c.metric, c.unit, c.qualifier, c.value ?? '', c.min ?? '', c.max ?? '', scopeKey(c)].join('|')));
      return f;
    };
    const firstBySource = new Map<string, Rec | null>();
    const firstByQuote = new Map<string, Rec | null>();
    const bySourceFigure = new Map<string, Rec>();
    const byQuoteFigure = new Map<string, Rec>();
    /** The earliest claim with the same cheap key and figure, and files `claim` under both. */
    const match = (cheapKeys: Map<string, Rec | null>, byFigure: Map<string, Rec>, cheap: string, claim: Rec): Rec | undefined => {
      if (!cheapKeys.has(cheap)) {
        cheapKeys.set(cheap, claim);
        return undefined;
      }
      const first = cheapKeys.get(cheap);
      if (first) {
        byFigure.set(`${cheap}\u0000${figure(first)}`, first);
        cheapKeys.set(cheap, null);
      }
      const key = `${cheap}\u0000${figure(claim)}`;
      const earlier = byFigure.get(key);
      if (!earlier) byFigure.set(key, claim);
      return earlier;
    };
    for (const { entry, claim, pointer, source } of eachClaim(ctx)) {
      const bySource = match(firstBySource, bySourceFigure, `${source.id}|${claim.metric}|${claim.as_of}|${claim.value ?? claim.min}`, claim);
      const byQuote = match(firstByQuote, byQuoteFigure, typeof claim.quote === 'string' ? claim.quote : '', claim);
      const first = bySource ?? byQuote;
      if (first) issues.push({ entry, pointer, message: `claim "${claim.id}" states the same figure for the same scope and date as "${first.id}"`, hint: 'keep one claim (withdraw the other if it was released), or tell them apart by breakdown or scope' });
    }
    return issues;
  },
};
