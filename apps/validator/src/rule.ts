import type {
  Ajv2020,
  CollectionName,
  DataFile,
  ParsedFile,
  QuickValidator,
  RecordEntry,
  JsonRecord,
} from '@encrochat-ledger/core';
import type { Severity } from './finding.js';

/** One problem found by a rule, before the engine adds the code, severity and position. */
export interface Issue {
  /** The record at fault (its file and base pointer), or a file for file-level rules. */
  entry?: RecordEntry;
  file?: DataFile;
  /** Pointer relative to the record (or to the file, for file rules). */
  pointer: string;
  message: string;
  hint: string;
  /** Overrides the rule's severity for this issue. */
  severity?: Severity;
  /** Position in the file, when the rule knows it better than the pointer does. */
  line?: number;
  column?: number;
  /** An id that exceptions can name (a claim id), when the rule supports exceptions. */
  exceptionKey?: string;
}

export interface FileRule {
  code: string;
  title: string;
  severity: Severity;
  scope: 'file';
  check(file: DataFile, read: ParsedFile): Issue[];
}

export interface Context {
  records: RecordEntry[];
  of(collection: CollectionName): RecordEntry[];
  /** Whether an id (or alias) exists in a collection; `claims` for claim ids. */
  has(collection: CollectionName | 'claims', id: unknown): boolean;
  get(collection: CollectionName, id: unknown): JsonRecord | undefined;
  /** Ajv reporting every error (for the messages). */
  ajv: Ajv2020;
  /** A validator stopping at the first error, per schema file: most records are valid, and this answers them faster. */
  quickValidator(schemaFile: string): QuickValidator;
  /** Folder of archived source texts, or null when not available. */
  archiveDir: string | null;
  /** Today (ISO date), for the "not in the future" rules. */
  today: string;
}

export interface DataRule {
  code: string;
  title: string;
  severity: Severity;
  scope: 'record' | 'dataset';
  check(ctx: Context): Issue[];
}

export type Rule = FileRule | DataRule;

export interface ClaimEntry {
  entry: RecordEntry;
  claim: JsonRecord;
  /** `/claims/<index>`, relative to the source record. */
  pointer: string;
  source: JsonRecord;
}

const claimLists = new WeakMap<Context, ClaimEntry[]>();

/** Every claim (an object) of every source with its pointer; listed once per run and shared by the rules. */
export function eachClaim(ctx: Context): readonly ClaimEntry[] {
  let list = claimLists.get(ctx);
  if (list) return list;
  list = [];
  for (const entry of ctx.of('sources')) {
    const claims = entry.record.claims;
    if (!Array.isArray(claims)) continue;
    for (let i = 0; i < claims.length; i++) {
      const claim = claims[i];
      if (claim && typeof claim === 'object')
        list.push({ entry, claim, pointer: `/claims/${i}`, source: entry.record });
    }
  }
  claimLists.set(ctx, list);
  return list;
}

/** A claim and the source it belongs to. */
export interface ClaimRef {
  claim: JsonRecord;
  source: JsonRecord;
}

const claimMaps = new WeakMap<Context, Map<string, ClaimRef>>();

/** Every claim by its id and aliases (the first claim wins a clash, which ID002 reports); built once per run. */
export function claimsById(ctx: Context): ReadonlyMap<string, ClaimRef> {
  let map = claimMaps.get(ctx);
  if (map) return map;
  map = new Map();
  for (const { claim, source } of eachClaim(ctx))
    for (const id of [claim.id, ...(Array.isArray(claim.aliases) ? claim.aliases : [])])
      if (typeof id === 'string' && !map.has(id)) map.set(id, { claim, source });
  claimMaps.set(ctx, map);
  return map;
}
