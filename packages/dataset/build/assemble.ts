import type { DatasetBundle } from '../src/generated/schema-types.js';
import type { DateBounds } from '../src/claims-table.js';
import { collections } from './validator.js';
import type { LoadedRecord } from './load-data.js';
import { SCHEMA_VERSION } from './validator.js';
import { edtfBounds } from './validator.js';

/** The bundle: every collection sorted by id, without the editor-only `$schema` keys. */
export function assembleBundle(records: LoadedRecord[], version: string): DatasetBundle {
  const bundle: Record<string, unknown> = { name: 'encrochat-ledger', version, schema_version: SCHEMA_VERSION };
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

/** The day bounds of every EDTF string used by a claim's as_of or a source's publication date. */
export function collectDateBounds(bundle: DatasetBundle): DateBounds {
  const values = new Set<string>();
  for (const source of bundle.sources) {
    if (source.published) values.add(source.published);
    for (const claim of source.claims) values.add(claim.as_of);
  }
  const dates: Record<string, readonly [string | null, string | null]> = {};
  for (const value of [...values].sort()) {
    const { start, end } = edtfBounds(value);
    dates[value] = [start, end];
  }
  return dates;
}
