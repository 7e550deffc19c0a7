/** The whole diff of two sides: records, fields (without schemas) and schemas, and the bump it needs. */
import { maxBump } from './bump.js';
import { loadSide, type Side } from './load.js';
import { diffFieldSets, diffRecords } from './records.js';
import { diffSchemas } from './schemas.js';
import type { DataDiff, RecordChangeKind } from './types.js';

export function diffSides(oldSide: Side, newSide: Side): DataDiff {
  const records = diffRecords(oldSide, newSide);
  const bothSchemas = oldSide.schemas && newSide.schemas;
  const schemas = bothSchemas ? diffSchemas(oldSide.schemas!, newSide.schemas!) : [];
  const fields = bothSchemas ? [] : diffFieldSets(oldSide, newSide);
  const kinds: RecordChangeKind[] = [
    'added',
    'removed',
    'renamed',
    'withdrawn',
    'reinstated',
    'changed',
  ];
  const counts = Object.fromEntries(
    kinds.map((k) => [k, records.filter((r) => r.kind === k).length]),
  ) as Record<RecordChangeKind, number>;
  return {
    format: 'encrochat-ledger-diff/1',
    old: oldSide.info,
    new: newSide.info,
    bump: maxBump(
      ...records.map((r) => r.bump),
      ...fields.map((f) => f.bump),
      ...schemas.map((s) => s.bump),
    ),
    counts: { ...counts, fields: fields.length, schemas: schemas.length },
    records,
    fields,
    schemas,
  };
}

/** Diffs two bundles, folders or git refs (paths first, then refs of the repository at `cwd`). */
export function diff(oldSpec: string, newSpec: string, cwd = process.cwd()): DataDiff {
  return diffSides(loadSide(oldSpec, cwd), loadSide(newSpec, cwd));
}
