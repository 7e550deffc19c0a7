/**
 * Record-level diff: per collection (and for the claims inside sources), what was added, removed,
 * renamed (a NEW record whose `aliases` hold a removed id), withdrawn or reinstated (`withdrawn`
 * set or cleared), or changed, field by field.
 */
import type { Bump } from './bump.js';
import { COLLECTIONS, type Rec, type Side } from './load.js';
import type { Collection, FieldChange, FieldSetChange, RecordChange } from './types.js';

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);

/** Stable JSON (sorted keys), for comparing values. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

const equal = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Fields never compared as values: the claims of a source are diffed as records of their own. */
const NESTED_RECORDS = new Set(['claims']);

/** Field by field: nested objects are walked (`scope.place`), arrays and scalars compared whole. */
export function diffFields(
  oldRec: Rec,
  newRec: Rec,
  skip: ReadonlySet<string> = new Set(),
  prefix = '',
): FieldChange[] {
  const out: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(oldRec), ...Object.keys(newRec)])].sort();
  for (const key of keys) {
    const p = prefix + key;
    if (!prefix && (skip.has(key) || NESTED_RECORDS.has(key))) continue;
    const a = oldRec[key];
    const b = newRec[key];
    if (a === undefined && b !== undefined) out.push({ path: p, kind: 'added', new: b });
    else if (a !== undefined && b === undefined) out.push({ path: p, kind: 'removed', old: a });
    else if (isObject(a) && isObject(b)) out.push(...diffFields(a, b, skip, `${p}.`));
    else if (!equal(a, b)) out.push({ path: p, kind: 'changed', old: a, new: b });
  }
  return out;
}

const LIFECYCLE = new Set(['id', 'aliases', 'withdrawn', 'superseded_by']);
const BUMP_OF: Record<RecordChange['kind'], Bump> = {
  added: 'minor',
  removed: 'major',
  renamed: 'major',
  withdrawn: 'patch',
  reinstated: 'patch',
  changed: 'patch',
};
const WHY: Record<RecordChange['kind'], string> = {
  added: 'a new record (minor)',
  removed: 'a removed id (major): withdraw records instead of deleting them',
  renamed: 'a renamed id (major); the old id resolves through aliases',
  withdrawn: 'a withdrawal is a correction (patch); the id still resolves',
  reinstated: 'a withdrawal undone is a correction (patch)',
  changed: 'a correction (patch)',
};

function change(
  collection: Collection,
  kind: RecordChange['kind'],
  id: string,
  extra: Partial<RecordChange> = {},
): RecordChange {
  return { collection, kind, id, ...extra, bump: BUMP_OF[kind], why: WHY[kind] };
}

export function diffCollection(
  collection: Collection,
  oldMap: Map<string, Rec>,
  newMap: Map<string, Rec>,
): RecordChange[] {
  const out: RecordChange[] = [];
  // Renames: an id gone from NEW that a NEW record lists in its aliases.
  const renamedTo = new Map<string, string>();
  for (const [id, rec] of newMap) {
    if (oldMap.has(id) || !Array.isArray(rec.aliases)) continue;
    for (const alias of rec.aliases)
      if (
        typeof alias === 'string' &&
        oldMap.has(alias) &&
        !newMap.has(alias) &&
        !renamedTo.has(alias)
      )
        renamedTo.set(alias, id);
  }
  const renameTargets = new Set(renamedTo.values());
  const sourceOf = (rec: Rec) =>
    collection === 'claims' && typeof rec.source_id === 'string'
      ? { source_id: rec.source_id }
      : {};

  for (const [id, oldRec] of oldMap) {
    const newRec = newMap.get(id);
    if (!newRec) {
      const to = renamedTo.get(id);
      if (to) {
        const target = newMap.get(to)!;
        out.push(
          change(collection, 'renamed', to, {
            from: id,
            ...sourceOf(target),
            fields: diffFields(oldRec, target, LIFECYCLE),
          }),
        );
      } else out.push(change(collection, 'removed', id, sourceOf(oldRec)));
      continue;
    }
    const wasWithdrawn = oldRec.withdrawn !== undefined;
    const isWithdrawn = newRec.withdrawn !== undefined;
    if (!wasWithdrawn && isWithdrawn) {
      const w = newRec.withdrawn as { date?: unknown; reason?: unknown };
      out.push(
        change(collection, 'withdrawn', id, {
          ...sourceOf(newRec),
          withdrawn: { date: String(w.date ?? ''), reason: String(w.reason ?? '') },
          ...(typeof newRec.superseded_by === 'string'
            ? { superseded_by: newRec.superseded_by }
            : {}),
          fields: diffFields(oldRec, newRec, new Set(['withdrawn', 'superseded_by'])),
        }),
      );
      continue;
    }
    if (wasWithdrawn && !isWithdrawn) {
      out.push(
        change(collection, 'reinstated', id, {
          ...sourceOf(newRec),
          fields: diffFields(oldRec, newRec),
        }),
      );
      continue;
    }
    const fields = diffFields(oldRec, newRec);
    if (fields.length) out.push(change(collection, 'changed', id, { ...sourceOf(newRec), fields }));
  }
  for (const [id, newRec] of newMap)
    if (!oldMap.has(id) && !renameTargets.has(id))
      out.push(change(collection, 'added', id, sourceOf(newRec)));
  const order: RecordChange['kind'][] = [
    'removed',
    'renamed',
    'withdrawn',
    'reinstated',
    'added',
    'changed',
  ];
  return out.sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export function diffRecords(oldSide: Side, newSide: Side): RecordChange[] {
  return COLLECTIONS.flatMap((c) =>
    diffCollection(c, oldSide.records.get(c)!, newSide.records.get(c)!),
  );
}

/** Field paths used by the records of a collection (objects walked, `breakdown` keys are values, not fields). */
function fieldSet(records: Map<string, Rec>): Set<string> {
  const out = new Set<string>();
  const walk = (rec: Rec, prefix: string) => {
    for (const [k, v] of Object.entries(rec)) {
      if (!prefix && NESTED_RECORDS.has(k)) continue;
      out.add(prefix + k);
      if (isObject(v) && k !== 'breakdown') walk(v, `${prefix}${k}.`);
    }
  };
  for (const rec of records.values()) walk(rec, '');
  return out;
}

/**
 * Without schemas on both sides, the fields themselves are compared: a field no NEW record uses any
 * more is a removed field (major), a field no OLD record used is a new field (minor). Only between
 * two non-empty collections.
 */
export function diffFieldSets(oldSide: Side, newSide: Side): FieldSetChange[] {
  const out: FieldSetChange[] = [];
  for (const c of COLLECTIONS) {
    const a = oldSide.records.get(c)!;
    const b = newSide.records.get(c)!;
    if (!a.size || !b.size) continue;
    const fa = fieldSet(a);
    const fb = fieldSet(b);
    for (const f of [...fa].sort())
      if (!fb.has(f))
        out.push({
          collection: c,
          field: f,
          kind: 'removed',
          bump: 'major',
          why: 'a field no record uses any more (major)',
        });
    for (const f of [...fb].sort())
      if (!fa.has(f))
        out.push({
          collection: c,
          field: f,
          kind: 'added',
          bump: 'minor',
          why: 'a new field (minor)',
        });
  }
  return out;
}
