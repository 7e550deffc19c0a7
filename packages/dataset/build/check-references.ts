import path from 'node:path';
import type { CollectionName } from './collections.js';
import type { LoadedRecord, Problem } from './load-data.js';

type Rec = Record<string, any>;

/** Every id (and alias) by collection, and claim ids. */
function indexIds(records: LoadedRecord[]) {
  const ids = new Map<CollectionName | 'claims', Set<string>>();
  const add = (c: CollectionName | 'claims', id: unknown) => {
    if (typeof id !== 'string') return;
    if (!ids.has(c)) ids.set(c, new Set());
    ids.get(c)!.add(id);
  };
  for (const { collection, record } of records) {
    add(collection, record.id);
    for (const alias of (record.aliases as unknown[]) ?? []) add(collection, alias);
    if (collection === 'sources')
      for (const claim of (record.claims as Rec[]) ?? []) {
        add('claims', claim.id);
        for (const alias of (claim.aliases as unknown[]) ?? []) add('claims', alias);
      }
  }
  return (c: CollectionName | 'claims', id: unknown) => typeof id === 'string' && (ids.get(c)?.has(id) ?? false);
}

/**
 * Identity and reference integrity: ids match file names and are unique, claim ids start with their
 * source id, and every reference to another record resolves (aliases count).
 */
export function checkReferences(records: LoadedRecord[]): Problem[] {
  const problems: Problem[] = [];
  const has = indexIds(records);
  const metrics = new Map(records.filter((r) => r.collection === 'metrics').map((r) => [r.record.id, r.record as Rec]));
  const seen = new Map<string, string>();
  const seenClaims = new Map<string, string>();

  for (const { collection, file, record } of records) {
    const expected = path.basename(file, '.json');
    if (record.id !== expected)
      problems.push({ file, pointer: '/id', message: `id "${record.id}" does not match the file name "${expected}.json"`, hint: `rename the file to ${record.id}.json or set id to "${expected}"` });
    const key = `${collection}/${record.id}`;
    if (seen.has(key)) problems.push({ file, pointer: '/id', message: `id "${record.id}" is also used by ${seen.get(key)}`, hint: 'ids must be unique within a collection' });
    seen.set(key, file);

    const ref = (pointer: string, target: CollectionName | 'claims', id: unknown) => {
      if (id === undefined || has(target, id)) return;
      problems.push({ file, pointer, message: `${target.replace(/s$/, '')} "${String(id)}" does not exist`, hint: `add data/${target}/${String(id)}.json or use an existing id from data/${target}/` });
    };
    const refs = (pointer: string, target: CollectionName, list: unknown) => {
      if (Array.isArray(list)) list.forEach((id, i) => ref(`${pointer}/${i}`, target, id));
    };
    if (record.superseded_by !== undefined) ref('/superseded_by', collection, record.superseded_by);

    switch (collection) {
      case 'organisations':
        ref('/country', 'places', record.country);
        refs('/places', 'places', record.places);
        ref('/parent', 'organisations', record.parent);
        break;
      case 'places':
        ref('/parent', 'places', record.parent);
        break;
      case 'operations':
        ref('/parent', 'operations', record.parent);
        refs('/lead_organisations', 'organisations', record.lead_organisations);
        ref('/place', 'places', record.place);
        refs('/networks', 'networks', record.networks);
        break;
      case 'persons':
        ((record.roles as Rec[]) ?? []).forEach((role, i) => ref(`/roles/${i}/organisation`, 'organisations', role.organisation));
        break;
      case 'events':
        ref('/place', 'places', record.place);
        refs('/organisations', 'organisations', record.organisations);
        refs('/operations', 'operations', record.operations);
        refs('/networks', 'networks', record.networks);
        ref('/court_case/court', 'organisations', (record.court_case as Rec | undefined)?.court);
        ((record.sources as Rec[]) ?? []).forEach((s, i) => ref(`/sources/${i}/source`, 'sources', s.source));
        break;
      case 'sources':
        ref('/publisher_organisation', 'organisations', record.publisher_organisation);
        ((record.claims as Rec[]) ?? []).forEach((claim, i) => {
          const at = `/claims/${i}`;
          if (typeof claim.id === 'string') {
            if (!claim.id.startsWith(`${record.id}/`))
              problems.push({ file, pointer: `${at}/id`, message: `claim id "${claim.id}" does not start with its source id "${record.id}/"`, hint: `name it "${record.id}/<slug>"` });
            if (seenClaims.has(claim.id)) problems.push({ file, pointer: `${at}/id`, message: `claim id "${claim.id}" is used twice (also in ${seenClaims.get(claim.id)})`, hint: 'give each claim its own slug' });
            seenClaims.set(claim.id, file);
          }
          ref(`${at}/metric`, 'metrics', claim.metric);
          const scope = (claim.scope as Rec) ?? {};
          ref(`${at}/scope/place`, 'places', scope.place);
          refs(`${at}/scope/networks`, 'networks', scope.networks);
          ref(`${at}/scope/operation`, 'operations', scope.operation);
          refs(`${at}/scope/organisations`, 'organisations', scope.organisations);
          const by = (claim.attributed_to as Rec) ?? {};
          ref(`${at}/attributed_to/organisation`, 'organisations', by.organisation);
          ref(`${at}/attributed_to/person`, 'persons', by.person);
          if (claim.superseded_by !== undefined) ref(`${at}/superseded_by`, 'claims', claim.superseded_by);
          const metric = metrics.get(claim.metric);
          if (metric) {
            if (!(metric.units as string[]).includes(claim.unit))
              problems.push({ file, pointer: `${at}/unit`, message: `unit "${claim.unit}" is not allowed for metric "${claim.metric}" (allowed: ${(metric.units as string[]).join(', ')})`, hint: 'convert the value to an allowed unit and say so in the note, or pick the right metric' });
            for (const key of Object.keys((claim.breakdown as Rec) ?? {}))
              if (!((metric.breakdown_keys as string[]) ?? []).includes(key))
                problems.push({ file, pointer: `${at}/breakdown/${key}`, message: `breakdown "${key}" is not allowed for metric "${claim.metric}"`, hint: `allowed: ${((metric.breakdown_keys as string[]) ?? []).join(', ') || 'none'}` });
          }
        });
        break;
    }
  }
  return problems;
}
