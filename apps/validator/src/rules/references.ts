import type { CollectionName } from '../collections.js';
import type { Context, DataRule, Issue } from '../rule.js';
import type { RecordEntry } from '../inputs.js';

type Target = CollectionName | 'claims';

/** Every reference field of every record kind: [pointer within the record, target collection, value]. */
function* references(entry: RecordEntry): Generator<[string, Target, unknown]> {
  const r = entry.record;
  const list = function* (pointer: string, target: Target, value: unknown): Generator<[string, Target, unknown]> {
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield [`${pointer}/${i}`, target, value[i]];
  };
  if (r.superseded_by !== undefined) yield ['/superseded_by', entry.collection, r.superseded_by];
  switch (entry.collection) {
    case 'organisations':
      yield ['/country', 'places', r.country];
      yield* list('/places', 'places', r.places);
      yield ['/parent', 'organisations', r.parent];
      break;
    case 'places':
      yield ['/parent', 'places', r.parent];
      break;
    case 'operations':
      yield ['/parent', 'operations', r.parent];
      yield* list('/lead_organisations', 'organisations', r.lead_organisations);
      yield ['/place', 'places', r.place];
      yield* list('/networks', 'networks', r.networks);
      break;
    case 'persons':
      if (Array.isArray(r.roles)) for (let i = 0; i < r.roles.length; i++) yield [`/roles/${i}/organisation`, 'organisations', r.roles[i]?.organisation];
      break;
    case 'events':
      yield ['/place', 'places', r.place];
      yield* list('/organisations', 'organisations', r.organisations);
      yield* list('/operations', 'operations', r.operations);
      yield* list('/networks', 'networks', r.networks);
      yield ['/court_case/court', 'organisations', r.court_case?.court];
      if (Array.isArray(r.sources)) for (let i = 0; i < r.sources.length; i++) yield [`/sources/${i}/source`, 'sources', r.sources[i]?.source];
      break;
    case 'sources':
      yield ['/publisher_organisation', 'organisations', r.publisher_organisation];
      if (Array.isArray(r.claims))
        for (let i = 0; i < r.claims.length; i++) {
          const c = r.claims[i] ?? {};
          const at = `/claims/${i}`;
          yield [`${at}/metric`, 'metrics', c.metric];
          yield [`${at}/scope/place`, 'places', c.scope?.place];
          yield* list(`${at}/scope/networks`, 'networks', c.scope?.networks);
          yield [`${at}/scope/operation`, 'operations', c.scope?.operation];
          yield* list(`${at}/scope/organisations`, 'organisations', c.scope?.organisations);
          yield [`${at}/attributed_to/organisation`, 'organisations', c.attributed_to?.organisation];
          yield [`${at}/attributed_to/person`, 'persons', c.attributed_to?.person];
          yield [`${at}/superseded_by`, 'claims', c.superseded_by];
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
      for (const [pointer, target, id] of references(entry)) {
        if (id === undefined || typeof id !== 'string' || ctx.has(target, id)) continue;
        const noun = target === 'claims' ? 'claim' : target.replace(/s$/, '');
        issues.push({
          entry,
          pointer,
          message: `${noun} "${id}" does not exist`,
          hint: target === 'claims' ? 'point to an existing claim id' : `use an id from data/${target}/, or add data/${target}/${id}.json`,
        });
      }
    return issues;
  },
};
