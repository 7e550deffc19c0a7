import { assembleBundle as assemble, type RecordEntry } from '@encrochat-ledger/core';
import type { DatasetBundle } from '../src/generated/schema-types.js';

/** The bundle: every collection sorted by id, without the editor-only `$schema` keys (core's, which the exporter's --data uses too). */
export function assembleBundle(records: readonly RecordEntry[], version: string): DatasetBundle {
  return assemble(records, version) as unknown as DatasetBundle;
}
