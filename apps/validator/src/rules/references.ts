import type { CollectionName, RecordEntry } from '@encrochat-ledger/core';
import type { Context, DataRule, Issue } from '../rule.js';

export type Target = CollectionName | 'claims';

/** Called for each reference: its target collection, its value, and its pointer as a prefix and a field (joined only when reported). */
export type Visit = (target: Target, id: unknown, at: string, field: string) => void;

/** Visits every reference field of a record (also used by REF002). */
export function visitReferences(entry: RecordEntry, visit: Visit): void {
  const r = entry.record;
  const list = (at: string, field: string, target: Target, value: unknown) => {
    if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) visit(target, value[i], at, `${field}/${i}`);
  };
  if (r.superseded_by !== undefined) visit(entry.collection, r.superseded_by, '', '/superseded_by');
  switch (entry.collection) {
    case 'organisations':
      visit('places', r.country, '', '/country');
      list('', '/places', 'places', r.places);
      visit('organisations', r.parent, '', '/parent');
      break;
    case 'places':
      visit('places', r.parent, '', '/parent');
      break;
    case 'operations':
      visit('operations', r.parent, '', '/parent');
      list('', '/lead_organisations', 'organisations', r.lead_organisations);
      visit('places', r.place, '', '/place');
      list('', '/networks', 'networks', r.networks);
      break;
    case 'persons':
      if (Array.isArray(r.roles))
        for (let i = 0; i < r.roles.length; i++)
          visit('organisations', r.roles[i]?.organisation, `/roles/${i}`, '/organisation');
      break;
    case 'events':
      visit('places', r.place, '', '/place');
      list('', '/organisations', 'organisations', r.organisations);
      list('', '/operations', 'operations', r.operations);
      list('', '/networks', 'networks', r.networks);
      visit('organisations', r.court_case?.court, '', '/court_case/court');
      if (Array.isArray(r.sources))
        for (let i = 0; i < r.sources.length; i++)
          visit('sources', r.sources[i]?.source, `/sources/${i}`, '/source');
      break;
    case 'sources':
      visit('organisations', r.publisher_organisation, '', '/publisher_organisation');
      if (Array.isArray(r.claims))
        for (let i = 0; i < r.claims.length; i++) {
          const c = r.claims[i] ?? {};
          const at = `/claims/${i}`;
          visit('metrics', c.metric, at, '/metric');
          visit('places', c.scope?.place, at, '/scope/place');
          list(at, '/scope/networks', 'networks', c.scope?.networks);
          visit('operations', c.scope?.operation, at, '/scope/operation');
          list(at, '/scope/organisations', 'organisations', c.scope?.organisations);
          visit('organisations', c.attributed_to?.organisation, at, '/attributed_to/organisation');
          visit('persons', c.attributed_to?.person, at, '/attributed_to/person');
          visit('claims', c.superseded_by, at, '/superseded_by');
        }
      break;
  }
}

/** REF001: every reference to another record (metric, place, organisation, operation, network, person, source, claim, superseded_by) resolves; aliases count. */
export const referencesResolve: DataRule = {
  code: 'REF001',
  title: 'References resolve',
  severity: 'error',
  scope: 'dataset',
  check(ctx: Context) {
    const issues: Issue[] = [];
    for (const entry of ctx.records)
      visitReferences(entry, (target, id, at, field) => {
        if (typeof id !== 'string' || ctx.has(target, id)) return;
        const noun = target === 'claims' ? 'claim' : target.replace(/s$/, '');
        issues.push({
          entry,
          pointer: at + field,
          message: `${noun} "${id}" does not exist`,
          hint:
            target === 'claims'
              ? 'point to an existing claim id'
              : `use an id from data/${target}/, or add data/${target}/${id}.json`,
        });
      });
    return issues;
  },
};
