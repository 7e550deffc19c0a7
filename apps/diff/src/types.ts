import type { CollectionName } from '@encrochat-ledger/core';
import type { Bump } from './bump.js';

/** The record collections of the data folder and bundle, plus the claims nested in sources. */
export type Collection = CollectionName | 'claims';

export type RecordChangeKind =
  'added' | 'removed' | 'renamed' | 'withdrawn' | 'reinstated' | 'changed';

/** One field of one record that differs: `path` is dotted (`scope.place`, `breakdown.drug`). */
export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

export interface RecordChange {
  collection: Collection;
  kind: RecordChangeKind;
  /** The id in NEW (in OLD for a removed record). */
  id: string;
  /** The former id of a renamed record. */
  from?: string;
  /** The source of a claim. */
  source_id?: string;
  /** Field by field, for changed, renamed and withdrawn records (without id, aliases, withdrawn, superseded_by where the kind says it). */
  fields?: FieldChange[];
  withdrawn?: { date: string; reason: string };
  superseded_by?: string;
  bump: Bump;
  /** Why this bump, in words. */
  why: string;
}

/** A field used by the records of a collection on one side only (compared only when a side has no schemas). */
export interface FieldSetChange {
  collection: Collection;
  field: string;
  kind: 'added' | 'removed';
  bump: Bump;
  why: string;
}

export interface SchemaChange {
  /** `<version>/<file>` in NEW (in OLD for a removed file). */
  file: string;
  /** The schema folder compared against in OLD (`1.0`), when it differs from NEW's. */
  against?: string;
  /** JSON Pointer into the schema. */
  pointer: string;
  kind: string;
  detail: string;
  bump: Bump;
}

export interface SideInfo {
  /** What was read: a path, or `git:<ref>`. */
  label: string;
  /** The dataset version, when known (bundle `version`, or packages/dataset/package.json). */
  version: string | null;
  /** The schema versions present (`["1.0"]`), or null when the side has no schemas. */
  schema_versions: string[] | null;
}

export interface DataDiff {
  /** Format of this document. */
  format: 'encrochat-ledger-diff/1';
  old: SideInfo;
  new: SideInfo;
  /** The smallest release that the change needs. */
  bump: Bump;
  counts: Record<RecordChangeKind, number> & { fields: number; schemas: number };
  records: RecordChange[];
  fields: FieldSetChange[];
  schemas: SchemaChange[];
}
