/** The records of a parsed file: one record per file in a collection folder, or every record of a bundle. */
import { collectionNames, type CollectionName } from './collections.js';
import { SCHEMA_VERSION } from './schemas.js';
import type { DataFile } from './data-files.js';
import type { FileIssue } from './file-checks.js';

/**
 * A record as read from JSON: an object whose fields the schema checks, so its values are not
 * typed here. Code that reads records before or beside the schema check uses this one name.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read before its schema check
export type JsonRecord = Record<string, any>;

export interface RecordEntry {
  file: DataFile;
  collection: CollectionName;
  /** Pointer of the record inside its file: '' for one record per file, `/sources/3` in a bundle. */
  base: string;
  record: JsonRecord;
}

/** Whether a parsed document is a built bundle (`data.json`) rather than one record. */
export function isBundle(value: unknown): value is Record<CollectionName, unknown[]> {
  return (
    !!value &&
    typeof value === 'object' &&
    (value as { name?: unknown }).name === 'encrochat-ledger' &&
    Array.isArray((value as { sources?: unknown }).sources)
  );
}

/**
 * The bundle of `records` (what the dataset build writes as data.json, and the exporter exports from
 * a data folder): every collection sorted by id, without the editor-only `$schema` keys.
 */
export function assembleBundle(
  records: readonly RecordEntry[],
  version: string,
): Record<string, unknown> {
  const bundle: Record<string, unknown> = {
    name: 'encrochat-ledger',
    version,
    schema_version: SCHEMA_VERSION,
  };
  for (const name of collectionNames)
    bundle[name] = records
      .filter((r) => r.collection === name)
      .map(({ record }) => {
        const { $schema: _editorOnly, ...rest } = record;
        return rest;
      })
      .sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  return bundle;
}

const isRecord = (value: unknown): value is JsonRecord =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The records of a file's parsed value, or the problem that it is not one record. A bundle gives
 * every object of its collections; a file outside the collection folders gives none (the
 * unknown-collection check reports it).
 */
export function recordsOf(file: DataFile, value: unknown): RecordEntry[] | FileIssue {
  if (isBundle(value)) {
    const records: RecordEntry[] = [];
    for (const name of collectionNames) {
      const list = value[name];
      if (Array.isArray(list))
        list.forEach(
          (record, i) =>
            isRecord(record) &&
            records.push({ file, collection: name, base: `/${name}/${i}`, record }),
        );
    }
    return records;
  }
  if (!file.collection) return [];
  if (isRecord(value)) return [{ file, collection: file.collection, base: '', record: value }];
  return {
    file,
    pointer: '',
    message: `expected one JSON object (a ${file.collection.replace(/s$/, '')} record), found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
    hint: 'one record per file, as an object',
  };
}
