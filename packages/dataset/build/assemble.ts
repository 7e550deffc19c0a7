import { collections, SCHEMA_VERSION, type RecordEntry } from '@encrochat-ledger/core';
import type { DatasetBundle } from '../src/generated/schema-types.js';

/** The bundle: every collection sorted by id, without the editor-only `$schema` keys. */
export function assembleBundle(records: readonly RecordEntry[], version: string): DatasetBundle {
  const bundle: Record<string, unknown> = {
    name: 'encrochat-ledger',
    version,
    schema_version: SCHEMA_VERSION,
  };
  for (const { name } of collections) {
    bundle[name] = records
      .filter((r) => r.collection === name)
      .map(({ record }) => {
        const { $schema: _editorOnly, ...rest } = record;
        return rest;
      })
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  }
  return bundle as unknown as DatasetBundle;
}
