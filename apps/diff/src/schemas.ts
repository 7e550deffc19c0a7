/**
 * Schema diff: compares the JSON Schemas of OLD and NEW, keyword by keyword, and classes each change
 * under the policy — stricter (data valid before may be invalid now) or a removed guarantee: major;
 * looser or new (optional fields, enum values, definitions): minor; wording (title, description,
 * examples): patch.
 *
 * Each schema folder of NEW (`schemas/1.1/`) is compared with the same folder of OLD, or, when OLD has
 * no such folder, with OLD's newest folder below it (a new version is a copy of the last one, changed).
 */
import { escapePointerToken } from '@encrochat-ledger/core';
import type { Bump } from './bump.js';
import { compareVersions, type Rec, type Schemas } from './load.js';
import { canonical } from './records.js';
import type { SchemaChange } from './types.js';

const isObject = (v: unknown): v is Rec => !!v && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

type Emit = (pointer: string, kind: string, detail: string, bump: Bump) => void;

const DOC_KEYWORDS = new Set([
  'title',
  'description',
  'examples',
  '$comment',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  '$schema',
]);
/** Lower bounds: raising them is stricter. */
const LOWER = new Set([
  'minimum',
  'exclusiveMinimum',
  'minLength',
  'minItems',
  'minProperties',
  'minContains',
]);
/** Upper bounds: lowering them is stricter. */
const UPPER = new Set([
  'maximum',
  'exclusiveMaximum',
  'maxLength',
  'maxItems',
  'maxProperties',
  'maxContains',
]);
/** Keywords holding one subschema. */
const SUBSCHEMA = new Set([
  'items',
  'additionalProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
/** Keywords holding a map of subschemas: a removed entry is major, a new one minor. */
const SCHEMA_MAPS = new Set([
  'properties',
  '$defs',
  'definitions',
  'patternProperties',
  'dependentSchemas',
]);
const LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

const types = (t: unknown): string[] =>
  t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];

function compare(
  a: unknown,
  b: unknown,
  pointer: string,
  emit: Emit,
  idVersion: (id: string) => string,
): void {
  if (!isObject(a) || !isObject(b)) {
    if (!same(a, b))
      emit(
        pointer,
        'schema-replaced',
        `${canonical(a)} → ${canonical(b)}`,
        b === true ? 'minor' : 'major',
      );
    return;
  }
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    const at = `${pointer}/${escapePointerToken(key)}`;
    if (same(x, y)) continue;
    if (key === '$id') {
      if (typeof x === 'string' && typeof y === 'string' && idVersion(x) === y) continue;
      emit(at, 'id-changed', `$id ${String(x)} → ${String(y)}`, 'major');
    } else if (DOC_KEYWORDS.has(key)) emit(at, 'documentation', `${key} changed`, 'patch');
    else if (key === 'type') {
      const tx = types(x);
      const ty = types(y);
      // integer is a subset of number: number → integer narrows only, integer → number widens only.
      const removed = tx.filter(
        (t) => !ty.includes(t) && !(t === 'integer' && ty.includes('number')),
      );
      const added = ty.filter(
        (t) => !tx.includes(t) && !(t === 'integer' && tx.includes('number')),
      );
      if (x === undefined) emit(at, 'type-added', `now restricted to ${ty.join(', ')}`, 'major');
      else if (y === undefined)
        emit(
          at,
          'type-removed',
          `no longer restricted to ${tx.join(', ')} (consumers may get any type)`,
          'major',
        );
      else {
        if (removed.length)
          emit(at, 'type-narrowed', `no longer allows ${removed.join(', ')}`, 'major');
        if (added.length)
          emit(
            at,
            'type-widened',
            `now also allows ${added.join(', ')} (consumers may get a type they do not handle)`,
            'major',
          );
      }
    } else if (key === 'enum') {
      const ex = Array.isArray(x) ? x.map(canonical) : null;
      const ey = Array.isArray(y) ? y.map(canonical) : null;
      if (!ex) emit(at, 'enum-added', 'values now restricted to a list', 'major');
      else if (!ey) emit(at, 'enum-removed', 'values no longer restricted to a list', 'minor');
      else {
        const removed = ex.filter((v) => !ey.includes(v));
        const added = ey.filter((v) => !ex.includes(v));
        if (removed.length)
          emit(at, 'enum-narrowed', `values removed: ${removed.join(', ')}`, 'major');
        if (added.length) emit(at, 'enum-extended', `new values: ${added.join(', ')}`, 'minor');
      }
    } else if (key === 'required') {
      const rx = Array.isArray(x) ? x.map(String) : [];
      const ry = Array.isArray(y) ? y.map(String) : [];
      const added = ry.filter((r) => !rx.includes(r));
      const removed = rx.filter((r) => !ry.includes(r));
      if (added.length) emit(at, 'required-added', `now required: ${added.join(', ')}`, 'major');
      if (removed.length)
        emit(
          at,
          'required-removed',
          `no longer required (consumers can no longer rely on them): ${removed.join(', ')}`,
          'major',
        );
    } else if (
      key === 'pattern' ||
      key === 'format' ||
      key === 'const' ||
      key === 'contentMediaType' ||
      key === 'contentEncoding'
    ) {
      if (y === undefined) emit(at, `${key}-removed`, `${key} removed (looser)`, 'minor');
      else
        emit(
          at,
          x === undefined ? `${key}-added` : `${key}-changed`,
          `${key} ${x === undefined ? 'added' : `${canonical(x)} →`} ${canonical(y)}`,
          'major',
        );
    } else if (LOWER.has(key) || UPPER.has(key)) {
      const nx = typeof x === 'number' ? x : undefined;
      const ny = typeof y === 'number' ? y : undefined;
      const stricter =
        ny !== undefined && (nx === undefined || (LOWER.has(key) ? ny > nx : ny < nx));
      emit(
        at,
        stricter ? 'bound-tightened' : 'bound-loosened',
        `${key} ${nx ?? '(none)'} → ${ny ?? '(none)'}`,
        stricter ? 'major' : 'minor',
      );
    } else if (key === 'uniqueItems') {
      emit(
        at,
        y === true ? 'unique-items-added' : 'unique-items-removed',
        `uniqueItems ${String(x ?? false)} → ${String(y ?? false)}`,
        y === true ? 'major' : 'minor',
      );
    } else if (SCHEMA_MAPS.has(key)) {
      const mx = isObject(x) ? x : {};
      const my = isObject(y) ? y : {};
      const what =
        key === 'properties'
          ? 'field'
          : key === 'patternProperties'
            ? 'pattern property'
            : key === 'dependentSchemas'
              ? 'dependent schema'
              : 'definition';
      for (const k of [...new Set([...Object.keys(mx), ...Object.keys(my)])].sort()) {
        const p = `${at}/${escapePointerToken(k)}`;
        if (!(k in my))
          emit(p, `${what.replace(' ', '-')}-removed`, `${what} "${k}" removed`, 'major');
        else if (!(k in mx))
          emit(
            p,
            `${what.replace(' ', '-')}-added`,
            `new ${what} "${k}"`,
            key === 'dependentSchemas' ? 'major' : 'minor',
          );
        else compare(mx[k], my[k], p, emit, idVersion);
      }
    } else if (LISTS.has(key)) {
      const lx = Array.isArray(x) ? x : [];
      const ly = Array.isArray(y) ? y : [];
      for (let i = 0; i < Math.max(lx.length, ly.length); i++) {
        const p = `${at}/${i}`;
        const stricterWhenAdded = key === 'allOf' || key === 'prefixItems' || key === 'oneOf';
        if (i >= ly.length)
          emit(
            p,
            `${key}-entry-removed`,
            `${key} entry ${i} removed`,
            stricterWhenAdded && key === 'allOf' ? 'minor' : 'major',
          );
        else if (i >= lx.length)
          emit(
            p,
            `${key}-entry-added`,
            `new ${key} entry ${i}`,
            stricterWhenAdded ? 'major' : 'minor',
          );
        else compare(lx[i], ly[i], p, emit, idVersion);
      }
    } else if (SUBSCHEMA.has(key)) {
      if (x === undefined)
        emit(at, `${key}-added`, `new ${key} constraint`, y === true ? 'minor' : 'major');
      else if (y === undefined)
        emit(
          at,
          `${key}-removed`,
          `${key} constraint removed (looser)`,
          x === true ? 'patch' : 'minor',
        );
      else compare(x, y, at, emit, idVersion);
    } else if (key === '$ref' || key === '$dynamicRef') {
      emit(
        at,
        'ref-changed',
        `${key} ${String(x ?? '(none)')} → ${String(y ?? '(none)')}`,
        'major',
      );
    } else {
      emit(at, 'keyword-changed', `${key} ${canonical(x)} → ${canonical(y)}`, 'major');
    }
  }
}

/** The OLD folder a NEW folder is compared with: the same version, else OLD's newest version below it. */
function counterpart(oldSchemas: Schemas, version: string): string | null {
  if (oldSchemas.has(version)) return version;
  const below = [...oldSchemas.keys()]
    .filter((v) => compareVersions(v, version) < 0)
    .sort(compareVersions);
  return below.at(-1) ?? null;
}

export function diffSchemas(oldSchemas: Schemas, newSchemas: Schemas): SchemaChange[] {
  const out: SchemaChange[] = [];
  for (const [version, files] of newSchemas) {
    const against = counterpart(oldSchemas, version);
    const base = against ? oldSchemas.get(against)! : new Map<string, Rec>();
    const extra = against && against !== version ? { against } : {};
    const idVersion = (id: string) =>
      against && against !== version ? id.replace(`/${against}/`, `/${version}/`) : id;
    for (const [file, schema] of files) {
      const name = `${version}/${file}`;
      const old = base.get(file);
      if (!old) {
        out.push({
          file: name,
          ...extra,
          pointer: '',
          kind: 'schema-added',
          detail: against ? `new schema (not in ${against})` : 'new schema version',
          bump: 'minor',
        });
        continue;
      }
      compare(
        old,
        schema,
        '',
        (pointer, kind, detail, bump) =>
          out.push({ file: name, ...extra, pointer, kind, detail, bump }),
        idVersion,
      );
    }
    for (const file of base.keys())
      if (!files.has(file))
        out.push({
          file: `${against}/${file}`,
          ...(against !== version ? { against: against! } : {}),
          pointer: '',
          kind: 'schema-removed',
          detail: `schema removed${against !== version ? ` from ${version}` : ''}`,
          bump: 'major',
        });
  }
  // A released version folder that disappears breaks every import of its files and every $id in it.
  for (const version of oldSchemas.keys())
    if (!newSchemas.has(version))
      out.push({
        file: `${version}/`,
        pointer: '',
        kind: 'schema-version-removed',
        detail: `schema version ${version} removed (its $ids and import paths no longer resolve)`,
        bump: 'major',
      });
  return out;
}
